"""Erasing a worker from a case's page: asked first, with the whole warning, then shown as
erased. What an erasure leaves behind, without the app: tests/db/test_erase.py."""

from __future__ import annotations

import html
import re

from store.db.database import Database
from store.domain.records import Worker
from tests.ui_helpers import open_case, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.case import CaseScreen
from tui.widgets import RecordTable


async def test_an_erased_worker_is_shown_as_erased_and_asked_about_first(demo_db: Database) -> None:
    case = demo_db.case_by_ref("KH-2025-0001")
    assert case is not None
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        assert isinstance(app.screen, CaseScreen) and app.screen.case == case
        table = screen.query_one("#workers", RecordTable)
        screen.set_focus(table)
        await pilot.pause()
        first = table.current_key
        await pilot.press("E")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        shown = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot()))
        assert "after 7 days" in shown.replace("\xa0", " ")  # the whole warning, wrapped
        # ...about the worker under the cursor, by name
        assert demo_db.get(Worker, first).full_name in shown.replace("\xa0", " ")
        await pilot.press("y")
        await until(pilot, lambda: demo_db.get(Worker, first).erased_at is not None)
        await pilot.pause(0.2)
        text = app.export_screenshot()
        assert "personal" in text and "erased" in text
