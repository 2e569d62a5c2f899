#!/bin/sh
# Postal-code lookups per second, against a full-table scan measured in the
# same run. Prints figures, asserts nothing.
# Usage: tests/bench/postal_lookup.sh [LOOKUPS]   (BUILD=build by default)
set -eu
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
# A sanitizer build's objects need the sanitizer flags to link (and its
# figures say little about speed).
case "$build" in
*asan*) set -- "${1:-20000}" SAN=1 OPT=-O1 ;;
*) set -- "${1:-200000}" ;;
esac
lookups=$1
shift
make --no-print-directory BUILD="$build" "$@" "$build/postal.db" "$build/postal-bench" >/dev/null
ls -l "$build/postal.db" | awk '{ printf "postal: postal.db %.1f MB\n", $5 / 1048576 }'
"$build/postal-bench" "$build/postal.db" "$lookups"
