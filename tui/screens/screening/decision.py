"""The status the answers suggest and the officer's decision, on the screening page
(`DecisionMixin`, a part of `ScreeningScreen`): the two lines that show them, and confirming
the suggestion or choosing another status, with who decided and why.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from store import _
from store.domain import (
    DecidedBy,
    Screening,
    TraffickingStatus,
    choices,
    label,
    printable,
    suggested_status,
)
from tui.screens.screening.part import ScreeningPart


class DecisionMixin(ScreeningPart):
    """The suggestion and the decision of `ScreeningScreen`."""

    # -- what the page shows ----------------------------------------------------------------

    def _suggestion(self, suggested: TraffickingStatus | None) -> Text:
        text = Text.assemble((_("Suggested: "), "bold"),
                             (label(suggested), "bold") if suggested is not None
                             else _("nothing yet"))
        status = self.data["status"]
        if status is not None and suggested is not None and status is not suggested:
            if self.data["status_note"].strip():
                text.append(" · " + _("the decision differs"))
            else:  # the store refuses it so: say it before the save does
                text.append(" · ")
                text.append(_("the decision differs: w says why"), style="bold reverse")
        return text

    def _decision(self) -> Text:
        status: TraffickingStatus | None = self.data["status"]
        decided: DecidedBy | None = self.data["decided_by"]
        note = self.data["status_note"]
        text = Text.assemble((_("Decision: "), "bold"))
        if status is None:
            text.append(_("not decided yet (c confirms the suggestion, o another status)"))
            return text
        text.append(label(status))
        if decided is not None:
            text.append(" · " + _("by {who}").format(who=label(decided)))
        if note.strip():
            text.append(" · " + _("why: {why}").format(why=printable(note, limit=200)))
        return text

    # -- the decision -----------------------------------------------------------------------

    def action_confirm(self) -> None:
        suggested = suggested_status(self.current(), self.child())
        if suggested is None:
            self.notify(_("Nothing to confirm yet: answer act, means and purpose first."),
                        severity="warning")
            return
        self._ask_who(suggested, _("{status}: who decided?").format(status=label(suggested)))

    def action_override(self) -> None:
        options: list[tuple[str, Any]] = [*choices(TraffickingStatus),
                                          (_("not decided yet"), None)]

        def picked(value: tuple[Any] | None) -> None:
            if value is None:
                return
            status = value[0]
            if status is None:
                self._change(status=None, decided_by=None)
                return
            self._ask_who(status, _("{status}: who decided?").format(status=label(status)),
                          then_why=True)

        self._pick(_("Which trafficking status?"), options, [self.data["status"]], picked)

    def _ask_who(self, status: TraffickingStatus, title: str, then_why: bool = False) -> None:
        def picked(value: tuple[Any] | None) -> None:
            if value is None:
                return
            self._change(status=status, decided_by=value[0])
            suggested = suggested_status(self.current(), self.child())
            if then_why and suggested is not None and status is not suggested:
                self.action_why()

        self._pick(title, choices(DecidedBy), [self.data["decided_by"]], picked)

    def action_why(self) -> None:
        self._start_editing("status_note", Screening.field_label("status_note"))

    def action_edit_field(self, name: str) -> None:
        self._start_editing(name, Screening.field_label(name))
