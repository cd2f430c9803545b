"""Moving an agreement along its lifecycle: where it goes next (only the moves allowed from
where it is), when, and a note.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, PulangError, _, clock, date_for_input
from store.domain import (
    AGREEMENT_MOVES,
    Agreement,
    AgreementStatus,
    InputProblem,
    label,
    parse_date,
    printable,
)
from tui.screens.agreements.common import LineList, _db
from tui.translate import TranslatedBindings
from tui.widgets import DateInput, TextInput

DATE_HINT = "DD/MM/YYYY"


class MoveDialog(TranslatedBindings, ModalScreen[Agreement | None]):
    """Where the agreement goes next (only the moves allowed from where it is), when, and a
    note. A refusal is shown here, with what was typed kept."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="move.cancel"),
        Binding("ctrl+s", "confirm", N_("Move"), id="move.confirm"),
        Binding("f1", "app.help", N_("Help"), id="move.help"),
    ]
    HELP = N_(
        "Choose where the agreement goes: press its number, or move with the arrows and press "
        "Enter. Only the moves its present status allows are offered. The date of the change "
        "is today unless you write another (DD/MM/YYYY, not in the future). The note says why "
        "or how, e.g. who signed. Enter in the note, or Ctrl+S, moves it; Escape goes back."
    )

    def __init__(self, agreement: Agreement) -> None:
        super().__init__()
        self.agreement = agreement
        self.moves: tuple[AgreementStatus, ...] = AGREEMENT_MOVES[agreement.status]
        self._busy = False
        self._today = date_for_input(clock.today())  # the date offered

    def compose(self) -> ComposeResult:
        with Vertical(id="move-dialog"):
            yield Label(_("Move from {status} to:").format(status=label(self.agreement.status)),
                        id="move-title", markup=False)
            yield LineList(id="move-list")
            yield Label(_("Date of the change"), classes="move-label")
            yield DateInput(self._today, placeholder=DATE_HINT,
                            id="move-date", echo="move-date-echo", compact=True,
                            select_on_focus=False)
            yield Static("", id="move-date-echo", classes="date-echo", markup=False)
            yield Label(_("Note"), classes="move-label")
            yield TextInput(placeholder=_("optional, e.g. signed in Jakarta by both presidents"),
                            id="move-note", compact=True, select_on_focus=False)
            yield Static("", id="move-error", markup=False)
            yield Label(_("Number or Enter chooses · Ctrl+S moves · Escape cancels"),
                        id="move-keys")

    def on_mount(self) -> None:
        listing = self.query_one("#move-list", LineList)
        listing.add_options([Option(Text(f"{n} {label(s)}"), id=s.value)
                             for n, s in enumerate(self.moves, start=1)])
        listing.highlighted = 0
        self.set_focus(listing)

    def chosen(self) -> AgreementStatus | None:
        listing = self.query_one("#move-list", LineList)
        if listing.highlighted is None:
            return None
        return self.moves[listing.highlighted]

    def on_key(self, event: Any) -> None:
        listing = self.query_one("#move-list", LineList)
        key = getattr(event, "character", None) or ""
        if listing.has_focus and key.isdigit() and 1 <= int(key) <= len(self.moves):
            event.stop()
            event.prevent_default()
            listing.highlighted = int(key) - 1
            self.set_focus(self.query_one("#move-date", Input))

    @on(OptionList.OptionSelected, "#move-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.set_focus(self.query_one("#move-date", Input))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "move-date":
            self.set_focus(self.query_one("#move-note", Input))
        else:
            self.action_confirm()

    def _error(self, message: str) -> None:
        self.query_one("#move-error", Static).update(printable(message))

    def action_confirm(self) -> None:
        status = self.chosen()
        if status is None or self._busy:
            return
        try:
            on_day = parse_date(self.query_one("#move-date", Input).value) or clock.today()
        except InputProblem as problem:
            self._error(str(problem))
            self.set_focus(self.query_one("#move-date", Input))
            return
        note = self.query_one("#move-note", Input).value.strip()
        db = _db(self)
        agreement_id = self.agreement.id
        self._busy = True
        self._error("")

        def failed(error: PulangError) -> None:
            self._busy = False
            self._error(str(error))

        def done(moved: Agreement) -> None:
            self._busy = False
            self.dismiss(moved)

        # As stored now: another officer's change to its notes or parties is kept.
        self.app.run_store(  # type: ignore[attr-defined]
            lambda: db.move_agreement(db.agreement(agreement_id), status, on_day, note),
            done, failed, what="agreement")

    @property
    def is_dirty(self) -> bool:
        """A date or a note typed, the move not yet made (Ctrl+Q asks first)."""
        return (self.query_one("#move-date", Input).value != self._today
                or bool(self.query_one("#move-note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
