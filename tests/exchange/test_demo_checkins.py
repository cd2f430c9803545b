"""The demo's check-ins after return (store/exchange/demo_checkins.py): a returnee with two
check-ins done and the third overdue, one whose latest check-in shows signs of re-recruitment,
and a worker whose flight home, once marked done, schedules four check-ins."""

from __future__ import annotations

import datetime as dt

from store.common import clock
from store.common.reintegration import indicators
from store.db.database import Database
from store.domain.checkins import add_months
from store.domain.rules.reintegration import OVERALL, UNWEIGHTED, score
from store.domain.vocab import StepStatus


def _returnees(db: Database) -> tuple[str, str, str]:
    case = next(c for c in db.cases() if c.title.startswith("Sihanoukville raid"))
    teguh, ratna = (w.id for w in db.workers_of(case.id)[:2])
    return case.id, teguh, ratna


def test_one_returnee_has_two_checkins_done_and_the_six_month_one_on_today(
        demo_db: Database) -> None:
    today = clock.today()
    case_id, teguh, _ratna = _returnees(demo_db)
    flown = demo_db.plan_of(teguh).state("flight").done_on
    assert flown is not None and 180 <= (today - flown).days <= 230  # about seven months
    due = demo_db.checkin_schedule(teguh)
    assert [(d.month, d.done is not None) for d in due] == [
        (1, True), (3, True), (6, False), (12, False)]
    assert due[2].overdue(today) or due[2].due <= today + dt.timedelta(days=7)
    on_today = [d for d in demo_db.checkins_due(today + dt.timedelta(days=7))
                if d.worker_id == teguh]
    assert [d.due.month for d in on_today] == [6]
    # The 3-month check-in answers every scored question: each dimension has a score, and it
    # says it is unweighted.
    third = due[1].done
    assert third is not None and third.case_id == case_id
    scores = score(third.answers, indicators())
    assert all(s.value is not None and s.method == UNWEIGHTED for s in scores.values())
    assert 0 < scores[OVERALL].value < 1  # type: ignore[operator]


def test_one_returnee_is_on_today_for_signs_of_re_recruitment(demo_db: Database) -> None:
    _case_id, _teguh, ratna = _returnees(demo_db)
    signs = demo_db.signs_to_follow()
    assert [s.worker_id for s in signs] == [ratna]
    assert dict(signs[0].signs) == {"recruiter_contact": "yes", "offer_abroad": "yes"}
    assert signs[0].checkin.followed_on is None


def test_marking_agus_flight_done_schedules_four_checkins(demo_db: Database) -> None:
    today = clock.today()
    seed = demo_db.case_by_ref("KH-2025-0001")
    assert seed is not None
    agus = next(w for w in demo_db.workers_of(seed.id) if w.full_name.startswith("Agus"))
    assert demo_db.plan_of(agus.id).state("flight").status is StepStatus.IN_PROGRESS
    assert demo_db.checkin_schedule(agus.id) == []
    demo_db.set_step(seed.id, [agus.id], "flight", StepStatus.DONE, done_on=today)
    due = demo_db.checkin_schedule(agus.id)
    assert [(d.month, d.due, d.done) for d in due] == [
        (m, add_months(today, m), None) for m in (1, 3, 6, 12)]
