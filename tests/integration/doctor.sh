#!/bin/sh
# `yorisoi doctor` is red, with the right advice, for each failure it claims
# to detect, and green where that part of the desk is fine. Each failure is
# provoked for real: a damaged drafts file, a 1 MB disk, an empty font
# configuration, a private CUPS scheduler with a stopped queue, a locale in
# EUC-JP, a window too small in tmux. This suite runs beside the others with
# no pcscd (tests/run_one.sh), so "pcscd not running" is checked here too;
# readers and cards are tests/integration/card_doctor.sh.
# Prints PASS:/FAIL:/SKIP: doctor/<case>.
set -u
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
Y=$PWD/$B/yorisoi
tmp=$(mktemp -d /tmp/yorisoi-doctor.XXXXXX)
CUPSD_PID=
TMUX_SOCK="yorisoi-doctor-$$-0"
TMUX_N=0
cleanup() {
	[ -n "$CUPSD_PID" ] && kill "$CUPSD_PID" 2>/dev/null && wait "$CUPSD_PID" 2>/dev/null
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

export LC_ALL=C.UTF-8
unset LANGUAGE LANG 2>/dev/null
export CUPS_SERVER="$tmp/no-cups.sock" # no scheduler until one is started below
DOCTOR_SUITE=doctor
. tests/integration/doctor_lib.sh
mkdir -p "$XDG_CONFIG_HOME/yorisoi"
USER_CONF=$XDG_CONFIG_HOME/yorisoi/yorisoi.conf

# expect_todo CASE TEXT: the advice line "→ ..." says TEXT.
expect_todo() {
	if grep -F -- "→" "$tmp/out" | grep -qF -- "$2"; then
		echo "PASS: doctor/$1"
	else
		echo "FAIL: doctor/$1 (no advice \"$2\")"
	fi
}

expect_rc() {
	if [ "$rc" = "$2" ]; then
		echo "PASS: doctor/$1"
	else
		echo "FAIL: doctor/$1 (exit $rc, want $2)"
	fi
}

# ---- a desk with defaults and no pcscd
doctor doctor
expect no-settings-file Note "There is no settings file; the defaults apply ($tmp/system.conf)"
expect pcscd-missing Problem "The card reader service (pcscd) is not running"
expect_todo pcscd-missing-advice "sudo systemctl start pcscd"
expect_todo pcscd-missing-offers-demo "yorisoi --demo (PIN 1234)"
expect demo-card OK "The built-in demo card works"
expect forms-found OK "7 procedures are installed; the console offers 7."
expect catalogues OK "Translations for"
expect postal OK "The postal code table is installed."
expect drafts-healthy OK "drafts.db is healthy: 0 drafts, each kept 14 days"
expect no-desk-key Note "This desk has no signing key yet"
expect no-city-key Note "No city key: codes are signed but not sealed"
expect not-a-terminal Note "Not run in a terminal"
expect no-printer Note "No printer is set"
expect_rc problem-means-exit-1 1
if grep -q "^1 problem needs attention.$" "$tmp/out"; then
	echo "PASS: doctor/counts-problems"
else
	echo "FAIL: doctor/counts-problems"
fi
if fc-list 2>/dev/null | grep -q "Noto Sans CJK JP"; then
	expect fonts-present OK "The fonts for the printed slip are installed."
else
	echo "SKIP: doctor/fonts-present (Noto Sans CJK JP is not installed here)"
fi

# ---- in the volunteer's language: every line translated
doctor --lang ja doctor
if grep -q "^\[問題\] " "$tmp/out" && grep -q "^\[注意\] " "$tmp/out" &&
	! grep -q "^\[\(Problem\|Note\)\]" "$tmp/out" && ! grep -q "The \|There is" "$tmp/out"; then
	echo "PASS: doctor/in-japanese"
else
	echo "FAIL: doctor/in-japanese"
	sed 's/^/    /' "$tmp/out" >&2
fi

# ---- settings: a line at a time, with file:line
printf 'site = 中央図書館\nprinter = desk\nprocedures = juminhyo inkan\n' >"$YORISOI_SYSTEM_CONFIG"
printf '# mine\nidle_lock = 120\nidle_lock = off\ncolour = blue\nprocedures = juminhyo nosuch\nlanguages = vi xx\n' >"$USER_CONF"
doctor doctor
expect settings-read OK "Settings read from $YORISOI_SYSTEM_CONFIG."
expect settings-read-user OK "Settings read from $USER_CONF."
expect settings-bad-value Problem "$USER_CONF:3: idle_lock takes whole seconds from 0 (never lock) to 86400."
expect settings-unknown-name Problem "$USER_CONF:4: there is no setting \"colour\""
expect settings-unknown-procedure Problem "$USER_CONF:5: there is no procedure \"nosuch\""
expect settings-unknown-language Problem "$USER_CONF:6: there is no language \"xx\""
expect_todo settings-advice "Correct that line (man 5 yorisoi.conf)"
expect settings-offered OK "7 procedures are installed; the console offers 1."
if head -1 "$tmp/out" | grep -qF "— 中央図書館"; then
	echo "PASS: doctor/site-name-in-title"
else
	echo "FAIL: doctor/site-name-in-title"
fi
doctor --config "$tmp/none.conf" doctor
expect settings-named-file-missing Problem "$tmp/none.conf: the file cannot be read"
rm -f "$USER_CONF" "$YORISOI_SYSTEM_CONFIG"

# ---- what ships with the program
mkdir -p "$tmp/no-forms"
doctor --forms "$tmp/no-forms" doctor
expect forms-missing Problem "No procedure definitions can be read from $tmp/no-forms."
expect_todo forms-missing-advice "yorisoi forms check"

mkdir -p "$tmp/locale/ja/LC_MESSAGES"
cp "$B/locale/LINGUAS" "$tmp/locale/"
cp "$B/locale/ja/LC_MESSAGES/yorisoi.mo" "$tmp/locale/ja/LC_MESSAGES/"
YORISOI_LOCALEDIR="$tmp/locale" doctor doctor
expect catalogue-missing Problem "The translation for vi is missing ($tmp/locale/vi/LC_MESSAGES/yorisoi.mo)."
if grep -qF "The translation for ja is missing" "$tmp/out"; then
	echo "FAIL: doctor/catalogue-present-not-reported"
else
	echo "PASS: doctor/catalogue-present-not-reported"
fi

YORISOI_POSTAL_DB="$tmp/no-postal.db" doctor doctor
expect postal-missing Problem "The postal code table $tmp/no-postal.db cannot be read."

# ---- the drafts file and its disk
head -c 8192 /dev/urandom >"$XDG_DATA_HOME/yorisoi/drafts.db"
cp "$XDG_DATA_HOME/yorisoi/drafts.db" "$tmp/damaged.copy"
doctor doctor
expect drafts-damaged Problem "The drafts file $XDG_DATA_HOME/yorisoi/drafts.db is damaged."
expect_todo drafts-damaged-advice "moves the damaged file aside"
if cmp -s "$XDG_DATA_HOME/yorisoi/drafts.db" "$tmp/damaged.copy"; then
	echo "PASS: doctor/leaves-a-damaged-file-alone"
else
	echo "FAIL: doctor/leaves-a-damaged-file-alone"
fi
rm -f "$XDG_DATA_HOME/yorisoi/drafts.db"*

: >"$tmp/a-file"
doctor --db "$tmp/a-file/drafts.db" doctor
expect drafts-unusable Problem "The drafts file $tmp/a-file/drafts.db cannot be used"

mkdir -p "$tmp/small"
if unshare -rm sh -c "mount -t tmpfs -o size=1m tmpfs '$tmp/small'" 2>/dev/null; then
	XDG_DATA_HOME="$tmp/small" unshare -rm sh -c \
		"mount -t tmpfs -o size=1m tmpfs '$tmp/small' && '$Y' doctor" >"$tmp/out" 2>&1
	expect disk-full Problem "MB are free for $tmp/small/yorisoi."
	expect_todo disk-full-advice "Free some space on this disk"
else
	echo "SKIP: doctor/disk-full (no user namespace to mount a 1 MB tmpfs in)"
	echo "SKIP: doctor/disk-full-advice (no user namespace to mount a 1 MB tmpfs in)"
fi
doctor doctor
expect disk-ok OK "MB are free for $XDG_DATA_HOME/yorisoi."

# ---- keys
printf 'not a key\n' >"$XDG_DATA_HOME/yorisoi/desk.key"
chmod 600 "$XDG_DATA_HOME/yorisoi/desk.key"
doctor doctor
expect desk-key-damaged Problem "The desk key $XDG_DATA_HOME/yorisoi/desk.key cannot be read"
rm -f "$XDG_DATA_HOME/yorisoi/desk.key"
"$Y" keys init >/dev/null 2>&1
doctor doctor
expect desk-key-present OK "The desk key $XDG_DATA_HOME/yorisoi/desk.key is present (id "

printf 'city_key = city.pub\n' >"$USER_CONF"
doctor doctor
expect city-key-missing Problem "The city's key $XDG_CONFIG_HOME/yorisoi/city.pub cannot be read"
"$Y" keys city-init "$tmp/city.key" "$XDG_CONFIG_HOME/yorisoi/city.pub" >/dev/null 2>&1
doctor doctor
expect city-key-present OK "Codes are sealed to the city's key $XDG_CONFIG_HOME/yorisoi/city.pub."
rm -f "$USER_CONF"

# ---- language setting and terminal
LC_ALL=C doctor doctor
expect locale-c Note "No UTF-8 language is set (LANG); Yorisoi uses C.UTF-8 by itself."
if localedef -i ja_JP -f EUC-JP "$tmp/locales/ja_JP.eucJP" >/dev/null 2>&1 ||
	{ mkdir -p "$tmp/locales" && localedef -i ja_JP -f EUC-JP "$tmp/locales/ja_JP.eucJP" >/dev/null 2>&1; }; then
	LOCPATH="$tmp/locales" LC_ALL=ja_JP.eucJP doctor --lang en doctor
	expect locale-not-utf8 Problem "The language setting uses EUC-JP, not UTF-8"
	expect_todo locale-not-utf8-advice "LANG=C.UTF-8"
else
	echo "SKIP: doctor/locale-not-utf8 (localedef cannot build ja_JP.EUC-JP here)"
	echo "SKIP: doctor/locale-not-utf8-advice (localedef cannot build ja_JP.EUC-JP here)"
fi
LC_ALL=C.UTF-8 doctor doctor
expect locale-utf8 OK "The language setting is UTF-8."

# in_tmux COLS LINES [ENV...]: doctor in a real terminal of that size; the
# whole output (wrapped lines joined) in $tmp/out. 1 when it never ends.
in_tmux() {
	cols=$1 lines=$2
	shift 2
	# a server of its own each time: one being killed must not race the next
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	TMUX_N=$((TMUX_N + 1))
	TMUX_SOCK="yorisoi-doctor-$$-$TMUX_N"
	tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -s d -x "$cols" -y "$lines" \
		"env TERM=screen-256color $* '$Y' doctor; echo DOCTOR-EXIT=\$?; sleep 30"
	i=0
	while [ $i -lt 200 ]; do
		tmux -L "$TMUX_SOCK" capture-pane -p -J -S -500 -t d >"$tmp/out" 2>/dev/null
		grep -q "DOCTOR-EXIT=" "$tmp/out" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
if ! command -v tmux >/dev/null 2>&1; then
	for c in window-too-small window-small window-large terminal-unknown; do
		echo "SKIP: doctor/$c (tmux is not installed)"
	done
else
	in_tmux 50 15 || echo "FAIL: doctor/window-too-small (doctor did not finish in tmux)"
	expect window-too-small Problem "The window is 50×15."
	expect_todo window-too-small-advice "at least 60×18"
	in_tmux 80 24 || echo "FAIL: doctor/window-small (doctor did not finish in tmux)"
	expect window-small Note "The window is 80×24."
	in_tmux 120 40 || echo "FAIL: doctor/window-large (doctor did not finish in tmux)"
	expect window-large OK "The window is 120×40."
	in_tmux 80 24 TERM=no-such-terminal ||
		echo "FAIL: doctor/terminal-unknown (doctor did not finish in tmux)"
	expect terminal-unknown Problem "The terminal type \"no-such-terminal\" is not known."
fi

# ---- fonts of the slip
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$tmp/fonts.conf"
FONTCONFIG_FILE="$tmp/fonts.conf" doctor doctor
expect fonts-missing Problem "The font Noto Sans CJK JP for the printed slip is missing"
expect_todo fonts-missing-advice "sudo apt install fonts-noto-cjk fonts-noto-core"

# ---- the printer, through CUPS
doctor --printer desk doctor
expect cups-not-running Problem "The printing service (CUPS) is not running"
mkdir -p "$tmp/bin"
ln -s "$Y" "$tmp/bin/yorisoi"
PATH="$tmp/bin" "$tmp/bin/yorisoi" --printer desk doctor >"$tmp/out" 2>&1
expect cups-not-installed Problem "The printing commands (CUPS) are not installed."

# A private scheduler on a socket of its own, with one queue that prints
# to /dev/null: needs cupsd (package cups-daemon) and root.
start_cupsd() {
	c=$tmp/cups
	mkdir -p "$c/spool" "$c/cache" "$c/state" "$c/log" "$c/tmp"
	cat >"$c/cupsd.conf" <<EOF
Listen $c/cups.sock
LogLevel warn
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order allow,deny
    Allow all
  </Limit>
</Policy>
EOF
	cat >"$c/cups-files.conf" <<EOF
ServerRoot $c
RequestRoot $c/spool
CacheDir $c/cache
StateDir $c/state
TempDir $c/tmp
ErrorLog $c/log/error_log
AccessLog $c/log/access_log
PageLog $c/log/page_log
FileDevice Yes
EOF
	/usr/sbin/cupsd -f -c "$c/cupsd.conf" -s "$c/cups-files.conf" &
	CUPSD_PID=$!
	export CUPS_SERVER="$c/cups.sock"
	i=0
	while [ $i -lt 100 ]; do
		LC_ALL=C lpstat -r 2>/dev/null | grep -q "scheduler is running" && break
		sleep 0.1
		i=$((i + 1))
	done
	lpadmin -p desk -E -v file:///dev/null 2>/dev/null
}
if [ "$(id -u)" != 0 ] || ! [ -x /usr/sbin/cupsd ] || ! command -v lpadmin >/dev/null 2>&1; then
	for c in printer-ready printer-from-settings printer-unknown printer-stopped; do
		echo "SKIP: doctor/$c (needs root and cupsd, package cups-daemon)"
	done
elif ! start_cupsd; then
	echo "FAIL: doctor/printer-ready (the private CUPS scheduler did not take a queue)"
else
	doctor --printer desk doctor
	expect printer-ready OK "The printer desk is ready."
	printf 'printer = desk\n' >"$USER_CONF"
	doctor doctor
	expect printer-from-settings OK "The printer desk is ready."
	rm -f "$USER_CONF"
	doctor --printer nosuch doctor
	expect printer-unknown Problem "There is no printer named nosuch."
	cupsdisable desk
	doctor --printer desk doctor
	expect printer-stopped Problem "The printer desk is stopped."
	expect_todo printer-stopped-advice "cupsenable desk"
fi
