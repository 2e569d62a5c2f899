#!/bin/sh
# The size promises of the handoff code, held on realistic households that
# nobody tuned for (tests/households/generate.py, fixed seeds, 1 to 6
# people, nine nationalities), each signed and sealed:
#  - paper: every application fits one code (the slip and the saved image);
#  - screen: at most two codes of QR version 13 (what 120x40 shows), which
#    the console shows one after the other;
#  - a sealed code is never larger than the signed one (HPKE, 52 bytes
#    around the body, against 68 for a signature);
#  - area against the answers as plain UTF-8 JSON in one byte-mode code at
#    the same error correction: at most 0.5 for any household, at most 0.3
#    at the 95th percentile for households of 3 or more.
# The distribution is tests/bench/household_sizes.sh. Prints
# PASS:/FAIL: household-codes/<case>.
set -u
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
case "$B" in *asan*) exit 0 ;; esac # the sizes do not depend on the build
tmp=$(mktemp -d /tmp/yorisoi-household-codes.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

for s in 1 2 3 4 5 6; do
	/usr/bin/python3 tests/households/generate.py --seed "2100$s" --count 12 --size "$s" \
		--spread --out "$tmp/h" >/dev/null || echo "FAIL: household-codes/generate (size $s)"
done
/usr/bin/python3 - "$B/yorisoi" "$tmp/h" <<'EOF'
import glob, json, os, subprocess, sys

yorisoi, folder = sys.argv[1], sys.argv[2]
# Byte-mode and alphanumeric-mode capacity at ECC M, versions 1-40
# (ISO/IEC 18004:2015, Table 7).
BYTE_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412,
          450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190,
          1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331]
ALNUM_M = [20, 38, 61, 90, 122, 154, 178, 221, 262, 311, 366, 419, 483, 528, 600,
           656, 734, 816, 909, 970, 1035, 1134, 1248, 1326, 1451, 1542, 1637, 1732,
           1839, 1994, 2113, 2238, 2369, 2506, 2632, 2780, 2894, 3054, 3220, 3391]
KEYS = ["--desk-key", "tests/data/keys/desk-test.key"]
SEAL = ["--seal", "tests/data/keys/city-test.pub"]


def version(table, n):
    return next((v for v, cap in enumerate(table, 1) if n <= cap), None)


def area(v):
    return (17 + 4 * v) ** 2


def naive_area(doc):
    n = len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    v = version(BYTE_M, n)
    # too long for one version 40 code: as many of them as it needs
    return area(v) if v else -(-n // BYTE_M[-1]) * area(40)


def codes(path, extra):
    r = subprocess.run([yorisoi, "handoff", "encode", path] + KEYS + extra,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return [l for l in r.stdout.split("\n") if l] if r.returncode == 0 else None


problems = {k: [] for k in ("paper-one-code", "screen-at-most-two-v13", "sealed-not-larger",
                            "area-at-most-0.5", "area-p95-at-most-0.3")}
ratios = {"signed": [], "sealed": []}
files = sorted(glob.glob(os.path.join(folder, "*.json")))
for path in files:
    name = os.path.basename(path)
    size = int(name[:-5].split("-")[-1])
    doc = json.load(open(path, encoding="utf-8"))
    paper = {"signed": codes(path, []), "sealed": codes(path, SEAL)}
    for kind, extra in (("signed", []), ("sealed", SEAL)):
        one = paper[kind]
        if not one or len(one) != 1:
            problems["paper-one-code"].append("%s %s: %s" % (name, kind, one and len(one)))
            continue
        screen = codes(path, extra + ["--max-version", "13"])
        if not screen or len(screen) > 2:
            problems["screen-at-most-two-v13"].append(
                "%s %s: %s codes" % (name, kind, screen and len(screen)))
        r = area(version(ALNUM_M, len(one[0]))) / naive_area(doc)
        if r > 0.5:
            problems["area-at-most-0.5"].append("%s %s: %.2f" % (name, kind, r))
        if size >= 3:
            ratios[kind].append(r)
    if paper["signed"] and paper["sealed"] and len(paper["sealed"][0]) > len(paper["signed"][0]):
        problems["sealed-not-larger"].append("%s: %d > %d characters" % (
            name, len(paper["sealed"][0]), len(paper["signed"][0])))
for kind, rs in ratios.items():
    rs.sort()
    p95 = rs[max(0, -(-len(rs) * 95 // 100) - 1)] if rs else 1
    if p95 > 0.3:
        problems["area-p95-at-most-0.3"].append("%s: p95 %.2f" % (kind, p95))
ok = len(files) == 72
print(("PASS" if ok else "FAIL") + ": household-codes/generated (%d households)" % len(files))
for case, why in problems.items():
    print(("PASS" if not why else "FAIL") + ": household-codes/" + case +
          ("" if not why else " (%s)" % "; ".join(why[:3])))
EOF
