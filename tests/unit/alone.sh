#!/bin/sh
# Each library module's unit tests, linked with that module alone (and the
# engine it builds on), not with tui/: a module that reaches across the
# boundary no longer links, and this fails. One line per module; the
# checks themselves are counted in the unit suite.
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
for m in cardio engine store handoff; do
	exe="$B/unit-$m"
	if [ ! -x "$exe" ]; then
		echo "$exe was not built (make $exe)" >&2
		echo "FAIL: unit-alone/$m"
		continue
	fi
	if YORISOI_LOCALEDIR="$B/locale" "$exe" >"$B/test-logs/unit-$m.txt" 2>&1; then
		echo "PASS: unit-alone/$m ($(grep -c '^PASS' "$B/test-logs/unit-$m.txt") checks)"
	else
		grep '^FAIL' "$B/test-logs/unit-$m.txt" >&2
		echo "FAIL: unit-alone/$m"
	fi
done
