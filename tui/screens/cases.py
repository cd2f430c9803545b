"""The cases list: every case, filtered as you type, sorted by any column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from store.database import CaseRow
from store.i18n import N_, _, format_date
from store.text import fold
from store.vocab import Stage, Urgency, label
from tui.translate import TranslatedBindings
from tui.widgets import RecordTable

if TYPE_CHECKING:
    from tui.app import PulangApp

_STAGE_ORDER = {stage.value: n for n, stage in enumerate(Stage)}


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int
    sort_key: Callable[[CaseRow], Any]


def _columns(title_width: int) -> list[Column]:
    far = dt.date.max
    return [
        Column("ref", N_("Reference"), 12, lambda r: r.ref),
        Column("title", N_("Title"), title_width, lambda r: fold(r.title)),
        Column("dest", N_("Destination"), 11, lambda r: (r.destination_country,
                                                          fold(r.destination_place))),
        Column("stage", N_("Stage"), 11, lambda r: _STAGE_ORDER.get(r.stage, 99)),
        Column("workers", N_("Wkr"), 3, lambda r: r.workers),
        Column("due", N_("Next due"), 11, lambda r: r.next_due or far),
    ]


_FIXED = 12 + 11 + 11 + 3 + 11
_PADDING = 2 * 6 + 1  # a space each side of six columns, and room for a scrollbar


class CasesScreen(TranslatedBindings, Screen[None]):
    BINDINGS = [
        # priority: handled before keys typed right after it are routed to the table
        Binding("slash", "filter", N_("Filter"), id="cases.filter", priority=True),
        Binding("n", "new_case", N_("New case"), id="cases.new"),
        Binding("s", "next_sort", N_("Sort"), id="cases.sort"),
        Binding("S", "reverse_sort", N_("Reverse"), show=False, id="cases.reverse"),
        Binding("f1", "app.help", N_("Help"), id="cases.help"),
    ]
    HELP = N_(
        "All cases, most pressing next step first. Type / and part of a reference, a title, a "
        "place or any spelling of a worker's name to narrow the list; Escape clears the filter. "
        "Enter opens the case under the cursor, n starts a new case. s sorts by the next "
        "column, S reverses the order. Ctrl+P finds any command, including going straight to "
        "a case by its reference."
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CaseRow] = []
        self.sort_index = 5
        self.sort_reverse = False
        self.query_text = ""

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder=_("/ to filter by reference, title, place or name"),
            id="filter",
            # Selecting on focus would swallow keys typed ahead over a slow link.
            select_on_focus=False,
        )
        yield RecordTable(enter_label=_("Open"), id="cases")
        yield Static("", id="cases-status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Cases")
        self.reload()
        self.set_focus(self.query_one(RecordTable))

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        self.render_table()

    def reload(self) -> None:
        self.rows = self.pulang.db.case_rows()
        self.render_table()

    def visible_rows(self) -> list[CaseRow]:
        words = fold(self.query_text).split()
        rows = [r for r in self.rows if all(w in r.search_text for w in words)]
        column = self.columns()[self.sort_index]
        return sorted(rows, key=column.sort_key, reverse=self.sort_reverse)

    def columns(self) -> list[Column]:
        title_width = max(12, self.size.width - _FIXED - _PADDING)
        return _columns(title_width)

    def render_table(self) -> None:
        table = self.query_one(RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        for n, column in enumerate(self.columns()):
            heading = _(column.title)
            if n == self.sort_index:
                heading += " ▼" if self.sort_reverse else " ▲"
            table.add_column(heading, key=column.key, width=column.width)
        today = dt.date.today()
        rows = self.visible_rows()
        for row in rows:
            due = Text(format_date(row.next_due))
            if row.next_due is not None and row.next_due < today:
                due.stylize("bold reverse")
            title = Text(row.title, overflow="ellipsis", no_wrap=True)
            if row.urgency in (Urgency.CRITICAL, Urgency.HIGH):
                title.stylize("bold")
            table.add_row(
                row.ref,
                title,
                Text(f"{row.destination_country} {row.destination_place}", no_wrap=True,
                     overflow="ellipsis"),
                Text(label(Stage(row.stage)) if row.stage in _STAGE_ORDER else row.stage,
                     no_wrap=True, overflow="ellipsis"),
                str(row.workers),
                due,
                key=row.id,
            )
        table.move_to_key(keep)
        shown, total = len(rows), len(self.rows)
        if total == 0:
            status = _("No cases yet. Press n to record the first one.")
        elif self.query_text.strip():
            status = _("{shown} of {total} cases match “{text}”. Escape clears the filter.").format(
                shown=shown, total=total, text=self.query_text.strip()
            )
        else:
            status = _("{total} cases. Overdue dates are highlighted.").format(total=total)
        self.query_one("#cases-status", Static).update(status)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.render_table()

    def on_key(self, event: Any) -> None:
        filter_input = self.query_one("#filter", Input)
        if event.key == "escape" and (filter_input.has_focus or self.query_text):
            event.stop()
            filter_input.value = ""
            self.set_focus(self.query_one(RecordTable))
        elif event.key == "down" and filter_input.has_focus:
            event.stop()
            self.set_focus(self.query_one(RecordTable))

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#filter", Input))

    def action_new_case(self) -> None:
        self.pulang.new_case()

    @on(RecordTable.RowSelected)
    def _row_selected(self, event: RecordTable.RowSelected) -> None:
        if event.row_key.value:
            self.pulang.open_case(event.row_key.value)

    @on(Input.Submitted, "#filter")
    def action_open_case(self) -> None:
        """Enter in the filter opens the first (or highlighted) match."""
        typed = self.query_one("#filter", Input).value
        if typed != self.query_text:
            self.query_text = typed
            self.render_table()
        key = self.query_one(RecordTable).current_key
        if key:
            self.pulang.open_case(key)

    def action_next_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(self.columns())
        self.sort_reverse = False
        self.render_table()

    def action_reverse_sort(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.render_table()
