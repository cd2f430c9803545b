"""The Database's closings: a case or a worker closed with a reason of the union's list, and
reopened with a reason.

A part of `store.db.database.Database` (see `store.db.base`). The rules (a reason of the list,
not closed twice, a reopening's reason, when a case with open steps may close) are
`store.domain.rules.closing`'s; each closing and reopening is one change, audited as such
(the reason's code as the audit's note: a public code), with an entry in the case's log that
names the reason (never the closing's note, which stays in the record: the log may go to a
partner).
"""

from __future__ import annotations

import datetime as dt

from store.common import clock
from store.common.errors import NotFound
from store.common.i18n import _
from store.db.base import Part
from store.domain.records import Case, LogEntry, Worker, build
from store.domain.rules import closing as rules
from store.domain.rules.stage import refuse_closing
from store.domain.vocab import Stage
from store.engine import audit
from store.engine.officer import officer


class ClosingPart(Part):
    """Closing and reopening cases and workers."""

    def close_case(self, case_id: str, reason_code: str, note: str = "",
                   on: dt.date | None = None) -> Case:
        """Close the case for a reason of the union's list (its stage becomes closed, kept
        until it is reopened). Refused (CaseNotClosable) while a worker who is not closed has
        open steps, unless the reason is a referral: the other organisation carries them on."""
        with self.audit_as(audit.CLOSED, reason_code), self.transaction():
            case = self._case(case_id)
            known = rules.known_reason(reason_code)
            if not known.referred:
                self.closable(case_id)
            changes = rules.closing(case, reason_code, note, officer(), on or clock.today(),
                                    stage=case.stage)
            self._log(case_id, rules.closing_note(reason_code), on=on)
            return self._save(case, **changes, stage=Stage.CLOSED, stage_override=True)

    def closable(self, case_id: str) -> None:
        """CaseNotClosable naming the workers (not closed) with open steps; else nothing."""
        with self._lock:
            closed = {w.id for w in self.workers_of(case_id) if rules.is_closed(w)}
            plans = [p for p in self._plans(case_id).values() if p.worker_id not in closed]
            refuse_closing(plans, self._engine.names)

    def reopen_case(self, case_id: str, why: str, on: dt.date | None = None) -> Case:
        """Reopen a closed case: its stage becomes the one its workers' steps give, else the
        one it stood at when it was closed (else verifying). `on`: today unless given (each of
        these four takes it: the demo's history has days)."""
        with self.audit_as(audit.REOPENED), self.transaction():
            case = self._case(case_id)
            changes = rules.reopening(case, why, officer(), on or clock.today())
            derived = self._derived(case_id)
            stage = (derived.stage if derived is not None and derived.stage is not Stage.CLOSED
                     else rules.stage_before(case) or Stage.VERIFYING)
            self._log(case_id, rules.reopening_note(why), on=on)
            return self._save(case, **changes, stage=stage, stage_override=derived is None)

    def close_worker(self, worker_id: str, reason_code: str, note: str = "",
                     on: dt.date | None = None) -> Worker:
        """Close a worker for a reason of the list: out of Today's lists, still in the case."""
        with self.audit_as(audit.CLOSED, reason_code), self.transaction():
            worker = self._worker(worker_id)
            changes = rules.closing(worker, reason_code, note, officer(), on or clock.today())
            self._log(worker.case_id, rules.worker_closing_note(worker.name_in_rows,
                                                                reason_code), worker.id, on)
            return self._save(worker, **changes)

    def reopen_worker(self, worker_id: str, why: str, on: dt.date | None = None) -> Worker:
        with self.audit_as(audit.REOPENED), self.transaction():
            worker = self._worker(worker_id)
            changes = rules.reopening(worker, why, officer(), on or clock.today())
            self._log(worker.case_id, rules.worker_reopening_note(worker.name_in_rows, why),
                      worker.id, on)
            return self._save(worker, **changes)

    def _case(self, case_id: str) -> Case:
        doc = self._doc(Case, case_id)
        if doc is None:
            raise NotFound(_("case"))
        return self._read(Case, doc)

    def _worker(self, worker_id: str) -> Worker:
        doc = self._doc(Worker, worker_id)
        if doc is None:
            raise NotFound(_("worker"))
        return self._read(Worker, doc)

    def _log(self, case_id: str, summary: str, worker_id: str | None = None,
             on: dt.date | None = None) -> None:
        """The log entry of a closing or reopening: now, or at this hour on the day `on`."""
        now = clock.now()
        at = now if on is None else now.replace(year=on.year, month=on.month, day=on.day)
        self._save(build(LogEntry, {"case_id": case_id, "summary": summary, "at": at,
                                    "worker_ids": [worker_id] if worker_id else [],
                                    "recorded_by": officer()}))

