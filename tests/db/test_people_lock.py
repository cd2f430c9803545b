"""What the matching of people keeps in memory goes when the app locks, with the search's
indexes: the index of dates of birth names workers (issue 33)."""

from __future__ import annotations

import datetime as dt

import pytest

from store.common.errors import RuleRefused
from store.db.database import Database
from store.domain import PersonToMatch
from store.domain.records import Case, Worker, build


def test_the_birth_date_index_is_dropped_on_lock(empty_db: Database) -> None:
    case = empty_db.save_case(build(Case, {"title": "A", "destination_country": "TH"}))
    worker = empty_db.save_worker(build(Worker, {
        "case_id": case.id, "full_name": "Souksavanh Phommachanh",
        "date_of_birth": "1998-04-03"}))
    person = PersonToMatch("Souksavan Phommachan", date_of_birth=dt.date(1998, 4, 3))
    assert [m.worker_id for m in empty_db.match_person(person)] == [worker.id]
    engine = empty_db._engine  # noqa: SLF001 - what memory holds is the point
    assert engine.births is not None and engine.spellings is not None
    empty_db.lock()
    assert engine.births is None and engine.spellings is None
    empty_db.unlock()
    assert [m.worker_id for m in empty_db.match_person(person)] == [worker.id]


def test_a_worker_of_the_same_case_is_not_linked(empty_db: Database) -> None:
    case = empty_db.save_case(build(Case, {"title": "A", "destination_country": "TH"}))
    worker = empty_db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Ani"}))
    with pytest.raises(RuleRefused):
        empty_db.link_workers(case.id, [worker.id])
    assert empty_db.log_of(case.id) == []
