"""A write that cannot happen (disk full, read-only, permission denied, another officer saving)
leaves the files as they were, says why in plain words, and the form keeps what was typed."""

from __future__ import annotations

import asyncio
import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Input, Static

import store.engine.journal
from store.common.errors import DatabaseBusy, ExitCode, NotCompacted, WriteFailed, busy_retrying
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.engine.journal import journal_path, locked
from store.engine.storage import write_atomically
from store.exchange.check import check
from tests.lock_holder import lock_held_elsewhere
from tests.ui_helpers import fill, find_and_open
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.case_form import CaseForm
from tui.screens.case.worker_form import WorkerForm

REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk is full",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: os.strerror(errno.EIO),
}


def a_case(title: str = "Workers held in Sihanoukville") -> Case:
    return build(Case, {"title": title, "destination_country": "KH"})


def files(db_path: Path) -> tuple[bytes, bytes, list[str]]:
    """Snapshot and journal bytes, and what is in the folder (a temporary file left over?)."""
    return (db_path.read_bytes(), journal_path(db_path).read_bytes(),
            sorted(os.listdir(db_path.parent)))


def failing(code: int) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


# -- the store -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(REASONS), ids=errno.errorcode.get)
def test_a_failed_save_changes_nothing_and_says_why(
    empty_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    case = empty_db.save_case(a_case())
    worker = build(Worker, {"case_id": case.id, "full_name": "Rizky Pratama"})
    before = files(db_path)

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", failing(code))  # the line is written, then cannot be kept
        with pytest.raises(WriteFailed) as failed:
            empty_db.save_worker(worker)

    assert str(failed.value) == f"Could not save: {REASONS[code]}. Nothing was changed on disk."
    assert failed.value.exit_code == ExitCode.PROBLEMS
    assert files(db_path) == before  # the written line was taken back
    assert empty_db.workers_of(case.id) == []  # and memory too
    empty_db.save_worker(worker)  # with room again, the same save goes through
    with Database.open(db_path) as again:
        assert [w.full_name for w in again.workers_of(case.id)] == ["Rizky Pratama"]
        assert check(again) == []


def test_a_line_the_full_disk_took_half_of_is_taken_back(
    empty_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty_db.save_case(a_case())
    before = files(db_path)
    real_write = os.write
    calls: list[int] = []

    def half_then_full(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", half_then_full)
        with pytest.raises(WriteFailed, match="the disk is full"):
            empty_db.save_case(a_case("Second"))

    assert len(calls) == 2, "the rest of a short write is tried before giving up"
    assert files(db_path) == before
    assert [c.title for c in empty_db.cases()] == ["Workers held in Sihanoukville"]


def test_a_read_only_disk_refuses_the_new_file_and_keeps_the_old(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.write_bytes(b"the old contents")
    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", failing(errno.EROFS))
        with pytest.raises(WriteFailed, match="the disk is read-only"):
            write_atomically(db_path, b"the new contents", 0o600, None)
    assert db_path.read_bytes() == b"the old contents"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through any file mode")
def test_a_database_made_read_only_refuses_a_save(empty_db: Database, db_path: Path) -> None:
    empty_db.save_case(a_case())
    before = files(db_path)
    for path in (db_path, journal_path(db_path)):
        path.chmod(0o400)
    try:
        with pytest.raises(WriteFailed, match="permission denied"):
            empty_db.save_case(a_case("Second"))
        assert files(db_path) == before
    finally:
        for path in (db_path, journal_path(db_path)):
            path.chmod(0o600)


def test_closing_on_a_full_disk_keeps_every_change_in_the_journal(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(db_path, create=True)
    db.save_case(a_case())
    db.save_case(a_case("Second"))
    before = files(db_path)

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", failing(errno.ENOSPC))
        with pytest.raises(NotCompacted) as failed:
            db.close()  # folding the journal into a new snapshot needs room for a new file

    message = str(failed.value)
    assert "the disk is full" in message and journal_path(db_path).name in message
    assert files(db_path) == before  # no half-written snapshot, no temporary file left
    with Database.open(db_path) as again:
        assert sorted(c.title for c in again.cases()) == ["Second",
                                                          "Workers held in Sihanoukville"]


def test_closing_while_another_officer_writes_leaves_the_folding_for_later(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.engine.journal, "LOCK_TIMEOUT_SECONDS", 0.2)
    db = Database.open(db_path, create=True)
    db.save_case(a_case())
    before = files(db_path)
    with lock_held_elsewhere(db_path):
        db.close()  # no error: the change is in the journal already
    assert files(db_path) == before
    with Database.open(db_path) as again:
        assert [c.title for c in again.cases()] == ["Workers held in Sihanoukville"]


def test_a_write_that_must_wait_says_so_once(
    empty_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.engine.journal, "LOCK_TIMEOUT_SECONDS", 0.3)
    heard: list[str] = []
    empty_db.on_busy = lambda: heard.append("busy")
    with locked(db_path):  # another process saving (a lock is per open file, even here)
        with pytest.raises(DatabaseBusy):
            empty_db.save_case(a_case())
    assert heard == ["busy"]
    empty_db.save_case(a_case())
    assert heard == ["busy"], "a write that finds the lock free says nothing"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KB file system (tmpfs), where one is allowed to mount one."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = shutil.which("mount")
    if os.geteuid() != 0 or mount is None or subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(disk)],
        capture_output=True,
    ).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_real_full_disk_changes_nothing_and_loses_nothing(small_disk: Path) -> None:
    path = small_disk / "pulang.json"
    db = Database.open(path, create=True)
    first = db.save_case(a_case())
    filler = os.open(small_disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    with pytest.raises(OSError):
        while True:
            os.write(filler, bytes(4096))
    os.close(filler)

    failed: WriteFailed | None = None
    for _attempt in range(100):  # the journal's last block may still take a line or two
        before = files(path)
        try:
            db.save_case(a_case("A long account of the escape " * 17))  # a title's most
        except WriteFailed as error:
            failed = error
            break
    assert failed is not None, "the disk never filled up"
    assert str(failed) == "Could not save: the disk is full. Nothing was changed on disk."
    assert files(path) == before
    saved_titles = sorted(c.title for c in db.cases())
    with pytest.raises(NotCompacted):
        db.close()
    assert files(path) == before

    (small_disk / "filler").unlink()
    with Database.open(path) as again:
        assert sorted(c.title for c in again.cases()) == saved_titles
        assert again.get(Case, first.id) == first
        again.save_case(a_case("Saved once there is room"))
        assert check(again) == []


# -- the app -------------------------------------------------------------------------------


def notices(messages: list[Message]) -> list[str]:
    return [str(m.notification.message) for m in messages if isinstance(m, Notify)]


def status_of(app: PulangApp) -> str:
    return str(app.screen.query_one("#form-status", Static).render())


async def saved(app: PulangApp) -> None:
    """Until the save's worker is done (and has handed its result to the screen)."""
    await app.workers.wait_for_complete()


async def test_a_full_disk_keeps_the_worker_form_and_what_was_typed(
    demo_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await find_and_open(pilot, "Souksavanh")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        case_id = app.screen.case_id
        workers_before = len(demo_db.workers_of(case_id))
        await pilot.press("a")
        assert isinstance(app.screen, WorkerForm)
        await fill(pilot, "full_name", "Bounmy Keomany")
        before = files(db_path)

        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", failing(errno.ENOSPC))
            await pilot.press("ctrl+s")
            await saved(app)
            await pilot.pause()

        assert isinstance(app.screen, WorkerForm), "the form stays open"
        assert app.screen.query_one("#f-full_name", Input).value == "Bounmy Keomany"
        assert status_of(app) == ("Could not save: the disk is full. Nothing was changed on "
                                  "disk. What you typed is still in the form.")
        assert files(db_path) == before
        assert len(demo_db.workers_of(case_id)) == workers_before

        await pilot.press("ctrl+s")  # room again: the same input saves
        await saved(app)
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    assert "Bounmy Keomany" in [w.full_name for w in demo_db.workers_of(case_id)]


async def test_a_read_only_disk_keeps_the_case_form_and_what_was_typed(
    empty_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = journal_path(db_path)
    real_open = os.open

    def read_only_journal(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == journal and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await fill(pilot, "title", "Deceived by a customer-service job advert")
        await fill(pilot, "destination_country", "KH")
        before = files(db_path)
        with monkeypatch.context() as patch:
            patch.setattr(os, "open", read_only_journal)
            await pilot.press("ctrl+s")
            await saved(app)
            await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        assert "the disk is read-only" in status_of(app)
        assert app.screen.query_one("#f-title", Input).value == (
            "Deceived by a customer-service job advert")
        assert files(db_path) == before
        assert empty_db.cases() == []


async def test_a_save_waits_for_another_officer_and_then_goes_through(
    empty_db: Database, db_path: Path
) -> None:
    seen: list[Message] = []
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await pilot.press("n")
        await fill(pilot, "title", "Held in a compound near the border")
        await fill(pilot, "destination_country", "MM")
        with lock_held_elsewhere(db_path) as release:
            await pilot.press("ctrl+s")
            # The save waits in its worker; the screen tells the officer why.
            for _ in range(400):
                if busy_retrying() in notices(seen):
                    break
                await asyncio.sleep(0.02)
            assert busy_retrying() in notices(seen)
            assert isinstance(app.screen, CaseForm)
            release()  # the other officer's save is done
            await saved(app)
            await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    assert [c.title for c in empty_db.cases()] == ["Held in a compound near the border"]


async def test_a_save_that_waits_too_long_keeps_the_form(
    empty_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.engine.journal, "LOCK_TIMEOUT_SECONDS", 0.3)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await fill(pilot, "title", "Held in a compound near the border")
        await fill(pilot, "destination_country", "MM")
        with lock_held_elsewhere(db_path) as release:
            before = files(db_path)
            await pilot.press("ctrl+s")
            await saved(app)
            await pilot.pause()
            assert isinstance(app.screen, CaseForm)
            assert "busy" in status_of(app) and "still in the form" in status_of(app)
            assert app.screen.query_one("#f-title", Input).value == (
                "Held in a compound near the border")
            assert files(db_path) == before
            release()
        await pilot.press("ctrl+s")
        await saved(app)
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    assert [c.title for c in empty_db.cases()] == ["Held in a compound near the border"]
