"""A dialog moving a record to its next state: only the states its present one leads to (by
number or arrows and Enter), the date of the change, and a line of text (a note, or why), the
change made off the event loop, a refusal shown in the dialog with what was typed kept. An
agreement's lifecycle (tui/screens/agreements/move.py) and a request to a partner
(tui/screens/case/request_state.py) are this dialog with their own words and store call."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store import PulangError, _, clock, date_for_input
from store.domain import InputProblem, label, parse_date, printable
from tui.screens.agreements.common import LineList
from tui.translate import TranslatedBindings
from tui.widgets import DateInput, TextInput

DATE_HINT = "DD/MM/YYYY"
T = TypeVar("T")


class StateMoveDialog(TranslatedBindings, ModalScreen[T], Generic[T]):
    """See the module. A subclass sets `DATE_ID` and `TEXT_ID` (its inputs' ids), and says its
    words (`heading`, `text_label`, `text_placeholder`, `keys`), what the text must hold
    (`problem`) and what the change is (`change`)."""

    DATE_ID = "move-date"
    TEXT_ID = "move-note"
    WHAT = "record"  # what the store call changes, for `run_store`

    def __init__(self, moves: tuple[StrEnum, ...]) -> None:
        super().__init__()
        self.moves = moves
        self._busy = False
        self._today = date_for_input(clock.today())  # the date offered

    # -- what a subclass says -----------------------------------------------------------------

    def heading(self) -> str:
        raise NotImplementedError

    def text_label(self) -> str:
        raise NotImplementedError

    def text_placeholder(self) -> str:
        raise NotImplementedError

    def keys(self) -> str:
        raise NotImplementedError

    def problem(self, choice: Any, text: str) -> str | None:
        """Why the text will not do for this choice (None: it will)."""
        return None

    def change(self, choice: Any, on_day: Any, text: str) -> Callable[[], T]:
        """The store call making the change (run off the event loop)."""
        raise NotImplementedError

    # -- the dialog -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="move-dialog"):
            yield Label(self.heading(), id="move-title", markup=False)
            yield LineList(id="move-list")
            yield Label(_("Date of the change"), classes="move-label")
            yield DateInput(self._today, placeholder=DATE_HINT, id=self.DATE_ID,
                            echo=f"{self.DATE_ID}-echo", compact=True, select_on_focus=False)
            yield Static("", id=f"{self.DATE_ID}-echo", classes="date-echo", markup=False)
            yield Label(self.text_label(), classes="move-label")
            yield TextInput(placeholder=self.text_placeholder(), id=self.TEXT_ID, compact=True,
                            select_on_focus=False)
            yield Static("", id="move-error", markup=False)
            yield Label(self.keys(), id="move-keys")

    def on_mount(self) -> None:
        listing = self.query_one("#move-list", LineList)
        listing.add_options([Option(Text(f"{n} {label(s)}"), id=s.value)
                             for n, s in enumerate(self.moves, start=1)])
        listing.highlighted = 0
        self.set_focus(listing)

    def chosen(self) -> Any:
        listing = self.query_one("#move-list", LineList)
        return None if listing.highlighted is None else self.moves[listing.highlighted]

    def _input(self, input_id: str) -> Input:
        return self.query_one(f"#{input_id}", Input)

    def on_key(self, event: Any) -> None:
        listing = self.query_one("#move-list", LineList)
        key = getattr(event, "character", None) or ""
        if listing.has_focus and key.isdigit() and 1 <= int(key) <= len(self.moves):
            event.stop()
            event.prevent_default()
            listing.highlighted = int(key) - 1
            self.set_focus(self._input(self.DATE_ID))

    @on(OptionList.OptionSelected, "#move-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.set_focus(self._input(self.DATE_ID))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == self.DATE_ID:
            self.set_focus(self._input(self.TEXT_ID))
        else:
            self.action_confirm()

    def _error(self, message: str) -> None:
        self.query_one("#move-error", Static).update(printable(message))

    def action_confirm(self) -> None:
        choice = self.chosen()
        if choice is None or self._busy:
            return
        try:
            on_day = parse_date(self._input(self.DATE_ID).value) or clock.today()
        except InputProblem as problem:
            self._error(str(problem))
            self.set_focus(self._input(self.DATE_ID))
            return
        text = self._input(self.TEXT_ID).value.strip()
        refused = self.problem(choice, text)
        if refused:
            self._error(refused)
            self.set_focus(self._input(self.TEXT_ID))
            return
        call = self.change(choice, on_day, text)
        self._busy = True
        self._error("")

        def failed(error: PulangError) -> None:
            self._busy = False
            self._error(str(error))

        def done(changed: T) -> None:
            self._busy = False
            self.dismiss(changed)

        self.app.run_store(call, done, failed, what=self.WHAT)  # type: ignore[attr-defined]

    @property
    def is_dirty(self) -> bool:
        """A date or a text typed, the change not yet made (Ctrl+Q asks first)."""
        return (self._input(self.DATE_ID).value != self._today
                or bool(self._input(self.TEXT_ID).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
