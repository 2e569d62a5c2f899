#!/bin/sh
# SIGKILL torture of the console in tmux: ROUNDS times (default 30), a new
# certificate request is answered for a random number of questions on one
# drafts file, and the console is killed at that moment, sometimes in the
# middle of typing. A question is confirmed once the next one is on the
# screen. After each kill SQLite's integrity_check must say "ok" and the
# newest draft must hold at least the answers confirmed in that round.
# Usage: BUILD=build sh tests/torture/kill_console.sh [ROUNDS] [SEED]
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

rounds=${1:-30}
seed=${2:-20261205}
tmp=$(mktemp -d /tmp/yorisoi-ktorture.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
db="$tmp/d.db"

# The steps after the PIN: each waits for its screen, then answers it.
# "wait|keys|literal text|new" (literal text typed before the keys; new is 1
# when the step stores an answer the card did not already fill in). A choice
# is picked by its number: nothing is picked for the resident. The reading
# is the one suggested from the card's name, stored when Enter takes it.
cat >"$tmp/steps" <<'S'
Question 1 of|Enter|1|1
What is your full name?|Enter||0
katakana|Enter||1
What is your address?|Enter||0
昭和25年4月1日|Enter||0
phone number|Enter|03-1234-5678|1
Which certificate do you need?|Enter|1|1
How many copies|Enter|2|1
[ ]|Enter||0
Something else|Enter|1|1
提出先|Enter||0
My Number card|Enter|1|1
S
nsteps=$(wc -l <"$tmp/steps")

rand() { # N: a number from 0 to N-1, from the seeded sequence
	seed=$(((seed * 1103515245 + 12345) % 2147483648))
	echo $((seed / 65536 % $1))
}

# the answers a new draft holds before any question is answered (from the
# card): one round that stops at the first question
base=0
corrupt=0 worst=0 done_rounds=0
r=0
while [ $r -lt "$rounds" ]; do
	r=$((r + 1))
	stop_at=$(rand $((nsteps + 1)))
	[ $r -eq 1 ] && stop_at=0 # the first round measures what the card fills in
	e2e_start 80 24 "$B/yorisoi --lang en --demo --db $db" || break
	e2e_wait "Start a new application" 15 || { echo "round $r: no start" >&2; break; }
	e2e_keys Enter
	e2e_wait "Which procedure is this visit for?" || break
	e2e_type 4
	e2e_keys Enter
	e2e_wait "tries left" || break
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "Is this right?" || break
	e2e_keys Enter
	confirmed=$base # what the card filled in is saved when the draft is made
	i=0
	pending=0
	[ $r -eq 1 ] && e2e_wait "Question 1 of" # the draft is made by now
	while IFS="|" read -r want keys typed new; do
		[ $i -lt "$stop_at" ] || break
		e2e_wait "$want" || break
		confirmed=$((confirmed + pending)) # the previous answer is saved now
		[ -n "$typed" ] && e2e_type "$typed"
		e2e_keys $keys
		pending=$new
		i=$((i + 1))
	done <"$tmp/steps"
	# sometimes half a word is being typed when the power goes
	[ $r -gt 1 ] && [ "$(rand 2)" -eq 1 ] && e2e_type "やま"
	pid=$(pgrep -P "$(tmx display-message -p -t t '#{pane_pid}')" | head -n 1)
	[ -n "$pid" ] && kill -KILL "$pid"
	e2e_stop
	result=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
ok = c.execute("PRAGMA integrity_check").fetchone()[0]
row = c.execute("SELECT answered FROM drafts ORDER BY seq DESC LIMIT 1").fetchone()
print(ok, row[0] if row else 0)
PY
)
	set -- $result
	[ "$1" = ok ] || { corrupt=$((corrupt + 1)); echo "round $r: $result" >&2; }
	[ $r -eq 1 ] && base=${2:-0}
	loss=$((confirmed - ${2:-0}))
	[ $loss -gt $worst ] && { worst=$loss; echo "round $r: $confirmed confirmed, $2 saved" >&2; }
	done_rounds=$r
done
echo "console torture: $done_rounds of $rounds kills, $corrupt corrupted, worst loss $worst" >&2
if [ "$done_rounds" -eq "$rounds" ] && [ $corrupt -eq 0 ] && [ $worst -le 0 ]; then
	echo "PASS: torture/console-kills-$rounds (corrupted 0, worst loss 0)"
else
	echo "FAIL: torture/console-kills-$rounds ($done_rounds rounds, corrupted $corrupt, worst loss $worst)"
fi
