"""Spelling-tolerant matching of people's and organisations' names.

The same person reaches officers in several Latin spellings of a Lao, Khmer, Burmese, Thai,
Vietnamese or Indonesian name ("Phonensan Vilaymeing" and "Phonesan Vilaymeing", "Nguyen Van An"
and "Nguyễn Văn An", "Aung Kyaw Moe" and "Aungkyawmoe"). This module says how alike two names
are, which saved records a newly typed name is likely to be (`likely_matches`, `NameIndex`), and
whether a search matches a record's spellings (`matches_query`). It has no user-facing strings.

How a name is compared (`name_words`, `name_key`):

- Unicode NFKD; the accents of Latin letters dropped (the marks of the combining diacritics
  blocks: Nguyễn -> nguyen); casefold; a few letters NFKD leaves whole mapped to plain ones
  (đ -> d, ø -> o...). Unlike `store.domain.text.fold()`, which search uses and which drops every mark
  with a combining class, the vowel signs and tone marks of Lao, Thai, Khmer and Burmese are
  kept: ສຸກ (suk) is not ສກ;
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from store.domain.text import fold

# Tuned on the 38 true and 38 false pairs of tests/domain/test_matching.py (print the table with
# `python -m tests.matching_scores`): the lowest true pair scores 88.7 (Muhammad Rizki /
# Mohammad Rizky), the highest false pair 80.0 (Phonesan / Phonsavanh). At 85, all 38 true pairs
# match and none of the 38 false pairs does.
MATCH_THRESHOLD: float = 85.0

MISSING_WORD_PENALTY = 3.0  # a point of score per word only one of two names has
ACRONYM_SCORE = 95.0  # "LFTU" for "Lao Federation of Trade Unions": sure, but not the same spelling

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

# Words an organisation's initials skip: English, Indonesian ("dan", "untuk", "se-").
STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&",
                       "dan", "untuk", "se", "di", "ke", "dari", "yang"})
_ACRONYM_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013\u2014/]+")


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


# -- organisations' initials ------------------------------------------------------------------


def acronym(name: str) -> str:
    """An organisation's initials: 'Lao Federation of Trade Unions' -> 'LFTU'.

    Words in `STOPWORDS` are skipped; a word already written in capitals is an acronym itself
    and kept whole ('ASEAN Trade Union Council' and 'ASEAN TUC' -> 'ASEANTUC'; 'L.F.T.U.' ->
    'LFTU'). Accents are dropped: 'Énergie' gives 'E'.
    """
    letters = []
    for raw in _ACRONYM_SPLIT.split(name):
        word = "".join(char for char in raw.translate(_APOSTROPHES) if _kept(char))
        if not word or word.casefold() in STOPWORDS:
            continue
        folded = _fold(word)
        if word.isupper() and len(word) >= 2:
            letters.append(folded.upper())
        elif folded:
            letters.append(folded[0].upper())
    return "".join(letters)


def _significant_words(name: str) -> int:
    return sum(1 for word in _ACRONYM_SPLIT.split(name)
               if word.strip() and word.casefold() not in STOPWORDS)


def _acronym_key(name: str) -> str | None:
    """The initials of a name of two significant words or more, folded; else None."""
    if _significant_words(name) < 2:
        return None
    initials = acronym(name).casefold()
    return initials if len(initials) >= 2 else None


def _plain_key(name: str) -> str:
    """A name folded and joined without spaces, with no transliteration rules: 'ASEAN TUC' ->
    'aseantuc'. Initials are compared exactly, in this form."""
    return "".join(_split(_fold(name)))


# -- likely matches ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """A saved record a name is likely to be: its id, its spelling nearest the name, the score."""

    id: str
    spelling: str
    score: float


_SLACK = 0.01  # the prefilter's cut-offs a little below the scores' to allow for rounding


class NameIndex:
    """Records' spellings, prepared once to be matched against many names.

    Building it analyses each spelling once (cached): O(S) for S spellings. `matches()` then
    finds the spellings that could reach the threshold with rapidfuzz's C-speed scans -- whole
    keys and sorted keys against the threshold, O(S), and each distinct word of the name against
    the V distinct words of all spellings at 2 * threshold - 100 (a pair of words below that keeps
    a word-by-word score under the threshold), O(V) -- and scores in Python only those spellings,
    that is, ones whose every paired word has a near word in the name. The prefilter only skips
    spellings whose score is below the threshold, so the result is the same as scoring every
    spelling. Measured: 15-40 ms a name against 25,000 spellings made of 34 common name parts
    (a hard case: most spellings share a word with the name), after a build of about 0.5 s.
    """

    def __init__(self, candidates: Iterable[tuple[str, Sequence[str]]], *,
                 acronyms: bool = False) -> None:
        self.acronyms = acronyms
        self._ids: list[str] = []
        self._spellings: list[str] = []
        self._words: list[tuple[str, ...]] = []
        self._keys: list[str] = []
        self._sorted_keys: list[str] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_acronym: dict[str, list[int]] = {}
        self._by_plain_key: dict[str, list[int]] = {}
        for record_id, spellings in candidates:
            for spelling in spellings:
                words = name_words(spelling)
                if not words:
                    continue
                index = len(self._ids)
                self._ids.append(record_id)
                self._spellings.append(spelling)
                self._words.append(words)
                self._keys.append("".join(words))
                self._sorted_keys.append("".join(sorted(words)))
                for word in set(words):
                    self._by_word.setdefault(word, []).append(index)
                if acronyms:
                    self._by_plain_key.setdefault(_plain_key(spelling), []).append(index)
                    if initials := _acronym_key(spelling):
                        self._by_acronym.setdefault(initials, []).append(index)
        self._vocabulary = list(self._by_word)

    def __len__(self) -> int:
        """How many spellings are indexed."""
        return len(self._ids)

    def _within_reach(self, words: tuple[str, ...], threshold: float) -> set[int]:
        """The spellings that can score `threshold` or more against `words` (and some that
        cannot: the prefilter is exact in what it drops, not in what it keeps)."""
        key, sorted_key = "".join(words), "".join(sorted(words))
        loose = threshold - _SLACK
        found = {index for _, _, index in process.extract(
            key, self._keys, scorer=fuzz.ratio, score_cutoff=loose, limit=None)}
        found.update(index for _, _, index in process.extract(
            sorted_key, self._sorted_keys, scorer=fuzz.ratio, score_cutoff=loose, limit=None))
        # Word by word: every pair of words at least 2t - 100, or the mean of the mean and the
        # worst pair is under t. A spelling needs min(its words, the name's) of the name's words
        # each near one of its own.
        cutoff = max(0.0, 2 * threshold - 100 - _SLACK)
        near: dict[int, set[int]] = {}
        positions: dict[str, list[int]] = {}
        for position, word in enumerate(words):
            positions.setdefault(word, []).append(position)
        for word, at in positions.items():
            for neighbour, _, _ in process.extract(word, self._vocabulary, scorer=fuzz.ratio,
                                                   score_cutoff=cutoff, limit=None):
                for index in self._by_word[neighbour]:
                    near.setdefault(index, set()).update(at)
        for index, hit in near.items():
            needed = min(len(words), len(self._words[index]))
            if needed >= 2 and len(hit) >= needed:
                found.add(index)
        return found

    def matches(self, name: str, *, exclude: str | None = None, limit: int = 5,
                threshold: float = MATCH_THRESHOLD) -> list[Match]:
        """The records `name` is likely to be, best first: at most `limit`, one per record (its
        best spelling), each scoring `threshold` or more, never the record `exclude`."""
        words = name_words(name)
        if not words or limit <= 0:
            return []
        scores: dict[int, float] = {}
        for index in self._within_reach(words, threshold):
            score = _score(words, self._words[index])
            if score >= threshold:
                scores[index] = score
        if self.acronyms and ACRONYM_SCORE >= threshold:
            initials = _acronym_key(name)
            for index in [*self._by_acronym.get(_plain_key(name), ()),
                          *(self._by_plain_key.get(initials, ()) if initials else ())]:
                scores[index] = max(scores.get(index, 0.0), ACRONYM_SCORE)
        best: dict[str, tuple[float, int]] = {}
        for index, score in scores.items():
            record_id = self._ids[index]
            if record_id == exclude:
                continue
            if record_id not in best or (score, -index) > (best[record_id][0],
                                                          -best[record_id][1]):
                best[record_id] = (score, index)
        ranked = sorted(best.values(), key=lambda item: (-item[0], item[1]))[:limit]
        return [Match(self._ids[index], self._spellings[index], score) for score, index in ranked]


def likely_matches(name: str, candidates: Iterable[tuple[str, Sequence[str]]], *,
                   exclude: str | None = None, limit: int = 5,
                   threshold: float = MATCH_THRESHOLD, acronyms: bool = False) -> list[Match]:
    """The records (id, all its spellings) `name` is likely to be, best first: at most `limit`,
    one per record with its best spelling, each scoring `threshold` or more, never `exclude`
    (the record being edited). With `acronyms` (organisations), a name also matches a record
    whose initials it is, and the other way round: 'LFTU' and 'Lao Federation of Trade Unions',
    'ASEAN TUC' and 'ASEAN Trade Union Council'.

    Builds a `NameIndex` each call, O(spellings); to match many names against the same records,
    build one `NameIndex` and call its `matches()`.
    """
    index = NameIndex(candidates, acronyms=acronyms)
    return index.matches(name, exclude=exclude, limit=limit, threshold=threshold)


# -- search -----------------------------------------------------------------------------------

_QUERY_LETTERS = 4  # a shorter query is matched as typed (folded), never fuzzily


@dataclass(frozen=True, slots=True)
class _Searched:
    """A text as search compares it."""

    folded: str  # `store.domain.text.fold`, as search has it, and đ, ø... as d, o...
    key: str  # `name_key`
    # Each word as typed (folded: how a word being typed is begun, 'vilay', which the rule
    # for a final y would make 'vilai') and in comparison form.
    words: tuple[tuple[str, str], ...]
    fuzzy: bool  # as a query: long enough to be matched fuzzily


@lru_cache(maxsize=65_536)
def _searched(text: str) -> _Searched:
    folded = fold(text)
    if not folded.isascii():
        folded = folded.translate(_LETTERS)
    ruled = name_words(text)
    words = tuple(zip(_split(_fold(text)), ruled, strict=True))
    fuzzy = sum(char.isalpha() for char in folded) >= _QUERY_LETTERS and bool(ruled)
    return _Searched(folded, "".join(ruled), words, fuzzy)


def _word_found(typed: str, ruled: str, words: tuple[tuple[str, str], ...]) -> bool:
    """A word of a spelling begins with the query's word (as typed or in comparison form), or
    is a fuzzy match of it."""
    for typed_word, word in words:
        if typed_word.startswith(typed) or word.startswith(ruled):
            return True
        if len(ruled) >= 3 and fuzz.ratio(ruled, word, score_cutoff=MATCH_THRESHOLD):
            return True
    return False


def matches_query(query: str, spellings: Sequence[str]) -> bool:
    """Whether a search for `query` finds a record with these spellings.

    True when the folded query is part of a folded spelling ('sok' in 'Sokha Chea'); or, when
    the query has 4 letters or more, when its key is part of a spelling's key ('aungkyawmoe' in
    'Aung Kyaw Moe') or each of its words begins, or is a fuzzy match of, a word of one spelling
    ('Phonesan' finds 'Phonensan Vilaymeing', 'Phonesan Vilay' too). An empty query finds
    everything. The query's and each spelling's analysis is cached, so a search repeated as the
    officer types costs a dictionary look-up and a few word comparisons a spelling.
    """
    wanted = _searched(query)
    found = [_searched(spelling) for spelling in spellings]
    if any(wanted.folded in spelling.folded for spelling in found):
        return True
    if not wanted.fuzzy:
        return False
    return any(wanted.key in spelling.key
               or all(_word_found(typed, ruled, spelling.words) for typed, ruled in wanted.words)
               for spelling in found)
