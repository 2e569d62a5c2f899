#!/usr/bin/python3
"""
Households that look real, for the 転入届 (forms/tennyu.xml): answers JSON
files for `yorisoi handoff encode`, to measure code sizes on (issue 13).

The tuned reference households in tests/data/answers/*_ref.json use
sequential numbers (12345678901) that DEFLATE shortens; these use random
ones: 住民票コード with a correct check digit, residence card numbers in
the card's format (AB12345678CD), mobile phone numbers, real postal codes
and places from data/postal/postal.tsv.gz, a 丁目 only where the town data
(data/postal/chome.tsv.gz) divides the town, names drawn from public
frequency lists (tests/households/names/*.tsv, each naming its source).

Usage: generate.py --seed N --count K --out DIR [--size S] [--nationality CC]
                   [--spread] [--today YYYY-MM-DD]

  --size S         every household has S members (1-6); otherwise sizes are
                   drawn (1 most often), each size at least once when K >= 6
  --nationality CC one nationality for all: jp cn vn kr ph np br id mm;
                   otherwise drawn by weight, each at least once when K >= 9
  --spread         nationalities in turn (jp, cn, vn, ...) instead of by weight
  --today          the date the households are generated for (default
                   2026-09-30): notices are handed in up to 60 days before it,
                   so no output depends on the clock

Files are named SEED-NNNN-CC-S.json (CC nationality, S members). The same
arguments give byte-identical files: one random.Random(seed), no clock, no
hash-ordered iteration.
Python 3 standard library only.
"""
import argparse
import datetime
import gzip
import json
import os
import random  # only random.Random(seed): never the global generator
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
POSTAL = os.path.join(ROOT, "data", "postal", "postal.tsv.gz")
CHOME = os.path.join(ROOT, "data", "postal", "chome.tsv.gz")
IDSP = "\u3000"  # ideographic space: between the words of a kana reading

# Nationalities: code, 国籍・地域 as on a residence card, the resident's
# language (a catalogue in locales/), weight. The foreign weights are the
# numbers of residents in thousands in 出入国在留管理庁「在留外国人統計」
# (June 2024, rounded: China 844, Vietnam 600, Korea 411, the Philippines
# 332, Brazil 212, Nepal 207, Indonesia 174, Myanmar 110); Japanese
# households are given about a third of all (our choice: volunteers help
# Japanese residents too).
NATIONS = [
    ("jp", "日本", "ja", 1500),
    ("cn", "中国", "zh_CN", 844),
    ("vn", "ベトナム", "vi", 600),
    ("kr", "韓国", "ko", 411),
    ("ph", "フィリピン", "fil", 332),
    ("np", "ネパール", "ne", 207),
    ("br", "ブラジル", "pt_BR", 212),
    ("id", "インドネシア", "id", 174),
    ("mm", "ミャンマー", "my", 110),
]
NAT_CODES = [n[0] for n in NATIONS]

SIZE_WEIGHTS = [(1, 30), (2, 25), (3, 18), (4, 15), (5, 8), (6, 4)]

# Status of residence, as printed on the card: (status, weight by
# nationality, may bring a family, dependants' status, periods).
WORK = "技術・人文知識・国際業務"
STATUSES = {
    "permanent": ("永住者", True, "永住者の配偶者等", ["無期限"]),
    "work": (WORK, True, "家族滞在", ["5年", "3年", "1年"]),
    "skill": ("技能", True, "家族滞在", ["5年", "3年", "1年"]),
    "business": ("経営・管理", True, "家族滞在", ["3年", "1年"]),
    "long_term": ("定住者", True, "定住者", ["5年", "3年", "1年"]),
    "student": ("留学", True, "家族滞在", ["4年3月", "2年3月", "1年3月", "1年"]),
    "ssw": ("特定技能１号", False, None, ["1年", "6月", "3年"]),
    "intern": ("技能実習２号ロ", False, None, ["1年", "2年"]),
    "designated": ("特定活動", False, None, ["1年", "6月"]),
    "jp_spouse": ("日本人の配偶者等", False, None, ["3年", "1年", "5年"]),
    "special": (None, True, None, []),  # 特別永住者: no status, period or expiry
}
# The choice ids of forms/tennyu.xml version 2 (lists residence_status and
# period_of_stay) for the terms above: the answers name choices, not terms.
STATUS_IDS = {
    "永住者": "permanent", WORK: "engineer_humanities", "技能": "skilled_labor",
    "経営・管理": "business_manager", "定住者": "long_term", "留学": "student",
    "特定技能１号": "skilled_1", "技能実習２号ロ": "intern_2b", "特定活動": "designated",
    "日本人の配偶者等": "spouse_jp", "永住者の配偶者等": "spouse_pr", "家族滞在": "dependent",
}
PERIOD_IDS = {
    "無期限": "indefinite", "5年": "y5", "3年": "y3", "1年": "y1", "6月": "m6",
    "4年3月": "y4m3", "2年3月": "y2m3", "1年3月": "y1m3", "2年": "y2",
}
STATUS_WEIGHTS = {
    "jp": {},
    "cn": {"permanent": 30, "work": 25, "student": 15, "ssw": 5, "intern": 5,
           "business": 5, "jp_spouse": 5, "long_term": 5},
    "vn": {"intern": 30, "ssw": 25, "work": 20, "student": 15, "permanent": 5, "jp_spouse": 5},
    "kr": {"special": 35, "permanent": 25, "work": 20, "student": 10, "jp_spouse": 10},
    "ph": {"permanent": 40, "long_term": 15, "jp_spouse": 15, "ssw": 10, "intern": 10, "work": 10},
    "np": {"skill": 25, "student": 25, "work": 25, "business": 10, "permanent": 5, "ssw": 10},
    "br": {"long_term": 45, "permanent": 45, "jp_spouse": 10},
    "id": {"intern": 35, "ssw": 35, "student": 10, "work": 15, "permanent": 5},
    "mm": {"ssw": 30, "intern": 25, "student": 15, "work": 15, "designated": 10, "permanent": 5},
}
# Where a household may include the head's parents (three generations).
PARENTS_OK = {"jp": 1.0, "br": 0.8, "kr": 0.6, "cn": 0.3, "ph": 0.3}

ABROAD_JP = ["アメリカ合衆国", "中国", "タイ", "シンガポール", "オーストラリア",
             "イギリス", "ドイツ", "カナダ", "ベトナム", "韓国"]

BUILDING_WORDS = ["ハイツ", "コーポ", "マンション", "レジデンス", "メゾン", "パレス",
                  "ハイム", "コート", "ヴィラ", "荘", "アパート", "グランドール"]
BUILDING_PREFIXES = ["サンライズ", "グリーン", "ファミール", "エスポワール", "ルミエール",
                     "シャトー", "さくら", "ひまわり", "アーバン", "パークサイド",
                     "リバーサイド", "第2", "第3", "ロイヤル", "フォレスト"]


def load_names():
    """names[cc][kind] = list of row dicts, in file order."""
    names = {}
    for cc in NAT_CODES:
        path = os.path.join(HERE, "names", cc + ".tsv")
        rows = {"family": [], "given": [], "middle": []}
        header = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                rows[row["kind"]].append(row)
        names[cc] = rows
    return names


def load_postal():
    """Residential places: (code, prefecture, city, town, weight)."""
    places = []
    with gzip.open(POSTAL, "rt", encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            code, pref, city, town, office = cols[0], cols[1], cols[2], cols[3], cols[7]
            # office codes, whole-city codes and floors of high-rise
            # buildings are not where people live
            if office or not town or town.endswith("階") or "（" in town:
                continue
            # people live in cities more than postal codes do: weight
            # wards of big cities and cities over towns and villages
            if city.endswith("区"):
                w = 4
            elif "市" in city:
                w = 2
            else:
                w = 1
            places.append((code, pref, city, town, w))
    return places


def load_chome():
    """(prefecture, city, town) -> the town's 丁目, as numbers ascending."""
    chome = {}
    with gzip.open(CHOME, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("prefecture\t"):
                continue
            pref, city, town, nums = line.rstrip("\n").split("\t")
            chome[(pref, city, town)] = [int(n) for n in nums.split(",")]
    return chome


class Gen:
    def __init__(self, seed, today, names, places, chome):
        self.rng = random.Random(seed)
        self.today = today
        self.names = names
        self.places = places
        self.chome = chome
        self.place_cum = []
        total = 0
        for p in places:
            total += p[4]
            self.place_cum.append(total)
        self.codes_used = set()

    # ---- random helpers -------------------------------------------------
    def weighted(self, items):
        """items: list of (value, weight)."""
        total = sum(w for _, w in items)
        x = self.rng.random() * total
        for v, w in items:
            x -= w
            if x < 0:
                return v
        return items[-1][0]

    def digits(self, n):
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def letters(self, n):
        return "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))

    def place(self):
        x = self.rng.random() * self.place_cum[-1]
        lo, hi = 0, len(self.place_cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.place_cum[mid] > x:
                hi = mid
            else:
                lo = mid + 1
        return self.places[lo]

    def date_between(self, a, b):
        return a + datetime.timedelta(days=self.rng.randint(0, (b - a).days))

    # ---- numbers ----------------------------------------------------------
    def juminhyo_code(self):
        while True:
            body = self.digits(10)
            code = body + str(check_digit(body))
            if code not in self.codes_used:
                self.codes_used.add(code)
                return code

    def rc_no(self):
        return self.letters(2) + self.digits(8) + self.letters(2)

    def mobile(self):
        return self.rng.choice(["070", "080", "090"]) + self.digits(8)

    # ---- names ------------------------------------------------------------
    def pick_name(self, cc, kind, sex=None, year=None, avoid=()):
        rows = [r for r in self.names[cc][kind] if sex is None or r["sex"] in (sex, "-")]
        if year is not None:
            era = [r for r in rows if r["era"] == "-" or in_era(r["era"], year)]
            rows = era or rows
        rows = [r for r in rows if r["alpha"] not in avoid] or rows
        items = []
        for rank, r in enumerate(rows, 1):
            if r["weight"] != "-":
                w = float(r["weight"])
            elif kind == "family":
                w = 1.0 / rank ** 0.6  # ranked lists without shares: by rank
            else:
                w = 1.0
            items.append((r, w))
        return self.weighted(items)

    # ---- addresses ----------------------------------------------------------
    def chome_town(self, pref, city, town):
        """The town with one of its 丁目 where the town data divides it (a
        town so divided has no address outside its 丁目), else the town."""
        if town[-1] in "0123456789０１２３４５６７８９" or "丁目" in town or "地割" in town:
            return town
        chome = self.chome.get((pref, city, town))
        if chome:
            return "%s%d丁目" % (town, self.rng.choice(chome))
        return town

    def block(self, chome):
        if chome:
            return "%d番%d号" % (self.rng.randint(1, 30), self.rng.randint(1, 25))
        if self.rng.random() < 0.5:
            return "%d番地%d" % (self.rng.randint(1, 2500), self.rng.randint(1, 30))
        return "%d番地" % self.rng.randint(1, 3500)

    def building(self, town, family_kanji):
        if self.rng.random() < 0.35:
            return ""
        r = self.rng.random()
        if r < 0.3:
            stem = town.rstrip("0123456789丁目")[:6]
        elif r < 0.45 and family_kanji:
            stem = family_kanji
        else:
            stem = self.rng.choice(BUILDING_PREFIXES)
        name = stem + self.rng.choice(BUILDING_WORDS)
        room = "%d%02d" % (self.rng.randint(1, 12), self.rng.randint(1, 10))
        if self.rng.random() < 0.6:
            return "%s%s号室" % (name, room)
        return "%s %s" % (name, room)

    def full_address(self, family_kanji):
        code, pref, city, town, _ = self.place()
        t = self.chome_town(pref, city, town)
        chome = t != town or "丁目" in t
        if chome and self.rng.random() < 0.5 and t != town:
            # written the short way, 2-14-7
            base = town
            n = t[len(town):-2]
            blk = "%s-%d-%d" % (n, self.rng.randint(1, 30), self.rng.randint(1, 25))
            addr = pref + city + base + blk
        else:
            addr = pref + city + t + self.block(chome)
        b = self.building(town, family_kanji)
        if b:
            addr += " " + b
        return addr[:120]

    def honseki(self):
        _, pref, city, town, _ = self.place()
        chome = self.chome.get((pref, city, town))
        if not chome or self.rng.random() < 0.5:
            return "%s%s%s%d番地" % (pref, city, town, self.rng.randint(1, 3000))
        return "%s%s%s%d丁目%d番" % (pref, city, town, self.rng.choice(chome),
                                   self.rng.randint(1, 30))


def check_digit(body):
    """住民票コード check digit of 10 digits: 11 - (sum of Pn*Qn mod 11),
    0 when the remainder is 0 or 1; Pn the n-th digit from the lowest,
    Qn = n+1 (n <= 6), n-5 (n >= 7)."""
    s = 0
    for n in range(1, 11):
        p = int(body[10 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return 0 if r <= 1 else 11 - r


def in_era(era, year):
    a, b = era.split("-")
    return int(a) <= year <= int(b)


def age_at(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


# ---- household shape ----------------------------------------------------------


def shape(g, cc, size, family_ok):
    """Members as (relationship, sex, role) in order, head first. role:
    head, spouse, child, parent_f, parent_m, child_spouse, grandchild."""
    rng = g.rng
    parents = family_ok and rng.random() < PARENTS_OK.get(cc, 0.0)
    if size == 1:
        return [("世帯主", rng.choice("mf"), "head")]
    kind = "couple"
    r = rng.random()
    if size == 2:
        kind = "couple" if r < 0.7 else ("single_parent" if r < 0.9 or not parents else "with_mother")
    elif size == 3:
        kind = "couple" if r < 0.75 else ("single_parent" if r < 0.9 or not parents else "with_mother")
    elif size in (4, 5):
        kind = "with_mother" if parents and r < 0.35 else "couple"
    elif size == 6:
        if parents and r < 0.35:
            kind = "with_parents"
        elif parents and r < 0.7:
            kind = "three_gen"
    if kind == "single_parent":
        head_sex = "f" if rng.random() < 0.8 else "m"
        out = [("世帯主", head_sex, "head")]
        out += [("子", rng.choice("mf"), "child") for _ in range(size - 1)]
        return out
    head_sex = "m" if rng.random() < 0.85 else "f"
    spouse = ("妻", "f", "spouse") if head_sex == "m" else ("夫", "m", "spouse")
    if kind == "with_mother" and size == 2:
        return [("世帯主", rng.choice("mf"), "head"), ("母", "f", "parent_f")]
    out = [("世帯主", head_sex, "head"), spouse]
    if kind == "three_gen":
        # the head's married son, his wife and their children
        out += [("子", "m", "child"), ("子の妻", "f", "child_spouse")]
        out += [("子の子", rng.choice("mf"), "grandchild") for _ in range(size - 4)]
        return out
    n_parents = {"with_mother": 1, "with_parents": 2}.get(kind, 0)
    out += [("子", rng.choice("mf"), "child") for _ in range(size - 2 - n_parents)]
    if n_parents == 2:
        out += [("父", "m", "parent_m"), ("母", "f", "parent_f")]
    elif n_parents == 1:
        out += [("母", "f", "parent_f")]
    return out


def births(g, members, cc, status_key, T):
    """Birth dates consistent with the roles."""
    rng = g.rng
    roles = [m[2] for m in members]
    n_children = roles.count("child")
    three_gen = "grandchild" in roles or "child_spouse" in roles
    if three_gen:
        head_age = rng.randint(55, 72)
    elif "parent_f" in roles or "parent_m" in roles:
        head_age = rng.randint(32, 55)
    elif n_children:
        head_age = rng.randint(26 + 2 * n_children, 50)
    elif len(members) == 2:
        head_age = rng.randint(24, 70)
    else:
        head_age = rng.randint(19, 78) if cc == "jp" or status_key in ("permanent", "special") \
            else rng.randint(19, 45)
    if status_key == "student":
        head_age = min(head_age, rng.randint(19, 34))
    ages = {}
    head_sex = members[0][1]
    spouse_age = head_age + (rng.randint(-6, 2) if head_sex == "m" else rng.randint(-2, 6))
    spouse_age = max(19, spouse_age)
    mother_age = spouse_age if head_sex == "m" else head_age
    if roles[1:2] == ["child"]:  # single parent
        mother_age = head_age
    out = []
    child_ages = []
    if n_children:
        oldest = min(mother_age - 20, 24 if not three_gen else 45)
        if three_gen:
            oldest = max(28, min(oldest, mother_age - 22))
        a = rng.randint(max(0, min(oldest, n_children * 2 - 2)), max(0, oldest))
        if three_gen:  # the married son
            a = rng.randint(26, max(26, min(45, mother_age - 22)))
        for _ in range(n_children):
            child_ages.append(a)
            a = max(0, a - rng.randint(1, 5))
    son_age = child_ages[0] if child_ages else 30
    cs_age = max(22, son_age + rng.randint(-4, 2))
    gc_max = max(0, min(12, min(son_age, cs_age) - 21))
    gc_age = rng.randint(min(gc_max, 2 * roles.count("grandchild")), gc_max)
    for rel, sex, role in members:
        if role == "head":
            age = head_age
        elif role == "spouse":
            age = spouse_age
        elif role == "child":
            age = child_ages.pop(0)
        elif role in ("parent_f", "parent_m"):
            age = min(95, head_age + rng.randint(24, 36))
        elif role == "child_spouse":
            age = cs_age
        else:  # grandchild
            age = gc_age
            gc_age = max(0, gc_age - rng.randint(1, 4))
        # a birthday that gives this age on T
        year = T.year - age
        start = datetime.date(year - 1, T.month, 1) + datetime.timedelta(days=1)
        try:
            end = T.replace(year=year)
        except ValueError:
            end = T.replace(year=year, day=28)
        start = max(start, end - datetime.timedelta(days=364))
        out.append(g.date_between(start, end))
    return out


# ---- people's names -----------------------------------------------------------


def person_names(g, cc, members, births_):
    """For each member: dict(name, kana, alpha, kanji_family, family_alpha...)."""
    rng = g.rng
    out = []
    years = [b.year for b in births_]
    roles = [m[2] for m in members]

    def given(sex, year, avoid):
        return g.pick_name(cc, "given", sex, year, avoid)

    used = []
    if cc in ("jp", "cn", "kr"):
        fam = g.pick_name(cc, "family")
        spouse_fam = fam if cc == "jp" else g.pick_name(cc, "family")
        cs_fam = fam if cc == "jp" else g.pick_name(cc, "family")
        head_female = members[0][1] == "f"
        couple = "spouse" in roles
        if cc == "jp":
            kids_fam = fam
        elif couple and head_female:
            kids_fam = spouse_fam
        elif head_female:
            kids_fam = g.pick_name(cc, "family")  # the absent father's
        else:
            kids_fam = fam
        for (rel, sex, role), y in zip(members, years):
            if role == "spouse" or (role == "parent_f" and cc != "jp"):
                f = spouse_fam if role == "spouse" else g.pick_name(cc, "family")
            elif role == "child_spouse":
                f = cs_fam
            elif role in ("child", "grandchild"):
                f = kids_fam if role == "child" else fam
            else:
                f = fam
            gv = given(sex, y, used)
            used.append(gv["alpha"])
            out.append({"family": f, "given": [gv]})
        return out
    if cc == "vn":
        fam = g.pick_name(cc, "family")
        head_female = members[0][1] == "f"
        spouse_fam = g.pick_name(cc, "family")
        if head_female:
            kids_fam = spouse_fam if "spouse" in roles else g.pick_name(cc, "family")
        else:
            kids_fam = fam
        for (rel, sex, role), y in zip(members, years):
            if role == "spouse":
                f = spouse_fam
            elif role in ("child_spouse", "parent_f"):
                f = g.pick_name(cc, "family")
            elif role == "child":
                f = kids_fam
            else:
                f = fam
            mid = g.pick_name(cc, "middle", sex)
            gv = given(sex, y, used)
            used.append(gv["alpha"])
            out.append({"family": f, "given": [mid, gv]})
        return out
    if cc == "ph":
        fam = g.pick_name(cc, "family")
        mother_maiden = g.pick_name(cc, "family", avoid=(fam["alpha"],))
        head_sex = members[0][1]
        for (rel, sex, role), y in zip(members, years):
            gv = given(sex, y, used)
            used.append(gv["alpha"])
            # a married woman takes her husband's family name and keeps
            # her maiden name as middle name; children carry the mother's
            couple = "spouse" in roles
            if role in ("head", "spouse"):
                wife = sex == "f" and couple
                mid = mother_maiden if wife else g.pick_name(cc, "family", avoid=(fam["alpha"],))
                out.append({"family": fam, "given": [gv], "middle": mid})
            elif role == "parent_f":
                out.append({"family": fam, "given": [gv], "middle": g.pick_name(cc, "family")})
            else:
                mm = mother_maiden if couple else out[0]["middle"]
                out.append({"family": fam, "given": [gv], "middle": mm})
        return out
    if cc == "br":
        def fam_br():
            if rng.random() < 0.35:
                return g.pick_name("jp", "family")  # Nikkei
            return g.pick_name(cc, "family")
        # family names: the mother's, then the father's
        head_f = [g.pick_name(cc, "family"), fam_br()]
        spouse_f = [g.pick_name(cc, "family"), fam_br()]
        if members[0][1] == "f" and "spouse" in roles:
            father, mother = spouse_f, head_f
        else:
            father, mother = head_f, spouse_f
        wife_adds = rng.random() < 0.3  # a wife may add her husband's name
        for (rel, sex, role), y in zip(members, years):
            gv = [given(sex, y, used)]
            used.append(gv[0]["alpha"])
            if rng.random() < 0.3:
                gv.append(given(sex, y, used))
            if role in ("head", "spouse"):
                f = head_f if role == "head" else spouse_f
                if sex == "f" and "spouse" in roles and wife_adds:
                    f = f + [father[-1]]
            elif role == "parent_m":
                f = [g.pick_name(cc, "family"), head_f[-1]]
            elif role == "parent_f":
                f = [g.pick_name(cc, "family"), head_f[0]]
            else:
                f = [mother[-1], father[-1]] if "spouse" in roles else [head_f[-1]]
            out.append({"family": f, "given": gv})
        return out
    if cc == "np":
        fam = g.pick_name(cc, "family")
        for (rel, sex, role), y in zip(members, years):
            gv = given(sex, y, used)
            used.append(gv["alpha"])
            parts = [gv]
            if rng.random() < 0.6:
                parts.append(g.pick_name(cc, "middle", sex))
            out.append({"family": fam, "given": parts})  # wives take the husband's name
        return out
    if cc == "id":
        for (rel, sex, role), y in zip(members, years):
            n = 1 if rng.random() < 0.5 else 2
            parts = []
            for _ in range(n):
                parts.append(given(sex, y, used + [p["alpha"] for p in parts]))
            used.append(parts[0]["alpha"])
            out.append({"family": None, "given": parts})
        return out
    if cc == "mm":
        for (rel, sex, role), y in zip(members, years):
            n = g.weighted([(2, 3), (3, 5), (4, 2)])
            parts = []
            for _ in range(n):
                parts.append(given(sex, y, [p["alpha"] for p in parts]))
            if role in ("child", "grandchild") and out and rng.random() < 0.4:
                parts[-1] = out[0]["given"][-1]  # a syllable of the father's name
            out.append({"family": None, "given": parts})
        return out
    raise ValueError(cc)


def render(cc, n):
    """(m_name, m_kana, m_alpha, kanji name or None)."""
    fam = n["family"]
    fams = fam if isinstance(fam, list) else ([fam] if fam else [])
    parts = fams + n["given"] + ([n["middle"]] if n.get("middle") else [])
    alpha = " ".join(p["alpha"] for p in parts)
    kana = IDSP.join(p["kana"] for p in parts)
    kanji = None
    if all(p["kanji"] != "-" for p in parts) and fams:
        kanji = "".join(p["kanji"] for p in fams) + IDSP + "".join(p["kanji"] for p in n["given"])
    return alpha, kana, kanji


# ---- one household ----------------------------------------------------------


def household(g, cc, size):
    rng = g.rng
    T = g.today
    notify = T - datetime.timedelta(days=rng.randint(0, 60))
    move = notify - datetime.timedelta(days=rng.randint(0, 14))
    nat = dict((n[0], n) for n in NATIONS)[cc]

    status_key = None
    if cc != "jp":
        choices = [(k, w) for k, w in STATUS_WEIGHTS[cc].items()
                   if size == 1 or (STATUSES[k][1] and not (k == "student" and size > 3))]
        status_key = g.weighted(choices)
    family_ok = cc == "jp" or status_key in ("permanent", "special", "long_term")
    members = shape(g, cc, size, family_ok)
    # 日本人の配偶者等 moving in alone joins the Japanese spouse's household
    joins_jp_spouse = status_key == "jp_spouse" and size == 1
    if joins_jp_spouse:
        sex = "f" if rng.random() < 0.8 else "m"
        members = [("妻" if sex == "f" else "夫", sex, "joiner")]
    bdates = births(g, [(r, s, "head" if role == "joiner" else role) for r, s, role in members],
                    cc, status_key, T)
    pnames = person_names(g, cc, [(r, s, "head" if role == "joiner" else role)
                                  for r, s, role in members], bdates)

    abroad = rng.random() < (0.08 if cc == "jp" else 0.25)
    if status_key in ("special", "permanent"):
        abroad = rng.random() < 0.03
    if status_key in ("intern", "ssw") and rng.random() < 0.4:
        abroad = True

    # My Number cards
    cards = []
    for (rel, sex, role), b in zip(members, bdates):
        p = 0.75 if cc == "jp" else 0.35
        cards.append("no" if abroad else ("yes" if rng.random() < p else "no"))
    cert = None
    if not abroad:
        cert = "card" if all(c == "yes" for c in cards) and rng.random() < 0.6 else "paper"

    # period and expiry of the head's status, shared by the dependants
    expiry = None
    period = None
    if status_key and status_key != "special":
        period = rng.choice(STATUSES[status_key][3])
        if period != "無期限":
            months = period_months(period)
            granted = T - datetime.timedelta(days=rng.randint(0, max(1, months * 30 - 30)))
            expiry = add_months(granted, months)
            if expiry <= T:
                expiry = T + datetime.timedelta(days=rng.randint(30, 200))

    m_out = []
    head_name = None
    filer_idx = 0
    for i, ((rel, sex, role), b, pn) in enumerate(zip(members, bdates, pnames)):
        alpha, kana, kanji = render(cc, pn)
        m = {}
        if cc == "jp":
            name = kanji
        elif cc == "cn" or (cc == "kr" and kanji and (status_key == "special" or rng.random() < 0.5)):
            name = kanji
        else:
            name = alpha
        m["m_name"] = name
        m["m_kana"] = kana
        m["m_birth"] = b.isoformat()
        m["m_sex"] = "male" if sex == "m" else "female"
        m["m_rel"] = rel
        if cc == "jp":
            m["m_nat"] = "jp"
        else:
            m["m_nat"] = "foreign"
            m["m_alpha"] = alpha
            if status_key == "special" and rng.random() < 0.6:
                jf = g.pick_name("jp", "family")
                jg = g.pick_name("jp", "given", sex, b.year)
                m["m_tsusho"] = jf["kanji"] + IDSP + jg["kanji"]
            m["m_country"] = nat[1]
            if status_key == "special":
                m["m_category"] = "special"
            else:
                m["m_category"] = "midlong"
                st = STATUSES[status_key]
                if role in ("head", "joiner"):
                    m["m_status"] = st[0]
                elif role in ("parent_f", "parent_m"):
                    m["m_status"] = "定住者" if status_key == "long_term" else "特定活動"
                elif status_key == "permanent" and role == "child" and rng.random() < 0.4:
                    m["m_status"] = "永住者"
                else:
                    m["m_status"] = st[2]
                m_period = "無期限" if m["m_status"] == "永住者" else (
                    period if period != "無期限" else rng.choice(["3年", "5年", "1年"]))
                m["m_status"] = STATUS_IDS[m["m_status"]]
                m["m_period"] = PERIOD_IDS[m_period]
                if m_period != "無期限":
                    if expiry is None:
                        mm = period_months(m_period)
                        granted = T - datetime.timedelta(days=rng.randint(0, mm * 30 - 30))
                        e = add_months(granted, mm)
                        if e <= T:
                            e = T + datetime.timedelta(days=rng.randint(30, 200))
                    else:
                        e = expiry
                    m["m_expiry"] = e.isoformat()
            m["m_rc_no"] = g.rc_no()
        m["m_card"] = cards[i]
        if cards[i] == "no" and (not abroad and rng.random() < 0.9 or abroad and cc == "jp"
                                 and rng.random() < 0.3):
            m["m_code"] = g.juminhyo_code()
        if i == 0:
            head_name = name
        m_out.append(m)

    # 本籍 and 筆頭者 for Japanese households
    if cc == "jp":
        jp_registers(g, members, bdates, pnames, m_out)

    # the filer: the head, sometimes an adult member of the household
    filer = "self"
    adults = [i for i, b in enumerate(bdates) if age_at(b, notify) >= 18]
    if len(adults) > 1 and rng.random() < 0.15:
        filer_idx = rng.choice(adults[1:])
    f = m_out[filer_idx]

    if joins_jp_spouse:
        jf = g.pick_name("jp", "family")
        jg = g.pick_name("jp", "given", "m" if members[0][1] == "f" else "f",
                         bdates[0].year + rng.randint(-5, 8))
        new_head = jf["kanji"] + IDSP + jg["kanji"]
    else:
        new_head = head_name

    a = {}
    a["filer"] = filer
    a["name"] = f["m_name"]
    if rng.random() < 0.85:
        a["kana"] = f["m_kana"]
    a["phone"] = g.mobile()
    a["move_date"] = move.isoformat()
    a["notify_date"] = notify.isoformat()
    a["abroad"] = "yes" if abroad else "no"
    fam_kanji = pnames[0]["family"]["kanji"] if cc == "jp" else ""
    if abroad:
        a["old_country"] = rng.choice(ABROAD_JP) if cc == "jp" else nat[1]
    else:
        a["cert"] = cert
        a["old_addr"] = g.full_address(fam_kanji)
        if rng.random() < 0.7:
            a["old_head"] = head_name if not joins_jp_spouse or rng.random() < 0.5 else m_out[0]["m_name"]
    code, pref, city, town, _ = g.place()
    t = g.chome_town(pref, city, town)
    a["new_postal"] = "%s-%s" % (code[:3], code[3:])
    a["new_pref"] = pref
    a["new_city"] = city
    a["new_town"] = t[:40]
    a["new_block"] = g.block(t != town or "丁目" in t)
    b = g.building(town, fam_kanji)
    if b:
        a["new_bldg"] = b
    a["new_head"] = new_head
    a["members"] = m_out
    svc = services(g, cc, bdates, notify, status_key)
    if svc:
        a["services"] = svc
    if cc == "jp":
        a["id_doc"] = "mynumber" if cards[filer_idx] == "yes" and rng.random() < 0.8 else \
            rng.choice(["licence", "licence", "passport", "two"])
    else:
        a["id_doc"] = "passport" if abroad and rng.random() < 0.3 else "residence"
    lang = nat[2]
    if cc != "jp" and rng.random() < 0.15:
        lang = rng.choice(["ja", "en"])
    return {"form": "tennyu", "form_version": 2, "lang": lang, "answers": a}


def jp_registers(g, members, bdates, pnames, m_out):
    """本籍 and 筆頭者 (the first person of the family register)."""
    rng = g.rng
    roles = [m[2] for m in members]
    head_sex = members[0][1]

    def full(pn):
        return pn["family"]["kanji"] + IDSP + pn["given"][0]["kanji"]

    def invented_father(pn, year):
        gv = g.pick_name("jp", "given", "m", year)
        return pn["family"]["kanji"] + IDSP + gv["kanji"]

    own = g.honseki()
    head = pnames[0]
    head_age = age_at(bdates[0], g.today)
    if "spouse" in roles:
        # married couples mostly register under the husband
        hus = 0 if head_sex == "m" else roles.index("spouse")
        hittou = full(pnames[hus])
    elif roles[1:2] == ["child"]:
        hittou = full(head)  # a register of her (his) own with the children
    elif head_age < 30 and rng.random() < 0.6:
        own = g.honseki()  # still in the parents' register
        hittou = invented_father(head, bdates[0].year - rng.randint(25, 35))
    else:
        hittou = full(head)
    parents_hittou = None
    parents_honseki = own if rng.random() < 0.5 else g.honseki()
    if "parent_m" in roles:
        parents_hittou = full(pnames[roles.index("parent_m")])
    elif "parent_f" in roles:
        parents_hittou = invented_father(head, bdates[roles.index("parent_f")].year - 2)
    son_honseki = g.honseki() if rng.random() < 0.5 else own
    for i, role in enumerate(roles):
        m = m_out[i]
        if role in ("parent_f", "parent_m"):
            m["m_honseki"], m["m_hittou"] = parents_honseki, parents_hittou
        elif role in ("child_spouse", "grandchild") or (role == "child" and "child_spouse" in roles):
            m["m_honseki"], m["m_hittou"] = son_honseki, full(pnames[roles.index("child")])
        else:
            m["m_honseki"], m["m_hittou"] = own, hittou
        # the keys in the form's order: 本籍 and 筆頭者 after 国籍
        items = list(m.items())
        order = ["m_name", "m_kana", "m_birth", "m_sex", "m_rel", "m_nat", "m_honseki",
                 "m_hittou", "m_card", "m_code"]
        m.clear()
        for k in order:
            for kk, v in items:
                if kk == k:
                    m[kk] = v


def services(g, cc, bdates, day, status_key):
    rng = g.rng
    ages = [age_at(b, day) for b in bdates]
    out = []
    if rng.random() < (0.6 if cc != "jp" else 0.3):
        out.append("nhi")
    if any(20 <= a <= 59 for a in ages) and rng.random() < 0.4:
        out.append("pension")
    if any(a >= 75 for a in ages):
        out.append("elderly")
    if any(a >= 65 for a in ages) and rng.random() < 0.2:
        out.append("care")
    if any(a < 16 for a in ages) and rng.random() < 0.5:
        out.append("medical")
    if any(a < 16 for a in ages) and rng.random() < 0.8:
        out.append("child")
    if any(6 <= a <= 15 for a in ages) and rng.random() < 0.7:
        out.append("school")
    return " ".join(out)


def period_months(p):
    months = 0
    if "年" in p:
        y, p = p.split("年")
        months += 12 * int(y)
    if p.endswith("月"):
        months += int(p[:-1])
    return months


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
                      31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return datetime.date(year, month, day)


def quota(rng, weights, count):
    """count values in proportion to weights (largest remainder), each at
    least once when count >= len(weights), in a shuffled order."""
    total = sum(w for _, w in weights)
    n = {v: int(count * w / total) for v, w in weights}
    if count >= len(weights):
        for v, _ in weights:
            n[v] = max(1, n[v])
    rema = sorted(weights, key=lambda vw: -(count * vw[1] / total - int(count * vw[1] / total)))
    i = 0
    while sum(n.values()) < count:
        n[rema[i % len(rema)][0]] += 1
        i += 1
    while sum(n.values()) > count:  # the minimum of one overshot: take from the largest
        big = max(weights, key=lambda vw: n[vw[0]])[0]
        n[big] -= 1
    out = []
    for v, _ in weights:
        out += [v] * n[v]
    rng.shuffle(out)
    return out


def main(argv):
    ap = argparse.ArgumentParser(description="Generate 転入届 households (answers JSON).")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", type=int, choices=range(1, 7))
    ap.add_argument("--nationality", choices=NAT_CODES)
    ap.add_argument("--spread", action="store_true")
    ap.add_argument("--today", default="2026-09-30")
    args = ap.parse_args(argv)
    today = datetime.date.fromisoformat(args.today)
    g = Gen(args.seed, today, load_names(), load_postal(), load_chome())
    if args.nationality:
        nats = [args.nationality] * args.count
    elif args.spread:
        nats = [NAT_CODES[i % len(NAT_CODES)] for i in range(args.count)]
    else:
        nats = quota(g.rng, [(n[0], n[3]) for n in NATIONS], args.count)
    sizes = [args.size] * args.count if args.size else quota(g.rng, SIZE_WEIGHTS, args.count)
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        doc = household(g, nats[i], sizes[i])
        path = os.path.join(args.out, "%d-%04d-%s-%d.json" % (args.seed, i, nats[i], sizes[i]))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
