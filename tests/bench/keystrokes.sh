#!/bin/sh
# Keystroke benchmark (tests/bench/keystrokes.c): for every procedure in
# forms/ with a reference household in tests/data/households/, the keys the
# console needs against typing every answer; prints the ratio per form.
# Figures only, no assertions. Usage: BUILD=build sh tests/bench/keystrokes.sh
set -eu
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
mkdir -p "$B/bench"
# Built here, not by the Makefile: the engine's sources and its libraries.
${CC:-cc} -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -O2 -Wall -Wextra -Werror -I. \
	$(pkg-config --cflags libxml-2.0 jansson) \
	-o "$B/bench/keystrokes" tests/bench/keystrokes.c engine/*.c \
	$(pkg-config --libs libxml-2.0 jansson) -lunistring
exec "$B/bench/keystrokes" forms tests/data/households
