#!/bin/sh
# Builds and runs the handoff benchmark (tests/bench/handoff_bench.c): for
# each form's reference household, our code beside the naive encodings,
# with QR version, modules and area ratio. Prints figures; not a test.
# Usage: tests/bench/handoff_bench.sh [ANSWERS.json...]
set -eu
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
out="$B/bench"
make --no-print-directory BUILD="$B" "$out/handoff_bench" >/dev/null || exit 1
if [ $# -eq 0 ]; then
	set -- tests/data/answers/*_ref.json tests/data/answers/juminhyo_*.json
fi
"$out/handoff_bench" "$@"
