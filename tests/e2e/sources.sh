#!/bin/sh
# Where answers came from (issue 16): a value from the card says so on its
# question until the resident changes it; today's date is called today's
# date, not the card's; Check your answers marks each answer's source. N
# on the card check corrects one item and keeps the rest from the card.
# On tests/data/forms-sources with the demo card.
# Prints PASS:/FAIL: sources/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-sources.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

check() { # check NAME STATUS
	if [ "$2" = 0 ]; then pass "sources/$1"; else fail "sources/$1"; fi
}
CARD="From the My Number card"

start() {
	e2e_start 100 40 "$B/yorisoi --lang en --demo --forms tests/data/forms-sources --db $tmp/d$1.db --slip-dir $tmp"
	e2e_wait "Start a new application" || return 1
	e2e_keys Enter
	e2e_wait "tries left" || return 1
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "Is this right?" || return 1
}

ok=0
start 1 || ok=1
e2e_keys Enter
e2e_wait "What is your full name?" || ok=1
e2e_wait "$CARD" || ok=1
check card-value-says-card $ok

# changed, it is the resident's: back on it, the note is gone
ok=0
e2e_keys C-u
e2e_type "山田 華子"
e2e_keys Enter
e2e_wait "What is your address?" || ok=1
e2e_wait "$CARD" || ok=1
e2e_keys Escape
e2e_wait "山田 華子" || ok=1
e2e_screen | grep -q "$CARD" && ok=1
[ $ok = 0 ] || e2e_screen >&2
check edited-value-loses-note $ok

# on to today's date: "Today's date", never "from the card"
ok=0
e2e_keys Enter
e2e_wait "What is your address?" || ok=1
e2e_keys Enter
e2e_wait "What address is on your old certificate?" || ok=1
e2e_keys Enter
e2e_wait "Female" || ok=1
e2e_keys Enter
e2e_wait "phone number" || ok=1
e2e_screen | grep -q "$CARD" && ok=1 # nothing filled, nothing said
e2e_type "0312345678"
e2e_keys Enter
e2e_wait "On what date will you hand this in?" || ok=1
e2e_wait "Today's date" || ok=1
e2e_screen | grep -qi "card" && ok=1
[ $ok = 0 ] || e2e_screen >&2
check today-is-not-the-card $ok

# the review's source column: C for the card, T for today, none for typed
ok=0
e2e_keys Enter
e2e_wait "Check your answers" || ok=1
e2e_screen | grep -q "C from the card, P from the postal code, T today's date" || ok=1
e2e_screen | grep -q "^ *C  東京都千代田区千代田1-1" || ok=1
e2e_screen | grep -q "^ *T  20[0-9-]*（令和" || ok=1
e2e_screen | grep -q "^ *山田 華子" || ok=1
e2e_screen | grep -q "^ *0312345678" || ok=1
[ $ok = 0 ] || e2e_screen >&2
check review-marks-sources $ok
e2e_stop

# N on the card check: the address is wrong; it is asked first with the
# card's value to correct, the correction goes into the old address too,
# and the name stays from the card
ok=0
start 2 || ok=1
e2e_keys n
e2e_wait "Which one is wrong?" || ok=1
e2e_type 2
e2e_keys Enter
e2e_wait "What is your address?" || ok=1
e2e_wait "which the helper said is wrong here" || ok=1
e2e_keys C-u
e2e_type "東京都港区芝公園1-5-10"
e2e_keys Enter
e2e_wait "What is your full name?" || ok=1 # the walk begins as usual
e2e_wait "$CARD" || ok=1
e2e_screen | grep -q "山田　花子" || ok=1
e2e_keys Enter
e2e_wait "What is your address?" || ok=1
e2e_wait "港区芝公園" || ok=1
e2e_keys Enter
e2e_wait "What address is on your old certificate?" || ok=1
e2e_wait "港区芝公園" || ok=1
e2e_keys Enter
e2e_wait "Female" || ok=1
e2e_screen | grep -q "$CARD" || ok=1 # sex, kept from the card
[ $ok = 0 ] || e2e_screen >&2
check correct-one-card-item-keeps-others $ok

# "More than one": the old way, nothing from the card
ok=0
e2e_stop
start 3 || ok=1
e2e_keys n
e2e_wait "Which one is wrong?" || ok=1
e2e_type 5
e2e_keys Enter
e2e_wait "No card is used" || ok=1
e2e_screen | grep -q "山田　花子" && ok=1
check all-wrong-types-everything $ok
e2e_stop
