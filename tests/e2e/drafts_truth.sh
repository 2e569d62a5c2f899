#!/bin/sh
# Drafts that tell the truth: a save that fails is said at once on every
# screen, F10 does not claim "saved", the answers stay in memory and a later
# save (once the disk has room again) keeps them all; plain mode says it too.
# The disk is a 200 KB tmpfs filled up mid-visit (needs root to mount;
# otherwise SKIP). A read-only drafts folder is tried as an unprivileged
# user, because root ignores file modes.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-truth.XXXXXX)
fs="$tmp/fs"
cleanup() {
	e2e_cleanup
	umount -l "$fs" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export XDG_DATA_HOME="$tmp/data"
mkdir -p "$fs"

# to_phone CONSOLE: a new certificate request (4th procedure) answered up to
# the phone number question.
to_phone() {
	e2e_start 80 24 "$1" || return 1
	e2e_cert_to_phone || return 1
}

disk_full() {
	mount -t tmpfs -o size=200k tmpfs "$fs" 2>/dev/null || return 2
	to_phone "$B/yorisoi --lang en --demo --db $fs/d.db --slip-dir $tmp" || return 1
	# the disk fills up while the resident answers
	dd if=/dev/zero of="$fs/filler" bs=4k 2>/dev/null
	e2e_type "03-1234-5678"
	e2e_keys Enter
	e2e_wait "Which certificate do you need?" || return 1
	e2e_wait "Not saved:" || return 1          # said at once, on the next screen
	e2e_type 1
	e2e_keys Enter
	e2e_wait "How many copies" || return 1
	e2e_wait "Not saved:" || return 1          # and on every screen after
	e2e_type 2
	e2e_keys F10
	e2e_wait "could not be saved, so they stay on this screen" || return 1
	if e2e_screen | grep -q "saved as a draft"; then
		echo "F10 claimed the answers were saved" >&2
		return 1
	fi
	e2e_screen | grep -q "How many copies" || return 1 # still in place
	# room again: the next F10 saves everything, the copies answer too
	rm -f "$fs/filler"
	e2e_keys F10
	e2e_wait "The answers are saved as a draft" || return 1
	code=$(e2e_code)
	e2e_stop
	e2e_start 80 24 "$B/yorisoi --lang en --demo --db $fs/d.db --slip-dir $tmp" || return 1
	e2e_wait "Start a new application" || return 1
	e2e_wait "8 answers" || return 1
	e2e_keys Down Enter
	e2e_unlock "$code" || return 1
	e2e_wait "How many copies" || return 1
	e2e_wait "2" || return 1
	e2e_stop
	umount -l "$fs" # lazily: the console may take a moment to exit
}

disk_full
case $? in
0) pass "drafts/disk-full-is-said-and-nothing-is-lost" ;;
2) echo "SKIP: drafts/disk-full-is-said-and-nothing-is-lost (cannot mount a tmpfs: not root)" ;;
*) fail "drafts/disk-full-is-said-and-nothing-is-lost" ;;
esac

# Plain mode says the same in words.
plain_full() {
	mount -t tmpfs -o size=200k tmpfs "$fs" 2>/dev/null || return 2
	dd if=/dev/zero of="$fs/filler" bs=4k 2>/dev/null
	printf '4\n1234\n1\n1\n\nやまだ\n\n\n0312345678\n1\n2\n1 2\n1\n\n1\n\n\n' |
		"$B/yorisoi" --plain --lang en --demo --db "$fs/d.db" >"$tmp/plain.txt" 2>&1
	umount -l "$fs"
	grep -q "Not saved: " "$tmp/plain.txt" && grep -q '^YR1:' "$tmp/plain.txt"
}
plain_full
case $? in
0) pass "drafts/plain-says-not-saved" ;;
2) echo "SKIP: drafts/plain-says-not-saved (cannot mount a tmpfs: not root)" ;;
*) cat "$tmp/plain.txt" >&2; fail "drafts/plain-says-not-saved" ;;
esac

# A read-only drafts folder, as an unprivileged user (root ignores modes).
read_only() {
	[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 || return 2
	ro="$tmp/ro"
	mkdir -p "$ro" && chmod 755 "$tmp" && chmod 555 "$ro"
	chmod -R a+rX "$tmp/data" 2>/dev/null
	to_phone "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=$tmp/ro XDG_DATA_HOME=$tmp/ro/data $B/yorisoi --lang en --demo --db $ro/d.db --slip-dir $ro" ||
		return 1
	e2e_wait "Not saved:" || return 1
	e2e_keys F10
	e2e_wait "could not be saved, so they stay on this screen" || return 1
	e2e_stop
	# a read-only drafts file in a folder the user owns
	rf="$tmp/rofile"
	mkdir -p "$rf"
	e2e_start 80 24 "$B/yorisoi --lang en --demo --db $rf/d.db --slip-dir $rf" || return 1
	e2e_wait "Start a new application" || return 1 # the file and its key exist now
	e2e_keys q
	e2e_stop
	chown -R 65534:65534 "$rf" && chmod 444 "$rf/d.db"
	to_phone "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=$rf XDG_DATA_HOME=$rf/data XDG_RUNTIME_DIR=$rf $B/yorisoi --lang en --demo --db $rf/d.db --slip-dir $rf" ||
		return 1
	e2e_wait "Not saved:" || return 1
	e2e_keys F10
	e2e_wait "could not be saved, so they stay on this screen" || return 1
	e2e_stop
}
read_only
case $? in
0) pass "drafts/read-only-folder-and-file-are-said" ;;
2) echo "SKIP: drafts/read-only-folder-and-file-are-said (needs root to switch to an unprivileged user)" ;;
*) fail "drafts/read-only-folder-and-file-are-said" ;;
esac

# A damaged drafts file is moved aside, never written into, and the
# console says where it went and goes on with a new file.
damaged() {
	d="$tmp/dmg"
	mkdir -p "$d"
	to_phone "$B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp" || return 1
	e2e_keys F10
	e2e_wait "saved as a draft" || return 1
	e2e_stop
	# pad the file so a page in the middle can be broken
	python3 - "$d/d.db" <<'PY' || return 1
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE pad(x)")
c.executemany("INSERT INTO pad VALUES (randomblob(900))", [()] * 40)
c.commit()
c.close()
size = open(sys.argv[1], "rb").seek(0, 2)
with open(sys.argv[1], "r+b") as f:
    f.seek(size // 4096 // 2 * 4096)
    f.write(b"\x5a" * 4096)
PY
	before=$(cksum <"$d/d.db")
	e2e_start 80 24 "$B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp" || return 1
	e2e_wait "It was moved aside to" || return 1
	e2e_stop
	aside=$(ls "$d"/d.db.damaged-* 2>/dev/null | grep -v '\.key$' | head -n 1)
	[ -n "$aside" ] && [ "$(cksum <"$aside")" = "$before" ] && [ -f "$aside.key" ] &&
		[ -f "$d/d.db" ]
}
damaged && pass "drafts/damaged-file-moved-aside" || fail "drafts/damaged-file-moved-aside"

# Two consoles on one draft: the second is told, and writes nothing; once
# the first has closed it, the second opens it.
two_consoles() {
	d="$tmp/two"
	mkdir -p "$d"
	to_phone "$B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp" || return 1
	e2e_keys F10
	e2e_wait "saved as a draft" || return 1
	code=$(e2e_code)
	e2e_keys Down Enter # the first console opens the draft again
	e2e_unlock "$code" || return 1
	e2e_wait "phone number" || return 1
	first=$E2E_SOCK
	E2E_N=$((E2E_N + 1))
	E2E_SOCK="yorisoi-e2e-$$-$E2E_N"
	tmx -f /dev/null new-session -d -s t -x 80 -y 24 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color NO_COLOR=1 $B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp; sleep 30"
	e2e_wait "Start a new application" || return 1
	e2e_keys Down Enter
	e2e_wait "open in another Yorisoi window" || return 1
	second=$E2E_SOCK
	E2E_SOCK=$first
	e2e_keys F10
	e2e_wait "saved as a draft" || return 1
	e2e_keys q
	sleep 0.5
	E2E_SOCK=$second
	e2e_keys Enter # the draft is still the chosen line
	e2e_unlock "$code" || return 1
	e2e_wait "phone number" || return 1
	e2e_stop
	E2E_SOCK=$first
	e2e_stop
}
two_consoles && pass "drafts/one-console-per-draft" || fail "drafts/one-console-per-draft"

# A draft only its resident can reopen: without its code nothing of it is
# shown; a wrong code is refused and costs a try; the same card opens it;
# the right code opens it.
resume_code() {
	d="$tmp/code"
	mkdir -p "$d"
	c="$B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp"
	to_phone "$c" || return 1
	e2e_type "03-1234-5678"
	e2e_keys Enter
	e2e_wait "Which certificate do you need?" || return 1
	e2e_keys F10
	e2e_wait "come-back code is" || return 1
	code=$(e2e_code)
	[ -n "$code" ] || return 1
	e2e_stop
	e2e_start 80 24 "$c" || return 1
	e2e_wait "Start a new application" || return 1
	e2e_keys Down Enter
	e2e_wait "come-back code of this draft" || return 1
	if e2e_screen | grep -q "山田\|03-1234-5678\|0312345678"; then
		echo "the answers show before the code" >&2
		return 1
	fi
	e2e_type "CAAA-AAAA" # C is a code character, never the card key
	e2e_keys Enter
	e2e_wait "4 more tries" || return 1
	# the same card opens it
	e2e_keys F2
	e2e_demo_pin || return 1
	e2e_wait "Which certificate do you need?" || return 1
	e2e_keys F10
	e2e_wait "saved as a draft" || return 1
	e2e_stop
	# and the right code
	e2e_start 80 24 "$c" || return 1
	e2e_wait "Start a new application" || return 1
	e2e_keys Down Enter
	e2e_unlock "$(echo "$code" | tr 'A-Z' 'a-z')" || return 1 # typed loosely
	e2e_wait "Which certificate do you need?" || return 1
	e2e_stop
}
resume_code && pass "drafts/come-back-code-and-card" || fail "drafts/come-back-code-and-card"

# A lock held by another program when the console starts: said, and once
# the lock is gone the next answer is saved (the console does not stay
# unsaved for the rest of the visit).
lock_held() {
	d="$tmp/lock"
	mkdir -p "$d"
	# a drafts file with its key, then another program locks it
	e2e_start 80 24 "$B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp" || return 1
	e2e_wait "Start a new application" || return 1
	e2e_keys q
	e2e_stop
	python3 - "$d/d.db" "$d/release" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2] + ".held", "w").close()
while not os.path.exists(sys.argv[2]):
    time.sleep(0.1)
c.execute("ROLLBACK")
PY
	holder=$!
	i=0
	while [ ! -e "$d/release.held" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	to_phone "$B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp" || return 1
	e2e_wait "Not saved:" || return 1
	touch "$d/release"
	wait $holder
	e2e_type "03-1234-5678"
	e2e_keys Enter
	e2e_wait "Which certificate do you need?" || return 1
	sleep 0.5
	if e2e_screen | grep -q "Not saved:"; then
		echo "still not saved after the lock was gone" >&2
		return 1
	fi
	e2e_keys F10
	e2e_wait "saved as a draft" || return 1
	e2e_stop
}
lock_held && pass "drafts/lock-held-then-released" || fail "drafts/lock-held-then-released"

# A missing key file for a drafts file that holds drafts: said at once, and
# nothing is written pretending to be saved.
missing_key() {
	d="$tmp/key"
	mkdir -p "$d"
	to_phone "$B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp" || return 1
	e2e_keys F10
	e2e_wait "saved as a draft" || return 1
	e2e_stop
	rm -f "$d/d.db.key"
	e2e_start 80 24 "$B/yorisoi --lang en --demo --db $d/d.db --slip-dir $tmp" || return 1
	e2e_wait "key file is missing" || return 1
	e2e_keys Enter
	e2e_wait "Which procedure is this visit for?" || return 1
	e2e_type 4
	e2e_keys Enter
	e2e_demo_pin || return 1
	e2e_wait "Not saved:" || return 1
	e2e_keys F10
	e2e_wait "could not be saved" || return 1
	e2e_stop
}
missing_key && pass "drafts/missing-key-is-said" || fail "drafts/missing-key-is-said"
