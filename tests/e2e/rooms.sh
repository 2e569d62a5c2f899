#!/bin/sh
# Fewer keys at the end of an address: a room number typed bare (ハイツ402)
# is offered with 号室, in a whole address with its block number typed short
# and at a building question (building=); a guarantor's address starts
# with the applicant's town (<suggest> town-of=); a date may be typed as 8
# digits, as the empty box says. Console and plain mode. Fixture:
# tests/data/forms-rooms.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-rooms.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result rooms "$@"; }
HOME_Q="What is your address?"
GUARANTOR="What is the guarantor's address?"
BUILDING="What is the building name and room number?"
DATE="On what date did you move?"
HOME_A="東京都港区芝公園9丁目5番10号 芝公園ハイツ402号室"
BAR="Enter: use this   Esc: back to the box"
# the console in folder $1, the applicant's address answered
start() { e2e_fixture_answer tests/data/forms-rooms "$1" "$HOME_Q" "$HOME_A"; }

# the guarantor's box starts with the applicant's town, said why; the
# block and the room typed short are offered spelled out, 号室 first
ok=0
start "$tmp/a" || ok=1
e2e_wait "$GUARANTOR" 5 || ok=1
e2e_box "東京都港区芝公園" || ok=1
e2e_screen | grep -q "registered seal in this city and often lives nearby" || ok=1
e2e_type "9-3-4 コーポ12"
e2e_keys Enter
e2e_wait "$BAR" 5 || ok=1
e2e_screen | grep -q "^    > 1. 東京都港区芝公園9丁目3番4号 コーポ12号室（house numbering: 番 and 号）" || ok=1
e2e_screen | grep -q "^      2. 東京都港区芝公園9丁目3番4号 コーポ12（house numbering: 番 and 号）" || ok=1
e2e_screen | grep -q "^      3. 東京都港区芝公園9-3-4 コーポ12, as typed" || ok=1
e2e_keys Enter
e2e_wait "$BUILDING" 5 || ok=1
e2e_keys Enter
e2e_wait "$DATE" 5 || ok=1
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
[ "$(e2e_review_answer "$GUARANTOR")" = "東京都港区芝公園9丁目3番4号 コーポ12号室" ] || { e2e_screen >&2; ok=1; }
result guarantor-town-and-room $ok
e2e_stop

# a building's room typed bare: its own title and help; the line as typed
# keeps it without 号室
ok=0
start "$tmp/b" || ok=1
e2e_wait "$GUARANTOR" 5 || ok=1
e2e_keys C-u Enter
e2e_wait "$BUILDING" 5 || ok=1
e2e_type "鶴見グリーンハイツ 206"
e2e_keys Enter
e2e_wait "$BAR" 5 || ok=1
e2e_screen | grep -q "Building and room number" || ok=1
e2e_screen | grep -q "^    > 1. 鶴見グリーンハイツ 206号室 *$" || ok=1
e2e_screen | grep -q "^      2. 鶴見グリーンハイツ 206, as typed *$" || ok=1
e2e_keys F1
e2e_wait "is usually written" 5 || ok=1
e2e_keys Escape
e2e_wait "$BAR" 5 || ok=1
e2e_type "2"
e2e_keys Enter
e2e_wait "$DATE" 5 || ok=1
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
[ "$(e2e_review_answer "$BUILDING")" = "鶴見グリーンハイツ 206" ] || { e2e_screen >&2; ok=1; }
result building-room-kept-as-typed $ok
e2e_stop

# a room already written with 号室, or a number that is a 番地, is taken as
# typed; an empty date box says 8 digits are enough, and they are
ok=0
start "$tmp/c" || ok=1
e2e_wait "$GUARANTOR" 5 || ok=1
e2e_keys C-u
e2e_type "長野県上田市大字上野123"
e2e_keys Enter
e2e_wait "$BUILDING" 5 || ok=1
e2e_type "ハイツ402号室"
e2e_keys Enter
e2e_wait "$DATE" 5 || ok=1
e2e_screen | grep -q "Or type the date as 8 digits, year, month and day: 19901014." || ok=1
e2e_type "20260401"
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
[ "$(e2e_review_answer "$GUARANTOR")" = "長野県上田市大字上野123" ] || { e2e_screen >&2; ok=1; }
[ "$(e2e_review_answer "$BUILDING")" = "ハイツ402号室" ] || { e2e_screen >&2; ok=1; }
e2e_screen | grep -q "2026-04-01（令和8年4月1日）" || { e2e_screen >&2; ok=1; }
result no-room-and-date-digits $ok
e2e_stop

# plain mode: the building's room read with a number, Enter keeps it as
# typed; the date's hint is printed with the question
ok=0
out=$(e2e_plain_fixture tests/data/forms-rooms "$tmp" "" "" "ハイツ 402" "" "19901014")
echo "$out" | grep -q "^  1. ハイツ 402号室$" || ok=1
echo "$out" | grep -q "Or type the date as 8 digits" || ok=1
echo "$out" | sed -n '/Check your answers/,$p' | grep -q "^ *ハイツ 402$" || ok=1
echo "$out" | sed -n '/Check your answers/,$p' | grep -q "1990-10-14" || ok=1
out2=$(e2e_plain_fixture tests/data/forms-rooms "$tmp" "" "" "ハイツ 402" "1" "")
echo "$out2" | sed -n '/Check your answers/,$p' | grep -q "^ *ハイツ 402号室$" || ok=1
[ $ok = 0 ] || echo "$out" | tail -30 >&2
result plain-mode $ok
