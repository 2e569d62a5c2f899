#!/usr/bin/python3
"""Checks that each key bar of a catalogue is no wider than its English.

A key bar is the line of keys at the foot of a screen ("↑↓ choose   Enter:
next   Esc: back"): a one-line message of parts three spaces apart, one of
them a key and a colon, with no printf conversion. On an 80-column
terminal a bar wider than the English is cut off and the resident loses
keys (docs/translating.md). Widths are terminal columns as glibc's wcwidth
counts them, the console's own measure. Prints one PASS or FAIL line per
language (the test runner counts them) and the bars that are too wide.

Usage: keybar_width.py LANG ...
"""
import ctypes
import ctypes.util
import locale
import os
import re
import sys

import polib

locale.setlocale(locale.LC_ALL, "C.UTF-8")
LIBC = ctypes.CDLL(ctypes.util.find_library("c"))
LIBC.wcwidth.argtypes = [ctypes.c_wchar]
BAR = re.compile(r"(^|   )[^ :]+( [^ :]+){0,2}: ")


def width(s):
    return sum(max(LIBC.wcwidth(ch), 0) for ch in s)


def is_bar(msgid):
    return "\n" not in msgid and "%" not in msgid and "   " in msgid and BAR.search(msgid)


def main(langs):
    here = os.path.dirname(os.path.abspath(__file__))
    for lang in langs:
        po = polib.pofile(os.path.join(here, lang + ".po"))
        wide = [(e.msgid, e.msgstr) for e in po
                if not e.obsolete and e.msgstr and is_bar(e.msgid)
                and width(e.msgstr) > width(e.msgid)]
        print("%s: locales/%s-key-bars-fit%s" % (
            "FAIL" if wide else "PASS", lang,
            " (%d wider than the English)" % len(wide) if wide else ""))
        for msgid, msgstr in wide:
            print("    %d > %d: %s" % (width(msgstr), width(msgid), msgstr), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
