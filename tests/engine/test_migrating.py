"""Migrations run in one pass over each table (store/engine/migrating.py), with progress: the
same records as the steps run one after the other, the records done said up to the total, all
or nothing. The steps themselves: tests/engine/test_migrations.py."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.common.errors import MigrationFailed
from store.db.database import Database
from store.engine import migrating, snapshot
from store.engine.crypto import is_encrypted_file
from store.engine.migrations import MIGRATIONS, SCHEMA_VERSION, Migration, Walk, migrate
from tests.conftest import FIXTURES, PASSPHRASE, Run, private_copy
from tests.conftest import snapshot as files_of

OLDER = sorted(FIXTURES.glob("schema_v*.json"), key=lambda p: int(p.stem.removeprefix("schema_v")))
NOT_RECORDS = ("_meta", "_rows", "_seal")


def _records_in(path: Path) -> int:
    data = orjson.loads(path.read_bytes())
    return sum(len(table) for name, table in data.items() if name not in NOT_RECORDS)


def _document(path: Path) -> dict[str, Any]:
    data = orjson.loads(path.read_bytes())
    return {name: table for name, table in data.items() if name not in ("_rows", "_seal")}


@pytest.mark.parametrize("fixture", OLDER, ids=[p.stem for p in OLDER])
def test_one_pass_gives_what_the_steps_give_one_after_the_other(fixture: Path) -> None:
    """Every pending step in one pass over each table (a step preparing from the records as
    they stood before the pass) changes the records exactly as the steps run one by one."""
    tables = _document(fixture)
    log = tables.get("log", {})
    if log:  # an answer to the first entry, so that schema 11 finds a request acknowledged
        key, first = next(iter(log.items()))
        first["awaiting_reply"] = True
        first["counterpart_org"] = first.get("counterpart_org") or "ASEAN TUC"
        log["answer"] = dict(first, id="f" * 32, at="2030-01-02T10:00:00+00:00",
                             awaiting_reply=False)
    said_once: list[str] = []
    once = migrate(tables, fixture, MIGRATIONS, said_once)
    said_by_step: list[str] = []
    by_step = tables
    for step in MIGRATIONS:
        by_step = migrate(by_step, fixture, [step], said_by_step)
    assert once == by_step
    assert said_once == said_by_step
    assert once["_meta"]["1"]["schema"] == SCHEMA_VERSION
    if log and int(tables["_meta"]["1"]["schema"]) < 11:
        assert once["log"][key]["request_state"] == "acknowledged"


@pytest.mark.parametrize("fixture", [OLDER[0], OLDER[-1]], ids=["from schema 1", "from the last"])
def test_opening_says_the_records_done_up_to_the_total(tmp_path: Path, fixture: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrating, "_PROGRESS_EVERY", 3)  # a few records: said often
    path = private_copy(fixture, tmp_path)
    total = _records_in(path)
    heard: list[tuple[int, int]] = []
    with Database.open(path, upgrading=lambda done, of: heard.append((done, of))) as db:
        assert db.schema == SCHEMA_VERSION
    assert heard[0] == (0, total) and heard[-1] == (total, total) and total > 0
    assert heard.count((total, total)) == 1  # the end, said once
    done = [d for d, _of in heard]
    assert done == sorted(done) and {of for _d, of in heard} == {total}
    if fixture == OLDER[0]:  # tables walked record by record: said on the way
        assert any(0 < d < total for d in done)
    heard.clear()
    Database.open(path, upgrading=lambda done, of: heard.append((done, of))).close()
    assert heard == []  # nothing more to upgrade


def test_a_step_failing_on_one_record_changes_nothing(tmp_path: Path) -> None:
    def workers(read: Any) -> Walk:
        def worker(doc: dict[str, Any]) -> dict[str, Any]:
            doc["erased_at"] = None
            return doc
        return Walk({"workers": worker})

    def log(read: Any) -> Walk:
        def entry(doc: dict[str, Any]) -> dict[str, Any]:
            raise KeyError("a field the step expected is missing")
        return Walk({"log": entry})

    steps = [Migration(2, "a step", walk=workers), Migration(3, "a step with a bug", walk=log)]
    path = private_copy(FIXTURES / "schema_v1.json", tmp_path)
    before = files_of(path)
    with pytest.raises(MigrationFailed) as caught:
        Database.open(path, migrations=steps)
    assert "schema 3 failed (KeyError)" in str(caught.value)
    assert files_of(path) == before  # no change, no backup, no lock file, no leftovers


def test_an_upgrade_done_meanwhile_by_another_process_is_read_not_done_again(
        tmp_path: Path) -> None:
    """The steps run before the lock is taken; once it is, files changed since they were read
    are read again: here another process upgraded the database meanwhile."""
    path = private_copy(FIXTURES / "schema_v11.json", tmp_path)
    others: list[Path | None] = []

    def meanwhile(done: int, total: int) -> None:
        if not others:
            with Database.open(path) as other:
                others.append(other.backup_path)

    with Database.open(path, upgrading=meanwhile) as db:
        assert db.schema == SCHEMA_VERSION and db.backup_path is None
        assert len(db.cases()) == 5
    assert others[0] is not None
    copies = [name for name in os.listdir(tmp_path) if name.endswith(".bak")]
    assert copies == [others[0].name]  # one copy kept, by the process that upgraded


def test_the_snapshot_in_pieces_is_the_snapshot_whole(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    tables = {"cases": [(str(n), orjson.dumps({"id": f"{n:032x}", "note": "x" * n}))
                        for n in range(1, 40)], "log": [], "workers": [("1", b'{"id":"w"}')]}
    rows = [("c", b'["a"]')]
    whole = snapshot.render({"format": "pulang-db", "schema": 13}, tables, rows)
    monkeypatch.setattr(snapshot, "_SLICE", 64)  # a piece every record or two
    parts = list(snapshot.pieces({"format": "pulang-db", "schema": 13}, tables, rows))
    assert len(parts) > 10 and b"".join(parts) == whole
    path = tmp_path / "pulang.json"
    path.write_bytes(whole)
    read = snapshot.read_lines(path)
    assert read is not None and read[1]["cases"] == [raw for _key, raw in tables["cases"]]


def test_the_command_line_says_the_records_upgraded(tmp_path: Path, cli: Run) -> None:
    path = private_copy(FIXTURES / "schema_v12.json", tmp_path)
    total = _records_in(path)
    done = cli("check", "--db", path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"pulang: Upgrading the database: {total} of {total} records…" in done.stderr
    again = cli("check", "--db", path)
    assert "Upgrading" not in again.stderr



@pytest.mark.usefixtures("cheap_keys")
def test_an_encrypted_database_is_upgraded_and_stays_encrypted(tmp_path: Path) -> None:
    path = private_copy(FIXTURES / "schema_v11.json", tmp_path)
    with Database.open(path, migrations=MIGRATIONS[:11]) as db:  # to schema 12, then encrypted
        db.encrypt(PASSPHRASE)
        titles = sorted(case.title for case in db.cases())
    heard: list[tuple[int, int]] = []
    with Database.open(path, passphrase=PASSPHRASE,
                       upgrading=lambda done, of: heard.append((done, of))) as db:
        assert db.schema == SCHEMA_VERSION and db.encrypted
        assert sorted(case.title for case in db.cases()) == titles
        backup = db.backup_path
    assert heard[-1][0] == heard[-1][1] > 0
    assert backup is not None and is_encrypted_file(backup) and is_encrypted_file(path)
    assert all(title.encode() not in path.read_bytes() for title in titles)
    with Database.open(path, passphrase=PASSPHRASE) as db:
        assert db.schema == SCHEMA_VERSION and db.backup_path is None
        assert sorted(case.title for case in db.cases()) == titles


def test_the_copy_from_before_is_dated_when_the_upgrade_was_made(tmp_path: Path) -> None:
    path = private_copy(FIXTURES / "schema_v12.json", tmp_path)
    original = path.read_bytes()
    os.utime(path, (1_000_000_000, 1_000_000_000))  # last written long ago
    with Database.open(path) as db:
        copy = db.backup_path
    assert copy is not None and copy.read_bytes() == original
    assert copy.stat().st_mtime > 1_700_000_000 and copy.stat().st_ino != path.stat().st_ino


def test_a_table_no_pending_step_changes_is_kept_as_its_bytes_unparsed() -> None:
    kept = b"not even JSON: never parsed"
    raw: migrating.RawTables = {"workers": {"w": kept}, "cases": {"c": b'{"id":"c"}'}}
    meta, changed = migrating.run_steps({"schema": 11}, raw, "test", MIGRATIONS)
    assert meta["schema"] == SCHEMA_VERSION and changed == {"cases"}
    assert raw["workers"]["w"] is kept and raw["checkins"] == {}
    assert orjson.loads(raw["cases"]["c"]) == {"id": "c", "anonymised_on": None}
