"""The database file: how it is written, read, refused, and survives a writer killed mid-save."""

from __future__ import annotations

import getpass
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

import store.engine.snapshot
import store.engine.storage
from store.common.errors import (
    Conflict,
    CorruptDatabase,
    DatabaseError,
    ExitCode,
    NewerSchema,
    NotADatabase,
)
from store.db.database import Database
from store.domain.records import Case, LogEntry, build, changed
from store.engine.journal import journal_path
from store.engine.migrations import FORMAT_MARKER, META_DOC, META_TABLE, SCHEMA_VERSION
from store.exchange.check import check
from tests.conftest import PASSPHRASE, snapshot
from tests.engine.conftest import a_case, a_worker
from tests.killed import writers_killed


def on_disk(path: Path) -> dict[str, Any]:
    return orjson.loads(path.read_bytes())


def rewrite(path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """Change the file as another program would: a new file renamed over the old one."""
    data = on_disk(path)
    edit(data)
    spare = path.with_name(path.name + ".edited")
    spare.write_bytes(orjson.dumps(data))
    spare.chmod(0o600)  # private, as Pulang would refuse a file anyone could read
    os.replace(spare, path)


# -- a new file, a rewritten file ----------------------------------------------------------


def test_a_new_database_is_private_and_says_what_it_is(db_path: Path) -> None:
    Database.open(db_path, create=True).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    meta = on_disk(db_path)[META_TABLE][META_DOC]
    assert meta["format"] == FORMAT_MARKER
    assert meta["schema"] == SCHEMA_VERSION


def test_a_rewrite_keeps_the_mode_the_user_chose(empty_db: Database, db_path: Path) -> None:
    db_path.chmod(0o640)
    empty_db.save_case(a_case())
    empty_db.compact()  # folds the journal into a new snapshot and starts a new journal
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o640
    assert stat.S_IMODE(journal_path(db_path).stat().st_mode) == 0o640
    assert len(on_disk(db_path)["cases"]) == 1  # the compaction did replace the file


# -- reading: parsed once, again only when the file was replaced ---------------------------


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every time the store reads a snapshot through (the real readers still run)."""
    seen: list[Path] = []
    real_lines, real_inspect = store.engine.snapshot.read_lines, store.engine.storage.inspect

    def counting_lines(path: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(path)
        return real_lines(path, *args, **kwargs)

    def counting_inspect(path: Path, raw: bytes, newest_schema: int) -> Any:
        if not seen or seen[-1] != path:  # the line reader fell back to a whole parse
            seen.append(path)
        return real_inspect(path, raw, newest_schema)

    monkeypatch.setattr(store.engine.snapshot, "read_lines", counting_lines)
    monkeypatch.setattr(store.engine.storage, "inspect", counting_inspect)
    return seen


def test_reads_do_not_parse_the_file_again(db_path: Path, parses: list[Path]) -> None:
    db = Database.open(db_path, create=True)
    db.save_case(a_case())
    assert parses == []  # a new file is written, never read back
    db.close()

    db = Database.open(db_path)
    assert len(parses) == 1
    case = db.save_case(a_case(title="Another"))
    for _ in range(50):
        assert len(db.cases()) == 2
        db.get(Case, case.id)
        db.case_rows()
        db.workers_of(case.id)
    assert len(parses) == 1
    db.close()


def test_a_change_by_another_process_is_seen(db_path: Path, parses: list[Path]) -> None:
    first = Database.open(db_path, create=True)
    case = first.save_case(a_case())
    assert first.cases() == [case]

    other = Database.open(db_path)
    added = other.save_case(a_case(title="Added elsewhere"))
    parses.clear()

    assert {c.id for c in first.cases()} == {case.id, added.id}
    assert parses == []  # the other's save was one journal entry: read alone, no re-parse

    other.compact()  # the other process writes a new snapshot generation
    parses.clear()
    assert {c.id for c in first.cases()} == {case.id, added.id}
    assert len(parses) == 1  # re-read once, because the snapshot was replaced
    first.cases()
    assert len(parses) == 1  # and not again while it stays as it is
    first.close()
    other.close()


def test_every_query_sees_another_process_s_change(db_path: Path) -> None:
    first = Database.open(db_path, create=True)
    case = first.save_case(a_case())
    # Ask once, so that anything the first instance caches is cached.
    assert first.workers_of(case.id) == []
    assert first.log_of(case.id) == []

    other = Database.open(db_path)
    worker = other.save_worker(a_worker(case))
    entry = other.save_log_entry(
        build(LogEntry, {"case_id": case.id, "worker_ids": [worker.id], "summary": "Called"})
    )

    assert [r.workers for r in first.case_rows()] == [1]
    assert [w.id for w in first.workers_of(case.id)] == [worker.id]
    assert [e.id for e in first.log_of(case.id)] == [entry.id]
    first.close()
    other.close()


def test_the_cases_list_sees_a_change_another_process_compacted(db_path: Path) -> None:
    first = Database.open(db_path, create=True)
    case = first.save_case(a_case(title="Before"))
    first.compact()
    reader = Database.open(db_path)  # its list comes from the snapshot's rows
    assert [r.title for r in reader.case_rows()] == ["Before"]

    first.save_case(changed(case, title="After"))
    first.compact()  # folded in: the journal no longer names the case

    assert [r.title for r in reader.case_rows()] == ["After"]
    first.close()
    reader.close()


def test_saving_after_another_process_added_a_record(db_path: Path) -> None:
    first = Database.open(db_path, create=True)
    mine = first.save_case(a_case(title="Mine"))
    other = Database.open(db_path)
    theirs = other.save_case(a_case(title="Theirs"))

    also_mine = first.save_case(a_case(title="Also mine"))

    with Database.open(db_path) as fresh:
        assert {c.id for c in fresh.cases()} == {mine.id, theirs.id, also_mine.id}
        assert sorted(c.ref or "" for c in fresh.cases()) == [
            "KH-2025-0001", "KH-2025-0002", "KH-2025-0003"]
        assert check(fresh) == []
    first.close()
    other.close()


# -- refusals: anything that is not a sound Pulang database is left alone ------------------


def _pulang_db_of_schema_999(path: Path, valid: bytes) -> None:
    data = orjson.loads(valid)
    data[META_TABLE][META_DOC]["schema"] = 999
    path.write_bytes(orjson.dumps(data))


BAD_FILES: dict[str, tuple[Callable[[Path, bytes], None], type[DatabaseError]]] = {
    "empty": (lambda p, v: p.write_bytes(b""), CorruptDatabase),
    "truncated": (lambda p, v: p.write_bytes(v[: len(v) // 2]), CorruptDatabase),
    "garbage": (lambda p, v: p.write_bytes(b"\x00\x9f\x92\x96 not json \xff" * 20), NotADatabase),
    "tinydb": (lambda p, v: p.write_bytes(b'{"_default": {"1": {"name": "x"}}}'), NotADatabase),
    "json list": (lambda p, v: p.write_bytes(b"[1, 2, 3]"), NotADatabase),
    "schema 999": (_pulang_db_of_schema_999, NewerSchema),
}


@pytest.mark.parametrize("create", [False, True], ids=["open", "open-or-create"])
@pytest.mark.parametrize("damage", list(BAD_FILES))
def test_a_bad_file_is_refused_and_left_as_it_is(demo_db: Database, tmp_path: Path,
                                                 damage: str, create: bool) -> None:
    valid = demo_db.path.read_bytes()
    path = tmp_path / "bad.json"
    make, expected = BAD_FILES[damage]
    make(path, valid)
    path.chmod(0o600)  # private like a real database: refused for what it holds, not its mode
    before = snapshot(path)

    with pytest.raises(expected) as caught:
        Database.open(path, create=create)

    assert caught.value.exit_code == ExitCode.UNREADABLE == 2
    assert snapshot(path) == before


def test_a_folder_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "pulang.json"
    folder.mkdir()
    (folder / "inside").write_text("x")
    mtime = folder.stat().st_mtime_ns

    with pytest.raises(NotADatabase) as caught:
        Database.open(folder, create=True)

    assert caught.value.exit_code == 2
    assert os.listdir(folder) == ["inside"]
    assert folder.stat().st_mtime_ns == mtime


# -- transactions, versions, conflicts -----------------------------------------------------


def test_a_failed_transaction_leaves_file_and_memory_as_they_were(empty_db: Database,
                                                                  db_path: Path) -> None:
    case = empty_db.save_case(a_case())
    before = db_path.read_bytes()

    with pytest.raises(RuntimeError), empty_db.transaction():
        empty_db.save_case(a_case(title="Never saved"))
        empty_db.save_worker(a_worker(case))
        raise RuntimeError("the officer's laptop lost power")

    assert db_path.read_bytes() == before
    assert empty_db.cases() == [case]
    assert empty_db.workers_of(case.id) == []
    # The reference handed out inside the failed transaction is free again.
    assert empty_db.save_case(a_case(title="Next")).ref == "KH-2025-0002"
    assert check(empty_db) == []


def test_references_are_given_once_and_kept(empty_db: Database) -> None:
    first = empty_db.save_case(a_case())
    second = empty_db.save_case(a_case(title="Second"))
    assert (first.ref, second.ref) == ("KH-2025-0001", "KH-2025-0002")
    assert empty_db.save_case(a_case(destination_country="TH")).ref == "TH-2025-0001"
    assert empty_db.save_case(a_case(date_reported="01/06/2024")).ref == "KH-2024-0001"

    moved = empty_db.save_case(changed(first, destination_country="TH"))
    assert moved.ref == "KH-2025-0001"
    assert empty_db.case_by_ref("kh-2025-0001") == moved


def test_a_reference_is_never_reused(empty_db: Database, db_path: Path) -> None:
    for n in range(3):
        empty_db.save_case(a_case(title=f"Case {n}"))
    empty_db.compact()
    assert on_disk(db_path)[META_TABLE][META_DOC]["counters"]["KH-2025"] == 3

    # The case with the highest reference disappears (removed by another program).
    def drop_highest(data: dict[str, Any]) -> None:
        cases = data["cases"]
        [doc_id] = [k for k, c in cases.items() if c["ref"] == "KH-2025-0003"]
        del cases[doc_id]

    rewrite(db_path, drop_highest)
    assert len(empty_db.cases()) == 2
    assert empty_db.save_case(a_case(title="New")).ref == "KH-2025-0004"


def test_each_save_stamps_version_time_and_user(empty_db: Database, db_path: Path) -> None:
    v1 = empty_db.save_case(a_case())
    v2 = empty_db.save_case(changed(v1, title="Renamed"))
    v3 = empty_db.save_case(changed(v2, urgency="high"))

    assert [v.version for v in (v1, v2, v3)] == [1, 2, 3]
    assert v1.created_at == v2.created_at == v3.created_at
    assert v1.created_at is not None and v1.updated_at is not None
    assert v2.updated_at is not None and v3.updated_at is not None
    assert v1.updated_at < v2.updated_at < v3.updated_at
    assert {v.changed_by for v in (v1, v2, v3)} == {getpass.getuser()}
    with Database.open(db_path) as reopened:
        assert reopened.get(Case, v1.id) == v3


def test_saving_a_stale_copy_is_a_conflict(empty_db: Database, db_path: Path) -> None:
    opened = empty_db.save_case(a_case())
    empty_db.save_case(changed(opened, title="Saved by a colleague"))
    before = db_path.read_bytes()

    with pytest.raises(Conflict):
        empty_db.save_case(changed(opened, title="Saved over it"))

    assert db_path.read_bytes() == before
    assert empty_db.get(Case, opened.id).title == "Saved by a colleague"


def test_a_stale_copy_from_another_process_is_a_conflict(empty_db: Database,
                                                         db_path: Path) -> None:
    opened = empty_db.save_case(a_case())
    with Database.open(db_path) as colleague:
        colleague.save_case(changed(opened, title="Saved by a colleague"))
    before = db_path.read_bytes()

    with pytest.raises(Conflict):
        empty_db.save_case(changed(opened, title="Saved over it"))
    assert db_path.read_bytes() == before


def test_removing_a_worker_unlinks_them_from_the_log(empty_db: Database, db_path: Path) -> None:
    case = empty_db.save_case(a_case())
    leaving = empty_db.save_worker(a_worker(case, "Dewi Anggraini"))
    staying = empty_db.save_worker(a_worker(case, "Agus Setiawan"))
    entry = empty_db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "worker_ids": [leaving.id, staying.id], "summary": "Called KBRI"}))

    empty_db.remove_worker(leaving.id)

    with Database.open(db_path) as reopened:
        [kept] = reopened.log_of(case.id)
        assert kept.id == entry.id
        assert kept.worker_ids == [staying.id]
        assert [w.id for w in reopened.workers_of(case.id)] == [staying.id]
        assert check(reopened) == []


# -- crash safety --------------------------------------------------------------------------


@pytest.mark.parametrize("passphrase", ["", PASSPHRASE], ids=["plain", "encrypted"])
def test_a_writer_killed_at_any_moment_loses_nothing_it_reported_saved(
        db_path: Path, tmp_path: Path, passphrase: str, cheap_keys: None) -> None:
    writers_killed(db_path, tmp_path, passphrase, rounds=8)  # 100: tests/soak


