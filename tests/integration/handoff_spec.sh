#!/bin/sh
# The specification is enough: an independent decoder in Python, written
# from docs/handoff-format.md alone (it takes the preset dictionary, the
# test key and the vectors from the document itself), must read the
# document's test vectors S, D and P as the documented answers, check the
# signature, and refuse U as unsigned. Sealed vector E needs XSalsa20, which
# Python's standard library lacks; the unit tests check it.
# Prints PASS:/FAIL: lines.
set -u
cd "$(dirname "$0")/../.."
if ! python3 -c 'import cryptography' 2>/dev/null; then
	echo "FAIL: handoff/spec-python-cryptography (python3-cryptography is not installed)"
	exit 1
fi
python3 - docs/handoff-format.md tests/data/forms/handoff_test.xml tests/data/answers/handoff_test_min.json <<'PY'
import hashlib, json, re, sys, zlib
import xml.etree.ElementTree as ET
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

doc = open(sys.argv[1], encoding="utf-8").read()
def ok(name, cond, why=""):
    print(("PASS" if cond else "FAIL") + ": handoff/spec-" + name)
    if not cond and why:
        print("    " + why, file=sys.stderr)

# --- the dictionary (section 5): the fenced block after "The dictionary of format version 1"
def fenced_after(marker):
    block = doc.split(marker, 1)[1].split("```", 2)[1]
    return "".join(l for l in block.strip("\n").split("\n") if not l.startswith("#")).encode()
d1 = fenced_after("The dictionary of format version 1 is")
d2 = d1 + fenced_after("The dictionary of format version 2 is")
hashes = re.findall(r"SHA-256\s+`([0-9a-f]{64})`", doc)
ok("dictionary-hashes", hashes[:2] == [hashlib.sha256(d1).hexdigest(), hashlib.sha256(d2).hexdigest()], repr(hashes))
dictionaries = {1: d1, 2: d2}

# --- the test key and the vectors (section 15)
pk = bytes.fromhex(re.search(r"desk public key\s+([0-9a-f]{64})", doc).group(1))
vectors, cur = {}, None
vblock = doc.split("The vectors, one payload per line", 1)[1].split("```", 2)[1]
for line in vblock.strip("\n").split("\n"):
    m = re.match(r"# vector (\w)", line)
    if m:
        cur = m.group(1); vectors[cur] = []
    elif line:
        vectors[cur].append(line)

# --- armour (section 2)
A45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
def unarmour(t):
    t = t.rstrip("\r\n ")
    if t.startswith("25181"):
        d, out = t[5:], bytearray()
        assert len(d) % 5 in (0, 3)
        for i in range(0, len(d) - len(d) % 5, 5):
            v = int(d[i:i+5]); assert v <= 65535; out += v.to_bytes(2, "big")
        if len(d) % 5:
            v = int(d[-3:]); assert v <= 255; out.append(v)
        return bytes(out)
    assert t.startswith("YR1:")
    s, out = t[4:], bytearray()
    for i in range(0, len(s), 3):
        g = s[i:i+3]; assert len(g) >= 2
        v = sum(A45.index(c) * 45 ** k for k, c in enumerate(g))
        out += v.to_bytes(2 if len(g) == 3 else 1, "big")
    return bytes(out)

# --- envelope, parts, signature, DEFLATE (sections 3, 6, 8, 5)
class Unsigned(Exception): pass
def open_codes(texts):
    envs = [unarmour(t) for t in texts]
    if envs[0][1] & 4:
        parts = {e[4]: e for e in envs}
        count, sid = envs[0][5], envs[0][2:4]
        assert all(e[2:4] == sid and e[5] == count for e in envs) and len(parts) == count
        env = b"".join(parts[i][6:] for i in range(count))
        assert hashlib.sha256(env).digest()[:2] == sid
    else:
        env = envs[0]
    assert env[0] in dictionaries
    flags = env[1]
    if not flags & 1:
        raise Unsigned()
    assert not flags & 2, "sealed: needs XSalsa20"
    inner = env[2:]
    keyid, body, sig = inner[:4], inner[4:-64], inner[-64:]
    assert keyid == hashlib.sha256(pk).digest()[:4]
    Ed25519PublicKey.from_public_bytes(pk).verify(sig, env[:2] + keyid + body)
    d = zlib.decompressobj(wbits=-15, zdict=dictionaries[env[0]])
    serial = d.decompress(body, 65536)
    assert d.eof and not d.unused_data
    return keyid, serial

# --- serialisation (section 4), for a form without repeats
form = ET.parse(sys.argv[2]).getroot()
ns = "{urn:yorisoi:form:1}"
lists = {c.get("id"): [x.get("id") for x in c.findall(ns + "choice")] for c in form.findall(ns + "choices")}
fields = []
for f in form.iter(ns + "field"):
    ch = lists.get(f.get("choices")) or [x.get("id") for x in f.findall(ns + "choice")]
    fields.append((f.get("id"), f.get("type"), ch))
def parse(serial):
    p = [0]
    def var():
        v = s = 0
        while True:
            b = serial[p[0]]; p[0] += 1; v |= (b & 127) << s; s += 7
            if not b & 128: return v
    def string():
        n = var(); r = serial[p[0]:p[0]+n]; p[0] += n; return r.decode()
    fid, ver, lang = string(), var(), string()
    answers, prev = {}, -1
    while p[0] < len(serial):
        prev += 1 + var()
        name, typ, ch = fields[prev]
        if typ in ("text", "kana"): v = string()
        elif typ == "choice": v = ch[var()]
        elif typ == "multi":
            n = (len(ch) + 7) // 8; m = int.from_bytes(serial[p[0]:p[0]+n], "little"); p[0] += n
            v = " ".join(c for i, c in enumerate(ch) if m >> i & 1)
        elif typ == "number": z = var(); v = str(-(z >> 1) - 1 if z & 1 else z >> 1)
        elif typ == "date": z = var(); v = "%04d-%02d-%02d" % (z >> 9, z >> 5 & 15, z & 31)
        elif typ == "postal": z = var(); v = "%03d-%04d" % (z // 10000, z % 10000)
        elif typ == "phone": n = var(); v = "%0*d" % (n, var())
        answers[name] = v
    return {"form": fid, "form_version": ver, "lang": lang, "answers": answers}

want = json.load(open(sys.argv[3], encoding="utf-8"))
for name in "SDP":
    try:
        keyid, serial = open_codes(list(reversed(vectors[name])))
        got = parse(serial)
        ok("vector-" + name, got == want and keyid.hex().upper() == "9D623CD4", repr(got))
    except Exception as e:
        ok("vector-" + name, False, repr(e))
try:
    open_codes(vectors["U"]); ok("vector-U-unsigned", False, "accepted")
except Unsigned:
    ok("vector-U-unsigned", True)

# The hex dump of vector S matches the vector.
dump = doc.split("Vector S, the signed envelope", 1)[1].split("```", 2)[1]
hexbytes = bytes.fromhex("".join(re.findall(r"\b[0-9a-f]{2}\b", " ".join(l.split("  ")[0] for l in dump.strip().split("\n")))))
ok("vector-S-hex-dump", hexbytes == unarmour(vectors["S"][0]), hexbytes.hex())
PY
