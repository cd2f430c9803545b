"""`pulang intake FILE`: --dry-run --format json prints each row's proposal and writes nothing;
without it the list is saved as an open intake and its summary said; exit codes from the one
table (0, 1 when rows have problems)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.db.database import Database
from store.exchange.demo import write_demo
from tests.conftest import Run, files_of

LIST = ("No;Nama;L/P;Tempat\r\n"
        "1;Riski Pratama Nugroho;L;Lotus Park\r\n"
        "2;Budi Santoso Wijaya;L;Golden Bay\r\n").encode("utf-8")


def _demo(tmp_path: Path, data: bytes = LIST) -> tuple[Path, Path]:
    db_path = tmp_path / "pulang.json"
    write_demo(db_path).close()
    listed = tmp_path / "list.csv"
    listed.write_bytes(data)
    return db_path, listed


def test_a_dry_run_prints_each_rows_proposal_and_writes_nothing(cli: Run,
                                                                tmp_path: Path) -> None:
    db_path, listed = _demo(tmp_path)
    before = files_of(db_path)
    done = cli("intake", listed, "--db", db_path, "--dry-run", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [(r["label"], r["name"], r["proposed"]) for r in rows] == [
        ("row 2 (No. 1)", "Riski Pratama Nugroho", "match"),
        ("row 3 (No. 2)", "Budi Santoso Wijaya", "new")]
    match = rows[0]["matches"][0]
    assert (match["case"], match["name"]) == ("KH-2025-0001", "Rizky Pratama Nugroho")
    assert isinstance(match["worker"], int) and match["score"] > 0 and match["why"]
    assert rows[0]["group"] == "Blue Lotus compound" and rows[1]["inquiries"] == []
    assert files_of(db_path) == before


def test_without_dry_run_an_open_intake_is_saved(cli: Run, tmp_path: Path) -> None:
    db_path, listed = _demo(tmp_path, LIST + b"3;;L;\r\n")
    done = cli("intake", listed, "--db", db_path, "--title", "KBRI Phnom Penh, 12 Jan",
               "--source", "embassy", "--country", "KH")
    assert done.returncode == 1, done.stderr  # the third row has no name
    assert "KBRI Phnom Penh, 12 Jan: 3 rows saved as an open intake." in done.stdout
    assert "Proposed: 1 already workers, 1 new, 1 to skip" in done.stdout
    with Database.open(db_path) as db:
        [intake] = db.open_intakes()
        assert intake.title == "KBRI Phnom Penh, 12 Jan" and intake.destination_country == "KH"
        assert [r.proposed.value for r in intake.rows if r.proposed] == ["match", "new", "skip"]


@pytest.mark.script
def test_pulang_intake_runs_as_a_command(pulang: Run, tmp_path: Path) -> None:
    db_path, listed = _demo(tmp_path)
    done = pulang("intake", listed, "--db", db_path, "--dry-run", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert [r["proposed"] for r in json.loads(done.stdout)] == ["match", "new"]
