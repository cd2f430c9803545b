"""The Database's part for a worker's legal matters and the money in their case (issue 34):
read per case (or per worker), saved with the worker checked to be of the case, removed;
the money's totals per status and currency.

A part of `store.db.database.Database` (see `store.db.base`). Removing or erasing a worker
removes their legal matters and money entries with them (`_after_for_worker`, called by
store/db/workers.py): every field of them is about that worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from store.common.errors import NotFound
from store.common.i18n import _
from store.db.base import CHECKINS, LEGAL, MONEY, WORKERS, Part, valid
from store.domain.legal_codes import MoneyStatus
from store.domain.money import totals
from store.domain.records import Case, CheckIn, LegalMatter, MoneyEntry


@dataclass(frozen=True)
class MoneyTotals:
    """Sums per status and currency (status -> currency -> sum), of the entries given: a
    claim's total is that of the entries at "claimed", and so on (each entry is one sum at
    one status)."""

    by_status: dict[MoneyStatus, dict[str, Decimal]] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: list[MoneyEntry]) -> MoneyTotals:
        found: dict[MoneyStatus, dict[str, Decimal]] = {}
        for status in MoneyStatus:
            pairs = [(e.currency, e.amount) for e in entries if e.status is status]
            if pairs:
                found[status] = totals(pairs)
        return cls(found)

    def of_status(self, status: MoneyStatus) -> dict[str, Decimal]:
        return self.by_status.get(status, {})


class LegalPart(Part):
    """A worker's legal matters and the money in their case."""

    def legal_of(self, case_id: str, worker_id: str | None = None) -> list[LegalMatter]:
        """The case's legal matters (of one worker, if given): by worker, then the next date
        first, then the earliest started."""
        with self._lock:
            self._engine.refresh()
            found = [valid(LegalMatter, d) for d in self._engine.children_of(LEGAL, case_id)
                     if worker_id is None or d.get("worker_id") == worker_id]
        far = dt.date.max
        return sorted(found, key=lambda m: (m.worker_id, m.next_date or far,
                                            m.since or far, m.id))

    def money_of(self, case_id: str, worker_id: str | None = None) -> list[MoneyEntry]:
        """The case's money entries (of one worker, if given): by worker, then by date."""
        with self._lock:
            self._engine.refresh()
            found = [valid(MoneyEntry, d) for d in self._engine.children_of(MONEY, case_id)
                     if worker_id is None or d.get("worker_id") == worker_id]
        return sorted(found, key=lambda e: (e.worker_id, e.on or dt.date.max, e.id))

    def money_totals(self, case_id: str, worker_id: str | None = None) -> MoneyTotals:
        return MoneyTotals.of(self.money_of(case_id, worker_id))

    def _check_worker(self, case_id: str, worker_id: str) -> None:
        if self._doc(Case, case_id) is None:
            raise NotFound(_("case of this record"))
        if worker_id not in self._engine.children[WORKERS].get(case_id, {}):
            raise NotFound(_("worker in this case"))

    def save_legal(self, matter: LegalMatter) -> LegalMatter:
        with self.transaction():
            self._check_worker(matter.case_id, matter.worker_id)
            return self._save(matter)

    def save_money(self, entry: MoneyEntry) -> MoneyEntry:
        with self.transaction():
            self._check_worker(entry.case_id, entry.worker_id)
            return self._save(entry)

    def remove_legal(self, matter_id: str, version: int | None = None) -> None:
        with self.transaction():
            self._remove(LegalMatter, matter_id, version)

    def remove_money(self, entry_id: str, version: int | None = None) -> None:
        with self.transaction():
            self._remove(MoneyEntry, entry_id, version)

    def _after_for_worker(self, case_id: str, worker_id: str) -> list[str]:
        """Remove the worker's legal matters, money entries and check-ins (the worker removed
        or erased); their ids."""
        gone = []
        for table, kind in ((LEGAL, LegalMatter), (MONEY, MoneyEntry), (CHECKINS, CheckIn)):
            for doc in self._engine.children_of(table, case_id):
                if doc.get("worker_id") == worker_id:
                    self._remove(kind, doc["id"])
                    gone.append(doc["id"])
        return gone
