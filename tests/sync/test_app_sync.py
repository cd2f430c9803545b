"""Sync from the app (Ctrl+Y), against the real test hub: the first-time dialog, a change sent
and another site's taken, the status line before and after, and failures said in words with
what to do. The sync runs in a process of its own, as the officer's does."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from store.db.database import Database
from store.domain.records import Case
from store.sync import export_key, import_key, sync
from tests.sync.conftest import SITE
from tests.ui_helpers import screen_text, until

CREDS = {"user": SITE[0], "password": SITE[1]}


@pytest.fixture(autouse=True)
def _no_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hub that is down is said at once (the delays between tries are couch.py's)."""
    monkeypatch.setenv("PULANG_SYNC_RETRIES", "0")


def line(app: object) -> str:
    from tui.widgets.sync_line import SyncLine

    return str(app.screen.query_one(SyncLine).render())  # type: ignore[attr-defined]


def shown(app: object) -> bool:
    from tui.widgets.sync_line import SyncLine

    return bool(app.screen.query_one(SyncLine).display)  # type: ignore[attr-defined]


def credentials_file(folder: Path, password: str = SITE[1]) -> Path:
    path = folder / "hub-credentials"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(f"{SITE[0]}:{password}\n")
    return path


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


def first_case(db: Database) -> Case:
    return next(db.get(Case, row.id) for row in db.case_rows())


async def sync_in_app(pilot: object, app: object) -> None:
    await pilot.press("ctrl+y")  # type: ignore[attr-defined]
    # Running, or already refused: on a busy machine a refusal can come and go between two
    # looks of the test.
    await until(pilot, lambda: app.sync_running or app.sync_failure,  # type: ignore
                timeout=20)
    await until(pilot, lambda: not app.sync_running, timeout=120)  # type: ignore[arg-type,attr-defined]


async def test_the_first_sync_asks_the_hub_then_sends_everything(
        make_site: Callable[..., Database], hub_url: str) -> None:
    from tui.app import PulangApp
    from tui.dialogs.sync import SyncDialog

    jakarta = make_site("jakarta", demo=True)
    records = len(jakarta.replica_tables())
    app = PulangApp(jakarta)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.sync_info is not None)
        assert app.sync_info.waiting == records  # never synced: everything waits
        assert not shown(app)  # and the line gives its room to the list
        await pilot.press("ctrl+y")
        await until(pilot, lambda: isinstance(app.screen, SyncDialog))
        await pilot.press(*hub_url, "tab", "tab")  # to the user, past the credentials file
        await pilot.press(*SITE[0], "tab", *SITE[1], "enter")
        await until(pilot, lambda: app.sync_running)
        await until(pilot, lambda: not app.sync_running, timeout=120)
        assert app.sync_failure == ""
        await until(pilot, lambda: "0 changes waiting" in line(app))
        assert "Synced just now with 127.0.0.1" in line(app)
    # The hub has it all: an empty site with the key takes every record.
    field = make_site("field")
    import_key(field, export_key(jakarta, "carried by hand 1"), "carried by hand 1")
    assert sync(field, hub_url, **CREDS).received == records


async def test_a_sync_sends_a_change_and_takes_another_sites(
        make_site: Callable[..., Database], hub_url: str, tmp_path: Path) -> None:
    from tui.app import PulangApp

    jakarta = make_site("jakarta", demo=True)
    field = make_site("field")
    creds = credentials_file(tmp_path)
    sync(jakarta, hub_url, **CREDS, credentials=str(creds))  # the file's path remembered
    import_key(field, export_key(jakarta, "carried by hand 1"), "carried by hand 1")
    sync(field, hub_url, **CREDS)
    here, there = first_case(jakarta), first_case(field)
    other = next(c for c in (field.get(Case, r.id) for r in field.case_rows()) if c.id != here.id)
    jakarta.save(here.model_copy(update={"title": "Sent from Jakarta's app"}))
    field.save(other.model_copy(update={"title": "Made in the field"}))
    sync(field, **CREDS)
    assert there is not None

    app = PulangApp(jakarta)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "1 change waiting" in line(app))
        await sync_in_app(pilot, app)
        assert app.sync_failure == ""
        await until(pilot, lambda: "0 changes waiting" in line(app))
        assert "Synced just now" in line(app)
    assert jakarta.get(Case, other.id).title == "Made in the field"
    sync(field, **CREDS)
    assert field.get(Case, here.id).title == "Sent from Jakarta's app"


async def test_a_hub_that_is_down_is_said_with_what_to_do(
        make_site: Callable[..., Database]) -> None:
    from tui.app import PulangApp
    from tui.dialogs.sync import SyncDialog

    jakarta = make_site("jakarta", demo=True)
    before = jakarta.path.read_bytes()
    down = f"http://127.0.0.1:{closed_port()}/union"
    app = PulangApp(jakarta)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.sync_info is not None)
        await pilot.press("ctrl+y")
        await until(pilot, lambda: isinstance(app.screen, SyncDialog))
        await pilot.press(*down, "tab", "tab", *SITE[0], "tab", *SITE[1], "enter")
        await until(pilot, lambda: app.sync_failure != "", timeout=60)
        assert "cannot be reached" in app.sync_failure
        assert "Check the address and the link" in app.sync_failure
        assert line(app).startswith("Last sync failed: The hub")
        # The app keeps working: the cases list opens.
        await pilot.press("2")
        await until(pilot, lambda: type(app.screen).__name__ == "CasesScreen")
    assert jakarta.path.read_bytes() == before


async def test_a_wrong_password_is_said_with_what_to_do(
        make_site: Callable[..., Database], hub_url: str, tmp_path: Path) -> None:
    from tui.app import PulangApp

    jakarta = make_site("jakarta", demo=True)
    sync(jakarta, hub_url, **CREDS, credentials=str(credentials_file(tmp_path)))
    credentials_file(tmp_path, password="not the password")  # changed since
    app = PulangApp(jakarta)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Synced" in line(app))
        await sync_in_app(pilot, app)
        assert "refused the user name or password" in app.sync_failure
        assert "Check the credentials file" in app.sync_failure
        assert "Last sync failed" in line(app)


async def test_a_database_not_encrypted_is_told_how_to_sync(tmp_path: Path) -> None:
    from tui.app import PulangApp

    db = Database.open(tmp_path / "plain.json", create=True)
    app = PulangApp(db)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+y")
            await until(pilot, lambda: app.sync_failure != "")
            assert "is not encrypted" in app.sync_failure
            assert "pulang encrypt" in app.sync_failure
            assert not (tmp_path / "plain.json.sync").exists()
    finally:
        db.close()


async def test_a_sync_running_elsewhere_is_said_and_waited_for(
        make_site: Callable[..., Database], hub_url: str, tmp_path: Path) -> None:
    """`pulang sync` of the same database holds its lock: the app says so, and changes
    nothing."""
    import fcntl

    from tui.app import PulangApp

    jakarta = make_site("jakarta", demo=True)
    sync(jakarta, hub_url, **CREDS, credentials=str(credentials_file(tmp_path)))
    lock = jakarta.path.with_name(jakarta.path.name + ".sync.lock")
    app = PulangApp(jakarta)
    with open(lock, "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Synced" in line(app))
            await sync_in_app(pilot, app)
            assert "Another sync of" in app.sync_failure
            assert "wait for it to finish" in app.sync_failure


async def test_quitting_while_a_sync_runs_asks_first(
        make_site: Callable[..., Database], hub_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.app import PulangApp
    from tui.dialogs.confirm import ConfirmDialog

    jakarta = make_site("jakarta", demo=True)
    sync(jakarta, hub_url, **CREDS, credentials=str(credentials_file(tmp_path)))
    # A change to send, and the sync's pauses long: it is still running when Ctrl+Q comes,
    # however busy the machine running the tests keeps the app's loop.
    case = first_case(jakarta)
    jakarta.save(case.model_copy(update={"title": case.title + " (checked)"}))
    monkeypatch.setenv("PULANG_SYNC_PACE", "40")
    app = PulangApp(jakarta)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Synced" in line(app))
        await pilot.press("ctrl+y")
        await until(pilot, lambda: app.sync_running)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "A sync is running" in str(app.screen.query_one("#question").render())
        await pilot.press("n")  # stays open; the sync goes on to its end
        await until(pilot, lambda: not app.sync_running, timeout=120)
        assert app.sync_failure == ""
        assert app.is_running


async def test_the_key_is_in_the_footer_help_and_palette(
        make_site: Callable[..., Database]) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Static

    from tui.app import PulangApp
    from tui.dialogs.help import HelpScreen
    from tui.screens.cases import CasesScreen
    from tui.screens.today import TodayScreen

    jakarta = make_site("jakarta", demo=True)
    app = PulangApp(jakarta)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.sync_info is not None)
        assert isinstance(app.screen, TodayScreen)
        assert "^y Sync" in screen_text(app).splitlines()[-1]  # Today's footer, at 80x24
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "Sync" in str(app.screen.query_one("#help-keys", Static).render())
        await pilot.press("escape", "2")  # the cases list: its help lists it too
        await until(pilot, lambda: isinstance(app.screen, CasesScreen))
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert any(k.split()[-1:] == ["Sync"] for k in keys.splitlines())
        await pilot.press("escape", "ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"sync with")
        await until(pilot, lambda: "Sync with the hub" in screen_text(app))
        await pilot.press("enter")  # the palette's command is the key's: the dialog asks
        await until(pilot, lambda: type(app.screen).__name__ == "SyncDialog")
