"""The Pulang application: a thin shell that opens screens; screens own their behaviour.

It paints first and loads after: the first frame needs only Textual and the cases list, while
the database (and pydantic, pycountry, phonenumbers behind it) is opened in a worker thread.
Keys pressed meanwhile are kept: text goes into the filter, and actions that need the data run
once it is there.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen

from store.errors import PulangError
from store.i18n import N_, _
from store.text import printable
from tui import perf
from tui.commands import PulangCommands
from tui.crash import safe_report
from tui.screens.cases import CasesScreen
from tui.screens.dialogs import HelpScreen
from tui.translate import translate_bindings
from tui.widgets import ControlCharacterFilter

if TYPE_CHECKING:
    from store.database import Database
    from store.records import Case


class PulangApp(App[None]):
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "Pulang"
    COMMANDS = {PulangCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", N_("Help"), id="app.help"),
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(self, source: Database | Path | str, *, create: bool = False) -> None:
        super().__init__()
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
        self._control_filter = ControlCharacterFilter()
        translate_bindings(self)
        self.theme = "ansi-dark"

    @property
    def cases_screen(self) -> CasesScreen:
        screen = self.screen_stack[1]
        assert isinstance(screen, CasesScreen)
        return screen

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Textual's own (NO_COLOR...), then ours: no control character reaches the terminal.
        return [*super().get_line_filters(), self._control_filter]

    def on_mount(self) -> None:
        self.sub_title = printable(str(self.db_path))
        self.push_screen(CasesScreen())
        if perf.enabled():
            self._stalls.start()
            self.set_interval(perf.StallWatch.INTERVAL, self._stalls.tick)
        # Load only once the first frame is out: the loader competes for the interpreter.
        self.call_after_refresh(self._first_frame_painted)

    def _first_frame_painted(self) -> None:
        perf.mark("first_frame")
        if self.db is not None:
            self._loaded(self.db, self.db.case_rows())
        else:
            self._load()

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="store")
    def _load(self) -> None:
        try:
            from store.database import Database

            db = Database.open(self.db_path, create=self.create, progress=self._progress,
                               on_rows=self._rows_early)
            rows = db.case_rows()
        except PulangError as error:
            self.call_from_thread(self._load_failed, error)
            return
        perf.mark("loaded", cases=len(rows))
        self.call_from_thread(self._loaded, db, rows)

    def _progress(self, share: float) -> None:
        """From the loading thread: show how far it has got."""
        text = _("Opening the database… {percent}%").format(percent=int(share * 100))
        self.call_from_thread(self.cases_screen.show_status, text)

    def _rows_early(self, rows: list[Any]) -> None:
        """From the loading thread: the list as the snapshot recorded it, before the rest."""
        self.call_from_thread(self._show_rows_early, rows)

    def _show_rows_early(self, rows: list[Any]) -> None:
        screen = self.cases_screen
        screen.show_rows(rows)
        screen.show_status(_("Opening the database…"))
        if perf.enabled() and not self._usable_marked:
            self._usable_marked = True
            self.call_after_refresh(perf.mark, "usable", cases=len(rows))

    def _loaded(self, db: Database, rows: list[Any]) -> None:
        self.db = db
        self.sub_title = _("Demo database") if db.is_demo else printable(str(db.path))
        self.cases_screen.show_rows(rows)
        if perf.enabled():
            if not self._usable_marked:
                self._usable_marked = True
                self.call_after_refresh(perf.mark, "usable", cases=len(rows))
            self.call_after_refresh(self._stalls.report, "loading")
        pending, self._after_load = self._after_load, []
        for action in pending:
            action()

    def _load_failed(self, error: PulangError) -> None:
        self.load_error = error
        self.exit(return_code=int(error.exit_code))

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
        self._store_job(job, done, failed, what)

    @work(thread=True, group="store")
    def _store_job(
        self,
        job: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[PulangError], None],
        what: str,
    ) -> None:
        started = time.monotonic()
        try:
            result = job()
        except PulangError as error:
            self.call_from_thread(failed, error)
            return
        perf.mark("save_done", kind=what, ms=round((time.monotonic() - started) * 1000, 2))
        self.call_from_thread(done, result)
        if perf.enabled():
            self.call_from_thread(self.call_after_refresh, self._stalls.report, what)

    # -- navigation used by screens and the palette -----------------------------------------

    def open_case(self, case_id: str) -> None:
        from tui.screens.case import CaseScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.push_screen(CaseScreen(case_id))

    def new_case(self) -> None:
        from tui.screens.record_forms import CaseForm

        def created(case: Case | None) -> None:
            if case is not None:
                self.notify(_("Case {ref} recorded.").format(ref=case.ref))
                self.open_case(case.id)

        self.push_screen(CaseForm(None, _("New case")), created)

    def show_cases(self) -> CasesScreen:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        return self.cases_screen

    def go_to_cases_filter(self) -> None:
        self.show_cases().action_filter()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_help_quit(self) -> None:
        self.notify(_("Press Ctrl+Q to quit."), title=_("Do you want to quit?"))

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
