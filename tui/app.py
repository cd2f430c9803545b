"""The Pulang application: a thin shell that opens screens; screens own their behaviour.

It paints first and loads after: the first frame needs only Textual and the cases list, while
the database (and pydantic, pycountry, phonenumbers behind it) is opened in a worker thread.
Keys pressed meanwhile are kept: text goes into the filter, and actions that need the data run
once it is there.

Every few seconds it asks the database, off the event loop, whether another officer changed it
(two stats when nothing did), and if so redraws the cases list and an open case; forms are never
touched.
"""

from __future__ import annotations

import contextlib
import time
import weakref
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter, Monochrome, NoColor
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal

from store import N_, DatabaseLocked, PulangError, _, busy_retrying
from store.db import Sealer, is_encrypted_file
from store.domain import printable
from tui import perf, store_work
from tui.commands import PulangCommands
from tui.crash import safe_report
from tui.data_changed import DataChanged
from tui.dialogs.help import HelpScreen
from tui.registry import DRAFT_FORMS, RECORD_SCREENS, TOP_SCREENS
from tui.screens.cases import CasesScreen
from tui.screens.lock import LockScreen
from tui.screens.today import TodayScreen
from tui.translate import TranslatedBindings, translate_bindings
from tui.widgets import ControlCharacterFilter

if TYPE_CHECKING:
    from store.db import Database
    from store.domain import Case, CaseRow


def idle_minutes_from_environment() -> float:
    """Minutes without a key before the app locks: $PULANG_IDLE_LOCK_MINUTES, default 10;
    0 turns idle locking off."""
    import os

    try:
        return max(0.0, float(os.environ.get("PULANG_IDLE_LOCK_MINUTES", "10")))
    except ValueError:
        return 10.0


class PulangApp(App[None]):
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "Pulang"
    COMMANDS = {PulangCommands}
    ENABLE_COMMAND_PALETTE = True
    # By name, each a callable making a new screen (tui/registry.py).
    SCREENS = TOP_SCREENS
    RECORD_SCREENS = RECORD_SCREENS
    DRAFT_FORMS = DRAFT_FORMS
    # How often an open app looks for other officers' changes.
    REFRESH_SECONDS = 2.0

    BINDINGS = [
        Binding("f1", "help", N_("Help"), id="app.help"),
        # Priority, so that it works over every dialog; but it acts only once the keys before
        # it have been handled (see action_quit).
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding("ctrl+l", "lock", N_("Lock"), id="app.lock", priority=True),
        # Priority: the field changes when Tab arrives, not when the old field gets to it, so
        # that what is typed right after it in one burst (slow SSH, a paste) is not lost.
        Binding("tab", "move_focus(1)", N_("Next field"), show=False, priority=True,
                id="app.next_field"),
        Binding("shift+tab", "move_focus(-1)", N_("Previous field"), show=False,
                priority=True, id="app.previous_field"),
        # Not priority: typed into a field (the cases filter), a digit stays a digit. Only
        # on the screens one moves between (check_action), never over a form.
        Binding("1,t", "show_today", N_("Today"), show=False, id="app.today"),
        Binding("2", "show_cases", N_("Cases"), show=False, id="app.cases"),
        Binding("3", "show_top('directory')", N_("People & organisations"), show=False,
                id="app.directory"),
        Binding("4", "show_top('meetings')", N_("Meetings"), show=False, id="app.meetings"),
        Binding("5", "show_top('agreements')", N_("Agreements"), show=False,
                id="app.agreements"),
        # Over a form too: it opens on top, and Escape comes back to what was typed.
        Binding("6", "show_top('dashboard')", N_("Dashboard"), show=False, id="app.dashboard"),
        Binding("ctrl+f", "search", N_("Search everything"), id="app.search"),
    ]

    class BusyWaiting(Message):
        """A write found another officer's in progress and waits for it (from any thread)."""

    def __init__(self, source: Database | Path | str, *, create: bool = False,
                 sealer: Sealer | None = None, idle_minutes: float | None = None,
                 ask_officer: bool = False) -> None:
        super().__init__()
        # "Who is working?" once as it starts (the command line decides: an account several
        # officers share, `store.engine.officer.needs_officer_name`).
        self.ask_officer = ask_officer
        self.sealer = sealer  # the key, when the command line already unlocked the file
        self.idle_seconds = 60 * (idle_minutes_from_environment() if idle_minutes is None
                                  else idle_minutes)
        self._last_activity = time.monotonic()
        self._sealed_drafts: bytes | None = None
        if isinstance(source, (str, Path)):
            self.db: Database | None = None
            self.db_path = Path(source)
        else:
            self.db = source
            self.db_path = source.path
        self.create = create
        self.load_error: PulangError | None = None
        self._after_load: list[Callable[[], None]] = []
        self._stalls = perf.StallWatch()
        self._usable_marked = False
        self._load_started = False
        self._control_filter = ControlCharacterFilter()
        self._no_color_filter = NoColor()
        self._checking = False
        self._check_failed = ""
        # Forms holding unsaved typing when the app locked (their drafts are sealed meanwhile).
        self._drafts_unsaved = False
        self._quit_question: Screen[bool] | None = None
        self._translated: weakref.WeakSet[object] = weakref.WeakSet()
        # Another officer changed the database: the screens showing data subscribe to it.
        self.data_changed: Signal[DataChanged] = Signal(self, "data_changed")
        translate_bindings(self)
        self.theme = "ansi-dark"

    @property
    def cases_screen(self) -> CasesScreen:
        screen = self.screen_stack[1]
        assert isinstance(screen, CasesScreen)
        return screen

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Textual's own (NO_COLOR...), then ours: no control character reaches the terminal.
        # Under NO_COLOR Textual turns the ansi theme's "default" colours into black on black
        # (Monochrome): the terminal's own colours instead, so the text stays readable and
        # reverse video (the cursor, overdue dates) shows.
        filters = [self._no_color_filter if isinstance(f, Monochrome) else f
                   for f in super().get_line_filters()]
        return [*filters, self._control_filter]

    def on_mount(self) -> None:
        self.sub_title = printable(str(self.db_path))
        if self.idle_seconds > 0:
            self.set_interval(min(30.0, max(1.0, self.idle_seconds / 4)), self._lock_if_idle)
        self.set_interval(self.REFRESH_SECONDS, self.check_for_changes)
        if self.db is None and self.sealer is None and not self.create and \
                is_encrypted_file(self.db_path):
            # Before anything else: the passphrase. Nothing is read until it is given.
            self.push_screen(self._lock_screen(first=True))
            return
        self.push_screen(CasesScreen())
        self.push_screen(TodayScreen())  # says it is loading until the data is here
        self._ask_officer()
        if perf.enabled():
            self._stalls.start()
            self.set_interval(perf.StallWatch.INTERVAL, self._stalls.tick)
        # Load only once the first frame is out: the loader competes for the interpreter.
        self.call_after_refresh(self._first_frame_painted)

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

    # -- loading ---------------------------------------------------------------------------

    def _load(self) -> None:
        store_work.run_store(self, self._open, self._opened, self._load_failed, group="load",
                             exclusive=True)

    def _open(self) -> tuple[Database, list[Any]]:
        """In the loading thread: the database opened, and its cases list."""
        from store.db import Database

        db = Database.open(self.db_path, create=self.create, progress=self._progress,
                           on_rows=self._rows_early, sealer=self.sealer,
                           on_busy=self._busy_waiting)
        self.sealer = None  # the database holds the key from now on, and wipes it
        rows = db.case_rows()
        perf.mark("loaded", cases=len(rows))
        return db, rows

    def _opened(self, opened: tuple[Database, list[Any]]) -> None:
        self._loaded(*opened)

    def _progress(self, share: float) -> None:
        """From the loading thread: show how far it has got."""
        text = _("Opening the database… {percent}%").format(percent=int(share * 100))
        self.call_from_thread(self._show_status, text)

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
        # (a second on 50,000 cases), so that the first organisation opened does not wait.
        store_work.run_store(self, db.prepare_network, lambda _none: None, group="backup")

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

    # -- locking ---------------------------------------------------------------------------

    def _lock_screen(self, first: bool) -> LockScreen:
        from store.db import is_encrypted_file

        encrypted = first or (self.db is not None and self.db.encrypted) or \
            is_encrypted_file(self.db_path)
        return LockScreen(self.db_path, encrypted=encrypted, first=first,
                          unlock=self._unlock_first if first else self._unlock_again,
                          unlocked=self._opened_unlocked if first else self._relocked)

    def _unlock_first(self, passphrase: str) -> Sealer | None:
        """From the lock screen's thread: the key for the file (the records load next)."""
        from store.db import unlock

        return unlock(self.db_path, passphrase)

    async def _opened_unlocked(self, sealer: Sealer | None) -> None:
        self.sealer = sealer
        await self.switch_screen(CasesScreen())
        await self.push_screen(TodayScreen())
        self._ask_officer()
        self._load_started = True
        self._load()

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

    def _unlock_again(self, passphrase: str) -> None:
        assert self.db is not None
        self.db.unlock(passphrase if self.db_needs_passphrase() else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "lock" and (isinstance(self.screen, LockScreen) or self.db is None):
            return False  # nothing to lock: not offered in the footer either
        if action == "search":  # not offered on the search itself (named, not imported)
            return (self.db is not None and not isinstance(self.screen, LockScreen)
                    and type(self.screen).__name__ != "SearchScreen")
        if action in ("show_today", "show_cases", "show_top"):
            # Only between Today, the list and a case: over a form, a dialog or the lock
            # screen a 1 or a 2 is never taken as leaving it. Read from a class attribute,
            # not by importing the case screen: this runs for the first frame's footer, and
            # that import (pydantic and the records behind it) cost half a second there.
            screen = self.screen
            if isinstance(screen, HelpScreen):  # listing the keys of the screen under it
                screen = screen.for_screen
            return bool(getattr(screen, "NAVIGATION_KEYS", False))
        return True

    _FOCUS_ACTIONS = ("app.focus_next", "app.focus_previous", "focus_next", "focus_previous")

    def action_move_focus(self, step: int) -> None:
        """Tab / Shift+Tab, handled as the key arrives. Textual hands each key to the widget
        focused when it arrives, and Tab only moves the focus once that widget has passed
        it up; letters typed just after Tab in one burst went to the old field, which drops
        them, and were lost. A widget or a screen that uses the key itself (an editor that
        indents, the screening page's jump) still gets it."""
        from textual.actions import SkipAction
        from textual.keys import key_to_character

        key = "tab" if step > 0 else "shift+tab"
        focused = self.focused
        if focused is not None and focused.check_consume_key(key, key_to_character(key)):
            raise SkipAction()
        for node, bindings in self.screen._binding_chain:  # noqa: SLF001 - Textual's own chain
            if node is not self and any(b.action not in self._FOCUS_ACTIONS
                                        for b in bindings.key_to_bindings.get(key, [])):
                raise SkipAction()
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def db_needs_passphrase(self) -> bool:
        from store.db import is_encrypted_file

        return is_encrypted_file(self.db_path)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown,
                              events.MouseScrollUp, events.Paste)):
            self._last_activity = time.monotonic()  # the idle lock counts from here
        await super().on_event(event)

    async def _lock_if_idle(self) -> None:
        if time.monotonic() - self._last_activity >= self.idle_seconds:
            await self.action_lock()

    async def action_lock(self) -> None:
        """Lock now: seal the open forms' drafts with the key, close every screen that shows
        data, drop the records and the key, and ask for the passphrase."""
        if isinstance(self.screen, LockScreen) or self.db is None:
            return
        from tui.screens.case import CaseScreen
        from tui.screens.form import RecordForm

        case_id = next((s.case_id for s in self.screen_stack if isinstance(s, CaseScreen)), None)
        forms = [s.draft() for s in self.screen_stack if isinstance(s, RecordForm)]
        self._drafts_unsaved = any(s.is_dirty for s in self.screen_stack
                                   if isinstance(s, RecordForm))
        today = any(isinstance(s, TodayScreen) for s in self.screen_stack)
        note = orjson.dumps({"case": case_id, "forms": forms, "today": today})
        self._sealed_drafts = self.db.seal_note(note)
        del note, forms
        db = self.db
        await self.push_screen(self._lock_screen(first=False))
        db.lock()
        # Every screen that showed data goes, removed from the bottom up under the lock screen.
        for screen in self.screen_stack[1:-1]:
            self._screen_stack.remove(screen)
            await screen.remove()
        self.clear_notifications()

    async def _relocked(self, _result: object) -> None:
        """Unlocked again: the list, the case that was open, and the forms as they were."""
        assert self.db is not None
        sealed, self._sealed_drafts = self._sealed_drafts, None
        self._drafts_unsaved = False  # the forms are back, and say it themselves
        plain = self.db.open_note(sealed) if sealed is not None else None
        drafts = orjson.loads(plain) if plain else {"case": None, "forms": []}
        await self.switch_screen(CasesScreen())
        # Today, unless the officer was working from the list: the case and forms go on top
        # of whichever it was, so that Escape leads back the same way as before the lock.
        if drafts.get("today") or not (drafts["case"] or drafts["forms"]):
            await self.push_screen(TodayScreen())
        self._last_activity = time.monotonic()
        self._loaded(self.db, self.db.case_rows())
        if drafts["case"]:
            from tui.screens.case import CaseScreen

            self.push_screen(CaseScreen(drafts["case"], drafts=drafts["forms"]))
        else:
            for draft in drafts["forms"]:
                if draft["kind"] == "case":
                    self.new_case(draft["values"], draft.get("focus"))
        for draft in drafts["forms"]:
            # Forms of the network (not of a case): each rebuilds itself from its draft.
            if draft["kind"] in self.DRAFT_FORMS:
                form = self.DRAFT_FORMS[draft["kind"]](draft)
                form.restore_values = draft["values"]
                form.restore_focus = draft.get("focus")
                self.push_screen(form, self._open_saved)

    def _open_saved(self, saved: object) -> None:
        """A form brought back after a lock has lost the screen that opened it: once saved,
        show what was saved (a task or a draft version with its meeting or agreement)
        rather than leave the officer on Today."""
        from store.domain import Agreement, Meeting, Organisation, Person, Task

        kinds = {Organisation: "organisation", Person: "person", Meeting: "meeting",
                 Agreement: "agreement"}
        if isinstance(saved, Task):
            if saved.meeting_id:
                self.open_record("meeting", saved.meeting_id)
            elif saved.agreement_id:
                self.open_record("agreement", saved.agreement_id)
        elif type(saved) in kinds:
            self.open_record(kinds[type(saved)], saved.id)  # type: ignore[attr-defined]

    def exit_for_wrong_passphrase(self, error: PulangError) -> None:
        """Five wrong tries in a row: end the program, with the wrong-passphrase exit code."""
        self.load_error = error
        self.exit(return_code=int(error.exit_code))

    def _busy_waiting(self) -> None:
        """From the thread that writes, holding the store: a message, which never waits for
        the event loop (call_from_thread would, and the loop may be waiting for the store)."""
        self.post_message(self.BusyWaiting())

    def on_pulang_app_busy_waiting(self, _message: BusyWaiting) -> None:
        self.notify(busy_retrying(), severity="warning", markup=False)

    def when_loaded(self, action: Callable[[], None]) -> None:
        """Run `action` now if the data is here, else as soon as it is (keys are not lost)."""
        if self.db is not None:
            action()
        else:
            self._after_load.append(action)

    def run_store(
        self,
        job: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[PulangError], None],
        what: str = "save",
    ) -> None:
        """Run a store job off the event loop (one at a time), then `done` or `failed` on it."""
        if perf.enabled():
            self._stalls.start()  # the stall reported after it is the save's own

        def timed() -> tuple[Any, list[str]]:
            started = time.monotonic()
            result = job()
            perf.mark("save_done", kind=what, ms=round((time.monotonic() - started) * 1000, 2))
            return result, self.db.take_warnings() if self.db is not None else []

        def saved(outcome: tuple[Any, list[str]]) -> None:
            result, warnings = outcome
            done(result)
            for warning in warnings:  # saved, but something beside it went wrong (audit trail)
                self.notify(warning, severity="warning", timeout=15)
            if perf.enabled():
                self.call_after_refresh(self._stalls.report, what)

        store_work.run_store(self, timed, saved, failed, group="store")

    # -- other officers' changes -------------------------------------------------------------

    def check_for_changes(self) -> None:
        """Has another officer changed the database? Then show it (forms are left alone)."""
        db = self.db
        if db is None or db.locked or self._checking:
            return
        self._checking = True
        store_work.run_store(self, partial(_rows_if_changed, db), self._checked,
                             self._check_refused, group="refresh")

    def _checked(self, rows: list[CaseRow] | None) -> None:
        self._checking = False
        self._check_failed = ""
        if rows is not None:
            self.show_others_changes(rows)

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

    # -- navigation used by screens and the palette -----------------------------------------

    def _home_depth(self) -> int:
        """How many screens stay when going back to where the officer works from: the
        default screen and the cases list, and Today above them when it is open."""
        stack = self.screen_stack
        return 3 if len(stack) > 2 and isinstance(stack[2], TodayScreen) else 2

    def open_case(self, case_id: str, focus: dict[str, str] | None = None) -> None:
        """Open a case, with the cursor on `focus` (see CaseScreen) if given. It opens over
        Today or over the list, whichever the officer works from, and Escape goes back there."""
        from tui.screens.case import CaseScreen

        while len(self.screen_stack) > self._home_depth():
            self.pop_screen()
        self.push_screen(CaseScreen(case_id, focus=focus))

    def new_case(self, draft: dict[str, Any] | None = None, focus: str | None = None) -> None:
        from tui.screens.case.case_form import CaseForm

        def created(case: Case | None) -> None:
            if case is not None:
                self.notify(_("Case {ref} recorded.").format(ref=case.ref))
                self.open_case(case.id)

        form = CaseForm(None, _("New case"))
        form.restore_values = draft
        form.restore_focus = focus
        self.push_screen(form, created)

    def show_cases(self) -> CasesScreen:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not self._load_started:
            self._first_frame_painted()
        return self.cases_screen

    def go_to_cases_filter(self) -> None:
        self.show_cases().action_filter()

    def show_today(self) -> TodayScreen:
        """Today, in front: the one open comes back (and refreshes), else a new one."""
        depth = self._home_depth()
        while len(self.screen_stack) > depth:
            self.pop_screen()
        if depth == 3:
            return self.screen_stack[2]  # type: ignore[return-value]
        screen = TodayScreen()
        self.push_screen(screen)
        return screen

    def action_show_today(self) -> None:
        if not isinstance(self.screen, TodayScreen):
            self.show_today()

    def action_show_cases(self) -> None:
        self.show_cases()

    def show_top(self, which: str) -> Screen[Any]:
        """People & organisations, Meetings or Agreements, in front of Today or the list
        (Escape goes back there); the one already in front stays."""
        screen = self.SCREENS[which]()
        if isinstance(self.screen, type(screen)):
            return self.screen  # the new one, never shown, goes
        while len(self.screen_stack) > self._home_depth():
            self.pop_screen()
        self.push_screen(screen)
        return screen

    def action_show_top(self, which: str) -> None:
        self.show_top(which)

    def open_record(self, kind: str, record_id: str, case_id: str | None = None) -> None:
        """Open any record by its kind: a case (or a worker in it), an organisation, a person,
        a meeting or an agreement (the global search and the screens' links)."""
        if kind in ("case", "worker"):
            self.open_case(case_id or record_id,
                           focus={"worker": record_id} if kind == "worker" else None)
            return
        self.push_screen(self.RECORD_SCREENS[kind](record_id))

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def holds_unsaved_input(self) -> bool:
        """Whether a form or a dialog open, in front or under other screens, holds typing not
        saved: each says so by its `is_dirty` (forms, the step dialog, the brief and export
        dialogs, the import screen, the screening page...). While locked, the forms put away
        under the lock count as they were when it locked."""
        from textual.css.query import NoMatches

        if self._drafts_unsaved:
            return True
        for screen in self.screen_stack:
            if not screen.is_mounted:  # not shown yet: nothing typed in it
                continue
            with contextlib.suppress(NoMatches):
                if getattr(screen, "is_dirty", False):
                    return True
        return False

    class QuitInTurn(Message):
        """Ctrl+Q, sent along the path the keys before it took (see `action_quit`)."""

    def action_quit(self) -> None:
        """Ctrl+Q (and Quit in the palette, or on the lock screen). It arrives as a priority
        key, ahead of the keys typed before it that are still on their way up from the focused
        field: a Ctrl+S right before it (one burst over SSH) had not started its save when the
        app ended, and what the officer saved was lost. So it goes the same way as those keys,
        and is acted on once they have been (`on_pulang_app_quit_in_turn`)."""
        (self.focused or self.screen).post_message(self.QuitInTurn())

    async def on_pulang_app_quit_in_turn(self, message: QuitInTurn) -> None:
        """At once, unless something typed is not saved; then it asks, and no keeps everything
        as it was. First every save already asked for runs (a save is a worker, which the
        end of the app would cancel before it began): a form it saved is closed by then and no
        longer counts as unsaved typing; one it refused still does."""
        message.stop()
        await self.store_jobs_settled()
        if not self.holds_unsaved_input():
            self.exit()
            return
        if self._quit_question is not None and self.screen is self._quit_question:
            return  # asked already: y or n answers
        from tui.dialogs.confirm import ConfirmDialog

        def answered(leave: bool | None) -> None:
            self._quit_question = None
            if leave:
                self.exit()

        self._quit_question = ConfirmDialog(
            _("Quit Pulang? What you typed and did not save will be lost."), _("Quit"),
            _("Keep editing"))
        self.push_screen(self._quit_question, answered)

    def after_leaving_forms(self, action: Callable[[], object]) -> Callable[[], None]:
        """`action`, for a palette command that closes the screens in front: if a form there
        holds unsaved typing, ask first, so nothing typed is lost without the user's say."""
        from tui.dialogs.confirm import ConfirmDialog

        def run() -> None:
            if not self.holds_unsaved_input():
                action()
                return

            def answered(discard: bool | None) -> None:
                if discard:
                    action()

            self.push_screen(ConfirmDialog(_("Discard your changes?"), _("Discard"),
                                           _("Keep editing")), answered)

        return run

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def store_jobs_settled(self) -> None:
        """Wait for the saves asked for so far (each says for itself how it went)."""
        for worker in list(self.workers):
            if worker.group == "store" and not worker.is_finished:
                with contextlib.suppress(Exception):
                    await worker.wait()

    def action_help_quit(self) -> None:
        self.notify(_("Press Ctrl+Q to quit."), title=_("Do you want to quit?"))

    def action_command_palette(self) -> None:
        """Textual's palette (Ctrl+P), in the user's language and readable without colours."""
        from tui.commands import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette())

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from tui.commands import Palette

        self.push_screen(Palette([ThemeProvider], _("Search for themes…"), id=None))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Textual's own widgets show their keys in the user's language too (a Select's open
        list: "Dismiss menu"): each translated once, when it first takes focus."""
        widget = event.widget
        if not isinstance(widget, TranslatedBindings) and widget not in self._translated:
            self._translated.add(widget)
            translate_bindings(widget)
            if self.screen_stack:  # a focus event can come as the app shuts down: no screen
                self.screen.refresh_bindings()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own commands speak English only; keep the useful ones, in the user's language.
        yield SystemCommand(_("Theme"), _("Change the colours"), self.action_change_theme)
        yield SystemCommand(_("Quit"), _("Leave Pulang"), self.action_quit)
        yield SystemCommand(_("Help"), _("Help and keys for the screen in front"), self.action_help)

    # -- a crash report without personal data -----------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(Text(safe_report(error)))
        self._close_messages_no_wait()


def _rows_if_changed(db: Database) -> list[CaseRow] | None:
    """In a thread: the cases list if another process changed the database, else None."""
    return db.case_rows() if db.changed_elsewhere() else None
