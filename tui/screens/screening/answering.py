"""The screening page's rows as the screen works them (`RowsMixin`, a part of
`ScreeningScreen`): each row's line and the hint below the rows; moving, answering, and the
pickers of the choices (means of control, recruitment).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text

from store import _
from store.domain import Answer, MeansOfControl, Screening, choices, label, printable
from tui.dialogs.picker import POINTER  # the same › as the picker's, on the cursor's row
from tui.screens.screening.part import ScreeningPart
from tui.screens.screening.rows import (
    CYCLE,
    FIRST_CHOICE,
    RECRUITMENT,
    ROWS,
    Row,
    fit,
    long_label,
    mark,
    short_label,
    shown_value,
)


class RowsMixin(ScreeningPart):
    """The rows of `ScreeningScreen`: drawn, moved through and answered."""

    # -- what the page shows ----------------------------------------------------------------

    def _row_line(self, index: int, width: int, at_cursor: bool) -> Text:
        row = ROWS[index]
        labels = [cell_len(short_label(r)) for r in ROWS]
        label_width = max(12, min(max(labels), 40, width - 6 - 12))
        line = Text(f"{POINTER} " if at_cursor else "  ", no_wrap=True)
        if row.kind == "answer":
            answer: Answer = self.data[row.field]
            line.append(mark(answer) + " ", style="bold" if answer is Answer.YES else "")
        else:
            line.append("    ")
        line.append_text(fit(Text(short_label(row)), label_width))
        line.append(" ")
        rest = width - cell_len(line.plain)
        line.append_text(fit(Text(self._row_value(row), style="dim" if row.kind == "answer"
                                  else ""), rest))
        if at_cursor:
            line.stylize("reverse")
        return line

    def _row_value(self, row: Row) -> str:
        """What follows a row's name: its evidence note, or the choice made."""
        if row.kind == "answer":
            if row.evidence is not None:
                return printable(self.data[row.evidence], limit=500)
            age = self.worker.display_age if self.worker is not None else None
            return "" if age is None else _("age now: {age}").format(age=age)
        if row.kind == "recruitment":
            parts = [shown_value(n, self.data[n]) for n in ("recruitment_method", "platform")]
            if self.data["recruiter_relation"] is not None:
                parts.append(_("recruiter: {who}").format(
                    who=label(self.data["recruiter_relation"])))
            return " · ".join(p for p in parts if p) or "–"
        value = self.data[row.field]
        return shown_value(row.field, value) or "–"

    def _row_hint(self) -> Text:
        """The line at the bottom: the whole name of the row under the cursor, and its note
        (or, without one, the keys that answer it)."""
        row = self.row
        line = Text(long_label(row) + ": ", no_wrap=True, overflow="ellipsis")
        if row.kind == "answer" and row.evidence is not None and self.data[row.evidence]:
            line.append(printable(self.data[row.evidence], limit=500), style="")
        elif row.kind == "answer" and row.evidence is not None:
            line.append(_("y, n, u answer · Enter writes the evidence"), style="italic")
        elif row.kind == "answer":
            line.append(_("y, n, u answer"), style="italic")
        else:
            line.append(_("Enter chooses"), style="italic")
        return line

    # -- moving and answering ---------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.rows.move(self.rows.cursor + step)
        self.refresh_page()

    def action_move_to(self, index: int) -> None:
        self.rows.move(index if index >= 0 else len(ROWS) - 1)
        self.refresh_page()

    def action_jump(self) -> None:
        """Tab: from the questions to the recruitment, and back."""
        if self.editing is not None:
            return
        self.rows.move(FIRST_CHOICE if self.rows.cursor < FIRST_CHOICE else 0)
        self.refresh_page()

    def action_answer(self, value: str) -> None:
        row = self.row
        if row.kind != "answer":
            self.notify(_("This line is a choice: Enter opens its list."), severity="warning")
            return
        self._change(**{row.field: Answer(value)})

    def action_cycle(self) -> None:
        row = self.row
        if row.kind != "answer":
            self.action_edit()
            return
        self._change(**{row.field: CYCLE[self.data[row.field]]})

    def action_enter(self) -> None:
        if self.editing is not None:
            self._finish_editing()
        else:
            self.action_edit()

    def action_edit(self) -> None:
        row = self.row
        if row.kind == "answer":
            if row.evidence is None:
                self.notify(_("This question has no note: answer it with y, n or u."),
                            severity="warning")
                return
            self._start_editing(row.evidence, short_label(row).strip())
        elif row.kind == "recruitment":
            self.action_recruitment()
        else:
            self.action_pick_field(row.field)

    def _move_to_field(self, name: str) -> None:
        self.rows.move(next(i for i, r in enumerate(ROWS) if r.field == name))
        self.refresh_page()

    def action_pick_field(self, name: str) -> None:
        """The list of a choice: means of control (ticks), or one of the recruitment's."""
        title = Screening.field_label(name)
        if name == "means_of_control":
            self._move_to_field(name)

            def ticked(values: list[Any] | None) -> None:
                if values is not None:
                    self._change(**{name: values})

            self._pick(title, choices(MeansOfControl), self.data[name], ticked, multiple=True)
            return

        def picked(value: tuple[Any] | None) -> None:
            if value is not None:
                self._change(**{name: value[0]})

        options: list[tuple[str, Any]] = [(_("(not set)"), None),
                                          *choices(RECRUITMENT[name])]
        self._pick(title, options, [self.data[name]], picked)

    def action_recruitment(self) -> None:
        """How, where and by whom the worker was recruited: which of the three to change."""
        self._move_to_field("recruitment")
        options = [(f"{Screening.field_label(n)}: {shown_value(n, self.data[n]) or '–'}", n)
                   for n in RECRUITMENT]

        def which(value: tuple[Any] | None) -> None:
            if value is not None:
                self.action_pick_field(value[0])

        self._pick(_("Recruitment"), options, [None], which)
