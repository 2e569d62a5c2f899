"""Turns generated 転入 answers (tests/households/generate.py) into the
households the keystroke benchmark walks (the shape of
tests/data/households/*.json): what the desk knows before the resident
types anything. The card read at the start is the filer's own (the member
whose name the filer gave, else the first); each member with a My Number
card (m_card = yes) has it read for their row; the postal lookup fills
prefecture, city and town; today is the filing day.

From the filer of each household it also makes a seal registration (印鑑登録)
after the move, at the new address, the resident as found at a desk: with a
My Number card most read it (the photo ID, and the card fills name, birth
and address); without one, another photo ID, a guarantor or the city's
letter. A guarantor is an adult of the same household (same address), else
a neighbour in the same town, else someone of another household elsewhere,
so the guarantor's suggested start (the applicant's town) is right only for
some. Deterministic: each household's choices come from its file name.
Usage: households_for_keystrokes.py ANSWERS_DIR OUT_DIR"""
import json
import os
import random
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


def new_address(a):
    """The address moved to, as the certificate of residence writes it."""
    bldg = a.get("new_bldg", "")
    return "%s%s%s%s%s" % (a["new_pref"], a["new_city"], a["new_town"], a["new_block"],
                           " " + bldg if bldg else "")


def adult(member, day):
    y, m, d = (int(x) for x in member["m_birth"].split("-"))
    dy, dm, dd = (int(x) for x in day.split("-"))
    return dy - y - ((dm, dd) < (m, d)) >= 20


def seal_registration(doc, rng, others):
    """The 印鑑登録 of the filer of a generated 転入 household (see above)."""
    a = doc["answers"]
    members = a.get("members", [])
    me = next((m for m in members if m["m_name"] == a.get("name")), members[0])
    day = a["notify_date"]
    address = new_address(a)
    foreign = me.get("m_nat", "jp") != "jp"
    ans = {"filer": "self", "name": me["m_name"], "kana": me["m_kana"],
           "birth": me["m_birth"], "address": address, "phone": a["phone"],
           "nat": "foreign" if foreign else "jp"}
    if foreign and me.get("m_alpha"):
        ans["alpha"] = me["m_alpha"]
    ans["seal_name"] = rng.choices(["full", "family", "given"], [5, 3, 2])[0]
    ans["apply_date"] = day
    card = {}
    if me.get("m_card") == "yes" and rng.random() < 0.8:
        ans["method"], ans["id_doc"] = "photo", "mynumber"
        card = card_of(me, address)
    else:
        ans["method"] = rng.choices(["photo", "guarantor", "inquiry"], [50, 35, 15])[0]
        if ans["method"] == "photo":
            ans["id_doc"] = "residence" if foreign else rng.choice(["licence", "passport"])
    if ans["method"] == "guarantor":
        kin = [m for m in members if m is not me and adult(m, day)]
        other = rng.choice(others)
        r = rng.random()
        if kin and r < 0.4:
            g = rng.choice(kin)
            ans["g_name"], ans["g_address"], ans["g_birth"] = g["m_name"], address, g["m_birth"]
        elif r < 0.65:
            ans["g_name"], ans["g_birth"] = other["name"], other["birth"]
            ans["g_address"] = "%s%s%s%d番%d号" % (a["new_pref"], a["new_city"], a["new_town"],
                                                 rng.randint(1, 30), rng.randint(1, 25))
        else:
            ans["g_name"], ans["g_birth"] = other["name"], other["birth"]
            ans["g_address"] = other["address"]
    return {"form": "inkan", "form_version": 1, "lang": doc["lang"], "today": day,
            "card": card, "answers": ans}


def main(src, out):
    os.makedirs(out, exist_ok=True)
    docs = {}
    for name in sorted(os.listdir(src)):
        if name.endswith(".json"):
            docs[name] = json.load(open(os.path.join(src, name), encoding="utf-8"))
    # the people other households offer as guarantors: first members
    others = [{"name": d["answers"]["members"][0]["m_name"],
               "birth": d["answers"]["members"][0]["m_birth"],
               "address": new_address(d["answers"])} for d in docs.values()]
    for name, doc in docs.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(household(doc), f, ensure_ascii=False, indent=1)
        seal = seal_registration(doc, random.Random(name), others)
        with open(os.path.join(out, "inkan-" + name), "w", encoding="utf-8") as f:
            json.dump(seal, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
