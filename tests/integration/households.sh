#!/bin/sh
# tests/households/generate.py keeps its promises: with a fixed seed, every
# household it writes encodes with build/yorisoi (valid answers for the
# 転入届), every 住民票コード has a right check digit and no two members
# share one, residence card numbers have the card's format, every
# nationality and every size 1-6 appears, and a seed gives the same bytes
# again while another seed gives other files.
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
case "$B" in *asan*) exit 0 ;; esac # the generator is Python; one build is enough
dir=$(mktemp -d /tmp/yorisoi-households-test.XXXXXX)
trap 'rm -rf "$dir"' EXIT
gen() {
	/usr/bin/python3 tests/households/generate.py --seed "$1" --count 120 --out "$dir/$2"
}

if gen 4242 a && gen 4242 b && gen 4243 c; then
	echo "PASS: households/generate"
else
	echo "FAIL: households/generate (generate.py failed)"
	exit 0
fi

# every file encodes
bad=""
for f in "$dir"/a/*.json; do
	if ! "$B/yorisoi" handoff encode "$f" --desk-key tests/data/keys/desk-test.key \
		>/dev/null 2>"$dir/err"; then
		bad="$bad $(basename "$f"): $(tail -n 1 "$dir/err")"
	fi
done
if [ -z "$bad" ]; then
	echo "PASS: households/encode"
else
	echo "FAIL: households/encode (not valid:$bad)"
fi

# the generator's own promises, checked on the files
/usr/bin/python3 - "$dir/a" <<'EOF'
import glob, json, os, re, sys

files = sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))
docs = [json.load(open(f, encoding="utf-8")) for f in files]
members = [m for d in docs for m in d["answers"]["members"]]


def check_digit(body):
    # 11 - (sum of Pn*Qn mod 11), 0 for a remainder of 0 or 1; Pn the n-th
    # digit from the lowest, Qn = n+1 (n <= 6), n-5 (n >= 7)
    s = sum(int(body[10 - n]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 11))
    return 0 if s % 11 <= 1 else 11 - s % 11


def report(case, bad, why):
    if bad:
        print("FAIL: households/%s (%s: %s)" % (case, why, ", ".join(map(str, bad[:5]))))
    else:
        print("PASS: households/%s" % case)


codes = [m["m_code"] for m in members if "m_code" in m]
report("code_check_digit",
       [c for c in codes if not re.fullmatch(r"[0-9]{11}", c) or int(c[10]) != check_digit(c[:10])]
       + ([] if codes else ["no 住民票コード at all"]), "wrong 住民票コード")
dups = sorted(set(c for c in codes if codes.count(c) > 1))
report("code_unique", dups, "shared 住民票コード")
rcs = [m["m_rc_no"] for m in members if "m_rc_no" in m]
report("rc_no_format",
       [r for r in rcs if not re.fullmatch(r"[A-Z]{2}[0-9]{8}[A-Z]{2}", r)]
       + ([] if rcs else ["no residence card number at all"]), "not a card number")
countries = set(m.get("m_country", "日本") for m in members)
want = ["日本", "中国", "ベトナム", "韓国", "フィリピン", "ネパール", "ブラジル", "インドネシア",
        "ミャンマー"]
report("nationalities", [c for c in want if c not in countries], "missing")
sizes = set(len(d["answers"]["members"]) for d in docs)
report("sizes", [s for s in range(1, 7) if s not in sizes], "missing size")
EOF

# the same seed, the same bytes; another seed, other files
if (cd "$dir/a" && ls) >"$dir/la" && (cd "$dir/b" && ls) >"$dir/lb" &&
	cmp -s "$dir/la" "$dir/lb" && diff -r "$dir/a" "$dir/b" >/dev/null; then
	echo "PASS: households/same_seed"
else
	echo "FAIL: households/same_seed (seed 4242 twice gave different files)"
fi
same=0
for f in "$dir"/a/*.json; do
	g="$dir/c/$(basename "$f" | sed 's/^4242-/4243-/')"
	[ -f "$g" ] && cmp -s "$f" "$g" && same=$((same + 1))
done
if [ "$same" -eq 0 ] && ! diff -r "$dir/a" "$dir/c" >/dev/null 2>&1; then
	echo "PASS: households/other_seed"
else
	echo "FAIL: households/other_seed (seeds 4242 and 4243 gave $same identical files)"
fi
