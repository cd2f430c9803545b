"""Changing a request to a partner's state (a referral, or another entry sent awaiting their
reply): only the states its present one leads to, the date of the change, and why (asked for,
and required, when the partner declined). Laid out as the agreements' move (its styles)."""

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
    REQUEST_MOVES,
    InputProblem,
    LogEntry,
    RequestState,
    label,
    parse_date,
    printable,
)
from tui.screens.agreements.common import LineList, _db
from tui.translate import TranslatedBindings
from tui.widgets import DateInput, TextInput

DATE_HINT = "DD/MM/YYYY"


class RequestStateDialog(TranslatedBindings, ModalScreen[LogEntry | None]):
    """The request's next state, when, and why. A refusal is shown here, what was typed kept."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="request.cancel"),
        Binding("ctrl+s", "confirm", N_("Change"), id="request.confirm"),
        Binding("f1", "app.help", N_("Help"), id="request.help"),
    ]
    HELP = N_(
        "Choose the request's new state: press its number, or move with the arrows and press "
        "Enter. Only the states its present one leads to are offered: sent goes to "
        "acknowledged, accepted, declined or withdrawn; acknowledged to accepted, declined or "
        "withdrawn; accepted to done or withdrawn; declined, done and withdrawn are final. The "
        "date of the change is today unless you write another (DD/MM/YYYY, not in the future). "
        "Say why when the partner declined. Enter in the last field, or Ctrl+S, changes it; "
        "Escape goes back."
    )

    def __init__(self, entry: LogEntry) -> None:
        super().__init__()
        self.entry = entry
        assert entry.request_state is not None
        self.moves: tuple[RequestState, ...] = REQUEST_MOVES[entry.request_state]
        self._busy = False
        self._today = date_for_input(clock.today())

    def compose(self) -> ComposeResult:
        assert self.entry.request_state is not None
        with Vertical(id="move-dialog"):
            yield Label(_("Request {state}: change to").format(
                state=label(self.entry.request_state)), id="move-title", markup=False)
            yield LineList(id="move-list")
            yield Label(_("Date of the change"), classes="move-label")
            yield DateInput(self._today, placeholder=DATE_HINT, id="request-date",
                            echo="request-date-echo", compact=True, select_on_focus=False)
            yield Static("", id="request-date-echo", classes="date-echo", markup=False)
            yield Label(_("Why (required when declined)"), classes="move-label")
            yield TextInput(placeholder=_("e.g. not their district"), id="request-why",
                            compact=True, select_on_focus=False)
            yield Static("", id="move-error", markup=False)
            yield Label(_("Number or Enter chooses · Ctrl+S changes · Escape cancels"),
                        id="move-keys")

    def on_mount(self) -> None:
        listing = self.query_one("#move-list", LineList)
        listing.add_options([Option(Text(f"{n} {label(s)}"), id=s.value)
                             for n, s in enumerate(self.moves, start=1)])
        listing.highlighted = 0
        self.set_focus(listing)

    def chosen(self) -> RequestState | None:
        listing = self.query_one("#move-list", LineList)
        return None if listing.highlighted is None else self.moves[listing.highlighted]

    def on_key(self, event: Any) -> None:
        listing = self.query_one("#move-list", LineList)
        key = getattr(event, "character", None) or ""
        if listing.has_focus and key.isdigit() and 1 <= int(key) <= len(self.moves):
            event.stop()
            event.prevent_default()
            listing.highlighted = int(key) - 1
            self.set_focus(self.query_one("#request-date", Input))

    @on(OptionList.OptionSelected, "#move-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.set_focus(self.query_one("#request-date", Input))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "request-date":
            self.set_focus(self.query_one("#request-why", Input))
        else:
            self.action_confirm()

    def _error(self, message: str) -> None:
        self.query_one("#move-error", Static).update(printable(message))

    def action_confirm(self) -> None:
        state = self.chosen()
        if state is None or self._busy:
            return
        try:
            on_day = parse_date(self.query_one("#request-date", Input).value) or clock.today()
        except InputProblem as problem:
            self._error(str(problem))
            self.set_focus(self.query_one("#request-date", Input))
            return
        why = self.query_one("#request-why", Input).value.strip()
        if state is RequestState.DECLINED and not why:
            self._error(_("Say why the partner declined."))
            self.set_focus(self.query_one("#request-why", Input))
            return
        db, entry_id = _db(self), self.entry.id
        self._busy = True
        self._error("")

        def failed(error: PulangError) -> None:
            self._busy = False
            self._error(str(error))

        def done(changed: LogEntry) -> None:
            self._busy = False
            self.dismiss(changed)

        self.app.run_store(  # type: ignore[attr-defined]
            lambda: db.set_request_state(entry_id, state, on_day, why), done, failed,
            what="log")

    @property
    def is_dirty(self) -> bool:
        """A date or a why typed, the change not yet made (Ctrl+Q asks first)."""
        return (self.query_one("#request-date", Input).value != self._today
                or bool(self.query_one("#request-why", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
