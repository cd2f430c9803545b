"""Other officers' changes: every few seconds the app asks the database, off the event loop,
whether another officer changed it (two stats when nothing did), and if so publishes
`data_changed` (tui/data_changed.py) to the screens showing data; forms are never touched.

A mixin of `PulangApp` (tui/app.py): `self` is the app.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from store import DatabaseLocked, PulangError, _
from store.domain import printable
from tui import store_work
from tui.data_changed import DataChanged

if TYPE_CHECKING:
    from store.db import Database
    from store.domain import CaseRow


class OthersChanges:
    """Looking for other officers' changes and showing them (mixed into PulangApp)."""

    def check_for_changes(self) -> None:
        """Has another officer changed the database? Then show it (forms are left alone)."""
        db = self.db
        if db is None or db.locked or self._checking:
            return
        self._checking = True
        store_work.run_store(self, partial(_rows_if_changed, db), self._checked,
                             self._check_refused, group="refresh")

    def _checked(self, changed: tuple[list[CaseRow], dict[str, list[str]]] | None) -> None:
        self._checking = False
        self._check_failed = ""
        if changed is not None:
            rows, self.sync_conflicts = changed
            self.show_others_changes(rows)
            self.refresh_sync_summary()  # their changes wait to be sent too

    def _check_refused(self, error: PulangError) -> None:
        self._checking = False
        if isinstance(error, DatabaseLocked):
            return  # locked meanwhile: nothing to show, and nothing may be
        if str(error) != self._check_failed:  # e.g. the file was damaged: say so once, keep trying
            self._check_failed = str(error)
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)

    def check_now(self) -> None:
        """Look for other officers' changes now, not at the next tick."""
        self.check_for_changes()

    def show_others_changes(self, rows: list[CaseRow]) -> None:
        self.data_changed.publish(DataChanged(rows))
        self.notify(_("Updated: changes by another officer."), timeout=3)


def _rows_if_changed(db: Database) -> tuple[list[CaseRow], dict[str, list[str]]] | None:
    """In a thread: the cases list if another process changed the database (a sync run from
    the command line among them), with the conflicts a sync left; else None."""
    from store.sync import marks

    return (db.case_rows(), marks(db)) if db.changed_elsewhere() else None
