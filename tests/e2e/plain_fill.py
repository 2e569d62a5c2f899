#!/usr/bin/env python3
"""Fills a form in plain line mode (--plain) from an answers JSON, up to
Check your answers, and stops there: the draft stays, as when a resident
leaves before the code. Used to make a draft with an older version of a
form (tests/e2e/older_draft.sh), which the console can no longer start.

Usage: plain_fill.py FORM.xml ANSWERS.json -- YORISOI-COMMAND...

The questions are matched by their English label in FORM.xml (run the
console with --lang en); a choice is answered with its number, a person
of a household list by the number at the end of the line that names them.
The 丁目 of the new town (after a postal code) is answered with the line
of the household's town answer, or Enter when it is not a line.
Prints the come-back code of the draft on stdout; exits 1 on a question
it cannot answer. Standard library only.
"""
import json
import os
import re
import select
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{urn:yorisoi:form:1}"
PROMPTS = ("Answer, or < to go back: ", "Numbers separated by spaces, < to go back: ",
           "1 = yes, 2 = no: ", "1 = yes, 2 = no, 3 = yes, read their My Number card: ",
           "PIN (4 digits, not shown): ",
           "Type its number, or press Enter to type it yourself: ",
           "press Enter to make the code: ")


def text(el, tag):
    c = el.find(NS + tag)
    return " ".join(c.text.split()) if c is not None and c.text else ""


def fields_of(path):
    root = ET.parse(path).getroot()
    lists = {c.get("id"): [x.get("id") for x in c.findall(NS + "choice")]
             for c in root.findall(NS + "choices")}
    out = {}
    for f in root.iter(NS + "field"):
        choices = lists.get(f.get("choices")) or [x.get("id") for x in f.findall(NS + "choice")]
        out[text(f, "label")] = (f.get("id"), f.get("type"), choices)
    return out


def town_answer(path, answers):
    """The household's answer to the question a postal code's town fills."""
    root = ET.parse(path).getroot()
    for f in root.iter(NS + "field"):
        if f.get("prefill") == "postal.town":
            return answers.get(f.get("id"), "")
    return ""


def chome_line(block, town):
    """The number of the 丁目 line that is the town answer, else ""."""
    for ln in block.split("\n"):
        m = re.match(r"^\s+(\d+)\. (.*?)\s*$", ln)
        if m and m.group(2) == town:
            return m.group(1)
    return ""


def answer_for(fields, answers, block):
    lines = [ln for ln in block.split("\n") if ln.strip()]
    q = max(i for i, ln in enumerate(lines) if ln.startswith("Question "))
    label, person = lines[q + 1], 0
    if label not in fields:  # a line naming whose turn it is
        m = re.search(r"(\d+)\D*$", label)
        person = int(m.group(1)) - 1 if m else 0
        label = lines[q + 2]
    fid, kind, choices = fields[label]
    where = answers
    for key, v in answers.items():
        if isinstance(v, list) and v and fid in v[0]:
            where = v[person] if person < len(v) else {}
    v = where.get(fid, "")
    if kind == "choice" and v:
        return str(choices.index(v) + 1)
    if kind == "multi" and v:
        return " ".join(str(choices.index(t) + 1) for t in v.split())
    return v


def main(argv):
    form_xml, answers_json, cmd = argv[1], argv[2], argv[argv.index("--") + 1:]
    fields = fields_of(form_xml)
    answers = json.load(open(answers_json))["answers"]
    repeats = {k: len(v) for k, v in answers.items() if isinstance(v, list)}
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    buf, seen, code, added = "", 0, "", 0
    while True:
        r, _, _ = select.select([p.stdout], [], [], 20)
        if not r:
            sys.stderr.write("plain_fill: no prompt after:\n" + buf[-2000:])
            p.kill()
            return 1
        chunk = os.read(p.stdout.fileno(), 65536).decode("utf-8", "replace")
        if not chunk:
            break
        buf += chunk
        m = re.search(r"Come-back code for this draft: ([A-Z0-9]{4}-[A-Z0-9]{4})", buf)
        if m:
            code = m.group(1)
        if not buf.endswith(PROMPTS):
            continue
        block = buf[seen:]
        seen = len(buf)
        if block.endswith(PROMPTS[-1]):  # Check your answers: leave the draft
            p.stdin.close()
            break
        if "Error:" in block and "Question " not in block:
            sys.stderr.write("plain_fill: refused:\n" + buf[-1500:])
            p.kill()
            return 1
        if block.endswith("PIN (4 digits, not shown): "):
            reply = ""  # on without the card: every answer is typed
        elif block.endswith(PROMPTS[-2]):  # the 丁目 of the town
            reply = chome_line(block, town_answer(form_xml, answers))
        elif "1 = yes, 2 = no" in block[-80:]:
            added += 1
            reply = "1" if added < max(repeats.values()) else "2"
        else:
            try:
                reply = answer_for(fields, answers, block)
            except (KeyError, ValueError) as e:
                sys.stderr.write("plain_fill: cannot answer (%s):\n%s" % (e, block[-800:]))
                p.kill()
                return 1
        p.stdin.write((reply + "\n").encode())
        p.stdin.flush()
    p.wait(timeout=20)
    print(code)
    return 0 if code else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
