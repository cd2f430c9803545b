"""The cases list's rows: light enough to import before anything heavy, for a fast first frame."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CaseRow:
    """One line of the cases list, with what the filter searches (folded)."""

    id: str
    ref: str
    title: str
    destination_country: str
    destination_place: str
    stage: str
    workers: int
    next_due: dt.date | None
    urgency: str
    search_text: str
    closed_reason: str = ""  # the closing reason's code, while the case is closed with one
