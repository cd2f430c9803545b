"""The generator's people: names drawn Zipf-like per nationality (a few common, most rare),
with their other spellings and scripts, birth dates, phones and passports.

Pools per nationality, of given and of family names:
- the words of the committed name pairs (tests/domain/data/name_pairs_*.csv, "match" rows): a
  name in Lao, Khmer or Thai script word by word beside its Latin spelling gives words with a
  script form; a Burmese name (no spaces in its script) is kept whole; Latin pairs (Soekarno,
  Sukarno) give spelling variants;
- syllables combined per nationality (Souk + savanh, Phom + machanh...), Latin only;
- the generator's own `NAMES` and `VARIANTS`.
Each pool is shuffled by the seed, the pair words among the first ranks, and drawn with
weights 1 / rank ** ZIPF: the first names of a pool are shared by hundreds of workers.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from bisect import bisect
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "domain" / "data"
ZIPF = 1.05
NATIONALITIES = ("ID", "LA", "KH", "MM", "TH")
FAMILY_FIRST = {"KH"}  # the script name's order: family name first (Hun Sen)
PAIR_FILES = {"ID": ["indonesian"], "LA": ["lao", "lao_heldout"],
              "KH": ["khmer", "khmer_heldout"], "MM": ["burmese"],
              "TH": ["thai", "thai_heldout"]}

# Syllables combined into names: (given starts, given ends, family starts, family ends).
SYLLABLES: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "ID": (["A", "Ag", "Ang", "Ari", "Bu", "Dar", "De", "Eka", "Fa", "Har", "In", "Ju", "Kur",
            "Lin", "Ma", "Nur", "Pu", "Ra", "Ri", "Sa", "Sri", "Tu", "Wa", "Yu", "Rah", "Sit",
            "Her", "Ind", "Jum", "Lest"],
           ["di", "ni", "to", "wan", "yah", "ti", "na", "sih", "ra", "yanti", "man", "ko",
            "nto", "ari", "dani", "wati", "lia", "sa", "nda", "yu"],
           ["Sur", "Har", "Wi", "Pra", "Su", "Gun", "Setia", "Nug", "Kus", "Hadi", "Sap", "Mul",
            "Bud", "Jok", "Sus", "Dar", "Pur", "Ram", "Sant", "Wij", "Rus", "Sug", "Tan", "Yul"],
           ["yanto", "wati", "jono", "tomo", "santo", "bowo", "roho", "ningsih", "wan", "yadi",
            "mono", "harjo", "diono", "ati", "sono", "naryo", "yono", "dana", "lubis", "ana"]),
    "LA": (["Khem", "Souk", "Phon", "Boun", "Vi", "Seng", "Kham", "Thong", "Sou", "Noy",
            "Chan", "Keo", "Mani", "Phet", "Sai", "Vong", "Dao", "Ket", "Lat", "On"],
           ["savanh", "phone", "my", "lay", "dao", "sy", "vilay", "thavy", "khay", "sone",
            "chanh", "kham", "la", "nivong", "phet", "mala", "thong", "sack", "vanh", "ly"],
           ["Phom", "Keo", "Louang", "Sy", "Vong", "Inthi", "Sisou", "Chant", "Douang", "Sipha",
            "Ratta", "Manivo", "Xay", "Bounna", "Syha", "Khoun"],
           ["machanh", "many", "vilay", "phanh", "sak", "rath", "lith", "asone", "ngam", "vong",
            "thavong", "khoun", "sena", "phet", "chith", "savath", "vanh", "douang"]),
    "KH": (["Sok", "Dara", "Van", "Srey", "Chan", "Pis", "Rith", "Vis", "Sop", "Bo", "Nav",
            "Sov", "Ly", "Mal", "Kun", "Thea", "Sre", "Pheak", "Vann", "Mon"],
           ["ha", "nak", "mom", "thou", "eth", "y", "na", "rin", "eak", "phal", "ny", "ra",
            "pheap", "vy", "dy", "roth", "leak", "lin", "nith", "chan"],
           ["Ch", "Chh", "K", "Kh", "S", "P", "Ph", "T", "Th", "M", "N", "L", "R", "H", "V",
            "Y"],
           ["un", "ok", "eo", "eas", "ak", "eng", "im", "ouk", "ea", "am", "em", "ouch", "in",
            "en", "os", "ao"]),
    "MM": (["Aung", "Kyaw", "Zaw", "Win", "Myint", "Soe", "Naing", "Hla", "Thida", "Hnin",
            "Moe", "Min", "Htet", "Thu", "Zin", "Ei", "Phyo", "Nyein", "Su", "Thant"],
           ["", "", "Tun", "Lwin", "Oo", "Khin", "Mya", "Htun", "Wai", "Yan", "Ko", "Nay",
            "Pyae", "Thet", "Wint", "Ye", "Myat", "Paing", "Hein", "Kyi"],
           ["Tun", "Lwin", "Oo", "Khin", "Mya", "Htun", "Wai", "Yan", "Ko", "Nay", "Pyae",
            "Sandar", "Thet", "Wint", "Ye", "Myat", "Paing", "Hein", "Kyi", "Maung"],
           ["", "", "Aung", "Win", "Soe", "Naing", "Min", "Thu", "Zaw", "Htet", "Myint", "Oo",
            "Lin", "Khant", "Zin", "Phyo", "Thant"]),
    "TH": (["Som", "Mal", "Anan", "Nat", "Wi", "Sup", "Kit", "Pra", "Cha", "Nop", "Siri",
            "Thana", "Pim", "Ratt", "Jira", "Kan", "Pat", "Sak", "Tha", "Wan"],
           ["chai", "ee", "taya", "porn", "wat", "phon", "sak", "ya", "nan", "pong", "rat",
            "da", "kul", "chana", "nee", "thip", "sri", "wadee", "ruk", "nuch"],
           ["Sri", "Chai", "Boon", "Thong", "Saeng", "Kaew", "Wong", "Rat", "Suk", "Phan",
            "Jaroen", "Ruang", "Sang", "Pong", "Siri", "Intha"],
           ["suk", "yaporn", "mee", "chai", "thong", "sri", "wan", "ana", "pradit", "sombat",
            "rit", "kul", "wong", "siri", "phan", "rak", "chart", "sawat"]),
}
PHONES = {"ID": (["+62812", "+62813", "+62821", "+62852", "+62857", "+62878"], 8),
          "LA": (["+85620"], 8), "KH": (["+85512", "+85515", "+85597", "+85588"], 7),
          "MM": (["+9592", "+9597", "+9599"], 8), "TH": (["+6681", "+6689", "+6686"], 7)}
PASSPORTS = {"ID": ("C", 7), "LA": ("P", 7), "KH": ("N", 8), "MM": ("MC", 6), "TH": ("AA", 7)}


@dataclass
class Pool:
    """Names drawn Zipf-like: `names[i]` with weight 1 / (i + 1) ** ZIPF; `script[name]` its
    form in its own script when known; whole names (Latin, script) for a nationality whose
    script cannot be split into words."""

    names: list[str]
    script: dict[str, str] = field(default_factory=dict)
    cumulative: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cumulative = list(accumulate(1 / (rank + 1) ** ZIPF
                                          for rank in range(len(self.names))))

    def draw(self, rng: random.Random) -> str:
        at = bisect(self.cumulative, rng.random() * self.cumulative[-1])
        return self.names[min(at, len(self.names) - 1)]


@dataclass
class People:
    """Every nationality's pools and the spelling variants of words."""

    given: dict[str, Pool]
    family: dict[str, Pool]
    whole: dict[str, list[tuple[str, str]]]  # (Latin, script) names kept whole
    variants: dict[str, list[str]]  # a word -> other Latin spellings of it


def _pairs(nationality: str) -> list[tuple[str, str]]:
    rows = []
    for stem in PAIR_FILES[nationality]:
        with (DATA / f"name_pairs_{stem}.csv").open(encoding="utf-8") as file:
            rows.extend((row["a"], row["b"]) for row in csv.DictReader(file)
                        if row["expect"] == "match")
    return rows


def _combined(starts: list[str], ends: list[str]) -> list[str]:
    names = []
    for start in starts:
        for end in ends:
            if not end:
                names.append(start)
            elif end[:1].isupper():  # a word of its own (Burmese names)
                names.append(f"{start} {end}")
            else:
                names.append(start + end)
    return list(dict.fromkeys(names))


def build_people(seed: int) -> People:
    """The pools, the same for a seed (the pair files and the lists above, shuffled)."""
    from tests.perf.generate import NAMES, VARIANTS  # the generator's own, kept

    rng = random.Random(f"people-{seed}")
    given: dict[str, Pool] = {}
    family: dict[str, Pool] = {}
    whole: dict[str, list[tuple[str, str]]] = {}
    variants: dict[str, list[str]] = {}
    for word, other in VARIANTS.items():
        variants.setdefault(word, []).append(other)
        variants.setdefault(other, []).append(word)
    for nationality in NATIONALITIES:
        pair_given: dict[str, str] = {}
        pair_family: dict[str, str] = {}
        whole[nationality] = []
        latin_of: dict[str, list[str]] = {}
        for a, b in _pairs(nationality):
            a_words, b_words = a.split(), b.split()
            if a.isascii():  # two Latin spellings: variants, word by word
                if len(a_words) == len(b_words):
                    for x, y in zip(a_words, b_words, strict=True):
                        if x != y and x.isalpha() and y.isalpha():
                            variants.setdefault(x, []).append(y)
                            variants.setdefault(y, []).append(x)
                continue
            if len(a_words) == 2 and len(b_words) == 2:
                first, last = (1, 0) if nationality in FAMILY_FIRST else (0, 1)
                pair_given.setdefault(b_words[first], a_words[first])
                pair_family.setdefault(b_words[last], a_words[last])
                for x, y in zip(a_words, b_words, strict=True):
                    latin_of.setdefault(x, []).append(y)
            elif nationality == "MM" and len(b_words) >= 2:
                whole[nationality].append((b, a))
        for spellings in latin_of.values():  # one script word, several Latin spellings
            for x in spellings:
                for y in spellings:
                    if x != y and y not in variants.get(x, []):
                        variants.setdefault(x, []).append(y)
        own_given, own_family = NAMES[nationality]
        starts, ends, family_starts, family_ends = SYLLABLES[nationality]
        for out, paired, own, made in (
                (given, pair_given, own_given, _combined(starts, ends)),
                (family, pair_family, own_family, _combined(family_starts, family_ends))):
            latin_own = [n for n in own if n.isascii()]
            first = [*latin_own, *paired]
            rng.shuffle(first)
            rest = [n for n in made if n not in first]
            rng.shuffle(rest)
            # The known names and the pairs' among the first ranks, interleaved with made ones.
            names = []
            for n in range(max(len(first), len(rest))):
                for source in (first, rest):
                    if n < len(source):
                        names.append(source[n])
            out[nationality] = Pool(list(dict.fromkeys(names)), dict(paired))
    return People(given, family, whole, variants)


def born(rng: random.Random) -> dt.date:
    """A date of birth, most between 1980 and 2006."""
    year = min(2007, max(1962, round(rng.gauss(1995, 9))))
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def phone(rng: random.Random, nationality: str) -> str:
    prefixes, digits = PHONES[nationality]
    return rng.choice(prefixes) + "".join(str(rng.randrange(10)) for _ in range(digits))


def passport(rng: random.Random, nationality: str) -> str:
    prefix, digits = PASSPORTS[nationality]
    return prefix + "".join(str(rng.randrange(10)) for _ in range(digits))


def respelt(rng: random.Random, word: str, variants: dict[str, list[str]]) -> str:
    """Another Latin spelling of a word: a known variant, else one by a common rule of
    transliteration (ph/p, ou/u, v/w, a final h, y/i, a doubled letter), else the word."""
    if word in variants:
        return rng.choice(variants[word])
    rules = [("ph", "p"), ("ou", "u"), ("v", "w"), ("y", "i"), ("i", "y"), ("ee", "i"),
             ("oe", "u"), ("u", "oe"), ("kh", "k"), ("th", "t"), ("dj", "j"), ("j", "dj")]
    rng.shuffle(rules)
    lower = word.lower()
    for old, new in rules:
        if old in lower[1:]:
            at = lower.index(old, 1)
            return word[:at] + new + word[at + len(old):]
    if word.endswith("h"):
        return word[:-1]
    if word[-1:] in "nmk":
        return word + "h"
    return word


def draw_person(rng: random.Random, people: People, nationality: str) -> dict[str, object]:
    """A person drawn: full name, other spellings (a variant, the name in its script, the
    words swapped), the name in its script if known, sex, birth date or age, phone, passport
    (each may be missing)."""
    whole = people.whole.get(nationality) or []
    script = ""
    if whole and rng.random() < 0.1:
        name, script = rng.choice(whole)
    else:
        first = people.given[nationality].draw(rng)
        last = people.family[nationality].draw(rng)
        if nationality == "ID" and rng.random() < 0.15:  # one name only, or three
            name = first if rng.random() < 0.5 else f"{first} {people.given['ID'].draw(rng)}"
            name = name if rng.random() < 0.5 else f"{name} {last}"
        else:
            name = f"{first} {last}"
        given_script = people.given[nationality].script.get(first)
        family_script = people.family[nationality].script.get(last)
        if given_script and family_script:
            script = (f"{family_script} {given_script}" if nationality in FAMILY_FIRST
                      else f"{given_script} {family_script}")
    spellings: list[str] = []
    words = name.split()
    if any(word in people.variants for word in words) and rng.random() < 0.5:
        other = " ".join(respelt(rng, word, people.variants) for word in words)
        if other != name:
            spellings.append(other)
    if script and rng.random() < 0.5:
        spellings.append(script)
    if len(words) >= 2 and rng.random() < 0.15:
        spellings.append(" ".join([*words[1:], words[0]]))
    date_of_birth = born(rng) if rng.random() < 0.9 else None
    return {
        "full_name": name,
        "other_spellings": spellings,
        "script": script,
        "sex": rng.choice(["female", "male"]),
        "date_of_birth": date_of_birth,
        "age": None if date_of_birth else rng.randrange(18, 45),
        "phone": phone(rng, nationality) if rng.random() < 0.8 else None,
        "passport_number": passport(rng, nationality) if rng.random() < 0.7 else "",
    }
