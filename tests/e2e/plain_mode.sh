#!/bin/sh
# Plain line mode (--plain), as a screen-reader user drives it: answers on
# standard input, numbered choices, no escape sequences in the output; the
# printed handoff text decodes to the answers given.
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
tmp=$(mktemp -d /tmp/yorisoi-plain.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

# Procedure 4 (the certificate of residence), PIN, the card's data is right,
# relation 1, name kept, kana, address kept, birth kept, phone, kind 1,
# copies 2, items 1 2, purpose 1, submit_to empty, id_doc 1, the answers
# checked, end.
printf '4\n1234\n1\n1\n\nやまだ\n\n\n0312345678\n1\n2\n1 2\n1\n\n1\n\n\n' |
	"$B/yorisoi" --plain --lang en --demo --db "$tmp/d.db" >"$tmp/out.txt" 2>"$tmp/err.txt"
rc=$?

if [ $rc -eq 0 ] && grep -q "3 tries left before the card locks" "$tmp/out.txt" &&
	grep -q "1. Myself（本人）" "$tmp/out.txt"; then
	echo "PASS: plain/walk"
else
	cat "$tmp/err.txt" >&2
	echo "FAIL: plain/walk"
fi

if grep -q "$(printf '\033')" "$tmp/out.txt"; then
	echo "FAIL: plain/no-escape-sequences"
else
	echo "PASS: plain/no-escape-sequences"
fi

grep '^YR1:' "$tmp/out.txt" >"$tmp/code.txt"
if "$B/yorisoi" handoff decode <"$tmp/code.txt" >"$tmp/answers.json" 2>"$tmp/decode.err" &&
	grep -q '"kana": "ヤマダ"' "$tmp/answers.json" &&
	grep -q '"items": "head honseki"' "$tmp/answers.json" &&
	grep -q '"phone": "0312345678"' "$tmp/answers.json"; then
	echo "PASS: plain/code-decodes"
else
	cat "$tmp/answers.json" "$tmp/decode.err" >&2
	echo "FAIL: plain/code-decodes"
fi

# The draft is gone once the resident has the code.
if "$B/yorisoi" --db "$tmp/d.db" drafts list 2>/dev/null | grep -q juminhyo; then
	echo "FAIL: plain/draft-deleted-at-the-end"
else
	echo "PASS: plain/draft-deleted-at-the-end"
fi

# "<" goes back one question and nothing typed before is lost.
printf '4\n1234\n1\n1\n\n<\n\nやまだ\n\n\n0312345678\n1\n2\n1 2\n1\n\n1\n\n\n' |
	"$B/yorisoi" --plain --lang en --demo --db "$tmp/d2.db" >"$tmp/out2.txt" 2>"$tmp/err2.txt"
grep '^YR1:' "$tmp/out2.txt" >"$tmp/code2.txt"
if [ "$(grep -c '^What is your full name?' "$tmp/out2.txt")" -eq 2 ] &&
	"$B/yorisoi" handoff decode <"$tmp/code2.txt" >"$tmp/answers2.json" 2>/dev/null &&
	grep -q '"name": "山田　花子"' "$tmp/answers2.json" &&
	grep -q '"kana": "ヤマダ"' "$tmp/answers2.json"; then
	echo "PASS: plain/back-keeps-answers"
else
	cat "$tmp/err2.txt" "$tmp/answers2.json" >&2
	echo "FAIL: plain/back-keeps-answers"
fi

# --persona is honoured in plain mode too (it once read the built-in card).
printf '4\n4321\n' | "$B/yorisoi" --plain --lang en --persona tests/data/personas/long-address.persona \
	--db "$tmp/d3.db" >"$tmp/out3.txt" 2>&1
if grep -q "The card says: グエン　ヴァン　アン" "$tmp/out3.txt"; then
	echo "PASS: plain/persona-file-is-read"
else
	cat "$tmp/out3.txt" >&2
	echo "FAIL: plain/persona-file-is-read"
fi

# --no-echo-answers for shared screens: neither the card's data nor the
# answers already given appear in the output (and so not in the scrollback).
printf '4\n1234\n1\n\nやまだ\n\n\n0312345678\n' | "$B/yorisoi" --plain --no-echo-answers --lang en --demo \
	--db "$tmp/d4.db" >"$tmp/out4.txt" 2>&1
if grep -q "The card was read" "$tmp/out4.txt" && ! grep -q "山田　花子\|千代田\|1950-04-01\|0312345678" "$tmp/out4.txt"; then
	echo "PASS: plain/no-echo-answers"
else
	cat "$tmp/out4.txt" >&2
	echo "FAIL: plain/no-echo-answers"
fi

# Every language of LINGUAS: the same walk completes, in that language's
# words (its own "tries left" and its label of the first choice, read from
# the built catalogue), and the code carries the language.
for lang in $(cat "$B/locale/LINGUAS"); do
	out="$tmp/lang-$lang.txt"
	printf '4\n1234\n1\n1\n\nやまだ\n\n\n0312345678\n1\n2\n1 2\n1\n\n1\n\n\n' |
		"$B/yorisoi" --plain --lang "$lang" --demo --db "$tmp/l-$lang.db" >"$out" 2>"$tmp/lang-$lang.err"
	rc=$?
	want=$(LANG_CODE=$lang LOCALEDIR="$B/locale" python3 -c '
import gettext, os
l = os.environ["LANG_CODE"]
t = gettext.translation("yorisoi", os.environ["LOCALEDIR"], [l], fallback=(l == "en"))
print(t.ngettext("%d try left before the card locks.\n", "%d tries left before the card locks.\n", 3).rstrip("\n") % 3)
print(t.gettext("Myself"))')
	tries=$(printf '%s\n' "$want" | sed -n 1p)
	myself=$(printf '%s\n' "$want" | sed -n 2p)
	grep '^YR1:' "$out" >"$tmp/lang-$lang.code"
	if [ $rc -eq 0 ] && [ -n "$tries" ] && [ -n "$myself" ] && grep -qF "$tries" "$out" &&
		grep -qF "1. $myself（本人）" "$out" &&
		{ [ "$lang" = en ] || ! grep -q "tries left before the card locks" "$out"; } &&
		"$B/yorisoi" handoff decode <"$tmp/lang-$lang.code" >"$tmp/lang-$lang.json" 2>/dev/null &&
		grep -q "\"lang\": \"$lang\"" "$tmp/lang-$lang.json" &&
		grep -q '"kana": "ヤマダ"' "$tmp/lang-$lang.json"; then
		echo "PASS: plain/walk-$lang"
	else
		echo "plain walk in $lang (exit $rc), wanted \"$tries\" and \"1. $myself（本人）\":" >&2
		tail -n 15 "$out" "$tmp/lang-$lang.err" >&2
		echo "FAIL: plain/walk-$lang"
	fi
done

# A PIN of the wrong length is asked again and nothing is sent; a choice out
# of range says which numbers there are; each question says where it is.
printf '4\n12\n1234\n1\n9\n1\n' | "$B/yorisoi" --plain --lang en --demo --db "$tmp/d5.db" \
	>"$tmp/out5.txt" 2>&1
if grep -q "The PIN has 4 digits. Nothing was sent to the card." "$tmp/out5.txt" &&
	[ "$(grep -c "3 tries left before the card locks" "$tmp/out5.txt")" -eq 2 ] &&
	grep -q "The card says:" "$tmp/out5.txt" &&
	grep -q "Please type a number from 1 to 4." "$tmp/out5.txt" &&
	! grep -q "Please answer this question" "$tmp/out5.txt" &&
	grep -q "^Question 1 of [0-9]*$" "$tmp/out5.txt"; then
	echo "PASS: plain/pin-length-asked-again"
else
	cat "$tmp/out5.txt" >&2
	echo "FAIL: plain/pin-length-asked-again"
fi

# "Is this right?" as the console asks: no, and the card's name is not used.
printf '4\n1234\n2\n1\n' | "$B/yorisoi" --plain --lang en --demo --db "$tmp/d6.db" \
	>"$tmp/out6.txt" 2>&1
if grep -q "The card's data is not used" "$tmp/out6.txt" &&
	! grep -q "Now: 山田" "$tmp/out6.txt"; then
	echo "PASS: plain/card-data-confirmed"
else
	cat "$tmp/out6.txt" >&2
	echo "FAIL: plain/card-data-confirmed"
fi

# Check your answers before the code: answer 6 (the phone) changed there.
printf '4\n1234\n1\n1\n\nやまだ\n\n\n0312345678\n1\n2\n1 2\n1\n\n1\n6\n0398765432\n\n\n' |
	"$B/yorisoi" --plain --lang en --demo --db "$tmp/d7.db" >"$tmp/out7.txt" 2>&1
grep '^YR1:' "$tmp/out7.txt" >"$tmp/code7.txt"
if [ "$(grep -c "^Check your answers" "$tmp/out7.txt")" -eq 2 ] &&
	grep -q "^6\. .*phone" "$tmp/out7.txt" &&
	"$B/yorisoi" handoff decode <"$tmp/code7.txt" >"$tmp/answers7.json" 2>/dev/null &&
	grep -q '"phone": "0398765432"' "$tmp/answers7.json"; then
	echo "PASS: plain/check-answers-before-code"
else
	tail -n 40 "$tmp/out7.txt" >&2
	echo "FAIL: plain/check-answers-before-code"
fi

# A household member's card at "another person?" (3), as the console's C:
# with --demo the demo card, its values filled in and said to be from the
# card. The first person was typed (no PIN at the start), so the demo card
# is new to this application.
printf '\n山田 一郎\n2015-05-05\n3\n1234\n1\n\n\n2\n\n\n' |
	"$B/yorisoi" --plain --lang en --demo --forms tests/data/forms-household --db "$tmp/d8.db" \
		>"$tmp/out8.txt" 2>&1
grep '^YR1:' "$tmp/out8.txt" >"$tmp/code8.txt"
if grep -q "3 = yes, read their My Number card" "$tmp/out8.txt" &&
	[ "$(grep -c "^From the My Number card" "$tmp/out8.txt")" -eq 2 ] &&
	"$B/yorisoi" --forms tests/data/forms-household handoff decode <"$tmp/code8.txt" \
		>"$tmp/answers8.json" 2>/dev/null &&
	python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["answers"]["members"]; sys.exit(0 if [p["m_name"] for p in m]==["山田 一郎","山田　花子"] else 1)' "$tmp/answers8.json"; then
	echo "PASS: plain/household-card"
else
	tail -n 40 "$tmp/out8.txt" >&2
	echo "FAIL: plain/household-card"
fi

# The card read at the start is not read again for the next person: said,
# and the same question asked again.
printf '1234\n1\n\n\n3\n1234\n1\n2\n\n\n' |
	"$B/yorisoi" --plain --lang en --demo --forms tests/data/forms-household --db "$tmp/d9.db" \
		>"$tmp/out9.txt" 2>&1
if grep -q "This card was already read for this application" "$tmp/out9.txt" &&
	[ "$(grep -c "^Is there another person in the household?" "$tmp/out9.txt")" -eq 2 ] &&
	! grep -q "Person 2" "$tmp/out9.txt"; then
	echo "PASS: plain/household-same-card-refused"
else
	tail -n 40 "$tmp/out9.txt" >&2
	echo "FAIL: plain/household-same-card-refused"
fi

# The reading of the card's name (山田　花子) is suggested; an empty line
# takes it.
printf '4\n1234\n1\n1\n\n\n\n\n0312345678\n1\n2\n1 2\n1\n\n1\n\n\n' |
	"$B/yorisoi" --plain --lang en --demo --db "$tmp/d10.db" >"$tmp/out10.txt" 2>&1
grep '^YR1:' "$tmp/out10.txt" >"$tmp/code10.txt"
if grep -q "^Suggested reading: ヤマダ　ハナコ" "$tmp/out10.txt" &&
	"$B/yorisoi" handoff decode <"$tmp/code10.txt" >"$tmp/answers10.json" 2>/dev/null &&
	grep -q '"kana": "ヤマダ　ハナコ"' "$tmp/answers10.json"; then
	echo "PASS: plain/reading-suggested"
else
	grep -A2 "katakana" "$tmp/out10.txt" >&2
	echo "FAIL: plain/reading-suggested"
fi
