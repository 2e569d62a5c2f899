#!/bin/sh
# Keystroke benchmark (tests/bench/keystrokes.c): for every procedure in
# forms/ with a reference household in tests/data/households/, the keys the
# console needs against typing every answer; prints the ratio per form.
# Figures only, no assertions. Usage: BUILD=build sh tests/bench/keystrokes.sh
set -eu
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
make --no-print-directory BUILD="$B" "$B/bench/keystrokes" >/dev/null
exec "$B/bench/keystrokes" forms tests/data/households
