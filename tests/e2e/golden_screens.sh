#!/bin/sh
# Golden screens (the tmux model): the console at 80×24 must show exactly
# the saved screen, with the cursor where the saved file says. A failed
# comparison keeps the new capture beside the expected one.
# Refresh after an intended change: YORISOI_GOLDEN_UPDATE=1 sh tests/e2e/golden_screens.sh
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-golden.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
# The desk's signing key goes to the test's folder, not the home folder.
export XDG_DATA_HOME="$tmp/data"

# shot NAME TEXT : waits for TEXT, then compares the screen with golden/NAME.txt;
# a screen that never appears is a FAIL, never a silent pass.
shot() {
	if e2e_wait "$2"; then
		compare "$1"
	else
		fail "golden/$1 (the screen never appeared: no \"$2\")"
	fi
}

# need TEXT : waits for TEXT on a screen that is not compared; a timeout is a FAIL.
need() {
	e2e_wait "$1" || fail "golden/steps (no \"$1\")"
}

# compare NAME : the screen plus a last line "cursor X Y" against golden/NAME.txt
# (with its escapes when GOLDEN_ATTRS is set).
compare() {
	name=$1 want=tests/e2e/golden/$1.txt got=$E2E_LOGS/golden-$1.txt
	sleep 0.3 # let the frame settle after the awaited text appeared
	# masked: a draft's come-back code (random) and its time (the clock's);
	# the rest compared exactly. GOLDEN_ATTRS=1: with the SGR escapes, for
	# the themes' colours and attributes
	{ tmx capture-pane -p ${GOLDEN_ATTRS:+-e} -t t |
		sed 's/[A-Z0-9]\{4\}-[A-Z0-9]\{4\}/XXXX-XXXX/g
			s/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]/YYYY-MM-DD hh:mm/g'
		echo "cursor $(e2e_cursor)"; } >"$got"
	if [ "${YORISOI_GOLDEN_UPDATE:-}" = 1 ]; then
		cp "$got" "$want"
	fi
	if cmp -s "$got" "$want"; then
		pass "golden/$name"
	else
		diff -u "$want" "$got" >&2
		fail "golden/$name"
	fi
}

e2e_start 80 24 "$B/yorisoi --demo --db $tmp/d.db --slip-dir $tmp"
shot language "Choose the language"
e2e_keys Down Enter
shot start-empty "What would you like to do?"
e2e_type "?" # no box for typing here: ? is the help
shot help-start "Keys on every screen"
e2e_keys Escape
need "What would you like to do?"
e2e_keys Enter
shot pick-procedure "Which procedure is this visit for?"
e2e_type 4
e2e_keys Enter
shot pin-demo "tries left"
e2e_type 12
shot pin-typing "**"
e2e_keys BSpace BSpace
e2e_type 1234
e2e_keys Enter
shot card-identity "Is this right?"
e2e_keys Enter
shot question-choice "Question 1 of"
e2e_keys F1
shot help-question "What this question means"
e2e_keys Escape
need "Question 1 of"
e2e_type 1 # nothing is picked for the resident
e2e_keys Enter
shot question-prefilled "From the My Number card"
e2e_stop

# The same console in Japanese: the catalogue is used, and Japanese text
# wraps between characters without starting a line with 、 or 。.
e2e_start 80 24 "$B/yorisoi --demo --db $tmp/d2.db --slip-dir $tmp"
need "Choose the language"
e2e_keys Enter
shot ja-start "新しい"
e2e_keys Enter
shot ja-pick-procedure "1."
e2e_type 4
e2e_keys Enter
shot ja-pin-demo "1234"
e2e_type 1234
e2e_keys Enter
need "山田　花子"
sleep 0.2
e2e_keys Enter
shot ja-question-choice "1問目"
e2e_stop

# The same screens in other scripts: Vietnamese (Latin with stacked
# diacritics), Simplified Chinese (double width), Nepali (Devanagari
# combining marks) and Easy Japanese. Each screen is awaited by text that
# only it shows: its own words from the language's catalogue, or the
# official Japanese terms every language shows beside them.
tr_() { # LANG MSGID: the catalogue's translation, as the console shows it
	python3 -c 'import gettext, sys
t = gettext.translation("yorisoi", sys.argv[1], [sys.argv[2]])
print(t.gettext(sys.argv[3]))' "$B/locale" "$1" "$2"
}
for lang in vi zh_CN ne ja@easy; do
	if ! grep -q -- " $lang \| $lang\$\|^$lang " locales/LINGUAS; then
		echo "SKIP: golden/$lang (no catalogue for it in locales/LINGUAS)"
		continue
	fi
	e2e_start 80 24 "$B/yorisoi --lang $lang --demo --db $tmp/$lang.db --slip-dir $tmp"
	shot "$lang-start" "$(tr_ "$lang" "Start a new application")"
	e2e_keys Enter
	shot "$lang-pick-procedure" "住民票の写し等交付請求書"
	e2e_type 4
	e2e_keys Enter
	shot "$lang-pin-demo" "1234"
	e2e_type 1234
	e2e_keys Enter
	need "山田　花子"
	sleep 0.2
	e2e_keys Enter
	shot "$lang-question-choice" "［請求者と対象者の関係］"
	e2e_stop
done

# The help of a question in the largest window the console is laid out
# for: the whole text without scrolling.
e2e_start 120 40 "$B/yorisoi --lang en --demo --db $tmp/d120.db --slip-dir $tmp"
need "Start a new application"
e2e_keys Enter
need "Which procedure is this visit for?"
e2e_type 4
e2e_keys Enter
e2e_demo_pin || fail "golden/steps (the demo card at 120x40)"
need "Question 1 of"
e2e_keys F1
shot help-question-120x40 "What this question means"
e2e_stop

# Each theme (issue 16) at 80×24 and 120×40, with its attributes and
# colours: the start screen just after F4 switched to the theme (title
# bar, selection, the line naming the theme, key bar), and the PIN screen
# with an error and the input box. Started in the theme before it, so F4
# lands on it; NO_COLOR is taken away, or every theme would be monochrome.
GOLDEN_ATTRS=1
for size in 80x24 120x40; do
	for theme in default high-contrast monochrome; do
		case $theme in
		default) before=monochrome label="Default colours" ;;
		high-contrast) before=default label="High contrast" ;;
		monochrome) before=high-contrast label="Monochrome" ;;
		esac
		e2e_start "${size%x*}" "${size#*x}" \
			"NO_COLOR= $B/yorisoi --lang en --demo --theme $before --db $tmp/t-$theme-$size.db --slip-dir $tmp"
		need "Start a new application"
		e2e_keys F4
		shot "theme-$theme-start-$size" "Theme: $label."
		e2e_keys Enter
		need "Which procedure is this visit for?"
		e2e_type 4
		e2e_keys Enter
		need "tries left"
		e2e_type 12
		e2e_keys Enter
		shot "theme-$theme-pin-error-$size" "Error: The PIN has 4 digits."
		e2e_stop
	done
done
GOLDEN_ATTRS=

# The end of a visit (issue 16) at 80×24 and 120×40: a request answered up
# to the phone number and saved, "Finished with this resident" chosen on
# the start screen, and the screen the next person meets — the language
# screen saying the visit has ended, with nothing of the resident on it.
for size in 80x24 120x40; do
	e2e_start "${size%x*}" "${size#*x}" "$B/yorisoi --demo --db $tmp/e-$size.db --slip-dir $tmp"
	need "Choose the language"
	e2e_keys Down Enter
	e2e_cert_to_phone || fail "golden/steps (the request at $size)"
	e2e_type "03-5550-1234"
	e2e_keys Enter
	need "Which certificate do you need?"
	e2e_keys F10
	need "Saved drafts"
	e2e_keys Down Down
	shot "end-of-visit-choice-$size" "> Finished with this resident"
	e2e_keys Enter
	shot "end-of-visit-$size" "The visit has ended. The next person can start."
	e2e_stop
done
