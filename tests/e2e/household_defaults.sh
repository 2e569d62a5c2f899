#!/bin/sh
# The household types itself once (issue 12): the next person of a list
# starts from the person before where the form says so — the family name
# offered for the resident to finish, the 本籍 and nationality copied and
# said to be the person before's — and the resident only confirms. The
# fixture tests/data/forms-samehouse declares it.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-samehouse.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result household-defaults "$@"; }

ok=0
e2e_fixture_start tests/data/forms-samehouse "$tmp" || ok=1
# the first person types everything
e2e_wait "full name" || ok=1
e2e_type "佐藤　健一"
e2e_keys Enter
e2e_wait "registered domicile" || ok=1
e2e_type "東京都千代田区千代田1番地"
e2e_keys Enter
e2e_wait "nationality" || ok=1
e2e_type 1
e2e_keys Enter
e2e_wait "Anything else" || ok=1
e2e_keys Enter
e2e_wait "another person" || ok=1
e2e_type 1
e2e_keys Enter
result first-person-typed $ok

# the second: the family name is offered, the rest of the name typed
ok=0
e2e_wait "full name" || ok=1
e2e_wait "The family name of the person before is filled in" 5 || ok=1
e2e_screen | grep -q "^ *佐藤　 *$" || ok=1
e2e_type "美穂"
e2e_keys Enter
result family-name-offered $ok

# 本籍 and nationality: the person before's, said so, confirmed with Enter
ok=0
e2e_wait "registered domicile" || ok=1
e2e_wait "The same as the person before" 5 || ok=1
e2e_wait "東京都千代田区千代田1番地" 2 || ok=1
e2e_keys Enter
e2e_wait "nationality" || ok=1
e2e_wait "(•) 1. Japan" 5 || ok=1
e2e_wait "The same as the person before" 2 || ok=1
e2e_keys Enter
# a field the form does not mark is not copied
e2e_wait "Anything else" || ok=1
sleep 0.3
e2e_screen | grep -q "The same as the person before" && ok=1
e2e_keys Enter
result same-as-previous-confirmed $ok

# Check your answers marks them S, and the answers are the household's
ok=0
e2e_wait "another person" || ok=1
e2e_type 2
e2e_keys Enter
e2e_wait "Check your answers" 10 || ok=1
e2e_wait "S the same as the person before" 5 || ok=1
e2e_wait "佐藤　美穂" 2 || ok=1
result review-marks-the-copies $ok
e2e_stop
