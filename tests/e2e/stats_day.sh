#!/bin/sh
# The programme's numbers (issue 16, part 4): a scripted day of five visits,
# then `yorisoi stats` and `yorisoi stats --csv` compared with the exact
# expected tables, and the statistics file and output searched for what
# residents typed and for the demo card's name: none of it may be there.
#
# The day: YORISOI_TODAY fixes the date, and the test-only clock
# YORISOI_CLOCK_FILE (tui/console/visit_stats.h) is moved on by hand while
# an application is open, so every duration is exact.
#  1. console, English, demo card, certificate of residence: handed off (240 s)
#  2. plain, Vietnamese, a card on its last try: the PIN not sent (a PIN
#     block avoided), certificate typed by hand: handed off (300 s)
#  3. plain, Chinese, seal registration without a card: handed off (420 s)
#  4. plain, English, moving in: stopped after the first answer (120 s)
#  5. plain, Japanese, certificate: code made, never confirmed (180 s)
# Prints PASS:/FAIL: stats-day/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-statsday.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
trap '' PIPE # a console that died early fails its wait below, not this script
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export YORISOI_TODAY=2026-04-01
export YORISOI_CLOCK_FILE="$tmp/clock"
mkdir -p "$XDG_CONFIG_HOME/yorisoi"
stats_db="$XDG_DATA_HOME/yorisoi/stats.db"
echo 1000 >"$YORISOI_CLOCK_FILE"

# What residents typed (and the demo card's name): never in the statistics.
needles="ズブラクオッカ ずぶら 0399887766 ZEBRAQUOKKA ムーンハウス 0355501234 李小龍 0311112222 山田 花子 鈴木 次郎"

result() {
	if [ "$2" = 0 ]; then echo "PASS: stats-day/$1"; else echo "FAIL: stats-day/$1"; fi
}

# advance SECONDS: lets time pass on the test clock.
advance() { echo $(($(cat "$YORISOI_CLOCK_FILE") + $1)) >"$YORISOI_CLOCK_FILE"; }

# plain_walk NAME SECONDS BEFORE AFTER ARGS...: plain mode fed BEFORE (up
# to the start of the application, which prints its come-back code), then,
# once the code is out, the clock moved on SECONDS and AFTER fed; then the
# end of input. 1 when the code never showed or the console failed.
plain_walk() {
	name=$1 secs=$2 before=$3 after=$4
	shift 4
	rm -f "$tmp/in"
	mkfifo "$tmp/in"
	"$B/yorisoi" --plain "$@" <"$tmp/in" >"$tmp/$name.out" 2>"$tmp/$name.err" &
	pid=$!
	exec 3>"$tmp/in"
	printf '%b' "$before" >&3
	waited=0
	until grep -qE '[A-Z0-9]{4}-[A-Z0-9]{4}' "$tmp/$name.out"; do
		sleep 0.1
		waited=$((waited + 1))
		kill -0 "$pid" 2>/dev/null || waited=9999 # it ended without one
		if [ $waited -gt 600 ]; then
			echo "$name: no come-back code (waited up to 60 s)" >&2
			exec 3>&-
			kill "$pid" 2>/dev/null
			wait "$pid"
			return 1
		fi
	done
	advance "$secs"
	printf '%b' "$after" >&3
	exec 3>&-
	wait "$pid"
	rc=$?
	[ $rc -eq 0 ] || { echo "$name: exit $rc" >&2; cat "$tmp/$name.err" >&2; }
	return $rc
}

# ---- 1. the console, English, the demo card -----------------------------------
ok=0
E2E_MARK_EXIT=1
e2e_start 100 40 "YORISOI_TODAY=$YORISOI_TODAY YORISOI_CLOCK_FILE=$YORISOI_CLOCK_FILE" \
	"XDG_DATA_HOME=$XDG_DATA_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME" \
	"$B/yorisoi --demo --slip-dir $tmp 2>$tmp/console.err"
e2e_wait "言語" 10 || ok=1
e2e_type 2 # English
e2e_keys Enter
e2e_cert_to_phone "ずぶら くおっか" || ok=1
e2e_cert_to_review "0399887766" || ok=1
advance 240
e2e_make_code || ok=1
e2e_keys d
e2e_wait "y: yes, finish" 5 || ok=1
e2e_keys y
e2e_wait "Finished. The draft was deleted" 5 || ok=1
e2e_keys Down
e2e_wait "> Finished with this resident" 5 || ok=1
e2e_keys Enter # the end of the visit
e2e_wait "The visit has ended" 5 || ok=1
e2e_wait "日本語" 5 || ok=1
e2e_keys q # quit from the language screen
e2e_wait "[exited]" 10 || ok=1
e2e_stop
# nothing from the sanitizers, nor any other complaint
[ ! -s "$tmp/console.err" ] || { cat "$tmp/console.err" >&2; ok=1; }
result "visit1-console-demo-card" $ok

# ---- 2. plain, Vietnamese, last try declined, typed by hand ----------------------
# (an address typed with its block short, 9-8-7, is then spelled out: 1 takes
# 9丁目8番7号, two more keys)
plain_walk v2 300 '4\n1234\nno\n' \
	'1\nNGUYEN ZEBRAQUOKKA\nグエン\n東京都千代田区九段北9-8-7 ムーンハウス707\n1\n1980-01-02\n0355501234\n1\n2\n1 2\n1\n\n1\n\n\n' \
	--lang vi --persona tests/data/personas/last-try.persona
result "visit2-plain-last-try" $?

# ---- 3. plain, Chinese, seal registration without a card ---------------------------
plain_walk v3 420 '5\n3\n' \
	'1\n李小龍\nリ シャオロン\n1990-05-06\n東京都港区芝公園4-2-8\n1\n0311112222\n1\n1\n\n1\n1\n\n\n' \
	--lang zh_CN
result "visit3-plain-seal" $?

# ---- 4. plain, English, moving in: stops after one answer ---------------------------
plain_walk v4 120 '2\n3\n' '1\n' --lang en
result "visit4-plain-stopped" $?

# ---- 5. plain, Japanese: the code made, its handing over never confirmed ---------
plain_walk v5 180 '4\n3\n' \
	'1\nZEBRAQUOKKA\nズブラ\n東京都千代田区九段北9-8-7 ムーンハウス707\n1\n1980-01-02\n0355501234\n1\n2\n1 2\n1\n\n1\n\n' \
	--lang ja
result "visit5-plain-not-confirmed" $?

# ---- the numbers ----------------------------------------------------------------
"$B/yorisoi" --lang en stats >"$tmp/stats.txt" 2>"$tmp/stats.err"
rc=$?
cat >"$tmp/want.txt" <<'WANT'
Statistics from 2026-04-01 to 2026-04-01

Visits              5
Card reads          0
Demo card reads     1
PIN blocks avoided  1

Applications by procedure and language
Procedure  Language  Started  Resumed  Completed  Handed off
inkan      zh_CN     1        0        1          1
juminhyo   en        1        0        1          1
juminhyo   ja        1        0        1          0
juminhyo   vi        1        0        1          1
tennyu     en        1        0        0          0

Minutes and keystrokes per procedure, completed in one sitting (national target: 5 minutes)
Procedure  Applications  Median minutes  90th percentile  Median keystrokes
inkan      1             7.0             7.0              63
juminhyo   3             4.0             5.0              82
tennyu     0             -               -                -

Where unfinished applications stopped
Procedure  Question  Count  On the form
tennyu     name      1      届出人氏名
WANT
if [ $rc -eq 0 ] && diff -u "$tmp/want.txt" "$tmp/stats.txt" >&2; then ok=0; else ok=1; fi
result "table" $ok

"$B/yorisoi" stats --csv >"$tmp/stats.csv" 2>"$tmp/stats-csv.err"
rc=$?
cat >"$tmp/want.csv" <<'WANT'
from,to,measure,procedure,language,question,value
2026-04-01,2026-04-01,visits,,,,5
2026-04-01,2026-04-01,card_reads,,,,0
2026-04-01,2026-04-01,demo_card_reads,,,,1
2026-04-01,2026-04-01,pin_blocks_avoided,,,,1
2026-04-01,2026-04-01,started,inkan,zh_CN,,1
2026-04-01,2026-04-01,resumed,inkan,zh_CN,,0
2026-04-01,2026-04-01,completed,inkan,zh_CN,,1
2026-04-01,2026-04-01,handed_off,inkan,zh_CN,,1
2026-04-01,2026-04-01,started,juminhyo,en,,1
2026-04-01,2026-04-01,resumed,juminhyo,en,,0
2026-04-01,2026-04-01,completed,juminhyo,en,,1
2026-04-01,2026-04-01,handed_off,juminhyo,en,,1
2026-04-01,2026-04-01,started,juminhyo,ja,,1
2026-04-01,2026-04-01,resumed,juminhyo,ja,,0
2026-04-01,2026-04-01,completed,juminhyo,ja,,1
2026-04-01,2026-04-01,handed_off,juminhyo,ja,,0
2026-04-01,2026-04-01,started,juminhyo,vi,,1
2026-04-01,2026-04-01,resumed,juminhyo,vi,,0
2026-04-01,2026-04-01,completed,juminhyo,vi,,1
2026-04-01,2026-04-01,handed_off,juminhyo,vi,,1
2026-04-01,2026-04-01,started,tennyu,en,,1
2026-04-01,2026-04-01,resumed,tennyu,en,,0
2026-04-01,2026-04-01,completed,tennyu,en,,0
2026-04-01,2026-04-01,handed_off,tennyu,en,,0
2026-04-01,2026-04-01,timed_applications,inkan,,,1
2026-04-01,2026-04-01,minutes_target,inkan,,,5
2026-04-01,2026-04-01,minutes_median,inkan,,,7.0
2026-04-01,2026-04-01,minutes_p90,inkan,,,7.0
2026-04-01,2026-04-01,keystrokes_median,inkan,,,63
2026-04-01,2026-04-01,timed_applications,juminhyo,,,3
2026-04-01,2026-04-01,minutes_target,juminhyo,,,5
2026-04-01,2026-04-01,minutes_median,juminhyo,,,4.0
2026-04-01,2026-04-01,minutes_p90,juminhyo,,,5.0
2026-04-01,2026-04-01,keystrokes_median,juminhyo,,,82
2026-04-01,2026-04-01,timed_applications,tennyu,,,0
2026-04-01,2026-04-01,minutes_target,tennyu,,,5
2026-04-01,2026-04-01,stopped,tennyu,,name,1
WANT
if [ $rc -eq 0 ] && diff -u "$tmp/want.csv" "$tmp/stats.csv" >&2; then ok=0; else ok=1; fi
result "csv" $ok

# ---- nothing a resident typed is kept -------------------------------------------
ok=0
[ -s "$stats_db" ] || { echo "no statistics file at $stats_db" >&2; ok=1; }
for n in $needles; do
	for f in "$stats_db" "$tmp/stats.txt" "$tmp/stats.csv"; do
		if grep -qaF -- "$n" "$f"; then
			echo "\"$n\" found in $f" >&2
			ok=1
		fi
	done
done
# the search itself works: the same strings are in what the residents saw
grep -qaF "ZEBRAQUOKKA" "$tmp/v2.out" && grep -qaF "0311112222" "$tmp/v3.out" || ok=1
result "no-answers-in-statistics" $ok

# ---- ranges -----------------------------------------------------------------------
ok=0
"$B/yorisoi" stats --from 2026-03-01 --to 2026-04-30 --csv >"$tmp/range.csv" 2>&1 &&
	grep -qx "2026-03-01,2026-04-30,visits,,,,5" "$tmp/range.csv" || ok=1
"$B/yorisoi" stats --day 2026-04-02 --csv >"$tmp/other.csv" 2>&1 &&
	[ "$(sed -n 2p "$tmp/other.csv")" = "2026-04-02,2026-04-02,visits,,,,0" ] &&
	[ "$(wc -l <"$tmp/other.csv")" -eq 5 ] || ok=1
"$B/yorisoi" stats --month 2026-04 --csv >"$tmp/month.csv" 2>&1 &&
	grep -qx "2026-04-01,2026-04-30,pin_blocks_avoided,,,,1" "$tmp/month.csv" || ok=1
"$B/yorisoi" stats --from 2026-04-30 --to 2026-04-01 >/dev/null 2>&1
[ $? -eq 2 ] || ok=1
"$B/yorisoi" stats --day 2026-02-30 >/dev/null 2>&1
[ $? -eq 2 ] || ok=1
result "ranges" $ok

# ---- a statistics file that cannot be written does not disturb a visit ----------
ok=0
export XDG_DATA_HOME="$tmp/data2"
mkdir -p "$XDG_DATA_HOME/yorisoi/stats.db" # a folder where the file should be
plain_walk v6 60 '5\n3\n' \
	'1\n李小龍\nリ シャオロン\n1990-05-06\n東京都港区芝公園4-2-8\n1\n0311112222\n1\n1\n\n1\n1\n\n\n' \
	--lang en || ok=1
grep -q '^YR1:' "$tmp/v6.out" || ok=1
"$B/yorisoi" stats >/dev/null 2>&1
[ $? -eq 1 ] || ok=1 # said, not shown as zeros
result "unwritable-statistics-file" $ok
