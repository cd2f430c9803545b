"""The HTCDS export's case status and reason for closure (issue 35): Active, FollowUp, Closed
or ClosedReferred, and the reason's English label of the union's list, whatever the language
the officer reads; never the closing's note."""

from __future__ import annotations

from store.common.i18n import set_language
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.domain.vocab import Stage
from store.exchange.htcds import export_htcds, worker_row
from tests.exchange.test_htcds import _all_workers, _allow_statistics, _rows


def _case(db: Database, title: str) -> tuple[Case, Worker]:
    case = db.save_case(build(Case, {"title": title, "destination_country": "KH"}))
    return case, db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Ayu Lestari"}))


def test_each_case_status_and_the_english_reason(empty_db: Database) -> None:
    db = empty_db
    active, worker = _case(db, "Active")
    assert (worker_row(active, worker, None)["cas_Status"],
            worker_row(active, worker, None)["cas_ReasonForCaseClosure"]) == ("Active", "")
    follow = db.save_case(db.get(Case, active.id).model_copy(
        update={"stage": Stage.LEGAL_FOLLOW_UP}))
    assert worker_row(follow, worker, None)["cas_Status"] == "FollowUp"
    set_language("id")
    try:
        closed = db.close_case(active.id, "lost_contact", note="Phone off")
        row = worker_row(closed, worker, None)
        assert (row["cas_Status"], row["cas_ReasonForCaseClosure"]) == ("Closed", "Lost contact")
    finally:
        set_language("en")
    other, other_worker = _case(db, "Referred")
    referred = db.close_case(other.id, "referred")
    row = worker_row(referred, other_worker, None)
    assert (row["cas_Status"], row["cas_ReasonForCaseClosure"]) == (
        "ClosedReferred", "Referred to another organisation")
    reopened = db.reopen_case(other.id, "Sent back to us")
    assert worker_row(reopened, other_worker, None)["cas_Status"] == "Active"


def test_the_export_writes_them_and_never_the_note(demo_db: Database) -> None:
    _allow_statistics(demo_db, _all_workers(demo_db))
    returnees = demo_db.case_by_ref("KH-2026-0001")
    assert returnees is not None
    demo_db.close_case(returnees.id, "referred", note="Handed to the Cambodian shelter")
    data, _report = export_htcds(demo_db, k=1)
    rows = _rows(data)[1]
    statuses = sorted((r["cas_Status"], r["cas_ReasonForCaseClosure"]) for r in rows)
    assert statuses.count(("ClosedReferred", "Referred to another organisation")) == len(
        demo_db.workers_of(returnees.id))
    assert ("Active", "") in statuses
    assert b"Cambodian shelter" not in data
