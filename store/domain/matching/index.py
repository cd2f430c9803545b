"""Likely matches: which saved records a newly typed name is likely to be (`NameIndex`,
`likely_matches`), by the rules of `store.domain.matching.words`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from store.domain.matching.acronyms import ACRONYM_SCORE, _acronym_key, _plain_key
from store.domain.matching.words import MATCH_THRESHOLD, _score, name_words


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
