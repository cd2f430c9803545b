"""What Today needs of the keeping of closed cases (`store.domain.rules.keeping`), apart from
the records, so that Today can be drawn before they are read (`store.domain.agenda`): the day
a case falls due counted in calendar months, when Today warns of it, and what holds it."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

# Why a case due is held (a code; `held_words` says it in the officer's language).
HELD_BY_LEGAL, HELD_BY_CHECKIN = "legal", "checkin"


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` calendar months (negative: back); a day the month has not
    (the 31st, the 29th of February) becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def warn_from(due: dt.date) -> dt.date:
    """The first day Today warns of a case due on `due`: a calendar month before."""
    return add_months(due, -1)


@dataclass(frozen=True)
class Keeping:
    """A closed case within a month of its day (or past it), and what holds it, if anything."""

    case_id: str
    ref: str
    due: dt.date
    months: int
    held: str = ""  # HELD_BY_LEGAL or HELD_BY_CHECKIN, "" when not held

    def is_due(self, today: dt.date) -> bool:
        """To be anonymised today: its day has come and nothing holds it."""
        return self.due <= today and not self.held
