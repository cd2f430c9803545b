"""Today's items, and Today for a day drawn from them (issue 36).

The store keeps, for each owner (a case; the tasks), the items Today may list, worked out when
the owner's records change and stored with the snapshot (`store.engine.agenda`). An item is a
plain list, its kind first; whatever depends on the day or on a setting (how many days a
partner has to answer, the months of the check-ins, how long a closed case is kept) is left
for `fill`, which puts the items in a `Today` for its day:

    ["f", due, case_id, ref, entry_id, next_step]                      a next step
    ["d", deadline, case_id, ref, worker_id, worker, step, label]       a step's deadline
    ["h", due, case_id, ref, matter_id, worker_id, worker, kind, what]  a hearing
    ["a", since, case_id, ref, entry_id, who, state, partner]           a partner to chase
    ["m", case_id, ref, worker_id, worker, screened, consented]         screening or consent
    ["r", partner, days]                                                a request answered
    ["w", home, case_id, ref, worker_id, name, [months done], followed, [months],
     [[month, due], ...]]                                               a worker home
    ["s", on, case_id, ref, worker_id, name, checkin_id, [[id, code]]]  signs to follow up
    ["k", closed_on, case_id, ref, legal_open]                          a closed case
    ["t", due, task_id, text, owner, meeting_id, agreement_id, source]  a task

Dates are ISO strings. "a" items were answered by nobody when worked out; "m" items are only
for workers not erased nor closed; "w" for workers home and not erased ("followed": also not
closed, their case open), with the days of the check-ins not done of the union's months
when worked out (`fill` works them out again when the months have changed since); "s" for a
worker's latest check-in with signs nobody followed up.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from store.domain.checkins import Due
from store.domain.requests import median_days
from store.domain.rules.kept import (
    HELD_BY_CHECKIN,
    HELD_BY_LEGAL,
    Keeping,
    add_months,
    warn_from,
)
from store.domain.today import (
    MOST_MISSING,
    WEEK,
    Awaiting,
    ComingUp,
    Deadline,
    FollowUp,
    Hearing,
    Missing,
    TaskDue,
    Today,
)

Item = list[Any]
# The day the items are worked out for: far enough that every date is before its week ends,
# so that nothing is left out for being later (`fill` chooses by the real day).
FAR = dt.date(9000, 1, 1)


@dataclass(frozen=True)
class CheckInDue:
    """A check-in of a worker's schedule not yet done, for Today."""

    case_id: str
    ref: str
    worker_id: str
    name: str
    due: Due


@dataclass(frozen=True)
class SignsToFollow:
    """A worker whose latest check-in shows signs of re-recruitment not yet followed up:
    (indicator id, answer code) of each sign."""

    case_id: str
    ref: str
    worker_id: str
    name: str
    on: dt.date
    checkin_id: str
    signs: list[tuple[str, str]]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def fill(view: Today, agenda: Iterable[list[Item]], months: Sequence[int],
         keep_months: int) -> None:
    """Put every owner's items (`agenda`) in `view` for its day: what is due in its window,
    the partners to chase (each within their usual days to reply: the median of the requests
    answered, `store.domain.requests`), the check-ins due within the week of the schedule of
    `months`, and the closed cases within a month of their anonymising, `keep_months` after
    closing."""
    day, window = view.day, view.window
    end, week = window.end.isoformat(), window.week_end.isoformat()
    kinds: dict[str, list[Item]] = {kind: [] for kind in "fdhtamrwks"}
    for items in agenda:  # sorted by kind first: one tight loop a kind after
        for item in items:
            kinds[item[0]].append(item)
    dated = ((view.follow_ups, kinds["f"], lambda i, due: FollowUp(*i[2:6], due)),
             (view.deadlines, kinds["d"], lambda i, due: Deadline(*i[2:8], due)),
             (view.hearings, kinds["h"], lambda i, due: Hearing(*i[2:9], due)),
             (view.tasks, kinds["t"], lambda i, due: TaskDue(*i[2:5], due, *i[5:8])))
    coming = view.coming_up
    for part, found, make in dated:  # due in the window: this week's part, else coming up
        for item in found:
            when = item[1]
            if when <= week:
                part.append(make(item, _day(when)))
            elif when <= end:
                due = _day(when)
                coming.append(ComingUp(due, make(item, due)))
    view.signs += [SignsToFollow(*i[2:6], _day(i[1]), i[6], [(a, b) for a, b in i[7]])
                   for i in kinds["s"]]
    answers: dict[str, list[int]] = {}
    for item in kinds["r"]:
        answers.setdefault(item[1], []).append(item[2])
    chase, missing, closings = kinds["a"], kinds["m"], kinds["k"]
    homes: dict[str, list[Item]] = {}
    for item in kinds["w"]:
        homes.setdefault(item[2], []).append(item)
    medians = {partner: median_days(days) for partner, days in answers.items()}
    for item in chase:
        since, state = _day(item[1]), item[6]
        if state == "accepted":
            if since >= day:
                continue
        else:
            usual = medians.get(item[7]) if state else None
            reply = view.reply_days if usual is None else math.ceil(usual)
            if since > day - dt.timedelta(days=reply):
                continue
        view.awaiting.append(Awaiting(item[2], item[3], item[4], item[5], since, state))
    # Newest reference first, each case's workers in their order (the sort keeps it).
    missing.sort(key=lambda m: m[2], reverse=True)
    view.missing_count = len(missing)
    view.missing = [Missing(*m[1:7]) for m in missing[:MOST_MISSING]]
    _checkins(view, homes, list(months))
    _keeping(view, closings, homes, list(months), keep_months)
    view.signs.sort(key=lambda s: (s.on, s.ref, s.name))


def pending(home: dt.date, months: Sequence[int], done: Iterable[int]) -> list[list[Any]]:
    """[month, day (ISO)] of each month of the schedule from `home` without a check-in."""
    answered = set(done)
    return [[month, add_months(home, month).isoformat()] for month in months
            if month not in answered]


def _pending(home: Item, months: list[int]) -> list[list[Any]]:
    """The months of a worker's schedule without a check-in, with their days (ISO): as
    worked out with the item, unless the union's months have changed since."""
    if len(home) > 9 and home[8] == months:
        return home[9]
    return pending(_day(home[1]), months, home[6])


def _checkins(view: Today, homes: dict[str, list[Item]], months: list[int]) -> None:
    until = (view.day + dt.timedelta(days=WEEK)).isoformat()
    for workers in homes.values():
        for home in workers:
            if home[7]:
                view.checkins_due += [
                    CheckInDue(home[2], home[3], home[4], home[5], Due(month, _day(due), None))
                    for month, due in _pending(home, months) if due <= until]
    view.checkins_due.sort(key=lambda d: (d.due.due, d.ref, d.name))


def _keeping(view: Today, closings: list[Item], homes: dict[str, list[Item]],
             months: list[int], keep_months: int) -> None:
    day = view.day
    today = day.isoformat()
    for item in closings:
        due = add_months(_day(item[1]), keep_months)
        if day < warn_from(due):
            continue
        ahead = any(when >= today for home in homes.get(item[2], [])
                    for _month, when in _pending(home, months))
        held = HELD_BY_LEGAL if item[4] else HELD_BY_CHECKIN if ahead else ""
        view.keeping.append(Keeping(item[2], item[3], due, keep_months, held))
    view.keeping.sort(key=lambda k: (k.due, k.ref, k.case_id))
