"""The Pulang application: a thin shell that opens screens; screens own their behaviour."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store.database import Database
from store.i18n import N_, _
from store.records import Case
from tui.commands import PulangCommands
from tui.crash import safe_report
from tui.screens.case import CaseScreen
from tui.screens.cases import CasesScreen
from tui.screens.dialogs import HelpScreen
from tui.screens.record_forms import CaseForm
from tui.translate import translate_bindings


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

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        translate_bindings(self)
        self.theme = "ansi-dark"

    def on_mount(self) -> None:
        self.sub_title = _("Demo database") if self.db.is_demo else str(self.db.path)
        self.push_screen(CasesScreen())

    # -- navigation used by screens and the palette -----------------------------------------

    def open_case(self, case_id: str) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.push_screen(CaseScreen(case_id))

    def new_case(self) -> None:
        def created(case: Case | None) -> None:
            if case is not None:
                self.notify(_("Case {ref} recorded.").format(ref=case.ref))
                self.open_case(case.id)

        self.push_screen(CaseForm(None, _("New case")), created)

    def show_cases(self) -> CasesScreen:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        screen = self.screen
        assert isinstance(screen, CasesScreen)
        return screen

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
