# Helpers for the card scripts that run a REAL PC/SC stack: a private pcscd
# (reader config in a temp dir, vpcd on port 0x9C7B = 40059) with
# yorisoi-cardsim as the card. Sourced by tests/integration/card_*.sh and
# tests/e2e/card_live.sh, from the top of the tree.
#
# pcscd always serves /run/pcscd/pcscd.comm (pcsc-lite 1.9), so
# only one can run: the scripts take a lock (flock on
# /tmp/yorisoi-pcscd.lock) so they queue behind each other, and wait (up to
# PCSC_WAIT_S seconds, default 120) for a pcscd they did not start to go
# away. They never kill a pcscd they did not start. Children are started
# with the lock's fd 9 closed, so a stray one never holds the lock.
#
# Variables: BUILD, YORISOI, SIM, PERSONAS, PORT; PCSC_TMP (a temp dir,
# removed at exit), PCSCD_PID, SIM_PID. Functions are prefixed pcsc_/sim_.

BUILD=${BUILD:-build}
YORISOI=$BUILD/yorisoi
SIM=$BUILD/yorisoi-cardsim
PERSONAS=tests/data/personas
PORT=40059
PCSC_DRIVER=/usr/lib/pcsc/drivers/serial/libifdvpcd.so
PCSC_LOCK=/tmp/yorisoi-pcscd.lock
PCSC_WAIT_S=${PCSC_WAIT_S:-120}

# Messages are compared in English; the detail line "(status: ...)" is not
# translated at all.
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE LANG 2>/dev/null
# A sanitizer report must not pass for the ordinary "exit 1" of a refusal.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86
UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86
export ASAN_OPTIONS UBSAN_OPTIONS

PCSC_TMP=$(mktemp -d)
PCSCD_PID=
SIM_PID=
PCSC_EXTRA_CLEANUP=:

pcsc_cleanup() {
	eval "$PCSC_EXTRA_CLEANUP"
	sim_pull_quiet
	pcsc_stop
	rm -rf "$PCSC_TMP"
}
trap pcsc_cleanup EXIT
trap 'exit 1' INT TERM HUP

# The pids of pcscd processes we did not start, space-separated.
pcsc_foreign() {
	if command -v pgrep >/dev/null 2>&1; then
		pids=$(pgrep -x pcscd | tr '\n' ' ')
	else
		pids=$(ps -eo pid=,comm= | awk '$2 == "pcscd" {print $1}' | tr '\n' ' ')
	fi
	for p in $pids; do
		[ "$p" = "$PCSCD_PID" ] || printf '%s ' "$p"
	done
}

# Sets PCSC_WHY to why the stack cannot run here, or "". Takes the lock
# and waits for a foreign pcscd to stop first. Call it in the script's own
# shell (not in $(...)) so the lock is held until the script exits.
pcsc_preflight() {
	PCSC_WHY=
	if [ "$(id -u)" != 0 ]; then
		PCSC_WHY="needs root: pcscd only serves /run/pcscd/pcscd.comm"
	elif ! [ -x "$YORISOI" ] || ! [ -x "$SIM" ]; then
		PCSC_WHY="$YORISOI or $SIM not built"
	elif ! command -v pcscd >/dev/null 2>&1; then
		PCSC_WHY="pcscd is not installed"
	elif ! [ -f "$PCSC_DRIVER" ]; then
		PCSC_WHY="vsmartcard-vpcd is not installed ($PCSC_DRIVER)"
	fi
	[ -z "$PCSC_WHY" ] || return 0
	if command -v flock >/dev/null 2>&1; then
		exec 9>"$PCSC_LOCK"
		if ! flock -w "$PCSC_WAIT_S" 9; then
			PCSC_WHY="another card test held $PCSC_LOCK for ${PCSC_WAIT_S}s"
			return 0
		fi
	fi
	i=0
	while [ -n "$(pcsc_foreign)" ] && [ $i -lt "$PCSC_WAIT_S" ]; do
		[ $i -eq 0 ] && echo "waiting for a pcscd this test did not start (pid $(pcsc_foreign))" >&2
		sleep 1
		i=$((i + 1))
	done
	other=$(pcsc_foreign)
	[ -z "$other" ] || PCSC_WHY="a pcscd not started by this test is running (pid $other); stop it first"
}

# `card read --timeout 0` answers at once: its detail line says whether
# pcscd is up and the reader is there ("no card") or not yet.
# With a reader name, only that reader is looked at (a card in another
# reader is left alone).
pcsc_probe() {
	if [ $# -gt 0 ]; then
		timeout 10 "$YORISOI" card read --reader "$1" --timeout 0 </dev/null 2>&1 >/dev/null
	else
		timeout 10 "$YORISOI" card read --timeout 0 </dev/null 2>&1 >/dev/null
	fi
}

# pcsc_wait_empty_reader [READER]: polls (up to ~10 s) until the reader (or
# every reader) is up and holds no card.
pcsc_wait_empty_reader() {
	i=0
	while [ $i -lt 100 ]; do
		pcsc_probe "$@" | grep -q '^(no card:' && return 0
		[ -n "$PCSCD_PID" ] && ! kill -0 "$PCSCD_PID" 2>/dev/null && return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Starts the private pcscd with one vpcd reader config (two readers,
# "Virtual PCD 00 00" on PORT and "Virtual PCD 00 01" on PORT+1) and waits
# until it shows an empty reader. 1 (after showing its log) if it does not.
pcsc_start() {
	mkdir -p "$PCSC_TMP/conf"
	cat >"$PCSC_TMP/conf/vpcd" <<EOF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:0x9C7B
LIBPATH      $PCSC_DRIVER
CHANNELID    0x9C7B
EOF
	pcscd -f -c "$PCSC_TMP/conf" >"$PCSC_TMP/pcscd.log" 2>&1 9>&- &
	PCSCD_PID=$!
	pcsc_wait_empty_reader && return 0
	tail -n 20 "$PCSC_TMP/pcscd.log" >&2
	return 1
}

pcsc_stop() {
	if [ -n "$PCSCD_PID" ]; then
		kill "$PCSCD_PID" 2>/dev/null && wait "$PCSCD_PID" 2>/dev/null
		PCSCD_PID=
	fi
}

# sim_insert PERSONA_FILE LOG [PORT]: the card goes in (the sim connects).
sim_insert() {
	: >"$2"
	"$SIM" --persona "$1" --port "${3:-$PORT}" --log "$2" 9>&- &
	SIM_PID=$!
}

sim_pull_quiet() {
	if [ -n "$SIM_PID" ]; then
		kill "$SIM_PID" 2>/dev/null
		wait "$SIM_PID" 2>/dev/null
		SIM_PID=
	fi
}

# Pulls the card and waits until pcscd has noticed.
sim_pull() {
	sim_pull_quiet
	pcsc_wait_empty_reader
}
