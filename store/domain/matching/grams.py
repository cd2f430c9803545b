"""Workers' names found as they are typed: `SpellingIndex`, every spelling of every record kept
in memory with an index of the words they are made of, updated record by record.

Scoring every spelling is too slow at 50,000 cases (207,000 spellings: 67 to 354 ms a keystroke
with rapidfuzz's scorers over them all). The index is an inverted index of words: for each
distinct word (as typed and in comparison form), the spellings it is in; and each spelling's
key and sorted key. Spellings made of the same words are one group, scored once. A query's
word is looked up once (cached until the words change): the words it begins (two bisections
of the sorted words) and those it resembles (`rapidfuzz.fuzz.ratio` over the distinct words,
at C speed: 1.3 ms over 41,000 words, measured); the groups holding a word found for each of
the query's words are then the only ones scored, by `store.domain.matching.scored`'s rules,
which give the same hits as scoring every spelling (tests/domain/test_search_index.py holds
them to it).

Why not character trigrams of the words, to find the words a query's word resembles: a pair of
words alike enough may share none ("aun" and "an", 80; "abcd" and "acbd", 75), and the
equivalence test found such misses; the scan over the distinct words is exact and, at the
vocabulary a database of names has, costs about as much as the trigrams' set unions.

Nothing here is written anywhere: the index lives in memory, beside the records it was built
from (`store.engine.indexes`), and goes with them.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from store.domain.matching.index import Match
from store.domain.matching.scored import (
    WORD_CUTOFF,
    Analysed,
    NameHit,
    Words,
    analysed,
    forms_of,
    judged,
    one_word,
)
from store.domain.matching.words import MATCH_THRESHOLD, _score, name_words

Pair = tuple[str, str]  # a word folded as typed, and in comparison form
_forms_of, _analysed = forms_of.__wrapped__, analysed.__wrapped__

_SLACK = 0.01  # cut-offs a little below the scores' to allow for rounding
_CACHED_WORDS = 512  # query words whose look-ups are kept (cleared when the words change)


@dataclass(eq=False, slots=True)
class _Entry:
    record_id: str
    spelling: str
    form: str
    position: int
    words: Words


@dataclass(slots=True)
class _Group:
    """Spellings made of the same words: scored once."""

    analysed: Analysed
    entries: list[_Entry] = field(default_factory=list)


def _beginning(words: list[str], prefix: str) -> Iterator[str]:
    """The words of a sorted list that begin with `prefix`."""
    at = bisect_left(words, prefix)
    while at < len(words) and words[at].startswith(prefix):
        yield words[at]
        at += 1


class SpellingIndex:
    """Every spelling of a set of records, to be searched (`search`) and matched against a new
    name (`likely`); `put` and `drop` keep it in step with the records. See the module's doc."""

    def __init__(self, records: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        self._of_record: dict[str, list[_Entry]] = {}
        self._groups: dict[Words, _Group] = {}
        self._by_pair: dict[Pair, set[Words]] = {}  # a word -> the groups holding it
        self._by_typed: dict[str, set[Pair]] = {}
        self._by_ruled: dict[str, set[Pair]] = {}
        self._typed: list[str] = []  # sorted
        self._ruled: list[str] = []  # sorted (what the search for alike words scans)
        self._by_key: dict[str, list[Words]] = {}  # most keys are one spelling's
        self._by_sorted: dict[str, list[Words]] = {}
        self._pairs: dict[Pair, Pair] = {}  # each word, as the index's one object for it
        self._looked_up: dict[Pair, dict[Pair, float]] = {}
        self._building = True  # the sorted words are sorted once, at the end
        self._memo: dict[str, Words] | None = {}
        for record_id, spellings in records:
            self.put(record_id, spellings)
        self._typed, self._ruled = sorted(self._by_typed), sorted(self._by_ruled)
        self._building, self._memo = False, None

    def __len__(self) -> int:
        """How many records are indexed."""
        return len(self._of_record)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._of_record

    @property
    def spellings(self) -> int:
        """How many forms of spellings are indexed (a spelling in another script counts once
        for itself and once for each of its Latin spellings)."""
        return sum(len(entries) for entries in self._of_record.values())

    # -- keeping it up to date -------------------------------------------------------------

    def put(self, record_id: str, spellings: Sequence[str]) -> None:
        """Index a record's spellings (the full name first), replacing what it had."""
        self.drop(record_id)
        entries: list[_Entry] = []
        for position, spelling in enumerate(spellings):
            if not spelling or not spelling.strip():
                continue
            for form in _forms_of(spelling):
                group = self._group_of(form)
                if group is None:
                    continue
                entry = _Entry(record_id, spelling, form, position, group.analysed.words)
                group.entries.append(entry)
                entries.append(entry)
        if entries:
            self._of_record[record_id] = entries

    def _group_of(self, form: str) -> _Group | None:
        """The group of a spelling's form, made if new; None for one without words. Not
        through the searches' caches, which building would fill with spellings never
        searched: while the index is built, a memo of its own (names repeat), none after."""
        if self._memo is not None and form in self._memo:
            return self._groups.get(self._memo[form])
        whole = _analysed(form)
        group = self._group(whole) if whole.words else None
        if self._memo is not None and group is not None:
            self._memo[form] = group.analysed.words  # the group's own: nothing more is held
        return group

    def drop(self, record_id: str) -> None:
        """Forget a record (removed, or about to be indexed again)."""
        for entry in self._of_record.pop(record_id, ()):
            group = self._groups[entry.words]
            group.entries.remove(entry)
            if not group.entries:
                self._ungroup(entry.words, group.analysed)

    def _group(self, whole: Analysed) -> _Group:
        group = self._groups.get(whole.words)
        if group is not None:
            return group
        # Made of the index's own word objects: a name's words are shared by thousands of
        # spellings, and memory holds each once.
        words = tuple(self._canonical(pair) for pair in whole.words)
        group = self._groups[words] = _Group(Analysed(
            words, tuple(ruled for _typed, ruled in words), whole.key, whole.sorted_key,
            whole.fuzzy))
        for pair in set(words):
            holders = self._by_pair.get(pair)
            if holders is None:
                holders = self._by_pair[pair] = set()
                self._add_word(pair)
            holders.add(words)
        self._by_key.setdefault(whole.key, []).append(words)
        self._by_sorted.setdefault(whole.sorted_key, []).append(words)
        return group

    def _canonical(self, pair: Pair) -> Pair:
        known = self._pairs.get(pair)
        if known is None:
            typed, ruled = pair
            known = self._pairs[pair] = (typed, typed) if typed == ruled else pair
        return known

    def _ungroup(self, words: Words, analysis: Analysed) -> None:
        del self._groups[words]
        for pair in set(words):
            holders = self._by_pair[pair]
            holders.discard(words)
            if not holders:
                del self._by_pair[pair]
                self._remove_word(pair)
        for table, key in ((self._by_key, analysis.key), (self._by_sorted, analysis.sorted_key)):
            table[key].remove(words)
            if not table[key]:
                del table[key]

    def _add_word(self, pair: Pair) -> None:
        typed, ruled = pair
        self._looked_up.clear()
        if typed not in self._by_typed:
            self._by_typed[typed] = set()
            if not self._building:
                insort(self._typed, typed)
        self._by_typed[typed].add(pair)
        if ruled not in self._by_ruled:
            self._by_ruled[ruled] = set()
            if not self._building:
                insort(self._ruled, ruled)
        self._by_ruled[ruled].add(pair)

    def _remove_word(self, pair: Pair) -> None:
        typed, ruled = pair
        self._looked_up.clear()
        del self._pairs[pair]
        for table, sorted_words, word in ((self._by_typed, self._typed, typed),
                                          (self._by_ruled, self._ruled, ruled)):
            table[word].discard(pair)
            if not table[word]:
                del table[word]
                if not self._building:
                    del sorted_words[bisect_left(sorted_words, word)]

    # -- looking words up ------------------------------------------------------------------

    def _near(self, ruled: str, cutoff: float) -> list[tuple[str, float]]:
        """The words (in comparison form) whose ratio with `ruled` is `cutoff` or more."""
        return [(word, score) for word, score, _ in process.extract(
            ruled, self._ruled, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)]

    def _found(self, word: Pair) -> dict[Pair, float]:
        """The words of the index a query's word finds, with `scored.word_score`'s scores."""
        found = self._looked_up.get(word)
        if found is not None:
            return found
        typed, ruled = word
        found = {}
        if len(ruled) >= 3:
            for near, score in self._near(ruled, WORD_CUTOFF):
                for pair in self._by_ruled[near]:
                    found[pair] = score
        for begun in _beginning(self._ruled, ruled):
            for pair in self._by_ruled[begun]:
                found[pair] = 100.0
        for begun in _beginning(self._typed, typed):
            for pair in self._by_typed[begun]:
                found[pair] = 100.0
        if len(self._looked_up) >= _CACHED_WORDS:
            self._looked_up.clear()
        self._looked_up[word] = found
        return found

    def _holding(self, found: dict[Pair, float], word: Pair) -> set[Words]:
        """The groups holding a word the query's `word` finds, or two words it runs together
        (each as typed, or each in comparison form: `scored.run_together`)."""
        groups: set[Words] = set()
        for pair in found:
            groups.update(self._by_pair[pair])
        for text, table in zip(word, (self._by_typed, self._by_ruled), strict=True):
            for cut in range(1, len(text)):
                left, right = table.get(text[:cut]), table.get(text[cut:])
                if left and right:
                    on_left = set().union(*(self._by_pair[p] for p in left))
                    groups.update(on_left.intersection(
                        set().union(*(self._by_pair[p] for p in right))))
        return groups

    # -- searching -------------------------------------------------------------------------

    def best(self, query: str) -> dict[str, tuple[int, float, int, _Entry]]:
        """Each record the query finds (`store.domain.matching.scored`'s rules), with its best
        spelling: record id -> (words found, score, -position, the spelling's entry). A query
        in Lao, Thai, Khmer or Burmese script is searched by its Latin spellings too
        (`forms_of`), as each spelling is indexed by its own."""
        forms = forms_of(query)
        if len(forms) <= 1:
            return self._best(query)
        best: dict[str, tuple[int, float, int, _Entry]] = {}
        for form in forms:
            for record_id, found in self._best(form).items():
                known = best.get(record_id)
                if known is None or found[:3] > known[:3]:
                    best[record_id] = found
        return best

    def _best(self, query: str) -> dict[str, tuple[int, float, int, _Entry]]:
        wanted = analysed(query)
        if not wanted.fuzzy:
            return {}
        found = [self._found(word) for word in wanted.words]
        holding = [self._holding(f, word) for f, word in zip(found, wanted.words, strict=True)]
        n = len(found)
        candidates: set[Words] = set.intersection(*sorted(holding, key=len))
        if n >= 3:  # rule B: a name saved shorter than the query
            for i in range(n):
                for j in range(i + 1, n):
                    candidates.update(g for g in holding[i] & holding[j] if len(g) < n)
        candidates.update(self._by_key.get(wanted.key, ()))
        candidates.update(self._by_sorted.get(wanted.sorted_key, ()))
        best: dict[str, tuple[int, float, int, _Entry]] = {}
        for words in candidates:
            group = self._groups[words]
            if n == 1:
                judgement = one_word(wanted, group.analysed, found[0])
            else:
                judgement = judged(wanted, group.analysed,
                                   lambda i, j, w=words: found[i].get(w[j], 0.0))  # type: ignore[misc]
            if judgement is None:
                continue
            score, matched = judgement
            for entry in group.entries:
                mine = (matched, score, -entry.position, entry)
                known = best.get(entry.record_id)
                if known is None or mine[:3] > known[:3]:
                    best[entry.record_id] = mine
        return best

    def search(self, query: str, limit: int | None = None) -> list[NameHit]:
        """The records the query finds, one hit each (its best spelling), best first (`rank`);
        at most `limit`. [] for a query of fewer than 4 letters: match those as typed."""
        n = len(analysed(query).words)
        hits = [NameHit(record_id, entry.spelling, entry.form, entry.position, score, matched, n)
                for record_id, (matched, score, _p, entry) in self.best(query).items()]

        def order(hit: NameHit) -> tuple[object, ...]:
            return (*hit.rank, hit.spelling, hit.id)

        if limit is None:
            return sorted(hits, key=order)
        return heapq.nsmallest(limit, hits, key=order)

    # -- likely matches --------------------------------------------------------------------

    def likely(self, name: str, *, exclude: str | None = None, limit: int = 5,
               threshold: float = MATCH_THRESHOLD) -> list[Match]:
        """The records a new name is likely to be, best first, as the directory finds them
        (`store.domain.matching.NameIndex.matches`: `similarity` at `threshold` or more, the
        same prefilter's reach), on every form of their spellings: at most `limit`, one per
        record with its best spelling, never `exclude`. A name in Lao, Thai, Khmer or Burmese
        script is matched by its Latin spellings too (`forms_of`). Costs a scan of the
        spellings' keys (30 to 60 ms a form at 50,000 cases): for a save, not a keystroke."""
        forms = forms_of(name)
        if len(forms) <= 1:
            return self._likely(name, exclude, limit, threshold)
        merged: dict[str, Match] = {}
        for form in forms:
            for match in self._likely(form, exclude, limit, threshold):
                if match.id not in merged or match.score > merged[match.id].score:
                    merged[match.id] = match
        return sorted(merged.values(), key=lambda m: (-m.score, m.spelling, m.id))[:limit]

    def same_words(self, name: str) -> list[Match]:
        """The records with a spelling of the same words as a form of `name` (as compared, in
        any order), each once with that spelling, score 100: two look-ups a form."""
        found: dict[str, _Entry] = {}
        for whole in map(analysed, forms_of(name)):
            for words in {*self._by_key.get(whole.key, ()),
                          *self._by_sorted.get(whole.sorted_key, ())}:
                for entry in self._groups[words].entries:
                    if entry.record_id not in found or entry.position < found[
                            entry.record_id].position:
                        found[entry.record_id] = entry
        return [Match(entry.record_id, entry.spelling, 100.0) for entry in found.values()]

    def _likely(self, name: str, exclude: str | None, limit: int,
                threshold: float) -> list[Match]:
        words = name_words(name)
        if not words or limit <= 0:
            return []
        loose = threshold - _SLACK
        key, sorted_key = "".join(words), "".join(sorted(words))
        candidates: set[Words] = set()
        for wanted, table in ((key, self._by_key), (sorted_key, self._by_sorted)):
            for _k, _s, index in process.extract(wanted, keys := list(table), scorer=fuzz.ratio,
                                                 score_cutoff=loose, limit=None):
                candidates.update(table[keys[index]])
        near: dict[Words, set[int]] = {}
        cutoff = max(0.0, 2 * threshold - 100 - _SLACK)
        for position, word in enumerate(words):
            for ruled, _score_of_word in self._near(word, cutoff):
                for pair in self._by_ruled[ruled]:
                    for group in self._by_pair[pair]:
                        near.setdefault(group, set()).add(position)
        for group, hit in near.items():
            needed = min(len(words), len(group))
            if needed >= 2 and len(hit) >= needed:
                candidates.add(group)
        best: dict[str, tuple[float, int, _Entry]] = {}
        for group_words in candidates:
            group = self._groups[group_words]
            score = _score(words, group.analysed.ruled)
            if score < threshold:
                continue
            for entry in group.entries:
                if entry.record_id == exclude:
                    continue
                known = best.get(entry.record_id)
                if known is None or (score, -entry.position) > known[:2]:
                    best[entry.record_id] = (score, -entry.position, entry)
        ranked = sorted(best.values(), key=lambda item: (-item[0], -item[1],
                                                        item[2].spelling, item[2].record_id))
        return [Match(entry.record_id, entry.spelling, score)
                for score, _p, entry in ranked[:limit]]
