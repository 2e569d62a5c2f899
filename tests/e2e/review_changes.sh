#!/bin/sh
# Check your answers, changed as a volunteer would (issue 16): an answer
# changed there that opens new questions asks them before going back; back
# on the check screen the cursor is on the changed answer's row, not at the
# top; a finished draft opened again goes on at the check screen.
# Prints PASS:/FAIL: review/<case>.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-review.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

# the certificate request with the demo card, up to Check your answers
to_review() {
	e2e_cert_to_phone && e2e_cert_to_review "0312345678"
}

e2e_start 100 40 "$B/yorisoi --lang en --demo --db $tmp/d.db --slip-dir $tmp"
ok=0
to_review || ok=1
e2e_keys Home Enter # the first answer: whose certificate
e2e_wait "Whose certificate of residence do you need?" || ok=1
e2e_type 2 # someone in my household: two new questions open
e2e_keys Enter
e2e_wait "What is the full name of the person on the certificate?" 5 || ok=1
e2e_type "山田 太郎"
e2e_keys Enter
e2e_wait "What is their address?" 5 || ok=1
e2e_type "東京都千代田区千代田1番1号"
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
result_new=$ok
[ $result_new = 0 ] && echo "PASS: review/opened-questions-asked" || echo "FAIL: review/opened-questions-asked"

# back on the check screen, the chosen row is the last answer changed
e2e_screen | grep -q "> .*What is their address?" && ! e2e_screen | grep -q "> Everything is right"
r1=$?
# another row, found by moving up as a volunteer would: the phone number,
# changed and come back to
k=0
while [ $k -lt 20 ] && ! e2e_screen | grep -q "> .*phone number"; do
	e2e_keys Up
	sleep 0.1
	k=$((k + 1))
done
e2e_keys Enter
e2e_wait "What phone number" 5
e2e_keys C-u
e2e_type "03(9876)5432"
e2e_keys Enter
e2e_wait "Check your answers" 5 && e2e_screen | grep -q "> .*phone number"
r2=$?
# the number keeps the groups it was written in, as 03-9876-5432
if e2e_wait "03-9876-5432" 3; then
	echo "PASS: review/phone-keeps-its-groups"
else
	echo "FAIL: review/phone-keeps-its-groups"
fi
if [ $r1 = 0 ] && [ $r2 = 0 ]; then
	echo "PASS: review/cursor-stays-on-the-changed-answer"
else
	echo "    after the address: $r1, after the phone: $r2" >&2
	e2e_screen >&2
	echo "FAIL: review/cursor-stays-on-the-changed-answer"
fi

# A finished draft, stopped on the check screen and opened again, goes on
# there, not on a question.
code=$(e2e_code)
e2e_keys F10
e2e_wait "Saved drafts" 5
[ -n "$code" ] || code=$(e2e_code)
e2e_keys Down Enter
if [ -n "$code" ] && e2e_unlock "$code" && e2e_wait "Check your answers" 5; then
	echo "PASS: review/finished-draft-reopens-on-check"
else
	echo "    code '$code'" >&2
	e2e_screen >&2
	echo "FAIL: review/finished-draft-reopens-on-check"
fi
e2e_stop
