"""The Today view's content: what needs chasing this morning, across every open case.

Built by `Database.today()` from the indexes, so that it stays quick on a large database: only
the records that make it into the view are read whole.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

# Days a partner has to answer before an entry awaiting their reply shows in Today.
DEFAULT_REPLY_DAYS = 3
# Days ahead that count as "this week", for next steps and step deadlines.
WEEK = 7
# At most this many workers without screening or consent are listed (all are counted).
MOST_MISSING = 200


def reply_days_from_environment() -> int:
    """$PULANG_REPLY_DAYS, else DEFAULT_REPLY_DAYS."""
    try:
        return max(0, int(os.environ.get("PULANG_REPLY_DAYS", DEFAULT_REPLY_DAYS)))
    except ValueError:
        return DEFAULT_REPLY_DAYS


@dataclass(frozen=True)
class FollowUp:
    """An open next step of a log entry, overdue or due within the week."""

    case_id: str
    ref: str
    entry_id: str
    next_step: str
    due: dt.date


@dataclass(frozen=True)
class Deadline:
    """An open step of a worker's plan whose deadline is within the week (or passed)."""

    case_id: str
    ref: str
    worker_id: str
    worker: str
    step: str  # the step's key
    step_label: str  # untranslated
    deadline: dt.date


@dataclass(frozen=True)
class Awaiting:
    """A partner contacted who has not answered (no later entry with them)."""

    case_id: str
    ref: str
    entry_id: str
    counterpart: str
    since: dt.date


@dataclass(frozen=True)
class Missing:
    """A worker of an open case with no screening, or no consent, yet."""

    case_id: str
    ref: str
    worker_id: str
    worker: str
    screening: bool  # has one
    consent: bool


@dataclass(frozen=True)
class TaskDue:
    """An open task from a meeting or an agreement, overdue or due within the week."""

    task_id: str
    text: str
    owner: str  # their name, "" when nobody owns it
    due: dt.date
    meeting_id: str | None
    agreement_id: str | None
    source: str  # the meeting's or agreement's title


@dataclass
class Today:
    day: dt.date
    reply_days: int
    follow_ups: list[FollowUp] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    awaiting: list[Awaiting] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    missing_count: int = 0  # all of them, also those beyond MOST_MISSING
    tasks: list[TaskDue] = field(default_factory=list)  # from meetings and agreements

    @property
    def overdue(self) -> int:
        return (sum(1 for f in self.follow_ups if f.due < self.day)
                + sum(1 for d in self.deadlines if d.deadline < self.day)
                + sum(1 for t in self.tasks if t.due < self.day))
