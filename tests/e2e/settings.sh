#!/bin/sh
# The settings file as the console shows it: the languages a desk puts
# first lead the language screen, only the city's procedures are offered,
# the idle lock follows the setting, and a wrong line is named with its
# file:line on the first screen while the console works on with defaults.
# Prints PASS:/FAIL: settings/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-settings.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export YORISOI_SYSTEM_CONFIG="$tmp/system.conf"
mkdir -p "$XDG_CONFIG_HOME/yorisoi"
user_conf=$XDG_CONFIG_HOME/yorisoi/yorisoi.conf

result() {
	if [ "$2" = 0 ]; then echo "PASS: settings/$1"; else echo "FAIL: settings/$1"; fi
}

# ---- languages first, and a wrong line named on the first screen
printf 'languages = vi ne\n' >"$YORISOI_SYSTEM_CONFIG"
printf '# this desk\nidle_lock = soon\n' >"$user_conf"
first_screen() {
	e2e_start 80 24 "$B/yorisoi --demo --db $tmp/drafts.db" || return 1
	e2e_wait "Choose the language" || return 1
	e2e_screen >"$tmp/lang.txt"
	# the first choice is Vietnamese, the second Nepali, then the rest
	grep -q "1\..*Tiếng Việt" "$tmp/lang.txt" && grep -q "2\..*नेपाली" "$tmp/lang.txt" &&
		grep -q "日本語" "$tmp/lang.txt"
}
first_screen
result languages-first $?
# the wrong line: file and line on screen (the path may wrap)
tr -d '\n' <"$tmp/lang.txt" | tr -s ' ' | grep -q "yorisoi.conf:2: idle_lock"
result wrong-line-on-screen $?
e2e_stop

# ---- the city's procedures only, and the idle lock from the settings
printf 'procedures = juminhyo inkan\nidle_lock = 2\n' >"$user_conf"
offered() {
	e2e_start 80 24 "$B/yorisoi --lang en --demo --db $tmp/drafts.db" || return 1
	e2e_wait "Start a new application" || return 1
	e2e_keys Enter
	e2e_wait "Which procedure is this visit for?" || return 1
	e2e_screen >"$tmp/pick.txt"
	grep -q "1\. Request for a copy of the certificate" "$tmp/pick.txt" &&
		grep -q "2\. Application to register a seal" "$tmp/pick.txt" &&
		! grep -q "3\." "$tmp/pick.txt" && ! grep -q "転出届" "$tmp/pick.txt"
}
offered
result only-the-citys-procedures $?
# nothing typed for 2 s: the screen locks (the default would wait 300 s)
e2e_wait "Press Enter to go on." 8
result idle-lock-from-settings $?
e2e_stop

# ---- the command line wins over the settings
e2e_start 80 24 "$B/yorisoi --lang en --demo --idle-lock 0 --db $tmp/drafts.db" || true
e2e_wait "Start a new application"
sleep 4
e2e_screen | grep -q "Start a new application"
result command-line-wins $?
e2e_stop
