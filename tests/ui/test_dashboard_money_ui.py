"""The dashboard at 80×24 on the demo, in English and Indonesian: below the road home, the money
claimed and recovered per currency, each sum as the language writes it (never converted), and
the workers by legal status, those fewer than five reading so; reached with the keyboard."""

from __future__ import annotations

import pytest

from store.common.i18n import _, format_money, set_language
from store.db.database import Database
from tests.ui_helpers import screen_text, until
from tui.app import PulangApp
from tui.screens.dashboard import DashboardScreen
from tui.screens.today import TodayScreen


def _line(lines: list[str], start: str) -> str:
    return next(line.rstrip() for line in lines if line.startswith(start))


@pytest.mark.parametrize("language", ["en", "id"])
async def test_the_dashboard_shows_money_per_currency_and_legal_counts(
        demo_db: Database, language: str) -> None:
    set_language(language)  # the fixture sets English back afterwards
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.screen.view)
        await pilot.press("6")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and app.screen.figures is not None)
        money = _("Money in the cases, per currency (not converted)")
        hearing = _("hearing in next {days} days").format(days=30)
        for _n in range(60):  # down, a line at a time, until both parts are on the screen
            lines = [line.rstrip() for line in screen_text(app).splitlines()]
            if money in lines and _("Workers by legal status") in lines and any(
                    line.startswith(hearing) for line in lines):
                break
            await pilot.press("down")
            await pilot.pause()
        else:
            pytest.fail("the money and legal figures never showed")
        assert all(len(line) <= 80 for line in lines)
        claimed = _line(lines, _("claimed"))
        assert format_money("60000000", "IDR") in claimed
        assert format_money("1200", "USD") in claimed
        assert claimed.index("IDR" if language == "en" else "Rp") < claimed.index("US$")
        recovered = _line(lines, _("recovered"))
        assert format_money("10000000", "IDR") in recovered and "US$" not in recovered
        assert format_money("1500", "USD") in _line(lines, _("ransom paid"))
        fewer = _("fewer than {count}").format(count=5)
        assert _line(lines, _("facing a charge")).endswith(fewer)  # Rizky and Bayu: two
        assert _line(lines, _("detained now")).split()[-1] == "0"  # Dewi was released
        assert _line(lines, hearing).endswith(fewer)
        # Nothing of a person: no name of the demo's workers shows on the dashboard.
        for case in demo_db.cases():
            for worker in demo_db.workers_of(case.id):
                assert worker.full_name not in screen_text(app)
