"""Today drawn before the records are read (issue 36): from the items the store keeps with
the snapshot, the same lines the records give once they are in, and a case opened from it."""

from __future__ import annotations

from pathlib import Path

from store.exchange.demo import write_demo
from tests.ui_helpers import screen_text, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.today import TodayList, TodayScreen


def lines(screen: TodayScreen) -> list[str]:
    """Today's lines but for the family inquiries' matches, which only the records can give
    (worked out against every worker): drawn early, they come once the records are read."""
    listing = screen.query_one(TodayList)
    found = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    return [line for line in found
            if not line.startswith("Family inquiries") and "sought by" not in line]


async def test_today_is_drawn_from_the_stored_items_then_stays_as_it_was(db_path: Path) -> None:
    write_demo(db_path).close()
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen)
                    and app.screen.view is not None)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert screen.drawn_early
        early = lines(screen)
        assert "overdue" in screen_text(app) and "KH-2026-0001" in "\n".join(early)
        await until(pilot, lambda: app.db is not None and bool(screen.waiting))
        await pilot.pause(0.3)
        assert lines(screen) == early  # the records say the same
        # Enter on a line opens its case.
        screen.query_one(TodayList).focus()
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
