#!/bin/sh
# The 丁目 of a town (issue 12, part 6): a postal code whose town the data
# divides into 丁目 (230-0051 鶴見中央: 1 to 5) asks which one before the
# town question, which then starts as 鶴見中央5丁目; Esc leaves the bare
# town to finish by typing; a town of 28 丁目 (060-0042 大通西) takes two
# digits and scrolls; a town the resident typed is not asked about again;
# a town without 丁目 (100-0001 千代田) goes straight on; an address box
# started from a postal code doubts a block whose 丁目 the town data does
# not have. Console and plain mode. Fixtures: tests/data/forms-chome and
# tests/data/forms-block.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-chome.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result chome "$@"; }
POSTAL="What is the postal code of the new address?"
CITY="What is the city of the new address?"
TOWN="What is the name of the area?"
BAR="Enter: use this   Esc: none of these, type it"
town_answer() { e2e_review_answer "$TOWN"; }

# a postal code: its 丁目 listed, the first selected; 5 and Enter choose
# (after the help)
ok=0
e2e_fixture_answer tests/data/forms-chome "$tmp/a" "$POSTAL" "230-0051" || ok=1
e2e_wait "$BAR" 5 || ok=1
e2e_screen | grep -q "Which 丁目 of 鶴見中央 is the address in?" || ok=1
e2e_screen | grep -q "> 1. 鶴見中央1丁目" || ok=1
e2e_screen | grep -q "  5. 鶴見中央5丁目" || ok=1
e2e_screen | grep -q "  6\. " && ok=1
result listed $ok

# F1: what 丁目 are, and what Esc does; Esc closes it on the same list
ok=0
e2e_keys F1
e2e_wait "Many towns are divided into numbered districts" 3 || ok=1
e2e_keys Escape
e2e_wait "$BAR" 3 || ok=1
e2e_screen | grep -q "Many towns are divided" && ok=1
result help $ok

ok=0
e2e_type "5"
e2e_wait "> 5. 鶴見中央5丁目" 3 || ok=1
e2e_keys Enter
e2e_wait "$CITY" 5 || ok=1
e2e_box "横浜市鶴見区" || ok=1
# the postal code's notice is still there to read
e2e_screen | grep -q "The address was filled in from the postal code: please check it." || ok=1
e2e_keys Enter
e2e_wait "$TOWN" 5 || ok=1
e2e_box "鶴見中央5丁目" || { e2e_screen >&2; ok=1; }
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
[ "$(town_answer)" = "鶴見中央5丁目" ] || { e2e_screen >&2; ok=1; }
result chosen-from-the-list $ok

# back at the postal code from the review: the 丁目 chosen is the one
# marked; Esc leaves the bare town to finish
ok=0
e2e_keys Home
e2e_keys Enter
e2e_wait "$POSTAL" 5 || ok=1
e2e_keys Enter
e2e_wait "$BAR" 5 || ok=1
e2e_screen | grep -q "> 5. 鶴見中央5丁目" || { e2e_screen >&2; ok=1; }
e2e_keys Escape
e2e_wait "$CITY" 5 || e2e_wait "Check your answers" 5 || ok=1
e2e_wait "鶴見中央" 3 || ok=1
e2e_screen | grep -q "鶴見中央5丁目" && ok=1
result esc-keeps-the-town $ok
e2e_stop

# 28 丁目: the list says there is more below; two digits pick line 25,
# the list scrolls to it and says there is more above and below (22 lines
# fit at 100x30); then a town typed by hand is the resident's: the
# postal code again asks nothing
ok=0
e2e_fixture_answer tests/data/forms-chome "$tmp/b" "$POSTAL" "0600042" || ok=1
e2e_wait "$BAR" 5 || ok=1
e2e_screen | grep -q "(more below: ↓)" || ok=1
e2e_type "25"
e2e_wait "> 25. 大通西25丁目" 3 || { e2e_screen >&2; ok=1; }
e2e_screen | grep -q "(more above: ↑, more below: ↓)" || { e2e_screen >&2; ok=1; }
e2e_keys Enter
e2e_wait "$CITY" 5 || ok=1
e2e_keys Enter
e2e_wait "$TOWN" 5 || ok=1
e2e_box "大通西25丁目" || ok=1
e2e_keys C-u
e2e_type "大通西二十一丁目"
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
e2e_keys Home
e2e_keys Enter
e2e_wait "$POSTAL" 5 || ok=1
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
e2e_screen | grep -q "$BAR" && ok=1
[ "$(town_answer)" = "大通西二十一丁目" ] || { e2e_screen >&2; ok=1; }
result typed-town-not-asked $ok
e2e_stop

# a town without 丁目 goes straight on
ok=0
e2e_fixture_answer tests/data/forms-chome "$tmp/c" "$POSTAL" "100-0001" || ok=1
e2e_wait "$CITY" 5 || ok=1
e2e_screen | grep -q "$BAR" && ok=1
result no-chome-no-question $ok
e2e_stop

# plain mode: the 丁目 numbered, a number chooses, Enter keeps the town
ok=0
out=$(e2e_plain_fixture tests/data/forms-chome "$tmp" 230-0051 5 "" "")
echo "$out" | grep -q "Which 丁目 of 鶴見中央 is the address in?" || ok=1
echo "$out" | grep -q "  5. 鶴見中央5丁目" || ok=1
[ "$(echo "$out" | sed -n '/Check your answers/,$p' | sed -n 7p | sed 's/^ *//')" = "鶴見中央5丁目" ] ||
	{ echo "$out" >&2; ok=1; }
out=$(e2e_plain_fixture tests/data/forms-chome "$tmp" 230-0051 "" "" "")
[ "$(echo "$out" | sed -n '/Check your answers/,$p' | sed -n 7p | sed 's/^ *//')" = "鶴見中央" ] ||
	{ echo "$out" >&2; ok=1; }
result plain-mode $ok

# an address question (postal-lookup=) started from 105-0011 (芝公園,
# divided into 1丁目 to 4丁目): a block typed short as 9-5-10 names a
# 丁目 the town data does not have, and the spelling screen says so; Esc,
# 4-5-10 is not doubted; 5-10, with no 丁目 at all, is; the address typed
# whole with a bare room, spelled only with 号室, is not. Fixture:
# tests/data/forms-block (its block question first, then the address).
DOUBT="The town data divides 芝公園 into 丁目 1–4: please check that the address has the right 丁目."
SPELL="Esc: back to the box"
GUARANTOR="What is the guarantor's address?"
# again N TEXT: from the spelling screen back to the box, the N characters
# typed after the postal code's start taken back, TEXT typed and Enter
again() {
	e2e_keys Escape
	e2e_wait "$GUARANTOR" 5 || return 1
	for _ in $(seq "$1"); do e2e_keys BSpace; done
	e2e_type "$2"
	e2e_keys Enter
}
ok=0
e2e_fixture_answer tests/data/forms-block "$tmp/d" "What is the block and house number?" "3番8号" || ok=1
e2e_wait "$GUARANTOR" 5 || ok=1
e2e_type "1050011"
e2e_keys Enter
e2e_wait "東京都港区芝公園" 5 || ok=1
e2e_type "9-5-10"
e2e_keys Enter
e2e_wait "$SPELL" 5 || ok=1
e2e_wait "$DOUBT" 2 || ok=1
again 6 "4-5-10" || ok=1
e2e_wait "> 1. 東京都港区芝公園4丁目5番10号" 5 || ok=1
e2e_screen | grep -q "The town data divides" && ok=1
again 6 "5-10" || ok=1
e2e_wait "> 1. 東京都港区芝公園5番10号" 5 || ok=1
e2e_wait "$DOUBT" 2 || ok=1
# typed whole, only its room spelled with 号室: not judged
again 4 "9丁目5番10号 ハイツ402" || ok=1
e2e_wait "> 1. 東京都港区芝公園9丁目5番10号 ハイツ402号室" 5 || ok=1
e2e_screen | grep -q "The town data divides" && ok=1
result box-chome-doubted $ok
e2e_stop

# plain mode: the same doubt before the spellings
ok=0
out=$(e2e_plain_fixture tests/data/forms-block "$tmp" "3番8号" 1050011 "9-5-10" 1)
echo "$out" | grep -q "$DOUBT" || { echo "$out" >&2; ok=1; }
out=$(e2e_plain_fixture tests/data/forms-block "$tmp" "3番8号" 1050011 "4-5-10" 1)
echo "$out" | grep -q "The town data divides" && ok=1
echo "$out" | grep -q "東京都港区芝公園4丁目5番10号" || ok=1
result box-chome-doubted-plain $ok
