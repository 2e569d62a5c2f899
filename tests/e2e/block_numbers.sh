#!/bin/sh
# A block number typed as people write it (5-10, ５－１０) at a question
# with block-number=, or inside an address (postal-lookup=): the console
# lists its official spellings, 5番10号 (住居表示) first, then 5番地10 and
# 5番地の10 (地番), and the answer as typed; a number and Enter choose, Esc
# goes back to the box with what was typed. An official spelling typed is
# taken as it is. Console and plain mode. Fixture: tests/data/forms-block.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-block.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result block-numbers "$@"; }
QUESTION="What is the block and house number?"
ADDRESS="What is the guarantor's address?"
# the address question (optional) left empty, on to the review
skip_address() { e2e_wait "$ADDRESS" 5 && e2e_keys Enter; }
BAR="Enter: use this   Esc: back to the box"
# the answer on the review screen: the line after the question's
answer() { e2e_review_answer "$QUESTION"; }

# full-width 5－10: the spellings listed, the first selected; line 2 is 地番
ok=0
e2e_fixture_answer tests/data/forms-block "$tmp/a" "$QUESTION" "５－１０" || ok=1
e2e_wait "$BAR" 5 || ok=1
e2e_screen | grep -q "> 1. 5番10号（house numbering: 番 and 号）" || ok=1
e2e_screen | grep -q "  2. 5番地10（lot number: 番地）" || ok=1
e2e_screen | grep -q "  3. 5番地の10（lot number: 番地）" || ok=1
e2e_screen | grep -q "  4. ５－１０, as typed" || ok=1
e2e_type "2"
e2e_wait "> 2. 5番地10" 3 || ok=1
e2e_keys Enter
skip_address || ok=1
e2e_wait "Check your answers" 5 || ok=1
[ "$(answer)" = "5番地10" ] || { e2e_screen >&2; ok=1; }
result shorthand-spelled-out $ok
e2e_stop

# Esc: back to the box with the shorthand, to change it; then an official
# spelling typed goes straight on; the shorthand kept when chosen so
ok=0
e2e_fixture_answer tests/data/forms-block "$tmp/b" "$QUESTION" "3-8" || ok=1
e2e_wait "$BAR" 5 || ok=1
e2e_keys Escape
e2e_wait "$QUESTION" 5 || ok=1
e2e_box "3-8" || ok=1
e2e_keys C-u
e2e_type "3番8号"
e2e_keys Enter
e2e_screen | grep -q "$BAR" && ok=1
skip_address || ok=1
e2e_wait "Check your answers" 5 || ok=1
[ "$(answer)" = "3番8号" ] || { e2e_screen >&2; ok=1; }
result esc-and-official $ok
e2e_stop

ok=0
e2e_fixture_answer tests/data/forms-block "$tmp/c" "$QUESTION" "12-3" || ok=1
e2e_wait "$BAR" 5 || ok=1
e2e_type "4"
e2e_keys Enter
skip_address || ok=1
e2e_wait "Check your answers" 5 || ok=1
[ "$(answer)" = "12-3" ] || { e2e_screen >&2; ok=1; }
result shorthand-kept-as-typed $ok
e2e_stop

# in a whole address: the first numbers typed short, spelled out in the
# address, the rest of it kept, the room with 号室 first and then bare
ok=0
e2e_fixture_answer tests/data/forms-block "$tmp/d" "$QUESTION" "3番8号" || ok=1
e2e_wait "$ADDRESS" 5 || ok=1
e2e_type "東京都港区芝公園9-5-10 芝公園ハイツ402"
e2e_keys Enter
e2e_wait "$BAR" 5 || ok=1
e2e_screen | grep -q "> 1. 東京都港区芝公園9丁目5番10号 芝公園ハイツ402号室（" || ok=1
e2e_screen | grep -q "  2. 東京都港区芝公園9丁目5番10号 芝公園ハイツ402（" || ok=1
e2e_type "2"
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
e2e_screen | grep -q "^ *東京都港区芝公園9丁目5番10号 芝公園ハイツ402 *$" || { e2e_screen >&2; ok=1; }
result address-block-spelled-out $ok
e2e_stop

# plain mode: the spellings read with numbers; a number takes one, Enter
# keeps what was typed
plain() { e2e_plain_fixture tests/data/forms-block "$tmp" "$@"; }
review() { e2e_plain_first_answer; }
ok=0
out=$(plain 5-10 3 "")
echo "$out" | grep -q "How does the official address write it?" || ok=1
echo "$out" | grep -q "^  1. 5番10号（house numbering: 番 and 号）$" || ok=1
echo "$out" | grep -q "^  3. 5番地の10（lot number: 番地）$" || ok=1
[ "$(echo "$out" | review)" = "5番地の10" ] || ok=1
out2=$(plain 5-10 "" "")
[ "$(echo "$out2" | review)" = "5-10" ] || ok=1
out3=$(plain 7番2号 "")
echo "$out3" | grep -q "How does the official address write it?" && ok=1
[ "$(echo "$out3" | review)" = "7番2号" ] || ok=1
out4=$(plain 1番 長野県上田市大字上野123-4 2)
echo "$out4" | grep -q "^  2. 長野県上田市大字上野123番地4（lot number: 番地）$" || ok=1
echo "$out4" | sed -n '/Check your answers/,$p' | grep -q "^ *長野県上田市大字上野123番地4$" || ok=1
[ "$ok" = 0 ] || printf '%s\n%s\n%s\n%s\n' "$out" "$out2" "$out3" "$out4" | tail -50 | sed 's/^/    /'
result plain-mode $ok
