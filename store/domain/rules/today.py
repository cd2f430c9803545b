"""What Today shows: the selection, part by part, across every case that is not closed.

Each function fills one part of a `store.domain.today.Today` from what `Database.today()` hands
it: the cases list's rows, the store's indexes (mappings of ids) and, to read a record whole,
a function that looks it up in memory. Only the records an index puts within the view are
read, so that Today stays quick on a large database. The day is the view's: no clock here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from store.domain.legal_codes import CLOSED_STAGES
from store.domain.records import LogEntry, Task
from store.domain.requests import RequestState
from store.domain.road import OPEN, TEMPLATES
from store.domain.rows import CaseRow
from store.domain.rules.erasure import ERASED_NAME
from store.domain.text import fold, row_name
from store.domain.today import (
    MOST_MISSING,
    Awaiting,
    Deadline,
    FollowUp,
    Hearing,
    Missing,
    TaskDue,
    Today,
)
from store.domain.vocab import Stage

Doc = dict[str, Any]


def open_cases(rows: Iterable[CaseRow]) -> dict[str, CaseRow]:
    """The rows of the cases that are not closed, by case id."""
    return {row.id: row for row in rows if row.stage != Stage.CLOSED.value}


def follow_ups(view: Today, cases: Mapping[str, CaseRow], due: Mapping[str, str | None],
               case_of: Mapping[str, str], read: Callable[[str], Doc | None]) -> None:
    """Next steps of log entries of open `cases`, overdue or due within the view's window.
    `due`: each entry's due date (ISO) by entry id; `case_of`: each entry's case; `read`: an
    entry as stored."""
    horizon = view.window.end.isoformat()
    for entry_id, when in due.items():
        if when is None or when > horizon or case_of.get(entry_id) not in cases:
            continue
        doc = read(entry_id)
        if doc is None or not doc.get("next_step"):
            continue
        case_id = doc["case_id"]
        day = dt.date.fromisoformat(when)
        view.add(day, FollowUp(case_id, cases[case_id].ref, entry_id, doc["next_step"], day))


def deadlines(view: Today, cases: Mapping[str, CaseRow], plans: Mapping[str, str],
              read: Callable[[str], Doc | None], names: Mapping[str, Sequence[str]],
              closed: Collection[str] = frozenset()) -> None:
    """Open plan steps of workers of open `cases` whose deadline is within the view's window.
    `plans`: each plan's case by plan id; `read`: a plan as stored; `names`: each worker's
    names; `closed`: the workers closed, left out."""
    horizon = view.window.end.isoformat()
    for plan_id, case_id in plans.items():
        if case_id not in cases:
            continue
        doc = read(plan_id)
        if doc is None or doc.get("template") not in TEMPLATES or doc["worker_id"] in closed:
            continue
        template = TEMPLATES[doc["template"]]
        for step in doc.get("steps", []):
            deadline = step.get("deadline")
            if (deadline and deadline <= horizon and step.get("status") in OPEN
                    and step.get("key") in template.keys):
                worker = row_name(names.get(doc["worker_id"]) or ["?"], doc["worker_id"])
                when = dt.date.fromisoformat(deadline)
                view.add(when, Deadline(
                    case_id, cases[case_id].ref, doc["worker_id"], worker, step["key"],
                    template.step(step["key"]).label, when))


def answered(entry: LogEntry, others: Iterable[LogEntry]) -> bool:
    """A later entry of the same case (`others`: the case's other entries) with the same
    counterpart closes the wait."""
    org, person = fold(entry.counterpart_org), fold(entry.counterpart_person)
    if not org and not person:
        return False
    for later in others:
        if later.at <= entry.at:
            continue
        if (org and fold(later.counterpart_org) == org) or (
                person and fold(later.counterpart_person) == person):
            return True
    return False


def awaiting(view: Today, cases: Mapping[str, CaseRow], waiting: Iterable[str],
             case_of: Mapping[str, str], read: Callable[[str], LogEntry | None],
             others: Callable[[LogEntry], Iterable[LogEntry]],
             usual: Callable[[LogEntry], float | None] = lambda entry: None) -> None:
    """Partners of open `cases` contacted more than their usual days to reply ago (`usual`:
    the partner's median, else the view's reply days) who have not answered, and requests
    accepted past their due date. `waiting`: the ids of entries awaiting a reply or of
    requests still sent or accepted; `case_of`: each entry's case; `read`: an entry;
    `others`: the other entries of an entry's case. A request declined, done, withdrawn or
    acknowledged is not chased."""
    for entry_id in waiting:
        case_id = case_of.get(entry_id)
        if case_id not in cases:
            continue
        entry = read(entry_id)
        if entry is None:
            continue
        state = entry.request_state
        if state is RequestState.ACCEPTED:
            if entry.due_date is None or entry.due_date >= view.day:
                continue
            since = entry.due_date
        elif state is RequestState.SENT or (state is None and entry.awaiting_reply):
            days = usual(entry) if state is not None else None
            reply = view.reply_days if days is None else math.ceil(days)
            since = entry.at.astimezone().date()
            if since > view.day - dt.timedelta(days=reply):
                continue
            # What the union sent the partner since (a reminder, another request) is no answer.
            if answered(entry, (o for o in others(entry) if state is None or not o.sent)):
                continue
        else:
            continue
        who = " · ".join(row_name([p]) for p in (entry.counterpart_org,
                                                  entry.counterpart_person) if p)
        view.awaiting.append(Awaiting(case_id, cases[case_id].ref, entry_id, who, since,
                                      state.value if state is not None else ""))


def missing(view: Today, cases: Mapping[str, CaseRow], workers: Mapping[str, Iterable[str]],
            screened: Mapping[str, Any], consented: Mapping[str, Any],
            names: Mapping[str, Sequence[str]], closed: Collection[str] = frozenset()) -> None:
    """Workers of open `cases` (newest reference first) without a screening or a consent, but
    for those erased: all counted, the first MOST_MISSING listed. `workers`: each case's worker
    ids; `screened`, `consented`: by worker id, those who have one; `names`: each worker's
    names; `closed`: the workers closed, left out."""
    for case_id in sorted(cases, key=lambda c: cases[c].ref, reverse=True):
        for worker_id in workers.get(case_id, {}):
            has_screening = worker_id in screened
            has_consent = worker_id in consented
            shown = names.get(worker_id) or ["?"]
            if ((has_screening and has_consent) or shown[0] == ERASED_NAME
                    or worker_id in closed):
                continue
            view.missing_count += 1
            if len(view.missing) < MOST_MISSING:
                view.missing.append(Missing(case_id, cases[case_id].ref, worker_id,
                                            row_name(shown, worker_id), has_screening,
                                            has_consent))


def tasks(view: Today, every: Iterable[Task], people: Mapping[str, str],
          titles: Mapping[str, str]) -> None:
    """Open tasks overdue or due within the view's window, into their part. `people`: names
    by person id (the owners); `titles`: meetings' and agreements' titles by id."""
    window = view.window
    for task in every:
        if task.done_on is not None or task.due is None or not window.shown(task.due):
            continue
        source = task.meeting_id or task.agreement_id or ""
        view.add(task.due, TaskDue(task.id, task.text, people.get(task.owner_id or "", ""),
                                   task.due, task.meeting_id, task.agreement_id,
                                   titles.get(source, "")))


_CLOSED = frozenset(stage.value for stage in CLOSED_STAGES)


def hearings(view: Today, cases: Mapping[str, CaseRow], next_dates: Mapping[str, str],
             case_of: Mapping[str, str], read: Callable[[str], Doc | None],
             names: Mapping[str, Sequence[str]], closed: Collection[str] = frozenset()) -> None:
    """Hearings and legal deadlines of workers of open `cases` within the view's window, of
    matters not closed. `next_dates`: each legal matter's next date (ISO) by id, for those
    that have one; `case_of`: each matter's case; `read`: a matter as stored; `names`: each
    worker's names; `closed`: the workers closed, left out."""
    horizon = view.window.end.isoformat()
    for matter_id, when in next_dates.items():
        if when > horizon or case_of.get(matter_id) not in cases:
            continue
        doc = read(matter_id)
        if (doc is None or doc.get("stage") in _CLOSED or not doc.get("next_date")
                or doc["worker_id"] in closed):
            continue
        case_id, worker_id = doc["case_id"], doc["worker_id"]
        day = dt.date.fromisoformat(doc["next_date"])
        view.add(day, Hearing(case_id, cases[case_id].ref, matter_id, worker_id,
                              row_name(names.get(worker_id) or ["?"], worker_id),
                              doc["kind"], doc.get("next_what", ""), day))
