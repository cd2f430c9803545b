"""Ctrl+Q right after Ctrl+S: what was saved is in the database when it is opened again.

The benchmark once reported a traced save missing after Ctrl+Q at 50,000 cases. Re-run at that
size, the saved entry was there with its first letters missing: the keys typed after Tab had
gone to the field that Tab was leaving (fixed since: Tab is handled as it arrives). These tests
keep the part of the story that is about durability: the officer saves and quits in one burst
while the app is still busy beside the save (the backup and the directory's index are made in a
thread after loading), and nothing saved is lost, including by the compaction at close.
"""

from __future__ import annotations

import asyncio
import time

from store.db.database import Database
from tests.ui_helpers import a_case, fill, open_case, send_at_once, until
from tui.app import PulangApp
from tui.screens.case.log_form import LogEntryForm


async def _exited(app: PulangApp, timeout: float = 20) -> None:
    """Wait for the app to end by itself (the Pilot cannot pause an app that has gone)."""
    deadline = time.monotonic() + timeout
    while app.return_code is None and app.is_running:
        assert time.monotonic() < deadline, "the app did not quit"
        await asyncio.sleep(0.02)


def _close_as_the_command_line_does(app: PulangApp) -> None:
    # tui.cli.launch._run_app: once the screen is gone, the database the app opened is closed, which
    # may fold the journal into the snapshot.
    if app.db is not None:
        app.db.close()


async def test_a_log_entry_saved_and_quit_in_one_burst_is_there_on_reopening(
        db_path) -> None:  # type: ignore[no-untyped-def]
    with Database.open(db_path, create=True) as db:
        case, _workers = a_case(db, "Siti Rahayu", "Budi Santoso")
    app = PulangApp(db_path)  # opened by the app itself, in its loading thread, as `pulang` does
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.db is not None)
        await open_case(pilot, app, case)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        await fill(pilot, "summary", "Called the embassy about the travel documents.")
        send_at_once(app, "ctrl+s", "ctrl+q")  # the backup thread may still be running
        await _exited(app)
    _close_as_the_command_line_does(app)
    with Database.open(db_path) as again:
        summaries = [entry.summary for entry in again.log_of(case.id)]
    assert summaries == ["Called the embassy about the travel documents."]


async def test_an_edit_saved_while_another_save_runs_then_quit_keeps_both(
        db_path) -> None:  # type: ignore[no-untyped-def]
    """Two saves queued behind each other (the case's title, then a log entry), Ctrl+Q at
    once after the second: both are in the files after the close's compaction."""
    with Database.open(db_path, create=True) as db:
        case, _workers = a_case(db, "Siti Rahayu")
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.db is not None)
        await open_case(pilot, app, case)
        await pilot.press("e")
        await until(pilot, lambda: app.screen.__class__.__name__ == "CaseForm")
        await fill(pilot, "title", "Eleven workers out of a Bavet compound, checked")
        send_at_once(app, "ctrl+s")
        await until(pilot, lambda: app.screen.__class__.__name__ == "CaseScreen")
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LogEntryForm))
        await fill(pilot, "summary", "Asked the shelter about the two still in Bavet.")
        send_at_once(app, "ctrl+s", "ctrl+q")
        await _exited(app)
    _close_as_the_command_line_does(app)
    with Database.open(db_path) as again:
        saved = again.case_by_ref(case.ref)
        assert saved is not None
        assert saved.title.endswith(", checked")
        assert [e.summary for e in again.log_of(case.id)] == [
            "Asked the shelter about the two still in Bavet."]
