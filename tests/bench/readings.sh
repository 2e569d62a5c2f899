#!/bin/sh
# Reading suggestions (tests/bench/readings.c): how often the console's
# suggested フリガナ is the usual reading of a real Japanese name
# (tests/data/names/ja-names.tsv). Figures only, no assertions; -v lists
# the wrong guesses. Usage: BUILD=build sh tests/bench/readings.sh [-v]
set -eu
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
sh scripts/install-deps.sh bench
make --no-print-directory BUILD="$B" "$B/bench/readings" >/dev/null
exec "$B/bench/readings" tests/data/names/ja-names.tsv "$@"
