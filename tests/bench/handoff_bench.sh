#!/bin/sh
# Builds and runs the handoff benchmark (tests/bench/handoff_bench.c): for
# each form's reference household, our code beside the naive encodings,
# with QR version, modules and area ratio. Prints figures; not a test.
# Usage: tests/bench/handoff_bench.sh [ANSWERS.json...]
set -eu
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
out="$B/bench"
mkdir -p "$out"
pkgs="libqrencode libsodium libxml-2.0 zlib jansson libpng"
# shellcheck disable=SC2046,SC2086
${CC:-cc} -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DPREFIX=\"/usr/local\" -O2 -I. \
	$(pkg-config --cflags $pkgs) -o "$out/handoff_bench" tests/bench/handoff_bench.c \
	handoff/*.c engine/*.c $(pkg-config --libs $pkgs) \
	$(printf 'int main(void){return 0;}' | ${CC:-cc} -x c - -o /dev/null -lunistring 2>/dev/null && echo -lunistring)
if [ $# -eq 0 ]; then
	set -- tests/data/answers/*_ref.json tests/data/answers/juminhyo_*.json
fi
"$out/handoff_bench" "$@"
