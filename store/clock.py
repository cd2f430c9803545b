"""The one place the store asks for the current date.

Relative dates ("+2", "besok", "-1w": `store.parse.parse_date`) count from `today()`; a test
fixes the day with `set_today` and gets the same answers on any day it runs.
"""

from __future__ import annotations

import datetime as dt

_fixed: dt.date | None = None


def today() -> dt.date:
    """The current date (the computer's, unless `set_today` fixed another)."""
    return _fixed if _fixed is not None else dt.date.today()


def set_today(day: dt.date | None) -> None:
    """Make `today()` answer `day`; None gives the computer's date again."""
    global _fixed
    _fixed = day
