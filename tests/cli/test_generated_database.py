"""The benchmark's generator (tests/perf/generate.py) writes a database that Pulang takes as its
own: `pulang check` finds it sound with every kind of record in it, its cases list's rows are
those Pulang would make, its records are those the in-memory tables hold; and written as the
previous schema (`--schema 12`), it is upgraded on opening and then sound."""

from __future__ import annotations

from pathlib import Path

import orjson

from store.db.database import Database
from store.engine.indexes import RECORD_TABLES
from store.engine.snapshot import read_lines
from tests.conftest import Run
from tests.perf.generate import generate_tables, main

CASES = 120


def _generated(tmp_path: Path, *options: str) -> Path:
    path = tmp_path / "generated" / "pulang.json"
    path.parent.mkdir()
    assert main(["--cases", str(CASES), "--out", str(path), *options]) == 0
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".generating")]
    return path


def test_a_generated_database_is_sound_with_every_kind(cli: Run, tmp_path: Path) -> None:
    path = _generated(tmp_path)
    meta, tables = read_lines(path) or ({}, {})  # our layout, its seal intact
    assert meta["schema"] == 13 and meta["generation"] == 2
    assert set(RECORD_TABLES) <= set(tables)
    assert all(tables[name] for name in RECORD_TABLES), [n for n in RECORD_TABLES
                                                         if not tables[n]]
    in_memory = generate_tables(CASES)
    for name in RECORD_TABLES:
        assert [orjson.loads(raw) for raw in tables[name]] == list(in_memory[name].values())
    db = Database.open(path)
    try:
        assert db._encoded_rows() == [(k.decode(), raw) for k, raw in tables["_rows"]]
    finally:
        db.close()
    result = cli("--db", path, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sound" in result.stdout


def test_the_previous_schema_is_upgraded_on_opening_then_sound(cli: Run, tmp_path: Path) -> None:
    path = _generated(tmp_path, "--schema", "12")
    meta, tables = read_lines(path) or ({}, {})
    assert meta["schema"] == 12 and "checkins" not in tables
    result = cli("--db", path, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sound" in result.stdout
    assert orjson.loads(path.read_bytes())["_meta"]["1"]["schema"] == 13
