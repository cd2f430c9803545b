"""`pulang find TEXT`: what Ctrl+F finds among the workers, best first, as text or json; exit 0
with or without a worker found; reads only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.db import Database
from store.exchange import write_demo
from tests.conftest import Run, files_of

SEED_REF = "KH-2025-0001"


@pytest.fixture
def demo(db_path: Path) -> Path:
    write_demo(db_path).close()
    return db_path


def test_find_prints_the_workers_best_first_in_aligned_columns(cli: Run, demo: Path) -> None:
    done = cli("find", "Mohammad Fadjar", "--db", demo)
    assert done.returncode == 0, done.stderr
    heading, first, *rest = done.stdout.splitlines()
    assert heading.split() == ["Case", "No.", "Worker", "Found", "by", "Score"]
    assert first.split() == [SEED_REF, "5", "Muhammad", "Fajar", "Hidayat", "other",
                             "spelling:", "Mohammad", "Fadjar", "Hidajat", "97.0"]
    assert first.index("Muhammad") == heading.index("Worker")  # the columns line up
    assert first.index("other") == heading.index("Found by")
    assert all(float(line.split()[-1]) <= 97.0 for line in rest)


def test_find_in_json_for_scripts(cli: Run, demo: Path) -> None:
    done = cli("find", "riski", "--format", "json", "--db", demo)
    assert done.returncode == 0, done.stderr
    (found,) = json.loads(done.stdout)
    assert {k: found[k] for k in ("case", "worker", "name", "field", "matched", "score")} == {
        "case": SEED_REF, "worker": 8, "name": "Rizky Pratama Nugroho",
        "field": "other_spelling", "matched": "Riski Pratama", "score": 97.0}
    with Database.open(demo) as db:
        assert found["worker_id"] in {w.id for w in db.workers_of(found["case_id"])}


def test_find_a_phone_by_its_last_digits_and_a_passport(cli: Run, demo: Path) -> None:
    with Database.open(demo) as db:
        case = db.case_by_ref(SEED_REF)
        assert case is not None
        rizky = next(w for w in db.workers_of(case.id) if w.full_name.startswith("Rizky"))
    for query in ("5550 1037", "0812-5550-1037"):
        (found,) = json.loads(cli("find", query, "--format", "json", "--db", demo).stdout)
        assert (found["worker_id"], found["field"], found["matched"]) == (
            rizky.id, "phone", "+6281255501037")
    text = cli("find", "5550 1037", "--db", demo).stdout
    assert "phone: +62 812-5550-1037" in text  # written for reading
    (found,) = json.loads(cli("find", rizky.passport_number.lower(), "--format", "json",
                              "--db", demo).stdout)
    assert (found["field"], found["score"]) == ("passport", 100.0)


def test_nothing_found_exits_0_and_says_so_on_stderr(cli: Run, demo: Path) -> None:
    done = cli("find", "Zzyzx Qwerty", "--db", demo)
    assert (done.returncode, done.stdout) == (0, "")
    assert "Nothing matches “Zzyzx Qwerty”" in done.stderr
    done = cli("find", "Zzyzx Qwerty", "--format", "json", "--db", demo)
    assert (done.returncode, json.loads(done.stdout)) == (0, [])


def test_find_at_most_limit_workers(cli: Run, demo: Path) -> None:
    found = json.loads(cli("find", "a", "--format", "json", "--db", demo).stdout)
    assert len(found) > 3
    assert len(json.loads(cli("find", "a", "--format", "json", "--limit", "3",
                              "--db", demo).stdout)) == 3


def test_find_speaks_the_user_s_language(cli: Run, demo: Path) -> None:
    done = cli("find", "riski", "--db", demo, "--lang", "id")
    assert "ejaan lain: Riski Pratama" in done.stdout
    assert "cari pekerja" in cli("--lang", "id", "--help").stdout.lower()


@pytest.mark.script
def test_find_as_a_process_writes_nothing(pulang: Run, demo: Path) -> None:
    before = files_of(demo)
    done = pulang("find", "Rizki Pratama", "--format", "json", "--db", demo)
    assert done.returncode == 0, done.stderr
    assert [f["name"] for f in json.loads(done.stdout)][:1] == ["Rizky Pratama Nugroho"]
    assert pulang("find", "nobody at all", "--db", demo).returncode == 0
    assert files_of(demo) == before  # not a byte, not a backup, not an audit line
