"""The dashboard (key 6): the figures of `pulang report`, drawn.

First what a coordinator asks first: how many cases and workers, and how long the road home
takes (the median days from report to return, with the number of returns it rests on). Then
the new cases per month as a column chart, and cases by stage, workers by step on the road home,
by destination country and by origin province as bars. Every bar carries its number, so it reads
the same in monochrome (`NO_COLOR`), and the figures are counts only: the same rules as the
report (`store/exchange/report.py`), which keeps small provinces from pointing at a person.
After the road home, the money in the cases (claimed, awarded, recovered, ransom paid, owed:
per currency, as the language writes a sum, never converted) and the workers by legal status,
a count below the report's small-number threshold reading "fewer than 5"
(`store/exchange/report_legal.py`).

The figures are computed in a thread; a change by another officer recomputes them. What is
counted is kept until a table it reads changes (store/exchange/report_stored.py): the dashboard
shown again counts nothing.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from store import N_, DatabaseLocked, PulangError, _, format_date, format_number, month_abbr
from store.domain import printable
from tui.data_changed import DataChanged, follow_data_changes
from tui.store_work import run_store
from tui.translate import TranslatedBindings
from tui.widgets.chart import bars, column_step, columns

if TYPE_CHECKING:
    from store.exchange import Figures
    from tui.app import PulangApp

_CHART_HEIGHT = 6  # lines of the tallest column


class DashboardScreen(TranslatedBindings, Screen[None]):
    NAVIGATION_KEYS = True  # 1-6 go to the other top screens
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="dashboard.back"),
        Binding("f1", "app.help", N_("Help"), id="dashboard.help"),
    ]
    HELP = N_(
        "Dashboard: how many cases and workers there are, the median days from a case's "
        "report to a worker's return home (with how many returns it is based on), new cases "
        "per month over the last twelve months, cases by stage, workers by their step on the "
        "road home, the money in the cases per currency (claimed, awarded, recovered, ransom "
        "paid, owed; never converted), workers by legal status (a count below five reads "
        "\"fewer than 5\"), by destination country and by origin province (provinces with few "
        "workers are merged into \"other\", so that no one can be pointed at). Counts and "
        "totals only: no name. "
        "Up, Down, Page Up and Page Down scroll; Escape goes back to Today. The same figures "
        "for scripts: pulang report. 1 Today, 2 cases, 3 people and organisations, "
        "4 meetings, 5 agreements, 6 dashboard."
    )

    def __init__(self) -> None:
        super().__init__()
        self.figures: Figures | None = None

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard-scroll", can_focus=True):
            yield Static(_("Counting…"), id="dashboard", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        follow_data_changes(self, self.others_changed)
        self.title = _("Dashboard")
        self.query_one("#dashboard-scroll").focus()
        self.pulang.when_loaded(self.reload)

    def on_screen_resume(self) -> None:
        if self.pulang.db is not None:
            self.reload()

    def others_changed(self, change: DataChanged) -> None:
        if self is self.app.screen:
            self.reload()

    def on_resize(self) -> None:
        if self.figures is not None:
            self.render_figures()

    def action_back(self) -> None:
        self.pulang.show_today()

    def reload(self) -> None:
        from store.exchange import figures

        db = self.pulang.db
        if db is None or db.locked:
            return
        run_store(self, partial(figures, db), self._computed, self._not_computed,
                  group="dashboard", exclusive=True)

    def _not_computed(self, error: PulangError) -> None:
        if isinstance(error, DatabaseLocked):
            return  # locked meanwhile: this screen is on its way out
        self.query_one("#dashboard", Static).update(printable(str(error)))

    def _computed(self, result: Figures) -> None:
        if self.is_attached:
            self.figures = result
            self.render_figures()

    def render_figures(self) -> None:
        assert self.figures is not None
        scroll = self.query_one("#dashboard-scroll", VerticalScroll)
        width = max(30, (scroll.scrollable_content_region.width or self.size.width) - 2)
        self.query_one("#dashboard", Static).update("\n".join(dashboard_lines(self.figures,
                                                                              width)))


def dashboard_lines(figures: Figures, width: int) -> list[str]:
    """The dashboard as plain lines no wider than `width`, in the user's language."""
    import datetime as dt

    from store.domain import Stage, country_name, label
    from store.exchange import headings, province_label, step_label

    head = headings(figures.min_province_count)
    today = dt.date.fromisoformat(figures.today)
    lines = [_("{cases} cases, {workers} workers, on {date}").format(
        cases=figures.cases, workers=figures.workers, date=format_date(today))]
    if figures.median_days_to_return is None:
        lines.append(_("Days from report to return: no dated return yet"))
    else:
        lines.append(_("Days from report to return: median {days}, from {count} returns").format(
            days=format_number(figures.median_days_to_return), count=figures.returns))
    if figures.returns_without_date:
        lines.append(_("{count} returns have no date recorded and are not counted")
                     .format(count=figures.returns_without_date))

    months = list(figures.new_cases_by_month)
    room = column_step(len(months), width) - 1  # a label's cells, a gap left between
    month_labels = []
    # The language's short month names (CLDR: "Sept", "ທ.ວ.", "វិច្ឆិកា") where every one
    # fits its column; else the months' numbers: 12, 1, 2...
    names = {month: month_abbr(month) for month in range(1, 13)}
    named = all(cell_len(name) <= room for name in names.values())
    for n, key in enumerate(months):
        year, month = (int(part) for part in key.split("-"))
        name = names[month] if named else str(month)
        if room < 2 and n % 3:
            name = ""  # very narrow: every third month
        shown_year = str(year) if room >= 4 else f"{year % 100:02d}"
        month_labels.append((name, shown_year if n == 0 or (month == 1 and room >= 2) else ""))
    lines += ["", head["new_cases_by_month"]]
    lines += columns(list(figures.new_cases_by_month.values()), month_labels, width,
                     _CHART_HEIGHT)

    def block(heading: str, rows: list[tuple[str, int]]) -> None:
        lines.extend(["", heading])
        lines.extend(bars(rows, width) if rows else [_("nothing recorded")])

    block(head["cases_by_stage"],
          [(label(Stage(key)), value) for key, value in figures.cases_by_stage.items()])
    block(head["workers_by_step"],
          [(step_label(key), value) for key, value in figures.workers_by_step.items() if value])
    lines += money_and_legal_lines(figures, width)
    block(head["workers_by_destination"],
          [(country_name(key) or key, value)
           for key, value in figures.workers_by_destination.items()])
    block(head["workers_by_province"],
          [(province_label(key), value) for key, value in figures.workers_by_province.items()])
    return lines


def _cut(text: str, width: int) -> str:
    out = ""
    for char in text:
        if cell_len(out + char) > width:
            break
        out += char
    return out


def _rows(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Label and value lines no wider than `width`: the values in a column after the labels,
    a value too long for its line going on under it, at the same place."""
    label_width = min(max((cell_len(name) for name, _value in rows), default=0), width // 2)
    lines = []
    for name, value in rows:
        name = printable(name)
        if cell_len(name) > label_width:  # on a line of its own, the value under it
            lines.append(_cut(name, width))
            name = ""
        line = name + " " * (label_width - cell_len(name) + 2)
        room = max(8, width - label_width - 2)
        for part in value.split(" · "):
            if cell_len(line.rstrip()) > label_width + 2 and cell_len(line) + 3 + cell_len(
                    part) > width:
                lines.append(line.rstrip())
                line = " " * (label_width + 2)
            elif cell_len(line.rstrip()) > label_width + 2:
                line += " · "
            line += _cut(part, room)
        lines.append(line.rstrip())
    return lines


def money_and_legal_lines(figures: Figures, width: int) -> list[str]:
    """The money totals per currency and the workers by legal status, as lines."""
    from store.exchange import (
        LEGAL_KEYS,
        count_text,
        legal_heading,
        legal_label,
        money_heading,
        money_rows,
    )

    lines = ["", money_heading()]
    money = money_rows(figures.money)
    lines += _rows(money, width) if money else [_("nothing recorded")]
    lines += ["", legal_heading()]
    lines += _rows([(legal_label(key), count_text(figures.legal[key],
                                                  figures.min_province_count))
                    for key in LEGAL_KEYS if key in figures.legal], width)
    return lines
