#!/bin/sh
# Keystroke benchmark (tests/bench/keystrokes.c): for every procedure in
# forms/ with a reference household in tests/data/households/, the keys the
# console needs against typing every answer; prints the ratio per form.
# Figures only, no assertions. Usage: BUILD=build sh tests/bench/keystrokes.sh
set -eu
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
sh scripts/install-deps.sh bench
make --no-print-directory BUILD="$B" "$B/bench/keystrokes" "$B/postal.db" >/dev/null
export YORISOI_POSTAL_DB="$B/postal.db"
echo "== reference households (tests/data/households), keys by field top first"
"$B/bench/keystrokes" forms tests/data/households
# generated households (tests/households/generate.py, fixed seeds): 転入
# households of 1 to 6 people of nine nationalities, with each member's
# card read where the household says so, and each filer's seal
# registration (印鑑登録) at the new address (households_for_keystrokes.py)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 1 2 3 4 5 6; do
	/usr/bin/python3 tests/households/generate.py --seed "1200$size" --count 8 --size "$size" \
		--spread --out "$tmp/answers" >/dev/null
done
/usr/bin/python3 tests/bench/households_for_keystrokes.py "$tmp/answers" "$tmp/homes"
echo "== generated households: ratio of keys, median and worst"
"$B/bench/keystrokes" --generated forms "$tmp/homes"
