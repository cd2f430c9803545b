"""A name's comparison form and how alike two names are: the rules of `store.domain.matching`.

How a name is compared (`name_words`, `name_key`):

- Unicode NFKD; the accents of Latin letters dropped (the marks of the combining diacritics
  blocks: Nguyễn -> nguyen); casefold; a few letters NFKD leaves whole mapped to plain ones
  (đ -> d, ø -> o...). Unlike `store.domain.text.fold()`, which search uses and which drops
  every mark with a combining class, the vowel signs and tone marks of Lao, Thai, Khmer and
  Burmese are kept: ສຸກ (suk) is not ສກ;
- apostrophes are dropped inside a word (Nur'aini -> nuraini); any other character that is not
  a letter, digit or mark of some script (spaces, hyphens, dots, commas, brackets) ends a word.
  Letters, digits and vowel signs of every script are kept;
- each Latin word then loses common transliteration noise, one rule at a time (`_NOISE`),
  e.g. Phommachanh -> pomachan, Sisouk -> sisuk, Somchay -> somchai, Soekarno -> sukarno.
  Each rule was kept only if, on the pairs in tests/domain/test_matching.py, it raised true pairs
  without raising a false pair near the threshold. Rejected on that measurement: th -> t
  (made Ratha / Ratana and Pisey / Piseth alike), kh -> k (helped no pair, raised Sopha / Sokha),
  y -> i inside a word (raised Thida Aye / Thida Win, Nur Aisyah / Nur Aini), a final h or r
  dropped (raised Siti Aminah / Siti Rahayu; split Nur / Nuraini).

How two names are scored (`similarity`, 0..100), on those words, with `rapidfuzz.fuzz.ratio`
(the Indel-distance similarity) on each pair of words:

- the same letters however spaced (Aung Kyaw Moe / Aungkyawmoe): 100;
- one word each: the ratio of the two words;
- as many words each: the words paired, best pair first, in any order (Sokha Chea / Chea Sokha);
  the score is the mean of the length-weighted mean of the pairs' ratios and the worst pair's
  ratio, so that one different word (Siti Aminah / Siti Rahayu) is not hidden by a long equal
  one;
- a different number of words: the best of the whole keys' ratio (a name written with fewer
  spaces), the ratio of the words sorted and joined, and, when the shorter name has at least two
  words, its words paired as above into the longer name's, less `MISSING_WORD_PENALTY` a word
  left over (Muhammad Rizki / Muhammad Rizki Pratama). A single word is never matched as a part
  of a longer name by itself ("Siti" is not "Siti Aminah").

Known limit: names one letter apart that are different names (Binh / Minh, Huong / Hong,
Sartika / Kartika) score as likely matches: nothing in the spelling tells them apart, and the
officer, shown the match, decides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

# Tuned on the 38 true and 38 false pairs of tests/domain/test_matching.py (print the table with
# `python -m tests.matching_scores`): the lowest true pair scores 88.7 (Muhammad Rizki /
# Mohammad Rizky), the highest false pair 80.0 (Phonesan / Phonsavanh). At 85, all 38 true pairs
# match and none of the 38 false pairs does.
MATCH_THRESHOLD: float = 85.0

MISSING_WORD_PENALTY = 3.0  # a point of score per word only one of two names has

# Letters that NFKD does not split into a base letter and a mark.
_LETTERS = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ı": "i",
                          "æ": "ae", "œ": "oe", "þ": "th"})
# The marks NFKD splits off accented Latin (and Greek, Cyrillic) letters.
_DIACRITICS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc\u2018`\u00b4")
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")

# Transliteration noise, applied in this order to each word (Latin letters only).
_NOISE = tuple((re.compile(pattern), repl) for pattern, repl in (
    (r"dj", "j"),  # Indonesian spelling before 1972: Djoko / Joko
    (r"oe(?=[^aeiou])", "u"),  # ...and Soekarno / Sukarno, Boedi / Budi
    (r"oe$", "o"),  # Burmese: Moe / Mo, Soe / So
    (r"^x", "s"),  # Lao: Xaysamone / Saysamone
    (r"ph", "p"),  # Lao, Thai, Khmer: Somphong / Sompong, Vongphachanh / Vongpachan
    (r"ou", "u"),  # French-style Lao and Khmer: Sisouk / Sisuk, Chanthou / Chanthu
    (r"([a-z])\1+", r"\1"),  # doubled letters: Sophall, Rattana, Muhammad / Muhamad
    (r"nh$", "n"),  # Lao: Souksavanh / Souksavan, Phommachanh / Phommachan
    (r"y$", "i"),  # Somchay / Somchai, Rizky / Rizki, Lestary / Lestari, Bounmy / Bounmi
    (r"v$", "u"),  # Khmer: Khiev / Khieu
))



def _fold(text: str) -> str:
    """Case and Latin accents folded, every other script's marks kept (see the docstring)."""
    if text.isascii():
        return text.casefold()
    decomposed = _DIACRITICS.sub("", unicodedata.normalize("NFKD", text))
    return decomposed.casefold().translate(_LETTERS)


def _kept(char: str) -> bool:
    """A letter, digit or mark (a vowel sign of Lao, Khmer, Burmese...) of any script."""
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def _split(folded: str) -> list[str]:
    folded = folded.translate(_APOSTROPHES)
    if folded.isascii():
        return [word for word in _ASCII_SEPARATORS.split(folded) if word]
    words, current = [], []
    for char in folded:
        if _kept(char):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


@lru_cache(maxsize=131_072)  # names share their words: each is worked out once
def _denoise(word: str) -> str:
    if not word.isascii():
        return word
    for pattern, repl in _NOISE:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=65_536)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name in their comparison form: 'Phommachanh  Souksavanh' ->
    ('pomachan', 'suksavan'). See the module docstring for the rules."""
    return tuple(_denoise(word) for word in _split(_fold(text)))


def name_key(text: str) -> str:
    """A name's comparison form, its words joined without spaces: 'Nguyễn Văn An',
    'Nguyen Van An' and 'NguyenVan-An' -> 'nguyenvanan'; 'Phonensan Vilaymeing' ->
    'ponensanvilaymeing'. For comparing only, never for showing."""
    return "".join(name_words(text))


def _aligned(short: Sequence[str], long: Sequence[str]) -> float:
    """Each word of `short` paired with a different word of `long`, best pairs first: the mean
    of the pairs' length-weighted mean ratio and the worst pair's ratio."""
    # Ties broken on the words, not their places, so that the score is symmetric.
    pairs = sorted(((fuzz.ratio(a, b), -abs(len(a) - len(b)), min(a, b), max(a, b), i, j)
                    for i, a in enumerate(short) for j, b in enumerate(long)), reverse=True)
    used_short: set[int] = set()
    used_long: set[int] = set()
    total = weight = 0.0
    worst = 100.0
    for ratio, _, _, _, i, j in pairs:
        if i in used_short or j in used_long:
            continue
        used_short.add(i)
        used_long.add(j)
        size = len(short[i]) + len(long[j])
        total += ratio * size
        weight += size
        worst = min(worst, ratio)
        if len(used_short) == len(short):
            break
    return (total / weight + worst) / 2


def _score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    key_a, key_b = "".join(a), "".join(b)
    if key_a == key_b:
        return 100.0
    if len(a) == len(b):
        return fuzz.ratio(key_a, key_b) if len(a) == 1 else _aligned(a, b)
    short, long = (a, b) if len(a) < len(b) else (b, a)
    best = max(fuzz.ratio(key_a, key_b), fuzz.ratio("".join(sorted(a)), "".join(sorted(b))))
    if len(short) >= 2:
        missing = len(long) - len(short)
        best = max(best, _aligned(short, long) - MISSING_WORD_PENALTY * missing)
    return best


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0..100 (100: the same name however spelt, spaced or accented;
    at or above `MATCH_THRESHOLD`: likely the same name). Symmetric."""
    return _score(name_words(a), name_words(b))
