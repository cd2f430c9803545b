"""Tables of records, and the text of their rows: a record's text cut to a cell, a log entry's
kind with its direction, a page's line indented under its section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from store import N_, _
from store.domain import Direction, LogKind, label, printable
from tui.translate import TranslatedBindings

if TYPE_CHECKING:
    from store.domain import LogEntry


def cell(text: str, limit: int = 400) -> Text:
    """Record text for one line of a table: printable, never read as markup, cut short."""
    return Text(printable(text, limit=limit), no_wrap=True, overflow="ellipsis", end="")


# Which way a log entry went, in front of its kind in lists: sent to the counterpart, received
# from them, or not known (kept from before Pulang asked; the officer says which on editing).
DIRECTION_MARKS = {Direction.SENT: "→", Direction.RECEIVED: "←", None: "?"}


def log_kind(entry: LogEntry) -> str:
    """An entry's kind with its direction, compact: "→ call", "← message", "? meeting"; a
    note goes neither way and has no mark."""
    if entry.kind is LogKind.NOTE:
        return label(entry.kind)
    return f"{DIRECTION_MARKS[entry.direction]} {label(entry.kind)}"


def direction_words(entry: LogEntry) -> str:
    """The same in words, for a line with room: "sent", "received", "sent or received?"."""
    if entry.kind is LogKind.NOTE:
        return ""
    return label(entry.direction) if entry.direction else _("sent or received?")


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


def indented(text: Text) -> Padding:
    """A line of a record's page under its section's title, indented as a block: its
    wrapped lines too, not only the first."""
    return Padding(text, (0, 0, 0, 2))
