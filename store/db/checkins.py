"""Check-ins after return (issue 35) in the Database: a worker's check-ins read, saved (the
answers checked against the union's indicators), removed; a sign of re-recruitment followed
up; each worker's schedule; and across the database, the check-ins due and the workers whose
latest check-in shows signs of re-recruitment not yet followed up (Today's).

A part of `store.db.database.Database` (see `store.db.base`). The schedule and the scores are
`store.domain.checkins`' and `store.domain.rules.reintegration`'s; removing or erasing a
worker removes their check-ins (`store.db.legal`'s `_after_for_worker`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import orjson

from store.common import clock
from store.common.errors import NotFound, RecordInvalid, RuleRefused
from store.common.i18n import _
from store.common.reintegration import checkin_months, indicators
from store.db.base import CASES, CHECKINS, PLANS, WORKERS, Part, valid
from store.domain.agenda import CheckInDue
from store.domain.checkins import Due, home_on, latest, schedule
from store.domain.records import Case, CheckIn, Plan
from store.domain.rules.closing import closed_as_stored
from store.domain.rules.reintegration import re_recruitment

# A plan whose flight home is done, as its stored line says it (steps are written key first).
_FLOWN = b'"key":"flight","status":"done"'


@dataclass(frozen=True)
class Signs:
    """A worker whose latest check-in shows signs of re-recruitment not yet followed up:
    (indicator id, answer code) of each sign."""

    case_id: str
    ref: str
    worker_id: str
    name: str
    checkin: CheckIn
    signs: list[tuple[str, str]]


class CheckInsPart(Part):
    """Check-ins with workers after their return."""

    def checkins_of(self, case_id: str, worker_id: str | None = None) -> list[CheckIn]:
        """The case's check-ins (of one worker, if given): by worker, then by day."""
        with self._lock:
            self._engine.refresh()
            found = [valid(CheckIn, d) for d in self._engine.children_of(CHECKINS, case_id)
                     if worker_id is None or d.get("worker_id") == worker_id]
        return sorted(found, key=lambda c: (c.worker_id, c.on, c.id))

    def checkin_schedule(self, worker_id: str, months: Sequence[int] | None = None) -> list[Due]:
        """The worker's check-ins of the union's template (`months`, else $PULANG_CHECKINS's
        or 1, 3, 6, 12), from the day their flight home was done; empty before."""
        with self._lock:
            self._engine.refresh()
            doc = self._engine.get(WORKERS, worker_id)
            if doc is None:
                raise NotFound(_("worker"))
            plan = self._per_worker(Plan, worker_id)
            done = self._done(doc["case_id"], worker_id)
        return schedule(home_on(plan), checkin_months() if months is None else months, done)

    def save_checkin(self, checkin: CheckIn) -> CheckIn:
        """Save a check-in of a worker of its case; answers the union's check-in does not ask
        (or does not offer) are refused, naming them."""
        with self.transaction():
            if self._doc(Case, checkin.case_id) is None:
                raise NotFound(_("case of this record"))
            if checkin.worker_id not in self._engine.children[WORKERS].get(checkin.case_id, {}):
                raise NotFound(_("worker in this case"))
            unknown = checkin.unknown_answers()
            if unknown:
                message = _("not an answer of the check-in: {key}").format(
                    key=", ".join(unknown))
                raise RecordInvalid({"answers": message},
                                    {"answers": CheckIn.field_label("answers")})
            return self._save(checkin)

    def remove_checkin(self, checkin_id: str, version: int | None = None) -> None:
        with self.transaction():
            self._remove(CheckIn, checkin_id, version)

    def follow_up_signs(self, checkin_id: str, note: str, on: dt.date | None = None) -> CheckIn:
        """Record what was done about the signs of re-recruitment of a check-in: the worker
        leaves Today's list of signs. Refused without a note, or for a check-in without
        signs."""
        on = on or clock.today()
        with self.transaction():
            doc = self._engine.get(CHECKINS, checkin_id)
            if doc is None:
                raise NotFound(_("check-in"))
            checkin = valid(CheckIn, doc)
            if not re_recruitment(checkin.answers, indicators()):
                raise RuleRefused(_("This check-in shows no sign of re-recruitment."))
            if not note.strip():
                raise RuleRefused(_("Say what was done."))
            return self._save(checkin.model_copy(
                update={"followed_on": on, "followed_note": note.strip()}))

    def _done(self, case_id: str, worker_id: str) -> list[CheckIn]:
        """The worker's check-ins, as stored."""
        return [valid(CheckIn, d) for d in self._engine.children_of(CHECKINS, case_id)
                if d.get("worker_id") == worker_id]

    def _flown(self) -> Iterator[tuple[Plan, bytes]]:
        """Each plan whose flight home is done, with its worker's stored line (a plan whose
        worker is gone left out): the stored lines searched first, only those parsed."""
        engine = self._engine
        for raw in engine.raw[PLANS].values():
            if _FLOWN in raw:
                plan = valid(Plan, orjson.loads(raw))
                worker_raw = engine.raw[WORKERS].get(plan.worker_id)
                if worker_raw is not None:
                    yield plan, worker_raw

    def _checkins_ahead(self, today: dt.date, months: Sequence[int] | None = None) -> set[str]:
        """The cases (ids) with a worker home, not erased, whose schedule still has a check-in
        not done and not yet due on `today`: keeping such a case closed does not end its
        purpose (store/db/keeping.py holds it)."""
        months = checkin_months() if months is None else months
        found: set[str] = set()
        for plan, worker_raw in self._flown():
            if plan.case_id in found or b'"erased_at":null' not in worker_raw:
                continue
            done = self._done(plan.case_id, plan.worker_id)
            if any(d.done is None and d.due >= today
                   for d in schedule(home_on(plan), months, done)):
                found.add(plan.case_id)
        return found

    # -- Today ---------------------------------------------------------------------------------

    def _followed_workers(self) -> dict[str, tuple[str, str, Plan]]:
        """Each worker whose flight home is done, whose case is open and not anonymised, and
        who is neither closed nor erased: worker id -> (case id, name, plan)."""
        found = {}
        for plan, worker_raw in self._flown():
            case_raw = self._engine.raw[CASES].get(plan.case_id)
            if case_raw is None or closed_as_stored(worker_raw):
                continue
            case = orjson.loads(case_raw)
            if case.get("stage") == "closed" or case.get("anonymised_on"):
                continue
            worker = orjson.loads(worker_raw)
            if worker.get("erased_at"):
                continue
            found[plan.worker_id] = (plan.case_id, worker.get("full_name") or "", plan)
        return found

    def checkins_due(self, until: dt.date, months: Sequence[int] | None = None
                     ) -> list[CheckInDue]:
        """The check-ins of every followed worker's schedule due on or before `until` and not
        done (overdue ones included), earliest first."""
        months = checkin_months() if months is None else months
        found: list[CheckInDue] = []
        with self._lock:
            self._engine.refresh()
            for worker_id, (case_id, name, plan) in self._followed_workers().items():
                for due in schedule(home_on(plan), months, self._done(case_id, worker_id)):
                    if due.done is None and due.due <= until:
                        found.append(CheckInDue(case_id, self._engine.ref_of.get(case_id, ""),
                                                worker_id, name, due))
        return sorted(found, key=lambda d: (d.due.due, d.ref, d.name))

    def signs_to_follow(self) -> list[Signs]:
        """Every worker (not closed nor erased, case open) whose latest check-in shows signs
        of re-recruitment that no one has followed up: at once on Today."""
        found: list[Signs] = []
        known = indicators()
        with self._lock:
            self._engine.refresh()
            engine = self._engine
            by_worker: dict[str, list[CheckIn]] = {}
            for raw in engine.raw[CHECKINS].values():
                checkin = valid(CheckIn, orjson.loads(raw))
                by_worker.setdefault(checkin.worker_id, []).append(checkin)
            for worker_id, checkins in by_worker.items():
                last = latest(checkins)
                worker_raw = engine.raw[WORKERS].get(worker_id)
                case_raw = engine.raw[CASES].get(last.case_id) if last else None
                if last is None or last.followed_on is not None or worker_raw is None \
                        or case_raw is None or closed_as_stored(worker_raw):
                    continue
                worker, case = orjson.loads(worker_raw), orjson.loads(case_raw)
                if worker.get("erased_at") or case.get("stage") == "closed" \
                        or case.get("anonymised_on"):
                    continue
                signs = re_recruitment(last.answers, known)
                if signs:
                    found.append(Signs(last.case_id, engine.ref_of.get(last.case_id, ""),
                                       worker_id, worker.get("full_name") or "", last, signs))
        return sorted(found, key=lambda s: (s.checkin.on, s.ref, s.name))
