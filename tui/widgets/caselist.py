"""The cases list: a virtual list that draws only the rows on screen (Textual's Line API).

Textual's DataTable builds every row up front: seconds at ten thousand cases. This list keeps the
rows as light tuples and renders the twenty or so that fit; filtering and sorting work on those
tuples, never on widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store import N_, clock
from store.domain import CaseRow, printable
from tui.translate import TranslatedBindings
from tui.widgets.cells import cut_cells

if TYPE_CHECKING:
    from store.db import CaseMatches


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int
    sort_key: Callable[[CaseRow], Any]
    text: Callable[[CaseRow], str]


def typed_rows(rows: list[CaseRow], query: str) -> list[CaseRow]:
    """The rows whose text holds every word of the folded `query` as typed (all of them when
    it is empty), in their order: the filter's first, immediate part."""
    words = query.split()
    if len(words) == 1:  # the common case, kept to one test a row
        word = words[0]
        return [r for r in rows if word in r.search_text]
    if words:
        return [r for r in rows if all(w in r.search_text for w in words)]
    return list(rows)


def with_names(rows: list[CaseRow], typed: list[CaseRow], matches: CaseMatches,
               positions: dict[str, int]) -> list[CaseRow]:
    """The filter's rows once the workers' search has answered: the cases found by a worker's
    name first, best first, then the other rows found as typed, in their order (`positions`:
    each row's place in `rows`)."""
    from store.db import rows_found

    return [*rows_found(rows, matches, positions), *(r for r in typed if r.id not in matches)]


def fit(text: str, width: int) -> str:
    """`text` cut (with …) or padded to exactly `width` terminal cells, any control character
    in it shown as � (a row is a record's text, as the file holds it)."""
    # Measure no more than can show: a title may be thousands of characters long.
    text = printable(text, limit=4 * width + 8)
    if cell_len(text) > width:
        return cut_cells(text, width - 1) + "…"
    return cut_cells(text, width)


class CaseList(TranslatedBindings, ScrollView, can_focus=True):
    """Rows of cases with a cursor; Enter posts `CaseList.Chosen`, a move of the cursor
    `CaseList.Moved`."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", N_("Up"), show=False, id="list.up"),
        Binding("down,j", "cursor(1)", N_("Down"), show=False, id="list.down"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="list.page_up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="list.page_down"),
        Binding("home,g", "first", N_("First"), show=False, id="list.first"),
        Binding("end,G", "last", N_("Last"), show=False, id="list.last"),
        Binding("enter", "choose", N_("Open"), id="list.open"),
    ]
    DEFAULT_CSS = """
    CaseList { scrollbar-size-vertical: 1; }
    """

    class Chosen(Message):
        def __init__(self, case_id: str) -> None:
            super().__init__()
            self.case_id = case_id

    class Moved(Message):
        """The cursor went to another row (its case: `CaseList.current`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows: Sequence[CaseRow] = ()
        self.columns: list[Column] = []
        self.cursor = 0
        self.today = clock.today()

    def show(self, rows: Sequence[CaseRow], columns: list[Column], keep: str | None = None) -> None:
        """Show these rows; the cursor stays on case `keep` if it is still there."""
        self.rows = rows
        self.columns = columns
        self.today = clock.today()
        if keep is not None:
            for n, row in enumerate(rows):
                if row.id == keep:
                    self.cursor = n
                    break
            else:
                self.cursor = 0
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        width = sum(c.width + 2 for c in columns)
        self.virtual_size = Size(width, len(rows))
        self._follow_cursor()
        self.refresh()

    @property
    def current(self) -> CaseRow | None:
        return self.rows[self.cursor] if self.rows else None

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        base = self.rich_style
        if index >= len(self.rows):
            return Strip([Segment(" " * width, base)], width)
        row = self.rows[index]
        selected = index == self.cursor
        style = base + Style(reverse=True) if selected and self.has_focus else base
        if selected and not self.has_focus:
            style += Style(underline=True)
        segments = []
        # A case a sync left changed at two sites: its title marked until someone decides.
        marked = row.id in getattr(self.app, "sync_conflicts", ())
        for column in self.columns:
            cell_style = style
            if column.key == "title" and row.urgency in ("high", "critical"):
                cell_style += Style(bold=True)
            if column.key == "due" and row.next_due is not None and row.next_due < self.today:
                cell_style += Style(bold=True, reverse=not (selected and self.has_focus))
            text = column.text(row)
            if marked and column.key == "title":
                text = "⚠ " + text
            segments.append(Segment(" " + fit(text, column.width) + " ", cell_style))
        used = sum(c.width + 2 for c in self.columns)
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return Strip(segments).crop(self.scroll_offset.x, self.scroll_offset.x + width)

    # -- moving ----------------------------------------------------------------------------

    def _follow_cursor(self) -> None:
        top = self.scroll_offset.y
        height = max(1, self.size.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _move(self, index: int) -> None:
        if not self.rows:
            return
        before = self.cursor
        self.cursor = max(0, min(index, len(self.rows) - 1))
        self._follow_cursor()
        self.refresh()
        if self.cursor != before:
            self.post_message(self.Moved())

    def action_cursor(self, step: int) -> None:
        self._move(self.cursor + step)

    def action_page(self, pages: int) -> None:
        self._move(self.cursor + pages * max(1, self.size.height - 1))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self.rows) - 1)

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current.id))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
