"""Checking in after return (issue 35): when a worker's flight home is done, check-ins fall
due at the months the union's template names (1, 3, 6 and 12 by default:
`store.common.reintegration.checkin_months`), counted from the day the flight was done.

Each check-in answers one of them (`CheckIn.month`), or none (one between, asked by the
worker or the officer). What is due is computed, never stored: the schedule follows the
flight's date and the union's template, whichever changes. No I/O, no clock: `today` is
given. Labels are `store.domain.vocab`'s.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from store.common.i18n import N_
from store.domain.codes import StepStatus

if TYPE_CHECKING:
    from store.domain.records.checkin import CheckIn
    from store.domain.records.plan import Plan


# The step of every template of the road home whose being done means the worker is home.
FLIGHT_STEP = "flight"


class CheckInHow(StrEnum):
    """How the officer reached the worker."""

    VISIT = "visit"
    PHONE = "phone"
    MESSAGE = "message"
    OTHER = "other"


CHECKIN_LABELS: list[tuple[StrEnum, str]] = [
    (CheckInHow.VISIT, N_("visit")),
    (CheckInHow.PHONE, N_("phone call")),
    (CheckInHow.MESSAGE, N_("messages")),
    (CheckInHow.OTHER, N_("other")),
]


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole calendar months; the 31st of a shorter month is its last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def home_on(plan: Plan | None) -> dt.date | None:
    """The day the worker's flight home was done, from their plan; None before."""
    if plan is None:
        return None
    step = plan.state(FLIGHT_STEP)
    return step.done_on if step.status is StepStatus.DONE else None


@dataclass(frozen=True)
class Due:
    """One check-in of a worker's schedule: `month` months after `home`, due on `due`;
    `done` the check-in that answers it, if any."""

    month: int
    due: dt.date
    done: CheckIn | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.done is None and self.due < today


def schedule(home: dt.date | None, months: Sequence[int],
             checkins: Iterable[CheckIn] = ()) -> list[Due]:
    """The worker's check-ins, one a month of the template, each with the check-in that
    answers it (the latest, when two answer the same month); none before the flight home.
    A check-in answering a month the template no longer has is not in the schedule (it is
    still in the worker's list of check-ins)."""
    if home is None:
        return []
    answered: dict[int, CheckIn] = {}
    for checkin in sorted(checkins, key=lambda c: (c.on, c.id)):
        if checkin.month is not None:
            answered[checkin.month] = checkin
    return [Due(month, add_months(home, month), answered.get(month))
            for month in sorted(set(months))]


def next_due(home: dt.date | None, months: Sequence[int],
             checkins: Iterable[CheckIn] = ()) -> Due | None:
    """The first check-in of the schedule not yet done, or None."""
    return next((d for d in schedule(home, months, checkins) if d.done is None), None)


def latest(checkins: Iterable[CheckIn]) -> CheckIn | None:
    """The worker's latest check-in (by its day, then as saved)."""
    found = sorted(checkins, key=lambda c: (
        c.on, c.created_at.isoformat() if c.created_at else "", c.id))
    return found[-1] if found else None
