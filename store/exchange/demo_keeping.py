"""The demo's keeping: a case closed almost the union's period ago (24 months by default), so
that Today warns it is to be anonymised within the month, and its page says on which day.
Dated from the demo's today, as its other dates are; every name is invented."""

from __future__ import annotations

import datetime as dt

from store.common.closing import months_after_closing
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.domain.rules.keeping import add_months

DAYS_LEFT = 12  # the case is anonymised this many days after the demo's today


def seed_keeping(db: Database, today: dt.date) -> Case:
    """A fishing case of 2 years ago, closed as returned home; anonymised in DAYS_LEFT days."""
    closed_on = add_months(today + dt.timedelta(days=DAYS_LEFT), -months_after_closing())
    case = db.save_case(build(Case, {
        "title": "Longline fishing vessel, Mauritius", "destination_country": "MU",
        "origin_country": "ID", "date_reported": (closed_on - dt.timedelta(days=75)).isoformat(),
        "exploitation_types": ["ForcedLabour"],
        "sector": "A_AgricultureForestryAndFishing"}))
    db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Marthen Yosua Kailola",
                                  "nationality": "ID", "home_province": "Maluku"}))
    return db.close_case(case.id, "returned_home", note="Home in Tegal, working at the port",
                         on=closed_on)
