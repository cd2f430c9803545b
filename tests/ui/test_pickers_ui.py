"""Choosing from a list by typing part of a name: a country in the user's language (F2 on a
country field), and records of the directory in a form's pick field."""

from __future__ import annotations

from textual.widgets import Input

from store.common.i18n import set_language
from store.db.database import Database
from tests.ui_helpers import focus, paste, screen_text, until
from tui.app import PulangApp
from tui.dialogs.picker import PickerDialog


async def test_a_country_is_chosen_from_a_list_named_in_the_users_language(
        empty_db: Database) -> None:
    set_language("id")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await focus(pilot, "destination_country")
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        await paste(pilot, "kamboj")  # Kamboja, as Indonesian names Cambodia
        assert "Kamboja" in screen_text(app)
        assert "1 dari" in screen_text(app)
        await pilot.press("enter")  # into the list: its cursor line reads without colour
        listed = app.screen.query_one("#picker-list")
        assert any(seg.style is not None and seg.style.reverse
                   for seg in listed.render_line(0))
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, PickerDialog))
        field = app.screen.query_one("#f-destination_country", Input)
        assert field.value == "Kamboja"
        # Escape from the list changes nothing.
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        await paste(pilot, "laos")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, PickerDialog))
        assert field.value == "Kamboja"
