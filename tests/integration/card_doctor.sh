#!/bin/sh
# `yorisoi doctor` and the card path, through a real private pcscd: no
# reader, an empty vpcd reader, a My Number card (the emulator), a card that
# is not one. Doctor only selects the card's application: the emulator's log
# must show no VERIFY (INS 20) and its tries counter must stay at 3. With a
# card and everything else in order, doctor is green: exit 0.
# Prints PASS:/FAIL: card-doctor/<case>.
set -u
cd "$(dirname "$0")/../.."

. tests/integration/pcsc_lib.sh
tmp=$PCSC_TMP Y=$YORISOI DOCTOR_SUITE=card-doctor
. tests/integration/doctor_lib.sh
CASES="no-reader no-card card-answers no-verify-sent not-mynumber all-green"

pcsc_preflight
if [ -n "$PCSC_WHY" ]; then
	for c in $CASES; do echo "FAIL: card-doctor/$c ($PCSC_WHY)"; done
	exit 1
fi

# Runs doctor until it sees the card (up to ~10 s). Only doctor touches the
# card: `card read`, the usual probe, would ask for the PIN tries.
wait_for_card() {
	i=0
	while [ $i -lt 50 ]; do
		doctor doctor
		grep -q "The card in " "$tmp/out" && return 0
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}

# pcscd with no reader at all: an empty reader configuration folder.
mkdir -p "$tmp/no-readers"
pcscd -f -c "$tmp/no-readers" >"$tmp/pcscd-empty.log" 2>&1 9>&- &
PCSCD_PID=$!
i=0
while [ $i -lt 100 ]; do
	pcsc_probe | grep -q "^(no reader" && break
	sleep 0.1
	i=$((i + 1))
done
doctor doctor
expect no-reader Problem "No card reader is connected."
pcsc_stop

pcsc_start || {
	for c in no-card card-answers no-verify-sent not-mynumber all-green; do
		echo "FAIL: card-doctor/$c (the private pcscd did not show the vpcd reader)"
	done
	exit 1
}
doctor doctor
expect no-card Note "A card reader is connected, with no card in it."

sim_insert "$PERSONAS/hanako.persona" "$tmp/sim.log"
wait_for_card
expect card-answers OK "answers as a My Number card."
if grep -q "ins=20" "$tmp/sim.log" || grep "tries=" "$tmp/sim.log" | grep -qv "tries=3"; then
	echo "FAIL: card-doctor/no-verify-sent (the card saw a VERIFY or lost a try)"
	cat "$tmp/sim.log" >&2
elif grep -q "ins=A4" "$tmp/sim.log"; then
	echo "PASS: card-doctor/no-verify-sent"
else
	echo "FAIL: card-doctor/no-verify-sent (the card saw no SELECT at all)"
fi

# All green: the card answers, fonts and keys are there, no printer is set
# (a note), this is no terminal (a note).
"$YORISOI" keys init >/dev/null 2>&1
doctor doctor
if [ "$rc" = 0 ] && grep -q "^Nothing stops this desk.$" "$tmp/out" && ! grep -q "^\[Problem\]" "$tmp/out"; then
	echo "PASS: card-doctor/all-green"
elif ! fc-list 2>/dev/null | grep -q "Noto Sans CJK JP"; then
	echo "SKIP: card-doctor/all-green (the slip's fonts are not installed here)"
else
	echo "FAIL: card-doctor/all-green (exit $rc)"
	sed 's/^/    /' "$tmp/out" >&2
fi
sim_pull

{
	cat "$PERSONAS/hanako.persona"
	echo "fault = not_mynumber"
	echo "fault_at_apdu = 0"
} >"$tmp/not-mynumber.persona"
sim_insert "$tmp/not-mynumber.persona" "$tmp/sim2.log"
wait_for_card
expect not-mynumber Problem "is not a My Number card, or does not answer as one."
sim_pull
