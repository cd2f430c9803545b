"""The one-line editor at the bottom of the screening page (`LineMixin`, a part of
`ScreeningScreen`): an evidence note, the reason for a status, the date or who screened,
typed there and kept (or dropped) in the order the keys came.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.widgets import Label

from store import _, clock, date_for_input
from store.domain import LINE, NAME, InputProblem, Screening, parse_date, printable, text_problem
from tui.screens.screening.part import ScreeningPart
from tui.widgets import TextInput


class LineMixin(ScreeningPart):
    """The line at the bottom of `ScreeningScreen`, where a text field is typed."""

    # -- the line at the bottom -------------------------------------------------------------
    #
    # Textual hands each key to the widget that has the focus when the key arrives, and the
    # widget takes it in later. The page's own keys act at once, in the order they come, so
    # the line is filled and read by callbacks queued behind the keys it has still to take
    # in: keys typed faster than the screen draws (a quick typist, a slow connection) end up
    # where they were meant.

    @property
    def line(self) -> TextInput:
        return self.query_one("#sc-edit", TextInput)

    def _start_editing(self, name: str, prompt: str, text: str | None = None) -> None:
        self.editing = name
        self._prompt = prompt
        if text is None:
            text = self._as_line(name)
        self.query_one("#sc-edit-label", Label).update(printable(prompt, limit=38) + ":")
        field = self.line
        field.max_length = (NAME if name == "screened_by" else LINE).limit
        field.call_later(self._fill_line, text)  # after keys still on their way to a past edit
        self.query_one("#sc-edit-box").add_class("shown")
        self.query_one("#sc-line").display = False
        self.set_focus(field)
        self.refresh_bindings()

    def _as_line(self, name: str) -> str:
        """What the page holds for field `name`, as the line shows it."""
        value = self.data[name]
        return date_for_input(value) if isinstance(value, dt.date) else str(value or "")

    def _fill_line(self, text: str) -> None:
        self.line.value = text
        self.line.cursor_position = len(text)

    def _stop_editing(self) -> None:
        """Leave the line: what it holds is dropped (Escape), or kept by `_finish_editing`."""
        self.editing = None
        if not self.is_mounted:
            return
        self.query_one("#sc-edit-box").remove_class("shown")
        self.query_one("#sc-line").display = True
        self.set_focus(self.rows)
        self.refresh_bindings()

    def _finish_editing(self, then: Callable[[], object] | None = None) -> None:
        """Enter: back to the page now; what the line holds goes into it (then `then` runs)
        once the line has every key typed into it."""
        name, prompt = self.editing, self._prompt
        if name is None:
            return
        self._stop_editing()
        self._pending += 1
        self.line.call_later(self._keep_line, name, prompt, then)

    def _keep_line(self, name: str, prompt: str, then: Callable[[], object] | None) -> None:
        self._pending -= 1
        text = self.line.value
        value: Any = text
        problem: str | None = None
        if name == "screened_on":
            try:
                value = parse_date(text) or clock.today()
            except InputProblem as refused:
                problem = str(refused)
            else:
                if value > clock.today():
                    problem = _("must not be in the future")
        else:
            problem = text_problem(text, NAME if name == "screened_by" else LINE)
        if problem:  # the line again, as it was typed, and why it cannot be kept
            self.notify(printable(f"{Screening.field_label(name)}: {problem}"),
                        severity="error", markup=False)
            self._start_editing(name, prompt, text)
            return
        self._change(**{name: value})
        if then is not None:
            then()

    def _when_kept(self, action: Callable[[], object]) -> bool:
        """True if `action` must wait for a line still being kept (it is then queued)."""
        if self._pending:
            self.line.call_later(action)
            return True
        return False
