#!/bin/sh
# Help on every screen, and the mouse (issue 16, parts 1, 5 and 7): F1 on a
# question shows its help with the official Japanese term; Esc returns with
# typed text intact; ? is text in a box for typing and help elsewhere; the
# key bar shows F1 on every screen visited; the help scrolls at 60x18; ? in
# --plain; a click picks a choice and a second click uses it, a click on a
# key of the bar presses it, the wheel scrolls the help.
# Prints PASS:/FAIL: help/<case>. Every wait that times out is a FAIL.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-help.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { if [ "$2" = 0 ]; then pass "help/$1"; else fail "help/$1"; fi; }

# gone TEXT : until TEXT has left the screen (the help closed); 1 after 10 s.
gone() {
	t=0
	while e2e_screen | grep -qF -- "$1"; do
		t=$((t + 1))
		if [ $t -ge 100 ]; then
			echo "timed out waiting for \"$1\" to go" >&2
			e2e_screen >&2
			return 1
		fi
		sleep 0.1
	done
}

# bar NAME : the key bar (the last row) of this screen names F1 (on the
# help itself, as the key that closes it).
missing_f1=""
bar() {
	if ! e2e_screen | tail -n 1 | grep -qE "F1: help|F1 or Esc: close help"; then
		missing_f1="$missing_f1 $1"
		echo "no F1 in the bar of $1:" >&2
		e2e_screen | tail -n 1 >&2
	fi
}

# click X Y : a press and release of the left button at column X, row Y
# (0-based), as an xterm-style terminal sends it (ncurses reads the X10
# form that screen-256color's kmous names; both bytes are 32 + 1 + X).
click() {
	e2e_type "$(printf '\033[M %b%b' "\\0$(printf %o $((33 + $1)))" "\\0$(printf %o $((33 + $2)))")"
	sleep 0.1
	e2e_type "$(printf '\033[M#%b%b' "\\0$(printf %o $((33 + $1)))" "\\0$(printf %o $((33 + $2)))")"
}
# wheel_down X Y : one turn of the wheel towards the user.
wheel_down() {
	e2e_type "$(printf '\033[Ma%b%b' "\\0$(printf %o $((33 + $1)))" "\\0$(printf %o $((33 + $2)))")"
}
# row_of TEXT : the 0-based row where TEXT first shows, or nothing.
row_of() { e2e_screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1 | awk '{print $1 - 1}'; }
# col_of TEXT ROW : the 0-based column where TEXT starts on ROW (ASCII before it).
col_of() { e2e_screen | sed -n "$(($2 + 1))p" | awk -v t="$1" '{print index($0, t) - 1}'; }

e2e_start 80 24 "$B/yorisoi --demo --db $tmp/d.db --slip-dir $tmp"
ok=0
e2e_wait "Choose the language" || ok=1
bar language
e2e_keys Down Enter
e2e_wait "What would you like to do?" || ok=1
bar start
e2e_keys Enter
e2e_wait "Which procedure is this visit for?" || ok=1
bar pick-procedure
e2e_type 4
e2e_keys Enter
e2e_wait "tries left" || ok=1
bar pin
e2e_type 1234
e2e_keys Enter
e2e_wait "Is this right?" || ok=1
bar identity
e2e_keys Enter
e2e_wait "Question 1 of" || ok=1
bar question-choice

# F1 on a question: its help, its official term, what comes next
e2e_keys F1
r=0
e2e_wait "What this question means" || r=1
e2e_wait "「請求者と対象者の関係」" || r=1
e2e_wait "The official Japanese term" || r=1
e2e_wait "Choose \"Myself\" if the certificate is about you" || r=1
bar help
e2e_keys Escape
gone "What this question means" || r=1
e2e_wait "Question 1 of" || r=1
result f1-shows-the-question-help $r

# ? on a list question is help too; closing it keeps the choice picked
e2e_type 2
e2e_wait "> (•) 2." || ok=1
e2e_type "?"
r=0
e2e_wait "What this question means" || r=1
e2e_keys Enter
gone "What this question means" || r=1
e2e_screen | grep -q "> (•) 2." || r=1
result question-mark-is-help-on-a-list $r

# the mouse: a click on choice 1 picks it; a second click on it goes on
y=$(row_of "1. Myself")
r=0
if [ -z "$y" ]; then
	r=1
else
	click 6 "$y"
	e2e_wait "> (•) 1." 5 || r=1
	e2e_screen | grep -q "What is your full name?" && r=1 # one click only picks
fi
result click-picks-a-choice $r
r=0
if [ -n "$y" ]; then
	click 6 "$y"
	e2e_wait "What is your full name?" 5 || r=1
else
	r=1
fi
result second-click-uses-it $r
bar question-text

# a key of the bar, clicked: Esc: back goes back to question 1 (from
# question 2, reached by the keys if the clicks above failed)
if ! e2e_screen | grep -q "What is your full name?"; then
	e2e_type 1
	e2e_keys Enter
fi
e2e_wait "What is your full name?" || ok=1
r=0
last=$(($(e2e_screen | wc -l) - 1))
x=$(col_of "Esc: back" "$last")
if [ -z "$x" ] || [ "$x" -lt 0 ]; then
	r=1
else
	click $((x + 1)) "$last"
	gone "What is your full name?" || r=1
	e2e_wait "Question 1 of" 5 || r=1
fi
result click-on-the-bar-presses-the-key $r
e2e_keys Enter
e2e_wait "What is your full name?" || ok=1
e2e_keys Enter

# text typed but not confirmed survives the help; ? there is text
e2e_wait "katakana" || ok=1
e2e_type "やまだ?"
r=0
e2e_wait "やまだ?" || r=1
e2e_screen | grep -q "What this question means" && r=1
result question-mark-is-text-in-a-box $r
e2e_keys BSpace F1
r=0
e2e_wait "What this question means" || r=1
e2e_keys Escape
gone "What this question means" || r=1
e2e_screen | grep -q "やまだ" || r=1
e2e_type " はなこ"
e2e_wait "やまだ はなこ" || r=1
result esc-keeps-typed-text $r
e2e_keys Enter
e2e_wait "What is your address?" || ok=1
e2e_keys Enter
e2e_wait "昭和25年4月1日" || ok=1
e2e_keys Enter
e2e_wait "phone number" || ok=1
e2e_cert_to_review "0312345678" || ok=1
bar review
e2e_keys F1
r=0
e2e_wait "Every answer is listed" || r=1
e2e_wait "F10: save the answers and stop" || r=1
e2e_keys F1
gone "Every answer is listed" || r=1
e2e_wait "Check your answers" || r=1
result help-on-the-review $r
# the wheel moves through a long list: three lines down from the first
r=0
e2e_keys Home
e2e_wait "> Whose certificate" || r=1
wheel_down 10 8
gone "> Whose certificate" || r=1
e2e_wait "> What is your address?" 5 || r=1
result wheel-moves-through-the-review $r
e2e_keys End Enter
e2e_wait "S: slip" 20 || ok=1
bar handoff
e2e_type "?"
r=0
e2e_wait "The handoff code" || r=1
e2e_keys Escape
gone "The handoff code" || r=1
e2e_wait "S: slip" || r=1
result help-on-the-handoff $r
e2e_stop

# the card screen (no reader: the demo card is offered) and the lock
e2e_start 80 24 "$B/yorisoi --lang en --idle-lock 2 --db $tmp/d2.db --slip-dir $tmp"
e2e_wait "Start a new application" || ok=1
e2e_keys Enter
e2e_wait "Which procedure is this visit for?" || ok=1
e2e_type 4
e2e_keys Enter
e2e_wait "The My Number card" || ok=1
bar card
r=0
e2e_keys F1
e2e_wait "Put the My Number card on the reader" || r=1
e2e_keys Escape
gone "Put the My Number card on the reader" || r=1
e2e_wait "F2: go on without a card" || r=1
result help-on-the-card-screen $r
e2e_wait "Screen locked" 10 || ok=1
bar lock
r=0
e2e_keys F1
e2e_wait "Nobody used the console for a while" || r=1
e2e_keys Escape
gone "Nobody used the console for a while" || r=1
e2e_wait "Press Enter to go on" || r=1
result help-on-the-lock $r
e2e_stop

result bar-shows-f1-everywhere-visited "$([ -z "$missing_f1" ] && echo 0 || echo 1)"
result walk "$ok"

# the smallest window: the help wraps and scrolls, by keys and by the wheel
e2e_start 60 18 "$B/yorisoi --lang en --demo --db $tmp/d3.db --slip-dir $tmp"
r=0
e2e_wait "Start a new application" || r=1
e2e_keys Enter
e2e_wait "Which procedure is this visit for?" || r=1
e2e_type 4
e2e_keys Enter
e2e_demo_pin || r=1
e2e_wait "Question 1 of" || r=1
e2e_keys F1
e2e_wait "(more below: ↓)" || r=1
e2e_screen | grep -q "What happens next" && r=1 # not yet in sight
e2e_keys End
e2e_wait "Esc, F1 or Enter closes this help" || r=1
e2e_wait "(more above: ↑)" || r=1
result help-scrolls-at-60x18 $r
r=0
e2e_keys Home
e2e_wait "(more below: ↓)" || r=1
wheel_down 10 5
e2e_wait "(more above: ↑, more below: ↓)" 5 || r=1
result wheel-scrolls-the-help $r
e2e_stop

# --plain: ? prints the question's help, then asks it again
printf '4\n1234\n1\n?\n1\n' | "$B/yorisoi" --plain --lang en --demo --db "$tmp/p.db" >"$tmp/plain.txt" 2>&1
r=0
grep -qF "What this question means" "$tmp/plain.txt" || r=1
grep -qF "「請求者と対象者の関係」" "$tmp/plain.txt" || r=1
grep -qF "After this: 11 more questions" "$tmp/plain.txt" || r=1
# asked again after the help, and the 1 typed then is its answer
awk '/What happens next/ {h = 1} h && /Answer, or < to go back/ {a = 1} a && /Question 2 of/ {ok = 1} END {exit !ok}' "$tmp/plain.txt" || r=1
[ $r = 0 ] || cat "$tmp/plain.txt" >&2
result plain-question-mark $r
