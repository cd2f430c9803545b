"""Typing is never lost to the app: a burst of keys into a picker's filter, Ctrl+Q over
unsaved typing, and a crash report that still names where a worker failed."""

from __future__ import annotations

import pytest

from store.database import Database
from tests.test_meetings_ui import today_shown
from tests.test_typing_burst import send_at_once
from tests.ui_helpers import fill, focus, screen_text, until
from tui.app import PulangApp
from tui.screens.meetings import MeetingForm, MeetingsScreen
from tui.screens.pickers import PickerDialog


@pytest.mark.parametrize(("field", "name", "chosen"), [
    ("org_ids", "LFTU", "Lao Federation of Trade Unions"),
    ("person_ids", "Chanpen", "Chanpen Manyseing"),
])
async def test_a_burst_that_matches_then_matches_nothing_keeps_the_form(
        demo_db: Database, field: str, name: str, chosen: str) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MeetingForm))
        form = app.screen
        await fill(pilot, "title", "Visit to the labour office")
        await focus(pilot, field)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        picker = app.screen
        await pilot.pause()
        # As a slow SSH link delivers them: the first letters match, the last match nothing,
        # and all arrive before the list has handled the first.
        typed = name + "qxzqw"
        send_at_once(app, *typed)
        await until(pilot, lambda: picker.query_one("#picker-filter").value == typed)
        await pilot.pause(0.3)
        assert app.is_running and app._exception is None  # noqa: SLF001
        assert app.screen is picker and "0 of" in screen_text(app)
        # Back to what matches, in one burst too, and chosen: the picker still works.
        send_at_once(app, *["backspace"] * 5)
        await until(pilot, lambda: picker.query_one("#picker-filter").value == name)
        await pilot.press("enter", "space", "enter")
        await until(pilot, lambda: app.screen is form)
        assert app._exception is None  # noqa: SLF001
        assert form.values()["title"] == "Visit to the labour office"
        assert chosen in screen_text(app)
        assert len(form.values()[field]) == 1


async def test_enter_on_a_search_result_shown_again_meanwhile_opens_nothing_else(
        demo_db: Database) -> None:
    from tui.screens.search import SearchScreen
    from tui.screens.today import TodayList

    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        search = app.screen
        await pilot.press(*"lao")
        await until(pilot, lambda: search.searched == "lao" and len(search.hits) > 2)
        results = search.query_one("#search-results", TodayList)
        await pilot.press("down")
        results.highlighted = results.option_count - 1  # the last hit
        # Enter on it, then the results of a search that finished meanwhile (fewer hits),
        # before the screen gets to the Enter.
        results.action_select()
        search.show_hits("lao", search.hits[:1])
        await pilot.pause(0.3)
        assert app._exception is None  # noqa: SLF001
        assert app.screen is search
        # An Enter on what is shown still opens it.
        results.highlighted = results.first_line()
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is not search)
        assert app._exception is None  # noqa: SLF001
