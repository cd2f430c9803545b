"""Exports and the check-ins after return (issue 35): the json export and its import keep
them byte for byte; an export of schema 12 (before them) imports; the plain csv export holds
their header only (that one exists says something of the worker), the one with the personal
fields holds them whole. The demo's four check-ins (demo_checkins.py)."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from store.common.errors import ExitCode
from store.db.database import Database
from store.exchange.export import export_csv, export_json, import_json
from tests.conftest import Run
from tests.exchange.test_export import FIXTURES, MOMENT, old_export, without_moment

pytestmark = pytest.mark.usefixtures("cheap_keys")


def test_json_export_and_import_keep_checkins_byte_for_byte(
        demo_db: Database, tmp_path: Path) -> None:
    first = export_json(demo_db, MOMENT)
    checkins = orjson.loads(first)["tables"]["checkins"]
    assert len(checkins) == 4 and {d["month"] for d in checkins} == {1, 3}
    assert all(d["answers"] and d["notes"] and d["by"] for d in checkins)  # whole
    with Database.open(tmp_path / "copy.json", create=True) as copy:
        assert import_json(copy, first)["checkins"] == 4
        assert export_json(copy, MOMENT) == first
    with Database.open(tmp_path / "copy.json") as again:
        assert export_json(again, MOMENT) == first
        for case in demo_db.cases():
            assert again.checkins_of(case.id) == demo_db.checkins_of(case.id)
        assert again.signs_to_follow() == demo_db.signs_to_follow()


def test_an_export_of_schema_12_without_them_imports(tmp_path: Path, cli: Run) -> None:
    fixture = FIXTURES / "schema_v12.json"
    data, document = old_export(fixture)
    assert document["schema"] == 12 and "checkins" not in document["tables"]
    source = tmp_path / "old-export.json"
    source.write_bytes(data)
    target = tmp_path / "imported.json"
    done = cli("import", source, "--db", target)
    assert done.returncode == ExitCode.OK, done.stderr
    assert cli("check", "--db", target).returncode == ExitCode.OK
    with Database.open(target) as imported:
        raw = imported.raw_tables()
        assert imported.schema >= 13 and raw["checkins"] == {}
        assert len(raw["workers"]) == len(document["tables"]["workers"])
    # The same database as the file of schema 12 opened (migrated) by this Pulang.
    copy = tmp_path / "opened.json"
    copy.write_bytes(fixture.read_bytes())
    copy.chmod(0o600)
    out = tmp_path / "again.json"
    assert cli("export", "--format", "json", "--db", target, "--out", out,
               "--yes").returncode == ExitCode.OK
    with Database.open(copy) as opened:
        expected = without_moment(export_json(opened))
    assert without_moment(out.read_bytes()) == expected
    assert expected["tables"]["checkins"] == []


def _theirs(db: Database) -> tuple[list[str], set[str]]:
    """What the plain export must not hold of the check-ins: their ids, their workers' ids,
    their answers' codes (as "indicator":"code"), notes and officers."""
    docs = list(db.raw_tables()["checkins"].values())
    values = {f'"{k}":"{v}"' for d in docs for k, v in d["answers"].items()}
    values |= {d["notes"] for d in docs} | {d["by"] for d in docs} | {
        d["worker_id"] for d in docs}
    return [d["id"] for d in docs], values


def test_the_plain_csv_export_holds_their_header_only(demo_db: Database) -> None:
    ids, values = _theirs(demo_db)
    files = export_csv(demo_db)
    lines = files["checkins.csv"].decode("utf-8-sig").splitlines()
    assert len(lines) == 1  # the header, no row
    header = set(lines[0].split(","))
    assert {"id", "case_id", "worker_id", "month", "on", "followed_on"} <= header
    assert not {"answers", "notes", "by", "followed_note"} & header
    rest = b"".join(files.values()).decode("utf-8")
    assert not [i for i in ids if i in rest]
    # No answer, note or officer anywhere; the workers' ids are in workers.csv only.
    assert not [v for v in values if v in files["checkins.csv"].decode("utf-8")]
    assert not [v for v in values if not len(v) == 32 and v in rest]


def test_the_csv_export_with_the_personal_fields_holds_them_whole(demo_db: Database) -> None:
    ids, _values = _theirs(demo_db)
    files = export_csv(demo_db, include_personal=True)
    lines = files["checkins.csv"].decode("utf-8-sig").splitlines()
    assert len(lines) == 5
    assert {"answers", "notes", "by", "followed_note"} <= set(lines[0].split(","))
    text = "\n".join(lines)
    assert all(i in text for i in ids)
    for doc in demo_db.raw_tables()["checkins"].values():
        row = next(r for r in lines if r.startswith(doc["id"]))
        assert doc["notes"].split(",")[0] in row and doc["by"] in row
        cell = json.dumps(doc["answers"], sort_keys=True, separators=(",", ":"))
        assert cell.replace('"', '""') in row  # the answers as a JSON cell
