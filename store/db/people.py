"""The Database's matching of people across every case: which saved workers each person of a
list (or the worker being added) likely is, and why (`match_people`, `match_person`).

A part of `store.db.database.Database` (see `store.db.base`). Candidates come from the
in-memory indexes the workers' search keeps (`store.engine.indexes`: every spelling of every
worker's name, in every script, and their phone and passport numbers, built on first use or by
`prepare_finding` after opening) and from an index of dates of birth made here, in memory, from
the workers' records (rebuilt when the workers changed; the engine keeps it, and drops it with
the search's indexes when the app locks); each candidate is then compared with
the person by `store.domain.matching.people.compare_people`. Nothing of it is written anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import orjson

from store.common import clock
from store.common.errors import NotFound, RuleRefused
from store.common.i18n import _
from store.db.base import WORKERS, Part
from store.domain.matching.numbers import phone_query
from store.domain.matching.people import (
    NAME_WITH_AGE,
    Likeness,
    Person,
    compare_people,
    evidence,
    name_likeness,
    passport_key,
    person_of_doc,
    reasons_said,
)
from store.domain.matching.words import MATCH_THRESHOLD
from store.domain.records import Case, LogEntry, Worker, build, worker_numbers
from store.domain.text import row_name

_BORN = b'"date_of_birth":"'
_NAME_CANDIDATES = 40  # the most workers a fuzzy look-up brings, per spelling
_FEW = 5  # up to so many people, the names are looked up fuzzily too
_COMMON = 3  # a name near-identical to this many workers or more is common: no match alone
_SAME_NAME = 90.0  # a name so close to a candidate's that it cannot tell them apart
_DEFAULT_REGION = "ID"


@dataclass(frozen=True)
class PersonMatch:
    """A saved worker a person likely is (or may be): where, as rows name them, their number in
    their case, and how alike (`likeness`: score, whether likely, the reasons)."""

    worker_id: str
    case_id: str
    ref: str
    name: str
    number: int | None
    likeness: Likeness

    @property
    def score(self) -> float:
        return self.likeness.score

    @property
    def likely(self) -> bool:
        return self.likeness.likely

    @property
    def why(self) -> list[str]:
        """The reasons, in the user's words."""
        return reasons_said(self.likeness)


class PeoplePart(Part):
    """Matching people across every case (see the module's doc)."""

    def match_person(self, person: Person, limit: int = 3,
                     exclude: Collection[str] = ()) -> list[PersonMatch]:
        """The saved workers `person` likely is, best first (see `match_people`)."""
        return self.match_people([person], limit, exclude)[0]

    def match_people(self, people: Sequence[Person], limit: int = 3,
                     exclude: Collection[str] = (), *,
                     fuzzy: bool | None = None) -> list[list[PersonMatch]]:
        """For each person, the saved workers (in any case; never the ids of `exclude`) they
        may be, at most `limit`: only workers with real evidence (a name near enough, the same
        phone or passport), the likely ones first, then by score.

        Candidates: the workers with a spelling of the same words (in any order, in any
        script), born the same day, or with the same phone or passport; for a person without a
        date of birth, those whose spelling is as near as a name must be to be likely with an
        age (NAME_WITH_AGE); with `fuzzy` (by default for a few people, not for a list: 30 to
        60 ms a name at 50,000 cases), those whose spelling is near the name (MATCH_THRESHOLD),
        which a name alone never makes likely but the officer may want to see."""
        if fuzzy is None:
            fuzzy = len(people) <= _FEW
        with self._lock:
            engine = self._engine
            engine.refresh()
            today = clock.today()
            found: list[list[tuple[str, Likeness]]] = []
            for person in people:
                found.append(self._matched(person, set(exclude), limit, today, fuzzy))
            numbers: dict[str, dict[str, int]] = {}
            out = []
            for matches in found:
                out.append([self._person_match(worker_id, likeness, numbers)
                            for worker_id, likeness in matches])
            return out

    def link_workers(self, case_id: str, worker_ids: Sequence[str],
                     officer: str = "") -> list[LogEntry]:
        """People being added to the case `case_id` who are workers of other cases already
        (`worker_ids`): linked, not added again. In one change, for each, an entry in this
        case's log ("already worker N of case REF: linked, not added again") and one in the
        other case's, naming its worker ("Also reported in case REF"): by reference and number
        only, never a name (a log's summary may be shared). Nothing else is written. NotFound
        for a case or worker gone; RuleRefused for a worker of this very case."""
        with self.transaction():
            if self._doc(Case, case_id) is None:
                raise NotFound(_("case of this worker"))
            here = self.get(Case, case_id)
            saved: list[LogEntry] = []
            for worker_id in dict.fromkeys(worker_ids):
                worker = self.get(Worker, worker_id)
                if worker.case_id == case_id:
                    raise RuleRefused(_("This worker is in this case already: nothing to "
                                        "link."))
                other = self.get(Case, worker.case_id)
                number = worker_numbers(self.workers_of(worker.case_id)).get(worker.id)
                saved.append(self._save(build(LogEntry, {
                    "case_id": case_id, "recorded_by": officer,
                    "summary": _("The person being added is already worker {number} of case "
                                 "{ref}: linked, not added again").format(
                        number=number or "?", ref=other.ref)})))
                saved.append(self._save(build(LogEntry, {
                    "case_id": worker.case_id, "worker_ids": [worker.id],
                    "recorded_by": officer,
                    "summary": _("Also reported in case {ref}").format(ref=here.ref)})))
            return saved

    # -- one person ------------------------------------------------------------------------

    def _matched(self, person: Person, exclude: set[str], limit: int,
                 today: dt.date, fuzzy: bool) -> list[tuple[str, Likeness]]:
        engine = self._engine
        names = person.names
        candidates: set[str] = set()
        if names:
            spellings = engine.spelling_index()
            for name in names:
                candidates.update(match.id for match in spellings.same_words(name))
                if fuzzy or person.date_of_birth is None:
                    # Without a date of birth, only a name this close can be likely.
                    threshold = MATCH_THRESHOLD if fuzzy else NAME_WITH_AGE
                    candidates.update(match.id for match in spellings.likely(
                        name, limit=_NAME_CANDIDATES, threshold=threshold))
        if person.date_of_birth is not None:
            candidates.update(self._born_on(person.date_of_birth))
        candidates.update(self._by_numbers(person))
        candidates -= exclude
        raw = engine.raw[WORKERS]
        scored: list[tuple[str, Likeness]] = []
        for worker_id in candidates:
            doc = raw.get(worker_id)
            if doc is None:
                continue
            other = person_of_doc(orjson.loads(doc))
            name = name_likeness(names, other.names) if names else (0.0, "", "")
            likeness = compare_people(person, other, on=today, name=name)
            if evidence(likeness):
                scored.append((worker_id, likeness))
        scored = _common_names_demoted(scored)
        scored.sort(key=lambda item: (not item[1].likely, -item[1].score, item[0]))
        return scored[:limit]

    def _by_numbers(self, person: Person) -> set[str]:
        numbers = self._engine.number_index()
        ids: set[str] = set()
        if person.phone and phone_query(person.phone):
            region = person.nationality or _DEFAULT_REGION
            ids.update(hit.id for hit in numbers.phones(person.phone, lambda _id, r: r or region))
        if passport_key(person.passport):
            ids.update(hit.id for hit in numbers.passports(person.passport)
                       if hit.score >= 100.0)
        return ids

    def _born_on(self, born: dt.date) -> list[str]:
        """The workers born on that day (an index made on first use, again after a change; kept
        by the engine, which drops it with the records when the app locks)."""
        engine = self._engine
        stamp = engine.stamps.get(WORKERS, 0)
        if engine.births is None or engine.births[0] != stamp:
            index: dict[str, list[str]] = {}
            for worker_id, raw in engine.raw[WORKERS].items():
                at = raw.find(_BORN)
                if at >= 0:
                    start = at + len(_BORN)
                    index.setdefault(raw[start:start + 10].decode(), []).append(worker_id)
            engine.births = (stamp, index)
        return engine.births[1].get(born.isoformat(), [])

    def _person_match(self, worker_id: str, likeness: Likeness,
                      numbers: dict[str, dict[str, int]]) -> PersonMatch:
        engine = self._engine
        case_id = engine.case_of[WORKERS].get(worker_id, "")
        if case_id not in numbers:  # as `worker_numbers` numbers them, without the models
            names = engine.names
            ids = sorted(engine.children[WORKERS].get(case_id, {}), key=lambda wid: (
                row_name(names.get(wid) or [""], wid).casefold(), wid))
            numbers[case_id] = {wid: n for n, wid in enumerate(ids, start=1)}
        return PersonMatch(worker_id, case_id, engine.ref_of.get(case_id, ""),
                           row_name(engine.names.get(worker_id) or [""], worker_id),
                           numbers[case_id].get(worker_id), likeness)


def _common_names_demoted(scored: list[tuple[str, Likeness]]) -> list[tuple[str, Likeness]]:
    """A match by the name alone (or with an age) is no longer likely when the name is common:
    when _COMMON candidates or more have it (even those told apart by a date of birth: that a
    name is common is what counts), or two that nothing tells apart."""
    alone = [worker_id for worker_id, likeness in scored
             if likeness.likely and _name_alone(likeness)]
    if not alone:
        return scored
    near = [likeness for _id, likeness in scored if likeness.name_score >= _SAME_NAME]
    if len(near) < _COMMON and sum(not _told_apart(likeness) for likeness in near) < 2:
        return scored
    out = []
    for worker_id, likeness in scored:
        if worker_id in alone:
            likeness = Likeness(likeness.score, False, likeness.reasons, likeness.spelling,
                                likeness.name_score, likeness.born)
        out.append((worker_id, likeness))
    return out


def _name_alone(likeness: Likeness) -> bool:
    return not any(reason in likeness.reasons for reason in ("passport", "phone", "birth_date"))



def _told_apart(likeness: Likeness) -> bool:
    return any(reason in likeness.reasons
               for reason in ("birth_date_differs", "age_differs", "sex_differs"))
