"""Widgets shared by several screens."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import DataTable, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from store.i18n import N_
from tui.translate import TranslatedBindings


class RecordTable(TranslatedBindings, DataTable[str]):
    """A table of records, one row each, moved through with arrows or j/k and g/G."""

    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="table.down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="table.up"),
        Binding("g", "scroll_top", N_("First"), show=False, id="table.first"),
        Binding("G", "scroll_bottom", N_("Last"), show=False, id="table.last"),
    ]

    def __init__(self, enter_label: str = "", **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        if enter_label:
            # Show what Enter does on this table in the footer (DataTable hides its binding).
            bindings = self._bindings.key_to_bindings  # noqa: SLF001
            bindings["enter"] = [
                Binding("enter", "select_cursor", enter_label, id="table.select")
            ]

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor (a record id), if any."""
        if self.row_count == 0:
            return None
        row_key, _column = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def move_to_key(self, key: str | None) -> None:
        if key is None:
            return
        try:
            self.move_cursor(row=self.get_row_index(key))
        except Exception:  # noqa: BLE001 - the row may be gone after a filter
            pass


class ChoiceList(SelectionList[Any]):
    """A list of choices whose ticked items show an X and unticked ones a blank.

    Textual's SelectionList draws an X in every box and tells them apart by colour only, which
    vanishes under NO_COLOR or on a monochrome terminal.
    """

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 3:
            return strip
        inner = segments[1]
        mark = "X" if selection.value in self.selected else " "
        segments[1] = Segment(mark, inner.style, inner.control)
        return Strip(segments, strip.cell_length)
