"""Anonymising a closed case once the union's period is over: one change that erases its
workers and blanks what is personal under it, keeps what the counts need, is audited, is
refused where it must be, and leaves no personal value in any file."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.common import clock
from store.common.errors import RuleRefused
from store.db.database import ERASED_NAME, Database
from store.domain.records import Case, LegalMatter, LogEntry, MoneyEntry, Worker, build
from store.domain.rules.keeping import HELD_BY_LEGAL, add_months
from store.engine import audit
from store.engine.backups import list_backups
from store.exchange import report
from tests.db.test_erase import database_files

TODAY = clock.today()
SECRETS = ("Siti Aminah", "Aminah binti Yusuf", "+6285711223344", "X9988776",
           "Shelter Hope in Kuching", "Ibu Sari in Cilacap", "malaria, recovering",
           "Spoke with the agent about her wages", "Wants to train as a tailor",
           "Officer Rahmat", "Same family as the boat crew")


def a_closed_case(db: Database, months_ago: int = 25) -> tuple[Case, Worker]:
    """A case with a worker full of personal data, a log, a closed legal matter and money,
    closed `months_ago` months before today."""
    case = db.save_case(build(Case, {
        "title": "Palm oil estate", "destination_country": "MY", "origin_country": "ID",
        "date_reported": add_months(TODAY, -months_ago - 2).isoformat(),
        "assigned_officer": "Officer Rahmat", "shared_with": []}))
    worker = db.save_worker(build(Worker, {
        "case_id": case.id, "full_name": "Siti Aminah", "nationality": "ID",
        "other_spellings": ["Aminah binti Yusuf"], "phone": "+6285711223344",
        "passport_number": "X9988776", "current_location": "Shelter Hope in Kuching",
        "family_contact": "Ibu Sari in Cilacap", "health": "malaria, recovering",
        "notes": "Wants to train as a tailor", "home_province": "Jawa Tengah"}))
    db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "worker_ids": [worker.id],
        "summary": "Spoke with the agent about her wages", "next_step": "Call Siti Aminah",
        "due_date": TODAY.isoformat()}))  # a next step needs its words (checks)
    db.save_legal(build(LegalMatter, {"case_id": case.id, "worker_id": worker.id,
                                      "kind": "charge", "stage": "dropped",
                                      "notes": "Same family as the boat crew"}))
    db.save_money(build(MoneyEntry, {"case_id": case.id, "worker_id": worker.id,
                                     "kind": "wages", "status": "claimed", "amount": "1200",
                                     "currency": "MYR"}))
    closed = db.close_case(case.id, "returned_home", note="Home with Ibu Sari in Cilacap",
                           on=add_months(TODAY, -months_ago))
    return closed, worker


def counts(figures: report.Figures) -> dict[str, object]:
    """The report's counts of cases, workers, stages, steps, destinations, months, closings
    and requests: what must not change (money, legal status and provinces are read from
    fields the classification makes personal or sensitive, so they go with the rest)."""
    kept = figures.as_json()
    for personal in ("money", "legal", "workers_by_province", "today"):
        kept.pop(personal)
    return kept


def test_a_closed_case_due_is_anonymised_and_the_counts_stay(demo_db: Database) -> None:
    db = demo_db
    case, worker = a_closed_case(db)
    before = report.figures(db, TODAY)
    [item] = [k for k in db.keeping(TODAY) if k.case_id == case.id]
    assert item.is_due(TODAY) and item.due == add_months(case.closed_on, 24)

    done = db.anonymise_case(case.id, "Officer Dewi", TODAY)

    assert done.anonymised_on == TODAY and done.shared_with == []
    assert done.closed_reason == "returned_home" and done.closed_on == case.closed_on
    assert (done.assigned_officer, done.closed_note, done.closed_by) == ("", "", "")
    erased = db.get(Worker, worker.id)
    assert erased.full_name == ERASED_NAME and erased.erased_at is not None
    assert erased.phone is None and erased.passport_number == ""
    assert all(ERASED_NAME == e.summary or "anonymised" in e.summary
               for e in db.log_of(case.id))
    after = report.figures(db, TODAY)
    assert counts(after) == counts(before)
    assert after.cases == before.cases and after.workers == before.workers
    # One audit record of the case says it, with how long it was kept.
    case_entries = [e for e in db.history(case.id) if e.record == case.id
                    and e.action == audit.ANONYMISED]
    assert [e.note for e in case_entries] == ["kept 24 months after closing"]
    assert db.verify_audit().ok
    assert case.id not in [k.case_id for k in db.keeping(TODAY)]  # nothing left to do


def test_no_personal_value_of_the_case_is_left_in_any_file(demo_db: Database,
                                                           db_path: Path) -> None:
    db = demo_db
    case, _worker = a_closed_case(db)
    db.backup("opened")  # a backup from before: it expires as an erasure's do
    db.anonymise_case(case.id, "Officer Dewi", TODAY)
    db.save_case(db.cases()[0].model_copy(update={"tags": ["after"]}))  # the next save
    outcome = db.backup("opened")
    assert outcome.backup is not None
    db.close()
    newest = list_backups(db_path)[0]
    files = [*database_files(db_path), newest.path]
    for file in files:
        data = file.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in data, f"{secret!r} still in {file.name}"


def test_what_is_not_closed_not_due_or_held_is_refused(demo_db: Database) -> None:
    db = demo_db
    case, worker = a_closed_case(db, months_ago=23)
    [item] = [k for k in db.keeping(TODAY) if k.case_id == case.id]
    assert not item.is_due(TODAY) and not item.held  # warned of: due in a month
    with pytest.raises(RuleRefused, match="kept until"):
        db.anonymise_case(case.id, "Officer Dewi", TODAY)
    assert db.anonymise_due("Officer Dewi", TODAY) == []
    later = add_months(TODAY, 2)
    db.save_legal(build(LegalMatter, {"case_id": case.id, "worker_id": worker.id,
                                      "kind": "detention", "since": "2024-01-01"}))
    [item] = [k for k in db.keeping(later) if k.case_id == case.id]
    assert item.held == HELD_BY_LEGAL and not item.is_due(later)
    with pytest.raises(RuleRefused, match="legal matter is open"):
        db.anonymise_case(case.id, "Officer Dewi", later)
    assert case.id not in [k.case_id for k in db.anonymise_due("Officer Dewi", later)]
    open_case = db.cases()[0]
    with pytest.raises(RuleRefused, match="not closed"):
        db.anonymise_case(open_case.id, "Officer Dewi", later)


def test_the_cases_due_are_anonymised_together_and_not_again(demo_db: Database) -> None:
    db = demo_db
    first, _w1 = a_closed_case(db, months_ago=30)
    second, _w2 = a_closed_case(db, months_ago=24)
    warned, _w3 = a_closed_case(db, months_ago=23)
    done = db.anonymise_due("Officer Dewi", TODAY)
    assert {k.case_id for k in done} == {first.id, second.id}
    assert db.get(Case, warned.id).anonymised_on is None
    with pytest.raises(RuleRefused, match="anonymised on"):
        db.anonymise_case(first.id, "Officer Dewi", TODAY)
    assert db.anonymise_due("Officer Dewi", TODAY) == []


def test_a_reopened_case_is_not_anonymised(demo_db: Database) -> None:
    db = demo_db
    case, _worker = a_closed_case(db, months_ago=30)
    db.reopen_case(case.id, "Recruited again by the same agent")
    assert case.id not in [k.case_id for k in db.keeping(TODAY)]
    assert db.anonymise_due("Officer Dewi", TODAY) == []
    assert db.get(Worker, _worker.id).full_name == "Siti Aminah"


def test_a_check_in_still_ahead_holds_the_case_until_it_is_done_or_past(
        demo_db: Database) -> None:
    """The year after a worker is home is part of the case's purpose: a closed case whose
    worker still has a check-in of the schedule to come is held, then let go once it is
    past."""
    from store.domain.codes import StepStatus
    from store.domain.rules.keeping import HELD_BY_CHECKIN

    db = demo_db
    case, worker = a_closed_case(db, months_ago=26)
    db.reopen_case(case.id, "to record the flight", on=add_months(TODAY, -26))
    db.start_plans(case.id)
    db.set_step(case.id, [worker.id], "flight", StepStatus.DONE,
                done_on=add_months(TODAY, -11), reason="flown home by the embassy")
    db.close_case(case.id, "referred", on=add_months(TODAY, -25))  # steps left open
    [item] = [k for k in db.keeping(TODAY) if k.case_id == case.id]
    assert item.held == HELD_BY_CHECKIN  # the 12-month check-in is a month away
    with pytest.raises(RuleRefused):
        db.anonymise_case(case.id, "Officer Dewi", TODAY)
    later = add_months(TODAY, 2)
    [item] = [k for k in db.keeping(later) if k.case_id == case.id]
    assert not item.held and item.is_due(later)
