#!/bin/sh
# The end of a visit (issue 16): "Finished with this resident" on the start
# screen saves the draft, clears the terminal and starts the next person on
# the language screen, and afterwards neither the screen, the drafts list
# nor the process's memory (a core image taken with gcore) holds the
# resident's name, reading or phone number. The idle lock says whether the
# answers were saved, and after visit_end seconds the visit ends by itself
# with the draft kept. Esc on the start screen asks before quitting, and a
# drafts list taller than the window scrolls with the chosen line in view.
# Prints PASS:/FAIL: end-of-visit/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-endvisit.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$XDG_CONFIG_HOME/yorisoi"

result() {
	if [ "$2" = 0 ]; then echo "PASS: end-of-visit/$1"; else echo "FAIL: end-of-visit/$1"; fi
}

# What identifies this resident: the reading, the building and the phone
# number typed at the desk, in each spelling the console keeps (the demo card's own name is
# in the program's built-in demo data, so it cannot tell a leak).
needles="ポポペペ ぽぽぺぺ 0355501234 03-5550-1234"

# to_phone: a new certificate request with the demo card, the reading typed,
# up to the phone number.
to_phone() { e2e_cert_to_phone "ぽぽぺぺ ぴぴ"; }

# address_short: from the phone number back to the address, typed again
# with its block and room short, so that the screen of its spellings holds
# it too, and on to the phone number again.
address_short() {
	e2e_keys Escape
	e2e_wait "昭和25年4月1日" 5 || return 1
	e2e_keys Escape
	e2e_wait "What is your address?" 5 || return 1
	e2e_keys C-u
	e2e_type "東京都港区芝公園4-7-9 ポポペペハイツ8765"
	e2e_keys Enter
	e2e_wait "> 1. 東京都港区芝公園4丁目7番9号 ポポペペハイツ8765号室" 5 || return 1
	e2e_keys Enter
	e2e_wait "昭和25年4月1日" 5 || return 1
	e2e_keys Enter
	e2e_wait "phone number" 5
}

# in_memory PID: the needles found in a core image of the process. The
# image is capped at 2 GB (ulimit -f): a normal build's is a few MB.
in_memory() {
	rm -f "$tmp/core.$1"
	(ulimit -f 2097152 && gcore -o "$tmp/core" "$1") >/dev/null 2>&1 ||
		{ rm -f "$tmp/core.$1"; echo "gcore-failed"; return; }
	for n in $needles; do
		if grep -qaF -- "$n" "$tmp/core.$1"; then printf ' %s' "$n"; fi
	done
	rm -f "$tmp/core.$1"
}

# the console's process (the newest one of this build)
console_pid() { pgrep -n -f "$B/yorisoi --demo" || pgrep -n -f "$B/yorisoi"; }

on_screen() { # NEEDLE...: true when one of them is on the screen
	scr=$(e2e_screen)
	for n in "$@"; do
		case "$scr" in *"$n"*) echo "\"$n\" on the screen" >&2 && return 0 ;; esac
	done
	return 1
}

# ---- Finished with this resident ------------------------------------------------

e2e_start 80 24 "$B/yorisoi --demo --db $tmp/d.db --slip-dir $tmp"
ok=0
e2e_wait "言語" 10 || ok=1
e2e_type 2 # English
e2e_keys Enter
to_phone || ok=1
address_short || ok=1
e2e_type "03-5550-1234"
e2e_keys Enter
e2e_wait "Which certificate do you need?" 5 || ok=1
pid=$(console_pid)
# AddressSanitizer's shadow memory makes a core image terabytes large
sanitized=$(grep -qa __asan_init "$B/yorisoi" && echo yes)
[ -n "$sanitized" ] || before=$(in_memory "$pid")
e2e_keys F10
e2e_wait "Saved drafts" 10 || ok=1
e2e_keys Down Down # past the draft, to "Finished with this resident"
e2e_wait "> Finished with this resident" 5 || ok=1
e2e_keys Enter
e2e_wait "The visit has ended. The next person can start." 5 || ok=1
e2e_wait "日本語" 2 || ok=1 # the language screen, for the next person
# shellcheck disable=SC2086
if on_screen $needles; then ok=1; fi
result "finished-screen-cleared" $ok

# The next person's start screen: the draft is listed without anything of
# the resident.
e2e_type 2
e2e_keys Enter
e2e_wait "Saved drafts" 5
# shellcheck disable=SC2086
! on_screen $needles && e2e_screen | grep -q "1 answer\|[0-9] answers"
result "drafts-list-shows-no-resident" $?

# Nothing of the resident in the console's memory (taken before too, to
# show the search finds them while the visit goes on).
if [ -n "$sanitized" ]; then
	echo "SKIP: end-of-visit/finished-memory-cleared (a sanitizer build's core image holds its terabytes of shadow memory; the normal build is checked)"
else
	after=$(in_memory "$pid")
	if [ -n "$pid" ] && [ -n "$before" ] && [ "$before" != gcore-failed ] && [ -z "$after" ]; then
		result "finished-memory-cleared" 0
	else
		echo "    pid '$pid'; during the visit:$before; after it ended:$after" >&2
		result "finished-memory-cleared" 1
	fi
fi

# Esc on the start screen asks first; n goes on.
e2e_keys Escape
e2e_wait "Quit Yorisoi? y: yes, quit" 5 && e2e_keys n && sleep 0.3 &&
	e2e_wait "What would you like to do?" 2 && ! e2e_screen | grep -q "Quit Yorisoi?"
result "esc-asks-before-quitting" $?
e2e_stop

# The programme's statistics counted the visit and hold nothing of the
# resident: not in `stats`, its CSV, nor the bytes of its file.
"$B/yorisoi" --db "$tmp/d.db" stats >"$tmp/stats.txt" 2>&1 &&
	"$B/yorisoi" --db "$tmp/d.db" stats --csv >"$tmp/stats.csv" 2>&1 &&
	grep -q "juminhyo" "$tmp/stats.csv" && [ -s "$tmp/stats.db" ]
ok=$?
for n in $needles; do
	if grep -qaF -- "$n" "$tmp/stats.txt" "$tmp/stats.csv" "$tmp/stats.db"; then
		echo "    \"$n\" in the statistics" >&2
		ok=1
	fi
done
result "stats-hold-nothing-of-the-resident" $ok

# ---- the code and the slip made, then Finished ---------------------------------

# The slip's fonts and layout copy the answers into memory they free
# without wiping; it is made in a child process (tui/slip.c), so nothing
# of it stays in the console's memory either.
e2e_start 100 30 "$B/yorisoi --lang en --demo --db $tmp/slip.db --slip-dir $tmp"
ok=0
to_phone || ok=1
address_short || ok=1
e2e_cert_to_review "03-5550-1234" || ok=1
e2e_make_code || ok=1
e2e_type s
e2e_wait "Saved the slip" 20 || ok=1
e2e_type d
e2e_wait "y: yes" 5 || ok=1
e2e_type y
e2e_wait "> Finished with this resident" 10 || { e2e_keys Down; e2e_wait "> Finished with this resident" 5; } || ok=1
e2e_keys Enter
e2e_wait "The visit has ended. The next person can start." 5 || ok=1
if [ -n "$sanitized" ]; then
	echo "SKIP: end-of-visit/slip-memory-cleared (a sanitizer build's core image holds its terabytes of shadow memory; the normal build is checked)"
else
	after=$(in_memory "$(console_pid)")
	[ $ok = 0 ] && [ -z "$after" ] || { echo "    after the slip and the end of the visit:$after" >&2; ok=1; }
	result "slip-memory-cleared" $ok
fi
e2e_stop

# ---- the idle lock, then the visit ending by itself -------------------------------

printf 'idle_lock = 1\nvisit_end = 4\n' >"$XDG_CONFIG_HOME/yorisoi/yorisoi.conf"
e2e_start 80 24 "$B/yorisoi --lang en --demo --db $tmp/idle.db --slip-dir $tmp"
ok=0
to_phone || ok=1
e2e_wait "The screen was cleared because nobody used it for a while" 5 &&
	e2e_screen | tr -d '\n' | grep -q "The answers so *far are saved" || ok=1
# shellcheck disable=SC2086
if on_screen $needles; then ok=1; fi
e2e_wait "answers are kept as a draft." 10 &&
	e2e_screen | tr -d '\n' | grep -q "The last visit ended because nobody used the console" || ok=1
# shellcheck disable=SC2086
if on_screen $needles; then ok=1; fi
# the start screen (or the lock over it again: nobody is typing) shows no one
e2e_screen | grep -q "Start a new application\|Screen locked" || ok=1
"$B/yorisoi" --db "$tmp/idle.db" drafts list 2>/dev/null | grep -q juminhyo || ok=1
result "idle-visit-ends-draft-kept" $ok
e2e_stop
rm -f "$XDG_CONFIG_HOME/yorisoi/yorisoi.conf"

# ---- a drafts list taller than the window ------------------------------------------

# nine drafts of one question each, at the smallest window (60x18)
e2e_start 60 18 "$B/yorisoi --lang en --demo --db $tmp/many.db --slip-dir $tmp"
ok=0
made=0 # not i: e2e_wait counts with i
while [ $made -lt 9 ]; do
	e2e_wait "Start a new application" 10 || ok=1
	e2e_keys Home Enter
	e2e_wait "Which procedure" 5 || ok=1
	e2e_type 4
	e2e_keys Enter
	e2e_demo_pin || ok=1
	e2e_wait "Question 1 of" 5 || ok=1
	e2e_type 1
	e2e_keys Enter
	e2e_wait "What is your full name?" 5 || ok=1
	e2e_keys F10
	made=$((made + 1))
done
e2e_wait "Saved drafts" 10 || ok=1
e2e_keys End # the last item: Quit
e2e_wait "> Quit" 5 || ok=1
e2e_screen | grep -q "(more above: ↑)" || ok=1
cur=$(e2e_cursor)
row=${cur#* }
[ "$row" -ge 2 ] && [ "$row" -le 15 ] || ok=1 # the chosen line is on the screen
e2e_keys Home
e2e_wait "> Start a new application" 5 && e2e_screen | grep -q "(more below: ↓)" || ok=1
result "drafts-list-scrolls" $ok
e2e_stop
