#!/bin/sh
# The nationality is picked from the list of about 200 countries and
# regions (forms/lists/countries.xml) by typing the first letters of a
# line, in the resident's language or in Japanese, hiragana finding
# katakana; the answer stored is the term the residence card writes.
# Console and plain mode (where the list is not read out: the letters
# find the lines to choose from). Fixture: tests/data/forms-countries.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-countries.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result country-list "$@"; }
QUESTION="What is their nationality or region"
# a line of the list is selected when its row starts "> (•) N. "
selected() { e2e_screen | grep -qE "^ *> \((•|\*)\) [0-9]+\. $1"; }
# until the line starting $1 is selected, or 1 after a few seconds
wait_selected() {
	i=0
	while [ $i -lt 50 ]; do
		selected "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	e2e_screen >&2
	return 1
}

# letters in English: "bra" selects Brazil, and its term is the answer
ok=0
mkdir -p "$tmp/a"
e2e_fixture_start tests/data/forms-countries "$tmp/a" || ok=1
e2e_wait "$QUESTION" 5 || ok=1
e2e_wait "↑↓/letters: choose" 3 || ok=1
e2e_type "bra"
wait_selected "Brazil（ブラジル）" || ok=1
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
e2e_screen | grep -q "ブラジル" || ok=1
result letters-find-a-line $ok
e2e_stop

# in Japanese: hiragana べと finds ベトナム; a word after a bracket counts
# too: "uae" finds United Arab Emirates (UAE)（アラブ首長国連邦）
ok=0
mkdir -p "$tmp/b"
e2e_fixture_start tests/data/forms-countries "$tmp/b" || ok=1
e2e_wait "$QUESTION" 5 || ok=1
e2e_type "べと"
wait_selected "Vietnam（ベトナム）" || ok=1
sleep 1.7 # a pause: the next letters start a new word
e2e_type "uae"
wait_selected "United Arab Emirates \(UAE\)（アラブ首長国連邦）" || ok=1
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
e2e_screen | grep -q "アラブ首長国連邦" || ok=1
result kana-and-brackets $ok
e2e_stop

# plain mode: 199 lines are not read out; "uni" reads the three lines
# that start so, and a number takes one; too many matches ask for more
# letters; the exact term is taken as it is; a name on no line is kept
plain() { e2e_plain_fixture tests/data/forms-countries "$tmp" "$@"; }
review() { e2e_plain_first_answer; }
ok=0
out=$(plain uni 3)
echo "$out" | grep -q "^A list of 199 answers: type the first letters" || ok=1
echo "$out" | grep -q "Brazil" && ok=1
echo "$out" | grep -q "^  3. United Kingdom (UK)（英国）$" || ok=1
[ "$(echo "$out" | review)" = "英国" ] || ok=1
[ "$ok" = 0 ] || echo "$out" | tail -20 | sed 's/^/    /'
result plain-letters $ok

ok=0
out=$(plain s ネパール)
echo "$out" | grep -qE "[0-9]+ lines start so: please type more letters" || ok=1
[ "$(echo "$out" | review)" = "ネパール" ] || ok=1
out2=$(plain Atlantis)
[ "$(echo "$out2" | review)" = "Atlantis" ] || ok=1
out3=$(plain viet "")
[ "$(echo "$out3" | review)" = "viet" ] || ok=1
[ "$ok" = 0 ] || printf '%s\n%s\n%s\n' "$out" "$out2" "$out3" | tail -40 | sed 's/^/    /'
result plain-exact-and-typed $ok
