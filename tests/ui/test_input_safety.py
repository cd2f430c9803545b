"""Typing is never lost to the app: a burst of keys into a picker's filter, Ctrl+Q over
unsaved typing, and a crash report that still names where a worker failed."""

from __future__ import annotations

import pytest

from store.db.database import Database
from tests.ui_helpers import (
    a_case_to_screen,
    fill,
    focus,
    group_case,
    open_case,
    open_screening,
    paste,
    screen_text,
    send_at_once,
    today_shown,
    until,
)
from tui.app import PulangApp
from tui.dialogs.picker import PickerDialog
from tui.screens.meetings import MeetingForm, MeetingsScreen


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
        await paste(pilot, "lao")
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


QUIT_QUESTION = "What you typed and did not save will be lost"


def asked_to_quit(app: PulangApp) -> bool:
    from tui.dialogs.confirm import ConfirmDialog

    return isinstance(app.screen, ConfirmDialog) and QUIT_QUESTION in app.screen.question


async def new_case_form(pilot, app: PulangApp):  # type: ignore[no-untyped-def]
    from tui.screens.case.case_form import CaseForm

    await today_shown(pilot)
    await pilot.press("n")
    await until(pilot, lambda: isinstance(app.screen, CaseForm))
    await pilot.pause()
    return app.screen


async def test_ctrl_q_over_a_typed_form_asks_and_no_keeps_the_text(empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_case_form(pilot, app)
        await fill(pilot, "title", "Eleven workers out of a Bavet compound")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: asked_to_quit(app))
        await pilot.press("ctrl+q")  # once asked, Ctrl+Q again neither quits nor asks twice
        await pilot.pause()
        assert app.is_running and asked_to_quit(app)
        assert sum(isinstance(s, type(app.screen)) for s in app.screen_stack) == 1
        await pilot.press("n")
        await until(pilot, lambda: app.screen is form)
        assert app.is_running
        assert form.values()["title"] == "Eleven workers out of a Bavet compound"
        assert app.focused is form.query_one("#f-title")
        await pilot.press("ctrl+q", "y")
        await until(pilot, lambda: not app.is_running)
    assert empty_db.cases() == []  # nothing was saved on the way out


async def test_ctrl_q_over_help_or_a_list_opened_on_a_typed_form_asks(
        empty_db: Database) -> None:
    from tui.dialogs.help import HelpScreen

    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_case_form(pilot, app)
        await fill(pilot, "title", "Eleven workers out of a Bavet compound")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        keys = str(help_screen.query_one("#help-keys").render())
        assert "Ctrl+Q       Quit Pulang (asks first if something typed is not saved)" in keys
        await pilot.press("ctrl+q")
        await until(pilot, lambda: asked_to_quit(app))
        await pilot.press("escape")  # no
        await until(pilot, lambda: app.screen is help_screen)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is form)
        # The list of countries over the form (F2), a filter typed in it.
        await focus(pilot, "destination_country")
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        picker = app.screen
        await paste(pilot, "kamb")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: asked_to_quit(app))
        await pilot.press("n")
        await until(pilot, lambda: app.screen is picker)
        assert picker.query_one("#picker-filter").value == "kamb"
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is form)
        assert form.values()["title"] == "Eleven workers out of a Bavet compound"
        assert app.is_running


async def test_ctrl_q_with_nothing_typed_quits_at_once(empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_case_form(pilot, app)  # a form open, nothing typed in it
        await pilot.press("f1")  # and the help over it
        await pilot.pause()
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 0


async def test_ctrl_q_asks_over_a_typed_step_export_or_pasted_list(
        empty_db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import TextArea

    from tui.dialogs.export import ExportDialog
    from tui.screens.case import CaseScreen
    from tui.screens.case.step import StepDialog
    from tui.screens.import_workers import ImportWorkersScreen

    case, workers = group_case(empty_db, workers=2)
    empty_db.start_plans(case.id)
    app = PulangApp(empty_db)

    async def asks_and_keeps(screen: object) -> None:
        await pilot.press("ctrl+q")
        await until(pilot, lambda: asked_to_quit(app))
        await pilot.press("n")
        await until(pilot, lambda: app.screen is screen)
        assert app.is_running

    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_case(pilot, app, case.id)
        page.move_to({"worker": workers[0].id, "step": "flight"})
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        step = app.screen
        step.query_one("#s-note").value = "Garuda GA 825, seats held"
        await asks_and_keeps(step)
        assert step.query_one("#s-note").value == "Garuda GA 825, seats held"
        step.query_one("#s-note").value = ""
        await pilot.press("3")  # a status chosen is not saved either
        await asks_and_keeps(step)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is page)

        await pilot.press("I")
        await until(pilot, lambda: isinstance(app.screen, ImportWorkersScreen))
        listing = app.screen
        pasted = "Siti Rahayu\nDewi Lestari\n"
        listing.query_one("#import-paste", TextArea).text = pasted
        await asks_and_keeps(listing)
        assert listing.query_one("#import-paste", TextArea).text == pasted
        listing.query_one("#import-paste", TextArea).text = ""
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))

        await pilot.press("ctrl+p")
        await paste(pilot, "export")
        await until(pilot, lambda: "Export…" in screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        export = app.screen
        path = str(tmp_path / "for-the-ilo.csv")
        export.query_one("#f-path").value = path
        await asks_and_keeps(export)
        assert export.query_one("#f-path").value == path
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.press("ctrl+q")  # nothing typed anywhere now
        await until(pilot, lambda: not app.is_running)


async def test_ctrl_q_on_the_lock_screen_asks_for_a_form_typed_before_the_lock(
        empty_db: Database) -> None:
    from tui.screens.lock import LockScreen

    app = PulangApp(empty_db, idle_minutes=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_case_form(pilot, app)
        await fill(pilot, "title", "Eleven workers out of a Bavet compound")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LockScreen))
        lock = app.screen
        await pilot.press("ctrl+q")
        await until(pilot, lambda: asked_to_quit(app))
        await pilot.press("n")
        await until(pilot, lambda: app.screen is lock)
        await pilot.press("enter")  # not encrypted: Enter unlocks, the form comes back
        await until(pilot, lambda: type(app.screen).__name__ == "CaseForm")
        await pilot.pause()
        assert app.screen.values()["title"] == "Eleven workers out of a Bavet compound"


async def test_ctrl_q_asks_while_a_screening_line_holds_typing(empty_db: Database) -> None:
    case, rahmat, _siti = a_case_to_screen(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_screening(app, pilot, case, rahmat)
        await pilot.press("w")
        await paste(pilot, "Still verifying with the police")  # not yet Enter
        await until(pilot, lambda: page.line.value == "Still verifying with the police")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: asked_to_quit(app))
        await pilot.press("n")
        await until(pilot, lambda: app.screen is page)
        assert page.editing == "status_note"
        assert page.line.value == "Still verifying with the police"
        await pilot.press("escape")  # the line dropped: nothing typed is left
        await pilot.pause()
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running)
