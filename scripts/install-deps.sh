#!/bin/sh
# Installs the Debian packages Yorisoi needs to build, run and test.
# As root it calls apt-get; otherwise it prints the exact command to run.
# Usage: scripts/install-deps.sh [run|test|bench]
# (MeCab and its IPA dictionary read names for the console's reading
# suggestions, and kanji for the keystroke benchmark's typing model)
set -eu

mode=${1:-run}

build_pkgs="build-essential pkg-config libncurses-dev libpcsclite-dev libsqlite3-dev \
libqrencode-dev libsodium-dev libxml2-dev libxml2-utils zlib1g-dev libjansson-dev libpng-dev libcairo2-dev libpango1.0-dev libunistring-dev libmecab-dev gettext locales"
run_pkgs="pcscd vsmartcard-vpcd fonts-noto-cjk fonts-noto-core cups-client mecab-ipadic-utf8"
test_pkgs="tmux zbar-tools valgrind clang libclang-rt-14-dev python3 python3-cryptography python3-polib poppler-utils procps \
debhelper dpkg-dev fakeroot lintian man-db groff-base cups-daemon"

pkgs="$build_pkgs $run_pkgs"
case $mode in test | bench) pkgs="$pkgs $test_pkgs" ;; esac

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "yorisoi: these packages are missing:$missing" >&2
	echo "Install them with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi

echo "yorisoi: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends $missing >/dev/null
