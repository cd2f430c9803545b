"""Today's hearings and legal deadlines (issue 34), on a real database file: which next dates of
workers' legal matters `Database.today()` puts in the week's part, in "coming up" or nowhere."""

from __future__ import annotations

import datetime as dt

import pytest

from store.db.database import Database
from store.domain.legal_codes import LegalKind, LegalStage
from store.domain.records import Case, LegalMatter, Worker, build
from store.domain.today import Hearing, Today
from store.domain.vocab import Stage

DAY = dt.date(2026, 12, 6)  # the view's day (none of these matters' dates is checked by it)


@pytest.fixture
def group(empty_db: Database) -> tuple[Database, Case, list[Worker]]:
    db = empty_db
    case = db.save_case(build(Case, {"title": "Ten workers", "destination_country": "KH",
                                     "kind": "group", "date_reported": "12/11/2026",
                                     "stage": "in_shelter"}))
    workers = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": f"Worker {n}",
                                             "nationality": "ID"})) for n in range(1, 4)]
    return db, case, workers


def matter(db: Database, worker: Worker, days: int | None, *,
           kind: LegalKind = LegalKind.CHARGE, stage: LegalStage = LegalStage.CHARGED,
           what: str = "Hearing at the municipal court") -> LegalMatter:
    """A legal matter of `worker`'s with its next date `days` from DAY (None: no next date)."""
    due = None if days is None else DAY + dt.timedelta(days=days)
    return db.save_legal(build(LegalMatter, {
        "case_id": worker.case_id, "worker_id": worker.id, "kind": kind, "stage": stage,
        "next_date": due, "next_what": what if due else ""}))


def hearings(view: Today) -> dict[str, Hearing]:
    return {h.matter_id: h for h in view.hearings}


def coming(view: Today) -> dict[str, Hearing]:
    return {c.item.matter_id: c.item for c in view.coming_up if isinstance(c.item, Hearing)}


def test_a_next_date_passed_today_or_this_week_is_in_the_week_s_part_and_later_coming_up(
        group: tuple[Database, Case, list[Worker]]) -> None:
    db, case, (first, second, third) = group
    passed = matter(db, first, -2)
    today = matter(db, second, 0, kind=LegalKind.DEPORTATION, stage=LegalStage.BLACKLISTED,
                   what="Appeal of the entry ban due")
    soon = matter(db, third, 3)
    later = matter(db, first, 25, kind=LegalKind.IMMIGRATION_FINE, stage=LegalStage.IMPOSED,
                   what="Fine to pay or waive")
    too_far = matter(db, second, 40)
    matter(db, third, None, kind=LegalKind.LEGAL_AID, stage=LegalStage.ASSIGNED)

    view = db.today(day=DAY)
    # Overdue first, then the week's, soonest first.
    assert [h.matter_id for h in view.hearings] == [passed.id, today.id, soon.id]
    assert view.overdue == 1, "a hearing passed while its matter is open is overdue"
    shown = hearings(view)[today.id]
    assert (shown.case_id, shown.ref, shown.worker_id, shown.worker) == (
        case.id, case.ref, second.id, "Worker 2")
    assert (shown.kind, shown.what, shown.due) == ("deportation", "Appeal of the entry ban due",
                                                    DAY)
    # PULANG_TODAY_DAYS unset: coming up looks 30 days ahead.
    assert list(coming(view)) == [later.id]
    assert coming(view)[later.id].due == DAY + dt.timedelta(days=25)
    assert too_far.id not in hearings(view) | coming(view)
    assert len(view.hearings) + len(coming(view)) == 4, "one without a next date: nowhere"


def test_pulang_today_days_bounds_the_hearings_coming_up(
        group: tuple[Database, Case, list[Worker]], monkeypatch: pytest.MonkeyPatch) -> None:
    db, _case, (first, *_rest) = group
    later = matter(db, first, 25)
    monkeypatch.setenv("PULANG_TODAY_DAYS", "20")
    assert coming(db.today(day=DAY)) == {}
    monkeypatch.setenv("PULANG_TODAY_DAYS", "25")
    assert list(coming(db.today(day=DAY))) == [later.id]


def test_a_matter_at_a_closed_stage_shows_nowhere(
        group: tuple[Database, Case, list[Worker]]) -> None:
    db, _case, (first, second, third) = group
    acquitted = matter(db, first, -1, stage=LegalStage.ACQUITTED)
    lifted = matter(db, second, 20, kind=LegalKind.DEPORTATION, stage=LegalStage.LIFTED)
    open_one = matter(db, third, 2)
    view = db.today(day=DAY)
    assert list(hearings(view)) == [open_one.id] and coming(view) == {}
    assert view.overdue == 0
    # The matter closed later: gone from Today.
    db.save_legal(db.get(LegalMatter, open_one.id).model_copy(
        update={"stage": LegalStage.DROPPED}))
    assert db.today(day=DAY).hearings == []
    assert acquitted.id and lifted.id


def test_a_closed_case_s_hearings_show_nowhere(empty_db: Database) -> None:
    db = empty_db
    case = db.save_case(build(Case, {"title": "One worker", "destination_country": "TH",
                                     "date_reported": "12/11/2026"}))
    worker = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Siti"}))
    due = matter(db, worker, 3)
    later = matter(db, worker, 25)
    view = db.today(day=DAY)
    assert list(hearings(view)) == [due.id] and list(coming(view)) == [later.id]
    db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.CLOSED}))
    view = db.today(day=DAY)
    assert view.hearings == [] and coming(view) == {}


def test_an_erased_or_removed_worker_s_hearings_show_nowhere(
        group: tuple[Database, Case, list[Worker]]) -> None:
    db, _case, (first, second, third) = group
    matter(db, first, 1)
    matter(db, first, 25)
    matter(db, second, -3)
    kept = matter(db, third, 2)
    db.erase_worker(first.id)
    db.remove_worker(second.id)
    view = db.today(day=DAY)
    assert list(hearings(view)) == [kept.id] and coming(view) == {}
    assert all(h.worker_id == third.id for h in view.hearings)
