"""Keys that arrive together (a paste then Ctrl+S over a slow SSH link, tmux send-keys) are
handled in the order they were typed: Ctrl+S saves what the field holds after the last
character, not before it reached the field ("must not be empty" for a field showing text)."""

from __future__ import annotations

from textual import events

from store.db.database import Database
from tests.ui_helpers import a_case, open_case, send_at_once, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.worker_form import WorkerForm


async def test_typing_after_tab_and_ctrl_u_in_one_burst_lands_in_the_next_field(
        empty_db: Database) -> None:
    case, _workers = a_case(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, WorkerForm))
        await pilot.pause()
        form = app.screen
        first = app.focused
        assert first is not None and first.id == "f-full_name"
        send_at_once(app, "Siti Rahayu", "tab", "Sity Rahaju")
        await until(pilot, lambda: app.focused is not first)
        await pilot.pause(0.3)
        second = app.focused
        assert second is not None and second.id is not None
        values = form.values()
        assert values["full_name"] == "Siti Rahayu"
        assert "Sity Rahaju" in str(values[second.id.removeprefix("f-")])
        # Back with Shift+Tab, clear with Ctrl+U and type again, all at once.
        send_at_once(app, "shift+tab", "end", "ctrl+u", "Siti Rahayu Putri")
        await until(pilot, lambda: app.focused is first)
        await pilot.pause(0.3)
        assert form.values()["full_name"] == "Siti Rahayu Putri"


async def test_ctrl_s_sent_with_the_typing_saves_every_character(empty_db: Database) -> None:
    case, _workers = a_case(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, WorkerForm))
        await pilot.pause()
        typed = "Siti Rahayu"
        driver = app._driver  # noqa: SLF001 - as the terminal delivers them: all at once
        assert driver is not None
        for char in typed:
            key = events.Key("space" if char == " " else char, char)
            key.set_sender(app)
            driver.send_message(key)
        save = events.Key("ctrl+s", None)
        save.set_sender(app)
        driver.send_message(save)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        (worker,) = empty_db.workers_of(case.id)
        assert worker.full_name == typed
