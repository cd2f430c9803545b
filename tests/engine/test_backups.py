"""Backups beside the database and restoring them: the real store, app and command line."""

from __future__ import annotations

import datetime as dt
import errno
import os
import pty
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.common.errors import WriteFailed
from store.db.database import Database
from store.domain.records import Case, changed
from store.engine import backups
from store.engine.backups import Backup, list_backups, prune, take_backup
from store.engine.crypto import Sealer
from store.engine.journal import journal_path
from store.exchange.demo import write_demo
from tests.conftest import Run, files_of
from tests.engine.conftest import Usage, a_case, titles

NOW = dt.datetime.now(dt.timezone.utc)
DAY = dt.timedelta(days=1)


@pytest.fixture
def with_a_case(db_path: Path) -> Iterator[tuple[Database, Case]]:
    db = Database.open(db_path, create=True)
    case = db.save_case(a_case("Before"))
    yield db, case
    db.close()


# -- taking them ---------------------------------------------------------------------------


def test_a_backup_holds_the_journal_and_opens_as_a_database(
    with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, _case = with_a_case
    db.save_case(a_case("Only in the journal"))  # not compacted yet

    outcome = db.backup()

    assert outcome.backup is not None and outcome.notices == []
    assert outcome.backup.journal.read_bytes() == journal_path(db_path).read_bytes()
    assert titles(outcome.backup.path) == ["Before", "Only in the journal"]
    manifest = orjson.loads(outcome.backup.manifest.read_bytes())
    assert manifest["reason"] == "opened" and manifest["encrypted"] is False
    assert "Before" not in outcome.backup.manifest.read_text()  # no record data in it


def test_the_background_backup_reports_to_its_caller(
    with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, _case = with_a_case
    heard: list[backups.Outcome] = []

    db.start_backup(done=heard.append).join()

    (outcome,) = heard
    assert outcome.backup is not None
    assert list_backups(db_path) == [outcome.backup]


def test_an_unchanged_database_is_not_backed_up_again(
    with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, case = with_a_case
    first = db.backup().backup
    assert first is not None

    assert db.backup().backup is None  # opened again, nothing changed: the newest holds it
    db.save_case(changed(case, title="After"))
    second = db.backup().backup

    assert second is not None
    assert list_backups(db_path) == [second, first]


def test_only_the_newest_are_kept(with_a_case: tuple[Database, Case], db_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PULANG_KEEP_BACKUPS", "3")
    db, case = with_a_case
    taken = []
    for n in range(5):
        case = db.save_case(changed(case, title=f"Version {n}"))
        outcome = db.backup()
        assert outcome.backup is not None
        taken.append(outcome.backup)

    assert list_backups(db_path) == taken[:-4:-1]
    assert {p.name for p in backups.folder_of(db_path).iterdir()} == {
        name for b in taken[2:] for name in (b.path.name, b.journal.name, b.manifest.name)
    }


def test_a_keep_count_that_is_not_a_number_is_said_and_ten_are_kept(
    with_a_case: tuple[Database, Case], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PULANG_KEEP_BACKUPS", "lots")
    outcome = with_a_case[0].backup()
    assert outcome.backup is not None
    assert outcome.notices == [("PULANG_KEEP_BACKUPS must be a whole number from 1; keeping "
                                "the last 10 backups.")]


def test_a_backup_is_skipped_when_the_disk_is_nearly_full(
    with_a_case: tuple[Database, Case], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    free = 300 * 1024 * 1024
    monkeypatch.setattr(shutil, "disk_usage", lambda path: Usage(10 * free, 9 * free, free))

    outcome = with_a_case[0].backup()

    assert outcome.backup is None
    assert outcome.notices == [("Backup skipped: only 300 MB free on the disk, and a backup "
                                "needs 500 MB.")]
    assert list_backups(db_path) == []


def test_enough_free_space_is_enough(with_a_case: tuple[Database, Case],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    free = backups.MIN_FREE_BYTES
    monkeypatch.setattr(shutil, "disk_usage", lambda path: Usage(10 * free, 9 * free, free))
    assert with_a_case[0].backup().backup is not None


def test_a_demo_database_is_backed_up_and_reset_removes_its_backups(db_path: Path) -> None:
    from store.engine.tables import remove_database_files

    with write_demo(db_path) as db:
        assert db.backup().backup is not None  # trying the demo shows what a real one gets
    assert backups.list_backups(db_path)
    remove_database_files(db_path)  # `pulang demo --reset`
    assert not backups.folder_of(db_path).exists()


def test_a_database_shared_with_its_group_gets_a_group_folder(db_path: Path) -> None:
    with Database.open(db_path, create=True) as db:
        db.save_case(a_case("Before"))
        os.chmod(db_path, 0o660)
        assert db.backup().backup is not None
    folder = backups.folder_of(db_path).stat()
    assert stat.S_IMODE(folder.st_mode) == 0o2770
    assert folder.st_gid == db_path.stat().st_gid


SECRET = b"Siti Nurhaliza, shelter in Phnom Penh"


def seal_a_database(path: Path) -> None:
    """Files laid out as an encrypted database's: a sealed snapshot and sealed journal lines
    (the contents need not be a database: a backup never looks inside)."""
    sealer = Sealer.new("a long passphrase",
                        {"name": "argon2id", "memory_kib": 1024, "iterations": 1, "lanes": 1})
    for file, payload in [(path, sealer.seal_file(b'{"_meta":{}, "secret": "' + SECRET + b'"}')),
                          (journal_path(path), sealer.seal_line(SECRET) + b"\n")]:
        # Renamed into place, as Pulang writes: writing into the file would go through the
        # hard link into the backup too.
        spare = file.with_name(file.name + ".new")
        spare.write_bytes(payload)
        os.replace(spare, file)


def test_an_encrypted_database_is_backed_up_as_it_is_sealed(db_path: Path) -> None:
    """Only bytes are copied: nothing is decrypted, and the backup is as sealed as the file."""
    seal_a_database(db_path)
    secret = SECRET

    outcome = take_backup(db_path)

    backup = outcome.backup
    assert backup is not None and outcome.notices == []
    assert backup.encrypted
    assert backup.path.stat().st_ino == db_path.stat().st_ino
    assert backup.journal.read_bytes() == journal_path(db_path).read_bytes()
    for file in backups.folder_of(db_path).iterdir():
        assert secret not in file.read_bytes()
    assert orjson.loads(backup.manifest.read_bytes())["encrypted"] is True


def test_plain_backups_can_be_deleted_once_the_database_is_encrypted(
    with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    plain = with_a_case[0].backup().backup
    with_a_case[0].close()
    seal_a_database(db_path)
    sealed = take_backup(db_path).backup

    assert backups.delete_backups(db_path, plain_only=True) == [plain]
    assert list_backups(db_path) == [sealed]


def test_a_backups_folder_that_is_a_link_is_refused(
    with_a_case: tuple[Database, Case], db_path: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    backups.folder_of(db_path).symlink_to(elsewhere)

    outcome = with_a_case[0].backup()

    assert outcome.backup is None
    assert outcome.notices == [(f"{backups.folder_of(db_path)} is not a folder; Pulang keeps "
                                "its backups there and has not changed it.")]
    assert list(elsewhere.iterdir()) == []


# -- erasures ------------------------------------------------------------------------------


def test_backups_from_before_an_erasure_go_once_it_is_seven_days_old(
    with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, case = with_a_case
    before = take_backup(db_path, "before erase", now=NOW - 10 * DAY).backup
    with db.transaction():
        db.record_erasure(when=NOW - 8 * DAY)
    db.save_case(changed(case, title="After"))
    after = take_backup(db_path, now=NOW - 5 * DAY).backup
    assert before is not None and after is not None
    schema_copy = db_path.with_name(db_path.name + ".schema1-20000101-000000.bak")
    schema_copy.write_bytes(db_path.read_bytes())
    os.utime(schema_copy, ((NOW - 9 * DAY).timestamp(),) * 2)

    removed = prune(db_path, now=NOW)

    assert {b.path for b in removed} == {before.path, schema_copy}
    assert list_backups(db_path) == [after]
    assert not before.journal.exists() and not before.manifest.exists()
    assert not schema_copy.exists()
    assert db.raw_tables()["_meta"]["1"]["erasures"] == [(NOW - 8 * DAY).isoformat()]


def test_backups_from_before_a_recent_erasure_stay_for_now(
    with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, _case = with_a_case
    before = take_backup(db_path, "before erase", now=NOW - 4 * DAY).backup
    with db.transaction():
        db.record_erasure(when=NOW - 3 * DAY)

    assert prune(db_path, now=NOW) == []
    assert list_backups(db_path) == [before]
    assert prune(db_path, now=NOW + 4 * DAY) == [before]
    assert list_backups(db_path) == []


def test_an_erasure_in_the_meta_alone_is_noted_at_the_next_backup(
    with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    """A database whose meta records an erasure (restored, or copied from elsewhere)."""
    old = take_backup(db_path, "before erase", now=NOW - 9 * DAY).backup
    assert old is not None
    erased = (NOW - 8 * DAY).isoformat()

    outcome = take_backup(db_path, "before restore", erasures=[erased])

    assert outcome.removed == [old]
    assert backups.noted_erasures(db_path) == [erased]


# -- the command line ----------------------------------------------------------------------


@pytest.mark.script
def test_backups_lists_them_newest_first(pulang: Run, with_a_case: Any,
                                         db_path: Path) -> None:
    db, case = with_a_case
    db.backup()
    db.save_case(changed(case, title="After"))
    db.backup()

    done = pulang("backups", "--db", db_path)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"Backups of {db_path}, newest first, in {backups.folder_of(db_path)}:"
    assert [line.split()[0] for line in lines[1:3]] == ["1", "2"]
    assert all("opened" in line and line.endswith("not encrypted") for line in lines[1:3])
    assert lines[3] == "To put one back: pulang restore NUMBER"


def test_backups_with_none_says_so(cli: Run, db_path: Path) -> None:
    done = cli("backups", "--db", db_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"No backups of {db_path} yet."


def test_backups_deletes_those_an_old_erasure_expired(
    cli: Run, with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, _case = with_a_case
    take_backup(db_path, "before erase", now=NOW - 9 * DAY)
    with db.transaction():
        db.record_erasure(when=NOW - 8 * DAY)

    done = cli("backups", "--db", db_path)

    assert done.returncode == 0
    assert "Deleted 1 backups taken before an erasure more than 7 days ago." in done.stderr
    assert done.stdout.strip() == f"No backups of {db_path} yet."
    assert list_backups(db_path) == []


def test_restore_brings_back_the_old_records_and_keeps_the_present_ones(
    cli: Run, with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, case = with_a_case
    db.backup()
    db.save_case(changed(case, title="After"))
    db.save_case(a_case("Added after"))
    db.close()
    assert titles(db_path) == ["Added after", "After"]

    done = cli("restore", "1", "--db", db_path, "--yes")

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Restored {db_path} from the backup of ")
    assert titles(db_path) == ["Before"]
    kept = list_backups(db_path)[0]
    assert kept.reason == "before restore"
    assert titles(kept.path) == ["Added after", "After"]
    assert db_path.stat().st_mode == kept.path.stat().st_mode  # the file kept its mode


def test_restore_without_a_terminal_or_yes_changes_nothing(
    cli: Run, with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, case = with_a_case
    db.backup()
    db.save_case(changed(case, title="After"))
    before = files_of(db_path)

    done = cli("restore", "1", "--db", db_path)

    assert done.returncode == 5
    assert len(done.stderr.strip().splitlines()) == 1 and "--yes" in done.stderr
    assert "Traceback" not in done.stderr
    assert files_of(db_path) == before


@pytest.mark.script
@pytest.mark.parametrize("answer", ["n", "y"])
def test_restore_asks_on_the_terminal(pulang: Run,
                                      with_a_case: tuple[Database, Case], db_path: Path,
                                      answer: str) -> None:
    db, case = with_a_case
    db.backup()
    db.save_case(changed(case, title="After"))
    before = files_of(db_path)
    terminal, other_end = pty.openpty()
    try:
        os.write(terminal, answer.encode() + b"\n")
        done = pulang("restore", "1", "--db", db_path, stdin=other_end)
    finally:
        os.close(terminal)
        os.close(other_end)

    assert "The present state is kept as a backup. [y/N]" in done.stderr
    if answer == "n":
        assert done.returncode == 1
        assert "Nothing was restored." in done.stderr
        assert files_of(db_path) == before
    else:
        assert done.returncode == 0, done.stderr
        assert titles(db_path) == ["Before"]


def test_restore_refuses_a_damaged_backup(cli: Run,
                                          with_a_case: tuple[Database, Case],
                                          db_path: Path) -> None:
    db, _case = with_a_case
    backup = db.backup().backup
    assert backup is not None
    damaged = backup.path.with_name("damaged")
    damaged.write_bytes(backup.path.read_bytes()[:40])
    os.replace(damaged, backup.path)  # never write through the link: that is the database
    before = files_of(db_path)

    done = cli("restore", "1", "--db", db_path, "--yes")

    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert files_of(db_path) == before


@pytest.mark.parametrize("spec", ["9", "no-such-backup"])
def test_restore_of_a_backup_that_is_not_there(cli: Run,
                                               with_a_case: tuple[Database, Case],
                                               db_path: Path, spec: str) -> None:
    with_a_case[0].backup()
    before = files_of(db_path)
    done = cli("restore", spec, "--db", db_path, "--yes")
    assert done.returncode == 2
    assert "pulang backups" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert files_of(db_path) == before


def test_restore_by_file_name_and_of_the_database_itself(
    cli: Run, with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, case = with_a_case
    backup = db.backup().backup
    assert backup is not None
    db.save_case(changed(case, title="After"))

    itself = cli("restore", db_path, "--db", db_path, "--yes")
    assert itself.returncode == 2 and "the database itself" in itself.stderr

    done = cli("restore", backup.path.name, "--db", db_path, "--yes")
    assert done.returncode == 0, done.stderr
    assert titles(db_path) == ["Before"]


# -- restoring safely ----------------------------------------------------------------------


def test_a_full_disk_while_restoring_changes_nothing(
    with_a_case: tuple[Database, Case], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, case = with_a_case
    backup = db.backup().backup
    assert backup is not None
    db.save_case(changed(case, title="After"))
    before = files_of(db_path)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteFailed, match="Nothing was changed"):
        backups.restore(db_path, backup)
    monkeypatch.undo()

    assert files_of(db_path) == before
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_restore_stopped_halfway_leaves_a_state_the_database_had(
    with_a_case: tuple[Database, Case], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped between the snapshot and the journal: the backup's snapshot alone, never mixed
    with the journal of the database it replaced, even of the same generation."""
    db, case = with_a_case
    db.compact()
    case = db.save_case(changed(case, title="In the journal"))
    backup = db.backup().backup  # snapshot: "Before"; its journal: "In the journal"
    assert backup is not None
    db.save_case(changed(case, title="After"))  # the same generation, another journal
    db.close()
    replace = os.replace

    def dies_at_the_journal(source: Any, target: Any) -> None:
        if Path(target) == journal_path(db_path):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        replace(source, target)

    monkeypatch.setattr(os, "replace", dies_at_the_journal)
    with pytest.raises(WriteFailed, match="stopped halfway"):
        backups.restore(db_path, backup)
    monkeypatch.undo()

    assert titles(db_path) == ["Before"]  # the backup's snapshot, with no journal on it
    backups.restore(db_path, backup)  # run again, as the message says
    assert titles(db_path) == ["In the journal"]


def test_restore_warns_of_what_comes_back(with_a_case: tuple[Database, Case],
                                          db_path: Path) -> None:
    db, _case = with_a_case
    backup = take_backup(db_path, "before erase", now=NOW - 2 * DAY).backup
    assert backup is not None
    assert backups.restore_warnings(db_path, backup) == []
    with db.transaction():
        db.record_erasure(when=NOW - DAY)

    assert backups.restore_warnings(db_path, backup) == [
        ("This backup is from before a record was erased: restoring it brings the erased "
         "record back.")
    ]


def test_a_running_reader_sees_the_restored_records(
    with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    db, case = with_a_case
    backup = db.backup().backup
    assert backup is not None
    db.save_case(changed(case, title="After"))
    assert [row.title for row in db.case_rows()] == ["After"]

    backups.restore(db_path, backup)

    assert [row.title for row in db.case_rows()] == ["Before"]
    assert [c.title for c in db.cases()] == ["Before"]


def test_a_backup_is_found_whatever_names_it(with_a_case: tuple[Database, Case],
                                             db_path: Path) -> None:
    backup = with_a_case[0].backup().backup
    assert isinstance(backup, Backup)
    for spec in ["1", backup.path.name, str(backup.path), str(backup.journal)]:
        assert backups.find_backup(db_path, spec) == backup


def test_an_encrypted_backup_is_put_back_byte_for_byte(
    cli: Run, with_a_case: tuple[Database, Case], db_path: Path
) -> None:
    plain = with_a_case[0].backup().backup
    assert plain is not None
    with_a_case[0].close()
    seal_a_database(db_path)
    sealed = take_backup(db_path).backup
    assert sealed is not None
    seal_a_database(db_path)  # sealed again: other bytes
    assert db_path.read_bytes() != sealed.path.read_bytes()

    listed = cli("backups", "--db", db_path)
    assert [line.rsplit("  ", 1)[-1] for line in listed.stdout.splitlines()[1:3]] == [
        "encrypted", "not encrypted"]
    assert backups.restore_warnings(db_path, plain) == [
        ("This backup is not encrypted: after restoring it, the database is not encrypted "
         "either.")
    ]

    before = backups.restore(db_path, sealed)

    assert db_path.read_bytes() == sealed.path.read_bytes()
    assert journal_path(db_path).read_bytes() == sealed.journal.read_bytes()
    assert before is not None and before.encrypted
