"""The dashboard shown twice counts once (store/exchange/report_stored.py): back on Today and
to the dashboard again, with nothing saved between, no table is read; after a save, the
figures shown are the new ones."""

from __future__ import annotations

import pytest

from store.db.database import Database
from store.domain.records import Case, build
from store.exchange import report_stored
from tests.ui_helpers import until
from tui.app import PulangApp
from tui.screens.dashboard import DashboardScreen
from tui.screens.today import TodayScreen


async def test_the_dashboard_shown_again_counts_nothing(demo_db: Database,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    read: list[str] = []
    docs = report_stored.Stored.docs

    def counted(self: report_stored.Stored, table: str) -> list[dict[str, object]]:
        read.append(table)
        return docs(self, table)

    monkeypatch.setattr(report_stored.Stored, "docs", counted)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.screen.view)
        await pilot.press("6")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and app.screen.figures is not None)
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen) and dashboard.figures is not None
        cases = dashboard.figures.cases
        assert "cases" in read
        read.clear()
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        dashboard.figures = None
        await pilot.press("6")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and app.screen.figures is not None)
        assert read == []

        demo_db.save_case(build(Case, {"title": "Counted after", "destination_country": "MY",
                                       "date_reported": "01/05/2026"}))
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        await pilot.press("6")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and app.screen.figures is not None
                    and app.screen.figures.cases == cases + 1)
        assert "cases" in read
