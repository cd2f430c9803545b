"""Exports and a worker's legal matters and money (issue 34): the json export and its import
keep them byte for byte; an export of schema 8 (before them) imports; the plain csv export
holds their headers only (that one exists says something of the worker), the one with the
personal fields holds them whole. The demo's Cambodian case: 8 legal matters, 8 sums."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from store.common.errors import ExitCode
from store.db.database import Database
from store.exchange.export import export_csv, export_json, import_json
from tests.conftest import Run
from tests.exchange.test_export import FIXTURES, MOMENT, old_export, without_moment

pytestmark = pytest.mark.usefixtures("cheap_keys")


def test_json_export_and_import_keep_legal_matters_and_money_byte_for_byte(
        demo_db: Database, tmp_path: Path) -> None:
    first = export_json(demo_db, MOMENT)
    tables = orjson.loads(first)["tables"]
    assert len(tables["legal"]) == 8 and len(tables["money"]) == 8
    assert {d["amount"] for d in tables["money"]} >= {"60000000", "1500", "2000"}
    assert all(isinstance(d["amount"], str) for d in tables["money"])  # never a float
    with Database.open(tmp_path / "copy.json", create=True) as copy:
        counted = import_json(copy, first)
        assert counted["legal"] == 8 and counted["money"] == 8
        assert export_json(copy, MOMENT) == first
    with Database.open(tmp_path / "copy.json") as again:
        assert export_json(again, MOMENT) == first
        case = again.case_by_ref("KH-2025-0001")
        assert case is not None
        assert again.money_totals(case.id) == demo_db.money_totals(case.id)
        assert again.legal_of(case.id) == demo_db.legal_of(case.id)


def test_an_export_of_schema_8_without_them_imports(tmp_path: Path, cli: Run) -> None:
    fixture = FIXTURES / "schema_v8.json"
    data, document = old_export(fixture)
    assert document["schema"] == 8 and "legal" not in document["tables"]
    source = tmp_path / "old-export.json"
    source.write_bytes(data)
    target = tmp_path / "imported.json"
    done = cli("import", source, "--db", target)
    assert done.returncode == ExitCode.OK, done.stderr
    assert cli("check", "--db", target).returncode == ExitCode.OK
    with Database.open(target) as imported:
        raw = imported.raw_tables()
        assert imported.schema >= 9 and raw["legal"] == {} and raw["money"] == {}
        assert len(raw["workers"]) == len(document["tables"]["workers"])
    # The same database as the file of schema 8 opened (migrated) by this Pulang.
    copy = tmp_path / "opened.json"
    copy.write_bytes(fixture.read_bytes())
    copy.chmod(0o600)
    out = tmp_path / "again.json"
    assert cli("export", "--format", "json", "--db", target, "--out", out,
               "--yes").returncode == ExitCode.OK
    with Database.open(copy) as opened:
        expected = without_moment(export_json(opened))
    assert without_moment(out.read_bytes()) == expected
    assert expected["tables"]["legal"] == [] and expected["tables"]["money"] == []


def _theirs(demo_db: Database) -> tuple[list[str], set[str]]:
    """What the plain export must not hold of the legal matters and money: their ids, their
    workers' ids, and their amounts, currencies and authorities."""
    raw = demo_db.raw_tables()
    docs = [*raw["legal"].values(), *raw["money"].values()]
    values = {str(d[n]) for d in docs for n in ("amount", "currency", "authority")
              if d.get(n)}
    return [d["id"] for d in docs], values | {d["worker_id"] for d in docs}


def test_the_plain_csv_export_holds_their_headers_only(demo_db: Database) -> None:
    ids, values = _theirs(demo_db)
    files = export_csv(demo_db)
    for name, date in (("legal.csv", "since"), ("money.csv", "on")):
        lines = files[name].decode("utf-8-sig").splitlines()
        assert len(lines) == 1, name  # the header, no row
        header = set(lines[0].split(","))
        assert {"id", "case_id", "worker_id", date} <= header  # its public fields
        assert not {"amount", "currency", "authority"} & header
    rest = b"".join(files.values()).decode("utf-8")
    assert not [i for i in ids if i in rest]
    # Their workers' ids are in workers.csv (a worker's id is public there), never beside a
    # sum or a charge: the legal matters' and money's files hold no worker, no value at all.
    both = (files["legal.csv"] + files["money.csv"]).decode("utf-8")
    assert not [v for v in values if v in both]


def test_the_csv_export_with_the_personal_fields_holds_them_whole(demo_db: Database) -> None:
    ids, values = _theirs(demo_db)
    files = export_csv(demo_db, include_personal=True)
    legal = files["legal.csv"].decode("utf-8-sig").splitlines()
    money = files["money.csv"].decode("utf-8-sig").splitlines()
    assert len(legal) == 9 and len(money) == 9
    assert {"amount", "currency"} <= set(money[0].split(","))
    assert "authority" in legal[0].split(",")
    both = "\n".join(legal + money)
    assert all(i in both for i in ids) and all(v in both for v in values)
    assert "60000000" in both and "1500" in both
