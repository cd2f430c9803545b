"""The Database's keeping: a closed case anonymised once the union's period after its closing
is over (`store.common.closing.months_after_closing`, 24 months by default), and the closed
cases Today warns of.

A part of `store.db.database.Database` (see `store.db.base`). When a case falls due, what
holds it (an open legal matter, a check-in still due) and what is refused are
`store.domain.rules.keeping`'s. Anonymising a case is one change: every worker of it erased as
`erase_worker` erases (the same steps: `_erase_worker_in`), then every personal and sensitive
field of the case and of every record under it (each table of a case's children, whatever
kinds they are) blanked as erasure blanks (`store.domain.rules.erasure.blanked`). What is
public stays (dates, stages, countries, codes, the closing reason), so the report counts the
same cases, workers, closings and stages. The case is no longer shared with any partner.
Audited as `anonymised` with the months as the note; the journal is then folded into a new
snapshot, as after an erasure, and the sync takes it to the other sites.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from store.common import clock
from store.common.closing import months_after_closing
from store.common.errors import NotFound, RuleRefused
from store.common.i18n import _
from store.db.base import CASES, KIND_OF, Part, R, valid
from store.domain.records import Case, LegalMatter, LogEntry, Worker, build
from store.domain.rules import keeping as rules
from store.domain.rules.erasure import ERASED_NAME, blanked
from store.engine import audit, backups, replicas
from store.engine.indexes import CHILD_TABLES
from store.engine.officer import officer as current_officer

_CLOSED_ON = b'"closed_on":"'
_NOT_ANONYMISED = b'"anonymised_on":null'


def _blanked(record: R, blank: dict[str, Any]) -> R:
    """The record with its private fields blanked; where a rule wants a blanked field filled
    (a log's next step, which its public due date needs), ERASED_NAME stands in it."""
    cleaned = record.model_copy(update=blank)
    wanted = {name: ERASED_NAME for name in cleaned.checks() if blank.get(name) == ""}
    return cleaned.model_copy(update=wanted) if wanted else cleaned


class KeepingPart(Part):
    """Closed cases kept no longer than needed, then anonymised."""

    def keeping(self, today: dt.date | None = None) -> list[rules.Keeping]:
        """Every closed case from a month before its day to be anonymised on: due, warned of,
        or held (`store.domain.rules.keeping.keeping`), the soonest first."""
        today = today or clock.today()
        months = months_after_closing()
        with self._lock:
            self._engine.refresh()
            cases = [case for case in self._closed_cases()
                     if (due := rules.due_on(case, months)) is not None
                     and rules.warn_from(due) <= today]
            legal_open = {case.id for case in cases if self._legal_open(case.id)}
            return rules.keeping(cases, months, today, legal_open, self._held_by_checkins(today))

    def anonymise_case(self, case_id: str, officer: str | None = None,
                       today: dt.date | None = None) -> Case:
        """Anonymise a closed case whose period is over (see the module's doc). RuleRefused
        for a case not closed, anonymised already, held, or whose day has not come."""
        with self._lock:
            anonymised, gone, removed = self._anonymise(case_id, officer, today or clock.today())
            # As after an erasure: no earlier version left in the journal, nor a body last
            # synced beside it; the sync takes the erasures and the blanked records along.
            self._engine.compact(self._encoded_rows)
            replicas.note_erased(self.path, self._engine.sealer, gone, removed)
            return anonymised

    def _anonymise(self, case_id: str, officer: str | None, today: dt.date,
                   held_by_checkins: set[str] | None = None
                   ) -> tuple[Case, list[str], list[str]]:
        """One case anonymised, in its transaction (`anonymise_case` without the compaction
        after it); the ids erased and removed. `held_by_checkins`: as worked out already."""
        months = months_after_closing()
        if held_by_checkins is None:
            held_by_checkins = self._held_by_checkins(today)
        with self._lock:
            with self.audit_as(audit.ANONYMISED, rules.audit_note(months)), self.transaction():
                doc = self._doc(Case, case_id)
                if doc is None:
                    raise NotFound(_("case"))
                case = self._read(Case, doc)
                held = rules.held_why(case_id, {case_id} if self._legal_open(case_id) else set(),
                                      held_by_checkins)
                rules.refuse_anonymising(case, held)
                due = rules.due_on(case, months)
                if due is not None and today < due:
                    raise RuleRefused(_("This case is kept until {day}, {months} months after "
                                        "closing.").format(day=due.isoformat(), months=months))
                now = dt.datetime.now(dt.timezone.utc)
                gone, removed = self._anonymise_in(case, now)
                self._save(build(LogEntry, {
                    "case_id": case_id, "recorded_by": officer or current_officer(),
                    "summary": _("Case anonymised: kept {months} months after closing.").format(
                        months=months)}))
                anonymised = self._save(case.model_copy(update={
                    **blanked(Case), "shared_with": [], "anonymised_on": today}))
                backups.record_erasure(self._engine, now)
            return anonymised, gone, removed

    def anonymise_due(self, officer: str | None = None,
                      today: dt.date | None = None) -> list[rules.Keeping]:
        """Anonymise every closed case due today and not held (the app calls it when a writer
        opens the database); what was anonymised."""
        today = today or clock.today()
        done = []
        gone: list[str] = []
        removed: list[str] = []
        with self._lock:
            held = self._held_by_checkins(today)  # once, not for each case
            due = rules.due_today(self.keeping(today), today)
        # Each case in a transaction of its own, the lock let go between them: the officer's
        # screens read meanwhile (this runs in the background as the app opens).
        for item in due:
            time.sleep(0.02)  # a screen waiting for the lock takes it now, not after them all
            _case, erased, lost = self._anonymise(item.case_id, officer, today, held)
            gone += erased
            removed += lost
            done.append(item)
        with self._lock:
            if done:
                # Folded in once for them all: a compaction rewrites the whole snapshot (a
                # minute's writing for 83 cases at 10,000 when it followed each one).
                self._engine.compact(self._encoded_rows)
                replicas.note_erased(self.path, self._engine.sealer, gone, removed)
        return done

    def _anonymise_in(self, case: Case, now: dt.datetime) -> tuple[list[str], list[str]]:
        """Inside the transaction: the case's workers erased, and every private field of each
        record under the case blanked; the ids erased and those removed (`erase_worker`'s)."""
        gone: list[str] = []
        removed: list[str] = []
        for worker_doc in self._engine.children_of("workers", case.id):
            if worker_doc.get("erased_at"):
                continue  # erased before: nothing of theirs is left to erase
            _worker, erased, lost = self._erase_worker_in(worker_doc["id"], now)
            gone += erased
            removed += lost
        for table in CHILD_TABLES:
            kind = KIND_OF[table]
            if kind is Worker:
                continue
            blank = blanked(kind)
            for doc in list(self._engine.children_of(table, case.id)):
                record = valid(kind, doc)
                cleaned = _blanked(record, blank)
                if cleaned != record:
                    self._save(cleaned)
        return gone, removed

    def _closed_cases(self) -> list[Case]:
        """The cases with a closing day and not anonymised, read off their stored bytes first
        (Today asks on each refresh): only those are read whole."""
        return [self._read(Case, doc) for case_id, raw in self._engine.raw[CASES].items()
                if _CLOSED_ON in raw and _NOT_ANONYMISED in raw
                and (doc := self._engine.get(CASES, case_id)) is not None]

    def _legal_open(self, case_id: str) -> bool:
        """Whether a legal matter of the case's workers is open: a court may still need it."""
        return any(valid(LegalMatter, doc).is_open
                   for doc in self._engine.children_of("legal", case_id))

    def _held_by_checkins(self, today: dt.date) -> set[str]:
        """The cases a check-in after return still ahead holds (their ids): the year after a
        worker is home is part of the case's purpose (store/db/checkins.py)."""
        return self._checkins_ahead(today)
