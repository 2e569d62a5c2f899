#!/bin/sh
# Runs suite number I of the jobs file written by tests/run.sh, and leaves
# beside it job-I.results (its PASS/FAIL/SKIP lines, tagged with the build),
# job-I.stdout, job-I.stderr and job-I.seconds.
# Usage: tests/run_one.sh JOBS_FILE I
set -u
jobs_file=$1 i=$2
dir=$(dirname "$jobs_file")
line=$(sed -n "${i}p" "$jobs_file")
label=$(printf '%s' "$line" | cut -f1)
build=$(printf '%s' "$line" | cut -f2)
cmd=$(printf '%s' "$line" | cut -f3)
# a fourth field "pcsc" marks the suites of the pcscd lane
out="$dir/job-$i"
# Each suite gets its own data folder (desk key, drafts), so suites running
# side by side never share one, and none touches the user's.
data=$(mktemp -d /tmp/yorisoi-suite.XXXXXX)
# Suites outside the pcscd lane must not see the private pcscd a card suite
# is running beside them: a console there waiting for a card would connect
# to the card suite's virtual card and take it (SCardConnect: sharing
# violation). libpcsclite reads its socket's path from PCSCLITE_CSOCK_NAME.
case "$line" in
*"	pcsc") ;;
*) export PCSCLITE_CSOCK_NAME="$data/no-pcscd.comm" ;;
esac
start=$(date +%s)
# shellcheck disable=SC2086
XDG_DATA_HOME="$data" BUILD="$build" $cmd >"$out.stdout" 2>"$out.stderr" </dev/null
rc=$?
echo $(($(date +%s) - start)) >"$out.seconds"
rm -rf "$data"
grep -E '^(PASS|FAIL|SKIP): ' "$out.stdout" | sed "s|^\(PASS\|FAIL\|SKIP\): |&[$build] |" >"$out.results"
if [ $rc -ne 0 ] && ! grep -q '^FAIL: ' "$out.stdout"; then
	echo "FAIL: [$build] $label (exit $rc, see $out.stderr)" >>"$out.results"
fi
echo "   $label [$build] done in $(cat "$out.seconds") s" >&2
