#!/bin/sh
# Nothing of the resident is left behind on the shared PC: a whole visit
# (the certificate request with the demo card, the slip and the code as an
# image saved) is ended by each exit path in turn — Done, F10, Ctrl-C,
# SIGTERM, SIGHUP, and a kill that gives no chance to clean up followed by
# the next start — and then every file the program wrote (its private
# folder and its data folder) and the terminal's screen are searched for
# the persona's name, reading, address and birth date. The visit's files
# must be 0600 in a 0700 folder while they exist. One run uses TERM=linux,
# a terminal without an alternate screen.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-left.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
run="$tmp/run"
data="$tmp/data"
mkdir -m 700 "$run"
export XDG_DATA_HOME="$data"

# what identifies the resident of the demo card, in every spelling the
# console uses
needles="山田 ヤマダ 千代田 1950-04-01 19500401 昭和25年4月1日"

found_in_files() {
	for n in $needles; do
		if grep -ralF -- "$n" "$run" "$data" 2>/dev/null | grep -q .; then
			echo "\"$n\" in $(grep -ralF -- "$n" "$run" "$data" | head -n 1)" >&2
			return 0
		fi
	done
	return 1
}

found_on_screen() {
	scr=$(e2e_screen)
	for n in $needles; do
		case "$scr" in *"$n"*)
			echo "\"$n\" still on the screen" >&2
			return 0
			;;
		esac
	done
	return 1
}

# visit TERM: to the handoff screen with the slip and the image saved
visit() {
	e2e_start 80 24 "env TERM=$1 XDG_RUNTIME_DIR=$run $B/yorisoi --lang en --demo --db $data/d.db" || return 1
	e2e_cert_to_phone || return 1
	e2e_cert_to_review "03-1234-5678" || return 1
	e2e_keys End Enter
	e2e_wait "too small to show the code" || return 1
	e2e_keys s
	e2e_wait "Saved the slip" 30 || return 1
	e2e_keys p
	e2e_wait "Saved the code as an image" || return 1
	# while they exist: private folder, private files, names nobody can guess
	dir=$(ls -d "$run"/yorisoi/visit-* 2>/dev/null | head -n 1)
	[ -n "$dir" ] || { echo "no visit folder" >&2; return 1; }
	[ "$(stat -c %a "$dir")" = 700 ] || { echo "visit folder not 0700" >&2; return 1; }
	for f in "$dir"/*; do
		[ "$(stat -c %a "$f")" = 600 ] || { echo "$f not 0600" >&2; return 1; }
	done
	[ "$(ls "$dir" | wc -l)" -eq 3 ] || { echo "not image, slip and slip image" >&2; return 1; }
}

# ended TEST: the process is gone, and nothing of the resident remains
ended() {
	e2e_wait "[exited" 10 || return 1
	if found_in_files || found_on_screen; then
		return 1
	fi
	[ -z "$(ls -A "$run/yorisoi" 2>/dev/null)" ] || { ls -lR "$run/yorisoi" >&2; return 1; }
}

# "[exited]" shows when the console ends (lib.sh)
E2E_MARK_EXIT=1

# the console: the child of the pane's shell (env execs it)
pid_of_console() { pgrep -P "$(tmx display-message -p -t t '#{pane_pid}')" | head -n 1; }

path() { # name TERM how...
	name=$1 term=$2
	shift 2
	rm -rf "$data" "$run/yorisoi"
	if visit "$term" && "$@" && ended; then
		pass "leftovers/$name"
	else
		fail "leftovers/$name"
	fi
	e2e_stop
}

done_path() { e2e_keys d; e2e_wait "Has the resident got the code" && e2e_keys y &&
	e2e_wait "Start a new application" && e2e_keys q; }
f10_path() { e2e_keys Escape; e2e_wait "Check your answers" && e2e_keys F10 &&
	e2e_wait "saved as a draft" && e2e_keys q; }
ctrl_c_path() { e2e_keys C-c; }
signal_path() { kill "-$1" "$(pid_of_console)"; }

path done screen-256color done_path
path f10-draft-kept screen-256color f10_path
path ctrl-c screen-256color ctrl_c_path
path sigterm screen-256color signal_path TERM
path sighup linux signal_path HUP

# A kill leaves the files (nothing can run); the next start removes them.
killed() {
	pid=$(pid_of_console)
	kill -KILL "$pid" || return 1
	i=0 # gone, whatever the killed console left on the screen
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	e2e_stop
	[ -n "$(ls -A "$run/yorisoi" 2>/dev/null)" ] || { echo "no files to sweep" >&2; return 1; }
	e2e_start 80 24 "env XDG_RUNTIME_DIR=$run $B/yorisoi --lang en --demo --db $data/d.db" || return 1
	e2e_wait "Start a new application" || return 1
	[ -z "$(ls -A "$run/yorisoi" 2>/dev/null)" ] || { ls -lR "$run/yorisoi" >&2; return 1; }
	e2e_keys q
	return 0
}
rm -rf "$data" "$run/yorisoi"
if visit screen-256color && killed && ! found_in_files; then
	pass "leftovers/sigkill-swept-at-next-start"
else
	fail "leftovers/sigkill-swept-at-next-start"
fi
e2e_stop
