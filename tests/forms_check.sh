#!/bin/sh
# Every shipped form definition passes `yorisoi forms check`.
cd "$(dirname "$0")/.."
B=${BUILD:-build}
if out=$("$B/yorisoi" forms check forms 2>&1); then
	echo "PASS: forms/check-clean"
else
	echo "$out" >&2
	echo "FAIL: forms/check-clean"
fi
