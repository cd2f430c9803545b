"""The Today view's content: what needs chasing this morning, across every open case.

Filled by `store.domain.rules.today` from the indexes `Database.today()` hands it, so that it
stays quick on a large database: only the records that make it into the view are read whole.
The settings come from the environment the caller passes: nothing here reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from store.common.i18n import _
from store.domain.text import fold

# Days a partner has to answer before an entry awaiting their reply shows in Today.
DEFAULT_REPLY_DAYS = 3
# Days ahead that count as "this week", for next steps, step deadlines and tasks.
WEEK = 7
# Days ahead that Today's "coming up" part looks (after the week): $PULANG_TODAY_DAYS.
DEFAULT_TODAY_DAYS = 30
# The most days either setting takes (a year, and a day for a leap year).
MOST_DAYS = 366
# At most this many workers without screening or consent are listed (all are counted).
MOST_MISSING = 200


def days_from_environment(name: str, default: int,
                          environ: Mapping[str, str]) -> tuple[int, str | None]:
    """A number of days from the environment variable `name` in `environ` (0 to MOST_DAYS),
    else `default`; and, when the variable says something else, a warning saying so."""
    value = environ.get(name, "").strip()
    if not value:
        return default, None
    try:
        days = int(value)
    except ValueError:
        days = -1
    if 0 <= days <= MOST_DAYS:
        return days, None
    return default, _("{name} must be a whole number of days from 0 to {most}; using "
                      "{days}.").format(name=name, most=MOST_DAYS, days=default)


@dataclass(frozen=True)
class Window:
    """Which part of Today a date belongs to: up to a week ahead (overdue included) in the
    week's parts; after that, up to `days` ahead, in "coming up"; later, nowhere yet."""

    day: dt.date
    days: int = DEFAULT_TODAY_DAYS

    @property
    def week_end(self) -> dt.date:
        return self.day + dt.timedelta(days=WEEK)

    @property
    def end(self) -> dt.date:
        return max(self.week_end, self.day + dt.timedelta(days=self.days))

    def this_week(self, due: dt.date) -> bool:
        return due <= self.week_end

    def shown(self, due: dt.date) -> bool:
        """In Today at all: this week, overdue, or coming up."""
        return due <= self.end


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
    """A partner contacted who has not answered (no later entry with them); or a request to a
    partner (`store.domain.requests`) still sent past the partner's usual reply time, or
    accepted and past its due date (`since`: then the due date)."""

    case_id: str
    ref: str
    entry_id: str
    counterpart: str
    since: dt.date
    state: str = ""  # the request's state (sent, accepted), "" for an entry with none


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


@dataclass(frozen=True)
class Hearing:
    """A worker's legal matter with a hearing or a deadline (its next date) within the week,
    or passed while the matter is open (issue 34)."""

    case_id: str
    ref: str
    matter_id: str
    worker_id: str
    worker: str
    kind: str  # the matter's kind (`store.domain.legal_codes.LegalKind` value)
    what: str  # what is due then, as the officer wrote it
    due: dt.date


Item = FollowUp | Deadline | TaskDue | Hearing


@dataclass(frozen=True)
class ComingUp:
    """A next step, a step's deadline, a hearing or a task due after the week, within the
    window."""

    due: dt.date
    item: Item


@dataclass
class Today:
    day: dt.date
    reply_days: int
    days: int = DEFAULT_TODAY_DAYS  # how far "coming up" looks ahead
    follow_ups: list[FollowUp] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    awaiting: list[Awaiting] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    missing_count: int = 0  # all of them, also those beyond MOST_MISSING
    tasks: list[TaskDue] = field(default_factory=list)  # from meetings and agreements
    hearings: list[Hearing] = field(default_factory=list)  # of workers' legal matters
    # Due after the week and within `days`: every kind above, soonest first.
    coming_up: list[ComingUp] = field(default_factory=list)
    # Closed cases within a month of the day they are anonymised, or held past it
    # (`store.domain.rules.keeping.Keeping`, filled by `Database.today`).
    keeping: list[Any] = field(default_factory=list)
    # Workers whose latest check-in shows signs of re-recruitment nobody followed up, and the
    # check-ins after return due within the week (`store.domain.agenda`).
    signs: list[Any] = field(default_factory=list)
    checkins_due: list[Any] = field(default_factory=list)
    # What was wrong with the settings read ($PULANG_REPLY_DAYS, $PULANG_TODAY_DAYS).
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def settled(cls, day: dt.date, reply_days: int | None, days: int | None,
                environ: Mapping[str, str]) -> Today:
        """An empty view for `day`; `reply_days` and `days`, unless given, from
        $PULANG_REPLY_DAYS and $PULANG_TODAY_DAYS in `environ` (a bad value: the default, and
        a warning)."""
        warnings: list[str] = []

        def setting(given: int | None, name: str, default: int) -> int:
            if given is not None:
                return given
            value, warning = days_from_environment(name, default, environ)
            warnings.extend([warning] if warning else [])
            return value

        return cls(day, setting(reply_days, "PULANG_REPLY_DAYS", DEFAULT_REPLY_DAYS),
                   setting(days, "PULANG_TODAY_DAYS", DEFAULT_TODAY_DAYS), warnings=warnings)

    @property
    def window(self) -> Window:
        return Window(self.day, self.days)

    def add(self, due: dt.date, item: Item) -> None:
        """Put an item due on `due` (already known to be within the window) in its part."""
        if not self.window.this_week(due):
            self.coming_up.append(ComingUp(due, item))
        elif isinstance(item, FollowUp):
            self.follow_ups.append(item)
        elif isinstance(item, Deadline):
            self.deadlines.append(item)
        elif isinstance(item, Hearing):
            self.hearings.append(item)
        else:
            self.tasks.append(item)

    def sort(self) -> None:
        """Each part in its order: soonest first."""
        self.follow_ups.sort(key=lambda f: (f.due, f.ref))
        self.deadlines.sort(key=lambda d: (d.deadline, d.ref, d.worker))
        self.awaiting.sort(key=lambda a: (a.since, a.ref, a.entry_id))
        self.tasks.sort(key=lambda t: (t.due, fold(t.text)))
        self.hearings.sort(key=lambda h: (h.due, h.ref, h.worker))
        self.coming_up.sort(key=_coming_order)

    @property
    def overdue(self) -> int:
        return (sum(1 for f in self.follow_ups if f.due < self.day)
                + sum(1 for d in self.deadlines if d.deadline < self.day)
                + sum(1 for t in self.tasks if t.due < self.day)
                + sum(1 for h in self.hearings if h.due < self.day))


def _coming_order(coming: ComingUp) -> tuple[dt.date, int, str]:
    """Soonest first; on a day, hearings, next steps, then step deadlines (by case), then
    tasks."""
    item = coming.item
    if isinstance(item, TaskDue):
        return coming.due, 3, fold(item.text)
    if isinstance(item, Hearing):
        return coming.due, -1, item.ref
    return coming.due, 0 if isinstance(item, FollowUp) else 1, item.ref
