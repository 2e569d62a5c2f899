#!/bin/sh
# A draft saved with an older version of a form opens with the newest
# (issue 12): tennyu version 1 asked 在留資格 and 在留期間 as typed text,
# version 2 as choices. A draft of version 1 (made in plain mode with the
# archived definition, tests/e2e/plain_fill.py, from the answers of
# tests/data/handoff/tennyu-v1.json: 永住者 and 3年; 特定技能1号 typed
# with a half-width 1; 育成就労 and 2年6月, which no choice has) opens in
# the console on Check your answers, with the statuses and periods carried
# over to the choices, and the unknown ones as the other-text.
# Prints PASS:/FAIL: older-draft/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-older.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
# the day of the fixture's notice, so that its dates are within the window
export YORISOI_TODAY=2025-04-07

mkdir "$tmp/forms1"
cp forms/form.rng "$tmp/forms1/"
cp forms/archive/tennyu-1.xml "$tmp/forms1/tennyu.xml"
code=$(python3 tests/e2e/plain_fill.py forms/archive/tennyu-1.xml tests/data/handoff/tennyu-v1.json \
	-- "$B/yorisoi" --plain --lang en --demo --forms "$tmp/forms1")
if [ -n "$code" ] && "$B/yorisoi" drafts list 2>/dev/null | grep -q 'form tennyu (version 1)'; then
	pass older-draft/made-with-version-1
else
	"$B/yorisoi" drafts list >&2
	fail older-draft/made-with-version-1
fi

# the console with the installed forms (tennyu version 2 and archive/)
e2e_start 120 100 "$B/yorisoi --lang en --demo --slip-dir $tmp"
ok=0
e2e_wait "Start a new application" || ok=1
e2e_keys Down Enter
e2e_unlock "$code" || ok=1
e2e_wait "Check your answers" 10 || ok=1
[ $ok = 0 ] && pass older-draft/opens-on-check || fail older-draft/opens-on-check

# each carried answer on its row: the choice (label and term), or the
# text written on the card after その他
screen=$(e2e_screen)
e2e_keys End # the last person's rows, further down
sleep 0.5
screen="$screen
$(e2e_screen)"
carried=0
for want in "Permanent Resident（永住者）" "3 years（3年）" "Specified Skilled Worker (i)（特定技能１号）" \
	"1 year（1年）" "育成就労" "2年6月"; do
	if ! printf '%s\n' "$screen" | grep -qF -- "$want"; then
		echo "    not on the check screen: $want" >&2
		carried=1
	fi
done
[ $carried = 0 ] || printf '%s\n' "$screen" >&2
[ $carried = 0 ] && pass older-draft/answers-carried || fail older-draft/answers-carried

# what is saved now is a draft of version 2
e2e_keys F10
e2e_wait "Saved drafts" 5
if "$B/yorisoi" drafts list 2>/dev/null | grep -q 'form tennyu (version 2)'; then
	pass older-draft/saved-as-version-2
else
	"$B/yorisoi" drafts list >&2
	fail older-draft/saved-as-version-2
fi

# The 36 statuses at 80x24: the list scrolls with the selection, says there
# is more, and two digits pick a line past 9. The draft is opened again
# and its first person's status asked from the check screen.
e2e_stop
e2e_start 80 24 "$B/yorisoi --lang en --demo --slip-dir $tmp"
ok=0
e2e_wait "Start a new application" || ok=1
e2e_keys Down Enter
e2e_unlock "$code" || ok=1
e2e_wait "Check your answers" 10 || ok=1
n=0
while [ $n -lt 80 ] && ! e2e_screen | grep -q "> .*status of residence"; do
	e2e_keys Down
	sleep 0.05
	n=$((n + 1))
done
e2e_keys Enter
e2e_wait "> (•) 1. Permanent Resident（永住者）" 5 && e2e_wait "(more below: ↓)" 1 || ok=1
# the key bar of a long list fits 80 columns and says letters find a line
e2e_screen | tail -1 | grep -q "↑↓/letters: choose .*F10: save and stop *$" || ok=1
e2e_type "stu"
e2e_wait "> (•) 3. Student（留学）" 3 || ok=1
sleep 2 # a pause: the next letters start a new word
e2e_type "家族"
e2e_wait "> (•) 11. Dependent（家族滞在）" 3 || ok=1
e2e_keys Home
[ $ok = 0 ] && pass older-draft/long-list-says-more-below || fail older-draft/long-list-says-more-below

# 1 then 2: line 12, scrolled into view, the cursor on it
ok=0
e2e_type 1
e2e_type 2
e2e_wait "> (•) 12. Long-Term Resident（定住者）" 5 && e2e_wait "(more above: ↑, more below: ↓)" 1 || ok=1
row=$(e2e_screen | grep -n "> (•) 12\." | cut -d: -f1)
[ "$(e2e_cursor | cut -d' ' -f2)" = "$((row - 1))" ] || ok=1
# 3 then 6: the last line, the other status, and its question after it
e2e_type 3
e2e_type 6
e2e_wait "> (•) 36. Another status, as written on the card（その他）" 5 && e2e_wait "(more above: ↑)" 1 || ok=1
e2e_keys Enter
e2e_wait "What status of residence is written on the card?" 5 || ok=1
[ $ok = 0 ] && pass older-draft/two-digits-pick-a-line || fail older-draft/two-digits-pick-a-line
