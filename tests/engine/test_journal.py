"""The journal beside the snapshot: torn tails, damage, interrupted compaction, the lock."""

from __future__ import annotations

import getpass
import os
import shutil
from pathlib import Path

import orjson
import pytest

import store.engine.journal
from store.common.errors import CorruptDatabase, DatabaseBusy, ExitCode
from store.db.database import Database
from store.domain.records import build
from store.engine.journal import journal_path, locked
from store.exchange.check import check
from tests.engine.conftest import a_case


def journal_lines(db_path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in journal_path(db_path).read_bytes().splitlines()]


@pytest.fixture
def two_cases(db_path: Path) -> Path:
    db = Database.open(db_path, create=True)
    db.save_case(a_case("First"))
    db.save_case(a_case("Second"))
    # Leave without closing, as a killed process would: both saves live in the journal only.
    return db_path


def titles(db_path: Path) -> list[str]:
    db = Database.open(db_path)
    found = sorted(c.title for c in db.cases())
    assert check(db) == []
    return found


def test_each_save_is_one_journal_entry_in_a_hash_chain(two_cases: Path) -> None:
    header, first, second = journal_lines(two_cases)
    assert header["format"] == "pulang-journal"
    assert [first["seq"], second["seq"]] == [1, 2]
    assert first["gen"] == second["gen"] == header["generation"]
    assert str(first["writer"]).startswith(f"{getpass.getuser()}@")
    assert str(first["writer"]).endswith(f":{os.getpid()}")
    assert first["prev"] == store.engine.journal.line_hash(
        journal_path(two_cases).read_bytes().splitlines(keepends=True)[0])
    [change] = [c for c in first["changes"] if c["table"] == "cases"]  # type: ignore[union-attr]
    assert (change["old"], change["new"], change["data"]["title"]) == (None, 1, "First")
    assert orjson.loads(two_cases.read_bytes())["cases"] == {}  # the snapshot was not rewritten


@pytest.mark.parametrize("tail", [b'{"seq": 3, "gen"', b'{"seq": 3, "wri\n', b"\x00\x00\x00"])
def test_a_torn_last_entry_is_dropped(two_cases: Path, tail: bytes) -> None:
    with journal_path(two_cases).open("ab") as journal:
        journal.write(tail)
    assert titles(two_cases) == ["First", "Second"]

    db = Database.open(two_cases)
    db.save_case(a_case("Third"))  # the torn tail is cut off before this entry goes on
    assert titles(two_cases) == ["First", "Second", "Third"]
    assert all(line.startswith(b"{") for line in journal_path(two_cases).read_bytes().splitlines())


def test_damage_before_the_end_is_refused_and_left_alone(two_cases: Path) -> None:
    journal = journal_path(two_cases)
    lines = journal.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b"First", b"Fxrst")  # breaks the hash chain to the next line
    journal.write_bytes(b"".join(lines))
    before = journal.read_bytes(), two_cases.read_bytes()

    with pytest.raises(CorruptDatabase) as refused:
        Database.open(two_cases)
    assert refused.value.exit_code == ExitCode.UNREADABLE
    assert (journal.read_bytes(), two_cases.read_bytes()) == before


def test_a_compaction_stopped_before_the_journal_reset_loses_and_doubles_nothing(
    two_cases: Path, tmp_path: Path
) -> None:
    old_journal = tmp_path / "journal-before-compaction"
    shutil.copy(journal_path(two_cases), old_journal)
    Database.open(two_cases).compact()
    # The crash: the new snapshot is in place, the journal is still the old generation's.
    shutil.copy(old_journal, journal_path(two_cases))

    assert titles(two_cases) == ["First", "Second"]
    db = Database.open(two_cases)
    db.save_case(a_case("Third"))
    assert titles(two_cases) == ["First", "Second", "Third"]


def test_a_snapshot_older_than_its_journal_is_refused(two_cases: Path, tmp_path: Path) -> None:
    old_snapshot = tmp_path / "snapshot-before"
    shutil.copy(two_cases, old_snapshot)
    db = Database.open(two_cases)
    db.compact()
    db.save_case(a_case("Third"))
    shutil.copy(old_snapshot, two_cases)  # restored from a backup, the new journal left beside

    with pytest.raises(CorruptDatabase):
        Database.open(two_cases)


def test_a_held_lock_makes_a_save_wait_then_report_busy(
    two_cases: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.engine.journal, "LOCK_TIMEOUT_SECONDS", 0.2)
    db = Database.open(two_cases)
    journal_before = journal_path(two_cases).read_bytes()
    with locked(two_cases):  # another process saving or compacting
        with pytest.raises(DatabaseBusy) as busy:
            db.save_case(a_case("Third"))
    assert busy.value.exit_code == ExitCode.BUSY == 4
    assert journal_path(two_cases).read_bytes() == journal_before
    assert sorted(c.title for c in db.cases()) == ["First", "Second"]  # memory undone too
    db.save_case(a_case("Third"))  # once the lock is free, the save goes through
    assert titles(two_cases) == ["First", "Second", "Third"]


def test_compaction_folds_the_journal_into_a_new_generation(two_cases: Path) -> None:
    db = Database.open(two_cases)
    generation = orjson.loads(two_cases.read_bytes())["_meta"]["1"]["generation"]
    db.compact()
    snapshot = orjson.loads(two_cases.read_bytes())
    assert snapshot["_meta"]["1"]["generation"] == generation + 1
    assert sorted(c["title"] for c in snapshot["cases"].values()) == ["First", "Second"]
    assert journal_lines(two_cases) == [{"format": "pulang-journal", "generation": generation + 1}]
    # The snapshot is still a TinyDB file that TinyDB itself can read.
    from tinydb import TinyDB

    from store.engine.storage import AtomicJSONStorage

    with TinyDB(two_cases, storage=AtomicJSONStorage) as tiny:
        assert len(tiny.table("cases")) == 2


def test_the_snapshot_is_one_record_a_line_under_a_seal(two_cases: Path) -> None:
    Database.open(two_cases).compact()
    lines = two_cases.read_bytes().splitlines()
    assert lines[0].startswith(b'{"_meta":{"1":')
    assert lines[1] == b'"_rows":{'  # the cases list first, shown before the records load
    assert b'"cases":{' in lines
    assert sum(1 for line in lines if b'"title":' in line) == 2
    assert lines[-2].startswith(b'"_seal":{"1":{"crc32":"')
    assert orjson.loads(two_cases.read_bytes())["cases"]  # and the whole is plain JSON


def test_a_snapshot_rewritten_by_another_tool_is_read_whole(two_cases: Path) -> None:
    Database.open(two_cases).compact()
    data = orjson.loads(two_cases.read_bytes())
    [doc] = [d for d in data["cases"].values() if d["title"] == "First"]
    doc["title"] = "First, edited"
    two_cases.write_bytes(orjson.dumps(data))  # one line, as TinyDB or a script would write it
    assert titles(two_cases) == ["First, edited", "Second"]


def test_a_changed_byte_inside_a_sealed_snapshot_is_refused(two_cases: Path) -> None:
    Database.open(two_cases).compact()
    damaged = two_cases.read_bytes().replace(b'"title":"First"', b'"title":"Fxrst"')
    two_cases.write_bytes(damaged)  # still valid JSON: only the checksum can tell
    with pytest.raises(CorruptDatabase):
        Database.open(two_cases)
    assert two_cases.read_bytes() == damaged


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_a_snapshot_cut_short_is_refused(two_cases: Path, keep: float) -> None:
    Database.open(two_cases).compact()
    whole = two_cases.read_bytes()
    two_cases.write_bytes(whole[: int(len(whole) * keep)])
    before = two_cases.read_bytes()
    with pytest.raises(CorruptDatabase):
        Database.open(two_cases)
    assert two_cases.read_bytes() == before


def test_loading_reports_progress(db_path: Path) -> None:
    from store.exchange.demo import write_demo

    write_demo(db_path).close()
    heard: list[float] = []
    Database.open(db_path, progress=heard.append).close()
    assert heard and all(0 <= share <= 1 for share in heard)


def test_a_reader_leaves_the_files_as_it_found_them(two_cases: Path) -> None:
    before = two_cases.read_bytes(), journal_path(two_cases).read_bytes()
    with Database.open(two_cases) as db:  # as `pulang check` does
        assert check(db) == []
    assert (two_cases.read_bytes(), journal_path(two_cases).read_bytes()) == before


def test_a_file_in_another_layout_is_rewritten_in_ours_after_a_save(tmp_path: Path) -> None:
    """The path a database from before this layout (or written by another tool) takes."""
    path = tmp_path / "old.json"
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "schema_v1.json", path)
    path.chmod(0o600)  # as private as a real database (the checkout's copy may be 0644)
    db = Database.open(path)
    before = len(db.cases())
    case = db.save_case(a_case("Saved on the old layout"))
    from store.domain.records import LogEntry

    db.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": "Called the consul"}))
    db.close()  # folds the journal in, writing our layout

    assert path.read_bytes().startswith(b'{"_meta":{"1":')
    assert b'"_rows":{' in path.read_bytes()
    again = Database.open(path)
    assert len(again.cases()) == before + 1
    assert [e.summary for e in again.log_of(case.id)] == ["Called the consul"]
    assert check(again) == []
