"""The demo's check-ins after return (issue 35), in the Sihanoukville returnees' case, whose
two workers are home (store/exchange/demo.py calls `seed_checkins` in its transaction):

- Teguh flew home about seven months ago (`RETURNEES_FLEW`): his 1-month check-in (a phone
  call, a few answers) and his 3-month one (a visit, every question answered: each dimension
  has a score) are done; his 6-month one is overdue, so Today lists it.
- Ratna flew home about three months ago: her 1-month check-in is done; at her 3-month one,
  a week ago, she told of a recruiter's call and an offer of work in Cambodia. No one has
  followed that up yet: she is on Today at once, under the signs of re-recruitment.

In the ten workers' case, Agus's flight home is under way, not done: marking it done on the
case page schedules his four check-ins (1, 3, 6 and 12 months). Every answer is invented.
"""

from __future__ import annotations

import datetime as dt

from store.db.database import Database
from store.domain.checkins import CheckInHow, add_months
from store.domain.records import CheckIn, build

# Days ago that each of the Sihanoukville returnees (Teguh, Ratna) flew home.
RETURNEES_FLEW = (200, 100)
RETURNEES_REF = "Sihanoukville raid"
DESK = "Migrant desk"

TEGUH_1 = {"income_source": "irregular", "debt": "larger", "family": "good", "support": "yes",
           "migrate_again": "undecided", "recruiter_contact": "no", "offer_abroad": "no"}
TEGUH_3 = {"income_source": "regular", "economic_satisfaction": "satisfied",
           "food": "sometimes", "debt": "smaller", "borrowing": "yes", "housing": "good",
           "schooling": "no_children", "health_care": "sometimes", "documents": "all",
           "family": "good", "support": "yes", "treated_differently": "sometimes",
           "safety": "always", "wellbeing": "sometimes", "migrate_again": "no",
           "recruiter_contact": "no", "offer_abroad": "no", "recruiter_debt": "no"}
RATNA_1 = {"income_source": "none", "food": "sometimes", "family": "tense", "support": "yes",
           "wellbeing": "often", "migrate_again": "undecided", "recruiter_contact": "no",
           "offer_abroad": "no", "recruiter_debt": "no"}
RATNA_3 = {"income_source": "none", "economic_satisfaction": "dissatisfied",
           "debt": "larger", "family": "tense", "wellbeing": "often",
           "migrate_again": "undecided", "recruiter_contact": "yes", "offer_abroad": "yes",
           "recruiter_debt": "no"}


def seed_checkins(db: Database, today: dt.date) -> None:
    """The returnees' four check-ins (see the module's doc), dated from their flights."""
    case = next(c for c in db.cases() if c.title.startswith(RETURNEES_REF))
    teguh, ratna = db.workers_of(case.id)[:2]

    def checkin(worker_id: str, month: int, late: int, how: CheckInHow,
                answers: dict[str, str], notes: str) -> None:
        home = today - dt.timedelta(days=RETURNEES_FLEW[worker_id == ratna.id])
        on = min(today, add_months(home, month) + dt.timedelta(days=late))
        db.save_checkin(build(CheckIn, {
            "case_id": case.id, "worker_id": worker_id, "month": month, "on": on, "how": how,
            "by": DESK, "answers": answers, "notes": notes}))

    checkin(teguh.id, 1, 2, CheckInHow.PHONE, TEGUH_1,
            "Day work on building sites in Malang; still owes the moneylender who paid his fee.")
    checkin(teguh.id, 3, 4, CheckInHow.VISIT, TEGUH_3,
            "Hired at a furniture workshop; paying the debt back monthly.")
    checkin(ratna.id, 1, 3, CheckInHow.PHONE, RATNA_1,
            "Living with her parents; no work yet; sleeps badly.")
    checkin(ratna.id, 3, 1, CheckInHow.VISIT, RATNA_3,
            "A recruiter of the same agency phoned her mother: work in a Cambodian hotel, "
            "fee paid in advance. She is thinking about it.")
