"""The Database's cases: reading them, saving one (a new case gets its reference), and the
case's stage, which follows its workers' steps unless an officer sets it by hand.

A part of `store.db.database.Database` (see `store.db.base`). The rules (a stage set by hand
needs a reason; a case with open steps is not closed) are `store.domain.rules.stage`'s.
"""

from __future__ import annotations

from store.common.errors import NotFound, RuleRefused
from store.common.i18n import _
from store.db.base import CASES, Part, valid
from store.domain.records import Case, LogEntry, build
from store.domain.rules.closing import is_closed
from store.domain.rules.stage import choose_stage, following_again_note
from store.domain.vocab import Stage
from store.engine.migrations import META_TABLE
from store.engine.officer import current_user, officer
from store.engine.tables import Change


class CasesPart(Part):
    """Cases, their references and their stage."""

    def cases(self) -> list[Case]:
        with self._lock:
            self._engine.refresh()
            return [valid(Case, d) for d in self._engine.all(CASES)]

    def case_by_ref(self, ref: str) -> Case | None:
        wanted = ref.strip().upper()
        with self._lock:
            self._engine.refresh()
            case_id = self._engine.refs.get(wanted)
            doc = None if case_id is None else self._engine.get(CASES, case_id)
        return None if doc is None else valid(Case, doc)

    def save_case(self, case: Case, stage_reason: str | None = None) -> Case:
        """Save a case; a new one gets its reference now, and keeps it for good.

        Once its workers have plans, the stage follows their steps (`store.domain.road`): a stage
        other than the derived one needs `stage_reason`, which goes into the case's log
        (StageReasonNeeded without it). A case cannot be closed while a worker (not closed) has
        an open step (CaseNotClosable); one closed with a reason (`close_case`) changes stage
        only by `reopen_case`. The rules are `store.domain.rules.stage`'s.
        """
        with self.transaction():
            doc = self._doc(Case, case.id)
            if doc is None:
                return self._save(case, ref=self._next_ref(case))
            if case.stage is Stage.CLOSED and doc.get("stage") != Stage.CLOSED.value:
                self.closable(case.id)  # a worker closed does not hold it open
            elif case.stage is not Stage.CLOSED and is_closed(self._read(Case, doc)):
                raise RuleRefused(_("This case was closed with a reason: reopen it (with a "
                                    "reason) to change its stage."))
            choice = choose_stage(case.stage, self._derived(case.id), doc.get("stage"),
                                  bool(doc.get("stage_override")), stage_reason)
            if choice.note is not None:
                self._save(build(LogEntry, {
                    "case_id": case.id, "summary": choice.note, "recorded_by": officer()}))
            return self._save(case, ref=doc.get("ref"), stage_override=choice.override)

    def follow_steps(self, case: Case) -> Case:
        """A case whose stage was set by hand follows its workers' steps again: its stage
        becomes the one they give, and the log says so. `case` as the officer last saw it (a
        change by someone else meanwhile is a Conflict); NotFound when no worker has a plan."""
        with self.transaction():
            derived = self._derived(case.id)
            if derived is None:
                raise NotFound(_("plan of any worker of this case (start the road home first)"))
            self._save(build(LogEntry, {
                "case_id": case.id,
                "summary": following_again_note(derived, case.stage),
                "recorded_by": current_user(),
            }))
            return self.save_case(case.model_copy(update={"stage": derived.stage}))

    def _next_ref(self, case: Case) -> str:
        """The next reference for the case's country and year, assigned under the lock."""
        prefix = f"{case.destination_country}-{case.date_reported.year}"
        meta = dict(self._engine.meta)
        counters: dict[str, int] = dict(meta.get("counters", {}))
        highest = counters.get(prefix, 0)
        # What exists counts too: a database from before counters, and cases another site
        # made, which a sync brought (it does not carry this site's counters).
        for ref in self._engine.refs:
            if ref.startswith(prefix + "-") and ref.rsplit("-", 1)[1].isdigit():
                highest = max(highest, int(ref.rsplit("-", 1)[1]))
        counters[prefix] = highest + 1
        meta["counters"] = counters
        self._engine.stage(Change(META_TABLE, "1", None, None, meta))
        return f"{prefix}-{highest + 1:04d}"
