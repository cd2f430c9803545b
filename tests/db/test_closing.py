"""Closing a case and a worker with a reason of the union's list, and reopening them: the
records, the log, the audit trail, the rule on open steps, and Today."""

from __future__ import annotations

import datetime as dt

import pytest

from store.common import clock
from store.common.errors import CaseNotClosable, RuleRefused
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.domain.road import INDONESIA
from store.domain.rules.closing import history, is_closed, times_reopened
from store.domain.vocab import Stage, StepStatus
from store.engine import audit


def a_case(db: Database, *names: str) -> tuple[Case, list[Worker]]:
    case = db.save_case(build(Case, {"title": "Closing", "destination_country": "MY",
                                     "origin_country": "ID", "date_reported": "01/11/2026"}))
    workers = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": n,
                                             "nationality": "ID"})) for n in names]
    return case, workers


def test_a_case_closes_with_a_reason_and_reopens_with_one(empty_db: Database) -> None:
    db = empty_db
    case, _workers = a_case(db, "Siti Aminah")
    db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.DOCUMENTS}))
    closed = db.close_case(case.id, "duplicate", note="Same as KH-2026-0003")
    assert closed.stage is Stage.CLOSED and is_closed(closed)
    assert (closed.closed_reason, closed.closed_on) == ("duplicate", clock.today())
    assert closed.closed_note == "Same as KH-2026-0003" and closed.closed_by
    with pytest.raises(RuleRefused, match="closed already"):
        db.close_case(case.id, "other")
    with pytest.raises(RuleRefused, match="reopen it"):  # not by a stage set by hand
        db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.VERIFYING}),
                     stage_reason="oops")
    with pytest.raises(RuleRefused, match="Say why"):
        db.reopen_case(case.id, "  ")
    reopened = db.reopen_case(case.id, "Not the same case after all")
    assert reopened.stage is Stage.DOCUMENTS and not is_closed(reopened)  # where it stood
    assert reopened.closed_reason == "duplicate"  # the last closing is kept
    assert reopened.reopened_reason == "Not the same case after all"
    assert [e.what for e in history(reopened)] == ["closed", "reopened"]
    assert times_reopened(reopened) == 1
    with pytest.raises(RuleRefused, match="not closed"):
        db.reopen_case(case.id, "again")
    summaries = [e.summary for e in db.log_of(case.id)]
    assert "Case closed: Duplicate case." in summaries
    assert "Case reopened: Not the same case after all" in summaries
    assert not any("KH-2026-0003" in s for s in summaries)  # the note stays in the case
    actions = [(e.action, e.note) for e in db.history(case.id)]
    assert (audit.CLOSED, "duplicate") in actions and (audit.REOPENED, None) in actions


def test_a_reason_off_the_list_is_refused_naming_the_list(empty_db: Database) -> None:
    case, _workers = a_case(empty_db, "Siti Aminah")
    with pytest.raises(RuleRefused, match="lost_contact"):
        empty_db.close_case(case.id, "moved_away")
    assert empty_db.get(Case, case.id).closings == []


def test_open_steps_hold_a_case_open_unless_their_workers_are_closed_or_it_is_referred(
        empty_db: Database) -> None:
    db = empty_db
    case, (siti, ayu) = a_case(db, "Siti Aminah", "Ayu Lestari")
    db.start_plans(case.id)
    with pytest.raises(CaseNotClosable, match="2 workers"):
        db.close_case(case.id, "returned_home")
    for key in INDONESIA.keys:
        db.set_step(case.id, [siti.id], key, StepStatus.DONE, reason="home")
    with pytest.raises(CaseNotClosable, match="Ayu Lestari"):
        db.close_case(case.id, "returned_home")
    db.close_worker(ayu.id, "lost_contact")
    assert db.close_case(case.id, "returned_home").stage is Stage.CLOSED
    # A referral closes it with open steps: the other organisation carries them on.
    other, _ = a_case(db, "Dewi Sartika")
    db.start_plans(other.id)
    assert db.close_case(other.id, "referred").closed_reason == "referred"


def test_a_worker_closed_is_out_of_today_and_stays_in_the_case(empty_db: Database) -> None:
    db = empty_db
    case, (siti, ayu) = a_case(db, "Siti Aminah", "Ayu Lestari")
    db.start_plans(case.id)
    day = clock.today()
    db.set_step(case.id, [ayu.id], "immigration", StepStatus.IN_PROGRESS,
                deadline=day + dt.timedelta(days=2))
    view = db.today(day=day)
    assert {m.worker_id for m in view.missing} == {siti.id, ayu.id}
    assert ayu.id in {d.worker_id for d in view.deadlines}
    closed = db.close_worker(ayu.id, "lost_contact", note="Phone off since March")
    assert is_closed(closed) and closed.closed_note == "Phone off since March"
    view = db.today(day=day)
    assert {m.worker_id for m in view.missing} == {siti.id}
    assert ayu.id not in {d.worker_id for d in view.deadlines}
    assert ayu.id in {w.id for w in db.workers_of(case.id)}  # still in the case
    assert any(e.summary == "Ayu Lestari closed: Lost contact." and e.worker_ids == [ayu.id]
               for e in db.log_of(case.id))
    back = db.reopen_worker(ayu.id, "Called from home")
    assert not is_closed(back) and times_reopened(back) == 1
    assert {m.worker_id for m in db.today(day=day).missing} == {siti.id, ayu.id}


def test_erasing_a_closed_worker_blanks_the_note_and_keeps_the_reason(
        empty_db: Database) -> None:
    db = empty_db
    case, (siti,) = a_case(db, "Siti Aminah")
    db.close_worker(siti.id, "died", note="Her family told us")
    db.erase_worker(siti.id)
    erased = db.get(Worker, siti.id)
    assert erased.closed_note == "" and erased.closed_by == ""
    assert erased.closed_reason == "died" and is_closed(erased)


def test_the_demo_has_a_case_closed_and_reopened_and_a_worker_closed(demo_db: Database) -> None:
    # (the other closed case of the demo, closed once, is the one to be anonymised soon)
    (thai,) = [c for c in demo_db.cases() if len(c.closings) > 1]
    assert [(e.what, e.reason) for e in history(thai)] == [
        ("closed", "not_trafficking"), ("reopened", "")]
    assert history(thai)[0].on < history(thai)[1].on and not is_closed(thai)
    closed = [w for c in demo_db.cases() for w in demo_db.workers_of(c.id) if is_closed(w)]
    assert [(w.full_name, w.closed_reason) for w in closed] == [
        ("Nur Aisyah Ramadhani", "lost_contact")]


def test_the_history_says_a_closing_in_words_not_its_codes(empty_db: Database) -> None:
    """The History of a closing and a reopening: the stage by its label and the newest
    closing or reopening in words (a review found the stored codes shown)."""
    case, _workers = a_case(empty_db, "Siti Aminah")
    empty_db.close_case(case.id, "duplicate", on=dt.date(2026, 11, 25))
    empty_db.reopen_case(case.id, "Not the same after all", on=dt.date(2026, 11, 28))
    said = [" ".join(entry.changes()) for entry in empty_db.history(case.id)
            if entry.table == "cases" and entry.action in (audit.CLOSED, audit.REOPENED)]
    assert len(said) == 2
    closed, reopened = said
    assert "closed 25 Nov 2026: Duplicate case" in closed and "duplicate " not in closed
    assert "Stage:" in closed and "→ closed" in closed and '"closed"' not in closed
    assert "reopened 28 Nov 2026" in reopened and "closed →" in reopened
