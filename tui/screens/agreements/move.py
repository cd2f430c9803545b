"""Moving an agreement along its lifecycle: where it goes next (only the moves allowed from
where it is), when, and a note.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding

from store import N_, _
from store.domain import AGREEMENT_MOVES, Agreement, label
from tui.screens.agreements.common import _db
from tui.screens.moves import DATE_HINT, StateMoveDialog


class MoveDialog(StateMoveDialog[Agreement | None]):
    """Where the agreement goes next (only the moves allowed from where it is), when, and a
    note. A refusal is shown here, with what was typed kept."""

    DATE_ID, TEXT_ID, WHAT = "move-date", "move-note", "agreement"
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
        super().__init__(AGREEMENT_MOVES[agreement.status])
        self.agreement = agreement

    def heading(self) -> str:
        return _("Move from {status} to:").format(status=label(self.agreement.status))

    def text_label(self) -> str:
        return _("Note")

    def text_placeholder(self) -> str:
        return _("optional, e.g. signed in Jakarta by both presidents")

    def keys(self) -> str:
        return _("Number or Enter chooses · Ctrl+S moves · Escape cancels")

    def change(self, choice: Any, on_day: Any, text: str) -> Callable[[], Agreement]:
        db, agreement_id = _db(self), self.agreement.id
        # As stored now: another officer's change to its notes or parties is kept.
        return lambda: db.move_agreement(db.agreement(agreement_id), choice, on_day, text)


__all__ = ["DATE_HINT", "MoveDialog"]
