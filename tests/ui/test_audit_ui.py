"""The audit trail in the app: a case's history (h), in its help and palette; a save that could not
be audited said; a removed worker brought back from the history. The trail itself, without the
app: tests/engine/test_audit.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from store.db.database import Database
from store.domain.records import changed


async def open_case(pilot: Any, text: str) -> None:
    """Open the case whose reference or title holds `text` (how a search finds it is tested
    with the search: here it is the way to the history)."""
    from tests.ui_helpers import until
    from tui.screens.case import CaseScreen

    app = pilot.app
    await until(pilot, lambda: app.db is not None)
    [case] = [c for c in app.db.cases() if text in c.ref or text in c.title]
    app.open_case(case.id)
    await until(pilot, lambda: isinstance(app.screen, CaseScreen))


async def test_h_on_a_case_shows_its_history_newest_first(demo_db: Database) -> None:
    from textual.widgets import Static

    from tui.app import PulangApp
    from tui.screens.case import CaseScreen
    from tui.screens.history import HistoryScreen

    seed = next(c for c in demo_db.cases() if c.ref == "KH-2025-0001")
    demo_db.save_case(changed(seed, urgency="critical"))
    expected = demo_db.history(seed.id)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "KH-2025-0001")
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()

        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#history")
        assert table.row_count == len(expected) > 10
        newest = [str(cell) for cell in table.get_row_at(0)]
        assert newest[2] == "changed case"
        assert newest[3] == 'Urgency: high → critical'  # the vocabulary's labels
        oldest = [str(cell) for cell in table.get_row_at(table.row_count - 1)]
        assert oldest[2] == "created case"
        # A worker is named as the case screen names them; private values are not in it.
        await pilot.press("G", "up")  # the last row but one: the first worker made
        await pilot.pause()
        detail = str(screen.query_one("#history-detail", Static).render())
        assert "created worker Rizky Pratama Nugroho" in detail
        assert "Full name: changed" in detail

        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)


async def test_history_is_in_the_case_s_help_and_palette(demo_db: Database) -> None:
    from textual.widgets import Static

    from tui.app import PulangApp
    from tui.dialogs.help import HelpScreen
    from tui.screens.history import HistoryScreen

    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "Myawaddy")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert any(line.split() == ["h", "History"] for line in keys.splitlines())
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"history of this")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#history").row_count == 3  # case, worker, log entry


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
async def test_the_app_says_when_a_save_could_not_be_audited(
    demo_db: Database, request: pytest.FixtureRequest
) -> None:
    from tests.ui_helpers import fill
    from tui.app import PulangApp
    from tui.screens.case import CaseScreen

    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_case(pilot, "Myawaddy")
        request.getfixturevalue("full_disk_for_the_trail")
        await pilot.press("e")
        await fill(pilot, "destination_place", "Mae Sot")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        messages = [n.message for n in app._notifications]  # noqa: SLF001
        assert "Saved." in messages
        assert any("could not be added to the audit trail" in m for m in messages)
    assert any(c.destination_place == "Mae Sot" for c in demo_db.cases())


async def test_a_removed_worker_comes_back_from_the_history(demo_db: Database) -> None:
    """Removing is reversible: `u` on the removal in the case's history brings the worker back
    as last saved, from the journal now and from a backup once the journal was folded in."""
    from tui.app import PulangApp
    from tui.screens.case import CaseScreen
    from tui.screens.history import HistoryScreen

    case = demo_db.case_by_ref("KH-2025-0001")
    assert case is not None
    worker = demo_db.workers_of(case.id)[0]
    demo_db.remove_worker(worker.id)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_case(case.id)
        await pilot.pause()
        await pilot.press("h")
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, HistoryScreen) and app.screen.entries:
                break
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("home", "u")  # newest first: the removal is the first line
        for _ in range(100):
            await pilot.pause(0.05)
            if any(w.id == worker.id for w in demo_db.workers_of(case.id)):
                break
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CaseScreen)
        assert worker.id in [w.id for w in app.screen.case_workers]
    back = next(w for w in demo_db.workers_of(case.id) if w.id == worker.id)
    assert back.full_name == worker.full_name and back.passport_number == worker.passport_number
