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

pkgs="libpcsclite sqlite3 libqrencode libsodium libxml-2.0 zlib jansson libpng"
cflags="-std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DPREFIX=\"/usr/local\" -g -O1 -I. \
$(pkg-config --cflags $pkgs) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
libs="$(pkg-config --libs $pkgs) -lunistring"

build_target() { # name sources...
	name=$1
	shift
	# shellcheck disable=SC2086
	clang $cflags -o "$out/$name" "tests/fuzz/$name.c" "$@" $libs 2>"$out/$name.build.log"
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

engine_src=$(ls engine/*.c)
if build_target fuzz_basic4 cardio/*.c; then run_target fuzz_basic4 $secs; else echo "FAIL: fuzz/fuzz_basic4 (build, see $out/fuzz_basic4.build.log)"; fi
if build_target fuzz_card_read cardio/*.c; then run_target fuzz_card_read $secs; else echo "FAIL: fuzz/fuzz_card_read (build, see $out/fuzz_card_read.build.log)"; fi
# shellcheck disable=SC2086
if build_target fuzz_handoff_decode handoff/*.c $engine_src; then run_target fuzz_handoff_decode $secs; else echo "FAIL: fuzz/fuzz_handoff_decode (build)"; fi
# shellcheck disable=SC2086
if build_target fuzz_form_load $engine_src; then run_target fuzz_form_load $secs; else echo "FAIL: fuzz/fuzz_form_load (build)"; fi
