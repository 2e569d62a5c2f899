#!/usr/bin/python3
"""SIGKILL torture of the drafts store, through plain mode (--plain).

Each round starts `yorisoi --plain` on one drafts file, answers the
certificate request line by line and kills the process with SIGKILL at a
random moment (a fixed seed makes the runs repeatable). In plain mode the
next question is printed only after the previous answer was saved, so every
question seen after an answer proves that answer confirmed. After each kill:
  - SQLite's integrity_check of the file must say "ok";
  - the newest draft must hold at least as many answers as were confirmed.
Prints PASS/FAIL lines and the figures: kills, corruptions, worst loss
(confirmed answers missing from the draft; must be 0).

Usage: kill_plain.py YORISOI KILLS [SEED]
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

# the certificate request; the last Enter (which would delete the draft once
# the code is handed over) is never sent, so every round ends by the kill.
# The first three lines pick the procedure, type the PIN and say the card's
# data is right; the rest answer the questions in order. An empty line keeps
# what the card filled in, or leaves an optional question empty: it stores
# nothing new.
ANSWERS = ["4", "1234", "1", "1", "", "やまだ", "", "", "0312345678", "1", "2", "1 2", "1", "",
           "1"]
QUESTIONS = ANSWERS[3:]
PROMPT = "Answer, or < to go back: "


def newest_draft(db):
    c = sqlite3.connect(db)
    try:
        ok = c.execute("PRAGMA integrity_check").fetchone()[0]
        try:
            row = c.execute("SELECT answered FROM drafts ORDER BY seq DESC LIMIT 1").fetchone()
        except sqlite3.OperationalError:
            row = None  # killed before the schema was made: no draft yet
    finally:
        c.close()
    return ok, (row[0] if row else 0)


def one_round(exe, db, rnd, env):
    p = subprocess.Popen([exe, "--plain", "--lang", "en", "--demo", "--db", db],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         env=env)
    os.set_blocking(p.stdout.fileno(), False)
    # one round in five is killed while starting up (the file being made);
    # the others get their random time from the first question on, so how
    # many rounds reach a draft does not depend on how loaded the machine is
    early = rnd.random() < 0.2
    span = rnd.uniform(0.02, 0.6)
    deadline = time.monotonic() + (span if early else 30)
    out = b""
    fed = 0
    while time.monotonic() < deadline and p.poll() is None:
        if not early and PROMPT.encode() in out:
            deadline, early = time.monotonic() + span, True
        try:
            chunk = p.stdout.read()
        except (BlockingIOError, TypeError):
            chunk = None
        if chunk:
            out += chunk
        # answer each prompt as it comes, at a human-ish random pace
        prompts = out.decode("utf-8", "replace").count("?") + out.count(b":")
        if fed < len(ANSWERS) and prompts > fed:
            try:
                p.stdin.write((ANSWERS[fed] + "\n").encode())
                p.stdin.flush()
            except BrokenPipeError:
                break
            fed += 1
            time.sleep(rnd.uniform(0.0, 0.05))
        else:
            time.sleep(0.005)
    p.send_signal(signal.SIGKILL)
    p.wait()
    try:
        rest = p.stdout.read()
    except (BlockingIOError, TypeError):
        rest = None
    if rest:
        out += rest
    # answers confirmed: each question prompt after the first comes after the
    # previous answer's save; only answers that store something new count
    text = out.decode("utf-8", "replace")
    seen = text.count(PROMPT) + text.count("Numbers separated by spaces")
    if seen == 0:
        return -1  # no draft yet
    return sum(1 for a in QUESTIONS[:seen - 1] if a)


def calibrate(exe, db, env):
    """What a new draft holds before any question is answered (the card's
    values): one run stopped at the first question."""
    p = subprocess.Popen([exe, "--plain", "--lang", "en", "--demo", "--db", db],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         env=env)
    p.stdin.write(("\n".join(ANSWERS[:3]) + "\n").encode())
    p.stdin.flush()
    os.set_blocking(p.stdout.fileno(), False)
    out, end = b"", time.monotonic() + 20
    while PROMPT.encode() not in out and time.monotonic() < end:
        chunk = p.stdout.read()
        if chunk:
            out += chunk
        time.sleep(0.01)
    p.send_signal(signal.SIGKILL)
    p.wait()
    return newest_draft(db)[1] if PROMPT.encode() in out else None


def main():
    exe, kills = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261205)
    tmp = tempfile.mkdtemp(prefix="yorisoi-torture.")
    env = dict(os.environ, XDG_DATA_HOME=tmp + "/data", XDG_RUNTIME_DIR=tmp + "/run")
    os.makedirs(tmp + "/run", mode=0o700)
    corrupt = worst = checked = 0
    base = calibrate(exe, tmp + "/calibrate.db", env)
    for k in range(kills):
        db = "%s/d%d.db" % (tmp, k % 10)  # ten files, each killed into again and again
        confirmed = one_round(exe, db, rnd, env)
        if not os.path.exists(db):
            continue  # killed before the file was made
        ok, answered = newest_draft(db)
        if ok != "ok":
            corrupt += 1
            print("round %d: integrity_check: %s" % (k, ok), file=sys.stderr)
        if confirmed < 0 or base is None:
            continue  # killed before the first question: no draft of this round
        # the newest draft is this round's, as this round made one
        loss = base + confirmed - answered
        checked += 1
        if loss > worst:
            worst = loss
            print("round %d: %d confirmed, %d saved" % (k, confirmed, answered), file=sys.stderr)
    print("torture: %d kills, %d checked, %d corrupted files, worst loss %d confirmed answers"
          % (kills, checked, corrupt, worst), file=sys.stderr)
    ok = corrupt == 0 and worst == 0 and base is not None and checked >= kills // 2
    print("%s: torture/plain-kills-%d (checked %d, corrupted %d, worst loss %d)"
          % ("PASS" if ok else "FAIL", kills, checked, corrupt, worst))
    subprocess.run(["rm", "-rf", tmp])
    return 0


if __name__ == "__main__":
    sys.exit(main())
