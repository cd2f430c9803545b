"""Exports (json, csv) and `pulang import` of a json export, on the real store and CLI."""

from __future__ import annotations

import datetime as dt
import enum
import io
import stat
import zipfile
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.common.errors import ExitCode, InputFileUnreadable, RuleRefused
from store.db.database import _KIND_OF, Database
from store.domain.classification import is_private
from store.engine import audit
from store.exchange.export import _cell, export_csv, export_json, import_json, read_export
from tests.conftest import PASSPHRASE, Run
from tui.cli import main

MOMENT = dt.datetime(2026, 1, 31, 9, 0, tzinfo=dt.timezone.utc)
# Keys made in this process are cheap; the script's own (the `pulang` fixture) are the real ones.
pytestmark = pytest.mark.usefixtures("cheap_keys")


def private_values(db: Database) -> set[str]:
    """Every personal or sensitive value in the database, as the classification says (enum
    codes such as a passport's status are left out: the same words are public elsewhere)."""
    found: set[str] = set()

    def add(value: Any) -> None:
        if isinstance(value, enum.Enum) or value is None or isinstance(value, bool):
            return
        if isinstance(value, str):
            # A short bare number (a sum of "1200") turns up by chance in ids and times: the
            # rows it is in are left out of a plain export whole (test_export_legal.py).
            if len(value.strip()) >= 4 and not (value.isdigit() and len(value) < 6):
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


@pytest.mark.script
def test_the_cli_json_export_needs_out_and_a_confirmation(pulang: Run, demo_db: Database,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    assert pulang("export", "--format", "json", "--db", demo_db.path).returncode == ExitCode.USAGE
    refused = pulang("export", "--format", "json", "--db", demo_db.path, "--out", out)
    assert refused.returncode == ExitCode.NEEDS_CONFIRMATION and not out.exists()
    assert not exports(demo_db)


@pytest.mark.script
def test_the_cli_round_trip(cli: Run, pulang: Run, demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    done = cli("export", "--format", "json", "--db", demo_db.path, "--out", out, "--yes")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    notes = [e.note or "" for e in exports(demo_db)]
    assert len(notes) == 1 and notes[0].startswith("json")
    assert not any(value in notes[0] for value in private_values(demo_db))

    target = tmp_path / "restored.json"
    done = pulang("import", out, "--db", target)
    assert done.returncode == 0, done.stderr
    with Database.open(target) as restored:
        assert export_json(restored, MOMENT) == export_json(demo_db, MOMENT)


def test_an_export_that_cannot_be_written_is_not_recorded_as_written(
        cli: Run, demo_db: Database, tmp_path: Path) -> None:
    """The file is written whole beside its place before the audit entry, and put in place
    after it: a file that cannot be written leaves no 'export' in the trail, and no file."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_bytes(b"")  # a file where the folder should be: every user gets ENOTDIR
    for args in (("--format", "json", "--yes"), ("--format", "htcds"),
                 ("--format", "csv", "--include-personal", "--yes")):
        out = blocked / "export.out"
        done = cli("export", *args, "--db", demo_db.path, "--out", out)
        assert done.returncode == ExitCode.PROBLEMS, done.stderr
        assert f"Could not write {out}" in done.stderr, done.stderr
    done = cli("brief", "KH-2025-0001", "--to", "police", "--db", demo_db.path,
               "--out", blocked / "brief")
    assert done.returncode == ExitCode.PROBLEMS and "Could not write" in done.stderr
    assert not exports(demo_db)
    assert not [e for e in demo_db.audit_trail().entries if e.action == audit.SHARE]
    assert not [p for p in tmp_path.rglob("*") if p.suffix == ".tmp" or "export" in p.name
                or "brief" in p.name]


def test_the_cli_import_refuses_a_database_that_is_not_empty(cli: Run, demo_db: Database,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    out.write_bytes(export_json(demo_db, MOMENT))
    refused = cli("import", out, "--db", demo_db.path)
    assert refused.returncode == ExitCode.PROBLEMS and "not empty" in refused.stderr


def test_the_cli_import_refuses_a_foreign_or_newer_file(cli: Run, demo_db: Database,
                                                       tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.json"
    foreign.write_bytes(b'{"format": "something-else", "tables": {}}')
    elsewhere = tmp_path / "elsewhere.json"
    assert cli("import", foreign, "--db", elsewhere).returncode == ExitCode.UNREADABLE
    newer = orjson.loads(export_json(demo_db, MOMENT))
    newer["version"] = 2
    foreign.write_bytes(orjson.dumps(newer))
    assert cli("import", foreign, "--db", elsewhere).returncode == ExitCode.UNREADABLE
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


def test_csv_with_personal_asks_and_is_audited(cli: Run, demo_db: Database,
                                               tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    refused = cli("export", "--format", "csv", "--include-personal", "--db", demo_db.path,
                  "--out", folder)
    assert refused.returncode == ExitCode.NEEDS_CONFIRMATION
    assert not folder.exists() and not exports(demo_db)

    done = cli("export", "--format", "csv", "--include-personal", "--yes",
               "--db", demo_db.path, "--out", folder)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert "workers.csv" in names
    assert all(stat.S_IMODE((folder / n).stat().st_mode) == 0o600 for n in names)
    [entry] = exports(demo_db)
    assert entry.note is not None and "personal" in entry.note


def test_csv_as_a_zip_holds_no_private_value(cli: Run, demo_db: Database,
                                             tmp_path: Path) -> None:
    zipped = tmp_path / "public.zip"
    done = cli("export", "--format", "csv", "--db", demo_db.path, "--out", zipped)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(zipped.stat().st_mode) == 0o600
    with zipfile.ZipFile(io.BytesIO(zipped.read_bytes())) as archive:
        text = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8")
    assert not [v for v in private_values(demo_db) if v in text]
    assert len(exports(demo_db)) == 1


def test_an_encrypted_database_needs_plaintext_for_personal_data(cli: Run, demo_db: Database,
                                                                 tmp_path: Path) -> None:
    demo_db.encrypt(PASSPHRASE)
    env = {"PULANG_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "plain.json"
    refused = cli("export", "--format", "json", "--yes", "--db", demo_db.path, "--out", out,
                  env=env)
    assert refused.returncode == ExitCode.NEEDS_CONFIRMATION and "--plaintext" in refused.stderr
    assert not out.exists()
    folder = tmp_path / "csv"
    refused = cli("export", "--format", "csv", "--include-personal", "--yes",
                  "--db", demo_db.path, "--out", folder, env=env)
    assert refused.returncode == ExitCode.NEEDS_CONFIRMATION and not folder.exists()


def test_an_encrypted_database_exports_public_csv_without_plaintext(
        cli: Run, demo_db: Database, tmp_path: Path) -> None:
    demo_db.encrypt(PASSPHRASE)
    env = {"PULANG_PASSPHRASE": PASSPHRASE}
    folder = tmp_path / "csv"
    public = cli("export", "--format", "csv", "--db", demo_db.path, "--out", folder, env=env)
    assert public.returncode == 0, public.stderr
    assert (folder / "workers.csv").exists()


def test_an_encrypted_database_exports_personal_data_with_plaintext(
        cli: Run, demo_db: Database, tmp_path: Path) -> None:
    demo_db.encrypt(PASSPHRASE)
    env = {"PULANG_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "plain.json"
    done = cli("export", "--format", "json", "--yes", "--plaintext", "--db", demo_db.path,
               "--out", out, env=env)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    read_export(out.read_bytes(), demo_db.schema)  # a real export


def test_a_stored_value_as_the_text_of_its_cell() -> None:
    # What a spreadsheet would run is kept as text by the one rule: tests/domain/test_csv_cells.py.
    assert _cell(["a", "b"]) == "a; b" and _cell({"b": 1, "a": [2]}) == '{"a":[2],"b":1}'
    assert _cell(None) == "" and _cell(True) == "true"


def test_plain_text_from_an_encrypted_database_is_one_refusal_with_one_code(
        demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`export` (personal data) and `brief` say no to plain text without --plaintext with the
    same exit code, from the one table."""
    demo_db.encrypt(PASSPHRASE)
    monkeypatch.setenv("PULANG_PASSPHRASE", PASSPHRASE)
    db = str(demo_db.path)
    trail = audit.audit_path(demo_db.path).read_bytes()
    export = main(["export", "--format", "json", "--yes", "--db", db,
                   "--out", str(tmp_path / "plain.json")])
    brief = main(["brief", "KH-2025-0001", "--to", "police", "--db", db,
                  "--out", str(tmp_path / "brief")])
    assert export == brief == ExitCode.NEEDS_CONFIRMATION
    assert capsys.readouterr().err.count("--plaintext") == 2
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("pulang")) == []
    assert audit.audit_path(demo_db.path).read_bytes() == trail


# -- where an export may go ------------------------------------------------------------------


def database_files(db_path: Path) -> dict[str, Path]:
    """One path of each kind of file the store keeps for the database at `db_path`."""
    from store.engine.backups import list_backups
    from store.engine.journal import backups_folder, journal_path, lock_path

    backup = list_backups(db_path)[0].path
    migration_copy = db_path.with_name(f"{db_path.name}.schema3-20260101T000000.bak")
    migration_copy.write_bytes(b"a copy kept by a migration")
    temporary = db_path.with_name(f".{db_path.name}.k2j4h5.tmp")
    temporary.write_bytes(b"half a snapshot")
    elsewhere = db_path.parent / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "innocent.zip"  # a name a csv export takes as a file too
    link.symlink_to(audit.audit_path(db_path))
    (elsewhere / "brief.md").symlink_to(journal_path(db_path))  # for `brief --out brief`
    return {"snapshot": db_path, "journal": journal_path(db_path),
            "audit trail": audit.audit_path(db_path), "lock": lock_path(db_path),
            "backups folder": backups_folder(db_path), "a backup": backup,
            "a backup's manifest": backup.with_name(backup.name + ".manifest"),
            "a migration's copy": migration_copy, "a temporary file": temporary,
            "a link to the audit trail": link}


def every_file(folder: Path) -> dict[Path, bytes | str]:
    return {p: (str(p.readlink()) if p.is_symlink() else p.read_bytes())
            for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


@pytest.fixture
def with_backup(demo_db: Database) -> Database:
    assert demo_db.backup().backup is not None
    assert Path(str(demo_db.path) + ".journal").stat().st_size > 0
    return demo_db


@pytest.mark.parametrize("kind", ["snapshot", "journal", "audit trail", "lock",
                                  "backups folder", "a backup", "a backup's manifest",
                                  "a migration's copy", "a temporary file",
                                  "a link to the audit trail"])
def test_an_export_is_never_written_over_the_database_s_own_files(
        with_backup: Database, tmp_path: Path, kind: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    db_path = with_backup.path
    target = database_files(db_path)[kind]
    before = every_file(tmp_path)
    db = str(db_path)
    zipped = target if target.suffix == ".zip" else target.with_name(target.name + ".zip")
    outs = {"json": [str(target)], "htcds": [str(target)], "csv": [str(zipped)]}
    if kind == "backups folder":  # a csv folder: its files would go in among the backups
        outs["csv"].append(str(target))
    for fmt, paths in outs.items():
        for out in paths:
            code = main(["export", "--format", fmt, "--yes", "--force", "--db", db,
                         "--out", out])
            assert code == ExitCode.USAGE, (fmt, out)
            assert "files of the database" in capsys.readouterr().err
    briefs = [str(target)]  # writes TARGET.md and TARGET.html: named like the database's
    if kind == "backups folder":
        briefs.append(str(target / "brief"))
    if kind == "a link to the audit trail":
        briefs = [str(target.parent / "brief")]  # brief.md is a link to the journal
    for out in briefs:
        code = main(["brief", "KH-2025-0001", "--to", "police", "--force", "--db", db,
                     "--out", out])
        assert code == ExitCode.USAGE, out
    assert every_file(tmp_path) == before  # byte for byte, and nothing added
    assert not exports(with_backup)


def test_every_file_the_store_makes_is_known_as_the_database_s(tmp_path: Path) -> None:
    """The rule that keeps exports off a database's files holds for every file the store
    actually makes beside it: after saves, a backup, a migration and a close."""
    import shutil

    from store.engine.journal import is_database_file

    folder = tmp_path / "data"
    folder.mkdir()
    old = folder / "old.json"
    shutil.copyfile(Path(__file__).parent.parent / "fixtures" / "schema_v1.json", old)
    old.chmod(0o600)
    with Database.open(old) as db:  # migrated: a copy of the old file is kept beside it
        db.backup()
        db.save_case(db.cases()[0])
    made = [p for p in folder.rglob("*")]
    assert len(made) > 5 and any(".bak" in p.name for p in made)
    assert all(is_database_file(old, p) for p in made), made
    assert not is_database_file(old, folder / "old-export.json")
    assert not is_database_file(old, folder / "old.jsonx")
    assert not is_database_file(old, tmp_path / "old.json.audit")  # another folder's


def test_a_database_opened_through_a_link_keeps_its_files_too(demo_db: Database,
                                                              tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "linked.json"
    link.parent.mkdir()
    link.symlink_to(demo_db.path)
    before = every_file(tmp_path)
    for out in (audit.audit_path(demo_db.path), tmp_path / "elsewhere" / "linked.json.audit"):
        assert main(["export", "--format", "htcds", "--db", str(link), "--out",
                     str(out)]) == ExitCode.USAGE
    assert every_file(tmp_path) == before


def test_an_existing_file_is_replaced_only_with_force(demo_db: Database, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = str(demo_db.path)
    out = tmp_path / "backup.json"
    out.write_bytes(b"last week's backup")
    args = ["export", "--format", "json", "--yes", "--db", db, "--out", str(out)]
    assert main(args) == ExitCode.NEEDS_CONFIRMATION
    assert "--force" in capsys.readouterr().err
    assert out.read_bytes() == b"last week's backup" and not exports(demo_db)
    assert main([*args, "--force"]) == ExitCode.OK
    read_export(out.read_bytes(), demo_db.schema)
    assert len(exports(demo_db)) == 1

    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "workers.csv").write_bytes(b"kept")
    args = ["export", "--format", "csv", "--db", db, "--out", str(folder)]
    assert main(args) == ExitCode.NEEDS_CONFIRMATION
    assert [p.name for p in folder.iterdir()] == ["workers.csv"]
    assert main([*args, "--force"]) == ExitCode.OK
    assert (folder / "workers.csv").read_bytes().startswith("\ufeffid,".encode())

    brief = tmp_path / "brief"
    (tmp_path / "brief.html").write_bytes(b"kept")
    args = ["brief", "KH-2025-0001", "--to", "police", "--db", db, "--out", str(brief)]
    assert main(args) == ExitCode.NEEDS_CONFIRMATION
    assert not (tmp_path / "brief.md").exists()
    assert main([*args, "--force"]) == ExitCode.OK
    assert (tmp_path / "brief.html").read_bytes() != b"kept"


def test_a_record_another_program_damaged_refuses_the_export(
        demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exported, it could not be imported: refused whole, naming the record (kind and id,
    no value), with nothing written and nothing recorded."""
    from tinydb import TinyDB

    from store.engine.storage import AtomicJSONStorage

    path = demo_db.path
    demo_db.close()  # the journal folded into the snapshot, which TinyDB then edits
    with TinyDB(path, storage=AtomicJSONStorage) as tiny:
        [key, doc] = next((k, d) for k, d in tiny.table("workers")._read_table().items()
                          if d.get("full_name"))
        tiny.table("workers").update({"sex": "Ibu Sumarsih Wiryokusumo"}, doc_ids=[int(key)])
    trail = audit.audit_path(path).read_bytes()
    for fmt in ("json", "csv", "htcds"):
        out = tmp_path / f"export.{fmt}"
        assert main(["export", "--format", fmt, "--yes", "--db", str(path),
                     "--out", str(out)]) == ExitCode.UNREADABLE
        said = capsys.readouterr().err
        assert f"worker {doc['id']}" in said, said
        assert "Sumarsih" not in said and doc["full_name"] not in said
        assert not out.exists()
    assert audit.audit_path(path).read_bytes() == trail
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# -- exports of an older schema --------------------------------------------------------------

FIXTURES = Path(__file__).parent.parent / "fixtures"


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
                                                      cli: Run) -> None:
    fixture = FIXTURES / f"schema_v{schema}.json"
    data, document = old_export(fixture)
    assert document["schema"] == schema
    source = tmp_path / "old-export.json"
    source.write_bytes(data)
    target = tmp_path / "imported.json"
    done = cli("import", source, "--db", target)
    assert done.returncode == ExitCode.OK, done.stderr
    checked = cli("check", "--db", target)
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
    done = cli("export", "--format", "json", "--db", target, "--out", out, "--yes")
    assert done.returncode == ExitCode.OK, done.stderr
    with Database.open(copy) as opened:
        assert opened.backup_path is not None  # it was migrated on open
        expected = without_moment(export_json(opened))
    assert without_moment(out.read_bytes()) == expected
    assert expected["schema"] > schema


def test_the_cli_refuses_an_export_of_a_newer_schema(demo_db: Database, tmp_path: Path,
                                                     cli: Run) -> None:
    newer = orjson.loads(export_json(demo_db, MOMENT))
    newer["schema"] = demo_db.schema + 1
    source = tmp_path / "newer.json"
    source.write_bytes(orjson.dumps(newer))
    target = tmp_path / "elsewhere.json"
    refused = cli("import", source, "--db", target)
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
