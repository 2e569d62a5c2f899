#!/bin/sh
# The fault matrix: every injected fault of the emulated card (docs/cards.md,
# "Injected faults") at every step of a typical read, through the real
# pcscd + vpcd stack with `yorisoi card read`. One pcscd serves the whole
# matrix; only the sim is restarted per case.
#
# Each case must end either in the identity (exit 0; a fault the reader
# rightly rides out, e.g. 6F00 on the first SELECT or a slow answer) or in
# a clear typed failure (exit 1, a sentence and, for card errors, the
# "(status: detail)" line) — never a crash, a hang or a sanitizer report
# (ASAN exitcode 86). The correct PIN is typed, so the PIN tries counter the
# sim logs must end where it began (3): no path may spend a try, and at
# most one VERIFY may carry the PIN. EF 0001 is never selected, and unless
# the card was pulled it is powered down at the end (SCARD_UNPOWER_CARD).
# Prints PASS:/FAIL: card-fault/<fault>@<step>.
set -u
cd "$(dirname "$0")/../.."

FAULTS=${CARD_FAULTS:-"remove garbage truncate sw:6F00 sw:6A82 sw:6984 sw:9000 slow:1000 not_mynumber"}
# The six APDUs of a typical read (docs/cards.md, "The command sequence").
STEPS="1:select-ap 2:select-pin-ef 3:tries-query 4:verify 5:select-ef2 6:read-binary"

. tests/integration/pcsc_lib.sh
tmp=$PCSC_TMP

fail_all() {
	for f in $FAULTS; do
		for st in $STEPS; do
			echo "FAIL: card-fault/$f@${st%%:*} ($1)"
		done
	done
	exit 1
}

pcsc_preflight
[ -z "$PCSC_WHY" ] || fail_all "$PCSC_WHY"
pcsc_start || fail_all "the private pcscd did not show the vpcd reader"

# The base resident: PIN 1234, 3 tries.
base=$PERSONAS/hanako.persona
# Two readers, used in turn: while one case reads, the next case's card is
# already going into the other reader, so pcscd's insertion poll overlaps
# with the read (and two readers at once is the normal case anyway).
READER0="Virtual PCD 00 00"
READER1="Virtual PCD 00 01"

# The cases, one "fault step-number step-name" a line.
for f in $FAULTS; do
	for st in $STEPS; do
		echo "$f ${st%%:*} ${st#*:}"
	done
done >"$tmp/cases"
total=$(wc -l <"$tmp/cases")

# start_case K: writes case K's persona and inserts its card in reader K%2.
start_case() {
	line=$(sed -n "$1p" "$tmp/cases")
	[ -n "$line" ] || return 0
	set -- "$1" $line
	sr=$(($1 % 2))
	eval "srname=\$READER$sr"
	pcsc_wait_empty_reader "$srname" || {
		echo "FAIL: card-fault/reader-$sr-not-empty-before-$2@$3"
		exit 1
	}
	{
		cat "$base"
		echo "fault = $2"
		echo "fault_at_apdu = $3"
	} >"$tmp/case$1.persona"
	: >"$tmp/sim$1.log"
	"$SIM" --persona "$tmp/case$1.persona" --port $((PORT + sr)) --log "$tmp/sim$1.log" 9>&- &
	eval "SIM$sr=$!"
}

stop_sim() { # reader index
	eval "pid=\${SIM$1:-}"
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	eval "SIM$1="
}
PCSC_EXTRA_CLEANUP="stop_sim 0; stop_sim 1"

# tries= values the sim logged, first and last.
first_tries() { grep -o 'tries=[0-9-]*' "$log" | head -n 1 | cut -d= -f2; }
last_tries() { grep -o 'tries=[0-9-]*' "$log" | tail -n 1 | cut -d= -f2; }

# Waits (up to 2 s) for a power-off after the last APDU.
powered_down() {
	i=0
	while [ $i -lt 20 ]; do
		awk '/^apdu /{p=0} /ctrl power-off/{p=1} END{exit !p}' "$log" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

failed=0
start_case 1
k=1
while [ $k -le "$total" ]; do
	set -- $(sed -n "${k}p" "$tmp/cases")
	f=$1 n=$2 name=$3
	label="$f@$n"
	r=$((k % 2))
	eval "rname=\$READER$r"
	log=$tmp/sim$k.log
	start_case $((k + 1))
	printf '1234\n' | timeout 30 "$YORISOI" card read --reader "$rname" --pin-stdin --timeout 5 \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	why=
	outcome=
	if [ $rc -eq 0 ]; then
		grep -q '"name": "山田　花子"' "$tmp/out" || why="exit 0 without the identity"
		outcome="read ok"
	elif [ $rc -eq 1 ]; then
		[ ! -s "$tmp/out" ] || why="exit 1 but something on stdout"
		if grep -q '^(' "$tmp/err"; then
			outcome=$(sed -n 's/^(\([^:]*\):.*/\1/p' "$tmp/err" | head -n 1)
			grep -q '^[A-Z]' "$tmp/err" || why="no sentence for the user"
		elif grep -q -- '--confirm-last-try' "$tmp/err"; then
			outcome="refused: confirm first"
		else
			why="exit 1 without a typed message"
		fi
	else
		why="exit $rc (crash, hang or sanitizer report)"
	fi
	if [ "$f" != remove ] && grep -q '^apdu ' "$log" && ! powered_down; then
		why="${why:+$why; }no power-off after the last APDU"
	fi
	stop_sim $r
	t0=$(first_tries)
	t1=$(last_tries)
	[ "$t0" = 3 ] && [ "$t1" = 3 ] || why="${why:+$why; }PIN tries $t0 -> $t1"
	v=$(grep -c 'ins=20 .* lc=[1-9]' "$log")
	[ "$v" -le 1 ] || why="${why:+$why; }$v VERIFYs with a PIN"
	grep -q 'fid=0001' "$log" && why="${why:+$why; }EF 0001 selected"
	grep -q 'fault=' "$log" || why="${why:+$why; }the fault never fired"
	if [ -z "$why" ]; then
		echo "PASS: card-fault/$label ($name: $outcome)"
	else
		failed=$((failed + 1))
		echo "FAIL: card-fault/$label ($name: $why)"
		{
			echo "--- card-fault/$label: stderr of yorisoi, then the cardsim log"
			cat "$tmp/err" "$log"
		} >&2
	fi
	k=$((k + 1))
done
echo "card-fault: $total cases, $failed failed" >&2
exit 0
