"""The app's start: the database opened in a worker thread once the first frame is out, the
cases list shown as it comes (early rows, progress), the actions that waited for the data run,
a backup taken beside it, and who is working asked over Today meanwhile.

A mixin of `PulangApp` (tui/app.py): `self` is the app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from store import PulangError, _, ngettext
from store.domain import printable
from tui import perf, store_work
from tui.screens.today import TodayScreen

if TYPE_CHECKING:
    from store.db import Database


class Loading:
    """Opening the database and showing it (mixed into PulangApp)."""

    def _first_frame_painted(self) -> None:
        # Once: also called when Today goes before its first paint (its pending callbacks,
        # this one among them, go with it).
        if self._load_started:
            return
        self._load_started = True
        perf.mark("first_frame")
        if self.db is not None and self.db.locked:
            return  # locked before this ran: unlocking shows the data
        if self.db is not None:
            self._loaded(self.db, self.db.case_rows())
        else:
            self._load()

    def _load(self) -> None:
        store_work.run_store(self, self._open, self._opened, self._load_failed, group="load",
                             exclusive=True)

    def _open(self) -> tuple[Database, list[Any]]:
        """In the loading thread: Today from what the file keeps for it, shown before anything
        else is read (`store.db.early_view`); then the database opened, and its cases list."""
        self._show_early()
        from store.db import Database

        db = Database.open(self.db_path, create=self.create, progress=self._progress,
                           on_rows=self._rows_early, sealer=self.sealer,
                           on_busy=self._busy_waiting, upgrading=self._upgrading)
        self.sealer = None  # the database holds the key from now on, and wipes it
        rows = db.case_rows()
        perf.mark("loaded", cases=len(rows))
        return db, rows

    def _show_early(self) -> None:
        """In the loading thread: Today drawn from the items stored at the start of the file,
        if it has them; the records are read once it is painted (they would slow it down)."""
        if self.sealer is not None:
            return  # encrypted: nothing is read before it is decrypted whole
        from store.db import early_view

        try:
            early = early_view(self.db_path)
        except Exception:  # noqa: BLE001 - opening the database says what is wrong
            return
        if early is None:
            return
        painted = threading.Event()
        self.call_from_thread(self._early_shown, early, painted)
        painted.wait(5)

    def _early_shown(self, early: Any, painted: threading.Event) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, TodayScreen):
                screen.show_early(early.today, early.cases)
        self.call_after_refresh(painted.set)

    def _opened(self, opened: tuple[Database, list[Any]]) -> None:
        self._loaded(*opened)

    def _progress(self, share: float) -> None:
        """From the loading thread: show how far it has got."""
        text = _("Opening the database… {percent}%").format(percent=int(share * 100))
        self.call_from_thread(self._show_status, text)

    def _upgrading(self, done: int, total: int) -> None:
        """From the loading thread: how far the upgrade of an older database has got (once
        every record is done, it is written, and the rest of the opening follows)."""
        text = ngettext("Upgrading the database: {done} of {total} record…",
                        "Upgrading the database: {done} of {total} records…", total) \
            if done < total else ngettext("Upgraded {total} record; opening the database…",
                                          "Upgraded {total} records; opening the database…",
                                          total)
        self.call_from_thread(self._show_status, text.format(done=done, total=total))

    def _show_status(self, text: str) -> None:
        self.cases_screen.show_status(text)
        for screen in self.screen_stack:
            if isinstance(screen, TodayScreen):
                screen.show_status(text)

    def _rows_early(self, rows: list[Any]) -> None:
        """From the loading thread: the list as the snapshot recorded it, before the rest."""
        self.call_from_thread(self._show_rows_early, rows)

    def _show_rows_early(self, rows: list[Any]) -> None:
        screen = self.cases_screen
        screen.show_rows(rows)
        screen.show_status(_("Opening the database…"))
        self.mark_usable()

    def _loaded(self, db: Database, rows: list[Any]) -> None:
        self.db = db
        db.on_busy = self._busy_waiting
        self.sub_title = _("Demo database") if db.is_demo else printable(str(db.path))
        self.cases_screen.show_rows(rows)
        if perf.enabled():
            self.mark_usable()
            self.call_after_refresh(self._stalls.report, "loading")
        pending, self._after_load = self._after_load, []
        for action in pending:
            action()
        for line in db.resumed:  # an encrypt or passwd a killed process left, finished now
            self.notify(line, severity="warning", timeout=20, markup=False)
        db.resumed = []
        for notice in db.upgrade_notices:  # what an upgrade on opening could not do itself
            self.notify(notice, title=_("Database upgraded"), severity="warning", timeout=30,
                        markup=False)
        self._back_up(db)

    def _back_up(self, db: Database) -> None:
        """Back the database up beside it, off the event loop and apart from the saves (it
        holds the file's lock only to link the snapshot and read the journal)."""
        store_work.run_store(self, db.backup, lambda outcome: self._backed_up(db, outcome),
                             group="backup")

    def _backed_up(self, db: Database, outcome: Any) -> None:
        for notice in outcome.notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        # Then, still off the event loop, what the directory's screens and the search read
        # (a second on 50,000 cases), so that the first organisation opened does not wait;
        # the workers' search's indexes (one to three seconds), so that the first name typed
        # in the filter or Ctrl+F does not; and what reading a typed date or country needs,
        # so that the first save does not.
        store_work.run_store(self, _prepare(db), self._prepared, group="backup")
        # The closed cases whose period of keeping is over are anonymised, once backed up (the
        # backup expires as an erasure's do): only here, where the app writes, never by a
        # command that reads.
        if not db.locked:
            store_work.run_store(self, db.anonymise_due, self._anonymised, self._not_anonymised,
                                 group="keeping")

    def _anonymised(self, done: list[Any]) -> None:
        if not done:
            return
        self.notify(ngettext("{count} closed case anonymised: kept {months} months after "
                             "closing.", "{count} closed cases anonymised: kept {months} months "
                             "after closing.", len(done)).format(
            count=len(done), months=done[0].months), timeout=15, markup=False)
        for screen in self.screen_stack:
            if isinstance(screen, TodayScreen) and screen.view is not None:
                screen.reload()

    def _not_anonymised(self, error: PulangError) -> None:
        self.notify(printable(str(error)), severity="warning", timeout=15, markup=False)

    def _prepared(self, found: dict[str, list[str]]) -> None:
        """The records a sync left in conflict, for the screens that show them; a case open
        already shows its mark now."""
        self.sync_conflicts = found
        for screen in self.screen_stack if found else []:  # Today lists them first
            listed = getattr(screen, "conflicts_found", None)
            if listed is not None:
                listed()
        render = getattr(self.screen, "render_facts", None)  # a case open already
        if found and render is not None and getattr(self.screen, "case", None) is not None:
            render()

    def mark_usable(self) -> None:
        """For the benchmark: the cases list is painted with its rows, once, when it is in
        front (Today opens over it: the list counts from the moment the officer shows it)."""
        screen = self.cases_screen
        if perf.enabled() and not self._usable_marked and screen.loaded and \
                self.screen is screen:
            self._usable_marked = True
            self.call_after_refresh(perf.mark, "usable", cases=len(screen.all_rows))

    def _load_failed(self, error: PulangError) -> None:
        self.load_error = error
        self.exit(return_code=int(error.exit_code))

    def _ask_officer(self) -> None:
        """Once a session, over Today while the data loads: who is working. The answer is kept
        for this process only (`store.engine.officer.set_officer`); Escape keeps the account
        alone."""
        if not self.ask_officer:
            return
        self.ask_officer = False
        from store.db import current_user, set_officer
        from tui.dialogs.officer import OfficerDialog

        self.push_screen(OfficerDialog(current_user()),
                         lambda name: set_officer(name or ""))

    def when_loaded(self, action: Callable[[], None]) -> None:
        """Run `action` now if the data is here, else as soon as it is (keys are not lost)."""
        if self.db is not None:
            action()
        else:
            self._after_load.append(action)


def _prepare(db: Database) -> Callable[[], dict[str, list[str]]]:
    def prepare() -> dict[str, list[str]]:
        from store.domain import prepare_reading
        from store.sync import marks

        db.prepare_network()
        db.prepare_finding()
        prepare_reading()
        return marks(db)  # what a sync left undecided (a partner's too), marked where shown

    return prepare
