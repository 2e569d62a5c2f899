#!/bin/sh
# An answer the form works out (<suggest>): a person of 75 or more is
# insured by their prefecture's 後期高齢者医療広域連合, which fills the box
# with the form's reason under it, for the resident to check; a younger
# person gets an empty box. Console and plain mode. Fixture:
# tests/data/forms-suggest.
cd "$(dirname "$0")/../.."
. tests/e2e/lib.sh

tmp=$(mktemp -d /tmp/yorisoi-e2e-suggest.XXXXXX)
trap 'e2e_cleanup; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"

result() { e2e_result form-suggestions "$@"; }
# to the insurer question: address $1, birth $2, drafts in $3
to_insurer() {
	e2e_fixture_answer tests/data/forms-suggest "$3" "Where does the person live" "$1" ||
		return 1
	e2e_wait "When was the person born" 5 || return 1
	e2e_type "$2"
	e2e_keys Enter
	e2e_wait "Who is the health insurer" 5
}

ok=0
mkdir -p "$tmp/a"
to_insurer "京都府京都市左京区下鴨1番" "1940-02-03" "$tmp/a" || ok=1
e2e_wait "Insured by the prefecture's scheme from 75: check the card." 3 || ok=1
e2e_box "京都府後期高齢者医療広域連合" || ok=1
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
e2e_screen | grep -q "京都府後期高齢者医療広域連合" || ok=1
result offered-from-75 $ok
e2e_stop

# 60 years old: nothing offered, the box is empty
ok=0
mkdir -p "$tmp/b"
to_insurer "京都府京都市左京区下鴨1番" "1966-02-03" "$tmp/b" || ok=1
sleep 0.3
e2e_screen | grep -q "Insured by the prefecture\|後期高齢者医療広域連合" && ok=1
e2e_type "全国健康保険協会"
e2e_keys Enter
e2e_wait "Check your answers" 5 || ok=1
result nothing-under-75 $ok
e2e_stop

# plain mode: the reason, the suggestion, and an empty line takes it
ok=0
out=$(e2e_plain_fixture tests/data/forms-suggest "$tmp" 北海道札幌市中央区北1条西2丁目 1945-06-07 "")
echo "$out" | grep -q "^Insured by the prefecture's scheme from 75: check the card.$" || ok=1
echo "$out" | grep -q "Suggested: 北海道後期高齢者医療広域連合 (press Enter to use it" || ok=1
echo "$out" | sed -n '/Check your answers/,$p' | grep -q "北海道後期高齢者医療広域連合" || ok=1
[ "$ok" = 0 ] || echo "$out" | tail -30 | sed 's/^/    /'
result plain-mode $ok
