#!/bin/sh
# QR code sizes of real-looking 転入届 households (issue 13): a fixed-seed
# set from tests/households/generate.py (54 households for each size 1-6,
# the nine nationalities in turn), each encoded as desks do, signed
# (--desk-key) and signed and sealed (--seal), beside the naive baseline
# measured in the same run: the answers JSON minified, as UTF-8 bytes in
# one QR code at ECC M in byte mode. Prints tables; asserts nothing.
# Usage: tests/bench/household_sizes.sh [PER_SIZE]   (BUILD=build by default)
set -eu
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
per_size=${1:-54}
if [ ! -x "$B/yorisoi" ]; then
	echo "household_sizes: $B/yorisoi is not built (make all)" >&2
	exit 1
fi
dir=$(mktemp -d /tmp/yorisoi-households.XXXXXX)
trap 'rm -rf "$dir"' EXIT
start=$(date +%s)
for s in 1 2 3 4 5 6; do
	/usr/bin/python3 tests/households/generate.py --seed "1300$s" --count "$per_size" \
		--size "$s" --spread --out "$dir"
done
/usr/bin/python3 - "$B/yorisoi" "$dir" <<'EOF'
import glob, json, os, re, statistics, subprocess, sys

yorisoi, folder = sys.argv[1], sys.argv[2]

sys.path.insert(0, "tests/households")
from qr_capacity import BYTE_M, modules, naive_area as area_of_bytes, version


def naive_version(nbytes):
    return version(BYTE_M, nbytes) or 41  # 41: does not fit one code, ">40"


def encode(path, extra):
    r = subprocess.run([yorisoi, "handoff", "encode", path, "--desk-key",
                        "tests/data/keys/desk-test.key"] + extra,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"QR version (\d+) \(", r.stderr)
    if r.returncode != 0 or not m:
        return None, r.stderr.strip().splitlines()[-1:] or ["exit %d" % r.returncode]
    return int(m.group(1)), None


rows = []
failed = []
for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
    _, _, cc, size = os.path.basename(path)[:-5].split("-")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    naive = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    signed, why = encode(path, [])
    sealed, why2 = encode(path, ["--seal", "tests/data/keys/city-test.pub"])
    if signed is None or sealed is None:
        failed.append((os.path.basename(path), why or why2))
        continue
    rows.append({"cc": cc, "size": int(size), "signed": signed, "sealed": sealed,
                 "naive": naive_version(len(naive)), "bytes": len(naive)})


def pct(xs, p):
    """Nearest-rank percentile."""
    xs = sorted(xs)
    k = max(1, -(-len(xs) * p // 100))
    return xs[int(k) - 1]


def med(xs):
    """The lower median: a version that some household has."""
    return "%d" % statistics.median_low(xs)


def v(x):
    return ">40" if x == "41" or x == 41 else str(x)


def vtriple(xs):
    return "%4s %4s %4s" % (v(med(xs)), v(pct(xs, 95)), v(max(xs)))


def naive_area(r):
    """The naive code's area (qr_capacity.naive_area)."""
    return area_of_bytes(r["bytes"])


def area(r, key):
    return modules(r[key]) ** 2 / naive_area(r)


def table(title, key, groups):
    print(title)
    print("%-4s %4s | %-14s | %-14s | %-14s | %-10s | %s" % (
        "", "", "signed", "sealed", "naive JSON", "JSON bytes", "naive"))
    print("%-4s %4s | %-14s | %-14s | %-14s | %-10s | %s" % (
        key, "n", " med  p95  max", " med  p95  max", " med  p95  max", "  med  max", "over v40"))
    for name, rs in groups:
        if not rs:
            continue
        print("%-4s %4d | %-14s | %-14s | %-14s | %5d %4d | %d" % (
            name, len(rs), vtriple([r["signed"] for r in rs]),
            vtriple([r["sealed"] for r in rs]), vtriple([r["naive"] for r in rs]),
            statistics.median([r["bytes"] for r in rs]), max(r["bytes"] for r in rs),
            sum(1 for r in rs if r["naive"] > 40)))
    print()


nats = ["jp", "cn", "vn", "kr", "ph", "np", "br", "id", "mm"]
by_size = [(str(s), [r for r in rows if r["size"] == s]) for s in range(1, 7)] + [("all", rows)]
by_nat = [(c, [r for r in rows if r["cc"] == c]) for c in nats] + [("all", rows)]
print("Real-looking 転入届 households: %d encoded, %d failed (QR version at ECC M)" %
      (len(rows), len(failed)))
print()
table("QR version by household size", "size", by_size)
table("QR version by nationality", "nat", by_nat)
print("Symbol area (modules², (17+4v)²) against the naive JSON code of the same household")
print("%-4s %4s | %-17s | %-17s" % ("size", "n", "signed med / p95", "sealed med / p95"))
for name, rs in by_size:
    if not rs:
        continue
    a1 = [area(r, "signed") for r in rs]
    a2 = [area(r, "sealed") for r in rs]
    print("%-4s %4d | %5.2f× / %5.2f×   | %5.2f× / %5.2f×" % (
        name, len(rs), statistics.median(a1), pct(a1, 95), statistics.median(a2), pct(a2, 95)))
print()
print("(×: our symbol's area over the naive one's, both measured in this run;")
print("below 1 is smaller. p95 is the nearest-rank 95th percentile of the")
print("households' ratios. Naive JSON over 2331 bytes does not fit one version 40")
print("code: its area is counted as that many version 40 codes, a lower bound.)")
for name, why in failed:
    print("FAILED to encode: %s: %s" % (name, " ".join(why)))
EOF
echo "household_sizes: $(( $(date +%s) - start )) s"
