"""The demo's closings: a case closed with a reason and reopened once, a worker closed."""

from __future__ import annotations

import datetime as dt

from store.db.database import Database
from store.domain.records import Case


def seed_closings(db: Database, case: Case, today: dt.date) -> None:
    """The Thai case closed as not one of trafficking, then reopened when a second worker
    spoke (its history shows both); one worker of the group `case`, out of contact, closed."""
    thai = next(c for c in db.cases() if c.destination_country == "TH")
    start = max(thai.date_reported, today - dt.timedelta(days=12))
    db.close_case(thai.id, "not_trafficking", note="Said they chose the work", on=start)
    db.reopen_case(thai.id, "A second worker told of debts and threats",
                   on=min(today, start + dt.timedelta(days=3)))
    nur = next(w for w in db.workers_of(case.id) if w.full_name == "Nur Aisyah Ramadhani")
    db.close_worker(nur.id, "lost_contact", note="Phone off since the shelter",
                    on=today - dt.timedelta(days=4))
