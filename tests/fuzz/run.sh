#!/bin/sh
# Builds the libFuzzer targets with clang and runs each for a bounded time:
# `short` (in make test, a few seconds each, deterministic seed) or `long`
# (make fuzz). Crashes are kept in build/fuzz/; new corpus entries are not
# written back to tests/ in short mode, so the tree stays clean.
set -u
cd "$(dirname "$0")/../.."
mode=${1:-short}
out=build/fuzz
mkdir -p "$out"

if ! command -v clang >/dev/null 2>&1; then
	echo "FAIL: fuzz/clang-missing"
	exit 1
fi

build_target() { # name: through the Makefile (FUZZ_BIN), with its flags
	make --no-print-directory "$out/$1" >"$out/$1.build.log" 2>&1
}

run_target() { # name seconds
	name=$1 secs=$2
	corpus=tests/fuzz/corpus/${name#fuzz_}
	work="$out/corpus-$name"
	rm -rf "$work"
	mkdir -p "$work"
	if [ "$mode" = long ]; then work=$corpus; fi
	# Short runs are bounded by a count with a fixed seed, so they repeat
	# exactly; the time limit is only a safety net.
	limit="-runs=$runs"
	[ "$mode" = long ] && limit=""
	if "$out/$name" $limit -max_total_time="$secs" -seed=1 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$out/$name-" "$work" "$corpus" >"$out/$name.log" 2>&1; then
		echo "PASS: fuzz/$name ($(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/$name.log" | awk '{print $2}') runs)"
	else
		echo "FAIL: fuzz/$name (see $out/$name.log)"
		tail -n 30 "$out/$name.log" >&2
	fi
}

secs=60
runs=20000
[ "$mode" = long ] && secs=300

for name in fuzz_basic4 fuzz_card_read fuzz_handoff_decode fuzz_form_load; do
	if build_target $name; then
		run_target $name $secs
	else
		echo "FAIL: fuzz/$name (build, see $out/$name.build.log)"
	fi
done
