"""Search: whether what an officer types in a search finds a record with these spellings
(`matches_query`), spelling-tolerant by the rules of `store.domain.matching.words`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from store.domain.matching.words import _LETTERS, MATCH_THRESHOLD, _fold, _split, name_words
from store.domain.text import fold

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
