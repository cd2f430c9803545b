"""The text of one draft version of an agreement, read-only and scrollable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TextArea

from store import N_, _, format_date
from store.domain import Agreement, DraftVersion, printable
from tui.screens.agreements.common import line_count
from tui.translate import TranslatedBindings


class VersionScreen(TranslatedBindings, Screen[None]):
    """The text of one version, read-only and scrollable."""

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="version.back"),
        Binding("f1", "app.help", N_("Help"), id="version.help"),
    ]
    HELP = N_(
        "The text of one draft version, as it was kept; it cannot be changed (a new version "
        "is added with v on the agreement). Arrows, Page Up and Page Down scroll; text can be "
        "selected with Shift and the arrows and copied. Escape goes back."
    )

    def __init__(self, agreement: Agreement, version: DraftVersion) -> None:
        super().__init__()
        self.agreement = agreement
        self.version = version

    def compose(self) -> ComposeResult:
        yield Header()
        version = self.version
        about = _("version {number} · {date} · {lines} lines").format(
            number=version.number, date=format_date(version.on), lines=line_count(version.text))
        if version.note:
            about += " · " + printable(version.note, limit=200)
        yield Static(about, id="version-about", markup=False)
        area = TextArea(printable(version.text, multiline=True), id="version-text",
                        read_only=True, soft_wrap=True, compact=True)
        area.show_line_numbers = False
        yield area
        yield Footer()

    def on_mount(self) -> None:
        self.title = printable(self.agreement.title, limit=200)
        self.set_focus(self.query_one("#version-text"))

    def action_back(self) -> None:
        self.app.pop_screen()
