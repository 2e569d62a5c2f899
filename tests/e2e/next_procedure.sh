#!/bin/sh
# Answers travel between procedures (issue 12): after a move, the next
# procedure started from What comes next begins with what the visit
# already knows — the name, the new address joined from its parts, today
# as the date of application — each said to come from the previous
# application, for the resident only to confirm. Fixture forms:
# tests/data/forms-next (move_test, then cert_test).
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-next.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export YORISOI_TODAY=2026-12-04

result() { e2e_result next-procedure "$@"; }

e2e_start 100 30 "$B/yorisoi --lang en --forms tests/data/forms-next --db $tmp/d.db --slip-dir $tmp"
ok=0
e2e_wait "Start a new application" 10 || ok=1
e2e_keys Enter
e2e_wait "Which procedure" 5 || ok=1
e2e_screen | grep -q "Move test" || ok=1
line=$(e2e_screen | grep -o "[0-9]\. Move test" | cut -c1)
e2e_type "$line"
e2e_keys Enter
e2e_wait "F2: go on without a card" 10 || ok=1
e2e_keys F2
e2e_wait "What is your full name" || ok=1
e2e_type "GARCIA LOPEZ ANA"
e2e_keys Enter
e2e_wait "postal code of your new address" || ok=1
e2e_type "1050011"
e2e_keys Enter
# 芝公園 is divided into 丁目: the 4th, so the area is 芝公園4丁目
e2e_wait "Which 丁目 of 芝公園 is the address in?" 5 || ok=1
e2e_type 4
e2e_keys Enter
for q in "Prefecture" "City" "Area"; do
	e2e_wait "$q?" 5 || ok=1
	e2e_keys Enter
done
e2e_wait "Block and house number" 5 || ok=1
e2e_type "2番8号"
e2e_keys Enter
e2e_wait "Building and room" 5 || ok=1
e2e_type "芝ハイツ101号室"
e2e_keys Enter
e2e_wait "Check your answers" 10 || ok=1
result move-answered $ok

# the code, then Done: What comes next offers the certificate here
ok=0
e2e_make_code || ok=1
e2e_type d
e2e_wait "y: yes" 5 || ok=1
e2e_type y
e2e_wait "Certificate test（証明書テスト）  — can be started here" 5 || ok=1
e2e_keys Enter
result next-offered $ok

# it starts with the name, the new address and today, said to be carried
ok=0
e2e_wait "What is your full name" 10 || ok=1
e2e_wait "GARCIA LOPEZ ANA" 2 || ok=1
e2e_wait "From the previous application" 2 || ok=1
e2e_keys Enter
e2e_wait "What is your address" 5 || ok=1
e2e_wait "東京都港区芝公園4丁目2番8号 芝ハイツ101号室" 2 || ok=1
e2e_wait "From the previous application" 2 || ok=1
e2e_keys Enter
e2e_wait "On what date do you apply" 5 || ok=1
e2e_wait "2026-12-04" 2 || ok=1
e2e_keys Enter
e2e_wait "Check your answers" 10 || ok=1
[ "$(e2e_screen | grep -c '^ *A  ')" = 2 ] || ok=1
e2e_screen | grep -q "^ *T  2026-12-04" || ok=1
result carried-and-marked $ok
e2e_stop
