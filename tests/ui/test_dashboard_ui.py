"""The dashboard (key 6) at 80×24 in monochrome: the chart of new cases per month shows, for
each of the last twelve months, the number a test counts from the cases themselves, with a
column as tall as that number asks; the other figures follow as labelled bars."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from store.common.i18n import _, month_abbr
from store.db.database import Database
from tests.ui_helpers import screen_text, until
from tui.app import PulangApp
from tui.dialogs.help import HelpScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.today import TodayScreen
from tui.widgets.chart import FULL, UPPER


def _last_twelve_months(today: dt.date) -> list[tuple[int, int]]:
    months = []
    year, month = today.year, today.month
    for _n in range(12):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


async def test_the_dashboard_draws_new_cases_per_month_legibly_without_colour(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    today = dt.date.today()
    reported = Counter((c.date_reported.year, c.date_reported.month) for c in demo_db.cases())
    expected = [reported[m] for m in _last_twelve_months(today)]
    assert sum(expected) >= 2  # the demo has cases in the last year to draw
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.screen.view)
        await pilot.press("6")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and app.screen.figures is not None)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        workers = sum(len(demo_db.workers_of(c.id)) for c in demo_db.cases())
        assert lines[1].startswith(_("{cases} cases, {workers} workers, on {date}").format(
            cases=len(demo_db.cases()), workers=workers, date="")[:-1])
        top = next(i for i, line in enumerate(lines) if line.strip() == _("New cases per month"))
        base = next(i for i, line in enumerate(lines) if i > top and line.startswith("────"))
        label_line = lines[base + 1]
        shown = label_line.split()
        assert shown == [month_abbr(m) for _y, m in _last_twelve_months(today)]
        assert str(_last_twelve_months(today)[0][0]) in lines[base + 2]  # the first year
        position = 0
        tallest = max(expected)
        for abbr, count in zip(shown, expected):
            x = label_line.index(abbr, position) + 1
            position = x + 1
            column = [line[x] if x < len(line) else " " for line in lines[top + 1:base]]
            eighths = sum(8 if c == FULL else UPPER.index(c) if c in UPPER[1:] else 0
                          for c in column)
            assert eighths == round(count * 6 * 8 / tallest)  # six lines for the tallest
            drawn = [i for i, c in enumerate(column) if c != " " and not c.isdigit()]
            number_line = lines[top + 1 + (drawn[0] if drawn else base - top - 1) - 1]
            assert number_line[x - 2:x + 3].strip() == str(count)
        # The other figures below, reached with the keyboard.
        await pilot.press("end")
        await pilot.pause()
        assert _("Workers by destination country") in screen_text(app)
        assert _("New cases per month") not in screen_text(app)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "pulang report" in screen_text(app)
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
