#!/bin/sh
# The console end to end, driven in tmux as a volunteer would: the demo
# card, the PIN, every question of the certificate request at 80×24, the
# check-your-answers screen, the handoff image decoded with zbarimg and
# read back through `handoff decode`; then a draft resumed after the
# process was killed, a terminal that is too small, and wide characters.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
# The desk's signing key goes to the test's folder, not the home folder.
export XDG_DATA_HOME="$tmp/data"
console="$B/yorisoi --lang en --demo --db $tmp/drafts.db --slip-dir $tmp"

# fresh_start CMD : a new console on an empty drafts file, at the PIN screen
# of the certificate of residence (the 4th procedure in the list).
fresh_start() {
	rm -f "$tmp/drafts.db" "$tmp/drafts.db.key"
	e2e_start 80 24 "$1" || return 1
	e2e_wait "Start a new application" || return 1
	e2e_keys Enter
	e2e_wait "Which procedure is this visit for?" || return 1
	e2e_type 4
	e2e_keys Enter
}

# ---- the whole walk -----------------------------------------------------
walk() {
	e2e_start 80 24 "$console" || return 1
	e2e_wait "Start a new application" || return 1
	e2e_keys Enter
	e2e_wait "Which procedure is this visit for?" || return 1
	e2e_type 4                                      # the certificate of residence
	# a number picks the line, as on a question; only Enter goes on
	e2e_wait "> 4. Request for a copy" || return 1
	sleep 0.3
	e2e_screen | grep -q "Which procedure is this visit for?" || return 1
	e2e_keys Enter
	e2e_wait "3 tries left before the card locks" || return 1
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "山田　花子" || return 1
	e2e_wait "Is this right?" || return 1
	e2e_keys Enter
	e2e_wait "Question 1 of" || return 1
	e2e_keys Enter                                  # nothing picked: Enter alone
	e2e_wait "Error: Please answer this question" || return 1 # does not answer
	e2e_type 1
	e2e_keys Enter                                  # relation: Myself
	e2e_wait "What is your full name?" || return 1
	e2e_wait "From the My Number card" || return 1
	e2e_keys Enter                                  # name from the card
	e2e_wait "katakana" || return 1
	e2e_wait "Suggested from the name" || return 1  # the reading of 山田　花子
	e2e_wait "ヤマダ　ハナコ" || return 1
	e2e_keys C-u
	e2e_type "やまだ はなこ"                         # hiragana becomes katakana
	e2e_keys Enter
	e2e_wait "What is your address?" || return 1
	e2e_keys Enter                                  # address from the card
	e2e_wait "昭和25年4月1日" || return 1
	e2e_keys Enter                                  # birth date from the card
	e2e_wait "phone number" || return 1
	e2e_keys Enter                                  # empty: required
	e2e_wait "Error: Please answer this question" || return 1
	e2e_type "03-1234-5678"
	e2e_keys Enter
	e2e_wait "Which certificate do you need?" || return 1
	e2e_type 1
	e2e_keys Enter                                  # whole household
	e2e_wait "How many copies" || return 1
	e2e_type "11"
	e2e_keys Enter
	e2e_wait "Error: Please choose a number from 1 to 10" || return 1
	e2e_keys BSpace BSpace
	e2e_type "2"
	e2e_keys Enter
	e2e_wait "[ ]" || return 1
	e2e_keys Space Down Space Enter                 # head of household, domicile
	e2e_wait "Something else" || return 1
	e2e_keys End Enter                              # purpose: something else
	e2e_wait "［" || return 1
	e2e_type "年金の手続き"
	e2e_keys Enter
	e2e_wait "提出先" || return 1
	e2e_type "年金事務所"
	e2e_keys Enter
	e2e_wait "My Number card" || return 1
	e2e_type 1
	e2e_keys Enter                                  # ID: My Number card
	e2e_wait "Check your answers" || return 1
	e2e_wait "ヤマダ　ハナコ" || return 1
	e2e_keys End Enter
	e2e_wait "too small to show the code" || return 1
	e2e_keys s
	e2e_wait "Saved the slip" 20 || return 1
	e2e_keys p
	e2e_wait "Saved the code as an image" || return 1
}

if walk; then pass "e2e/demo-walk-80x24"; else fail "e2e/demo-walk-80x24"; fi

png=$(ls "$tmp"/yorisoi-juminhyo-*.png 2>/dev/null | grep -v -- -slip.png | head -1)
expected='{"form": "juminhyo", "form_version": 1, "lang": "en", "answers": {"relation": "self", "name": "山田　花子", "kana": "ヤマダ　ハナコ", "address": "東京都千代田区千代田1-1", "birth": "1950-04-01", "phone": "03-1234-5678", "kind": "all", "copies": "2", "items": "head honseki", "purpose": "other", "purpose_other": "年金の手続き", "submit_to": "年金事務所", "id_doc": "mynumber"}}'
if [ -n "$png" ] && zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$png" >"$tmp/scan.txt" 2>/dev/null &&
	"$B/yorisoi" handoff decode <"$tmp/scan.txt" >"$tmp/decoded.json" 2>"$tmp/decode.err" &&
	python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.loads(sys.argv[2]); sys.exit(0 if a==b else 1)' "$tmp/decoded.json" "$expected"; then
	pass "e2e/handoff-png-decodes-to-the-answers"
else
	echo "png=$png" >&2
	cat "$tmp/scan.txt" "$tmp/decoded.json" "$tmp/decode.err" >&2 2>/dev/null
	fail "e2e/handoff-png-decodes-to-the-answers"
fi

# The slip: a PDF and its picture, whose code scans to the same answers.
slip_png=$(ls "$tmp"/yorisoi-juminhyo-*-slip.png 2>/dev/null | head -1)
slip_pdf=$(ls "$tmp"/yorisoi-juminhyo-*-slip.pdf 2>/dev/null | head -1)
if [ -n "$slip_pdf" ] && [ -n "$slip_png" ] &&
	zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$slip_png" >"$tmp/slip-scan.txt" 2>/dev/null &&
	"$B/yorisoi" handoff decode <"$tmp/slip-scan.txt" >"$tmp/slip.json" 2>/dev/null &&
	[ -s "$tmp/slip.json" ] && cmp -s "$tmp/slip.json" "$tmp/decoded.json"; then
	pass "e2e/slip-from-the-console-scans"
else
	fail "e2e/slip-from-the-console-scans"
fi

# Done deletes the draft, the image and the slip.
if e2e_keys d && e2e_wait "Has the resident got the code" && e2e_keys y &&
	e2e_wait "The draft was deleted" && [ ! -e "$png" ] && [ ! -e "$slip_pdf" ] &&
	[ ! -e "$slip_png" ] &&
	! e2e_screen | grep -q "saved 20"; then
	pass "e2e/done-deletes-draft-and-image"
else
	fail "e2e/done-deletes-draft-and-image"
fi
e2e_stop

# ---- killed mid-way, resumed ----------------------------------------------
resume() {
	fresh_start "$console" || return 1
	e2e_demo_pin || return 1
	e2e_wait "Question 1 of" || return 1
	e2e_wait "Come-back code for this draft" || return 1
	code=$(e2e_code)
	[ -n "$code" ] || return 1
	e2e_type 1
	e2e_keys Enter Enter
	e2e_wait "katakana" || return 1
	e2e_keys C-u
	e2e_type "ヤマダ"
	e2e_keys Enter Enter Enter
	e2e_wait "phone number" || return 1
	e2e_type "0312345678"
	e2e_keys Enter
	e2e_wait "Which certificate do you need?" || return 1
	e2e_type "4"                                    # move to the 4th choice, not yet confirmed
	# The process dies without warning (the volunteer closes the window).
	pkill -KILL -f "yorisoi --lang en --demo --db $tmp/drafts.db" || return 1
	e2e_stop
	e2e_start 80 24 "$console" || return 1
	e2e_wait "Saved drafts" || return 1
	e2e_wait "6 answers" || return 1
	e2e_keys Down Enter
	e2e_unlock "$code" || return 1
	e2e_wait "Which certificate do you need?" || return 1
	e2e_keys Escape
	e2e_wait "phone number" || return 1
	e2e_wait "0312345678" || return 1
}
if resume; then pass "e2e/killed-then-resumed"; else fail "e2e/killed-then-resumed"; fi
e2e_stop

# ---- a terminal too small, then enlarged ------------------------------------
small() {
	e2e_start 40 10 "$console" || return 1
	e2e_wait "Please make this window larger" || return 1
	tmx resize-window -t t -x 80 -y 24
	e2e_wait "What would you like to do?" || return 1
	tmx resize-window -t t -x 30 -y 8
	e2e_wait "Please make this window" || return 1
	tmx resize-window -t t -x 80 -y 24
	e2e_wait "What would you like to do?" || return 1
}
if small; then pass "e2e/too-small-then-enlarged"; else fail "e2e/too-small-then-enlarged"; fi
e2e_stop

# ---- wide characters: the cursor lands after them -----------------------------
wide() {
	fresh_start "$B/yorisoi --lang en --db $tmp/drafts.db --slip-dir $tmp" || return 1
	e2e_wait "F2: go on without a card" || return 1
	e2e_keys F2
	e2e_wait "Question 1 of" || return 1
	e2e_type 1
	e2e_keys Enter
	e2e_wait "What is your full name?" || return 1
	start=$(e2e_cursor)
	e2e_type "山田a"
	e2e_wait "山田a" || return 1
	x0=${start% *} y0=${start#* }
	now=$(e2e_cursor)
	[ "$now" = "$((x0 + 5)) $y0" ] || { echo "cursor $now, want $((x0 + 5)) $y0" >&2; return 1; }
	e2e_keys Left Left BSpace                       # deletes 山, keeps 田a
	e2e_wait "田a" || return 1
	row=$(e2e_screen | sed -n "$((y0 + 1))p")
	case "$row" in *山*) echo "input row still has 山: $row" >&2; return 1 ;; esac
	now=$(e2e_cursor)
	[ "$now" = "$x0 $y0" ] || { echo "cursor $now after delete, want $x0 $y0" >&2; return 1; }
}
if wide; then pass "e2e/wide-character-cursor"; else fail "e2e/wide-character-cursor"; fi
e2e_stop

# ---- the idle lock clears personal data from the screen ------------------------
idle() {
	fresh_start "$console --idle-lock 2" || return 1
	e2e_wait "tries left" || return 1
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "山田　花子" || return 1
	e2e_wait "Screen locked" 6 || return 1
	e2e_screen | grep -q "山田" && return 1
	e2e_keys Enter
	e2e_wait "山田　花子" || return 1
}
if idle; then pass "e2e/idle-lock-hides-then-resumes"; else fail "e2e/idle-lock-hides-then-resumes"; fi
e2e_stop

# ---- one try left: a second confirmation, and "no" sends nothing ---------------
last_try() {
	fresh_start "$B/yorisoi --lang en --persona tests/data/personas/last-try.persona --db $tmp/drafts.db --slip-dir $tmp" || return 1
	e2e_wait "1 try left before the card locks" || return 1
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "This is the last try" || return 1
	e2e_keys n
	e2e_wait "1 try left before the card locks" || return 1   # nothing was sent
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "This is the last try" || return 1
	e2e_keys y
	e2e_wait "Is this right?" || return 1
}
if last_try; then pass "e2e/last-try-needs-confirmation"; else fail "e2e/last-try-needs-confirmation"; fi
e2e_stop

# ---- a blocked card: no PIN asked, a plain explanation, and a way on ------------
blocked() {
	fresh_start "$B/yorisoi --lang en --persona tests/data/personas/blocked.persona --db $tmp/drafts.db --slip-dir $tmp" || return 1
	e2e_wait "Only the city or town" || return 1
	e2e_screen | grep -q "PIN:" && return 1
	e2e_keys m
	e2e_wait "Question 1 of" || return 1
}
if blocked; then pass "e2e/blocked-card-explained-then-manual"; else fail "e2e/blocked-card-explained-then-manual"; fi
e2e_stop

# ---- a wrong PIN costs one try and says how many are left ------------------------
wrong_pin() {
	fresh_start "$console" || return 1
	e2e_wait "3 tries left" || return 1
	e2e_type 0000
	e2e_keys Enter
	e2e_wait "The PIN was not correct. 2 tries are left" || return 1
	e2e_wait "2 tries left before the card locks" || return 1
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "Is this right?" || return 1
}
if wrong_pin; then pass "e2e/wrong-pin-costs-one-try"; else fail "e2e/wrong-pin-costs-one-try"; fi
e2e_stop
