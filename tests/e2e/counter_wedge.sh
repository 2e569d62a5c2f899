#!/bin/sh
# The counter guide's recipes, done as a clerk would (docs/counter-guide.md):
# a keyboard-wedge scanner types the code into `handoff decode --summary` in
# a terminal (tmux send-keys, then Enter and Ctrl-D); a two-code household
# scanned in the reverse order; a scanner with Caps Lock on; a serial
# scanner whose line never ends, read with `head -n 1`.
# Prints PASS:/FAIL: counter/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-counter.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
Y=$B/yorisoi

result() {
	if [ "$2" = 0 ]; then echo "PASS: counter/$1"; else echo "FAIL: counter/$1"; fi
}

# The desk's code, through an image and zbarimg, as it would be printed.
"$Y" handoff encode tests/data/answers/juminhyo_self.json --png "$tmp/code.png" \
	>"$tmp/code.txt" 2>/dev/null
zbarimg -q --raw "$tmp/code.png" 2>/dev/null | head -n 1 >"$tmp/scanned.txt"
if ! cmp -s "$tmp/code.txt" "$tmp/scanned.txt"; then
	echo "FAIL: counter/wedge (the printed code did not scan back)"
	exit 1
fi

# wedge NAME TEXT_FILE...: types each file's line like a scanner (+ Enter),
# then Ctrl-D; the screen is in $tmp/screen.
wedge() {
	name=$1
	shift
	e2e_start 100 40 "$Y --lang ja handoff decode --summary; echo EXIT=\$?" || return 1
	sleep 0.3
	for f in "$@"; do
		e2e_type "$(cat "$f")"
		e2e_keys Enter
	done
	e2e_keys C-d
	e2e_wait "EXIT=" 10
	rc=$?
	tmx capture-pane -p -J -S -200 -t t >"$tmp/screen"
	return $rc
}

wedge one "$tmp/scanned.txt" &&
	grep -q "^住民票の写し等交付請求書" "$tmp/screen" &&
	grep -q "請求者の氏名：グエン ヴァン アン" "$tmp/screen" &&
	grep -q "請求者の生年月日：平成7年3月8日" "$tmp/screen" &&
	grep -q "^EXIT=0" "$tmp/screen"
result wedge-summary $?
e2e_stop

# Caps Lock on: the scanner types lower case; the clerk is told so.
tr 'A-Z' 'a-z' <"$tmp/scanned.txt" >"$tmp/lower.txt"
wedge lower "$tmp/lower.txt"
grep -q "Caps Lock" "$tmp/screen" && grep -q "^EXIT=6" "$tmp/screen"
result wedge-caps-lock $?
e2e_stop

# A household too big for one code: two codes, scanned last one first.
"$Y" handoff encode tests/data/answers/tennyu_ref.json --max-version 10 \
	>"$tmp/parts.txt" 2>/dev/null
if [ "$(wc -l <"$tmp/parts.txt")" -ge 2 ]; then
	i=0
	files=""
	while IFS= read -r line; do
		i=$((i + 1))
		printf '%s\n' "$line" >"$tmp/part$i.txt"
		files="$tmp/part$i.txt $files" # reversed
	done <"$tmp/parts.txt"
	# shellcheck disable=SC2086
	wedge parts $files && grep -q "^住民異動届（転入届）" "$tmp/screen" && grep -q "^EXIT=0" "$tmp/screen"
	result wedge-parts-any-order $?
	e2e_stop
	# only the first code: the clerk is told codes are missing (status 12)
	wedge missing "$tmp/part1.txt"
	grep -q "^EXIT=12" "$tmp/screen"
	result wedge-part-missing $?
	e2e_stop
else
	echo "FAIL: counter/wedge-parts-any-order (tennyu_ref did not split at version 10)"
fi

# Serial: the port stays open after the code; `head -n 1` takes one line.
# The "port" is held open for a minute: the decode must be done while it
# still is (no wall-clock limit, so a slow machine cannot fail it).
mkfifo "$tmp/tty"
(cat "$tmp/scanned.txt"; exec sleep 60) >"$tmp/tty" &
writer=$!
head -n 1 "$tmp/tty" | "$Y" handoff decode --summary >"$tmp/serial.out" 2>/dev/null
rc=$?
kill -0 "$writer" 2>/dev/null
still_open=$?
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
[ $rc = 0 ] && [ $still_open = 0 ] && grep -q "請求者の氏名：グエン ヴァン アン" "$tmp/serial.out"
result serial-one-line $?
