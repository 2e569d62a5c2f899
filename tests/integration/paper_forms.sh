#!/bin/sh
# The filled-in official form (issue 14): every reference household goes
# encode -> PNG -> zbarimg -> `yorisoi handoff form` -> PDF -> pdftotext,
# and every value the Japanese summary of the same scan shows must be on the
# paper (dates as their era's year, month and day: the era itself is
# circled, which text extraction cannot see). Then the cover sheet's
# related procedures for households of different ages, the characters
# outside JIS X 0208 it lists, a refused scan that writes no PDF, and a
# broken layout reported by file and line.
# Prints PASS:/FAIL: lines; BUILD names the build directory.
set -u
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
Y="$B/yorisoi"
K=tests/data/keys

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paper_forms.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export XDG_DATA_HOME="$tmp/xdg"
export XDG_CONFIG_HOME="$tmp/config"
# The sanitizer build: fontconfig and cairo's PDF writer keep memory until
# the process ends (Debian 12), as the slip's test explains; only those two.
printf 'leak:libfontconfig.so\nleak:cairo_surface_finish\n' >"$tmp/lsan.supp"
export LSAN_OPTIONS="suppressions=$tmp/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

pass() { echo "PASS: paper/$1"; }
fail() {
	echo "FAIL: paper/$1"
	shift
	[ $# -gt 0 ] && echo "    $*" >&2
	return 0
}

for tool in zbarimg pdftotext pdfinfo; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		fail "tools" "$tool is not installed"
		exit 1
	fi
done


for json in tests/data/households/*.json; do
	name=$(basename "$json" .json)
	if ! "$Y" handoff encode "$json" --desk-key $K/desk-test.key --png "$tmp/$name.png" \
		>/dev/null 2>"$tmp/$name.err"; then
		fail "form-$name" "encode failed: $(cat "$tmp/$name.err")"
		continue
	fi
	if ! zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$tmp/$name.png" >"$tmp/$name.scan" \
		2>/dev/null; then
		fail "form-$name" "zbarimg could not read the code"
		continue
	fi
	if ! "$Y" --lang ja handoff form "$tmp/$name.scan" --key $K/desk-test.pub \
		--pdf "$tmp/$name.pdf" 2>"$tmp/$name.err"; then
		fail "form-$name" "handoff form failed: $(cat "$tmp/$name.err")"
		continue
	fi
	"$Y" --lang ja handoff decode --summary --key $K/desk-test.pub "$tmp/$name.scan" \
		>"$tmp/$name.sum" 2>/dev/null
	pdftotext -raw "$tmp/$name.pdf" "$tmp/$name.txt"
	pages=$(pdfinfo "$tmp/$name.pdf" | sed -n 's/^Pages: *//p')
	if ! out=$(python3 tests/integration/paper_compare.py "$tmp/$name.sum" "$tmp/$name.txt"); then
		fail "form-$name" "$out"
	elif [ "$pages" -lt 2 ] || [ "$pages" -gt 4 ]; then
		fail "form-$name" "$pages pages: a cover sheet and one or two pages of form expected"
	elif ! grep -q "届出人署名\|申請者署名\|請求者署名\|署名" "$tmp/$name.txt"; then
		fail "form-$name" "no signature box"
	else
		pass "form-$name ($out values, $pages pages)"
	fi
done

# ---- the cover sheet: related procedures from the form's <when> rules ----

# household AGES SERVICES CARD: the reference 転入 household with its
# members' birth dates replaced (ages on the moving-in date 2026-11-15).
household() {
	python3 - "$@" <<'EOF'
import json, sys
out, births, services, card = sys.argv[1], sys.argv[2].split(","), sys.argv[3], sys.argv[4]
d = json.load(open("tests/data/households/tennyu.json", encoding="utf-8"))
a = d["answers"]
m0 = a["members"][0]
a["members"] = []
for i, b in enumerate(births):
    m = dict(m0, m_birth=b, m_card=card)
    if i:
        m["m_rel"] = "子" if b > "2000" else "母"
    a["members"].append(m)
a["services"] = services
json.dump(d, open(out, "w", encoding="utf-8"), ensure_ascii=False)
EOF
}

# The list under あわせて必要な手続き, one per line.
related_of() { # pdf
	pdftotext "$1" - | python3 -c '
import sys
lines = sys.stdin.read().splitlines()
i = lines.index("あわせて必要な手続き")
for l in lines[i + 1:]:
    l = l.strip()
    if l.startswith("確認が必要な文字"):
        break
    if l:
        print(l.lstrip("・"))'
}

check_related() { # name births services card expected...
	name=$1 births=$2 services=$3 card=$4
	shift 4
	household "$tmp/$name.json" "$births" "$services" "$card"
	if ! "$Y" handoff form --answers "$tmp/$name.json" --pdf "$tmp/$name.pdf" 2>"$tmp/$name.err"; then
		fail "related-$name" "handoff form failed: $(cat "$tmp/$name.err")"
		return
	fi
	got=$(related_of "$tmp/$name.pdf")
	want=$(printf '%s\n' "$@")
	if [ "$got" = "$want" ]; then
		pass "related-$name"
	else
		fail "related-$name" "got [$got], want [$want]"
	fi
}

# A couple with a 2-year-old, all with My Number cards.
check_related toddler 1991-09-02,1994-01-15,2024-05-20 "" yes \
	"児童手当 認定請求書" "子ども医療費助成 申請" "マイナンバーカードの継続利用（住所変更）" \
	"印鑑登録申請書" "住民票の写し等交付請求書"
# A parent with a 10-year-old (school age) and National Health Insurance.
check_related schoolchild 1985-03-01,2016-04-10 nhi no \
	"児童手当 認定請求書" "子ども医療費助成 申請" "転入学手続き" "国民健康保険 資格取得届" \
	"印鑑登録申請書" "住民票の写し等交付請求書"
# A 70-year-old with her 80-year-old mother.
check_related elderly 1956-06-01,1946-02-11 "" no \
	"介護保険 資格取得（被保険者証の交付）" "後期高齢者医療 資格取得" "印鑑登録申請書" \
	"住民票の写し等交付請求書"
# A 64-year-old turns 65 after moving in: nothing for the elderly yet.
check_related almost65 1961-11-16 "" no "印鑑登録申請書" "住民票の写し等交付請求書"

# 転出 and 転居 have rules of their own: the reference households (a
# 7-year-old, National Health Insurance, the child allowance, school).
for f in tenshutsu tenkyo; do
	"$Y" handoff form --answers "tests/data/households/$f.json" --pdf "$tmp/rel-$f.pdf" 2>/dev/null
	got=$(related_of "$tmp/rel-$f.pdf" | tr '\n' ';')
	case $f in
	tenshutsu) want="転入届;国民健康保険 資格喪失届;児童手当 受給事由消滅届;転校手続き（在学証明書・教科書給与証明書）;" ;;
	tenkyo) want="住民票の写し等交付請求書;国民健康保険 住所変更;児童手当 住所変更届;転校手続き（区域外・学区変更）;" ;;
	esac
	if [ "$got" = "$want" ]; then pass "related-$f"; else fail "related-$f" "got [$got], want [$want]"; fi
done

# ---- characters outside JIS X 0208 -----------------------------------------

if ! "$Y" handoff form --answers tests/data/counter/tennyu-marks.json --pdf "$tmp/marks.pdf" 2>"$tmp/marks.err"; then
	fail "marks" "handoff form failed: $(cat "$tmp/marks.err")"
else
	pdftotext "$tmp/marks.pdf" "$tmp/marks.txt"
	flat=$(tr -d ' \n' <"$tmp/marks.txt")
	case "$flat" in
	*"新住所（方書）：髙﨑ハイツ206号室—髙﨑（JISX0208・0213のどちらにもない文字を含む）"*"異動者2氏名：𠮷田花子—𠮷（JISX0208・0213のどちらにもない文字を含む）"*)
		pass "marks" ;;
	*) fail "marks" "cover sheet: $(grep -A6 '確認が必要' "$tmp/marks.txt")" ;;
	esac
fi
# The reference household has no such character: the list says なし.
if pdftotext "$tmp/toddler.pdf" - | grep -A2 '確認が必要' | grep -qx 'なし'; then
	pass "marks-none"
else
	fail "marks-none" "$(pdftotext "$tmp/toddler.pdf" - | grep -A3 '確認が必要')"
fi

# ---- a code of an older form version -------------------------------------------

# tennyu version 1 (before 在留資格 and 在留期間 were choices) prints on the
# layout archived with it (forms/archive/paper/), the statuses as typed.
if "$Y" --lang ja handoff form tests/data/handoff/tennyu-v1.code --key $K/desk-test.pub \
	--pdf "$tmp/v1.pdf" >/dev/null 2>"$tmp/v1.err" &&
	pdftotext "$tmp/v1.pdf" - | tr -d ' \n' | grep -q '永住者3年.*特定技能1号1年.*育成就労2年6月'; then
	pass "older-version"
else
	fail "older-version" "$(cat "$tmp/v1.err")"
fi

# A status and a period not in the lists (other="true"): the box shows what
# the card says, not その他.
/usr/bin/python3 - "$tmp/other.json" <<'PY'
import json, sys
d = json.load(open("tests/data/answers/tennyu_ref.json"))
m = d["answers"]["members"][2]
m.update(m_status="other", m_status_other="育成就労", m_period="other", m_period_other="2年6月")
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)
PY
if "$Y" --lang ja handoff form --answers "$tmp/other.json" --pdf "$tmp/other.pdf" --no-cover \
	>/dev/null 2>"$tmp/other.err" &&
	pdftotext "$tmp/other.pdf" - | tr -d ' \n' | grep -q '育成就労2年6月' &&
	! pdftotext "$tmp/other.pdf" - | grep -q 'その他'; then
	pass "other-text-instead-of-sonota"
else
	fail "other-text-instead-of-sonota" "$(cat "$tmp/other.err")"
fi

# ---- refusals ----------------------------------------------------------------

# An altered code: the decoder's reason, its exit status, and no PDF. The
# last character (in the signature) becomes 0, or 1 if it was 0: a smaller
# digit keeps its Base45 group in range, so the signature is what fails.
sed 's/0$/1/; t; s/.$/0/' "$tmp/tennyu.scan" >"$tmp/altered.scan"
"$Y" --lang ja handoff form "$tmp/altered.scan" --key $K/desk-test.pub --pdf "$tmp/altered.pdf" \
	>/dev/null 2>"$tmp/altered.err"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] && [ "$rc" -ne 2 ] && [ ! -e "$tmp/altered.pdf" ] &&
	grep -q '受け付け' "$tmp/altered.err"; then
	pass "refused-no-pdf (exit $rc)"
else
	fail "refused-no-pdf" "exit $rc, pdf $(ls "$tmp/altered.pdf" 2>&1): $(cat "$tmp/altered.err")"
fi

# A layout naming a field the form does not have: file and line.
sed 's/field="new_head"/field="no_such_field"/' forms/paper/tennyu.xml >"$tmp/bad.xml"
ln -s "$(pwd)/forms/paper/paper.rng" "$tmp/paper.rng"
"$Y" handoff form --answers tests/data/households/tennyu.json --layout "$tmp/bad.xml" \
	--pdf "$tmp/bad.pdf" 2>"$tmp/bad.err"
rc=$?
line=$(grep -n no_such_field "$tmp/bad.xml" | cut -d: -f1)
if [ "$rc" -eq 1 ] && grep -q "bad.xml:$line: form tennyu has no field \"no_such_field\"" "$tmp/bad.err" &&
	[ ! -e "$tmp/bad.pdf" ]; then
	pass "layout-error"
else
	fail "layout-error" "exit $rc: $(cat "$tmp/bad.err")"
fi
