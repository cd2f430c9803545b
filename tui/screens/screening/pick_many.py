"""Tick any number of values in a list over the screening page (the means of control); the
highlighted item starts with ›, not only a colour.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Label, OptionList

from store import N_, _
from tui.screens.screening.picker import Picker
from tui.screens.screening.rows import POINTER
from tui.translate import TranslatedBindings
from tui.widgets import ChoiceList


class PointedChoiceList(ChoiceList):
    """A list of ticks whose highlighted item starts with ›, not only a colour; Enter keeps
    the ticks (handled, like Space, in the order the keys came)."""

    BINDINGS = [Binding("enter", "screen.keep", show=False)]

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Tick the item Space was pressed on: by now the cursor may have moved on (Textual
        # ticks the one under the cursor when it gets round to it).
        event.stop()
        event.prevent_default()  # instead of SelectionList's own, not as well as
        self.toggle(self.get_option_at_index(event.option_index))

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if (self.scroll_offset.y + y != self.highlighted or len(segments) < 3):
            return strip
        segments[0] = Segment(POINTER, segments[0].style)
        return Strip(segments, strip.cell_length)


class PickMany(TranslatedBindings, Picker):
    """Tick any number of values: Space ticks, Enter keeps, Escape leaves them as they were."""

    BINDINGS = [
        Binding("enter", "keep", N_("Keep"), id="pick.keep"),
        Binding("escape", "cancel", N_("Cancel"), id="pick.cancel_many"),
    ]

    def __init__(self, title: str, options: list[tuple[str, Any]], chosen: list[Any]) -> None:
        super().__init__()
        self.picker_title = title
        self.options = options
        self.chosen = set(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker"):
            yield Label(self.picker_title, classes="picker-title", markup=False)
            yield PointedChoiceList(*[(Content(text), value, value in self.chosen)
                                      for text, value in self.options],
                                    id="pick-many", compact=True)
            yield Label(_("Space ticks · Enter keeps · Escape leaves them as they were"),
                        classes="picker-hint", markup=False)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#pick-many", ChoiceList))

    def action_keep(self) -> None:
        # After the ticks of the Spaces before it, which the list makes a moment later.
        self.query_one("#pick-many", ChoiceList).call_later(self._keep)

    def _keep(self) -> None:
        ticked = set(self.query_one("#pick-many", ChoiceList).selected)
        self.dismiss([value for _text, value in self.options if value in ticked])

    def action_cancel(self) -> None:
        self.dismiss(None)
