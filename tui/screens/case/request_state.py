"""Changing a request to a partner's state (a referral, or another entry sent awaiting their
reply): only the states its present one leads to, the date of the change, and why (asked for,
and required, when the partner declined). Laid out as the agreements' move (its styles)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding

from store import N_, _
from store.domain import REQUEST_MOVES, LogEntry, RequestState, label
from tui.screens.agreements.common import _db
from tui.screens.moves import DATE_HINT, StateMoveDialog


class RequestStateDialog(StateMoveDialog[LogEntry | None]):
    """The request's next state, when, and why. A refusal is shown here, what was typed kept."""

    DATE_ID, TEXT_ID, WHAT = "request-date", "request-why", "log"
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
        assert entry.request_state is not None
        super().__init__(REQUEST_MOVES[entry.request_state])
        self.entry = entry

    def heading(self) -> str:
        assert self.entry.request_state is not None
        return _("Request {state}: change to").format(state=label(self.entry.request_state))

    def text_label(self) -> str:
        return _("Why (required when declined)")

    def text_placeholder(self) -> str:
        return _("e.g. not their district")

    def keys(self) -> str:
        return _("Number or Enter chooses · Ctrl+S changes · Escape cancels")

    def problem(self, choice: Any, text: str) -> str | None:
        if choice is RequestState.DECLINED and not text:
            return _("Say why the partner declined.")
        return None

    def change(self, choice: Any, on_day: Any, text: str) -> Callable[[], LogEntry]:
        db, entry_id = _db(self), self.entry.id
        return lambda: db.set_request_state(entry_id, choice, on_day, text)


__all__ = ["DATE_HINT", "RequestStateDialog"]
