#!/bin/sh
# The handoff code through a real QR reader: for each answers fixture,
# `yorisoi handoff encode X --png P` -> `zbarimg` -> `yorisoi handoff decode`
# must give back JSON equal to X: signed with this desk's default key (in a
# private XDG_DATA_HOME, trusted by decode by default), sealed to the test
# city, and in the digits-only armour. Then the documented exit statuses of
# decode for damaged, altered, foreign or untrusted scans, and of encode for
# bad answers.
# Prints PASS:/FAIL: lines; BUILD names the build directory.
set -u
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
Y="$B/yorisoi"
root=$(pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoff_zbar.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# This desk's key is created on first use in here, never in the user's home.
export XDG_DATA_HOME="$tmp/xdg"
K=tests/data/keys

pass() { echo "PASS: handoff/$1"; }
fail() {
	echo "FAIL: handoff/$1"
	shift
	[ $# -gt 0 ] && echo "    $*" >&2
	return 0
}

if [ ! -x "$Y" ]; then
	fail "zbar-binary" "$Y is not built"
	exit 1
fi
if ! command -v zbarimg >/dev/null 2>&1; then
	fail "zbar-available" "zbarimg (zbar-tools) is not installed"
	exit 1
fi

# The installed forms plus the test form, with the schema beside them.
forms="$tmp/forms"
mkdir "$forms"
ln -s "$root"/forms/form.rng "$root"/forms/*.xml "$root"/forms/lists "$root/tests/data/forms/handoff_test.xml" "$forms/"
# Only the test form: everything else is "not installed" there.
only_test="$tmp/only_test"
mkdir "$only_test"
ln -s "$root"/forms/form.rng "$root/tests/data/forms/handoff_test.xml" "$only_test/"

same_json() { # a.json b.json
	python3 -c 'import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
b = json.load(open(sys.argv[2], encoding="utf-8"))
sys.exit(0 if a == b else 1)' "$1" "$2"
}

for json in tests/data/answers/*.json; do
	name=$(basename "$json" .json)
	png="$tmp/$name.png"
	if ! "$Y" --forms "$forms" handoff encode "$json" --png "$png" >"$tmp/$name.txt" 2>"$tmp/$name.err"; then
		fail "zbar-$name" "encode failed: $(cat "$tmp/$name.err")"
		continue
	fi
	if ! zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$png" >"$tmp/$name.scan" 2>"$tmp/$name.zerr"; then
		fail "zbar-$name" "zbarimg could not read $png: $(cat "$tmp/$name.zerr")"
		continue
	fi
	if ! cmp -s "$tmp/$name.txt" "$tmp/$name.scan"; then
		fail "zbar-$name" "zbarimg read different text than encode printed"
		continue
	fi
	if ! "$Y" --forms "$forms" handoff decode <"$tmp/$name.scan" >"$tmp/$name.out" 2>"$tmp/$name.derr"; then
		fail "zbar-$name" "decode failed: $(cat "$tmp/$name.derr")"
		continue
	fi
	if same_json "$json" "$tmp/$name.out"; then
		pass "zbar-$name"
	else
		fail "zbar-$name" "decoded JSON differs: $(cat "$tmp/$name.out")"
	fi
done

# ---- sealed to the city, and the digits-only armour --------------------------
for json in tests/data/answers/*.json; do
	name=$(basename "$json" .json)
	for variant in sealed digits; do
		case $variant in
		sealed) opts="--seal $K/city-test.pub" dopts="--city-key $K/city-test.key" ;;
		digits) opts="--digits" dopts="" ;;
		esac
		png="$tmp/$name-$variant.png"
		# shellcheck disable=SC2086
		if "$Y" --forms "$forms" handoff encode "$json" --png "$png" $opts >"$tmp/v.txt" 2>"$tmp/v.err" &&
			zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$png" >"$tmp/v.scan" 2>/dev/null &&
			cmp -s "$tmp/v.txt" "$tmp/v.scan" &&
			"$Y" --forms "$forms" handoff decode $dopts <"$tmp/v.scan" >"$tmp/v.out" 2>"$tmp/v.derr" &&
			same_json "$json" "$tmp/v.out"; then
			pass "zbar-$variant-$name"
		else
			fail "zbar-$variant-$name" "$(cat "$tmp/v.err" "$tmp/v.derr" 2>/dev/null)"
		fi
	done
done

# ---- the SVG draws the same symbol ----------------------------------------
# No SVG renderer is assumed: the paths ("M x yhNv1h-Nz" per dark run) are
# rasterised here into a PGM, which zbarimg reads.
svg_to_pgm() { # in.svg out.pgm
	python3 -c 'import re, sys
s = open(sys.argv[1]).read()
side = int(re.search(r"viewBox=\"0 0 (\d+) \d+\"", s).group(1))
g = [[255] * side for _ in range(side)]
for x, y, w, w2 in re.findall(r"M(\d+) (\d+)h(\d+)v1h-(\d+)z", re.search(r" d=\"([^\"]*)\"", s).group(1)):
    for i in range(int(x), int(x) + int(w)):
        g[int(y)][i] = 0
with open(sys.argv[2], "wb") as f:
    f.write(b"P5 %d %d 255\n" % (side * 4, side * 4))
    for row in g:
        f.write(bytes(v for v in row for _ in range(4)) * 4)' "$1" "$2"
}
for name in handoff_test_full juminhyo_proxy; do
	json=tests/data/answers/$name.json
	if "$Y" --forms "$forms" handoff encode "$json" --svg "$tmp/$name.svg" >"$tmp/$name.svgtxt" 2>/dev/null &&
		svg_to_pgm "$tmp/$name.svg" "$tmp/$name.pgm" &&
		zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$tmp/$name.pgm" >"$tmp/$name.svgscan" 2>/dev/null &&
		cmp -s "$tmp/$name.svgtxt" "$tmp/$name.svgscan"; then
		pass "svg-$name"
	else
		fail "svg-$name" "the SVG did not scan back to the payload"
	fi
done

# ---- exit statuses of decode (docs/handoff-format.md, "Exit statuses") ----

expect_decode() { # test-name want-status [decode args...] < input
	tname=$1 want=$2
	shift 2
	"$Y" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ] && { [ "$want" -ne 0 ] || [ -s "$tmp/out" ]; } &&
		{ [ "$want" -eq 0 ] || [ ! -s "$tmp/out" ]; }; then
		pass "$tname"
	else
		fail "$tname" "exit $got, want $want; stderr: $(cat "$tmp/err")"
	fi
}

good=$(cat "$tmp/handoff_test_min.scan" 2>/dev/null || echo "")
if [ -z "$good" ]; then
	fail "decode-status" "no scanned payload to damage"
	exit 1
fi
body=${good#YR1:}
n=${#body}

printf '%s\r\n' "$good" | expect_decode decode-crlf 0 --forms "$forms" handoff decode
printf '%s\n' "$good" >"$tmp/scan.txt"
expect_decode decode-file-argument 0 --forms "$forms" handoff decode "$tmp/scan.txt" </dev/null
"$Y" keys export >"$tmp/own.pub" 2>/dev/null
cat "$K/desk-other.pub" "$tmp/own.pub" >"$tmp/several.pub"
printf '%s\n' "$good" | expect_decode decode-key-own 0 --forms "$forms" handoff decode --key "$tmp/own.pub"
printf '%s\n' "$good" | expect_decode decode-key-file-with-several 0 --forms "$forms" handoff decode --key "$tmp/several.pub"
printf '%s\n' "$good" | expect_decode decode-key-several-options 0 --forms "$forms" handoff decode --key "$K/desk-other.pub" --key "$tmp/own.pub"
printf '%s\n' "$good" | expect_decode decode-unknown-desk 8 --forms "$forms" handoff decode --key "$K/desk-other.pub"
printf '%s\n' "$good" | expect_decode decode-key-not-a-key 1 --forms "$forms" handoff decode --key /dev/null
# One character of the signature changed to "0": still valid Base45, the
# body still inflates, so the clerk is told it was altered.
altered=$(python3 -c 'import sys
t = sys.argv[1]
for i in range(len(t) - 10, 4, -1):
    if t[i] != "0":
        print(t[:i] + "0" + t[i + 1:]); break' "$good")
printf '%s\n' "$altered" | expect_decode decode-altered 9 --forms "$forms" handoff decode
sealed=$("$Y" --forms "$forms" handoff encode tests/data/answers/handoff_test_min.json --seal "$K/city-test.pub" 2>/dev/null)
printf '%s\n' "$sealed" | expect_decode decode-sealed-no-city-key 10 --forms "$forms" handoff decode
printf '%s\n' "$sealed" | expect_decode decode-sealed-wrong-city-key 10 --forms "$forms" handoff decode --city-key "$K/city-other.key"
printf '%s\n' "$sealed" | expect_decode decode-sealed-city-public-only 1 --forms "$forms" handoff decode --city-key "$K/city-test.pub"
printf '%s\n' "$sealed" | expect_decode decode-sealed 0 --forms "$forms" handoff decode --city-key "$K/city-test.key"
# The unsigned test vector (docs/handoff-format.md, vector U) is refused.
printf '%s\n' 'YR1:6Y0%ZS6996Q941A QHDB9%%5OUC3/PWM9GI9O10G9LCOGSDFCN1' |
	expect_decode decode-unsigned 11 --forms "$forms" handoff decode
# So is a code of the pre-release draft format (version 1, unsigned).
printf '%s\n' 'YR1:V50%ZS6996Q941A QHDB9%%5OUCJ/PJES.W0-%U7G1%QU:6DMXOQ8K/O100' |
	expect_decode decode-draft-version 5 --forms "$forms" handoff decode
# Several codes: any order, one missing, two applications mixed.
"$Y" --forms "$forms" handoff encode tests/data/answers/juminhyo_proxy.json --max-version 6 >"$tmp/parts" 2>/dev/null
"$Y" --forms "$forms" handoff encode tests/data/answers/juminhyo_self.json --max-version 6 >"$tmp/parts2" 2>/dev/null
if [ "$(wc -l <"$tmp/parts")" -ge 2 ]; then
	tac "$tmp/parts" | expect_decode decode-parts-any-order 0 --forms "$forms" handoff decode
	tail -n +2 "$tmp/parts" | expect_decode decode-parts-missing 12 --forms "$forms" handoff decode
	{ head -n 1 "$tmp/parts"; tail -n 1 "$tmp/parts2"; } | expect_decode decode-parts-mixed 12 --forms "$forms" handoff decode
else
	fail "decode-parts" "juminhyo_proxy fits one version 6 code"
fi
printf 'HC1:%s\n' "$body" | expect_decode decode-not-yorisoi 3 --forms "$forms" handoff decode
printf 'https://example.jp/\n' | expect_decode decode-url 3 --forms "$forms" handoff decode
printf '%s\n' "$good" | tr 'A-Z' 'a-z' | expect_decode decode-capslock 6 --forms "$forms" handoff decode
printf '%s\n' "$good" | cut -c1-$((4 + (n / 3 - 1) * 3)) | expect_decode decode-truncated 4 --forms "$forms" handoff decode
printf '%s!\n' "$good" | expect_decode decode-bad-char 4 --forms "$forms" handoff decode
printf 'YR2:%s\n' "$body" | expect_decode decode-newer-version 5 --forms "$forms" handoff decode
jum=$(cat "$tmp/juminhyo_self.scan" 2>/dev/null || echo "YR1:")
printf '%s\n' "$jum" | expect_decode decode-form-not-installed 5 --forms "$only_test" handoff decode
expect_decode decode-usage 2 --forms "$forms" handoff decode a b </dev/null
expect_decode handoff-usage 2 handoff </dev/null
expect_decode encode-usage 2 --forms "$forms" handoff encode </dev/null

# A value the form rejects, detected before any code is made (exit 1).
printf '%s\n' '{"form": "handoff_test", "form_version": 1, "lang": "en", "answers": {"name": "x", "birth": "1982-07-14"}}' >"$tmp/incomplete.json"
expect_decode encode-incomplete 1 --forms "$forms" handoff encode "$tmp/incomplete.json" </dev/null
expect_decode encode-missing-file 1 --forms "$forms" handoff encode "$tmp/nosuch.json" </dev/null
expect_decode encode-unwritable-png 1 --forms "$forms" handoff encode tests/data/answers/handoff_test_min.json --png "$tmp/nodir/x.png" </dev/null
