#!/bin/sh
# Every procedure in forms/ completed in the console and handed off, as a
# volunteer would: for each reference household (tests/data/households/*.json)
# tests/e2e/drive_form.py drives the real console in tmux through the whole
# form with that household's card and answers in a 120×40 terminal, reads
# the handoff code off the screen (half blocks to an image, its quiet zone
# inside the window) and from the saved PNG, scans both with zbarimg,
# decodes them with `yorisoi handoff decode` and compares the answers with
# the household's. One form is also walked at 80×24 (too small: the image
# only), and one with a postal code that covers many places (the pick
# screen, scrolled). Prints PASS/FAIL lines; details of a failure on stderr.
#
# YORISOI_E2E_LANGS (default "en") lists the languages to walk every form
# in, e.g. "en ja vi" ("all": every language of $BUILD/locale/LINGUAS). The
# driver reads the console's texts and the forms' labels from that
# language's catalogue, so a PASS proves `yorisoi --lang LL` completes the
# procedure in LL. Names carry the language when it is not en
# (e2e-form/vi/tennyu); English names stay e2e-form/tennyu.
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
export BUILD="$B"

# The sanitizer build is several times slower: scale every timeout.
case "$B" in
*asan*) : "${E2E_SCALE:=4}" ;;
*) : "${E2E_SCALE:=1}" ;;
esac
export E2E_SCALE

missing=
for tool in tmux zbarimg python3; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	echo "missing:$missing" >&2
	echo "FAIL: e2e-form/tools"
	exit 1
fi

langs=${YORISOI_E2E_LANGS:-en}
if [ "$langs" = all ]; then
	langs=$(cat "$B/locale/LINGUAS" 2>/dev/null)
	[ -n "$langs" ] || langs=en
fi

rc=0
drive() {
	python3 tests/e2e/drive_form.py --lang "$lang" "$@" || rc=1
}

for lang in $langs; do
	if [ "$lang" = en ]; then
		tag=e2e-form
	else
		tag=e2e-form/$lang
		# The console takes only the languages it lists, with a catalogue.
		if [ ! -f "$B/locale/$lang/LC_MESSAGES/yorisoi.mo" ] ||
			! tr ' \t' '\n\n' <"$B/locale/LINGUAS" | grep -qx -- "$lang"; then
			echo "no catalogue for $lang in $B/locale (or not in $B/locale/LINGUAS)" >&2
			echo "FAIL: $tag/catalogue"
			rc=1
			continue
		fi
	fi
	started=$(date +%s)
	for h in tests/data/households/*.json; do
		drive --size 120x40 --screen-code "$h"
	done
	drive --size 80x24 --name tennyu-80x24 tests/data/households/tennyu.json
	drive --postal-pick --name tenshutsu-postal-pick tests/data/households/tenshutsu.json
	# a household of six (tests/households/generate.py --seed 11 --size 6
	# --nationality ph): too large for one code on the screen, so its parts
	# are scanned one after the other (in English and Japanese only: the
	# walk is long)
	case $lang in en | ja)
		drive --size 120x40 --screen-code --name tennyu-household-of-6 \
			tests/data/households-large/tennyu-6.json ;;
	esac
	echo "$tag: $(($(date +%s) - started))s" >&2
done

# Every form has a household (a new form without one is not proven);
# checked once, with the English walk.
case " $langs " in *" en "*) ;; *) exit $rc ;; esac
for f in forms/*.xml; do
	id=$(basename "$f" .xml)
	if [ -f "tests/data/households/$id.json" ]; then
		echo "PASS: e2e-form/has-household/$id"
	else
		echo "no tests/data/households/$id.json for $f" >&2
		echo "FAIL: e2e-form/has-household/$id"
		rc=1
	fi
done
exit $rc
