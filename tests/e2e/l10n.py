"""What the console shows in the language under test, for drive_form.py.

The driver knows the console's texts by their English msgids and the form's
texts as written in forms/*.xml; this module turns them into what the
console draws in any installed language, from the same catalogues
($BUILD/locale/<lang>/LC_MESSAGES/yorisoi.mo) read with Python's gettext:

  L10n.console(msgid)   _(): the resident's catalogue, else the English msgid
  L10n.nconsole(s, p, n)  ngettext() likewise
  L10n.form(msgid)      F_(): the resident's catalogue, else the Japanese one,
                        else the msgid (tui/i18n.c i18n_form)

Both follow glibc's lookup with LANGUAGE=<lang>: "ja@easy" is looked up in
ja@easy, then ja; "zh_CN" in zh_CN, then zh (when such a catalogue exists).

A printf format from a catalogue becomes a regular expression with
format_regex() (positional %1$d/%2$s kept apart, a repeated argument
matched as the same text) or a string with cformat().

Screen text is compared without white space (norm): the console wraps a
paragraph at spaces, which it drops, or between two wide characters, so a
text wrapped over lines reads the same once the white space is gone, in any
script. shown() also accepts a text cut at the edge of the window or after
its last allowed line (draw_str and draw_para crop), when enough of its
beginning is there. cut_from() tells whether a line is the first row of a
longer text that the console wrapped and cut there (its line-break rule,
tui/width.c width_wrap). cells() turns a captured line into terminal
columns (wide characters take two, combining marks none), as glibc's
wcwidth says, which is what the console's own column arithmetic uses.
Standard library only.
"""
import ctypes
import gettext
import locale
import os
import re
import unicodedata


def norm(s):
    """Text without any white space: labels wrap over lines at spaces."""
    return re.sub(r"\s+", "", s or "")


# ---- columns -------------------------------------------------------------------

_wcwidth = None
try:
    locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    _wcwidth = ctypes.CDLL(None).wcwidth
    _wcwidth.argtypes = [ctypes.c_wchar]
    _wcwidth.restype = ctypes.c_int
    if _wcwidth("\u65e5") != 2:  # not a UTF-8 locale after all
        _wcwidth = None
except (locale.Error, OSError, AttributeError):
    _wcwidth = None


def char_width(c):
    """Columns of one character as the console counts them (tui/width.c:
    wcwidth, and 1 where wcwidth says -1)."""
    if _wcwidth is not None:
        w = _wcwidth(c)
        return 1 if w < 0 else w
    # Without glibc: the same in outline.
    if unicodedata.category(c) in ("Mn", "Me", "Cf") or c == "\u200b":
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def width(s):
    return sum(char_width(c) for c in s)


def cells(line):
    """A captured line as terminal cells: one string a column, "" for the
    right half of a wide character, combining marks kept with their base."""
    out = []
    for c in line:
        w = char_width(c)
        if w == 0 and out:
            # onto the character before (the left half when it is wide)
            k = -2 if out[-1] == "" and len(out) >= 2 else -1
            out[k] += c
        elif w == 2:
            out += [c, ""]
        else:
            out.append(c)
    return out


# ---- printf formats --------------------------------------------------------------

_CONV = re.compile(r"%(?:(\d+)\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                   r"(?:hh|h|ll|l|j|z|t|L)?([diouxXscfeEgG%])")


def _split(fmt):
    """[(literal, None) | (None, (arg number, conversion))] of a format."""
    out, pos, seq = [], 0, 0
    for m in _CONV.finditer(fmt):
        if m.start() > pos:
            out.append((fmt[pos:m.start()], None))
        if m.group(2) == "%":
            out.append(("%", None))
        else:
            if m.group(1):
                n = int(m.group(1))
            else:
                seq += 1
                n = seq
            out.append((None, (n, m.group(2))))
        pos = m.end()
    if pos < len(fmt):
        out.append((fmt[pos:], None))
    return out


def _loose(text, nospace):
    """A literal as a pattern: white space optional (or gone, for text
    compared with norm())."""
    if nospace:
        return re.escape(norm(text))
    return r"\s*".join(re.escape(p) for p in re.split(r"\s+", text))


def format_regex(fmt, values=None, nospace=False):
    """A printf format as a regular expression. Argument n is the group
    "a<n>"; values maps n to the text it is known to be (matched
    literally); any other %d is digits, any other %s some text. With
    nospace the pattern is for text passed through norm()."""
    values = values or {}
    seen, out = set(), []
    for lit, conv in _split(fmt):
        if conv is None:
            out.append(_loose(lit, nospace))
            continue
        n, c = conv
        if n in seen:
            out.append("(?P=a%d)" % n)
            continue
        seen.add(n)
        if n in values:
            body = _loose(str(values[n]), nospace)
        elif c in "diouxX":
            body = r"\d+"
        else:
            body = r".+?"
        out.append("(?P<a%d>%s)" % (n, body))
    return "".join(out)


def cformat(fmt, *args):
    """printf for %d/%s, with positional arguments (%2$d) as catalogues
    may reorder them."""
    out = []
    for lit, conv in _split(fmt):
        out.append(lit if conv is None else str(args[conv[0] - 1]))
    return "".join(out)


def format_literal(fmt):
    """The longest piece of a format between its conversions."""
    parts = [lit for lit, conv in _split(fmt) if conv is None]
    return max(parts, key=lambda p: len(norm(p)), default="")


def format_prefix(fmt):
    """What a format starts with before its first conversion."""
    out = []
    for lit, conv in _split(fmt):
        if conv is not None:
            break
        out.append(lit)
    return "".join(out)


# ---- catalogues ------------------------------------------------------------------


def lookup_names(lang):
    """The catalogues glibc tries for LANGUAGE=lang, most specific first
    (ll_CC@mod, ll@mod, ll_CC, ll)."""
    m = re.match(r"^([^_.@]+)(_[^.@]+)?(\.[^@]+)?(@.+)?$", lang)
    if not m:
        return [lang]
    ll, cc, mod = m.group(1), m.group(2) or "", m.group(4) or ""
    out = []
    for name in (ll + cc + mod, ll + mod, ll + cc, ll):
        if name not in out:
            out.append(name)
    return out


class L10n:
    def __init__(self, lang, build):
        self.lang = lang
        self.dir = os.path.join(build, "locale")
        if lang != "en" and not os.path.exists(self._mo(lang)):
            raise ValueError("no catalogue %s" % self._mo(lang))
        self._console = self._chain(lang)
        # F_(): a string the resident's catalogue lacks is looked up in
        # Japanese (tui/i18n.c); for en and ja the first lookup is all.
        form = self._chain(lang)
        if lang not in ("en", "ja"):
            tail = form
            while getattr(tail, "_fallback", None) is not None:
                tail = tail._fallback
            tail.add_fallback(self._chain("ja"))
        self._form = form

    def _mo(self, name):
        return os.path.join(self.dir, name, "LC_MESSAGES", "yorisoi.mo")

    def _chain(self, lang):
        """The catalogues of lang, each falling back to the next; an empty
        chain gives back the msgid."""
        head = tail = None
        for name in lookup_names(lang):
            path = self._mo(name)
            if not os.path.exists(path):
                continue
            try:
                with open(path, "rb") as f:
                    t = gettext.GNUTranslations(f)
            except (OSError, ValueError) as e:
                raise ValueError("cannot read %s: %s" % (path, e))
            if head is None:
                head = tail = t
            else:
                tail.add_fallback(t)
                tail = t
        return head if head is not None else gettext.NullTranslations()

    def console(self, msgid):
        return self._console.gettext(msgid)

    def nconsole(self, singular, plural, n):
        return self._console.ngettext(singular, plural, n)

    def nconsole_all(self, singular, plural):
        """Every plural form of a message (for a count not known yet)."""
        return sorted(set(self._console.ngettext(singular, plural, n) for n in range(0, 200)))

    def form(self, msgid):
        if not msgid:
            return msgid
        return self._form.gettext(msgid)

    def bilingual(self, msgid, term):
        """tui/values.c bilingual(): the translation with the official
        term beside it, unless they are the same."""
        t = self.form(msgid)
        if not term or t == term or t.startswith(term + "（"):
            return t
        return "%s（%s）" % (t, term)


# ---- the screen --------------------------------------------------------------------

# tui/width.c: a line must not start with these (kinsoku) nor end with those.
_NO_LINE_START = set("、。，．・：；？！ー）」』】〕〉》’”々ゝゞ"
                     "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥％,.:;?!)]}")
_NO_LINE_END = set("（「『【〔〈《‘“([{")


def may_break(prev, c):
    """Whether the console (width_wrap) may end a line between prev and c:
    at a space, or between two characters of which one is wide, unless c
    is a closing mark or prev an opening one."""
    if c == " " or prev == " ":
        return True
    return (char_width(c) == 2 or char_width(prev) == 2) and \
        c not in _NO_LINE_START and prev not in _NO_LINE_END


def cut_from(seen, full):
    """Whether seen is full, or the first line of full when the console
    wraps it and shows one line only (draw_para with max_lines 1): a
    beginning of full that ends where a line may end."""
    seen = seen.rstrip()
    if seen == full:
        return True
    if not seen or not full.startswith(seen):
        return False
    return may_break(seen[-1], full[len(seen)])


def shown(scr, text, min_len=12):
    """Whether text is on the screen: whole, wrapped over lines, or cut
    short at a line's end with at least half of it (and min_len
    characters, or all of a shorter text) there."""
    t = norm(text)
    if not t:
        return True
    flat, ends = "", set()
    for ln in scr.splitlines():
        flat += norm(ln)
        ends.add(len(flat))
    if t in flat:
        return True
    need = min(len(t), max(min_len, len(t) // 2))
    for e in ends:
        for n in range(len(t) - 1, need - 1, -1):
            if e - n >= 0 and flat.startswith(t[:n], e - n):
                return True
    return False


def same_or_cut(seen, text, min_len=6):
    """Whether one line of the screen shows text, or its beginning cut at
    the window's edge."""
    s, t = norm(seen), norm(text)
    return bool(s) and (s == t or (len(s) >= min(len(t), min_len) and t.startswith(s)))
