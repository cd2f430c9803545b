"""The one place the store and the app ask for the current date and time.

What a screen shows or a rule decides ("overdue", "not in the future", the date a form offers,
relative dates such as "+2", "besok", "-1w" in `store.domain.parse.parse_date`) counts from
`today()` and `now()`; a test fixes the moment with `set_now` (or the day with `set_today`) and
gets the same answers, and the same screens, on any day it runs. Stamps of when something was
written (a record's `updated_at`, the audit trail, backup and journal file names) are the computer's
own time and do not come from here.
"""

from __future__ import annotations

import datetime as dt

_fixed: dt.datetime | None = None


def now() -> dt.datetime:
    """The current moment, aware, in the computer's time zone (unless `set_now` fixed it)."""
    return (_fixed if _fixed is not None else dt.datetime.now()).astimezone()


def today() -> dt.date:
    """The current date where the computer is (unless `set_now`/`set_today` fixed it)."""
    return now().date()


def set_now(moment: dt.datetime | None) -> None:
    """Make `now()` answer `moment` (naive: the computer's local time) and `today()` its date;
    None gives the computer's clock again."""
    global _fixed
    _fixed = None if moment is None else moment.astimezone()


def set_today(day: dt.date | None) -> None:
    """Make `today()` answer `day` (and `now()` its noon); None gives the computer's date."""
    set_now(None if day is None else dt.datetime.combine(day, dt.time(12, 0)))
