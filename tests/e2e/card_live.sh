#!/bin/sh
# The console's card screen against a live PC/SC stack, driven in tmux as a
# volunteer would: no pcscd yet ("The card reader service (pcscd) is not running"), pcscd starts
# ("Waiting for the card…" without a key press), the card goes in (the PIN
# screen without a key press), a wrong PIN (2 tries left), the right PIN
# (the card's name), then a second round in which the card is pulled before
# the PIN is sent (a clear message, no crash, no try spent).
# Prints PASS:/FAIL: card-live/<step>. Needs root, like card_pcscd.sh.
set -u
cd "$(dirname "$0")/../.."

STEPS="no-reader pcscd-started card-inserted wrong-pin correct-pin pulled-before-pin no-sanitizer"

. tests/integration/pcsc_lib.sh
. tests/e2e/lib.sh
tmp=$PCSC_TMP
PCSC_EXTRA_CLEANUP=e2e_stop

fail_rest() { # first failing step, reason: that step and every later one fail
	seen=
	for s in $STEPS; do
		[ "$s" = "$1" ] && seen=1
		[ -n "$seen" ] && echo "FAIL: card-live/$s ($2)"
	done
	[ -f "$tmp/console.err" ] && tail -n 20 "$tmp/console.err" >&2
	[ -f "$tmp/sim.log" ] && cat "$tmp/sim.log" >&2
	exit 1
}
ok() { echo "PASS: card-live/$1"; }

pcsc_preflight
[ -z "$PCSC_WHY" ] || fail_rest no-reader "$PCSC_WHY"
command -v tmux >/dev/null 2>&1 || fail_rest no-reader "tmux is not installed"

# ---- no pcscd: the card screen offers the demo card ---------------------
e2e_start 120 30 "$YORISOI --lang en --db $tmp/d.db 2>$tmp/console.err" ||
	fail_rest no-reader "the console did not start"
e2e_wait "Start a new application" || fail_rest no-reader "no start screen"
e2e_keys Enter
i=0
while [ $i -lt 50 ]; do # one procedure goes straight to the card; several ask first
	scr=$(e2e_screen)
	case "$scr" in *"The My Number card"*) break ;; esac
	case "$scr" in *"Which procedure"*)
		e2e_keys Enter
		sleep 0.2
		;;
	esac
	sleep 0.1
	i=$((i + 1))
done
e2e_wait "The card reader service (pcscd) is not running" || fail_rest no-reader "no word that pcscd is not running"
ok no-reader

# ---- pcscd starts: the screen changes by itself --------------------------
pcsc_start || fail_rest pcscd-started "the private pcscd did not show the vpcd reader"
e2e_wait "Waiting for the card" 10 || fail_rest pcscd-started "still no 'Waiting for the card…'"
ok pcscd-started

# ---- the card goes in: the PIN screen, without a key ---------------------
sim_insert "$PERSONAS/hanako.persona" "$tmp/sim.log"
e2e_wait "3 tries left before the card locks" 10 || fail_rest card-inserted "no PIN screen"
ok card-inserted

# ---- a wrong PIN: one try spent, the count shown ----------------------------
e2e_type 0000
e2e_keys Enter
e2e_wait "The PIN was not correct. 2 tries are left" 10 || fail_rest wrong-pin "no wrong-PIN message"
e2e_wait "2 tries left before the card locks" 5 || fail_rest wrong-pin "the count was not updated"
ok wrong-pin

# ---- the right PIN: what the card says --------------------------------------
e2e_type 1234
e2e_keys Enter
e2e_wait "The card says:" 10 || fail_rest correct-pin "no identity screen"
e2e_wait "山田　花子" 5 || fail_rest correct-pin "not the persona's name"
tries=$(grep -o 'tries=[0-9]' "$tmp/sim.log" | tail -n 1)
[ "$tries" = "tries=3" ] || fail_rest correct-pin "counter not reset by the right PIN ($tries)"
ok correct-pin

# ---- second round: the card is pulled before the PIN is sent ----------------
sim_pull || fail_rest pulled-before-pin "pcscd did not see the card go"
e2e_keys Escape
e2e_wait "Waiting for the card" 10 || fail_rest pulled-before-pin "Esc did not lead back to the card screen"
sim_insert "$PERSONAS/hanako.persona" "$tmp/sim.log"
e2e_wait "tries left before the card locks" 10 || fail_rest pulled-before-pin "no PIN screen on re-insert"
sim_pull || fail_rest pulled-before-pin "pcscd did not see the card go"
e2e_type 1234
e2e_keys Enter
e2e_wait "taken out" 10 || fail_rest pulled-before-pin "no 'taken out' message"
e2e_wait "Waiting for the card" 5 || fail_rest pulled-before-pin "not back on the card screen"
if grep -q 'ins=20 .* lc=[1-9]' "$tmp/sim.log"; then
	fail_rest pulled-before-pin "a PIN reached the pulled card"
fi
ok pulled-before-pin

if grep -q -E 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp/console.err"; then
	fail_rest no-sanitizer "sanitizer report on the console's stderr"
fi
ok no-sanitizer
exit 0
