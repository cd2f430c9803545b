"""Part of a page of one worker's records, over their case (legal status and money, and the
check-ins after return): the case and the worker read again on each reload, and the page gone
back from when the worker is no longer in the case."""

from __future__ import annotations

from typing import Any

from store import PulangError, _
from store.domain import Case, Worker


class OneWorkersPage:
    """A mix-in, before `FollowsOtherOfficers` (whose `reload_failed` it goes on from)."""

    case_id: str
    worker_id: str

    def reload_failed(self, error: Exception) -> None:
        super().reload_failed(error)  # type: ignore[misc]
        self.app.pop_screen()  # type: ignore[attr-defined]

    def case_and_worker(self, db: Any) -> tuple[Case, list[Worker], Worker]:
        """The case, its workers and this page's worker; PulangError when they are gone."""
        case = db.get(Case, self.case_id)
        workers = db.workers_of(self.case_id)
        worker = next((w for w in workers if w.id == self.worker_id), None)
        if worker is None:
            raise PulangError(_("This worker is no longer in the case."))
        return case, workers, worker
