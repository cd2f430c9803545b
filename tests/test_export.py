"""Exports (json, csv) and `pulang import` of a json export, on the real store and CLI."""

from __future__ import annotations

import datetime as dt
import enum
import io
import os
import stat
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import orjson
import pytest

from store import audit
from store.classification import is_private
from store.database import Database, _KIND_OF
from store.errors import ExitCode, InputFileUnreadable, RuleRefused
from store.export import _cell, export_csv, export_json, import_json, read_export

from tests.conftest import PULANG

MOMENT = dt.datetime(2026, 1, 31, 9, 0, tzinfo=dt.timezone.utc)
PASSPHRASE = "correct horse battery staple"


def private_values(db: Database) -> set[str]:
    """Every personal or sensitive value in the database, as the classification says (enum
    codes such as a passport's status are left out: the same words are public elsewhere)."""
    found: set[str] = set()

    def add(value: Any) -> None:
        if isinstance(value, enum.Enum) or value is None or isinstance(value, bool):
            return
        if isinstance(value, str):
            if len(value.strip()) >= 4:
                found.add(value.strip())
        elif isinstance(value, (dt.date, dt.datetime)):
            found.add(value.isoformat())
        elif isinstance(value, (list, tuple, set)):
            for item in value:
                add(item)
        elif isinstance(value, dict):
            for item in value.values():
                add(item)
        elif hasattr(value, "model_dump"):
            add(value.model_dump())

    public: set[str] = set()
    for table, records in db.raw_tables().items():
        kind = _KIND_OF.get(table)
        if kind is None:
            continue
        for doc in records.values():
            record = kind.model_validate(doc)
            for name in kind.model_fields:
                if is_private(kind, name):
                    add(getattr(record, name))
                else:
                    value = getattr(record, name)
                    items = value if isinstance(value, list) else [value]
                    public.update(str(item) for item in items if isinstance(item, str))
    # a title such as "President" is an official's public title, and a log entry's
    # counterpart too: what the database holds in public may be in a public export
    return {value for value in found if not any(value in text for text in public)}


def run(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items()
            if not k.startswith("PULANG_") and k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    full.update(env or {})
    return subprocess.run([str(PULANG), *map(str, args)], env=full, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)


def exports(db: Database) -> list[audit.AuditEntry]:
    return [e for e in db.audit_trail().entries if e.action == audit.EXPORT]


def test_json_export_reads_back_into_an_empty_database_byte_for_byte(
        demo_db: Database, tmp_path: Path) -> None:
    first = export_json(demo_db, MOMENT)
    assert export_json(demo_db, MOMENT) == first  # deterministic
    document = orjson.loads(first)
    assert document["format"] == "pulang-export" and document["version"] == 1
    assert "audit" not in document["tables"]
    assert sum(len(v) for v in document["tables"].values()) > 50

    copy = Database.open(tmp_path / "copy.json", create=True)
    counted = import_json(copy, first)
    assert counted["workers"] == len(document["tables"]["workers"])
    assert export_json(copy, MOMENT) == first
    copy.close()
    with Database.open(tmp_path / "copy.json") as again:  # from the file, not from memory
        assert export_json(again, MOMENT) == first
        # ids, versions and stamps kept: the same case under the same id and version
        case = demo_db.cases()[0]
        kept = again.get(type(case), case.id)
        assert (kept.version, kept.created_at, kept.updated_at, kept.changed_by) == (
            case.version, case.created_at, case.updated_at, case.changed_by)
        # and the restore is in the trail, as such
        assert any(e.action == audit.RESTORE for e in again.audit_trail().entries)


def test_import_refuses_a_database_that_is_not_empty(demo_db: Database) -> None:
    data = export_json(demo_db, MOMENT)
    with pytest.raises(RuleRefused):
        import_json(demo_db, data)
    assert export_json(demo_db, MOMENT) == data  # nothing was added


def test_import_refuses_a_bad_record_and_writes_nothing(demo_db: Database,
                                                        tmp_path: Path) -> None:
    document = orjson.loads(export_json(demo_db, MOMENT))
    document["tables"]["workers"][0]["sex"] = "not a sex"
    with Database.open(tmp_path / "empty.json", create=True) as empty:
        with pytest.raises(InputFileUnreadable):
            import_json(empty, orjson.dumps(document))
        assert not any(empty.raw_tables()[table] for table in _KIND_OF)


def test_the_cli_json_export_needs_out_and_a_confirmation(demo_db: Database,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    assert run("export", "--format", "json", "--db", demo_db.path).returncode == ExitCode.USAGE
    refused = run("export", "--format", "json", "--db", demo_db.path, "--out", out)
    assert refused.returncode == ExitCode.NEEDS_CONFIRMATION and not out.exists()
    assert not exports(demo_db)


def test_the_cli_round_trip(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    done = run("export", "--format", "json", "--db", demo_db.path, "--out", out, "--yes")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    notes = [e.note or "" for e in exports(demo_db)]
    assert len(notes) == 1 and notes[0].startswith("json")
    assert not any(value in notes[0] for value in private_values(demo_db))

    target = tmp_path / "restored.json"
    done = run("import", out, "--db", target)
    assert done.returncode == 0, done.stderr
    with Database.open(target) as restored:
        assert export_json(restored, MOMENT) == export_json(demo_db, MOMENT)


def test_an_export_that_cannot_be_written_is_not_recorded_as_written(
        demo_db: Database, tmp_path: Path) -> None:
    """The file is written whole beside its place before the audit entry, and put in place
    after it: a file that cannot be written leaves no 'export' in the trail, and no file."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_bytes(b"")  # a file where the folder should be: every user gets ENOTDIR
    for args in (("--format", "json", "--yes"), ("--format", "htcds"),
                 ("--format", "csv", "--include-personal", "--yes")):
        out = blocked / "export.out"
        done = run("export", *args, "--db", demo_db.path, "--out", out)
        assert done.returncode == ExitCode.PROBLEMS, done.stderr
        assert f"Could not write {out}" in done.stderr, done.stderr
    done = run("brief", "KH-2025-0001", "--to", "police", "--db", demo_db.path,
               "--out", blocked / "brief")
    assert done.returncode == ExitCode.PROBLEMS and "Could not write" in done.stderr
    assert not exports(demo_db)
    assert not [e for e in demo_db.audit_trail().entries if e.action == audit.SHARE]
    assert not [p for p in tmp_path.rglob("*") if p.suffix == ".tmp" or "export" in p.name
                or "brief" in p.name]


def test_the_cli_import_refuses_a_database_that_is_not_empty(demo_db: Database,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    out.write_bytes(export_json(demo_db, MOMENT))
    refused = run("import", out, "--db", demo_db.path)
    assert refused.returncode == ExitCode.PROBLEMS and "not empty" in refused.stderr


def test_the_cli_import_refuses_a_foreign_or_newer_file(demo_db: Database,
                                                       tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.json"
    foreign.write_bytes(b'{"format": "something-else", "tables": {}}')
    elsewhere = tmp_path / "elsewhere.json"
    assert run("import", foreign, "--db", elsewhere).returncode == ExitCode.UNREADABLE
    newer = orjson.loads(export_json(demo_db, MOMENT))
    newer["version"] = 2
    foreign.write_bytes(orjson.dumps(newer))
    assert run("import", foreign, "--db", elsewhere).returncode == ExitCode.UNREADABLE
    assert not elsewhere.exists()  # a file that is not ours creates no database
    with pytest.raises(InputFileUnreadable):
        read_export(b"name;phone\nAde;+6281234567890\n", demo_db.schema)


def test_csv_without_personal_holds_no_private_value(demo_db: Database) -> None:
    values = private_values(demo_db)
    worker = demo_db.cases()[0]
    assert values  # the demo has names, phones and passports to leak
    files = export_csv(demo_db)
    assert set(files) == {f"{table}.csv" for table in _KIND_OF}
    everything = b"".join(files.values()).decode("utf-8")
    leaked = sorted(v for v in values if v in everything)
    assert not leaked
    header = files["workers.csv"].decode("utf-8-sig").splitlines()[0].split(",")
    assert "full_name" not in header and "passport_number" not in header
    assert "nationality" in header
    assert worker.id in files["cases.csv"].decode()
    # with them, the names are there: the scan above can fail
    personal = b"".join(export_csv(demo_db, include_personal=True).values()).decode("utf-8")
    assert any(v in personal for v in values)


def test_csv_with_personal_asks_and_is_audited(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    refused = run("export", "--format", "csv", "--include-personal", "--db", demo_db.path,
                  "--out", folder)
    assert refused.returncode == ExitCode.NEEDS_CONFIRMATION
    assert not folder.exists() and not exports(demo_db)

    done = run("export", "--format", "csv", "--include-personal", "--yes",
               "--db", demo_db.path, "--out", folder)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert "workers.csv" in names
    assert all(stat.S_IMODE((folder / n).stat().st_mode) == 0o600 for n in names)
    [entry] = exports(demo_db)
    assert entry.note is not None and "personal" in entry.note


def test_csv_as_a_zip_holds_no_private_value(demo_db: Database, tmp_path: Path) -> None:
    zipped = tmp_path / "public.zip"
    done = run("export", "--format", "csv", "--db", demo_db.path, "--out", zipped)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(zipped.stat().st_mode) == 0o600
    with zipfile.ZipFile(io.BytesIO(zipped.read_bytes())) as archive:
        text = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8")
    assert not [v for v in private_values(demo_db) if v in text]
    assert len(exports(demo_db)) == 1


def test_an_encrypted_database_needs_plaintext_for_personal_data(demo_db: Database,
                                                                 tmp_path: Path) -> None:
    demo_db.encrypt(PASSPHRASE)
    env = {"PULANG_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "plain.json"
    refused = run("export", "--format", "json", "--yes", "--db", demo_db.path, "--out", out,
                  env=env)
    assert refused.returncode == ExitCode.PROBLEMS and "--plaintext" in refused.stderr
    assert not out.exists()
    folder = tmp_path / "csv"
    refused = run("export", "--format", "csv", "--include-personal", "--yes",
                  "--db", demo_db.path, "--out", folder, env=env)
    assert refused.returncode == ExitCode.PROBLEMS and not folder.exists()


def test_an_encrypted_database_exports_public_csv_without_plaintext(demo_db: Database,
                                                                     tmp_path: Path) -> None:
    demo_db.encrypt(PASSPHRASE)
    env = {"PULANG_PASSPHRASE": PASSPHRASE}
    folder = tmp_path / "csv"
    public = run("export", "--format", "csv", "--db", demo_db.path, "--out", folder, env=env)
    assert public.returncode == 0, public.stderr
    assert (folder / "workers.csv").exists()


def test_an_encrypted_database_exports_personal_data_with_plaintext(demo_db: Database,
                                                                    tmp_path: Path) -> None:
    demo_db.encrypt(PASSPHRASE)
    env = {"PULANG_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "plain.json"
    done = run("export", "--format", "json", "--yes", "--plaintext", "--db", demo_db.path,
               "--out", out, env=env)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    read_export(out.read_bytes(), demo_db.schema)  # a real export


def test_a_cell_a_spreadsheet_would_run_is_kept_as_text() -> None:
    assert _cell("=HYPERLINK(\"http://x\")").startswith("'=")
    assert _cell("@SUM(A1)").startswith("'@")
    assert _cell("-cmd|' /C calc'!A0").startswith("'-")
    assert _cell("+6281234567890") == "+6281234567890"
    assert _cell(["a", "b"]) == "a; b"
    assert _cell(None) == "" and _cell(True) == "true"


# -- exports of an older schema --------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


def old_export(fixture: Path) -> tuple[bytes, dict[str, Any]]:
    """The json export an older Pulang would have written of this database file: its records
    as stored, sorted by id, under the schema the file is in (as `export_json` builds it)."""
    raw = orjson.loads(fixture.read_bytes())
    meta = raw["_meta"]["1"]
    tables = {table: sorted(records.values(), key=lambda d: str(d["id"]))
              for table, records in raw.items() if table in _KIND_OF}
    document = {"format": "pulang-export", "version": 1, "schema": meta["schema"],
                "exported_at": "2026-01-31T09:00:00+00:00",
                "counters": dict(meta.get("counters", {})), "tables": tables}
    return orjson.dumps(document, option=orjson.OPT_SORT_KEYS), document


def without_moment(data: bytes) -> dict[str, Any]:
    document = orjson.loads(data)
    del document["exported_at"]
    return document


@pytest.mark.parametrize("schema", [1, 2, 3, 4])
def test_the_cli_imports_an_export_of_an_older_schema(schema: int, tmp_path: Path,
                                                      pulang: Any) -> None:
    fixture = FIXTURES / f"schema_v{schema}.json"
    data, document = old_export(fixture)
    assert document["schema"] == schema
    source = tmp_path / "old-export.json"
    source.write_bytes(data)
    target = tmp_path / "imported.json"
    done = pulang("import", source, "--db", target)
    assert done.returncode == ExitCode.OK, done.stderr
    checked = pulang("check", "--db", target)
    assert checked.returncode == ExitCode.OK, checked.stdout + checked.stderr

    # every record arrived, under its id, with every value it had (the migration only adds)
    with Database.open(target) as imported:
        raw = imported.raw_tables()
        assert imported.schema > schema
        for table, records in document["tables"].items():
            assert len(raw[table]) == len(records) > 0
            by_id = {doc["id"]: doc for doc in raw[table].values()}
            for old in records:
                new = by_id[old["id"]]
                assert {k: new[k] for k in old} == old
        meta = raw["_meta"]["1"]
        assert meta["counters"] == document["counters"]

    # and it is the database the same file gives when opened (migrated) by this Pulang
    copy = tmp_path / "opened.json"
    copy.write_bytes(fixture.read_bytes())
    copy.chmod(0o600)
    out = tmp_path / "again.json"
    done = pulang("export", "--format", "json", "--db", target, "--out", out, "--yes")
    assert done.returncode == ExitCode.OK, done.stderr
    with Database.open(copy) as opened:
        assert opened.backup_path is not None  # it was migrated on open
        expected = without_moment(export_json(opened))
    assert without_moment(out.read_bytes()) == expected
    assert expected["schema"] > schema


def test_the_cli_refuses_an_export_of_a_newer_schema(demo_db: Database, tmp_path: Path,
                                                     pulang: Any) -> None:
    newer = orjson.loads(export_json(demo_db, MOMENT))
    newer["schema"] = demo_db.schema + 1
    source = tmp_path / "newer.json"
    source.write_bytes(orjson.dumps(newer))
    target = tmp_path / "elsewhere.json"
    refused = pulang("import", source, "--db", target)
    assert refused.returncode == ExitCode.UNREADABLE
    assert f"schema {demo_db.schema + 1}" in refused.stderr and "newer" in refused.stderr
    assert not target.exists() and not list(tmp_path.glob("elsewhere*"))


def test_an_old_export_with_a_broken_record_is_refused_whole(tmp_path: Path) -> None:
    _data, document = old_export(FIXTURES / "schema_v1.json")
    document["tables"]["log"][2] = "not a record"  # the migration step cannot run on it
    with Database.open(tmp_path / "empty.json", create=True) as empty:
        with pytest.raises(InputFileUnreadable, match="schema 1"):
            import_json(empty, orjson.dumps(document))
        document["tables"]["log"][2] = dict(document["tables"]["log"][1])  # twice one id
        with pytest.raises(InputFileUnreadable, match="not valid"):
            import_json(empty, orjson.dumps(document))
        assert not any(empty.raw_tables()[table] for table in _KIND_OF)
