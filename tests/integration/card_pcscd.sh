#!/bin/sh
# The card path through a REAL PC/SC stack: a private pcscd (reader config
# in a temp dir, vpcd on port 0x9C7B = 40059), yorisoi-cardsim as the card,
# `yorisoi card read` as the client. Each case prints PASS:/FAIL: card/<name>.
# pcscd always serves /run/pcscd/pcscd.comm, so this needs root and refuses
# to run beside a pcscd it did not start (facts/pcsc-testing.md).
set -u
cd "$(dirname "$0")/../.."

BUILD=${BUILD:-build}
YORISOI=$BUILD/yorisoi
SIM=$BUILD/yorisoi-cardsim
PERSONAS=tests/data/personas
PORT=40059
DRIVER=/usr/lib/pcsc/drivers/serial/libifdvpcd.so
CASES="correct-pin apdu-count unpowered-after-read wrong-pin-costs-one-try blocked-refused
last-try-refused last-try-confirmed removed-mid-read long-address no-card no-ef0001 usage"

# Messages are compared in English; the detail line "(status: ...)" is not
# translated at all.
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE LANG 2>/dev/null
# A sanitizer report must not pass for the ordinary "exit 1" of a refusal.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86
UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86
export ASAN_OPTIONS UBSAN_OPTIONS

fail_all() {
	for c in $CASES; do
		echo "FAIL: card/$c ($1)"
	done
	exit 1
}

[ "$(id -u)" = 0 ] || fail_all "needs root: pcscd only serves /run/pcscd/pcscd.comm"
[ -x "$YORISOI" ] && [ -x "$SIM" ] || fail_all "$YORISOI or $SIM not built"
command -v pcscd >/dev/null 2>&1 || fail_all "pcscd is not installed"
[ -f "$DRIVER" ] || fail_all "vsmartcard-vpcd is not installed ($DRIVER)"
if command -v pgrep >/dev/null 2>&1; then
	other=$(pgrep -x pcscd | tr '\n' ' ')
else
	other=$(ps -eo pid=,comm= | awk '$2 == "pcscd" {print $1}' | tr '\n' ' ')
fi
[ -z "$other" ] || fail_all "a pcscd not started by this test is running (pid $other); stop it first"

tmp=$(mktemp -d)
PCSCD_PID=
SIM_PID=
cleanup() {
	[ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null
	[ -n "$PCSCD_PID" ] && kill "$PCSCD_PID" 2>/dev/null && wait "$PCSCD_PID" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

mkdir "$tmp/conf"
cat >"$tmp/conf/vpcd" <<EOF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:0x9C7B
LIBPATH      $DRIVER
CHANNELID    0x9C7B
EOF
pcscd -f -c "$tmp/conf" >"$tmp/pcscd.log" 2>&1 &
PCSCD_PID=$!

# `card read --timeout 0` answers at once: its detail line says whether
# pcscd is up and the reader is there ("no card") or not yet.
probe() {
	timeout 10 "$YORISOI" card read --timeout 0 </dev/null 2>&1 >/dev/null
}

# Polls (up to ~10 s) until the reader is up and holds no card.
wait_empty_reader() {
	i=0
	while [ $i -lt 100 ]; do
		probe | grep -q '^(no card:' && return 0
		kill -0 "$PCSCD_PID" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

wait_empty_reader || {
	tail -n 20 "$tmp/pcscd.log" >&2
	fail_all "the private pcscd did not show the vpcd reader"
}

pass() { echo "PASS: card/$1"; }
fail() {
	echo "FAIL: card/$1 ($2)"
	echo "--- card/$1: stderr of yorisoi, then the cardsim log" >&2
	cat "$tmp/err" "$tmp/sim.log" >&2 2>/dev/null
}

# Inserts the card of a persona; its log is $tmp/sim.log (also kept in
# $tmp/all.log for the EF 0001 check).
insert() {
	: >"$tmp/sim.log"
	"$SIM" --persona "$PERSONAS/$1" --port $PORT --log "$tmp/sim.log" &
	SIM_PID=$!
}

# Pulls the card and waits until pcscd has noticed.
pull() {
	if [ -n "$SIM_PID" ]; then
		kill "$SIM_PID" 2>/dev/null
		wait "$SIM_PID" 2>/dev/null
		SIM_PID=
	fi
	cat "$tmp/sim.log" >>"$tmp/all.log"
	wait_empty_reader
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
