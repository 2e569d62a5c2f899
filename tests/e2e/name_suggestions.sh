#!/bin/sh
# Names typed once (issue 12): a reading (フリガナ) is suggested word by
# word — as the household already read the same word (NGUYEN after
# グエン), else as MeCab reads kanji — and when a word is new, the words
# before it start the box; the alphabet spelling is offered from a name
# written in Latin letters, never from kanji. Fixture: tests/data/forms-names.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-names.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result name-suggestions "$@"; }

ok=0
e2e_fixture_start tests/data/forms-names "$tmp" || ok=1
e2e_wait "full name" || ok=1
e2e_type "NGUYEN VAN MINH"
e2e_keys Enter
# nobody read NGUYEN yet, and MeCab reads no Latin letters: an empty box
e2e_wait "read, in katakana" 5 || ok=1
sleep 0.3
e2e_screen | grep -q "Suggested from the name\|The start of the reading" && ok=1
e2e_type "グエン　ヴァン　ミン"
e2e_keys Enter
e2e_wait "in the alphabet" 5 || ok=1
e2e_wait "The name as written above, in capital letters" 3 || ok=1
e2e_box "NGUYEN VAN MINH" || ok=1
e2e_keys Enter
e2e_wait "another one to add" 5 || ok=1
e2e_type 1
e2e_keys Enter
result latin-name-offered $ok

# the next person: NGUYEN read as the household read it, THI is new
ok=0
e2e_wait "full name" 5 || ok=1
e2e_type "THI LAN"
e2e_keys Enter
e2e_wait "read, in katakana" 5 || ok=1
e2e_wait "The start of the reading is filled in from the name" 3 || ok=1
e2e_box "グエン　" || ok=1
e2e_type "ティ　ラン"
e2e_keys Enter
e2e_wait "in the alphabet" 5 || ok=1
e2e_box "NGUYEN THI LAN" || ok=1
e2e_keys Enter
e2e_wait "another one to add" 5 || ok=1
e2e_type 1
e2e_keys Enter
result reading-started-from-the-household $ok

# a third: every word read before, in another order of people: whole
ok=0
e2e_wait "full name" 5 || ok=1
e2e_type "MINH"
e2e_keys Enter
e2e_wait "read, in katakana" 5 || ok=1
e2e_wait "Suggested from the name" 3 || ok=1
e2e_box "グエン　ミン" || ok=1
e2e_keys Enter
e2e_wait "in the alphabet" 5 || ok=1
e2e_keys Enter
e2e_wait "another one to add" 5 || ok=1
e2e_type 1
e2e_keys Enter
result reading-whole-from-the-household $ok

# kanji: MeCab reads it; no alphabet spelling is offered from kanji
ok=0
e2e_wait "full name" 5 || ok=1
e2e_keys C-u
e2e_type "佐藤　花子"
e2e_keys Enter
e2e_wait "read, in katakana" 5 || ok=1
e2e_wait "Suggested from the name" 3 || ok=1
e2e_box "サトウ　ハナコ" || ok=1
e2e_keys Enter
e2e_wait "in the alphabet" 5 || ok=1
sleep 0.3
e2e_screen | grep -q "capital letters" && ok=1
e2e_type "SATO HANAKO"
e2e_keys Enter
e2e_wait "another one to add" 5 || ok=1
e2e_type 2
e2e_keys Enter
e2e_wait "Check your answers" 10 || ok=1
e2e_wait "グエン　ティ　ラン" 2 || ok=1
e2e_wait "NGUYEN MINH" 2 || ok=1
result kanji-read-no-latin-offer $ok
e2e_stop

# plain mode: the alphabet spelling offered, and taken with an empty line
ok=0
out=$(printf '3\nNGUYEN VAN MINH\nグエン　ヴァン　ミン\n\n2\n' |
	"$B/yorisoi" --plain --lang en --forms tests/data/forms-names --db "$tmp/p.db" \
		--slip-dir "$tmp" 2>&1)
echo "$out" | grep -q "Suggested: NGUYEN VAN MINH (press Enter to use it" || ok=1
[ "$(echo "$out" | sed -n '/Check your answers/,$p' | grep -c '^ *NGUYEN VAN MINH$')" = 2 ] || ok=1
[ "$ok" = 0 ] || echo "$out" | tail -30 | sed 's/^/    /'
result plain-mode $ok
