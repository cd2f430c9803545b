"""Adding workers to a case from a pasted list, by keys: mapped, checked, confirmed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from store.database import Database
from tests.ui_helpers import screen_text, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.dialogs import ConfirmDialog
from tui.screens.import_workers import ImportWorkersScreen
from tui.screens.today import TodayScreen


async def test_a_pasted_list_is_checked_and_added_only_on_yes(demo_db: Database,
                                                             tmp_path: Path) -> None:
    case = demo_db.case_by_ref("LA-2026-0001")
    assert case is not None
    before = {w.full_name for w in demo_db.workers_of(case.id)}
    listed = tmp_path / "list.csv"
    listed.write_bytes("Nama;Jenis Kelamin;No. HP\nJosé Baru;P;0812-3456-7890\n"
                       "Hendra Gunawan;L;\nAri;L;12\n".encode("cp1252"))
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
        await pilot.press("slash", *"LA-2026-0001", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await pilot.press("I")
        await until(pilot, lambda: isinstance(app.screen, ImportWorkersScreen))
        screen = app.screen
        await pilot.press("shift+tab", *str(listed), "enter")  # the File line, then read it
        await until(pilot, lambda: len(screen.rows) == 3)
        shown = screen_text(app)
        assert "Windows-1252" in shown and "1 of 3 rows can be added" in shown
        assert "Hendra Gunawan is already a worker of this case" in shown
        assert [s.value for s in screen.query("#import-mapping Select").results(Select)] == [
            "full_name", "sex", "phone"]
        assert {w.full_name for w in demo_db.workers_of(case.id)} == before  # nothing yet
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert app.screen.question == ("Add 1 worker to this case? 2 rows with problems are "
                                       "left out.")
        await pilot.press("n")
        await until(pilot, lambda: app.screen is screen)
        assert {w.full_name for w in demo_db.workers_of(case.id)} == before
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: "José Baru" in screen_text(app))
    assert {w.full_name for w in demo_db.workers_of(case.id)} == before | {"José Baru"}
