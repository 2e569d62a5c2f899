"""Every value the Japanese summary of a scan shows (`handoff decode
--summary`: lines "term：value") must be in the text of the printed form
(pdftotext -raw), spaces and line breaks aside. A date's era is circled on
paper, which text extraction cannot see, so a date is looked for as its
year, month and day in that era. Prints how many values were checked;
exits 1 naming the missing ones.
Usage: paper_compare.py SUMMARY.txt FORM.txt"""
import re, sys
summary = open(sys.argv[1], encoding="utf-8").read().splitlines()
text = re.sub(r"\s+", "", open(sys.argv[2], encoding="utf-8").read())
era = re.compile(r"^(明治|大正|昭和|平成|令和)(.*)$")
missing, checked = [], 0
# after the title, the form line and the desk line; the day the code was
# made (作成日) is checked too: the cover sheet shows it
for line in summary[3:]:
    if "：" not in line:
        continue
    term, value = line.strip().split("：", 1)
    for part in value.split("、"):
        want = re.sub(r"\s+", "", part)
        m = era.match(want)
        if m:
            want = m.group(2)
        if not want:
            continue
        checked += 1
        if want not in text:
            missing.append(f"{term}={part}")
if missing or checked == 0:
    print("missing on paper: " + "; ".join(missing) if missing else "no values checked")
    sys.exit(1)
print(checked)
