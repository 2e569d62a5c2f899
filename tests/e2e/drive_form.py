#!/usr/bin/env python3
"""Drives the real console through one procedure, as a volunteer would.

Usage: drive_form.py HOUSEHOLD.json [--size COLSxLINES] [--name NAME] [--postal-pick]
                     [--screen-code] [--lang LL]

For a reference household (tests/data/households/<form>.json) this writes a
demo-card persona from the household's card (PIN 1234; a household without
a card goes on without one), starts `$BUILD/yorisoi --lang LL --persona ...`
in tmux on a private socket, picks the procedure by its official title,
types the PIN, confirms the card, and then answers whatever question is on
the screen: it reads the question label, the official term and the progress
line (whose turn it is in a household list), finds that field in
forms/<form>.xml and answers it from the household's answers. At "Check
your answers" it makes the handoff code, saves it as a PNG, scans it with
zbarimg, reads it back with `yorisoi handoff decode` and compares the
decoded answers with the household's. Then Done (the draft and the image
must go) and quit: the console must exit 0 with nothing from the
sanitizers on stderr.

--screen-code reads the code off the terminal as well: the half blocks of
the captured screen become an image (one module per column, two per line),
which must show the whole code with its 4-module quiet zone inside the
window and decode with zbarimg and `yorisoi handoff decode` to the same
answers (what a counter's scanner aimed at the screen gets).

--lang LL (default en) runs the console in that language: every text the
driver waits for and every form label it matches is looked up in the
catalogues the console uses ($BUILD/locale/LL/LC_MESSAGES/yorisoi.mo; form
text falls back to Japanese, as the console's F_() does), and screen text
is compared with white space removed, so that wrapped lines in any script
match (tests/e2e/l10n.py).

--postal-pick moves the household to a postal code that covers many places
(from $BUILD/postal.db), to the last of them, so that the pick screen is
walked and scrolled too.

Prints "PASS: e2e-form/<name>" or "FAIL: e2e-form/<name>" on stdout
("e2e-form/<lang>/<name>" in a language other than en); on a failure the
reason, the last screen and the steps taken go to stderr (and
build/test-logs/e2e-form-[<lang>-]<name>.txt). Standard library only.
BUILD (default "build") names the build directory; E2E_SCALE multiplies every timeout (the
ASan build is slower); E2E_VERBOSE=1 prints the steps taken on a pass too.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import l10n  # noqa: E402
from l10n import norm, same_or_cut, shown  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NS = "{urn:yorisoi:form:1}"
SCALE = float(os.environ.get("E2E_SCALE", "1") or 1)
PIN = "1234"


class Failure(Exception):
    pass


def block_shorthand(official):
    """The shorthand of an official block number and its line on the
    console's list of spellings (engine/blocknum.c): 3番8号 -> ("3-8", 0),
    123番地4 -> ("123-4", 1), 5番地の10 -> ("5-10", 2), 1234番地 ->
    ("1234", 0); (None, -1) for anything else."""
    m = re.fullmatch(r"(\d{1,5})(?:(番)(\d{1,5})(号)|(番地)(\d{1,5})|(番地の)(\d{1,5})"
                     r"|(番地)|(番)|(丁目)(\d{1,5})番(\d{1,5})号)", official)
    if not m:
        return None, -1
    g = m.groups()
    a = g[0]
    if g[1]:
        return "%s-%s" % (a, g[2]), 0
    if g[4]:
        return "%s-%s" % (a, g[5]), 1
    if g[6]:
        return "%s-%s" % (a, g[7]), 2
    if g[8]:
        return a, 0
    if g[9]:
        return a, 1
    return "%s-%s-%s" % (a, g[11], g[12]), 0


# ---- the form definition ---------------------------------------------------


def text_of(el, tag):
    c = el.find(NS + tag)
    return " ".join((c.text or "").split()) if c is not None and c.text else ""


class Field:
    def __init__(self, fid, kind, label, term, repeat, choices, index, prefill=None):
        self.id, self.kind, self.label, self.term = fid, kind, label, term
        self.repeat, self.choices, self.index = repeat, choices, index
        self.prefill = prefill
        self.same_as_previous = False  # a later person starts with the one before's
        self.block_number = False  # 番地・番・号: typed as 3-8, then spelled out
        self.picks = []  # <pick> terms of a text field, offered as a list
        self.shown = label  # the label in the language under test (Driver.texts)

    def __repr__(self):
        return "<field %s%s>" % (self.id, " in " + self.repeat if self.repeat else "")


def load_form(path):
    root = ET.parse(path).getroot()
    form = {
        "id": root.get("id"),
        "title": text_of(root, "title"),
        "label": text_of(root, "label"),
        "fields": [],
        "repeats": {},
    }
    shared = {}
    for ch in root.iter(NS + "choices"):
        shared[ch.get("id")] = ch.findall(NS + "choice")

    def walk(el, repeat):
        for child in el:
            if child.tag == NS + "repeat":
                rid = child.get("id")
                form["repeats"][rid] = {
                    "label": text_of(child, "label"),
                    "term": text_of(child, "term"),
                    "another": text_of(child, "another"),
                }
                walk(child, rid)
            elif child.tag == NS + "section":
                walk(child, repeat)
            elif child.tag == NS + "field":
                add_field(child, repeat)

    def add_field(el, repeat):
        kind = el.get("type")
        cl = el.findall(NS + "choice")
        if el.get("choices"):
            cl = shared.get(el.get("choices"), [])
        choices = [(c.get("id"), text_of(c, "label"), text_of(c, "term")) for c in cl]
        f = Field(el.get("id"), kind, text_of(el, "label"), text_of(el, "term"), repeat,
                  choices, len(form["fields"]), el.get("prefill"))
        f.same_as_previous = el.get("same-as-previous") == "true"
        f.block_number = el.get("block-number") == "true"
        # <pick>: common answers of a text field, offered as a list, or a
        # list of them in lists/NAME.xml beside the form (picks="NAME")
        pl = el.findall(NS + "pick")
        if el.get("picks"):
            pl = ET.parse(os.path.join(os.path.dirname(path), "lists",
                                       el.get("picks") + ".xml")).getroot().findall(NS + "pick")
        f.picks = [text_of(p, "term") for p in pl]
        form["fields"].append(f)
        # other="true": the loader adds "<field>_<choice>" right after.
        for c in cl:
            if c.get("other") != "true":
                continue
            spec = c.find(NS + "specify")
            label = text_of(spec, "label") if spec is not None else ""
            term = text_of(spec, "term") if spec is not None else ""
            if not label:
                label = text_of(c, "label")
            if not term:
                term = "%s（%s）" % (f.term, text_of(c, "term"))
            oid = "%s_%s" % (f.id, c.get("id").replace("-", "_"))
            form["fields"].append(Field(oid, "text", label, term, repeat, [],
                                        len(form["fields"])))

    walk(root, None)
    return form


# ---- tmux ------------------------------------------------------------------


class Tmux:
    def __init__(self):
        self.sock = "yorisoi-e2e-form-%d-%d" % (os.getpid(), int(time.time() * 1000) % 100000)

    def run(self, *args, check=True):
        r = subprocess.run(["tmux", "-L", self.sock] + list(args), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if check and r.returncode != 0:
            raise Failure("tmux %s failed: %s" % (" ".join(args[:2]),
                                                   r.stderr.decode(errors="replace")))
        return r.stdout.decode("utf-8", errors="replace")

    def start(self, cols, lines, command):
        self.run("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", str(cols), "-y",
                 str(lines), command)
        self.run("set-option", "-t", "t", "status", "off", check=False)
        self.path = self.run("display-message", "-p", "#{socket_path}", check=False).strip()

    def screen(self):
        return self.run("capture-pane", "-p", "-t", "t", check=False)

    def keys(self, *keys):
        self.run("send-keys", "-t", "t", *keys)

    def type(self, text):
        if text:
            self.run("send-keys", "-t", "t", "-l", text)

    def kill(self):
        self.run("kill-server", check=False)
        # The server leaves its socket file behind.
        if getattr(self, "path", "") and os.path.basename(self.path) == self.sock:
            try:
                os.unlink(self.path)
            except OSError:
                pass


# ---- the walk ----------------------------------------------------------------


class Driver:
    def __init__(self, household_path, cols, lines, name, postal_pick=False, screen_code=False,
                 lang="en"):
        self.hh_path = household_path
        self.hh = json.load(open(household_path, encoding="utf-8"))
        self.form_id = self.hh["form"]
        self.form = load_form(os.path.join(ROOT, "forms", self.form_id + ".xml"))
        self.cols, self.lines = cols, lines
        self.name = name or self.form_id
        self.build = os.environ.get("BUILD", "build")
        if not os.path.isabs(self.build):
            self.build = os.path.join(ROOT, self.build)
        self.exe = os.path.join(self.build, "yorisoi")
        self.tmp = tempfile.mkdtemp(prefix="yorisoi-e2e-form.")
        self.tmux = Tmux()
        self.log = []
        self.last = ""
        self.asked = set()
        self.last_index = -1
        self.picked = None
        self.cut_who = False
        self.t0 = time.monotonic()
        self.deadline = self.t0 + 60 * SCALE
        self.variant_error = None
        self.screen_code = screen_code
        self.screen_skip = None  # why the code on the screen was not scanned
        self.lang = lang
        try:
            self.l10n = l10n.L10n(lang, self.build)
        except ValueError as e:
            self.variant_error = "no usable catalogue for %s: %s" % (lang, e)
            self.l10n = l10n.L10n("en", self.build)
        self.texts()
        if postal_pick and not self.variant_error:
            try:
                self.use_postal_pick()
            except Failure as e:
                self.variant_error = str(e)

    def texts(self):
        """What the console shows in this language for every text the walk
        waits for or reads, from the catalogues it uses."""
        L = self.l10n
        _ = L.console
        self.T = {
            "start": _("Start a new application"),
            "pick": _("Which procedure is this visit for?"),
            # the persona's card has 3 tries left
            "tries": l10n.cformat(L.nconsole("%d try left before the card locks.",
                                             "%d tries left before the card locks.", 3), 3),
            "confirm": _("Is this right?"),
            "no card": _("D: demo card   F2: go on without a card   Esc: back"),
            "review": _("Check your answers"),
            "same as before": _("The same as the person before — please check it with the "
                                "resident."),
            "postal": _("This postal code covers several places. Which one is the address?"),
            "optional": _("(optional)"),
            "yes add": _("Yes, add another"),
            "no add": _("No, that is everyone"),
            "finish": _("Everything is right: make the handoff code"),
            "handoff": _("S: slip   P: code as image   D: done   Esc: back"),
            # a household too large for one code on the screen: its parts
            "handoff parts": _("N: next code   S: slip   P: code as image   D: done   "
                               "Esc: back"),
            "too small": _("This window is too small to show the code so that it can be "
                           "scanned."),
            "saved": l10n.format_literal(_("Saved the code as an image: %s")),
            "got it": _("Has the resident got the code (scanned or printed)? y: yes, "
                        "finish   n: no"),
            "next": _("What comes next"),
            # the screen that spells out a block number typed as 3-8
            "block": _("↑↓ choose   Enter: use this   Esc: back to the box"),
            # the screen that lists the 丁目 of the postal code's town
            "chome": _("↑↓ choose   Enter: use this   Esc: none of these, type it"),
            # the key bar of the box for an answer not in a <pick> list
            "pick box": _("Enter: next   Esc: back to the list   F10: save and stop"),
            # what an error line starts with ("Error:")
            "error": l10n.format_prefix(_("Error: %s")).strip(),
            # or, when the message comes first, the words after it
            "error words": l10n.format_literal(_("Error: %s")).strip(),
        }
        # "Question 3 of 40  ·  Person moving 2（異動者 2）": a1 and a2 are
        # the position and the total in any order the catalogue puts them.
        # A long line wraps onto a second row, possibly right after the dot.
        # "Code 1 of 2" beside (or under) a code shown in parts
        self.code_of = re.compile(l10n.format_regex(_("Code %zu of %zu"), nospace=True))
        self.progress = re.compile(l10n.format_regex(_("Question %d of %d"))
                                   + r"(?:\s+·(?:\s*(?P<who>.*))?)?$")
        # Form text as F_() shows it.
        F = L.form
        for f in self.form["fields"]:
            f.shown = F(f.label)
        self.repeat_re = {}
        for rid, r in self.form["repeats"].items():
            label = F(r["label"])
            if r["term"]:
                # L10N in steps.c: "%1$s %2$d（%3$s %2$d）", list item, number, term
                who = l10n.format_regex(_("%1$s %2$d（%3$s %2$d）"), {1: label, 3: r["term"]})
            else:
                who = l10n.format_regex(_("%1$s %2$d"), {1: label})
            # "2 People moving so far（異動者）" over up to two lines: the
            # count is argument 1 in every plural form
            so_far = [re.compile(l10n.format_regex(fmt, {2: label, 3: r["term"]}, nospace=True))
                      for fmt in L.nconsole_all("%d %s so far（%s）", "%d %s so far（%s）")]
            self.repeat_re[rid] = (re.compile(who), so_far)

    def use_postal_pick(self):
        """The household moved to a postal code that covers many places (so
        the pick screen appears and has to scroll), to the last of them;
        what the pick fills in is what the household answers."""
        import sqlite3
        fld = [f for f in self.form["fields"]
               if f.kind == "postal" and not f.repeat and f.id in self.hh["answers"]]
        if not fld:
            raise Failure("the household answers no postal code question")
        db = os.path.join(self.build, "postal.db")
        if not os.path.exists(db):
            raise Failure("no postal data at %s" % db)
        c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        code = c.execute("SELECT code FROM postal GROUP BY code HAVING count(*) >= 30 "
                         "ORDER BY count(*) DESC, code LIMIT 1").fetchone()
        if not code:
            raise Failure("no postal code with several places in %s" % db)
        code = code[0]
        rows = c.execute("SELECT prefecture, city, town FROM postal WHERE code = ? AND "
                         "office = '' ORDER BY rowid", (code,)).fetchall()
        c.close()
        pref, city, town = rows[-1]
        self.hh["postal"] = {"postal.prefecture": pref, "postal.city": city, "postal.town": town}
        ans = self.hh["answers"]
        ans[fld[0].id] = code[:3] + "-" + code[3:]
        for f in self.form["fields"]:
            if f.prefill in self.hh["postal"] and not f.repeat:
                ans[f.id] = self.hh["postal"][f.prefill]
        self.note("variant: postal code %s, %d places, the household's is %s %s %s"
                  % (ans[fld[0].id], len(rows), pref, city, town))

    # -- screen helpers --

    def screen(self):
        self.last = self.tmux.screen()
        return self.last

    def check_alive(self, scr):
        if "[yorisoi exited" in scr:
            raise Failure("the console exited or crashed")

    def wait(self, pred, what, limit=10):
        end = time.monotonic() + limit * SCALE
        while True:
            scr = self.screen()
            if pred(scr):
                return scr
            self.check_alive(scr)
            if time.monotonic() > end or time.monotonic() > self.deadline:
                raise Failure("timed out waiting for: %s" % what)
            time.sleep(0.03)

    def wait_text(self, text, limit=10):
        """Waits for a text, wrapped or cut short as the console draws it."""
        return self.wait(lambda s: shown(s, text), repr(text), limit)

    def settle(self):
        """The screen once two captures in a row agree."""
        prev = self.screen()
        end = time.monotonic() + 5 * SCALE
        while time.monotonic() < end:
            time.sleep(0.04)
            cur = self.screen()
            if cur == prev:
                return cur
            prev = cur
        return prev

    def error_line(self, scr):
        for ln in scr.splitlines():
            if self.T["error"]:
                if ln.strip().startswith(self.T["error"]):
                    return ln.strip()
            elif self.T["error words"] and self.T["error words"] in ln:
                return ln.strip()
        return None

    def signature(self, scr):
        """What identifies a screen: the progress line and the question (not
        the answer being typed or the choice being moved to), or its kind."""
        q = self.parse_question(scr)
        if q:
            return ("q", q["pos"], q["total"], q["who"], q["label"], q["term"])
        if shown(scr, self.T["postal"]):
            return ("postal",)
        if shown(scr, self.T["chome"]):
            return ("chome",)
        if shown(scr, self.T["review"]):
            return ("review",)
        return ("other", scr)

    def note(self, msg):
        self.log.append("%6.2fs %s" % (time.monotonic() - self.t0, msg))

    # -- start up --

    def write_persona(self):
        card = self.hh.get("card")
        if not card:
            return None
        birth = card["card.birth"].replace("-", "")
        lines = [
            "# written by tests/e2e/drive_form.py from %s" % os.path.basename(self.hh_path),
            "name = %s" % card["card.name"],
            "address = %s" % card["card.address"],
            "birth = %s" % birth,
            "sex = %s" % card.get("card.sex", "0"),
            "mynumber = 123456789012",
            "pin = %s" % PIN,
            "pin_tries = 3",
        ]
        if card.get("card.name_alpha"):
            lines.insert(2, "name_alpha = %s" % card["card.name_alpha"])
        path = os.path.join(self.tmp, "household.persona")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return path

    def env(self):
        e = {
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "screen-256color",
            "NO_COLOR": "1",
            # This run's own desk key and keys folder, shared with the decoder.
            "XDG_DATA_HOME": os.path.join(self.tmp, "xdg"),
            "HOME": self.tmp,
        }
        if self.hh.get("today"):
            e["YORISOI_TODAY"] = self.hh["today"]
        return e

    def start(self):
        persona = self.write_persona()
        os.makedirs(os.path.join(self.tmp, "xdg"), exist_ok=True)
        argv = [self.exe, "--lang", self.lang]
        if persona:
            argv += ["--persona", persona]
        argv += ["--db", os.path.join(self.tmp, "d.db"), "--slip-dir", self.tmp]
        envs = " ".join("%s=%s" % (k, shlex.quote(v)) for k, v in self.env().items())
        cmd = "env %s %s 2>%s; echo \"[yorisoi exited $?]\"; sleep 30" % (
            envs, " ".join(shlex.quote(a) for a in argv),
            shlex.quote(os.path.join(self.tmp, "stderr.txt")))
        self.tmux.start(self.cols, self.lines, cmd)
        self.note("started %dx%d: %s" % (self.cols, self.lines, " ".join(argv)))

        self.wait_text(self.T["start"], 15)
        self.tmux.keys("Enter")
        self.wait_text(self.T["pick"])
        # the list may still be coming in: read it once the screen is still
        scr = self.settle()
        # An item is "N. label（official title）", wrapped onto a second row
        # when long and cut after it: the title, or failing that the item as
        # far as shown (more than the label).
        digit = None
        full = norm(self.l10n.bilingual(self.form["label"], self.form["title"]))
        label = norm(self.l10n.form(self.form["label"]))
        title = norm(self.form["title"])
        items = self.pick_items(scr)
        for k, text in items:
            if title in norm(text):
                digit = k
        if digit is None:
            for k, text in items:
                if full.startswith(norm(text)) and len(norm(text)) > len(label) + 1:
                    digit = k
                    self.note("the picker cuts the title short: %r" % text)
        if digit is None:
            raise Failure("the procedure %s is not listed" % self.form["title"])
        self.note("procedure %d: %s" % (digit, self.form["title"]))
        if digit <= 9:
            self.tmux.type(str(digit))  # picks the line; Enter goes on
            self.tmux.keys("Enter")
        else:
            self.tmux.keys("Home", *(["Down"] * (digit - 1)), "Enter")
        if persona:
            self.wait_text(self.T["tries"])
            self.tmux.type(PIN)
            self.tmux.keys("Enter")
            self.wait_text(self.T["confirm"])
            scr = self.screen()
            if norm(self.hh["card"]["card.name"]) not in norm(scr):
                raise Failure("the card's name %s is not on the confirmation screen"
                              % self.hh["card"]["card.name"])
            self.tmux.keys("Enter")
        else:
            # No card in the household: go on without one.
            self.wait_text(self.T["no card"])
            self.tmux.type("m")
            self.note("no card: typed every answer")
        self.wait(lambda s: self.parse_question(s) is not None or shown(s, self.T["review"]),
                  "the first question")

    @staticmethod
    def pick_items(scr):
        """[(number, text)] of the procedure list: "N. text" and the row
        the text wraps onto (further in, up to the next item)."""
        items = []
        for ln in scr.splitlines():
            m = re.match(r"^(\s*>?\s*)(\d+)\. (.*?)\s*$", ln)
            if m:
                items.append([int(m.group(2)), m.group(3), len(m.group(1)) + len(m.group(2))])
            elif items and ln.strip() and len(ln) - len(ln.lstrip()) > items[-1][2]:
                items[-1][1] += " " + ln.strip()
                items[-1][2] = 1 << 30  # two rows at most
            elif items:
                items[-1][2] = 1 << 30
        return [(k, text) for k, text, _ in items]

    # -- reading a question screen --

    def parse_question(self, scr):
        lines = scr.splitlines()
        p = None
        for i, ln in enumerate(lines):
            m = self.progress.search(ln.strip())
            if m:
                p = i
                break
        if p is None:
            return None
        progress, i = lines[p].strip(), p + 2
        if i - 1 < len(lines) and lines[i - 1].strip():
            # a long progress line wraps onto a second row (question_draw):
            # at a space, which the console drops, or between wide characters
            nxt = lines[i - 1].strip()
            wide = l10n.char_width(progress[-1]) == 2 or l10n.char_width(nxt[0]) == 2
            progress = progress + ("" if wide else " ") + nxt
            m = self.progress.search(progress) or m
            i += 1
        who = (m.group("who") or "").strip()
        block, term = [], None
        while i < len(lines):
            s = lines[i].strip()
            if not s:
                break
            if s.startswith("［"):
                term = s
                break
            if same_or_cut(s, self.T["optional"], 3):
                break
            block.append(s)
            i += 1
        return {"pos": int(m.group("a1")), "total": int(m.group("a2")), "who": who,
                "progress": progress,
                "label": " ".join(block), "term": term, "lines": lines, "top": p}

    def who_text(self, rid, number):
        """steps.c step_instance_title() in this language."""
        r = self.form["repeats"][rid]
        if r["term"]:
            return l10n.cformat(self.l10n.console("%1$s %2$d（%3$s %2$d）"),
                                self.l10n.form(r["label"]), number, r["term"])
        return l10n.cformat(self.l10n.console("%1$s %2$d"), self.l10n.form(r["label"]), number)

    def instance_of(self, who):
        """(repeat id, instance) from "Person moving 2（異動者 2）"."""
        for rid, (who_re, _) in self.repeat_re.items():
            m = who_re.match(who)
            if m:
                return rid, int(m.group("a2")) - 1
        # The progress line is one row: a long one is cut where a line may
        # break ("子（こ）ども 1" of "子（こ）ども 1 人目（にんめ）（支給要件児童 1）").
        # It says whose turn it is if only one list item can begin so.
        found = [(rid, n - 1) for rid in self.form["repeats"] for n in range(1, 100)
                 if l10n.cut_from(who, self.who_text(rid, n))]
        if len(found) == 1:
            self.note("the progress line is cut short: %r is %s %d"
                      % (who, found[0][0], found[0][1] + 1))
            return found[0]
        if found:
            self.note("the progress line is cut short: %r could be %d list items"
                      % (who, len(found)))
        self.cut_who = len(found) > 1
        return None, 0

    def identify(self, q):
        self.cut_who = False
        rid, inst = self.instance_of(q["who"])
        label = norm(q["label"]).rstrip("…")
        cands = [f for f in self.form["fields"]
                 if label and norm(f.shown).startswith(label) and f.repeat == rid]
        if q["term"]:
            t = norm(q["term"]).rstrip("…")
            cands = [f for f in cands if norm("［%s］" % f.term).startswith(t)]
        if not cands:
            why = ""
            if rid is None and any(f.repeat and norm(f.shown).startswith(label)
                                   for f in self.form["fields"]):
                # a question of a household list, but whose turn is it?
                if self.cut_who or q["progress"].endswith("·"):
                    why = "; the progress line %r is cut short before it says which " \
                          "person of the list the question is about" % q["progress"]
                else:
                    why = "; the progress line %r names no person of a list" % q["progress"]
            raise Failure("no field of %s has the question %r %s (list %s)%s" % (
                self.form_id, q["label"], q["term"] or "", rid, why))
        after = [f for f in cands if f.index > self.last_index]
        f = (after or cands)[0]
        return f, rid, inst

    def wanted(self, f, rid, inst):
        ans = self.hh["answers"]
        if rid:
            lst = ans.get(rid) or []
            if inst >= len(lst):
                raise Failure("the console asks %s of %s %d, but the household has %d"
                              % (f.id, rid, inst + 1, len(lst)))
            return lst[inst].get(f.id)
        return ans.get(f.id)

    # -- answering --

    def send_and_wait(self, before, *keys):
        """Sends keys ending in Enter; waits until the screen moves on or shows an error."""
        self.tmux.keys(*keys)
        sig = self.signature(before)

        def moved(s):
            return self.signature(s) != sig or self.error_line(s) is not None

        self.wait(moved, "the next screen after %s" % (keys,))
        scr = self.settle()
        err = self.error_line(scr)
        if err and self.signature(scr) == sig:
            raise Failure("the console refused the answer: %s" % err)
        return scr

    def answer_choice(self, scr, f, value):
        ids = [c[0] for c in f.choices]
        if value is None:
            # nothing is selected until the resident picks: Enter leaves an
            # optional choice unanswered
            if any(re.match(r"^\s*> \((?:•|\*)\) \d+\. ", ln) for ln in scr.splitlines()):
                raise Failure("%s: a choice is selected before the resident picked one" % f.id)
            return self.send_and_wait(self.screen(), "Enter")
        if value not in ids:
            raise Failure("%s: the household's answer %r is not a choice (%s)"
                          % (f.id, value, " ".join(ids)))
        k = ids.index(value)
        # a number picks the line, two digits on a long list (在留資格)
        self.tmux.type(str(k + 1))
        pat = re.compile(r"^\s*> \((?:•|\*)\) %d\. " % (k + 1))
        self.wait(lambda s: any(pat.match(ln) for ln in s.splitlines()),
                  "choice %d of %s selected" % (k + 1, f.id))
        return self.send_and_wait(self.screen(), "Enter")

    @staticmethod
    def marks(scr):
        out = {}
        for ln in scr.splitlines():
            m = re.match(r"^\s*(>)?\s*\[(x| )\] (\d+)\. ", ln)
            if m:
                out[int(m.group(3)) - 1] = (m.group(2) == "x", bool(m.group(1)))
        return out

    def answer_multi(self, scr, f, value):
        ids = [c[0] for c in f.choices]
        want = set((value or "").split())
        bad = want - set(ids)
        if bad:
            raise Failure("%s: %s not among the choices" % (f.id, " ".join(sorted(bad))))
        n = len(ids)
        marks = self.marks(scr)
        if len(marks) == n:
            for i in range(n):
                if marks[i][0] != (ids[i] in want):
                    if i < 9:
                        self.tmux.type(str(i + 1))
                    else:
                        self.tmux.keys("Home", *(["Down"] * i), "Space")
        else:
            # Not all shown: walk the list from the top, one item at a time.
            self.tmux.keys("Home")
            for i in range(n):
                pat = re.compile(r"^\s*> \[(x| )\] %d\. " % (i + 1))
                s = self.wait(lambda s: any(pat.match(ln) for ln in s.splitlines()),
                              "item %d of %s" % (i + 1, f.id))
                on = [pat.match(ln).group(1) for ln in s.splitlines() if pat.match(ln)][0]
                if (on == "x") != (ids[i] in want):
                    self.tmux.keys("Space")
                    flip = "[ ]" if on == "x" else "[x]"
                    self.wait(lambda s: any(pat.match(ln) and flip in ln
                                            for ln in s.splitlines()), "toggle")
                if i + 1 < n:
                    self.tmux.keys("Down")

        def right(s):
            m = self.marks(s)
            return all(m[i][0] == (ids[i] in want) for i in m)

        self.wait(right, "the ticks of %s to be %s" % (f.id, sorted(want)))
        return self.send_and_wait(self.screen(), "Enter")

    def answer_pick(self, scr, f, value, offered=False):
        """A text field with <pick>s: its list, nothing picked yet (unless
        the person before's answer is offered); an answer on the list by
        its number, any other through the last line ("something else") and
        the box it opens."""
        if not offered and any(re.match(r"^\s*> \((?:•|\*)\) \d+\. ", ln) for ln in scr.splitlines()):
            raise Failure("%s: an answer is picked before the resident picked one" % f.id)
        if value is None:
            return self.send_and_wait(self.screen(), "Enter")
        k = f.picks.index(value) if value in f.picks else len(f.picks)
        # the line's number; digits run on in a long list (line 23: 2, 3)
        self.tmux.type(str(k + 1))
        pat = re.compile(r"^\s*> \((?:•|\*)\) %d\. " % (k + 1))
        self.wait(lambda s: any(pat.match(ln) for ln in s.splitlines()),
                  "line %d of %s selected" % (k + 1, f.id))
        if k < len(f.picks):
            return self.send_and_wait(self.screen(), "Enter")
        self.tmux.keys("Enter")
        scr = self.wait(lambda s: shown(s, self.T["pick box"]), "the box of %s" % f.id)
        self.note("%s: %r typed after the list's last line" % (f.id, value))
        return self.answer_text(scr, f, value)

    def answer_block(self, scr, f, value):
        """A block number as people type it, 3-8 for 3番8号; then the
        official spelling chosen from the screen that lists them, the
        first (住居表示) with Enter, another by its number."""
        short, k = block_shorthand(value or "")
        if short is None:
            return self.answer_text(scr, f, value)
        self.tmux.keys("C-u")
        self.tmux.type(short)
        self.tmux.keys("Enter")
        self.wait(lambda s: shown(s, self.T["block"]), "the spellings of %r" % short)
        if k > 0:
            self.tmux.type(str(k + 1))
            pat = re.compile(r"^\s*> %d\. %s" % (k + 1, re.escape(value)))
            self.wait(lambda s: any(pat.match(ln) for ln in s.splitlines()),
                      "%s selected" % value)
        self.note("%s: typed %r, chose line %d" % (f.id, short, k + 1))
        return self.send_and_wait(self.screen(), "Enter")

    def answer_text(self, scr, f, value):
        self.tmux.keys("C-u")
        self.tmux.type(value or "")
        scr = self.send_and_wait(scr, "Enter")
        if value and shown(scr, self.T["block"]):
            # a room typed bare (ハイツ 402) is offered with 号室; the
            # answer was typed whole, so it is the last line, as typed
            nums = [int(m.group(1)) for m in
                    (re.match(r"^\s*>?\s*(\d+)\. ", ln) for ln in scr.splitlines()) if m]
            if not nums:
                raise Failure("%s: the spelling screen lists no lines" % f.id)
            self.tmux.type(str(max(nums)))
            self.note("%s: %r kept as typed on the spelling screen" % (f.id, value))
            scr = self.send_and_wait(self.screen(), "Enter")
        return scr

    def is_add_another(self, q):
        """The step after each person of a list: choices 1 and 2 are "Yes,
        add another" and "No, that is everyone" (cut at the window's edge
        when long)."""
        items = {}
        for ln in q["lines"][q["top"]:]:
            m = re.match(r"^\s*>?\s*\((?:•|\*| )\) ([12])\. (.*?)\s*$", ln)
            if m:
                items[m.group(1)] = m.group(2)
        return "1" in items and same_or_cut(items["1"], self.T["yes add"]) and \
            same_or_cut(items.get("2", ""), self.T["no add"])

    def answer_add_another(self, q):
        rid, inst = self.instance_of(q["who"])
        count = None
        if rid is None:
            raise Failure("add-another step without a household list on the progress line")
        flat = norm("\n".join(q["lines"][q["top"]:]))
        for so_far in self.repeat_re[rid][1]:
            m = so_far.search(flat)
            if m:
                count = int(m.group("a1"))
                break
        if count is None:
            count = inst
        have = len(self.hh["answers"].get(rid) or [])
        yes = count < have
        self.note("add another to %s (%d so far, household has %d): %s"
                  % (rid, count, have, "yes" if yes else "no"))
        k = 1 if yes else 2
        self.tmux.type(str(k))
        pat = re.compile(r"^\s*> \((?:•|\*)\) %d\. " % k)
        self.wait(lambda s: any(pat.match(ln) for ln in s.splitlines()), "add-another pick")
        return self.send_and_wait(self.screen(), "Enter")

    def pick_postal(self, scr):
        pv = self.hh.get("postal")
        if not pv:
            raise Failure("the postal pick screen appeared, but the household has no postal place")
        want = "%s %s %s" % (pv["postal.prefecture"], pv["postal.city"], pv["postal.town"])
        seen = 0
        for _ in range(200):
            items = []
            sel = None
            for ln in scr.splitlines():
                m = re.match(r"^\s*(>)?\s*(\d+)\. (.*?)\s*$", ln)
                if m:
                    k = int(m.group(2)) - 1
                    items.append((k, m.group(3)))
                    if m.group(1):
                        sel = k
            hit = [k for k, t in items if t == want] or \
                  [k for k, t in items if t.startswith(want + " ")]
            if hit and sel is not None:
                k = hit[0]
                keys = ["Down"] * (k - sel) if k >= sel else ["Up"] * (sel - k)
                self.note("postal pick %d: %s" % (k + 1, want))
                if keys:
                    self.tmux.keys(*keys)
                pat = re.compile(r"^\s*> %d\. " % (k + 1))
                self.wait(lambda s: any(pat.match(ln) for ln in s.splitlines()),
                          "postal line %d selected" % (k + 1))
                self.picked = pv
                return self.send_and_wait(self.screen(), "Enter")
            if not items or sel is None or (items and max(k for k, _ in items) <= seen and seen):
                raise Failure("no line %r on the postal pick screen" % want)
            seen = max(k for k, _ in items)
            # Scroll: move the selection to the last line shown, then one more.
            self.tmux.keys(*(["Down"] * (seen - sel + 1)))
            pat = re.compile(r"^\s*> %d\. " % (seen + 2))
            scr = self.wait(lambda s: any(pat.match(ln) for ln in s.splitlines()),
                            "postal line %d after scrolling" % (seen + 2))
        raise Failure("no line %r on the postal pick screen" % want)

    def pick_chome(self, scr):
        """The 丁目 of the postal code's town: the household's town answer
        when it is a line (its number and Enter, as a person would), else
        Esc to type it at the town question."""
        want = [self.hh["answers"].get(f.id) for f in self.form["fields"]
                if f.prefill == "postal.town" and not f.repeat]
        want = want[0] if want else None
        for ln in scr.splitlines():
            m = re.match(r"^\s*>?\s*(\d+)\. (.*?)\s*$", ln)
            if m and want and m.group(2) == want:
                k = int(m.group(1))
                self.note("丁目 line %d: %s" % (k, want))
                self.tmux.type(str(k))
                pat = re.compile(r"^\s*> %d\. " % k)
                self.wait(lambda s: any(pat.match(ln) for ln in s.splitlines()),
                          "丁目 line %d selected" % k)
                return self.send_and_wait(self.screen(), "Enter")
        self.note("丁目: %r is not listed, Esc" % want)
        return self.send_and_wait(scr, "Escape")

    def walk(self):
        scr = self.settle()
        for _ in range(400):
            if time.monotonic() > self.deadline:
                raise Failure("the walk took longer than %ds" % (60 * SCALE))
            self.check_alive(scr)
            err = self.error_line(scr)
            if err:
                raise Failure("error on screen: %s" % err)
            if shown(scr, self.T["review"]):
                return
            if shown(scr, self.T["postal"]):
                scr = self.pick_postal(scr)
                continue
            if shown(scr, self.T["chome"]):
                scr = self.pick_chome(scr)
                continue
            q = self.parse_question(scr)
            if q is None:
                scr = self.settle()
                if self.parse_question(scr) is None and not shown(scr, self.T["review"]) \
                        and not shown(scr, self.T["postal"]) and not shown(scr, self.T["chome"]):
                    raise Failure("an unexpected screen")
                continue
            if self.is_add_another(q):
                scr = self.answer_add_another(q)
                continue
            f, rid, inst = self.identify(q)
            value = self.wanted(f, rid, inst)
            self.asked.add((rid, inst, f.id))
            self.last_index = f.index
            self.note("Q%d/%d %s%s [%s] = %r" % (q["pos"], q["total"], f.id,
                                                 " (%s %d)" % (rid, inst + 1) if rid else "",
                                                 f.kind, value))
            if self.picked and f.prefill in self.picked and not f.repeat:
                # What the pick filled in is shown before it is typed over.
                if self.picked[f.prefill] not in scr:
                    raise Failure("after the postal pick, %s does not show %r"
                                  % (f.id, self.picked[f.prefill]))
            picked = any(re.match(r"^\s*> \((?:•|\*)\) \d+\. ", ln) for ln in scr.splitlines())
            if f.kind in ("choice", "text") and f.same_as_previous and inst > 0 and picked:
                # a later person of a list starts with the person before's
                # answer, and the screen says so
                if not shown(scr, self.T["same as before"]):
                    raise Failure("%s: the person before's answer is picked without saying so"
                                  % f.id)
                self.note("%s: the person before's answer offered" % f.id)
                scr = self.answer_pick(scr, f, value, offered=True) if f.picks \
                    else self.answer_choice(scr, f, value)
            elif f.kind == "choice":
                # first time asked and nothing to prefill it: no answer is
                # picked for the resident, so Enter alone cannot answer
                if not f.prefill and picked:
                    raise Failure("%s: a choice is selected before the resident picked one"
                                  % f.id)
                scr = self.answer_choice(scr, f, value)
            elif f.kind == "multi":
                scr = self.answer_multi(scr, f, value)
            elif f.picks:
                scr = self.answer_pick(scr, f, value)
            elif f.block_number:
                scr = self.answer_block(scr, f, value)
            else:
                scr = self.answer_text(scr, f, value)
        raise Failure("more than 400 steps")

    def not_asked(self):
        out = []
        for k, v in self.hh["answers"].items():
            if isinstance(v, list):
                for i, inst in enumerate(v):
                    for fk in inst:
                        if (k, i, fk) not in self.asked:
                            out.append("%s[%d].%s" % (k, i, fk))
            elif (None, 0, k) not in self.asked:
                out.append(k)
        return out

    def handoff(self):
        self.tmux.keys("End")

        def finish_selected(s):
            for ln in s.splitlines():
                m = re.match(r"^\s*> (.*)$", ln)
                if m and same_or_cut(m.group(1), self.T["finish"]):
                    return True
            return False

        self.wait(finish_selected, "the finish line selected")
        self.tmux.keys("Enter")
        scr = self.wait(lambda s: shown(s, self.T["handoff"]) or shown(s, self.T["handoff parts"])
                        or self.error_line(s) is not None, "the handoff screen")
        err = self.error_line(scr)
        if err:
            raise Failure("no handoff code: %s" % err)
        if self.cols <= 80 and not shown(scr, self.T["too small"]):
            raise Failure("at %dx%d the handoff screen should say the window is too small"
                          % (self.cols, self.lines))
        if self.screen_code and shown(scr, self.T["too small"]):
            # The console's honest answer for a code larger than the window:
            # it says so and offers the image and the slip, checked below.
            # The reference households' size is bounded by a unit test
            # (handoff_serial_test.c, QR version 13 at ECC M).
            self.screen_skip = ("the code is larger than a %dx%d window shows; the console "
                                "said so, and the saved image carries it" % (self.cols, self.lines))
            self.note("the handoff screen:\n" + scr.rstrip())
        elif self.screen_code:
            self.note("the handoff screen:\n" + scr.rstrip())
            self.on_screen = self.decode(self.scan_parts(scr), "the code on the screen")
        self.tmux.type("p")
        scr = self.wait(lambda s: shown(s, self.T["saved"])
                        or self.error_line(s) is not None, "the saved image")
        err = self.error_line(scr)
        if err:
            raise Failure("the image was not saved: %s" % err)
        pngs = sorted(p for p in os.listdir(self.tmp)
                      if p.startswith("yorisoi-%s-" % self.form_id) and p.endswith(".png"))
        if not pngs:
            raise Failure("no yorisoi-%s-*.png in the slip folder" % self.form_id)
        png = os.path.join(self.tmp, pngs[0])
        self.note("saved %s" % pngs[0])
        r = subprocess.run(["zbarimg", "--nodbus", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", png], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=30 * SCALE)
        if r.returncode != 0 or not r.stdout.strip():
            raise Failure("zbarimg read nothing from %s (exit %d): %s" % (
                png, r.returncode, r.stderr.decode(errors="replace")))
        self.png = png
        return self.decode(r.stdout, "the saved image")

    def code_part(self, scr):
        """(k, n) of "Code k of n" on the screen, or None for a single code."""
        m = self.code_of.search(norm(scr))
        if not m:
            return None
        a1, a2 = int(m.group("a1")), int(m.group("a2"))
        return (a1, a2)

    def scan_parts(self, scr):
        """The code on the screen, or every part of it: each is scanned as
        it is shown, then N shows the next, until all were seen; the
        counter gets them in the order they were scanned."""
        part = self.code_part(scr)
        if part is None:
            return self.scan_screen(scr)
        k, n = part
        if not shown(scr, self.T["handoff parts"]):
            raise Failure("%d codes on the screen, but the key bar does not offer N" % n)
        scans = {}
        for _ in range(n):
            scans[k] = self.scan_screen(scr).strip()
            self.note("scanned code %d of %d on the screen" % (k, n))
            want = k % n + 1
            self.tmux.type("n")
            scr = self.wait(lambda s: self.code_part(s) == (want, n),
                            "code %d of %d on the screen" % (want, n))
            k = want
        if sorted(scans) != list(range(1, n + 1)):
            raise Failure("the screen showed codes %s of %d" % (sorted(scans), n))
        # scanned in the order 2, 1, … as a clerk might: any order must do
        return b"\n".join(scans[i] for i in sorted(scans, reverse=True)) + b"\n"

    def decode(self, scanned, what):
        env = dict(os.environ)
        env.update(self.env())
        d = subprocess.run([self.exe, "handoff", "decode"], input=scanned,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                           timeout=30 * SCALE)
        if d.returncode != 0:
            raise Failure("handoff decode of %s failed (exit %d): %s" % (
                what, d.returncode, d.stderr.decode(errors="replace")))
        try:
            return json.loads(d.stdout.decode("utf-8"))
        except ValueError as e:
            raise Failure("handoff decode of %s printed no JSON (%s): %r"
                          % (what, e, d.stdout[:400]))

    def scan_screen(self, scr):
        """The QR code drawn in half blocks on the screen, as a scanner
        aimed at the window would see it: every block glyph is one module
        wide and two tall (upper, lower). The code and its quiet zone of 4
        modules must be inside the window, clear of the key bar."""
        # columns, not characters: wide text beside the code takes two
        rows = [l10n.cells(ln) for ln in scr.split("\n")[:self.lines]]
        glyph = {"\u2580": (1, 0), "\u2584": (0, 1), "\u2588": (1, 1)}
        cells = [(y, x) for y, line in enumerate(rows) for x, ch in enumerate(line) if ch in glyph]
        if not cells:
            if shown(scr, self.T["too small"]):
                raise Failure("no code is drawn on the %dx%d screen: the console says the "
                              "window is too small to show it" % (self.cols, self.lines))
            raise Failure("no code is drawn on the %dx%d screen" % (self.cols, self.lines))
        y0, y1 = min(c[0] for c in cells), max(c[0] for c in cells)
        x0, x1 = min(c[1] for c in cells), max(c[1] for c in cells)
        bits = []
        for y in range(y0, y1 + 1):
            line = rows[y] + [" "] * (x1 + 1 - len(rows[y]))
            top = [glyph.get(line[x], (0, 0))[0] for x in range(x0, x1 + 1)]
            bottom = [glyph.get(line[x], (0, 0))[1] for x in range(x0, x1 + 1)]
            bits += [top, bottom]
        first = next(i for i, r in enumerate(bits) if any(r))
        last = max(i for i, r in enumerate(bits) if any(r))
        top_row = 2 * y0 + first  # module rows from the top of the window
        bits = bits[first:last + 1]
        n = len(bits)
        if n != x1 - x0 + 1 or (n - 17) % 4:
            raise Failure("the code on the screen is %dx%d modules, not a QR symbol"
                          % (x1 - x0 + 1, n))
        quiet_above = top_row
        quiet_below = 2 * (self.lines - 1) - (top_row + n)
        if x0 < 4 or x1 + 4 >= self.cols or quiet_above < 4 or quiet_below < 4:
            raise Failure("the code on the screen (version %d) has no full quiet zone: "
                          "%d columns left, %d right, %d module rows above, %d below"
                          % ((n - 17) // 4, x0, self.cols - 1 - x1, quiet_above, quiet_below))
        # nothing else drawn in the quiet zone: 4 columns either side, and
        # the 2 lines (4 module rows) above and below, hold only spaces
        for y in range(max(0, y0 - 2), min(self.lines - 1, y1 + 3)):
            line = rows[y] if y < len(rows) else []
            line = line + [" "] * (self.cols - len(line))
            for x in range(x0 - 4, x1 + 5):
                inside = y0 <= y <= y1 and x0 <= x <= x1
                if not inside and line[x] != " ":
                    raise Failure("%r drawn at line %d, column %d, inside the code's quiet "
                                  "zone" % (line[x], y, x))
        self.note("on screen: version %d, %d modules, quiet zone %d/%d columns, %d/%d rows"
                  % ((n - 17) // 4, n, x0, self.cols - 1 - x1, quiet_above, quiet_below))
        scale, margin = 4, 4
        side = (n + 2 * margin) * scale
        out = ["P1", "%d %d" % (side, side)]
        blank = "0 " * side
        for _ in range(margin * scale):
            out.append(blank)
        for row in bits:
            line = "0 " * (margin * scale) + "".join(("1 " if b else "0 ") * scale for b in row) \
                + "0 " * (margin * scale)
            for _ in range(scale):
                out.append(line)
        for _ in range(margin * scale):
            out.append(blank)
        pbm = os.path.join(self.tmp, "screen.pbm")
        with open(pbm, "w") as f:
            f.write("\n".join(out) + "\n")
        r = subprocess.run(["zbarimg", "--nodbus", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", pbm],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30 * SCALE)
        if r.returncode != 0 or not r.stdout.strip():
            raise Failure("zbarimg read nothing from the screen's code (exit %d): %s" % (
                r.returncode, r.stderr.decode(errors="replace")))
        return r.stdout

    def finish(self):
        """Done: the draft and the image are deleted, then the console is
        quit normally, so that it exits 0 with nothing on stderr (the
        sanitizers report at exit)."""
        self.tmux.type("d")
        self.wait_text(self.T["got it"])
        self.tmux.type("y")
        scr = self.wait(lambda s: shown(s, self.T["next"]) or shown(s, self.T["start"]),
                        "the screen after Done")
        if os.path.exists(self.png):
            raise Failure("Done did not delete the image %s" % self.png)
        # "next_shows" in the household: labels the What comes next screen
        # must list; Enter on the first one (first in the list) must not be
        # an error (a procedure without a form here is information)
        want_next = [self.l10n.form(t) for t in self.hh.get("next_shows", [])]
        if want_next and not shown(scr, self.T["next"]):
            raise Failure("no What comes next screen after Done")
        if shown(scr, self.T["next"]):
            scr = self.settle()
            for t in want_next:
                if not shown(scr, t):
                    raise Failure("What comes next does not list %r" % t)
            if want_next:
                self.tmux.keys("Enter")
                time.sleep(0.3 * SCALE)
                scr = self.settle()
                if shown(scr, self.T["error"]) or not shown(scr, self.T["next"]):
                    raise Failure("Enter on %r did not leave an informative note on What "
                                  "comes next" % want_next[0])
                self.note("what comes next: %s" % "; ".join(want_next))
            self.tmux.type("q")
            self.wait_text(self.T["start"])
        self.tmux.type("q")
        scr = self.wait_text("[yorisoi exited")
        m = re.search(r"\[yorisoi exited (\d+)\]", scr)
        err = ""
        try:
            err = open(os.path.join(self.tmp, "stderr.txt"), encoding="utf-8",
                       errors="replace").read()
        except OSError:
            pass
        if not m or m.group(1) != "0" or "Sanitizer" in err or "runtime error" in err:
            raise Failure("the console did not quit cleanly (exit %s)%s" % (
                m.group(1) if m else "?", ":\n" + err[-3000:] if err.strip() else ""))
        self.note("quit: exit 0, nothing on stderr" if not err.strip() else "quit: exit 0")

    # -- comparing --

    def compare(self, decoded):
        problems = []
        if decoded.get("form") != self.form_id:
            problems.append("form: %r, want %r" % (decoded.get("form"), self.form_id))
        if decoded.get("form_version") != self.hh.get("form_version"):
            problems.append("form_version: %r, want %r" % (decoded.get("form_version"),
                                                          self.hh.get("form_version")))
        got, want = decoded.get("answers"), self.hh["answers"]
        if got != want:
            problems += diff(want, got, "answers")
        return problems

    def run(self):
        ok = False
        reason = ""
        try:
            if not os.access(self.exe, os.X_OK):
                raise Failure("%s is not built" % self.exe)
            if self.variant_error:
                raise Failure(self.variant_error)
            self.start()
            self.walk()
            missing = self.not_asked()
            self.note("at the review; never asked: %s" % (", ".join(missing) or "nothing"))
            decoded = self.handoff()
            problems = self.compare(decoded)
            if self.screen_code and not self.screen_skip and self.on_screen != decoded:
                problems += ["the screen's code: " + p for p in
                             diff(decoded, self.on_screen, "answers")] or \
                    ["the screen's code decodes to other answers"]
            if not problems:
                self.finish()
            if problems:
                reason = "the decoded answers differ from the household's:\n  " + \
                    "\n  ".join(problems)
                if missing:
                    reason += "\nhousehold answers the console never asked: " + ", ".join(missing)
            else:
                ok = True
        except Failure as e:
            reason = str(e)
        except Exception as e:  # a bug here must still say FAIL, with the screen
            reason = "driver error: %r" % (e,)
        finally:
            if not ok:
                try:
                    self.screen()
                except Exception:
                    pass
            self.tmux.kill()
        took = time.monotonic() - self.t0
        tag = "e2e-form/%s" % self.name if self.lang == "en" else \
            "e2e-form/%s/%s" % (self.lang, self.name)
        if ok:
            print("PASS: %s" % tag, flush=True)
            if self.screen_skip:
                print("SKIP: %s/screen-code (%s)" % (tag, self.screen_skip), flush=True)
            sys.stderr.write("%s: %.1fs, %d questions\n" % (tag, took, len(self.asked)))
            if os.environ.get("E2E_VERBOSE"):
                sys.stderr.write("\n".join(self.log) + "\n")
        else:
            print("FAIL: %s" % tag, flush=True)
            err = ""
            try:
                err = open(os.path.join(self.tmp, "stderr.txt"), encoding="utf-8",
                           errors="replace").read()
            except OSError:
                pass
            sys.stderr.write("==== %s failed after %.1fs: %s\n" % (tag, took, reason))
            sys.stderr.write("---- last screen (%dx%d):\n%s\n" % (self.cols, self.lines,
                                                                 self.last.rstrip()))
            if err.strip():
                sys.stderr.write("---- console stderr:\n%s\n" % err[-4000:])
            sys.stderr.write("---- steps:\n%s\n" % "\n".join(self.log[-60:]))
            logs = os.path.join(ROOT, "build", "test-logs")
            try:
                os.makedirs(logs, exist_ok=True)
                log = self.name if self.lang == "en" else "%s-%s" % (self.lang, self.name)
                with open(os.path.join(logs, "e2e-form-%s.txt" % log), "w",
                          encoding="utf-8") as f:
                    f.write("%s\n\n%s\n\n%s\n" % (reason, self.last, "\n".join(self.log)))
            except OSError:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)
        return ok


def diff(want, got, path):
    out = []
    if isinstance(want, dict) and isinstance(got, dict):
        for k in sorted(set(want) | set(got)):
            if k not in got:
                out.append("%s.%s: missing, want %r" % (path, k, want[k]))
            elif k not in want:
                out.append("%s.%s: %r, not in the household" % (path, k, got[k]))
            else:
                out += diff(want[k], got[k], "%s.%s" % (path, k))
    elif isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            out.append("%s: %d entries, want %d" % (path, len(got), len(want)))
        for i in range(min(len(want), len(got))):
            out += diff(want[i], got[i], "%s[%d]" % (path, i))
    elif want != got:
        out.append("%s: %r, want %r" % (path, got, want))
    return out


def main(argv):
    size, name, files, pick, screen_code, lang = "100x30", None, [], False, False, "en"
    i = 1
    while i < len(argv):
        if argv[i] == "--postal-pick":
            pick = True
            i += 1
        elif argv[i] == "--screen-code":
            screen_code = True
            i += 1
        elif argv[i] == "--size":
            size = argv[i + 1]
            i += 2
        elif argv[i] == "--name":
            name = argv[i + 1]
            i += 2
        elif argv[i] == "--lang":
            lang = argv[i + 1]
            i += 2
        else:
            files.append(argv[i])
            i += 1
    if len(files) != 1 or not re.match(r"^\d+x\d+$", size) or \
            not re.match(r"^[A-Za-z]{2,3}(_[A-Za-z0-9]+)?(@[A-Za-z0-9]+)?$", lang):
        sys.stderr.write(__doc__)
        return 2
    cols, lines = (int(x) for x in size.split("x"))
    return 0 if Driver(files[0], cols, lines, name, pick, screen_code, lang).run() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
