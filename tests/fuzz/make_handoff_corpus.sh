#!/bin/sh
# Rewrites the seed corpus of fuzz_handoff_decode from the reference
# households with the test keys: signed, sealed, digits-only, multi-part
# (in order and reversed) and a few broken scans. Run after a change of
# the handoff format; needs build/yorisoi. Usage: tests/fuzz/make_handoff_corpus.sh
set -eu
cd "$(dirname "$0")/../.."
Y=build/yorisoi
K=tests/data/keys
out=tests/fuzz/corpus/handoff_decode
rm -f "$out"/*
enc() { # answers-name name-prefix extra-args...
	a=$1 p=$2
	shift 2
	"$Y" handoff encode "tests/data/answers/$a.json" --desk-key "$K/desk-test.key" "$@" 2>/dev/null >"$out/$p-$a"
}
for a in inkan_ref jidou_teate_ref juminhyo_proxy juminhyo_self kaigo_ref tenkyo_ref tennyu_ref tenshutsu_ref; do
	enc "$a" signed
done
for a in juminhyo_proxy tenshutsu_ref tennyu_ref; do enc "$a" sealed --seal "$K/city-test.pub"; done
enc juminhyo_self digits --digits
enc kaigo_ref digits-sealed --digits --seal "$K/city-test.pub"
enc juminhyo_proxy parts --max-version 5
enc tennyu_ref parts --max-version 6
tac "$out/parts-juminhyo_proxy" >"$out/parts-reversed-juminhyo_proxy"
# unsigned codes (the fuzz target allows them, so mutations get past the signature)
make --no-print-directory build/handoff_unsigned_seed >/dev/null
for a in jidou_teate_ref juminhyo_proxy kaigo_ref tennyu_ref tenshutsu_ref; do
	build/handoff_unsigned_seed "tests/data/answers/$a.json" >"$out/unsigned-$a"
done
# broken scans: each names what it exercises
s=$(cat "$out/signed-juminhyo_self")
printf '%s\n' "$s" | tr 'A-Z' 'a-z' >"$out/broken-lowercase"
printf '%s\n' "$s" | cut -c1-120 >"$out/broken-truncated"
printf '%s\n' "$s" | sed 's/^\(.\{40\}\)./\1Z/' >"$out/broken-altered"
printf 'HC1:%s\n' "${s#YR1:}" >"$out/broken-prefix"
printf '25181\n' >"$out/broken-digits-empty"
head -n 1 "$out/parts-juminhyo_proxy" >"$out/broken-parts-missing"
"$Y" handoff encode tests/data/answers/juminhyo_self.json --desk-key "$K/desk-other.key" 2>/dev/null >"$out/broken-unknown-desk"
sealed=$(cat "$out/sealed-juminhyo_proxy")
printf '%s\n' "$sealed" | cut -c1-200 >"$out/broken-sealed-tail"
printf '%s\n' "YR1:$(printf '%s' "$s" | cut -c5-)" | sed 's/^YR1:./YR1:0/' >"$out/broken-version"
ls "$out" | wc -l
