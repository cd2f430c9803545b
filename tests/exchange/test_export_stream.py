"""The exports made as they are written (store/exchange/export_stream.py): the same json bytes
as the whole document dumped at once, in pieces of a few records; the zip's files those of the
csv export; and a damaged record met on the way leaving nothing behind, in a folder that was
there before too."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import orjson
import pytest

from store.common.errors import CorruptDatabase, ExitCode
from store.db.database import _KIND_OF, Database
from store.engine import audit
from store.engine.migrations import META_DOC, META_TABLE
from store.exchange import export_stream
from store.exchange.export import export_csv, json_export, prepare_export
from tui.cli import main

MOMENT = dt.datetime(2026, 1, 31, 9, 0, tzinfo=dt.timezone.utc)
pytestmark = pytest.mark.usefixtures("cheap_keys")


def at_once(db: Database) -> bytes:
    """The json export as it was made before it streamed: one document, dumped whole."""
    raw = db.raw_tables()
    tables = {table: sorted(raw.get(table, {}).values(), key=lambda d: str(d.get("id", "")))
              for table in _KIND_OF}
    document = {"format": "pulang-export", "version": 1, "schema": db.schema,
                "exported_at": MOMENT.isoformat(timespec="seconds"),
                "counters": dict(raw[META_TABLE][META_DOC].get("counters", {})),
                "tables": tables}
    return orjson.dumps(document, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)


def test_the_json_pieces_are_the_document_dumped_at_once(demo_db: Database) -> None:
    made = b"".join(json_export(demo_db, MOMENT)())
    assert made == at_once(demo_db)
    assert orjson.loads(made)["counters"]  # the demo's references were counted


def test_an_empty_database_exports_the_same_too(empty_db: Database) -> None:
    assert b"".join(json_export(empty_db, MOMENT)()) == at_once(empty_db)


def test_the_records_are_written_a_few_at_a_time(demo_db: Database,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_stream, "BATCH", 2)
    pieces = list(json_export(demo_db, MOMENT, check=True)())
    whole = b"".join(pieces)
    assert whole == at_once(demo_db)
    most = max(len(records) for records in demo_db.raw_tables().values())
    assert len(pieces) > most // 2  # never the whole table in one piece
    assert max(len(piece) for piece in pieces) < len(whole) // 4

    members = prepare_export(demo_db, "csv", record=False).members
    rows = list(members["log.csv"]())
    assert len(rows) > 2 and b"".join(rows) == export_csv(demo_db)["log.csv"]


def test_the_zip_holds_the_csv_files_and_is_the_same_each_time(demo_db: Database) -> None:
    prepared = prepare_export(demo_db, "csv", record=False)
    data = prepared.data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert {name: archive.read(name) for name in archive.namelist()} == export_csv(demo_db)
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
    assert prepare_export(demo_db, "csv", record=False).data == data


def damage_a_worker(db: Database) -> str:
    """A worker changed outside Pulang so that the import would refuse it; its id."""
    from tinydb import TinyDB

    from store.engine.storage import AtomicJSONStorage

    path = db.path
    db.close()
    with TinyDB(path, storage=AtomicJSONStorage) as tiny:
        [key, doc] = next((k, d) for k, d in tiny.table("workers")._read_table().items()
                          if d.get("full_name"))
        tiny.table("workers").update({"sex": "not a sex"}, doc_ids=[int(key)])
    return str(doc["id"])


def test_a_damaged_record_leaves_a_folder_as_it_was(demo_db: Database, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = demo_db.path
    worker_id = damage_a_worker(demo_db)
    trail = audit.audit_path(path).read_bytes()
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(b"kept")
    before = sorted(p.name for p in tmp_path.iterdir())
    for out in (folder, tmp_path / "new-folder", tmp_path / "export.zip",
                tmp_path / "export.json"):
        fmt = "json" if out.suffix == ".json" else "csv"
        assert main(["export", "--format", fmt, "--yes", "--db", str(path),
                     "--out", str(out)]) == ExitCode.UNREADABLE
        assert f"worker {worker_id}" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert audit.audit_path(path).read_bytes() == trail


def test_a_large_export_is_checked_beside_the_writing(demo_db: Database, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    """From export_check.PARALLEL_FROM records on (here: any), the records are checked in
    worker processes: the same bytes when all is well, the same refusal when it is not."""
    from store.exchange import export_check

    monkeypatch.setattr(export_check, "PARALLEL_FROM", 1)
    monkeypatch.setattr(export_check, "CHUNK", 5)
    waited: list[str] = []
    wait = export_check.Beside.wait

    def counted(self: export_check.Beside, table: str) -> None:
        waited.append(table)
        wait(self, table)

    monkeypatch.setattr(export_check.Beside, "wait", counted)
    monkeypatch.setattr(export_stream.Importable, "record", None)  # never in the writing
    made = b"".join(json_export(demo_db, MOMENT, check=True)())
    assert made == at_once(demo_db)
    assert waited == sorted(_KIND_OF)

    path = demo_db.path
    worker_id = damage_a_worker(demo_db)
    for fmt, out in (("json", tmp_path / "export.json"), ("csv", tmp_path / "export.zip"),
                     ("csv", tmp_path / "folder")):
        assert main(["export", "--format", fmt, "--yes", "--db", str(path),
                     "--out", str(out)]) == ExitCode.UNREADABLE
        assert f"worker {worker_id}" in capsys.readouterr().err
        assert not out.exists()
    with Database.open(path) as damaged:
        for fmt in ("json", "csv"):
            prepared = prepare_export(damaged, fmt, record=False)
            for _again in range(2):  # made again, refused again
                with pytest.raises(CorruptDatabase, match=worker_id):
                    b"".join(prepared.stream())


def test_the_statistics_check_beside_what_they_do_not_read(demo_db: Database, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    from tinydb import TinyDB

    from store.engine.storage import AtomicJSONStorage
    from store.exchange import export_check
    from store.exchange.htcds import export_htcds

    monkeypatch.setattr(export_check, "PARALLEL_FROM", 1)
    expected = export_htcds(demo_db)
    assert prepare_export(demo_db, "htcds", record=False).data == expected[0]

    path = demo_db.path
    demo_db.close()
    with TinyDB(path, storage=AtomicJSONStorage) as tiny:
        [key, doc] = next(iter(tiny.table("log")._read_table().items()))
        tiny.table("log").update({"kind": "not a kind"}, doc_ids=[int(key)])
    out = tmp_path / "statistics.csv"
    assert main(["export", "--format", "htcds", "--db", str(path),
                 "--out", str(out)]) == ExitCode.UNREADABLE
    assert f"log entry {doc['id']}" in capsys.readouterr().err
    assert not out.exists()
