#!/bin/sh
# postal-build refuses a bad data file with the file, line and reason, and
# leaves no postal.db behind for make to trust; a good pair of files gives
# a database whose 丁目 the store reads. Each bad 丁目 row is one the
# build must not take (docs/postal.md, "The 丁目 of a town").
# Prints PASS:/FAIL: postal-build/<case>.
set -u
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
make --no-print-directory BUILD="$B" "$B/postal-build" >/dev/null || {
	echo "FAIL: postal-build/built"
	exit 1
}
tmp=$(mktemp -d /tmp/yorisoi-postal-build.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# a postal file of one place
printf '# Japan Post postal codes, via npm test 1.0.\ncode\tprefecture\tcity\ttown\tprefecture_kana\tcity_kana\ttown_kana\toffice\tstreet\n2300051\t神奈川県\t横浜市鶴見区\t鶴見中央\tカナガワケン\tヨコハマシツルミク\tツルミチュウオウ\t\t\n' |
	gzip >"$tmp/postal.tsv.gz"

# chome_file NAME ROW : a 丁目 file with its header and one row
chome_file() {
	printf '# test\nprefecture\tcity\ttown\tchome\n%s\n' "$2" | gzip >"$tmp/$1.tsv.gz"
}

# refuses NAME ROW REASON : the build fails, says REASON at line 3, and
# leaves neither the database nor its temporary file
refuses() {
	chome_file "$1" "$2"
	out=$("$B/postal-build" "$tmp/postal.tsv.gz" "$tmp/$1.tsv.gz" "$tmp/$1.db" 2>&1)
	rc=$?
	if [ $rc -ne 0 ] && echo "$out" | grep -q "$1.tsv.gz:3: $3" &&
		[ ! -e "$tmp/$1.db" ] && [ ! -e "$tmp/$1.db.tmp" ]; then
		echo "PASS: postal-build/refuses-$1"
	else
		echo "rc $rc: $out" >&2
		echo "FAIL: postal-build/refuses-$1"
	fi
}

T=$(printf '\t')
refuses descending "神奈川県${T}横浜市鶴見区${T}鶴見中央${T}1,3,2" "the 丁目 are not ascending"
refuses zero "神奈川県${T}横浜市鶴見区${T}鶴見中央${T}0,1" "the 丁目 are not ascending"
refuses hundred "神奈川県${T}横浜市鶴見区${T}鶴見中央${T}1,100" "the 丁目 are not ascending"
refuses twice "神奈川県${T}横浜市鶴見区${T}鶴見中央${T}1,1" "the 丁目 are not ascending"
refuses trailing-comma "神奈川県${T}横浜市鶴見区${T}鶴見中央${T}1,2," "the 丁目 are not ascending"
refuses three-fields "神奈川県${T}横浜市鶴見区${T}1,2" "wrong number of fields"
refuses empty-town "神奈川県${T}横浜市鶴見区${T}${T}1,2" "a place is empty or too long"

# sql DB QUERY : the first column of the first row (python3's sqlite3: the
# sqlite3 program is not among the test dependencies)
sql() {
	/usr/bin/python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"
}

# a good pair: built, and the table holds the town's 丁目
chome_file good "神奈川県${T}横浜市鶴見区${T}鶴見中央${T}1,2,3,4,5"
if "$B/postal-build" "$tmp/postal.tsv.gz" "$tmp/good.tsv.gz" "$tmp/good.db" &&
	[ "$(sql "$tmp/good.db" "SELECT numbers FROM chome WHERE town = '鶴見中央'")" = "1,2,3,4,5" ] &&
	[ "$(sql "$tmp/good.db" "PRAGMA user_version")" = 2 ]; then
	echo "PASS: postal-build/good-files"
else
	echo "FAIL: postal-build/good-files"
fi

# a missing 丁目 file is an error, not a database without 丁目
if "$B/postal-build" "$tmp/postal.tsv.gz" "$tmp/none.tsv.gz" "$tmp/none.db" 2>/dev/null ||
	[ -e "$tmp/none.db" ]; then
	echo "FAIL: postal-build/missing-chome-file"
else
	echo "PASS: postal-build/missing-chome-file"
fi
