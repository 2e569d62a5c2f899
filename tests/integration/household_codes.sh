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
sys.path.insert(0, "tests/households")
from qr_capacity import ALNUM_M, modules, naive_area as area_of_bytes, version

KEYS = ["--desk-key", "tests/data/keys/desk-test.key"]
SEAL = ["--seal", "tests/data/keys/city-test.pub"]


def area(v):
    return modules(v) ** 2


def naive_area(doc):
    return area_of_bytes(len(json.dumps(doc, ensure_ascii=False,
                                        separators=(",", ":")).encode("utf-8")))


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
