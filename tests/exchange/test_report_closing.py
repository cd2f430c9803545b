"""`pulang report`: cases and workers closed by reason and the reopenings, recomputed from the
records with plain loops; a worker count below 5 never given as such."""

from __future__ import annotations

import json
from pathlib import Path

from store.db.database import Database
from store.domain.records import Case
from store.domain.vocab import Stage
from store.exchange.demo import write_demo
from tests.conftest import Run


def closed_demo(db_path: Path) -> None:
    """The demo (a case closed and reopened, a worker closed) with the Cambodian returnees'
    case closed as referred, and a case closed by hand before reasons were kept."""
    db = write_demo(db_path)
    try:
        returnees = db.case_by_ref("KH-2026-0001")
        assert returnees is not None
        db.close_case(returnees.id, "referred", note="The Cambodian shelter carries it on")
        myanmar = db.case_by_ref("MM-2026-0001")
        assert myanmar is not None
        db.save_case(db.get(Case, myanmar.id).model_copy(update={"stage": Stage.CLOSED}),
                     stage_reason="before reasons")
    finally:
        db.close()


def test_the_json_counts_closings_by_reason_and_reopenings(cli: Run, db_path: Path) -> None:
    closed_demo(db_path)
    done = cli("report", "--format", "json", "--db", db_path)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)["closings"]
    with Database.open(db_path) as db:
        cases = {c.ref: c for c in db.cases()}
        reopened = sum(line.split()[1] == "reopened" for c in cases.values()
                       for line in c.closings)
    assert got["cases_closed_by_reason"]["referred"] == 1
    assert got["cases_closed_by_reason"]["unknown"] == 1  # closed by hand, no reason kept
    assert got["cases_closed_by_reason"]["not_trafficking"] == 0  # closed, then reopened
    assert got["cases_closed_by_reason"]["returned_home"] == 1  # the one to anonymise soon
    assert sum(got["cases_closed_by_reason"].values()) == 3
    assert got["workers_closed_by_reason"]["lost_contact"] == "<5"  # one: not given
    assert got["workers_closed_by_reason"]["died"] == 0
    assert got["cases_reopened"] == reopened == 1 and got["workers_reopened"] == 0
    assert "The Cambodian shelter" not in done.stdout  # the note never leaves


def test_the_text_names_the_reasons(cli: Run, db_path: Path) -> None:
    closed_demo(db_path)
    out = cli("report", "--db", db_path).stdout
    cases = out.split("Cases closed, by reason\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert any(line.split() == ["Referred", "to", "another", "organisation", "1"]
               for line in cases)
    assert any(line.split() == ["unknown", "1"] for line in cases)
    workers = out.split("Workers closed, by reason\n", 1)[1].split("\n\n", 1)[0]
    assert "Lost contact" in workers and "fewer than 5" in workers
    assert "Reopenings\n  of a case        1\n  of a worker      0" in out
