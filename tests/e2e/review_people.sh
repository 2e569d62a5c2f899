#!/bin/sh
# Household lists changed from Check your answers (issue 16): "Add a person"
# asks the new person's questions one after another (their card offered)
# and comes back on their rows; R removes a person after a Y/N question
# naming them, N keeps them, the list never goes below its minimum; the
# change is in the draft opened again, with the card's marks.
# Prints PASS:/FAIL: review-people/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-people.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

check() { # check NAME STATUS
	if [ "$2" = 0 ]; then pass "review-people/$1"; else fail "review-people/$1"; fi
}

# the row the cursor is on ("> ...")
selected() { e2e_screen | grep -F "> " | head -n 1; }

e2e_start 100 40 "$B/yorisoi --lang en --demo --forms tests/data/forms-household --db $tmp/d.db --slip-dir $tmp"
ok=0
e2e_wait "Start a new application" || ok=1
e2e_keys Enter
e2e_demo_pin || ok=1
e2e_wait "山田　花子" || ok=1
e2e_keys Enter
e2e_wait "What is this person's date of birth?" || ok=1
e2e_keys Enter
e2e_wait "Is there another person in the household?" || ok=1
e2e_keys Enter # "No" is the default: a forgotten child
e2e_wait "Check your answers" || ok=1
e2e_screen | grep -q "+ Add a person: Person（世帯員）" || ok=1
e2e_screen | grep -q "Person 2" && ok=1
check reach-review $ok

# the card's values are marked, with the legend
ok=0
e2e_screen | grep -q "^ *C  山田　花子" || ok=1
e2e_screen | grep -q "C from the card" || ok=1
check card-marks $ok

# Add a person: "Yes" is chosen already, and their card is offered
ok=0
k=0
while [ $k -lt 10 ] && ! selected | grep -q "Add a person"; do
	e2e_keys Down
	sleep 0.1
	k=$((k + 1))
done
e2e_keys Enter
e2e_wait "Is there another person in the household?" || ok=1
e2e_screen | grep -q "> (•) 1. Yes, add another" || ok=1
e2e_screen | grep -q "C: read the next person's card" || ok=1
e2e_keys Enter
e2e_wait "Person 2（世帯員 2）" || ok=1
e2e_wait "What is this person's full name?" || ok=1
e2e_type "山田 一郎"
e2e_keys Enter
e2e_wait "What is this person's date of birth?" || ok=1
e2e_type "2015-05-05"
e2e_keys Enter
# back on the review, on the new person's first row, not asked "another?"
e2e_wait "Check your answers" 5 || ok=1
selected | grep -q "Person 2（世帯員 2） — What is this person's full name?" || ok=1
e2e_screen | grep -q "山田 一郎" || ok=1
e2e_screen | grep -q "2015-05-05" || ok=1
[ $ok = 0 ] || e2e_screen >&2
check add-person $ok

# Esc before the first answer of a person being added keeps nobody empty
ok=0
e2e_keys End Up Enter # the "Add a person" row, above the finish line
e2e_wait "Is there another person in the household?" || ok=1
e2e_keys Enter
e2e_wait "Person 3（世帯員 3）" || ok=1
e2e_keys Escape
e2e_wait "Check your answers" 5 || ok=1
e2e_screen | grep -q "Person 3" && ok=1
[ $ok = 0 ] || e2e_screen >&2
check esc-adds-nobody $ok

# R on the new person's row: asked by name; N keeps them
ok=0
k=0
while [ $k -lt 10 ] && ! selected | grep -q "Person 2"; do
	e2e_keys Up
	sleep 0.1
	k=$((k + 1))
done
e2e_keys r
e2e_wait "Remove 山田 一郎 from the list? Y/N" || ok=1
e2e_keys n
sleep 0.3
e2e_screen | grep -q "Remove 山田 一郎" && ok=1
e2e_screen | grep -q "Person 2（世帯員 2）" || ok=1
check remove-no-keeps $ok

ok=0
e2e_keys r
e2e_wait "Remove 山田 一郎 from the list? Y/N" || ok=1
e2e_keys y
e2e_wait "山田 一郎 was removed from the list." || ok=1
e2e_screen | grep -q "Person 2" && ok=1
e2e_screen | grep -q "山田　花子" || ok=1
check remove-yes $ok

# the last person of a list that needs one stays
ok=0
e2e_keys Home r
e2e_wait "This list needs at least 1 person" || ok=1
e2e_screen | grep -q "Remove .* from the list?" && ok=1
e2e_screen | grep -q "Person 1（世帯員 1）" || ok=1
check minimum-kept $ok

# saved at each change: the draft opened again has one person, still
# marked as from the card
ok=0
code=$(e2e_code)
e2e_keys F10
e2e_wait "Saved drafts" 5 || ok=1
[ -n "$code" ] || code=$(e2e_code)
e2e_keys Down Enter
e2e_unlock "$code" || ok=1
e2e_wait "Check your answers" 5 || ok=1
e2e_screen | grep -q "^ *C  山田　花子" || ok=1
e2e_screen | grep -q "Person 2" && ok=1
[ $ok = 0 ] || e2e_screen >&2
check draft-keeps-change-and-marks $ok
e2e_stop
