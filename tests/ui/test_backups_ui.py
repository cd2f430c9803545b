"""Backups as the app shows them: taken on opening with a link to the snapshot, or said skipped.
Backups and restoring, without the app: tests/engine/test_backups.py."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify

from store.db.database import Database
from store.domain.records import changed
from store.engine import backups
from store.engine.backups import list_backups
from tests.engine.conftest import Usage, a_case, titles
from tui.app import PulangApp


async def test_opening_the_app_backs_up_with_a_link_to_the_snapshot(db_path: Path) -> None:
    with Database.open(db_path, create=True) as db:
        case = db.save_case(a_case("Before"))
    linked_inode = db_path.stat().st_ino  # closing folded the journal into a new snapshot

    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        while app.db is None and app.load_error is None:
            await pilot.pause()
        await app.workers.wait_for_complete()  # the backup runs in a worker of its own
    assert app.db is not None
    app.db.close()

    (backup,) = list_backups(db_path)
    assert backup.reason == "opened"
    assert backup.path.stat().st_ino == linked_inode  # a hard link, no copy
    assert stat.S_IMODE(backups.folder_of(db_path).stat().st_mode) == 0o700
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600

    with Database.open(db_path) as db:
        db.save_case(changed(case, title="After"))
        db.compact()
    assert db_path.stat().st_ino != linked_inode
    assert titles(db_path) == ["After"]
    assert titles(backup.path) == ["Before"]  # the old snapshot lives on in the backup


async def test_the_app_says_when_a_backup_was_skipped(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Database.open(db_path, create=True) as db:
        db.save_case(a_case("Before"))
    free = 100 * 1024 * 1024
    monkeypatch.setattr(shutil, "disk_usage", lambda path: Usage(10 * free, 9 * free, free))
    said: list[str] = []

    def hear(message: Message) -> None:
        if isinstance(message, Notify):
            said.append(message.notification.message)

    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24), message_hook=hear) as pilot:
        while app.db is None and app.load_error is None:
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.db is not None
    app.db.close()

    assert said == ["Backup skipped: only 100 MB free on the disk, and a backup needs 500 MB."]
    assert list_backups(db_path) == []
