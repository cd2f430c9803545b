"""Today drawn before the records are read (issue 36): for the app's first screen.

`early_view` reads the start of the database file alone (`store.engine.early`: the items the
store keeps for Today, with the journal's on top) and puts them in a `Today` for the day, as
`Database.today` does once the records are in (`store.domain.agenda.fill`). It imports little
of the store (no records, no pydantic): the app calls it in its loading thread before it opens
the database, so Today shows at once at any size, and opening the database then proceeds as
before.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from dataclasses import dataclass
from pathlib import Path

from store.common import clock
from store.common.closing import months_after_closing
from store.common.reintegration import checkin_months
from store.domain.agenda import fill
from store.domain.today import Today
from store.engine.early import read_early
from store.engine.files import journal_path
from store.engine.migrations import SCHEMA_VERSION


@dataclass(frozen=True)
class EarlyView:
    today: Today
    cases: int  # how many cases the file holds, open or closed


def early_view(path: str | Path, day: dt.date | None = None) -> EarlyView | None:
    """Today on `day` (else the clock's) from the items stored in the file at `path`; None
    when the file has none (encrypted, of another schema, written before them, or with a
    journal entry that did not carry them): then Today waits for the records, as before."""
    path = Path(path)
    # Hundreds of thousands of small lists at 50,000 cases, and no cycle among them: the
    # collector would only walk them again and again (half the time, measured).
    collecting = gc.isenabled()
    gc.disable()
    try:
        early = read_early(path, journal_path(path), SCHEMA_VERSION)
        if early is None or early.today is None:
            return None
        view = Today.settled(day or clock.today(), None, None, os.environ)
        fill(view, early.today.values(), checkin_months(), months_after_closing())
        view.sort()
        return EarlyView(view, early.head.count_rows())
    finally:
        if collecting:
            gc.enable()
