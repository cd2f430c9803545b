"""A database from before a migration opened in the app: it says so, and the log shows which
way each entry went. The migrations themselves: tests/engine/test_migrations.py."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.conftest import FIXTURES, private_copy


async def test_the_app_says_it_and_the_log_shows_which_way_each_entry_went(
        tmp_path: Path) -> None:
    from tests.ui_helpers import notes, open_seed_case
    from tui.app import PulangApp

    path = private_copy(FIXTURES / "schema_v4.json", tmp_path)
    app = PulangApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_seed_case(pilot)
        assert any("11 log entries could not be marked sent or received" in n
                   for n in notes(app))
        log = screen.query_one("#log")
        kinds = {str(log.get_row(key)[1]) for key in log.rows}
        assert {"→ referral", "→ message", "? call", "? meeting", "? visit", "? letter",
                "note"} <= kinds


async def test_the_app_shows_the_upgrade_in_its_opening_status(tmp_path: Path) -> None:
    from tui.app import PulangApp

    path = private_copy(FIXTURES / "schema_v4.json", tmp_path)
    data = orjson.loads(path.read_bytes())
    total = sum(len(table) for name, table in data.items()
                if name not in ("_meta", "_rows", "_seal"))
    app = PulangApp(path)
    shown: list[str] = []
    show = app._show_status
    app._show_status = lambda text: (shown.append(text), show(text))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            if app.db is not None:
                break
            await pilot.pause(0.05)
    assert shown.index(f"Upgrading the database: 0 of {total} records…") < shown.index(
        f"Upgraded {total} records; opening the database…")
