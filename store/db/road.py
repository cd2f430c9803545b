"""The Database's screenings, consents and plans (one of each per worker): the road home.

A part of `store.db.database.Database` (see `store.db.base`). The templates and what a plan's
steps give are `store.domain.road`'s; a new plan's steps and setting a step are
`store.domain.rules.plan`'s, and whether the case's stage follows `store.domain.rules.stage`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from store.common import clock
from store.common.errors import NotFound, RecordInvalid
from store.common.i18n import _
from store.db.base import PLANS, TABLE_OF, WORKERS, Part, R, valid
from store.domain.records import (
    Case,
    Consent,
    Plan,
    Screening,
    Worker,
    build,
    is_child,
    suggested_status,
)
from store.domain.road import TEMPLATES, Derived, derive_from_plans, template_for
from store.domain.rules.plan import first_steps, plans_to_set, with_step
from store.domain.rules.stage import stage_to_follow
from store.domain.vocab import StepStatus, label


class RoadPart(Part):
    """Screenings, consents and plans, and the case's stage that follows the plans."""

    def _per_worker(self, kind: type[R], worker_id: str) -> R | None:
        table = TABLE_OF[kind]
        record_id = self._engine.of_worker[table].get(worker_id)
        doc = None if record_id is None else self._engine.get(table, record_id)
        return None if doc is None else valid(kind, doc)

    def _of_case(self, kind: type[R], case_id: str) -> dict[str, R]:
        """The case's records of a per-worker kind, by worker id."""
        docs = self._engine.children_of(TABLE_OF[kind], case_id)
        records = [valid(kind, d) for d in docs]
        return {r.worker_id: r for r in records}  # type: ignore[attr-defined]

    def screenings_of(self, case_id: str) -> dict[str, Screening]:
        with self._lock:
            self._engine.refresh()
            return self._of_case(Screening, case_id)

    def consents_of(self, case_id: str) -> dict[str, Consent]:
        with self._lock:
            self._engine.refresh()
            return self._of_case(Consent, case_id)

    def plans_of(self, case_id: str) -> dict[str, Plan]:
        with self._lock:
            self._engine.refresh()
            return self._plans(case_id)

    def _plans(self, case_id: str) -> dict[str, Plan]:
        return self._of_case(Plan, case_id)

    def screening_of(self, worker_id: str) -> Screening | None:
        with self._lock:
            self._engine.refresh()
            return self._per_worker(Screening, worker_id)

    def consent_of(self, worker_id: str) -> Consent | None:
        with self._lock:
            self._engine.refresh()
            return self._per_worker(Consent, worker_id)

    def plan_of(self, worker_id: str) -> Plan | None:
        with self._lock:
            self._engine.refresh()
            return self._per_worker(Plan, worker_id)

    def _worker_in_case(self, record: Screening | Consent | Plan) -> Worker:
        doc = self._doc(Worker, record.worker_id)
        if doc is None or doc.get("case_id") != record.case_id:
            raise NotFound(_("worker in this case"))
        existing = self._engine.of_worker[TABLE_OF[type(record)]].get(record.worker_id)
        if existing is not None and existing != record.id:
            # Another officer made this worker's record meanwhile: theirs, to choose from.
            raise self._conflict(type(record), existing,
                                 self._engine.get(TABLE_OF[type(record)], existing), mine=record)
        return valid(Worker, doc)

    def save_screening(self, screening: Screening) -> Screening:
        """Save a worker's screening. A status other than the one the answers suggest (the
        Protocol's rule, `store.domain.records.suggested_status`) needs a note saying why."""
        with self.transaction():
            worker = self._worker_in_case(screening)
            suggested = suggested_status(screening, is_child(screening, worker))
            if (screening.status is not None and suggested is not None
                    and screening.status is not suggested and not screening.status_note.strip()):
                raise RecordInvalid(
                    {"status_note": _("the status differs from the one the answers suggest "
                                      "({suggested}): say why").format(suggested=label(suggested))},
                    {"status_note": Screening.field_label("status_note")})
            return self._save(screening)

    def save_consent(self, consent: Consent) -> Consent:
        with self.transaction():
            self._worker_in_case(consent)
            return self._save(consent)

    def save_plan(self, plan: Plan) -> Plan:
        """Save a worker's plan as it is (its steps' order is checked by `set_step`); the
        case's stage follows."""
        with self.transaction():
            self._worker_in_case(plan)
            saved = self._save(plan)
            self._follow_stage(plan.case_id)
            return saved

    def start_plans(self, case_id: str, template: str | None = None,
                    worker_ids: Sequence[str] | None = None) -> list[Plan]:
        """Give every worker of the case (or those named) who has none a plan from a template
        (by default the one for their nationality). The report step is done, on the day the
        case was reported, and so are the steps of the stages the case has already passed, so
        that its stage does not move back. Returns the plans made."""
        with self.transaction():
            case = self.get(Case, case_id)
            made: list[Plan] = []
            for doc in self._engine.children_of(WORKERS, case_id):
                if worker_ids is not None and doc["id"] not in worker_ids:
                    continue
                if doc["id"] in self._engine.of_worker[PLANS]:
                    continue
                chosen = TEMPLATES[template] if template else template_for(doc.get("nationality"))
                steps = first_steps(chosen, case.stage, case.date_reported)
                made.append(self._save(build(Plan, {
                    "case_id": case_id, "worker_id": doc["id"], "template": chosen.key,
                    "steps": [s.model_dump() for s in steps]})))
            self._follow_stage(case_id)
            return made

    def set_step(self, case_id: str, worker_ids: Sequence[str], key: str, status: StepStatus,
                 *, org: str | None = None, done_on: dt.date | None = None,
                 deadline: dt.date | None | str = "keep", note: str | None = None,
                 reason: str | None = None) -> list[Plan]:
        """Set one step for several workers at once (a group action), as one change.

        Marking it done before the steps it depends on are settled needs `reason`: without
        it, StepOrderRefused names each worker concerned, and nothing is written. `org` and
        `note` replace what is there when given; `deadline` too (None clears it). A step marked
        done gets `done_on` (today by default). A worker whose step this leaves as it was is
        not written: the plans returned are those that changed (none: nothing to save).
        """
        with self.transaction():
            chosen = plans_to_set(self._plans(case_id), worker_ids, key, status, reason,
                                  self._engine.names)
            today = clock.today()
            saved: list[Plan] = []
            for plan in chosen:
                changed = with_step(plan, key, status, today=today, org=org, done_on=done_on,
                                    deadline=deadline, note=note, reason=reason)
                if changed is not None:
                    saved.append(self._save(changed))
            if saved:
                self._follow_stage(case_id)
            return saved

    def _derived(self, case_id: str) -> Derived | None:
        return derive_from_plans(self._plans(case_id).values())

    def derived_stage(self, case_id: str) -> Derived | None:
        """The stage the workers' steps give, with how many are home; None without plans."""
        with self._lock:
            self._engine.refresh()
            return self._derived(case_id)

    def _follow_stage(self, case_id: str) -> None:
        """Inside a transaction: move the case to the stage its workers' steps give, unless
        the officer set it by hand."""
        doc = self._doc(Case, case_id)
        derived = self._derived(case_id)
        if doc is None:
            return
        stage = stage_to_follow(doc.get("stage"), bool(doc.get("stage_override")), derived)
        if stage is not None:
            case = valid(Case, doc)
            self._save(case.model_copy(update={"stage": stage}))
