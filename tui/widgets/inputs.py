"""Fields that take what the officer types or ticks (one-line text, dates, yes/no boxes), and
the last guard of every screen against control characters reaching the terminal."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter
from textual.widgets import Checkbox, Input

from store import _, date_for_input, datetime_for_input, day_and_date
from store.domain import PLACEHOLDER

# What must never reach the terminal as text: C0, DEL, C1 (ESC, CSI, BEL, backspace, CR...),
# the line and paragraph separators, and lone surrogates (which cannot even be encoded).
_NEVER_SHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# The same, with the zero-width joiners before it: dropped with it, since a joiner left before
# the next letter would join that letter to the one before (which Rich then counts as no cell).
_DROPPED = re.compile("\u200d*[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _in_its_cells(found: re.Match[str]) -> str:
    """What takes a never-shown character's place: nothing for one Rich counts as no cell (a
    control character), � for one it counts as a cell (a lone surrogate), so that the line
    keeps the width its layout was made for."""
    return "\ufffd" * get_character_cell_size(found.group()[-1])


class ControlCharacterFilter(LineFilter):
    """The last guard before the terminal, on every line of every screen: text that still holds
    a control character (one a widget did not show as �) has it dropped, so nothing a record
    holds can move the cursor, clear the screen or send the terminal an escape sequence.

    Rich counts control characters as zero cells wide, so dropping them keeps the layout; a
    lone surrogate, which it counts as one cell, becomes �.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        search = _NEVER_SHOWN.search
        if not any(search(segment.text) for segment in segments if not segment.control):
            return segments
        return [
            segment if segment.control or not search(segment.text)
            else Segment(_DROPPED.sub(_in_its_cells, segment.text), segment.style)
            for segment in segments
        ]


class TextInput(Input):
    """A one-line field that shows a control character it holds (pasted, or saved by an older
    version) as �, so the officer can find the one the save refuses; the value keeps it."""

    @property
    def _value(self) -> Text:
        if self.password or not _NEVER_SHOWN.search(self.value):
            return super()._value
        # One character for one, so the cursor and the selection keep their places (Rich's
        # Text would silently drop a carriage return or a backspace and shift them).
        text = Text(_NEVER_SHOWN.sub(PLACEHOLDER, self.value), no_wrap=True, overflow="ignore",
                    end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(_NEVER_SHOWN.sub(PLACEHOLDER, self.value[:position]))

    async def _on_key(self, event: events.Key) -> None:
        """The field's own editing keys (Ctrl+U, Home, Backspace...) in the order they were
        typed. Textual runs a widget's bindings only once the key has gone up to the app,
        after the letters typed behind it in the same burst (slow SSH, a paste) were already
        put in: Ctrl+U then a name deleted the name."""
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)


class DateInput(TextInput):
    """A date, or a date and a time (`with_time`), typed as DD/MM/YYYY or relative to today
    (+2, -1, +1w, today, besok...: `store.domain.parse.relative_date`). While it holds a relative
    date, the Static `echo` names (its id, on the same screen) shows the day it means, "= Tue 8
    Dec 2026"; leaving the field writes that day in it, so what is saved is what is shown."""

    def __init__(self, value: str = "", *, with_time: bool = False, echo: str = "",
                 **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.with_time = with_time
        self.echo = echo

    def meaning(self) -> dt.date | None:
        """The day (a datetime `with_time`) the field's relative text means; None when the
        text is empty, written as a date already, or not a date."""
        # Imported here, not at the top: reading what is typed brings the countries and the
        # phone numbers (pycountry, phonenumbers), and the cases list's filter, an input of
        # this module, is on the app's first frame.
        from store.domain import InputProblem, is_relative, parse_date, parse_datetime

        if not is_relative(self.value):
            return None
        try:
            return parse_datetime(self.value) if self.with_time else parse_date(self.value)
        except (InputProblem, ValueError, OverflowError):
            return None

    def meant(self) -> str | None:
        """The field's relative date written out as the field takes it, or None."""
        value = self.meaning()
        if isinstance(value, dt.datetime):
            return datetime_for_input(value)
        return None if value is None else date_for_input(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is not self or not self.echo or not self.is_attached:
            return
        value = self.meaning()
        shown = ""
        if isinstance(value, dt.datetime):
            shown = f"= {day_and_date(value.date())} {value.strftime('%H:%M')}"
        elif value is not None:
            shown = f"= {day_and_date(value)}"
        for echo in self.screen.query(f"#{self.echo}"):
            echo.update(shown)  # type: ignore[attr-defined]
            echo.display = bool(shown)

    def _on_blur(self, event: events.Blur) -> None:
        if (written := self.meant()) is not None:
            self.value = written
            self.cursor_position = len(written)
        super()._on_blur(event)


class CheckBox(Checkbox):
    """A yes/no box that shows X when ticked and a blank when not, with Yes or No beside it.

    Textual's Checkbox draws an X either way and tells them apart by colour only, which
    vanishes under NO_COLOR. Space (or Enter) toggles it.
    """

    def __init__(self, value: bool = False, **kwargs: Any) -> None:
        super().__init__(self._word(value), value, **kwargs)

    @staticmethod
    def _word(value: bool) -> str:
        return _("Yes") if value else _("No")

    def watch_value(self) -> None:
        super().watch_value()
        if hasattr(self, "_label"):  # not while Checkbox.__init__ sets the first value
            self.label = self._word(self.value)

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button
