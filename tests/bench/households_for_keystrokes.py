"""Turns generated 転入 answers (tests/households/generate.py) into the
households the keystroke benchmark walks (the shape of
tests/data/households/*.json): what the desk knows before the resident
types anything. The card read at the start is the filer's own (the member
whose name the filer gave, else the first); each member with a My Number
card (m_card = yes) has it read for their row; the postal lookup fills
prefecture, city and town; today is the filing day.
Usage: households_for_keystrokes.py ANSWERS_DIR OUT_DIR"""
import json
import os
import re
import sys

SEX = {"male": "1", "female": "2"}


def card_of(member, address):
    card = {"card.name": member["m_name"], "card.birth": member["m_birth"],
            "card.address": address, "card.sex": SEX.get(member.get("m_sex"), "9")}
    if member.get("m_alpha"):
        card["card.name_alpha"] = member["m_alpha"]
    return card


def household(doc):
    a = doc["answers"]
    members = a.get("members", [])
    address = a.get("old_addr", "")
    filer = next((m for m in members if m["m_name"] == a.get("name")), members[0])
    return {
        "form": doc["form"], "form_version": doc["form_version"], "lang": doc["lang"],
        "today": a["notify_date"],
        "card": card_of(filer, address),
        # the place of the postal code: the town as Japan Post writes it,
        # without the 丁目 the generator adds (難波中3丁目 -> 難波中), which
        # the console asks next
        "postal": {"postal.prefecture": a.get("new_pref", ""),
                   "postal.city": a.get("new_city", ""),
                   "postal.town": re.sub(r"[0-9]+丁目$", "", a.get("new_town", ""))},
        "instance_cards": {"members": [card_of(m, address) if m.get("m_card") == "yes" else {}
                                       for m in members]},
        "answers": a,
    }


def main(src, out):
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if name.endswith(".json"):
            doc = json.load(open(os.path.join(src, name), encoding="utf-8"))
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                json.dump(household(doc), f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
