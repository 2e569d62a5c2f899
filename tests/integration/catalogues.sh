#!/bin/sh
# Every message catalogue is complete and usable:
#  - extracting the strings afresh from tui/ and forms/ and merging them
#    leaves nothing untranslated or fuzzy in any language of LINGUAS, and
#    msgfmt -c (formats, Plural-Forms) accepts each catalogue;
#  - every language in LINGUAS has its catalogue and names itself in its
#    header (X-Language-Name, X-Language-Name-Ja, X-Script), which the
#    console's language menu is built from;
#  - no translation is blank (a label that shows as nothing);
#  - each catalogue uses its glossary term wherever the English source has
#    the term (locales/glossary/), and docs/glossary.md is up to date;
#  - no key bar is wider than its English (locales/keybar_width.py).
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
case "$B" in *asan*) exit 0 ;; esac # the catalogues do not depend on the build
PY=/usr/bin/python3
langs=$(grep -v '^#' locales/LINGUAS)

for l in $langs; do
	if [ -f "locales/$l.po" ]; then
		echo "PASS: locales/$l-has-a-catalogue"
	else
		echo "FAIL: locales/$l-has-a-catalogue (in LINGUAS, no locales/$l.po)"
	fi
done

if sh locales/update-po.sh --check 2>"$B/catalogues.err"; then
	for l in $langs; do echo "PASS: locales/$l-complete"; done
else
	grep -q '^locales/.*untranslated' "$B/catalogues.err" || echo "FAIL: locales/msgfmt-check"
	for l in $langs; do
		if grep -q "^locales/$l.po:" "$B/catalogues.err"; then
			echo "FAIL: locales/$l-complete ($(grep "^locales/$l.po:" "$B/catalogues.err" | cut -d: -f2-))"
		else
			echo "PASS: locales/$l-complete"
		fi
	done
	cat "$B/catalogues.err" >&2
fi

# shellcheck disable=SC2086
$PY - $langs <<'PY'
import sys
import polib

for lang in sys.argv[1:]:
    try:
        po = polib.pofile("locales/%s.po" % lang)
    except OSError:
        continue  # reported above
    missing = [f for f in ("X-Language-Name", "X-Language-Name-Ja", "X-Script", "Plural-Forms")
               if not po.metadata.get(f, "").strip()]
    if po.metadata.get("Language", "") != lang:
        missing.append("Language: %s" % lang)
    print("%s: locales/%s-header%s" % ("FAIL" if missing else "PASS", lang,
                                        " (missing %s)" % ", ".join(missing) if missing else ""))
    blank = []
    for e in po:
        if e.obsolete or not e.msgid.strip():
            continue
        texts = list(e.msgstr_plural.values()) if e.msgid_plural else [e.msgstr]
        if any(t and not t.strip() for t in texts):
            blank.append(e.msgid)
    print("%s: locales/%s-no-blank-translation%s" % ("FAIL" if blank else "PASS", lang,
                                                     " (%r)" % blank[:3] if blank else ""))
PY

# shellcheck disable=SC2086
$PY locales/glossary/check.py $(echo "$langs" | tr ' ' '\n' | grep -v '^en$')
# each key bar no wider than the English (locales/keybar_width.py)
# shellcheck disable=SC2086
$PY locales/keybar_width.py $(echo "$langs" | tr ' ' '\n' | grep -v '^en$')
tmpmd=$(mktemp)
# shellcheck disable=SC2086
$PY locales/glossary/check.py --md "$tmpmd" $langs
if cmp -s "$tmpmd" docs/glossary.md; then
	echo "PASS: locales/glossary-doc-up-to-date"
else
	echo "FAIL: locales/glossary-doc-up-to-date (run: /usr/bin/python3 locales/glossary/check.py --md docs/glossary.md $(echo $langs))"
fi
rm -f "$tmpmd"

# --help speaks the language --lang names, before or after it, and so does
# every command's --help.
B=${BUILD:-build}
for args in "--lang ja --help" "--help --lang ja" "--lang ja doctor --help" "--lang ja forms --help"; do
	# shellcheck disable=SC2086
	if "$B/yorisoi" $args 2>&1 | grep -q '使い方'; then
		echo "PASS: locales/help-in-language[$args]"
	else
		echo "FAIL: locales/help-in-language[$args]"
	fi
done
