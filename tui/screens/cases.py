"""The cases list: every case, filtered as you type, sorted by any column.

The filter keeps the cases whose reference, title, place, tags or workers' names hold what is
typed (folded), at once; then, a moment later (in a thread: the store's workers' search,
`Database.worker_cases`), it adds the cases with a worker whose name it finds spelt another way,
and lists the cases found by a name first, best first. The line under the list says which
worker, and by which spelling, the case under the cursor was found.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from store import N_, DatabaseLocked, PulangError, _, format_date, name_sort_key
from store.domain import CaseRow, Stage, fold, label, printable, reason_text, shorten
from tui import perf
from tui.data_changed import DataChanged, follow_data_changes
from tui.screens.intake.start import IntakeKey
from tui.store_work import run_store
from tui.translate import TranslatedBindings, date_cells
from tui.widgets import TextInput
from tui.widgets.caselist import CaseList, Column, fit, typed_rows, with_names

if TYPE_CHECKING:
    from store.db import CaseMatches
    from tui.app import PulangApp

_STAGE_ORDER = {stage.value: n for n, stage in enumerate(Stage)}


def _stage_name(stage: str) -> str:
    return label(Stage(stage)) if stage in _STAGE_ORDER else stage


def _stage_label(row: CaseRow) -> str:
    """The stage; a case closed with a reason says why (cut to the column's width)."""
    if row.closed_reason and row.stage == Stage.CLOSED.value:
        return _("closed: {reason}").format(reason=reason_text(row.closed_reason))
    return _stage_name(row.stage)


_CLOSED_MOST = 28  # the cells a closed case's stage and reason may ask of the row


# Column order on screen; sorting goes through them in this order too.
_ORDER = ("ref", "title", "dest", "stage", "workers", "due")
# The least width each column is given (cells). The reference has none: it is never cut.
_LEAST = {"title": 18, "dest": 11, "stage": 11, "workers": 3, "due": 11}
# Columns shown only when there is room, dropped from the last as the terminal narrows
# (at 60 columns: reference, stage and next due).
_OPTIONAL = ("title", "dest", "workers")
# The most a destination asks for before the title gets the rest.
_DEST_MOST = 28
_SCROLLBAR = 1


def _dest_text(row: CaseRow) -> str:
    return f"{row.destination_country} {row.destination_place}"


def _all_columns(widths: dict[str, int]) -> dict[str, Column]:
    far = dt.date.max
    return {
        "ref": Column("ref", N_("Reference"), widths.get("ref", 0),
                      lambda r: r.ref, lambda r: r.ref),
        "title": Column("title", N_("Title"), widths.get("title", 0),
                        lambda r: name_sort_key(r.title), lambda r: r.title),
        "dest": Column("dest", N_("Destination"), widths.get("dest", 0),
                       lambda r: (r.destination_country, fold(r.destination_place)), _dest_text),
        "stage": Column("stage", N_("Stage"), widths.get("stage", 0),
                        lambda r: _STAGE_ORDER.get(r.stage, 99), _stage_label),
        # TRANSLATORS: the heading of a column 3 or 4 cells wide: how many workers.
        "workers": Column("workers", N_("Wkr"), widths.get("workers", 0),
                          lambda r: r.workers, lambda r: str(r.workers)),
        "due": Column("due", N_("Next due"), widths.get("due", 0),
                      lambda r: r.next_due or far, lambda r: format_date(r.next_due)),
    }


def layout(width: int, wants: dict[str, int]) -> dict[str, int]:
    """The width of each column shown in a list `width` cells wide (a space each side of
    every column, and the scrollbar): the reference as wide as the longest one; next due and
    stage always; then title, destination and the worker count while they fit. What is left
    goes in turn to the stage and the destination until their longest text fits, and to the
    title."""
    room = width - _SCROLLBAR
    widths = {"ref": wants["ref"], "stage": _LEAST["stage"],
              "due": wants.get("due", _LEAST["due"])}
    used = sum(w + 2 for w in widths.values())
    for key in _OPTIONAL:
        if used + _LEAST[key] + 2 > room:
            break
        widths[key] = _LEAST[key]
        used += _LEAST[key] + 2
    extra = room - used
    growing = [k for k in ("stage", "dest", "title") if k in widths]
    while extra > 0 and growing:
        for key in list(growing):
            if extra == 0:
                break
            if key != "title" and widths[key] >= wants[key]:
                growing.remove(key)
                continue
            widths[key] += 1
            extra -= 1
    return widths


class CasesScreen(IntakeKey, TranslatedBindings, Screen[None]):
    NAVIGATION_KEYS = True  # 1 (Today) and 2 (the cases list) leave this screen
    BINDINGS = [
        # priority: handled before keys typed right after it are routed to the list
        Binding("slash", "filter", N_("Filter"), id="cases.filter", priority=True),
        Binding("n", "new_case", N_("New case"), id="cases.new"),
        Binding("i", "intake", N_("Intake"), id="cases.intake"),
        Binding("s", "next_sort", N_("Sort"), id="cases.sort"),
        Binding("S", "reverse_sort", N_("Reverse"), show=False, id="cases.reverse"),
        Binding("1", "app.show_today", N_("Today"), id="cases.today"),
        Binding("f1", "app.help", N_("Help"), id="cases.help"),
    ]
    HELP = N_(
        "All cases, most pressing next step first. Type / and part of a reference, a title, a "
        "place or any spelling of a worker's name to narrow the list: a name spelt another way "
        "is found too (Rizki finds Rizky), and the cases found by a name come first, best "
        "first, the line under the list saying by which spelling. Escape clears the filter. "
        "Enter opens the case under the cursor, n starts a new case. s sorts by the next "
        "column, S reverses the order. 1 or t shows Today: what needs chasing across every "
        "open case. Ctrl+P finds any command, including going straight to a case by its "
        "reference."
    )

    def __init__(self) -> None:
        super().__init__()
        self.all_rows: list[CaseRow] = []  # every case, in the current sort order
        self.shown: list[CaseRow] = []  # those the filter lets through
        self.typed: list[CaseRow] = []  # those that hold what is typed, in the list's order
        self.positions: dict[str, int] = {}  # each case's place in all_rows
        self.matches: CaseMatches | None = None  # the cases found by a worker's name
        self.sort_key = "due"
        self.sort_reverse = False
        self.query_text = ""
        self._shown_for = ""
        self.loaded = False
        # How wide the longest reference, stage and destination are (see `layout`).
        self.wants = {"ref": 12, "stage": _LEAST["stage"], "dest": _LEAST["dest"]}

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextInput(  # a pasted control character shows as �
            placeholder=_("/ to filter by reference, title, place or name"),
            id="filter",
            # Selecting on focus would swallow keys typed ahead over a slow link.
            select_on_focus=False,
        )
        yield Static("", id="cases-header")
        yield CaseList(id="cases")
        yield Static("", id="cases-match", markup=False)
        yield Static(_("Opening the database…"), id="cases-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        follow_data_changes(self, self.others_changed)
        self.title = _("Cases")
        self.set_focus(self.query_one(CaseList))
        self.render_header()

    def on_screen_resume(self) -> None:
        if self.loaded:
            self.reload()
            self.pulang.mark_usable()

    def on_resize(self) -> None:
        self.render_header()
        self.render_list()

    # -- data ------------------------------------------------------------------------------

    def show_rows(self, rows: list[CaseRow]) -> None:
        """The data is here (first load, or after a change): sort once, filter, draw."""
        self.loaded = True
        self.query_one("#cases-status", Static).update("")
        self.wants = self._wants(rows)
        column = _all_columns({})[self.sort_key]
        self.all_rows = sorted(rows, key=column.sort_key, reverse=self.sort_reverse)
        self.positions = {row.id: n for n, row in enumerate(self.all_rows)}
        self._shown_for = None  # type: ignore[assignment]  # filter from scratch
        self.render_header()  # the columns' widths follow the rows'
        self.apply_filter()

    def others_changed(self, change: DataChanged) -> None:
        """Another officer changed the database: redraw now if this screen is in front (the
        cursor stays on its case); otherwise it reloads when it comes back."""
        if self is self.app.screen and self.loaded:
            self.show_rows(change.rows)

    def show_status(self, text: str) -> None:
        self.query_one("#cases-status", Static).update(text)

    def reload(self) -> None:
        db = self.pulang.db
        if db is not None and not db.locked and self.is_attached:
            self.show_rows(db.case_rows())

    def apply_filter(self) -> None:
        query = fold(self.query_text)
        previous = self._shown_for
        # Typing on narrows what is already shown; anything else starts from every case.
        source = self.typed if previous and query.startswith(previous) else self.all_rows
        self.typed = typed_rows(source, query)
        self.shown = list(self.typed)
        self.matches = None
        self._shown_for = query
        self.render_list()
        self._find_names()

    def _find_names(self) -> None:
        """Ask the store which cases have a worker whose name the filter finds spelt another
        way (in a thread: typing never waits for it); a newer question cancels this one."""
        db = self.pulang.db
        text = self.query_text
        if db is None or db.locked or not text.strip():
            return
        run_store(self, lambda: db.worker_cases(text), lambda found: self._names_found(
            text, found), self._names_not_found, group="cases-filter", exclusive=True)

    def _names_found(self, text: str, matches: CaseMatches) -> None:
        if text != self.query_text or not self.loaded or not matches:
            return  # typed on meanwhile (its own answer follows), or nothing to add
        self.matches = matches
        self.shown = with_names(self.all_rows, self.typed, matches, self.positions)
        self.render_list()
        if perf.enabled():
            self.call_after_refresh(perf.mark, "names_painted", rows=len(self.shown))

    def _names_not_found(self, error: PulangError) -> None:
        if not isinstance(error, DatabaseLocked):
            self.show_status(printable(str(error)))

    @staticmethod
    def _wants(rows: list[CaseRow]) -> dict[str, int]:
        """The width the longest reference, stage and destination of `rows` need."""
        refs = {len(r.ref) for r in rows}  # references are ASCII (records.REF_PATTERN)
        places = {(r.destination_country, r.destination_place) for r in rows}
        stages = {r.stage for r in rows}
        reasons = {r.closed_reason for r in rows if r.closed_reason}
        closed = [min(_CLOSED_MOST, cell_len(_("closed: {reason}").format(
            reason=reason_text(code)))) for code in reasons]
        return {
            "ref": max([cell_len(_("Reference")), *refs]),
            "stage": max([_LEAST["stage"], *(cell_len(_stage_name(s)) for s in stages),
                          *closed]),
            "dest": max([_LEAST["dest"], *(min(_DEST_MOST, cell_len(f"{c} {p}"))
                                           for c, p in places)]),
            # a date in this language ("12 ធ្នូ 2026" is wider than "12 Dec 2026"), at most
            # its heading's width more
            "due": max(_LEAST["due"], date_cells(), min(cell_len(_("Next due")), 16)),
        }

    def columns(self) -> list[Column]:
        """The columns shown at the screen's width, left to right (see `layout`)."""
        widths = layout(self.size.width, self.wants)
        every = _all_columns(widths)
        return [every[key] for key in _ORDER if key in widths]

    def render_header(self) -> None:
        cells = []
        for column in self.columns():
            heading = _(column.title)
            if column.key == self.sort_key:
                heading += " ▼" if self.sort_reverse else " ▲"
            cells.append(" " + fit(heading, column.width) + " ")
        self.query_one("#cases-header", Static).update("".join(cells))

    def render_list(self) -> None:
        case_list = self.query_one(CaseList)
        keep = case_list.current.id if case_list.current else None
        case_list.show(self.shown, self.columns(), keep)
        if not self.loaded:
            return
        shown, total = len(self.shown), len(self.all_rows)
        if total == 0:
            status = _("No cases yet. Press n to record the first one.")
        elif self.query_text.strip():
            status = _("{shown} of {total} cases match “{text}”. Escape clears the filter.").format(
                shown=shown, total=total, text=shorten(self.query_text.strip())
            )
        else:
            status = _("{total} cases. Overdue dates are highlighted.").format(total=total)
        self.query_one("#cases-status", Static).update(status)
        self.render_match()

    def render_match(self) -> None:
        """The line under the list: which worker of the case under the cursor the filter
        found by name, and by which spelling (hidden when there is none)."""
        from store.db import field_label

        line = self.query_one("#cases-match", Static)
        current = self.query_one(CaseList).current
        found = None
        if self.matches is not None and current is not None:
            found = self.matches.get(current.id)
        line.display = found is not None
        if found is None:
            return
        name, field = printable(found.name, limit=60), field_label(found.field)
        if found.spelling == found.name:
            # TRANSLATORS: the worker the filter found, by which field ("name"), the score.
            line.update(_("{name} ({field}, {score})").format(
                name=name, field=field, score=round(found.score)))
        else:
            # TRANSLATORS: the worker found, the spelling that matched, its field, the score.
            line.update(_("{name} ≈ “{spelling}” ({field}, {score})").format(
                name=name, spelling=printable(found.spelling, limit=60), field=field,
                score=round(found.score)))

    @on(CaseList.Moved)
    def _moved(self) -> None:
        self.render_match()

    # -- keys ------------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self.loaded:
            self.apply_filter()
            if perf.enabled():
                self.call_after_refresh(perf.mark, "filter_painted", rows=len(self.shown))

    def on_key(self, event: Any) -> None:
        filter_input = self.query_one("#filter", Input)
        if event.key == "escape" and (filter_input.has_focus or self.query_text):
            event.stop()
            filter_input.value = ""
            self.set_focus(self.query_one(CaseList))
        elif event.key == "down" and filter_input.has_focus:
            event.stop()
            self.set_focus(self.query_one(CaseList))

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#filter", Input))

    def action_new_case(self) -> None:
        self.pulang.when_loaded(self.pulang.new_case)

    @on(CaseList.Chosen)
    def _chosen(self, event: CaseList.Chosen) -> None:
        self.pulang.open_case(event.case_id)

    @on(Input.Submitted, "#filter")
    def action_open_case(self) -> None:
        """Enter in the filter opens the first (or highlighted) match."""
        def open_current() -> None:
            typed = self.query_one("#filter", Input).value
            if typed != self.query_text:
                self.query_text = typed
                self.apply_filter()
            current = self.query_one(CaseList).current
            if current is not None:
                self.pulang.open_case(current.id)

        self.pulang.when_loaded(open_current)

    def action_next_sort(self) -> None:
        shown = [c.key for c in self.columns()]
        after = _ORDER[_ORDER.index(self.sort_key) + 1:] + _ORDER
        self.sort_key = next(key for key in after if key in shown)
        self.sort_reverse = False
        self.render_header()
        self.show_rows(self.all_rows)

    def action_reverse_sort(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.render_header()
        self.show_rows(self.all_rows)
