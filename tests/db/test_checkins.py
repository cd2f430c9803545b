"""Check-ins after return (issue 35) in the real store on a temporary file: the schedule a
flight home sets, a check-in saved against the union's indicators, the check-ins due across
the database, the signs of re-recruitment that put a worker on Today, and what removing or
erasing a worker takes with them."""

from __future__ import annotations

import datetime as dt

import pytest

from store.common.errors import RecordInvalid, RuleRefused
from store.db.database import Database
from store.domain.codes import StepStatus
from store.domain.records import Case, CheckIn, Worker, build

HOME = dt.date(2026, 1, 31)  # a 31st: the schedule's months end on their last day


@pytest.fixture
def home(empty_db: Database) -> tuple[Database, Case, list[Worker]]:
    db = empty_db
    case = db.save_case(build(Case, {"title": "Back from Sihanoukville", "kind": "group",
                                     "destination_country": "KH",
                                     "date_reported": "02/11/2025"}))
    workers = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": name,
                                             "nationality": "ID"}))
               for name in ("Rizky Pratama", "Siti Rahma", "Agus Salim")]
    db.start_plans(case.id)
    db.set_step(case.id, [workers[0].id, workers[1].id], "flight", StepStatus.DONE,
                done_on=HOME, reason="flown home by the embassy")
    return db, case, workers


def checkin(db: Database, worker: Worker, on: dt.date, month: int | None,
            **answers: str) -> CheckIn:
    return db.save_checkin(build(CheckIn, {"case_id": worker.case_id, "worker_id": worker.id,
                                           "on": on, "month": month, "answers": answers}))


def test_a_flight_home_done_schedules_the_four_check_ins(home) -> None:
    db, _case, (rizky, _siti, agus) = home
    dues = db.checkin_schedule(rizky.id)
    assert [(d.month, d.due) for d in dues] == [
        (1, dt.date(2026, 2, 28)), (3, dt.date(2026, 4, 30)), (6, dt.date(2026, 7, 31)),
        (12, dt.date(2027, 1, 31))]
    assert all(d.done is None for d in dues)
    assert db.checkin_schedule(agus.id) == []  # not flown home yet
    assert [(d.month, d.due) for d in db.checkin_schedule(rizky.id, months=(2,))] == [
        (2, dt.date(2026, 3, 31))]


def test_a_check_in_answers_its_month_and_leaves_the_list_of_those_due(home) -> None:
    db, case, (rizky, siti, _agus) = home
    due = db.checkins_due(until=dt.date(2026, 5, 1))
    assert [(d.name, d.due.month) for d in due] == [
        ("Rizky Pratama", 1), ("Siti Rahma", 1), ("Rizky Pratama", 3), ("Siti Rahma", 3)]
    assert due[0].ref == db.get(Case, case.id).ref
    done = checkin(db, rizky, dt.date(2026, 3, 2), 1, income_source="irregular", debt="smaller")
    assert db.checkin_schedule(rizky.id)[0].done == done
    due = db.checkins_due(until=dt.date(2026, 5, 1))
    assert [(d.name, d.due.month) for d in due] == [
        ("Siti Rahma", 1), ("Rizky Pratama", 3), ("Siti Rahma", 3)]
    assert db.checkins_of(case.id, rizky.id) == [done]
    assert db.checkins_of(case.id, siti.id) == []


def test_an_answer_the_check_in_does_not_offer_is_refused_naming_it(home) -> None:
    db, _case, (rizky, _siti, _agus) = home
    with pytest.raises(RecordInvalid) as refused:
        checkin(db, rizky, dt.date(2026, 3, 2), 1, income_source="lottery")
    assert "income_source" in str(refused.value.errors["answers"])
    with pytest.raises(RecordInvalid):
        checkin(db, rizky, dt.date(2026, 3, 2), 1, horoscope="good")
    with pytest.raises(RecordInvalid):  # not in the future
        checkin(db, rizky, dt.date.today() + dt.timedelta(days=2), 1)


def test_a_sign_of_re_recruitment_puts_the_worker_on_today_until_followed_up(home) -> None:
    db, _case, (rizky, siti, _agus) = home
    checkin(db, siti, dt.date(2026, 3, 1), 1, recruiter_contact="no", income_source="regular")
    assert db.signs_to_follow() == []
    signed = checkin(db, rizky, dt.date(2026, 3, 2), 1, recruiter_contact="yes",
                     offer_abroad="yes", migrate_again="no")
    found = db.signs_to_follow()
    assert [(s.name, s.signs) for s in found] == [
        ("Rizky Pratama", [("recruiter_contact", "yes"), ("offer_abroad", "yes")])]
    with pytest.raises(RuleRefused):
        db.follow_up_signs(signed.id, "  ")
    with pytest.raises(RuleRefused):  # Siti's shows none
        db.follow_up_signs(db.checkins_of(siti.case_id, siti.id)[0].id, "called")
    followed = db.follow_up_signs(signed.id, "Warned the family; reported the broker to BP2MI",
                                  on=dt.date(2026, 3, 3))
    assert followed.followed_on == dt.date(2026, 3, 3)
    assert db.signs_to_follow() == []
    # A later check-in with a sign puts him back; one without takes him off.
    later = checkin(db, rizky, dt.date(2026, 5, 2), 3, recruiter_debt="yes")
    assert [s.checkin.id for s in db.signs_to_follow()] == [later.id]
    checkin(db, rizky, dt.date(2026, 5, 20), None, recruiter_debt="no")
    assert db.signs_to_follow() == []


def test_a_closed_worker_leaves_today_s_check_ins(home) -> None:
    db, _case, (rizky, siti, _agus) = home
    checkin(db, rizky, dt.date(2026, 3, 2), 1, recruiter_contact="yes")
    db.close_worker(rizky.id, "lost_contact")
    assert {d.name for d in db.checkins_due(until=dt.date(2027, 2, 1))} == {"Siti Rahma"}
    assert db.signs_to_follow() == []


def test_removing_or_erasing_a_worker_removes_their_check_ins(home) -> None:
    db, case, (rizky, siti, _agus) = home
    checkin(db, rizky, dt.date(2026, 3, 2), 1, recruiter_contact="yes")
    checkin(db, siti, dt.date(2026, 3, 2), 1, recruiter_debt="no")
    db.erase_worker(rizky.id)
    assert db.checkins_of(case.id, rizky.id) == []
    db.remove_worker(siti.id)
    assert db.checkins_of(case.id) == []
    assert db.signs_to_follow() == []
