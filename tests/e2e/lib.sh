# Helpers for driving the console in tmux, as a person would: type keys,
# read the screen. Sourced by the tests/e2e/*.sh scripts.
#
# Each test runs its own tmux server on a private socket at a fixed size,
# polls the screen with a timeout instead of sleeping, and keeps the last
# capture in build/test-logs when a wait fails.

B=${BUILD:-build}
E2E_SOCK="yorisoi-e2e-$$"
E2E_LOGS=build/test-logs
mkdir -p "$E2E_LOGS"

tmx() { tmux -L "$E2E_SOCK" "$@"; }

# The sanitizer build: fontconfig and cairo's PDF writer (Debian 12) keep
# memory until exit when the console draws a slip; those two, and only
# they, are not reported (the same rule as tests/integration/handoff_slip.sh).
E2E_LSAN_SUPP=$(mktemp /tmp/yorisoi-e2e-lsan.XXXXXX)
printf 'leak:libfontconfig.so\nleak:cairo_surface_finish\n' >"$E2E_LSAN_SUPP"
export LSAN_OPTIONS="suppressions=$E2E_LSAN_SUPP:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

# e2e_start COLS LINES COMMAND... : starts the command in a fresh session.
# With E2E_MARK_EXIT set, "[exited]" shows on the screen when it ends.
# Each session gets a server of its own: a server being killed must not
# race with the next test's.
E2E_N=0
e2e_start() {
	cols=$1 lines=$2
	shift 2
	E2E_N=$((E2E_N + 1))
	E2E_SOCK="yorisoi-e2e-$$-$E2E_N"
	tmx -f /dev/null new-session -d -s t -x "$cols" -y "$lines" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color NO_COLOR=1 $*; ${E2E_MARK_EXIT:+echo '[exited]';} sleep 30"
	tmx set-option -t t status off >/dev/null
}

e2e_stop() { tmx kill-server 2>/dev/null || true; }
e2e_cleanup() { e2e_stop; rm -f "$E2E_LSAN_SUPP"; }

e2e_screen() { tmx capture-pane -p -t t; }

# e2e_keys KEY... : tmux key names (Enter, Escape, Down, F10) or literal text with -l.
e2e_keys() { tmx send-keys -t t "$@"; }
e2e_type() { tmx send-keys -t t -l "$1"; }

# e2e_wait TEXT [SECONDS] : until TEXT is on the screen; 1 after the timeout.
e2e_wait() {
	text=$1 limit=${2:-10}
	i=0
	while [ $i -lt $((limit * 10)) ]; do
		if e2e_screen | grep -qF -- "$text"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	e2e_screen >"$E2E_LOGS/e2e-last-failure.txt"
	echo "timed out waiting for: $text (screen saved in $E2E_LOGS/e2e-last-failure.txt)" >&2
	cat "$E2E_LOGS/e2e-last-failure.txt" >&2
	return 1
}

# e2e_cursor : "x y" of the cursor.
e2e_cursor() { tmx display-message -p -t t '#{cursor_x} #{cursor_y}'; }

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; }

# e2e_code : the come-back code the screen shows ("Come-back code for this
# draft: ACDE-FG34" when a draft is made, or after F10), or nothing.
e2e_code() {
	e2e_screen | tr -d '\n' | grep -o 'ome-back code[^A-Z0-9]*[A-Z0-9]\{4\}-[A-Z0-9]\{4\}' |
		grep -o '[A-Z0-9]\{4\}-[A-Z0-9]\{4\}' | head -n 1
}

# e2e_unlock CODE : on the come-back code screen, types CODE and opens the draft.
e2e_unlock() {
	e2e_wait "come-back code of this draft" || return 1
	e2e_type "$1"
	e2e_keys Enter
}

# e2e_demo_pin : on the PIN screen of the demo card, the PIN typed and
# the card's identity accepted.
e2e_demo_pin() {
	e2e_wait "tries left" || return 1
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "Is this right?" || return 1
	e2e_keys Enter
}

# e2e_cert_to_phone [READING] : in a console just started with the demo
# card, a new certificate request (4th procedure) answered up to the phone
# number; the reading typed is READING (default: the suggested reading of
# the card's name, ヤマダ　ハナコ, which must be offered, taken with Enter).
e2e_cert_to_phone() {
	e2e_wait "Start a new application" || return 1
	e2e_keys Enter
	e2e_wait "Which procedure is this visit for?" || return 1
	e2e_type 4
	e2e_keys Enter
	e2e_demo_pin || return 1
	e2e_wait "Question 1 of" || return 1
	e2e_type 1 # nothing is picked for the resident
	e2e_keys Enter
	e2e_wait "What is your full name?" || return 1
	e2e_keys Enter
	e2e_wait "katakana" || return 1
	if [ -n "${1:-}" ]; then
		e2e_keys C-u
		e2e_type "$1"
	else
		e2e_wait "ヤマダ　ハナコ" || return 1
	fi
	e2e_keys Enter
	e2e_wait "What is your address?" || return 1
	e2e_keys Enter
	e2e_wait "昭和25年4月1日" || return 1
	e2e_keys Enter
	e2e_wait "phone number" || return 1
}

# e2e_cert_to_review PHONE : the same request answered on to Check your
# answers: PHONE, the whole household, one copy, the first items and
# purpose, no office named, the My Number card as ID.
e2e_cert_to_review() {
	e2e_type "$1"
	e2e_keys Enter
	e2e_wait "Which certificate do you need?" || return 1
	e2e_type 1
	e2e_keys Enter
	e2e_wait "How many copies" || return 1
	e2e_type 1
	e2e_keys Enter
	e2e_wait "[ ]" || return 1
	e2e_keys Enter
	e2e_wait "Something else" || return 1
	e2e_type 1
	e2e_keys Enter
	e2e_wait "提出先" || return 1
	e2e_keys Enter
	e2e_wait "My Number card" || return 1
	e2e_type 1
	e2e_keys Enter
	e2e_wait "Check your answers" || return 1
}

# e2e_review_answer QUESTION : on Check your answers, the answer shown
# under QUESTION, without the mark of where it came from (P  the postal
# code: a capital letter and the spaces after it).
e2e_review_answer() {
	e2e_screen | grep -A1 -- "$1" | tail -1 | sed 's/^ *//; s/^[A-Z]   *//; s/ *$//'
}

# e2e_make_code : from Check your answers, the code made with the last
# line (End, Enter), on to the handoff screen; 1 when a screen did not come.
e2e_make_code() {
	e2e_keys End
	e2e_wait "> Everything is right: make the handoff code" 5 || return 1
	e2e_keys Enter
	e2e_wait "D: done" 15
}

# e2e_result SUITE CASE STATUS : "PASS: SUITE/CASE" for status 0, else FAIL.
# e2e_box TEXT : 0 when a line of the screen is exactly TEXT with spaces
# around it (the answer box holds it).
e2e_box() { e2e_screen | grep -q "^ *$1 *$"; }

e2e_result() {
	if [ "$3" = 0 ]; then echo "PASS: $1/$2"; else echo "FAIL: $1/$2"; fi
}

# e2e_plain_fixture FORMS TMP ANSWER... : plain mode in English on the
# fixture forms folder FORMS (its only procedure), without a card, each
# ANSWER a line typed; prints all it printed.
e2e_plain_fixture() {
	forms=$1 dir=$2
	shift 2
	printf '%s\n' 3 "$@" | "$B/yorisoi" --plain --lang en --forms "$forms" \
		--db "$dir/plain.db" --slip-dir "$dir" 2>&1
}

# e2e_plain_first_answer : from plain mode's output on stdin, the first
# answer listed on its check screen.
e2e_plain_first_answer() { sed -n '/Check your answers/,$p' | sed -n 3p | sed 's/^ *//'; }

# e2e_fixture_answer FORMS TMP QUESTION TEXT : e2e_fixture_start in the
# folder TMP (made), then TEXT typed at QUESTION and Enter; 1 when a screen
# did not come.
e2e_fixture_answer() {
	mkdir -p "$2"
	e2e_fixture_start "$1" "$2" || return 1
	e2e_wait "$3" || return 1
	e2e_type "$4"
	e2e_keys Enter
}

# e2e_fixture_start FORMS TMP : the console in English at 100x30 on the
# fixture forms folder FORMS (its only procedure), drafts under TMP, gone
# on without a card to the first question; 1 when a screen did not come.
e2e_fixture_start() {
	e2e_start 100 30 "$B/yorisoi --lang en --forms $1 --db $2/d.db --slip-dir $2"
	e2e_wait "Start a new application" 10 || return 1
	e2e_keys Enter
	e2e_wait "F2: go on without a card" 10 || return 1
	e2e_keys F2
}
