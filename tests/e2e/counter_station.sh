#!/bin/sh
# `yorisoi counter`, the clerk's station, driven in tmux as a clerk with a
# keyboard-wedge scanner would (issue 14): every reference household goes
# encode -> PNG -> zbarimg -> typed into the station -> accepted (export
# JSON compared with `handoff decode`) -> P (the form's PDF through
# pdftotext compared with the summary) -> N. Then a second scan of the same
# slip makes no second export; a refused code shows its reason on screen;
# a multi-code household scanned out of order; characters outside JIS X
# 0208 shown, checked and corrected, and in the export; a serial scanner
# (a FIFO); purge; and the station's Japanese by default.
# Prints PASS:/FAIL: counter-station/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-station.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
Y=$B/yorisoi
K=tests/data/keys
EXPORT="$tmp/export"
STATION="$Y --lang en counter --key $K/desk-test.pub --export $EXPORT --csv"

result() {
	if [ "$2" = 0 ]; then echo "PASS: counter-station/$1"; else echo "FAIL: counter-station/$1"; fi
}

# scan FILE: the scanner types the code's line and Enter.
scan() {
	e2e_type "$(head -n 1 "$1")"
	e2e_keys Enter
}

exports() { find "$EXPORT" -name '*.json' 2>/dev/null | wc -l; }

# ---- every reference household, one after another at one station -------------

E2E_MARK_EXIT=1 e2e_start 100 36 "$STATION"
e2e_wait "Scan the QR code" 10 || echo "FAIL: counter-station/start"
for json in tests/data/households/*.json; do
	name=$(basename "$json" .json)
	# made on a fixed day, which the station and the export must show
	YORISOI_TODAY=2026-12-04 "$Y" handoff encode "$json" --desk-key $K/desk-test.key \
		--png "$tmp/$name.png" >/dev/null 2>&1
	zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$tmp/$name.png" >"$tmp/$name.scan" 2>/dev/null
	"$Y" --lang ja handoff decode --key $K/desk-test.pub "$tmp/$name.scan" >"$tmp/$name.json" 2>/dev/null
	"$Y" --lang ja handoff decode --summary --key $K/desk-test.pub "$tmp/$name.scan" \
		>"$tmp/$name.sum" 2>/dev/null
	title=$(head -n 1 "$tmp/$name.sum")
	ok=0
	scan "$tmp/$name.scan"
	e2e_wait "$title" 10 && e2e_wait "Check the application with the resident" 5 &&
		e2e_wait "Made on: 令和8年12月4日（2026-12-04）" 5 || ok=1
	e2e_keys Enter
	e2e_wait "Accepted: saved as" 10 || ok=1
	e2e_keys P
	e2e_wait "the form was saved as" 20 || ok=1
	id=$(e2e_screen | tr -d '\n ' | grep -o '[0-9a-f]\{32\}\.pdf' | head -n 1)
	id=${id%.pdf}
	if [ $ok = 0 ] && [ -n "$id" ] && python3 - "$tmp/$name.json" "$EXPORT/$id.json" <<'EOF'; then
import json, sys
want = json.load(open(sys.argv[1], encoding="utf-8"))
got = json.load(open(sys.argv[2], encoding="utf-8"))
ok = (got["answers"] == want["answers"] and got["form"] == want["form"]
      and got["form_version"] == want["form_version"] and got["id"] in sys.argv[2]
      and got["desk"]["signed"] and got["desk"]["key_id"]
      and got["desk"]["made"] == "2026-12-04")
if not ok:
    print("export differs:", json.dumps(got, ensure_ascii=False)[:400], file=sys.stderr)
sys.exit(0 if ok else 1)
EOF
		pdftotext -raw "$EXPORT/$id.pdf" "$tmp/$name.txt"
		if out=$(python3 tests/integration/paper_compare.py "$tmp/$name.sum" "$tmp/$name.txt") &&
			[ -s "$EXPORT/$id.csv" ]; then
			result "household-$name ($out values on paper)" 0
		else
			echo "    $out" >&2
			result "household-$name" 1
		fi
	else
		result "household-$name" 1
	fi
	e2e_keys N
	e2e_wait "Ready for the next resident" 5 || true
done

# ---- the same slip again: recognised, not doubled ------------------------------

before=$(exports)
scan "$tmp/tennyu.scan"
e2e_wait "This code was already accepted" 10 && e2e_keys Enter &&
	e2e_wait "This application is accepted already" 5 && [ "$(exports)" = "$before" ] &&
	[ "$before" = 7 ]
result double-scan-one-export $?
e2e_keys N

# ---- a code of format 4 (made before the day was carried): read, day unknown ----

scan tests/data/counter/juminhyo-format4.code
ok=0
e2e_wait "Made on: not recorded (a code of format 4)" 10 || ok=1
e2e_keys Enter
e2e_wait "Accepted: saved as" 10 || ok=1
id=$(e2e_screen | tr -d '\n ' | grep -o '[0-9a-f]\{32\}\.json' | head -n 1)
[ $ok = 0 ] && [ -n "$id" ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))["desk"]
sys.exit(0 if d["made"] is None and d["key_id"] == "9D623CD4" else 1)' "$EXPORT/$id"
result format-4-day-not-recorded $?
e2e_keys N
e2e_wait "Ready for the next resident" 5 || true

# ---- a code of an older form version: read and exported as that version ---------

# tennyu version 1 (在留資格 typed, before the list): the counter holds it
# in forms/archive/ and accepts the code as version 1, the statuses as typed.
scan tests/data/handoff/tennyu-v1.code
ok=0
e2e_wait "住民異動届（転入届）（tennyu 第1版）" 10 || ok=1
e2e_keys Enter
e2e_wait "Accepted: saved as" 10 || ok=1
id=$(e2e_screen | tr -d '\n ' | grep -o '[0-9a-f]\{32\}\.json' | head -n 1)
[ $ok = 0 ] && [ -n "$id" ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
m = d["answers"]["members"]
sys.exit(0 if d["form_version"] == 1 and [x["m_status"] for x in m] == ["永住者", "特定技能1号", "育成就労"] else 1)' "$EXPORT/$id"
result older-form-version $?
e2e_keys N
e2e_wait "Ready for the next resident" 5 || true

# ---- a refused code: the decoder's reason on the screen -------------------------

sed 's/.$/A/; s/AA$/AB/' "$tmp/juminhyo.scan" >"$tmp/altered.scan"
before=$(exports)
scan "$tmp/altered.scan"
e2e_wait "has been changed since the help desk made it" 10 &&
	e2e_wait "Scan the QR code" 2 && [ "$(exports)" = "$before" ]
result refused-reason-on-screen $?

# ---- a household in several codes, scanned out of order --------------------------

"$Y" handoff encode tests/data/households-large/tennyu-6.json --desk-key $K/desk-test.key \
	--max-version 10 >"$tmp/parts.txt" 2>/dev/null
nparts=$(wc -l <"$tmp/parts.txt")
if [ "$nparts" -ge 3 ]; then
	i=0
	while IFS= read -r line; do
		i=$((i + 1))
		printf '%s\n' "$line" >"$tmp/part$i.scan"
	done <"$tmp/parts.txt"
	ok=0
	scan "$tmp/part$nparts.scan"
	e2e_wait "1 code of this slip is read" 10 && e2e_wait "Not scanned yet" 2 || ok=1
	scan "$tmp/part1.scan"
	e2e_wait "2 codes of this slip are read" 10 || ok=1
	scan "$tmp/part1.scan" # the same part twice
	e2e_wait "This code was already read" 10 || ok=1
	i=2
	while [ $i -lt "$nparts" ]; do
		scan "$tmp/part$i.scan"
		i=$((i + 1))
	done
	e2e_wait "住民異動届（転入届）" 10 && e2e_wait "SANTOS" 2 || ok=1
	result "parts-out-of-order ($nparts codes)" $ok
	e2e_keys N
else
	result "parts-out-of-order (only $nparts codes)" 1
fi

# ---- characters outside JIS X 0208: on screen, checked, corrected, exported ------

"$Y" handoff encode tests/data/counter/tennyu-marks.json --desk-key $K/desk-test.key >"$tmp/marks.scan" 2>/dev/null
ok=0
scan "$tmp/marks.scan"
e2e_wait "check: 髙﨑" 10 || ok=1
e2e_keys Enter # not yet: the marks are not checked
e2e_wait "Some characters are not checked yet" 5 || ok=1
e2e_keys C
e2e_wait "新住所（方書）" 5 && e2e_wait "not in JIS X 0208 nor JIS X 0213" 2 || ok=1
e2e_keys C-u
e2e_type "高崎ハイツ206号室"
e2e_keys Enter
e2e_wait "異動者 2 氏名" 5 || ok=1 # the next mark; 𠮷 is kept as it is
e2e_keys Enter
e2e_wait "Every marked character is checked" 5 || ok=1
e2e_keys Enter
e2e_wait "Accepted: saved as" 5 || ok=1
id=$(e2e_screen | tr -d '\n ' | grep -o '[0-9a-f]\{32\}\.json' | head -n 1)
if [ $ok = 0 ] && python3 - "$EXPORT/$id" <<'EOF'; then
import json, sys
got = json.load(open(sys.argv[1], encoding="utf-8"))
a = got["answers"]
assert a["new_bldg"] == "高崎ハイツ206号室", a["new_bldg"]
assert a["members"][1]["m_name"] == "𠮷田 花子"
assert got["corrections"] == [{"field": "new_bldg", "instance": 0,
                               "from": "髙﨑ハイツ206号室", "to": "高崎ハイツ206号室"}], got["corrections"]
assert [(m["field"], m["instance"], m["chars"], m["outside"]) for m in got["marks"]] == \
    [("m_name", 1, "𠮷", "none")], got["marks"]
EOF
	result marks-checked-corrected-exported 0
else
	result marks-checked-corrected-exported 1
fi
e2e_keys N
e2e_keys F10
e2e_wait "[exited]" 10
result quits-on-f10 $?
e2e_stop

# ---- a serial scanner: lines from a device (here a FIFO) --------------------------

mkfifo "$tmp/ttyACM0"
E2E_MARK_EXIT=1 e2e_start 100 36 "$Y --lang en counter --key $K/desk-test.pub --export $tmp/serial-export --device $tmp/ttyACM0"
e2e_wait "Scan the QR code" 10
# nothing is connected for a while (a FIFO with no writer reads as ended,
# as a serial line with the scanner unplugged); then the scanner sends the
# code and CR LF
sleep 1
{ head -n 1 "$tmp/inkan.scan" | tr -d '\n'; printf '\r\n'; } >"$tmp/ttyACM0" 2>/dev/null &
writer=$!
e2e_wait "印鑑登録申請書" 10 && e2e_keys Enter && e2e_wait "Accepted: saved as" 5 &&
	[ "$(find "$tmp/serial-export" -name '*.json' | wc -l)" = 1 ]
result serial-device $?
kill "$writer" 2>/dev/null # a console that stopped reading leaves it blocked
exec 3<>"$tmp/ttyACM0" && exec 3>&- # let a blocked writer finish
e2e_keys F10
e2e_stop

# ---- Japanese by default -------------------------------------------------------

ja_title=$(msggrep --no-wrap -K -F -e "Counter: scan the application code" locales/ja.po |
	sed -n 's/^msgstr "\(.*\)"$/\1/p')
e2e_start 100 36 "$Y counter --key $K/desk-test.pub --export $tmp/ja-export"
if [ -n "$ja_title" ] && e2e_wait "$ja_title" 10; then
	result japanese-by-default 0
else
	result "japanese-by-default (ja title: '$ja_title')" 1
fi
e2e_keys F10
e2e_stop

# ---- purge: a day's exports go, and only those -------------------------------------

touch -d '2020-01-02 12:00' "$EXPORT/00000000000000000000000000000000.json"
today=$(date +%Y-%m-%d)
n_today=$(find "$EXPORT" -newermt "$today 00:00" -type f | wc -l)
"$Y" --lang en counter purge --export "$EXPORT" --day "$today" >"$tmp/purge.out" 2>&1
grep -q "^$n_today files removed" "$tmp/purge.out" &&
	[ "$(ls "$EXPORT")" = "00000000000000000000000000000000.json" ] &&
	"$Y" --lang en counter purge --export "$EXPORT" --before 2020-01-03 | grep -q "^1 file removed" &&
	[ -z "$(ls "$EXPORT")" ]
result purge-by-day $?
"$Y" --lang en counter purge --export "$EXPORT" --day 2026-13-01 >/dev/null 2>&1
[ $? = 2 ]
result purge-bad-day-usage $?
