"""The Database's workers' search: one function for Ctrl+F, the cases filter and `pulang find`
(`find`, `worker_cases`), and the likely matches of a worker being added (`similar_workers`).

A part of `store.db.database.Database` (see `store.db.base`). It reads the engine's in-memory
indexes of every worker's spellings and numbers (`store.engine.indexes`: built on first use or
by `prepare_finding` after opening, kept up to date on every save), and scores by
`store.domain.matching`'s rules, the directory's: a name spelt another way ("Muhammad Rizki"
finds "Muhammad Rizky Pratama"), in another order, with an initial ("M. Rizky"), run together;
a part of a name as typed ("yuning" in "Sri Wahyuningsih"); a phone number in any format by
its last digits; a passport or travel-document number, or its beginning. Nothing of it is
written anywhere: the indexes live in memory, and go when the app locks.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from store.common.i18n import pgettext
from store.db.base import CASES, WORKERS, Part, valid
from store.domain.matching import MATCH_THRESHOLD, SpellingIndex
from store.domain.records import Worker, worker_numbers
from store.domain.rows import CaseRow
from store.domain.text import fold, row_name

# The fields a worker is found by, best first among equal scores.
FIELDS = ("name", "other_spelling", "phone", "passport")
_FIELD_ORDER = {field: n for n, field in enumerate(FIELDS)}
_DEFAULT_REGION = "ID"  # as the worker form reads a phone without a nationality


def field_label(field: str) -> str:
    """The field a worker was found by, in the user's language."""
    if field == "name":
        return pgettext("the field a search found", "name")
    if field == "other_spelling":
        return pgettext("the field a search found", "other spelling")
    if field == "phone":
        return pgettext("the field a search found", "phone")
    return pgettext("the field a search found", "passport")


@dataclass(frozen=True)
class Found:
    """A worker a search found: in which case, their name as rows show it, the field that
    matched and what it holds (a spelling as stored, a phone in E.164, a passport number), the
    score (0..100) and how many of the query's `of` words it found. `form`: the Latin spelling
    compared, when the spelling is in another script. `number`: the worker's number in the
    case (as its page lists them), when asked for."""

    worker_id: str
    case_id: str
    ref: str
    name: str
    field: str
    matched: str
    score: float
    words: int
    of: int
    form: str = ""
    number: int | None = None

    @property
    def rank(self) -> tuple[object, ...]:
        """Best first when sorted: every word of the query found, then more of them, then the
        score, then the full name before another spelling before the numbers."""
        return (self.words < self.of, -self.words, -self.score, _FIELD_ORDER[self.field])


@dataclass(frozen=True)
class CaseMatch:
    """Why a case is in the filtered list: its worker whose name the filter found best."""

    worker_id: str
    spellings: Sequence[str]  # the worker's, the full name first
    field: str
    spelling: str
    score: float
    words: int
    of: int

    @property
    def name(self) -> str:
        """The worker's name as rows show it."""
        return row_name(self.spellings or [""], self.worker_id)

    @property
    def rank(self) -> tuple[object, ...]:
        return (self.words < self.of, -self.words, -self.score)


class CaseMatches:
    """The cases a filter found by a worker's name: `case_id in matches`, `rank(case_id)` to
    sort by (best first), `get(case_id)` its `CaseMatch`, made only when asked for (a common
    name finds thousands of cases, and a keystroke must not wait for them all)."""

    def __init__(self, best: dict[str, tuple[int, float, int, Any]], of: int,
                 names: dict[str, list[str]]) -> None:
        self._best, self._of, self._names = best, of, names

    def __len__(self) -> int:
        return len(self._best)

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._best

    def ids(self) -> list[str]:
        return list(self._best)

    def rank(self, case_id: str) -> tuple[object, ...]:
        words, score, before, _entry = self._best[case_id]
        return (words < self._of, -words, -score, -before)

    def get(self, case_id: str) -> CaseMatch | None:
        found = self._best.get(case_id)
        if found is None:
            return None
        words, score, before, entry = found
        return CaseMatch(entry.record_id, self._names.get(entry.record_id, ()),
                         "name" if before == 0 else "other_spelling", entry.spelling,
                         round(score, 1), words, max(self._of, words))


class FindingPart(Part):
    """The workers' search (see the module's doc)."""

    def prepare_finding(self) -> None:
        """Build the search's indexes ahead of first use (meant for a background thread
        after opening: a few seconds at 50,000 cases)."""
        with self._lock:
            if self._engine.locked_out:
                return
            self._engine.refresh()
            self._engine.spelling_index()
            self._engine.number_index()

    def find(self, query: str, limit: int | None = 50, numbered: bool = False) -> list[Found]:
        """The workers `query` finds, best first (`Found.rank`), at most `limit`: by any
        spelling of their name, a phone number or a passport number (the module's doc). With
        `numbered`, each with their number in their case."""
        with self._lock:
            self._engine.refresh()
            found = self._find(query, limit)
            if numbered:
                found = self._numbered(found)
            return found

    def _find(self, query: str, limit: int | None) -> list[Found]:
        engine = self._engine
        best: dict[str, Found] = {}

        def offer(found: Found) -> None:
            known = best.get(found.worker_id)
            if known is None or found.rank < known.rank:
                best[found.worker_id] = found

        spellings = engine.spelling_index()
        of = len(fold(query).split())
        for hit in spellings.search(query, limit):
            offer(self._found(hit.id, "name" if hit.position == 0 else "other_spelling",
                              hit.spelling, hit.score, hit.matched, hit.words, hit.form))
        for found in self._as_typed(query, spellings, limit):
            offer(found)
        numbers = engine.number_index()
        for number in [*numbers.phones(query, self._region), *numbers.passports(query)]:
            offer(self._found(number.id, number.field, number.number, number.score, max(of, 1),
                              max(of, 1)))
        ranked = (lambda f: (*f.rank, f.ref, f.name, f.worker_id))
        if limit is None:
            return sorted(best.values(), key=ranked)
        return heapq.nsmallest(limit, best.values(), key=ranked)

    def _found(self, worker_id: str, field: str, matched: str, score: float, words: int,
               of: int, form: str = "") -> Found:
        engine = self._engine
        case_id = engine.case_of[WORKERS].get(worker_id, "")
        return Found(worker_id, case_id, engine.ref_of.get(case_id, ""),
                     row_name(engine.names.get(worker_id) or [""], worker_id), field, matched,
                     round(score, 1), words, of, "" if form == matched else form)

    def _as_typed(self, query: str, spellings: SpellingIndex,
                  limit: int | None) -> list[Found]:
        """The workers with a spelling that holds the query as typed (folded): what the search
        found before it forgave spelling, still found ("yuning" in "Wahyuningsih"), scored by
        the share of the spelling it is. At most `limit`, from the cases list's rows (whose
        text holds their workers' names) in the list's order."""
        wanted = fold(query)
        if not wanted:
            return []
        engine, found = self._engine, []
        of = len(wanted.split())
        for row in self.case_rows():
            if wanted not in row.search_text:
                continue
            for worker_id in engine.children[WORKERS].get(row.id, {}):
                for position, name in enumerate(engine.names.get(worker_id, [])):
                    folded = fold(name)
                    if folded and wanted in folded:
                        field = "name" if position == 0 else "other_spelling"
                        found.append(self._found(worker_id, field, name,
                                                 100 * len(wanted) / len(folded), of, of))
                        break
            if limit is not None and len(found) >= limit:
                break
        return found

    def _region(self, worker_id: str, nationality: str | None) -> str:
        """Where a phone query is read for this worker: their nationality, else their case's
        country of origin, else Indonesia (as the worker form reads a number)."""
        if nationality:
            return nationality
        case = self._engine.get(CASES, self._engine.case_of[WORKERS].get(worker_id, ""))
        return str((case or {}).get("origin_country") or _DEFAULT_REGION)

    def _numbered(self, found: list[Found]) -> list[Found]:
        numbers: dict[str, dict[str, int]] = {}
        out = []
        for item in found:
            if item.case_id not in numbers:
                workers = [valid(Worker, doc)
                           for doc in self._engine.children_of(WORKERS, item.case_id)]
                numbers[item.case_id] = worker_numbers(workers)
            out.append(replace(item, number=numbers[item.case_id].get(item.worker_id)))
        return out

    # -- the cases filter ------------------------------------------------------------------

    def worker_cases(self, query: str) -> CaseMatches:
        """For the cases filter: each case with a worker whose name `query` finds, fuzzily
        (`store.domain.matching`'s rules; a query of fewer than 4 letters finds none: the
        filter matches it as typed), with that worker's best spelling."""
        with self._lock:
            engine = self._engine
            engine.refresh()
            of = len(fold(query).split())
            best: dict[str, tuple[int, float, int, Any]] = {}
            case_of = engine.case_of[WORKERS]
            for found in engine.spelling_index().best(query).values():
                case_id = case_of.get(found[3].record_id)
                if case_id is not None:
                    known = best.get(case_id)
                    if known is None or found[:3] > known[:3]:
                        best[case_id] = found
            return CaseMatches(best, of, engine.names)

    # -- likely matches --------------------------------------------------------------------

    def similar_workers(self, name: str, names: Sequence[str] = (),
                        exclude: str | None = None, limit: int = 5) -> list[Found]:
        """The workers already saved, in any case, that a worker being added under `name`
        (and other spellings `names`) is likely to be, best first: by any spelling of theirs,
        as the directory finds its likely matches (`similarity`, MATCH_THRESHOLD)."""
        with self._lock:
            self._engine.refresh()
            spellings = self._engine.spelling_index()
            best: dict[str, Found] = {}
            for typed in [name, *names]:
                if not typed.strip():
                    continue
                for match in spellings.likely(typed, exclude=exclude, limit=limit,
                                              threshold=MATCH_THRESHOLD):
                    full_name = (self._engine.names.get(match.id) or [""])[0]
                    field = "name" if match.spelling == full_name else "other_spelling"
                    found = self._found(match.id, field, match.spelling, match.score, 1, 1)
                    if match.id not in best or found.score > best[match.id].score:
                        best[match.id] = found
            ranked = sorted(best.values(), key=lambda f: (-f.score, f.ref, f.name, f.worker_id))
            return self._numbered(ranked[:limit])


def rows_found(rows: Sequence[CaseRow], matches: CaseMatches,
               positions: dict[str, int] | None = None) -> list[CaseRow]:
    """The rows of cases the filter found by a worker's name, best first
    (`CaseMatches.rank`), in the list's order among equals. `positions`: each row's place in
    `rows` (case id -> index), when the caller keeps it: then only the cases found are
    looked at, not every row."""
    if positions is None:
        found = [row for row in rows if row.id in matches]
        found.sort(key=lambda row: matches.rank(row.id))
        return found
    places = [positions[case_id] for case_id in matches.ids() if case_id in positions]
    places.sort(key=lambda n: (matches.rank(rows[n].id), n))
    return [rows[n] for n in places]
