#!/bin/sh
# APDUs per card read, ours against a naive myna-go/myna-rs style reader,
# both counted by the emulated card (tests/bench/card_apdus.c). Prints
# figures, asserts nothing. Usage: [BUILD=dir] sh tests/bench/card_apdus.sh
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
out=$BUILD/bench
make --no-print-directory BUILD="$BUILD" "$out/card-apdus" >/dev/null || exit 1
echo "APDUs of one read of EF 0002 (emulated card; lower is better)"
"$out/card-apdus" tests/data/personas/hanako.persona tests/data/personas/last-try.persona \
	tests/data/personas/long-address.persona
