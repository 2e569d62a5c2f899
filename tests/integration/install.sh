#!/bin/sh
# `make install` with DESTDIR gives a tree that works where it was put:
# the binaries, the forms, the catalogues and the man page.
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
case "$B" in *asan*) exit 0 ;; esac # one build is enough to check the layout
dest=$(mktemp -d /tmp/yorisoi-install.XXXXXX)
trap 'rm -rf "$dest"' EXIT

if make --no-print-directory BUILD="$B" install DESTDIR="$dest" PREFIX=/usr/local >"$dest.log" 2>&1; then
	pass=1
else
	cat "$dest.log" >&2
	pass=0
fi
rm -f "$dest.log"
bin=$dest/usr/local/bin
if [ $pass = 1 ] && [ -x "$bin/yorisoi" ] && [ -x "$bin/yorisoi-cardsim" ] &&
	[ -f "$dest/usr/local/share/man/man1/yorisoi.1" ] &&
	[ -f "$dest/usr/local/share/locale/ja/LC_MESSAGES/yorisoi.mo" ]; then
	echo "PASS: install/files"
else
	echo "FAIL: install/files"
fi
if "$bin/yorisoi" forms check >/dev/null 2>&1 && "$bin/yorisoi" forms list | grep -q juminhyo; then
	echo "PASS: install/finds-its-forms"
else
	echo "FAIL: install/finds-its-forms"
fi
