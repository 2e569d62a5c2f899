#!/bin/sh
# Runs every suite against each build directory given, and closes with the
# line "N passed, N failed". Each suite prints "PASS: name" / "FAIL: name"
# lines; a suite that dies without saying FAIL counts as one failure.
# Usage: tests/run.sh [--only-asan] BUILD_DIR...
set -u
cd "$(dirname "$0")/.."

log_dir=build/test-logs
mkdir -p "$log_dir"
results="$log_dir/results.txt"
: >"$results"

run_suite() { # label build cmd...
	label=$1 build=$2
	shift 2
	out="$log_dir/$(echo "$build-$label" | tr '/ []' '____').log"
	echo "== $label"
	BUILD="$build" "$@" >"$out.stdout" 2>"$out.stderr"
	rc=$?
	grep -E '^(PASS|FAIL): ' "$out.stdout" | sed "s|^\(PASS\|FAIL\): |&[$build] |" | tee -a "$results"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL: ' "$out.stdout"; then
		echo "FAIL: [$build] $label (exit $rc, see $out.stderr)" | tee -a "$results"
	fi
	if grep -q '^FAIL: ' "$out.stdout" || [ $rc -ne 0 ]; then
		echo "--- stderr of $label (last 40 lines):"
		tail -n 40 "$out.stderr"
	fi
}

for build in "$@"; do
	case "$build" in --only-asan) continue ;; esac
	[ -x "$build/unit-tests" ] || { echo "FAIL: [$build] not built" | tee -a "$results"; continue; }
	run_suite "unit" "$build" env YORISOI_LOCALEDIR="$build/locale" "$build/unit-tests"
	run_suite "forms-check" "$build" sh tests/forms_check.sh
	for t in tests/integration/*.sh tests/e2e/*.sh; do
		case "$t" in *lib.sh) continue ;; esac # sourced helpers, not suites
		[ -f "$t" ] || continue
		run_suite "$t" "$build" sh "$t"
	done
	case "$build" in
	*asan*) ;;
	*) [ -f tests/fuzz/run.sh ] && run_suite "fuzz" "$build" sh tests/fuzz/run.sh short ;;
	esac
done

passed=$(grep -c '^PASS: ' "$results")
failed=$(grep -c '^FAIL: ' "$results")
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
