#!/bin/sh
# Extracts every translatable string into locales/yorisoi.pot — from the C
# sources (tui/, the only C that talks to people) and, through the ITS rules
# in forms/form.its, from the procedure definitions — then merges it into
# each catalogue in LINGUAS. English is the source language: en.po is filled
# with msgen. With --check nothing is written: it fails when a catalogue is
# out of date, incomplete or fuzzy, or when msgfmt -c finds a problem.
set -eu
cd "$(dirname "$0")/.."

check=0
[ "${1:-}" = --check ] && check=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
	--keyword=ngettext:1,2 --add-comments=L10N --package-name=yorisoi \
	--msgid-bugs-address=yorisoi@localhost --sort-by-file \
	-o "$tmp/c.pot" tui/*.c tui/console/*.c tui/cli/*.c tui/counter/*.c
xgettext --its=forms/form.its --from-code=UTF-8 --add-comments \
	-o "$tmp/forms.pot" forms/*.xml forms/lists/*.xml
msgcat --use-first -o "$tmp/yorisoi.pot" "$tmp/c.pot" "$tmp/forms.pot"

status=0
if [ $check -eq 0 ]; then
	cp "$tmp/yorisoi.pot" locales/yorisoi.pot
fi
for lang in $(cat locales/LINGUAS); do
	po=locales/$lang.po
	if [ ! -f "$po" ]; then
		msginit --no-translator --locale="$lang" -i "$tmp/yorisoi.pot" -o "$tmp/$lang.po" 2>/dev/null
	else
		msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/yorisoi.pot"
	fi
	if [ "$lang" = en ]; then
		msgen -o "$tmp/$lang.po" "$tmp/$lang.po"
	fi
	if [ $check -eq 1 ]; then
		untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
		fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
		# msgattrib prints the header entry too when anything is left.
		[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
		[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
		if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
			echo "$po: $untranslated untranslated, $fuzzy fuzzy" >&2
			status=1
		fi
		msgfmt -c --check-format -o /dev/null "$tmp/$lang.po" || status=1
	else
		cp "$tmp/$lang.po" "$po"
	fi
done
exit $status
