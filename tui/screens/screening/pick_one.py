"""Pick one value from a list over the screening page (one of the recruitment's choices, a
status, who decided); the highlighted option starts with ›, not only a colour.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from store import N_, _
from tui.screens.screening.picker import Picker
from tui.screens.screening.rows import POINTER
from tui.translate import TranslatedBindings


class PointedOptionList(OptionList):
    """An option list whose highlighted option starts with ›, not only a colour."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return strip
        if index != self.highlighted or offset or strip.cell_length < 2:
            return strip
        style = next(iter(strip)).style
        return Strip([Segment(POINTER, style), *strip.crop(1)], strip.cell_length)


class PickOne(TranslatedBindings, Picker):
    """Pick one value from a list: Enter picks it (as a 1-tuple), Escape leaves it as it was
    (None)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="pick.cancel")]

    def __init__(self, title: str, options: list[tuple[str, Any]], current: Any) -> None:
        super().__init__()
        self.picker_title = title
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker"):
            yield Label(self.picker_title, classes="picker-title", markup=False)
            yield PointedOptionList(*[Option(Content("  " + text))
                                      for text, _value in self.options],
                                    id="pick-list", markup=False, compact=True)
            yield Label(_("Enter picks · Escape leaves it as it was"), classes="picker-hint",
                        markup=False)

    def on_mount(self) -> None:
        listing = self.query_one("#pick-list", OptionList)
        values = [value for _text, value in self.options]
        listing.highlighted = values.index(self.current) if self.current in values else 0
        self.set_focus(listing)

    @on(OptionList.OptionSelected, "#pick-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss((self.options[event.option_index][1],))

    def action_cancel(self) -> None:
        self.dismiss(None)
