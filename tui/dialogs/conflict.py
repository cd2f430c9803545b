"""Someone else saved (or removed) the record this officer was editing: show both, let them choose.

The screen shows who changed it and when, then one row per field that differs: the field, their
saved value, and the value that was not saved. Nothing is decided here; the screen answers with
the key of the chosen way out, or None for Escape (back, with nothing lost).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from store import N_, _
from store.domain import printable, row_name
from tui.dialogs.confirm import ConfirmDialog
from tui.translate import TranslatedBindings
from tui.widgets import RecordTable, cell


@dataclass(frozen=True)
class Difference:
    """One field whose saved value differs from the one the officer has."""

    name: str
    label: str
    theirs: str
    mine: str


@dataclass(frozen=True)
class Choice:
    """A way out of the conflict: its key, what the screen answers, its label, and a question
    to confirm it first (for choices that throw away what was typed)."""

    key: str
    answer: str
    label: str
    confirm: str = ""


def keep_or_drop(removed: bool) -> tuple[str, list[Choice]]:
    """The title and the two ways out of a conflict over a form's typing: save mine (again),
    or throw mine away (asks first). Answers are "mine" and "drop"."""
    if removed:
        return _("Removed by another officer"), [
            Choice("m", "mine", _("Save mine again")),
            Choice("d", "drop", _("Discard mine"),
                   _("Throw away what you typed? The record stays removed.")),
        ]
    return _("Changed by another officer"), [
        Choice("m", "mine", _("Keep mine")),
        Choice("t", "drop", _("Keep theirs"),
               _("Throw away what you typed and keep their version?")),
    ]


class ConflictScreen(TranslatedBindings, Screen[str | None]):
    BINDINGS = [
        Binding("f1", "app.help", N_("Help"), id="conflict.help", show=False),
    ]
    HELP = N_(
        "Another officer changed or removed this record after you opened it; nothing was "
        "overwritten. The table lists each field that differs: their saved value beside yours. "
        "Move through it with the arrows to read a field's whole value below the table. The "
        "keys at the bottom say what you can do: keep yours, keep theirs (after asking), or go "
        "back with Escape, with nothing you typed lost."
    )

    def __init__(
        self,
        message: str,
        differences: list[Difference],
        choices: list[Choice],
        back: str,
        theirs_title: str,
        mine_title: str,
        title: str,
    ) -> None:
        super().__init__()
        self.screen_title = title
        self.message = message
        self.differences = differences
        self.choices = {choice.answer: choice for choice in choices}
        self.theirs_title = theirs_title
        self.mine_title = mine_title
        for choice in choices:
            self._bindings.bind(choice.key, f"choose('{choice.answer}')", choice.label)
        self._bindings.bind("escape", "back", back)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(printable(self.message), id="conflict-message", markup=False)
        yield Label(_("Fields that differ ({count}):").format(count=len(self.differences)),
                    id="conflict-title", classes="section-title")
        yield RecordTable(id="differences")
        yield Static("", id="difference-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.screen_title
        table = self.query_one("#differences", RecordTable)
        rest = max(20, self.size.width - 22 - 3 * 2 - 1)
        table.add_column(_("Field"), width=20)
        table.add_column(self.theirs_title, width=rest // 2)
        table.add_column(self.mine_title, width=rest - rest // 2)
        for difference in self.differences:
            table.add_row(
                cell(difference.label),
                # In a row, text that fits one (`fits_a_row`); the line below shows it all.
                cell(row_name([difference.theirs]) or "–"),
                cell(row_name([difference.mine]) or "–"),
                key=difference.name,
            )
        self.set_focus(table)

    @on(RecordTable.RowHighlighted, "#differences")
    def _show_whole(self, event: RecordTable.RowHighlighted) -> None:
        """The whole of both values, since the table cuts long text short."""
        difference = next((d for d in self.differences if d.name == event.row_key.value), None)
        detail = self.query_one("#difference-detail", Static)
        if difference is None:
            detail.update("")
            return
        # Each value is a record's text: printable, and cut short (it may be 20,000 characters).
        theirs = printable(difference.theirs or "–", limit=1000)
        mine = printable(difference.mine or "–", limit=1000)
        detail.update(f"{self.theirs_title}: {theirs}\n{self.mine_title}: {mine}")

    def action_choose(self, answer: str) -> None:
        choice = self.choices[answer]
        if not choice.confirm:
            self.dismiss(answer)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(answer)

        self.app.push_screen(ConfirmDialog(choice.confirm, choice.label, _("Back")), answered)

    def action_back(self) -> None:
        self.dismiss(None)
