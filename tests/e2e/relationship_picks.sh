#!/bin/sh
# 続柄 from a list (issue 12): a relationship question whose form lists the
# common answers (<pick>) shows them as a list, nothing picked for the
# resident; a number picks one, Enter takes its term; the last line opens
# a box for any other relationship (the grammar still checks it), Esc
# there goes back to the list; going back to an answer shows it as it was
# given. Then the same in plain mode. Fixture: tests/data/forms-picks.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-picks.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result relationship-picks "$@"; }

ok=0
e2e_fixture_start tests/data/forms-picks "$tmp" || ok=1
e2e_wait "relationship to the head" || ok=1
e2e_wait "( ) 1. The head of the household（世帯主）" 3 || ok=1
e2e_wait "( ) 4. Something else: type it" 2 || ok=1
# nothing is picked for the resident: Enter alone does not answer
e2e_keys Enter
e2e_wait "Please answer this question" 3 || ok=1
result list-nothing-picked $ok

# the first letters of a line, in any script, find it
ok=0
e2e_type "chi"
e2e_wait "> (•) 3. Child of the head (son or daughter)（子）" 3 || ok=1
sleep 2 # a pause: the next letter starts a new word
e2e_type "世"
e2e_wait "> (•) 1. The head of the household（世帯主）" 3 || ok=1
result letters-find-a-line $ok

ok=0
e2e_type 2
e2e_wait "> (•) 2. Wife of the head（妻）" 3 || ok=1
e2e_keys Enter
e2e_wait "Anything else about this person" 5 || ok=1
e2e_keys Escape
e2e_wait "> (•) 2. Wife of the head（妻）" 5 || ok=1
result pick-taken-and-shown-again $ok

# another relationship: typed in the box, checked by the grammar
ok=0
e2e_type 4
e2e_keys Enter
e2e_wait "Esc: back to the list" 3 || ok=1
e2e_type "つま"
e2e_keys Enter
e2e_wait "Error" 3 || ok=1
e2e_keys Escape
e2e_wait "> (•) 4. Something else: type it" 3 || ok=1
e2e_keys Enter
e2e_keys C-u
e2e_type "妻の子"
e2e_keys Enter
e2e_wait "Anything else about this person" 5 || ok=1
e2e_keys Escape
e2e_wait "Esc: back to the list" 3 || ok=1
e2e_wait "妻の子" 2 || ok=1
e2e_keys Enter
e2e_wait "Anything else about this person" 5 || ok=1
e2e_keys Enter
e2e_wait "another one to add" 5 || ok=1
e2e_type 2
e2e_keys Enter
e2e_wait "Check your answers" 10 || ok=1
e2e_wait "妻の子" 2 || ok=1
result other-typed $ok
e2e_stop

# plain mode: the list printed, a number or the words
ok=0
out=$(printf '3\n1\n\n1\n3\n\n1\n兄\n\n2\n' |
	"$B/yorisoi" --plain --lang en --forms tests/data/forms-picks --db "$tmp/p.db" \
		--slip-dir "$tmp" 2>&1)
echo "$out" | grep -q "  3. Child of the head (son or daughter)（子）" || ok=1
echo "$out" | grep -q "A number from the list, or type the answer" || ok=1
echo "$out" | grep -q "Error" && ok=1
echo "$out" | sed -n '/Check your answers/,$p' | grep -q "世帯主" || ok=1
echo "$out" | sed -n '/Check your answers/,$p' | grep -q "兄" || ok=1
[ "$ok" = 0 ] || echo "$out" | tail -40 | sed 's/^/    /'
result plain-mode $ok
