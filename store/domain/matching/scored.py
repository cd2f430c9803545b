"""How well a search finds a spelling of a name (`search_score`): the rules the workers' search
follows, in the cases filter, Ctrl+F and `pulang find`, written out for one spelling.
`store.domain.matching.grams.SpellingIndex` finds the same hits among many spellings without
scoring them all.

A query of 4 letters or more (`store.domain.matching.search`'s rule: a shorter one is matched
as typed, never fuzzily) finds a spelling of m words when, its n words analysed as
`store.domain.matching.words` says (`name_words`; each also folded as typed), one of these holds:

- A (n <= m): each word of the query is paired, best pairs first, with a different word of the
  spelling that it begins (as typed or in comparison form: "Riz" begins "Rizky", and an initial
  "M." begins "Muhammad"), which scores 100, or that it resembles (`rapidfuzz.fuzz.ratio` of
  the comparison forms at least 2 x MATCH_THRESHOLD - 100, words of 3 letters or more), and
  the pairs score at least MATCH_THRESHOLD as `similarity` scores them (the mean of their
  length-weighted mean and the worst pair). The score is that, less MISSING_WORD_PENALTY for
  each word of the spelling the query does not name: "Muhammad Rizki" finds "Muhammad Rizky
  Pratama" at 97, "Muhammad Rizky" at 100;
- B (n != m, both 2 or more): at least min(n, m) of the query's words find a word of the
  spelling so, or two words of it next to each other run together ("Sreymom" is "Srey Mom"),
  and `similarity` of the two is at least MATCH_THRESHOLD: a name typed longer than it was
  saved ("Muhammad Rizky Pratama" finds "Muhammad Rizky" at 97: only 2 of the 3 words were
  found), or spaced otherwise ("Tep Sreymom" finds "Tep Srey Mom" at 90);
- C: the same letters, however spaced or ordered ("Aungkyawmoe" and "Aung Kyaw Moe"): 100.

The score is the best of those that hold; `matched` says how many of the query's words were
found, so that a spelling with all of them ranks above one with some ("all the query's words
matched beats some"), and a query's ranking is (matched, score), best first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from store.domain.matching.search import _QUERY_LETTERS
from store.domain.matching.words import (
    _LETTERS,
    MATCH_THRESHOLD,
    MISSING_WORD_PENALTY,
    _denoise,
    _fold,
    _score,
    _split,
)
from store.domain.scripts import matching_forms, normalise
from store.domain.text import fold

# A word pair at least this alike may still belong to a match (below it, the worst pair keeps
# the mean of the mean and the worst under the threshold).
WORD_CUTOFF = 2 * MATCH_THRESHOLD - 100
_FUZZY_LETTERS = 3  # a shorter word of the query only begins a word, never resembles one

Words = tuple[tuple[str, str], ...]  # each word folded as typed, and in comparison form


def _missing_rules(error: ModuleNotFoundError) -> bool:
    """A script's module of `store.domain.scripts` that is not there (yet)."""
    return (error.name or "").startswith("store.domain.scripts.")


def comparable(text: str) -> str:
    """`text` as the search compares it: `store.domain.scripts.normalise` (NFC, and a script's
    own order of characters), or NFC alone where a script's rules are not installed."""
    if text.isascii():  # most names: in no script of those, and NFC already
        return text
    return _normalised(text)


@lru_cache(maxsize=65_536)
def _normalised(text: str) -> str:
    try:
        return normalise(text)
    except ModuleNotFoundError as error:
        if not _missing_rules(error):
            raise
        return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65_536)
def forms_of(spelling: str) -> tuple[str, ...]:
    """What a spelling is matched by (`store.domain.scripts.matching_forms`: the spelling, and
    a name in Lao, Thai, Khmer or Burmese script by its Latin spellings), each comparable,
    each once."""
    if spelling.isascii():  # in no script of those: no Latin spellings to add
        return (spelling,) if spelling.strip() else ()
    try:
        forms = matching_forms(spelling)
    except ModuleNotFoundError as error:
        if not _missing_rules(error):
            raise
        forms = [spelling]
    seen: list[str] = []
    for form in forms:
        form = comparable(form)
        if form.strip() and form not in seen:
            seen.append(form)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class Analysed:
    """A text as the search compares it."""

    words: Words
    ruled: tuple[str, ...]  # the comparison forms alone
    key: str  # the words joined
    sorted_key: str  # the words sorted, then joined
    fuzzy: bool  # as a query: long enough to be matched fuzzily


@lru_cache(maxsize=65_536)
def analysed(text: str) -> Analysed:
    """`text` (comparable) as `store.domain.matching.search` analyses a search's text, worked
    out once a word: its words folded as typed and in comparison form (`name_words`), and
    whether it has the letters to be matched fuzzily."""
    text = comparable(text)
    typed = _split(_fold(text))
    ruled = tuple(_denoise(word) for word in typed)
    folded = fold(text)
    if not folded.isascii():
        folded = folded.translate(_LETTERS)
    fuzzy = sum(map(str.isalpha, folded)) >= _QUERY_LETTERS and bool(ruled)
    return Analysed(tuple(zip(typed, ruled, strict=True)), ruled, "".join(ruled),
                    "".join(sorted(ruled)), fuzzy)


def word_score(query_word: tuple[str, str], word: tuple[str, str]) -> float:
    """How well a word of the query finds a word of a spelling (rule A): 100 when it begins
    it, its ratio when at least WORD_CUTOFF, else 0."""
    typed, ruled = query_word
    if word[0].startswith(typed) or word[1].startswith(ruled):
        return 100.0
    if len(ruled) >= _FUZZY_LETTERS:
        return fuzz.ratio(ruled, word[1], score_cutoff=WORD_CUTOFF)
    return 0.0


def paired(query: Sequence[str], spelling: Sequence[str],
           score_of: Callable[[int, int], float]) -> float | None:
    """Rule A's score of the query's words (their comparison forms) paired with a spelling's,
    best pairs first (ties: the nearer lengths, then the earlier words), each pair scored by
    `score_of(i, j)`, 0 for a pair that cannot be one: the mean of the pairs' length-weighted
    mean and the worst pair, or None when a word of the query is left without a pair."""
    pairs = []
    for i, a in enumerate(query):
        for j, b in enumerate(spelling):
            score = score_of(i, j)
            if score > 0:
                pairs.append((-score, abs(len(a) - len(b)), i, j))
    if len({i for _s, _d, i, _j in pairs}) < len(query):
        return None
    pairs.sort()
    used_query: set[int] = set()
    used_spelling: set[int] = set()
    total = weight = 0.0
    worst = 100.0
    for negative, _distance, i, j in pairs:
        if i in used_query or j in used_spelling:
            continue
        used_query.add(i)
        used_spelling.add(j)
        size = len(query[i]) + len(spelling[j])
        total -= negative * size
        weight += size
        worst = min(worst, -negative)
        if len(used_query) == len(query):
            return (total / weight + worst) / 2
    return None


def run_together(word: tuple[str, str], spelling: Words) -> bool:
    """Whether a word of the query is two words of the spelling next to each other, run
    together (as typed, or in comparison form): "Sreymom" and "Srey Mom"."""
    typed, ruled = word
    return any(typed == a[0] + b[0] or ruled == a[1] + b[1]
               for a, b in zip(spelling, spelling[1:], strict=False))


def found_words(query: Words, spelling: Words, score_of: Callable[[int, int], float]) -> int:
    """How many of the query's words find some word of the spelling, or two of its words run
    together (rule B's count)."""
    return sum(1 for i in range(len(query))
               if any(score_of(i, j) > 0 for j in range(len(spelling)))
               or run_together(query[i], spelling))


def judged(query: Analysed, spelling: Analysed,
           score_of: Callable[[int, int], float]) -> tuple[float, int] | None:
    """Rules A, B and C for one spelling, the words' scores given: (score, words of the query
    found), or None when the spelling is not found."""
    n, m = len(query.words), len(spelling.words)
    if not query.fuzzy or not m:
        return None
    best: tuple[float, int] | None = None
    if query.key == spelling.key or (max(n, m) >= 2 and query.sorted_key == spelling.sorted_key):
        best = (100.0, n)
    if n <= m:
        score = paired(query.ruled, spelling.ruled, score_of)
        if score is not None and score >= MATCH_THRESHOLD:
            found = (score - MISSING_WORD_PENALTY * (m - n), n)
            best = found if best is None or found > best else best
    fewer = min(n, m)
    if n != m and fewer >= 2 and found_words(query.words, spelling.words, score_of) >= fewer:
        score = _score(query.ruled, spelling.ruled)
        if score >= MATCH_THRESHOLD and (best is None or (score, fewer) > best):
            best = (score, fewer)
    return best


def search_score(query: str, spelling: str) -> tuple[float, int] | None:
    """How well `query` finds `spelling` (the module's rules): (score 0..100, how many of the
    query's words were found), or None when it does not. Compares the spelling as given: a
    name in another script is found by its Latin spellings through `forms_of`."""
    wanted, form = analysed(query), analysed(spelling)
    return judged(wanted, form, lambda i, j: word_score(wanted.words[i], form.words[j]))


def one_word(query: Analysed, spelling: Analysed,
              found: dict[tuple[str, str], float]) -> tuple[float, int] | None:
    """`judged` for a query of one word (the common case as a name is typed), the scores of
    the words it finds in `found`, without pairing: the pair is the word of the spelling the
    query finds best (rule A), unless the letters are the same (rule C); rule B needs two."""
    m = len(spelling.words)
    if query.key == spelling.key or (m >= 2 and query.sorted_key == spelling.sorted_key):
        return (100.0, 1)
    top = max(found.get(word, 0.0) for word in spelling.words)
    if top > 0 and top >= MATCH_THRESHOLD:
        return (top - MISSING_WORD_PENALTY * (m - 1), 1)
    return None


@dataclass(frozen=True, slots=True)
class NameHit:
    """A record a search finds: its spelling that matched best, as stored (`form`: what was
    compared, the spelling or a Latin spelling of it), which spelling it is (0 the full name,
    1 on its other spellings), the score and how many of the query's `words` it found."""

    id: str
    spelling: str
    form: str
    position: int
    score: float
    matched: int
    words: int

    @property
    def rank(self) -> tuple[float, ...]:
        """Best first when sorted: all of the query's words found, then more of them, then a
        higher score, then the full name before another spelling."""
        return (-self.matched, -self.score, self.position)
