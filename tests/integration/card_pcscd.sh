#!/bin/sh
# The card path through a REAL PC/SC stack: a private pcscd (reader config
# in a temp dir, vpcd on port 0x9C7B = 40059), yorisoi-cardsim as the card,
# `yorisoi card read` as the client. Each case prints PASS:/FAIL: card/<name>.
# pcscd always serves /run/pcscd/pcscd.comm, so this needs root and waits
# for (never kills) a pcscd it did not start: see pcsc_lib.sh.
set -u
cd "$(dirname "$0")/../.."

CASES="correct-pin apdu-count unpowered-after-read wrong-pin-costs-one-try blocked-refused
last-try-refused last-try-confirmed removed-mid-read long-address no-card no-ef0001 usage"

. tests/integration/pcsc_lib.sh
tmp=$PCSC_TMP

fail_all() {
	for c in $CASES; do
		echo "FAIL: card/$c ($1)"
	done
	exit 1
}

pcsc_preflight
[ -z "$PCSC_WHY" ] || fail_all "$PCSC_WHY"
pcsc_start || fail_all "the private pcscd did not show the vpcd reader"

pass() { echo "PASS: card/$1"; }
fail() {
	echo "FAIL: card/$1 ($2)"
	echo "--- card/$1: stderr of yorisoi, then the cardsim log" >&2
	cat "$tmp/err" "$tmp/sim.log" >&2 2>/dev/null
}

# Inserts the card of a persona; its log is $tmp/sim.log (also kept in
# $tmp/all.log for the EF 0001 check).
insert() { sim_insert "$PERSONAS/$1" "$tmp/sim.log"; }

# Pulls the card and waits until pcscd has noticed.
pull() {
	sim_pull_quiet
	cat "$tmp/sim.log" >>"$tmp/all.log"
	pcsc_wait_empty_reader
}

# read_card PIN [options...]: runs card read with PIN on stdin; sets rc.
read_card() {
	pin=$1
	shift
	printf '%s\n' "$pin" | timeout 30 "$YORISOI" card read --pin-stdin --timeout 5 "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
}

count() { # pattern: lines of the current sim log that match
	grep -c -- "$1" "$tmp/sim.log"
}
verifies_with_pin() { count 'ins=20 .* lc=[1-9]'; }

# ---- correct PIN: the persona's identity, six APDUs, power-down after ----
insert hanako.persona
read_card 1234
if [ $rc -eq 0 ] && grep -q '"name": "山田　花子"' "$tmp/out" &&
	grep -q '"family_name": "山田"' "$tmp/out" && grep -q '"given_name": "花子"' "$tmp/out" &&
	grep -q '"address": "東京都千代田区千代田１－１"' "$tmp/out" &&
	grep -q '"birth": "1950-04-01"' "$tmp/out" && grep -q '"sex": "2"' "$tmp/out" &&
	grep -q '"card_type": "mynumber"' "$tmp/out" &&
	grep -q '"reader": "Virtual PCD 00 00"' "$tmp/out" && [ "$(verifies_with_pin)" -eq 1 ]; then
	pass correct-pin
else
	fail correct-pin "exit $rc, or identity/VERIFY count wrong"
fi
n=$(count '^apdu ')
if [ "$n" -eq 6 ]; then pass apdu-count; else fail apdu-count "$n APDUs, want 6"; fi
# SCardDisconnect(SCARD_UNPOWER_CARD) must reach the card as a power-off.
i=0
while [ $i -lt 20 ] && ! sed -n '/ins=B0/,$p' "$tmp/sim.log" | grep -q 'power-off'; do
	sleep 0.1
	i=$((i + 1))
done
if sed -n '/ins=B0/,$p' "$tmp/sim.log" | grep -q 'power-off'; then
	pass unpowered-after-read
else
	fail unpowered-after-read "no power-off after the read"
fi
pull

# ---- one wrong PIN costs exactly one try ----
insert hanako.persona
read_card 9999
rc1=$rc
v1=$(verifies_with_pin)
grep -q '^(wrong PIN' "$tmp/err"
w=$?
# Ask again without a PIN on stdin: the counter is read, no PIN is sent.
timeout 30 "$YORISOI" card read --pin-stdin --timeout 5 </dev/null >"$tmp/out" 2>"$tmp/err"
if [ $rc1 -eq 1 ] && [ $w -eq 0 ] && [ "$v1" -eq 1 ] && [ "$(verifies_with_pin)" -eq 1 ] &&
	grep -q '^PIN tries left: 2$' "$tmp/err"; then
	pass wrong-pin-costs-one-try
else
	fail wrong-pin-costs-one-try "exit $rc1, $v1 VERIFYs with a PIN, or tries not 2"
fi
pull

# ---- blocked card: refused, no PIN sent ----
insert blocked.persona
read_card 1234
if [ $rc -eq 1 ] && [ "$(verifies_with_pin)" -eq 0 ] && grep -q 'city hall' "$tmp/err" &&
	grep -q '^PIN tries left: 0$' "$tmp/err" && [ ! -s "$tmp/out" ]; then
	pass blocked-refused
else
	fail blocked-refused "exit $rc or a PIN was sent"
fi
pull

# ---- one try left: refused without --confirm-last-try, read with it ----
insert last-try.persona
read_card 1234
if [ $rc -eq 1 ] && [ "$(verifies_with_pin)" -eq 0 ] && grep -q -- '--confirm-last-try' "$tmp/err"; then
	pass last-try-refused
else
	fail last-try-refused "exit $rc or a PIN was sent"
fi
read_card 1234 --confirm-last-try
if [ $rc -eq 0 ] && [ "$(verifies_with_pin)" -eq 1 ] && grep -q '"birth": "1964-02-29"' "$tmp/out"; then
	pass last-try-confirmed
else
	fail last-try-confirmed "exit $rc"
fi
pull

# ---- card pulled after the VERIFY, before EF 0002 is read ----
insert removed.persona
read_card 1234
if [ $rc -eq 1 ] && grep -q 'removed' "$tmp/err" && grep -q '^(card removed' "$tmp/err" &&
	[ ! -s "$tmp/out" ]; then
	pass removed-mid-read
else
	fail removed-mid-read "exit $rc or no clear message"
fi
pull

# ---- long address: long-form lengths, two READ BINARY, alphabet name ----
insert long-address.persona
read_card 4321
if [ $rc -eq 0 ] && grep -q '"name_alpha": "NGUYEN VAN AN"' "$tmp/out" &&
	grep -q '"sex": "9"' "$tmp/out" && [ "$(count 'ins=B0')" -eq 2 ]; then
	pass long-address
else
	fail long-address "exit $rc or $(count 'ins=B0') READ BINARY"
fi
pull

# ---- no card ----
: >"$tmp/sim.log"
printf '1234\n' | timeout 30 "$YORISOI" card read --pin-stdin --timeout 1 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q '^(no card' "$tmp/err" && grep -q 'No card' "$tmp/err"; then
	pass no-card
else
	fail no-card "exit $rc"
fi

# ---- the My Number file was never selected in any case ----
if grep -q 'fid=0002' "$tmp/all.log" && ! grep -q 'fid=0001' "$tmp/all.log"; then
	pass no-ef0001
else
	fail no-ef0001 "EF 0001 selected, or no SELECT logged at all"
fi

# ---- usage error ----
"$YORISOI" card read --no-such-option >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ]; then pass usage; else fail usage "exit $rc, want 2"; fi
exit 0
