#!/bin/sh
# Themes for older eyes (issue 16): F4 cycles default, high contrast and
# monochrome and says which is on; the settings file's theme and --theme
# choose one; NO_COLOR gives no colour (unless --theme asks for one);
# monochrome draws no colour but the QR code's; a terminal without colours
# draws every theme with attributes; the cursor stays on the focus.
# The screens are captured with their escapes (tmux capture-pane -e).
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-themes.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
# e2e_start sets NO_COLOR=1; "NO_COLOR=" after it takes it away again
run="NO_COLOR= $B/yorisoi --lang en --demo --slip-dir $tmp"

# the screen with its SGR escapes
screen_e() { tmx capture-pane -e -p -t t; }

# colours [qr]: the colour SGRs (30-37, 40-47, 90-97, 100-107, 38;5;N,
# 48;5;N, 38;2;R;G;B) of the screen on stdin, one "line:code" each. With
# "qr", black on white (30, 47) is the QR code's and allowed, but only
# where what is drawn in it is the code: blanks and ▀ ▄ █.
colours() {
	python3 -c '
import re, sys
qr = len(sys.argv) > 1
fg = bg = None
for n, line in enumerate(sys.stdin, 1):
    pos = 0
    for m in list(re.finditer(r"\x1b\[([0-9;:]*)m", line)) + [None]:
        text = line[pos:m.start() if m else len(line)].rstrip("\n")
        if qr and (fg == 30 or bg == 47) and re.sub("[ \u2580\u2584\u2588]", "", text):
            print("%d:text-in-qr-colours:%s" % (n, text))
        if not m:
            break
        pos = m.end()
        ps = m.group(1).split(";") if m.group(1) else ["0"]
        k = 0
        while k < len(ps):
            p = ps[k]
            if p in ("38", "48"):
                step = 3 if ps[k + 1:k + 2] == ["5"] else 5
                print("%d:%s" % (n, ";".join(ps[k:k + step])))
                k += step
                continue
            k += 1
            v = int(p) if p.isdigit() else -1
            if v in (0, 39):
                fg = None
            if v in (0, 49):
                bg = None
            if not (30 <= v <= 37 or 40 <= v <= 47 or 90 <= v <= 97 or 100 <= v <= 107):
                continue
            if 30 <= v <= 37:
                fg = v
            if 40 <= v <= 47:
                bg = v
            if qr and v in (30, 47):
                continue
            print("%d:%s" % (n, p))
' "$@"
}

# which_theme: the theme the screen looks drawn in, by its title bar:
# black on yellow (43) is high contrast, white on blue (44) the default,
# no colour at all monochrome.
which_theme() {
	c=$(screen_e | head -n 1 | colours | cut -d: -f2)
	all=$(screen_e | colours)
	if echo "$c" | grep -qx 43; then
		echo high-contrast
	elif echo "$c" | grep -qx 44; then
		echo default
	elif [ -z "$all" ]; then
		echo monochrome
	else
		echo "unknown"
	fi
}

# expect_theme NAME CHECK: a FAIL unless the screen is drawn in theme NAME
expect_theme() {
	sleep 0.3 # the frame after the awaited text
	got=$(which_theme)
	if [ "$got" = "$1" ]; then
		pass "themes/$2"
	else
		echo "theme: want $1, got $got" >&2
		screen_e | cat -v >&2
		fail "themes/$2"
	fi
}

# cursor_on TEXT CHECK: the cursor's row shows TEXT (the focused item)
cursor_on() {
	sleep 0.3
	cy=$(e2e_cursor | cut -d' ' -f2)
	row=$(e2e_screen | sed -n "$((cy + 1))p")
	if printf '%s\n' "$row" | grep -qF -- "$1"; then
		pass "themes/$2"
	else
		echo "cursor row $cy is \"$row\", not on \"$1\"" >&2
		fail "themes/$2"
	fi
}

# F4 on any screen cycles the themes and says which one is on; the cursor
# stays on the focus in each.
e2e_start 80 24 "$run --db $tmp/f4.db"
if e2e_wait "What would you like to do?"; then
	expect_theme default "default-without-settings"
	screen_e >"$tmp/default.txt"
	e2e_keys F4
	if e2e_wait "Theme: High contrast. F4 changes it."; then
		expect_theme high-contrast "f4-high-contrast"
		screen_e >"$tmp/hc.txt"
		if cmp -s "$tmp/default.txt" "$tmp/hc.txt"; then
			fail "themes/high-contrast-differs-from-default"
		else
			pass "themes/high-contrast-differs-from-default"
		fi
		cursor_on "> Start a new application" "f4-cursor-on-focus"
	else
		fail "themes/f4-high-contrast"
	fi
	e2e_keys F4
	if e2e_wait "Theme: Monochrome. F4 changes it."; then
		expect_theme monochrome "f4-monochrome"
	else
		fail "themes/f4-monochrome"
	fi
	e2e_keys F4
	if e2e_wait "Theme: Default colours. F4 changes it."; then
		expect_theme default "f4-back-to-default"
	else
		fail "themes/f4-back-to-default"
	fi
	# said once: the next key takes the line away, the theme stays
	e2e_keys Down
	sleep 0.5
	if e2e_screen | grep -q "Theme:"; then
		fail "themes/f4-line-goes-with-the-next-key"
	else
		pass "themes/f4-line-goes-with-the-next-key"
	fi
	# on a list screen deeper in: the theme line beside the screen's own
	e2e_keys Up Enter
	if e2e_wait "Which procedure is this visit for?"; then
		e2e_keys F4
		if e2e_wait "Theme: High contrast"; then
			cursor_on "1." "f4-on-the-procedure-list-cursor"
			expect_theme high-contrast "f4-on-the-procedure-list"
		else
			fail "themes/f4-on-the-procedure-list"
		fi
	else
		fail "themes/f4-on-the-procedure-list (no procedure list)"
	fi
else
	fail "themes/f4 (the start screen never appeared)"
fi
e2e_stop

# The settings file chooses the theme; a wrong value is a problem with its
# file:line, and the default applies.
printf 'theme = high-contrast\n' >"$tmp/hc.conf"
printf '# themes\ntheme = purple\n' >"$tmp/bad.conf"
printf 'theme = monochrome\n' >"$tmp/mono.conf"
e2e_start 80 24 "$run --config $tmp/hc.conf --db $tmp/c1.db"
if e2e_wait "What would you like to do?"; then
	expect_theme high-contrast "setting-high-contrast"
else
	fail "themes/setting-high-contrast (no start screen)"
fi
e2e_stop
e2e_start 80 24 "$run --config $tmp/bad.conf --db $tmp/c2.db"
if e2e_wait "A setting was not used" &&
	e2e_screen | tr '\n' ' ' | tr -s ' ' |
	grep -qF "bad.conf:2: theme is default, high-contrast or monochrome."; then
	expect_theme default "setting-wrong-value-default-applies"
	# F4's line comes after a notice already there, never instead of it
	# (a notice may hold a come-back code to write down)
	e2e_keys F4
	if e2e_wait "Theme: High contrast" && e2e_screen | grep -q "A setting was not used"; then
		pass "themes/f4-keeps-the-notice"
	else
		fail "themes/f4-keeps-the-notice"
	fi
else
	fail "themes/setting-wrong-value-default-applies (no problem shown)"
fi
e2e_stop

# --theme wins over the settings file
e2e_start 80 24 "$run --theme monochrome --config $tmp/hc.conf --db $tmp/c3.db"
if e2e_wait "What would you like to do?"; then
	expect_theme monochrome "option-over-setting"
else
	fail "themes/option-over-setting (no start screen)"
fi
e2e_stop
if "$B/yorisoi" --theme purple --lang en >/dev/null 2>"$tmp/err.txt" ||
	! grep -q "default, high-contrast or monochrome" "$tmp/err.txt"; then
	cat "$tmp/err.txt" >&2
	fail "themes/option-wrong-value-refused"
else
	pass "themes/option-wrong-value-refused"
fi

# NO_COLOR: no colour escapes at all, even with a colour theme set; --theme
# on the command line still gives one.
e2e_start 80 24 "NO_COLOR=1 $B/yorisoi --lang en --demo --config $tmp/hc.conf --db $tmp/n1.db"
if e2e_wait "What would you like to do?"; then
	sleep 0.3
	found=$(screen_e | colours)
	if [ -z "$found" ] && screen_e | grep -q "$(printf '\033')\[7m"; then
		pass "themes/no-color-no-colour-escapes"
	else
		echo "colour SGRs under NO_COLOR: $found" >&2
		fail "themes/no-color-no-colour-escapes"
	fi
else
	fail "themes/no-color-no-colour-escapes (no start screen)"
fi
e2e_stop
e2e_start 80 24 "NO_COLOR=1 $B/yorisoi --lang en --demo --theme high-contrast --db $tmp/n2.db"
if e2e_wait "What would you like to do?"; then
	expect_theme high-contrast "no-color-but-theme-option"
else
	fail "themes/no-color-but-theme-option (no start screen)"
fi
e2e_stop

# A terminal without colours (vt100): every theme drawn with attributes
# only, and F4 still works.
for theme in default high-contrast monochrome; do
	e2e_start 80 24 "TERM=vt100 $run --theme $theme --db $tmp/vt-$theme.db"
	if e2e_wait "What would you like to do?"; then
		sleep 0.3
		found=$(screen_e | colours)
		# the title bar still stands out: reverse video from its first cell
		if [ -z "$found" ] && screen_e | head -n 1 | grep -qE "^$(printf '\033')\[([0-9;]*;)?7m"; then
			pass "themes/vt100-$theme-attributes-only"
		else
			echo "colour SGRs on vt100: $found" >&2
			fail "themes/vt100-$theme-attributes-only"
		fi
		e2e_keys F4
		e2e_wait "F4 changes it." || fail "themes/vt100-$theme-f4"
	else
		fail "themes/vt100-$theme-attributes-only (no start screen)"
	fi
	e2e_stop
done

# Monochrome from the language screen to the QR code: no colour anywhere
# but the code's black on white, and the cursor on the focus of each screen.
mono_clean() { # CHECK
	sleep 0.3
	found=$(screen_e | colours qr)
	if [ -z "$found" ]; then
		pass "themes/monochrome-$1"
	else
		echo "colour SGRs in monochrome: $found" >&2
		screen_e | cat -v >&2
		fail "themes/monochrome-$1"
	fi
}
e2e_start 120 40 "NO_COLOR= $B/yorisoi --demo --slip-dir $tmp --theme monochrome --db $tmp/m.db"
walk_mono() {
	e2e_wait "Choose the language" || return 1
	mono_clean language
	cursor_on "> 1." "cursor-language"
	e2e_keys Down Enter
	e2e_wait "Start a new application" || return 1
	mono_clean start
	cursor_on "> Start a new application" "cursor-start"
	e2e_keys Enter
	e2e_wait "Which procedure is this visit for?" || return 1
	cursor_on "1." "cursor-pick-procedure"
	e2e_type 4
	e2e_keys Enter
	e2e_wait "tries left" || return 1
	cursor_on "PIN:" "cursor-pin"
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "Is this right?" || return 1
	cursor_on "Is this right?" "cursor-identity"
	e2e_keys Enter
	e2e_wait "Question 1 of" || return 1
	mono_clean question
	e2e_type 1
	e2e_keys Enter
	e2e_wait "What is your full name?" || return 1
	cursor_on "山田　花子" "cursor-text-question"
	e2e_keys Enter
	e2e_wait "katakana" || return 1
	e2e_type "やまだ はなこ"
	e2e_keys Enter
	e2e_wait "What is your address?" || return 1
	e2e_keys Enter
	e2e_wait "昭和25年4月1日" || return 1
	e2e_keys Enter
	e2e_wait "phone number" || return 1
	e2e_type "x"
	e2e_keys Enter
	e2e_wait "Error:" || return 1
	mono_clean error
	e2e_keys BSpace
	e2e_cert_to_review 0312345678 || return 1
	mono_clean review
	cursor_on "> Whose certificate" "cursor-review"
	e2e_keys End
	cursor_on "> Everything is right" "cursor-review-finish"
	e2e_keys Enter
	e2e_wait "Handoff code" || return 1
	mono_clean qr-code
	# the cursor on the code's first row (its black on white), at its left
	sleep 0.3
	cx=$(e2e_cursor | cut -d' ' -f1) cy=$(e2e_cursor | cut -d' ' -f2)
	row=$(screen_e | sed -n "$((cy + 1))p")
	before=$(printf '%s\n' "$row" | sed 's/\x1b\[30m.*//; s/\x1b\[[0-9;]*m//g')
	if printf '%s\n' "$row" | grep -q "$(printf '\033')\[30m" && [ "${#before}" -eq "$cx" ]; then
		pass "themes/cursor-handoff"
	else
		echo "cursor $cx $cy not on the code" >&2
		fail "themes/cursor-handoff"
	fi
	# the code itself is still black on white
	if screen_e | grep -q "$(printf '\033')\[30m"; then
		pass "themes/monochrome-qr-stays-black-on-white"
	else
		fail "themes/monochrome-qr-stays-black-on-white"
	fi
}
if walk_mono; then pass "themes/monochrome-walk"; else fail "themes/monochrome-walk"; fi
e2e_stop

# The idle lock: the cursor on its "Press Enter" line.
e2e_start 80 24 "$run --idle-lock 1 --db $tmp/l.db"
if e2e_wait "Start a new application" && e2e_keys Enter &&
	e2e_wait "Which procedure is this visit for?" && e2e_wait "Screen locked" 10; then
	cursor_on "Press Enter to go on." "cursor-lock"
else
	fail "themes/cursor-lock (never locked)"
fi
e2e_stop

# The come-back code screen, in the default theme: the cursor in the box.
e2e_start 80 24 "$run --db $tmp/u.db"
walk_unlock() {
	e2e_cert_to_phone || return 1
	e2e_keys F10
	e2e_wait "come-back code is" || return 1
	e2e_keys Down Enter
	e2e_wait "come-back code of this draft" || return 1
	cursor_on "Code:" "cursor-unlock"
}
walk_unlock || fail "themes/cursor-unlock (the screen never appeared)"
e2e_stop

# The last-try warning, in high contrast: the cursor on its question.
e2e_start 80 24 "NO_COLOR= $B/yorisoi --lang en --theme high-contrast --persona tests/data/personas/last-try.persona --db $tmp/p.db --slip-dir $tmp"
walk_last_try() {
	e2e_wait "Start a new application" || return 1
	e2e_keys Enter
	e2e_wait "Which procedure is this visit for?" || return 1
	e2e_type 4
	e2e_keys Enter
	e2e_wait "1 try left before the card locks" || return 1
	e2e_type 1234
	e2e_keys Enter
	e2e_wait "This is the last try" || return 1
	expect_theme high-contrast "last-try-high-contrast"
	cursor_on "Send this PIN to the card?" "cursor-last-try"
}
walk_last_try || fail "themes/cursor-last-try (the screen never appeared)"
e2e_stop
