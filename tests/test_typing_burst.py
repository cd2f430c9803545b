"""Keys that arrive together (a paste then Ctrl+S over a slow SSH link, tmux send-keys) are
handled in the order they were typed: Ctrl+S saves what the field holds after the last
character, not before it reached the field ("must not be empty" for a field showing text)."""

from __future__ import annotations

from textual import events

from store.database import Database
from tests.test_consent import a_case, open_case
from tests.ui_helpers import until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.record_forms import WorkerForm


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
