#!/bin/sh
# An address typed from its postal code (issue 12): on a question whose
# form says postal-lookup="true", a postal code typed alone fills in the
# start of the address (prefecture, city, town) for the resident to
# finish; a code of several places asks which first; Esc there gives the
# code back; an unknown code says so and stays. The answer is the whole
# address as written. Then the same in plain mode. Fixture form:
# tests/data/forms-postaltext.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-postaltext.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result address-postal "$@"; }

ok=0
e2e_fixture_start tests/data/forms-postaltext "$tmp" || ok=1
e2e_wait "What is your address" || ok=1
e2e_wait "Or type the postal code (7 digits)" 3 || ok=1
result says-a-code-will-do $ok

# an unknown code: said, and the code stays in the box to correct
ok=0
e2e_type "999-9999"
e2e_keys Enter
e2e_wait "No address is known for this postal code" 5 || ok=1
e2e_screen | grep -q "999-9999" || ok=1
e2e_screen | grep -q "What is your address" || ok=1
result unknown-code-stays $ok

# one place: its start in the box, the rest typed after it
ok=0
e2e_keys C-u
e2e_type "１０５－００１１"
e2e_keys Enter
e2e_wait "The start of the address was filled in from the postal code" 5 || ok=1
e2e_screen | grep -q "東京都港区芝公園 *$" || ok=1
e2e_type "4丁目2番8号"
e2e_keys Enter
e2e_wait "address of your workplace" 5 || ok=1
result one-place-filled $ok

# several places: picked first; Esc gives the typed code back
ok=0
e2e_type "0294203"
e2e_keys Enter
e2e_wait "This postal code covers several places" 5 || ok=1
e2e_wait "前沢狐堂" 2 || ok=1
e2e_keys Escape
e2e_wait "address of your workplace" 5 || ok=1
e2e_screen | grep -q "0294203" || ok=1
e2e_keys Enter
e2e_wait "This postal code covers several places" 5 || ok=1
e2e_type 3
e2e_wait "> 3. 岩手県 奥州市 前沢生母" 3 || ok=1
e2e_keys Up
e2e_keys Enter
e2e_wait "address of your workplace" 5 || ok=1
e2e_wait "岩手県奥州市前沢狐堂" 3 || ok=1
e2e_type "字前沢12"
e2e_keys Enter
result several-places-picked $ok

# the answers are the addresses as written
ok=0
e2e_wait "Check your answers" 10 || ok=1
e2e_wait "東京都港区芝公園4丁目2番8号" 3 || ok=1
e2e_wait "岩手県奥州市前沢狐堂字前沢12" 3 || ok=1
result answers-are-whole-addresses $ok
e2e_stop

# plain mode: the same, line by line
ok=0
out=$(printf '3\n1050011\n4丁目2番8号\n0294203\n2\n字前沢12\n' |
	"$B/yorisoi" --plain --lang en --forms tests/data/forms-postaltext --db "$tmp/p.db" \
		--slip-dir "$tmp" 2>&1)
echo "$out" | grep -q "Or type the postal code (7 digits)" || ok=1
echo "$out" | grep -q "Error" && ok=1
echo "$out" | grep -q "The address starts: 東京都港区芝公園" || ok=1
echo "$out" | grep -q "2. 岩手県 奥州市 前沢狐堂" || ok=1
echo "$out" | grep -q "東京都港区芝公園4丁目2番8号" || ok=1
echo "$out" | grep -q "岩手県奥州市前沢狐堂字前沢12" || ok=1
[ "$ok" = 0 ] || echo "$out" | tail -40 | sed 's/^/    /'
result plain-mode $ok
