#!/bin/sh
# Runs every suite against each build directory given, and closes with the
# line "N passed, N failed" (", N skipped" when a suite printed SKIP lines).
# Each suite prints "PASS: name" / "FAIL: name" / "SKIP: name (why)" lines;
# a suite that dies without saying FAIL counts as one failure.
#
# Suites run in parallel ($YORISOI_TEST_JOBS at a time, default 3: most of
# them wait on tmux screens, pcscd or zbarimg rather than on a core), except
# those that use pcscd: it always serves /run/pcscd/pcscd.comm, so they take
# turns in a lane of their own beside the others. Results are printed in a
# fixed order once all are done, with each failed suite's stderr.
# Usage: tests/run.sh [--only-asan] BUILD_DIR...
set -u
cd "$(dirname "$0")/.."

log_dir=build/test-logs
mkdir -p "$log_dir"
results="$log_dir/results.txt"
jobs_file="$log_dir/jobs.txt"
: >"$results"
: >"$jobs_file"
jobs=${YORISOI_TEST_JOBS:-3}

# add_job LABEL BUILD CMD...: one line "label<TAB>build<TAB>cmd" per suite.
n=0
pcsc_jobs=""
other_jobs=""
add_job() {
	label=$1 build=$2
	shift 2
	n=$((n + 1))
	case "$*" in
	*card_*|*household_cards*)
		printf '%s\t%s\t%s\tpcsc\n' "$label" "$build" "$*" >>"$jobs_file"
		pcsc_jobs="$pcsc_jobs $n"
		;;
	*)
		printf '%s\t%s\t%s\n' "$label" "$build" "$*" >>"$jobs_file"
		other_jobs="$other_jobs $n"
		;;
	esac
}

for build in "$@"; do
	case "$build" in --only-asan) continue ;; esac
	if [ ! -x "$build/unit-tests" ]; then
		echo "FAIL: [$build] not built" | tee -a "$results"
		continue
	fi
	add_job unit "$build" env YORISOI_LOCALEDIR="$build/locale" "$build/unit-tests"
	add_job forms-check "$build" sh tests/forms_check.sh
	for t in tests/integration/*.sh tests/e2e/*.sh; do
		case "$t" in *lib.sh) continue ;; esac # sourced helpers, not suites
		[ -f "$t" ] || continue
		add_job "$t" "$build" sh "$t"
	done
	case "$build" in
	*asan*) ;;
	*)
		[ -f tests/fuzz/run.sh ] && add_job fuzz "$build" sh tests/fuzz/run.sh short
		add_job unit-alone "$build" sh tests/unit/alone.sh
		# every procedure walked in every other language (English is above),
		# one suite each so they share the parallel pool
		for lang in $(cat "$build/locale/LINGUAS" 2>/dev/null); do
			[ "$lang" = en ] && continue
			add_job "all_forms[$lang]" "$build" env YORISOI_E2E_LANGS="$lang" sh tests/e2e/all_forms.sh
		done
		# SIGKILL torture, bounded here; `make torture` runs it longer
		add_job torture-plain "$build" /usr/bin/python3 tests/torture/kill_plain.py \
			"$build/yorisoi" "${YORISOI_TORTURE_PLAIN:-200}"
		add_job torture-console "$build" sh tests/torture/kill_console.sh \
			"${YORISOI_TORTURE_CONSOLE:-30}"
		;;
	esac
done

# The pcscd lane, one suite after another, beside the parallel pool.
(for i in $pcsc_jobs; do sh tests/run_one.sh "$jobs_file" "$i"; done) &
lane=$!
# shellcheck disable=SC2086
printf '%s\n' $other_jobs | xargs -r -P "$jobs" -n 1 sh tests/run_one.sh "$jobs_file"
wait $lane

i=0
while [ $i -lt $n ]; do
	i=$((i + 1))
	r="$log_dir/job-$i"
	label=$(sed -n "${i}p" "$jobs_file" | cut -f1)
	build=$(sed -n "${i}p" "$jobs_file" | cut -f2)
	echo "== $label [$build] ($(cat "$r.seconds" 2>/dev/null || echo '?') s)"
	if [ -f "$r.results" ]; then
		tee -a "$results" <"$r.results"
	else
		echo "FAIL: [$build] $label (did not run)" | tee -a "$results"
	fi
	if grep -q '^FAIL: ' "$r.results" 2>/dev/null; then
		echo "--- stderr of $label (last 40 lines):"
		tail -n 40 "$r.stderr" 2>/dev/null
	fi
done

passed=$(grep -c '^PASS: ' "$results")
failed=$(grep -c '^FAIL: ' "$results")
skipped=$(grep -c '^SKIP: ' "$results")
echo
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
