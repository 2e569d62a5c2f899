#!/bin/sh
# Golden screens (the tmux model): the console at 80×24 must show exactly
# the saved screen, with the cursor where the saved file says. A failed
# comparison keeps the new capture beside the expected one.
# Refresh after an intended change: YORISOI_GOLDEN_UPDATE=1 sh tests/e2e/golden_screens.sh
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-golden.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
# The desk's signing key goes to the test's folder, not the home folder.
export XDG_DATA_HOME="$tmp/data"

# compare NAME : the screen plus a last line "cursor X Y" against golden/NAME.txt.
compare() {
	name=$1 want=tests/e2e/golden/$1.txt got=$E2E_LOGS/golden-$1.txt
	sleep 0.3 # let the frame settle after the awaited text appeared
	{ e2e_screen; echo "cursor $(e2e_cursor)"; } >"$got"
	if [ "${YORISOI_GOLDEN_UPDATE:-}" = 1 ]; then
		cp "$got" "$want"
	fi
	if cmp -s "$got" "$want"; then
		pass "golden/$name"
	else
		diff -u "$want" "$got" >&2
		fail "golden/$name"
	fi
}

e2e_start 80 24 "$B/yorisoi --demo --db $tmp/d.db --slip-dir $tmp"
e2e_wait "Choose the language" && compare language
e2e_keys Down Enter
e2e_wait "What would you like to do?" && compare start-empty
e2e_keys Enter
e2e_wait "Which procedure is this visit for?" && compare pick-procedure
e2e_type 4
e2e_wait "tries left" && compare pin-demo
e2e_type 12
e2e_wait "**" && compare pin-typing
e2e_keys BSpace BSpace
e2e_type 1234
e2e_keys Enter
e2e_wait "Is this right?" && compare card-identity
e2e_keys Enter
e2e_wait "Question 1 of" && compare question-choice
e2e_keys Enter
e2e_wait "Filled in for you" && compare question-prefilled
e2e_stop

# The same console in Japanese: the catalogue is used, and Japanese text
# wraps between characters without starting a line with 、 or 。.
e2e_start 80 24 "$B/yorisoi --demo --db $tmp/d2.db --slip-dir $tmp"
e2e_wait "Choose the language" && e2e_keys Enter
e2e_wait "新しい" && compare ja-start
e2e_keys Enter
e2e_wait "1." && compare ja-pick-procedure
e2e_type 4
e2e_wait "1234" && compare ja-pin-demo
e2e_type 1234
e2e_keys Enter
e2e_wait "山田　花子" && sleep 0.2 && e2e_keys Enter
e2e_wait "1問目" && compare ja-question-choice
e2e_stop
