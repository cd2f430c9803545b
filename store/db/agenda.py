"""Today's items of one owner, worked out from its records (issue 36), and Today from them.

A part of `store.db.database.Database` (see `store.db.base`). The engine keeps each owner's
items up to date (`store.engine.agenda`: a save works out the items of the cases it touched,
and the journal entry carries them); `agenda_of` says how: the rules of
`store.domain.rules.today` (the same that chose Today's lines before), applied to the one case
with a view of a day far ahead, so that nothing is left out for its date; the check-ins, the
closing and the requests answered of the case as `store.domain.agenda` says. `today` draws
Today for a day from every owner's items: no pass over the records.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import orjson

from store.common import clock
from store.common.closing import months_after_closing
from store.common.reintegration import checkin_months, indicators
from store.db.base import (
    CASES,
    CHECKINS,
    CONSENTS,
    LEGAL,
    LOG,
    PLANS,
    SCREENINGS,
    WORKERS,
    Part,
    valid,
)
from store.domain.agenda import FAR, fill, pending
from store.domain.checkins import home_on, latest
from store.domain.records import Case, CheckIn, LegalMatter, LogEntry, Person, Plan, Task
from store.domain.requests import first_answer, partner_of
from store.domain.rules import today as today_rules
from store.domain.rules.closing import closed_as_stored, is_closed
from store.domain.rules.reintegration import re_recruitment
from store.domain.today import MOST_DAYS, Today
from store.domain.vocab import Stage
from store.engine.agenda import TASKS

_FLOWN = b'"key":"flight","status":"done"'


def _iso(day: dt.date) -> str:
    return day.isoformat()


class AgendaPart(Part):
    """Today's items, owner by owner, and Today drawn from them."""

    def today(self, day: dt.date | None = None, reply_days: int | None = None,
              days: int | None = None) -> Today:
        """What needs chasing on `day` across every case that is not closed: next steps
        overdue or due within a week, plan steps with a deadline within a week, partners who
        have not answered within their usual days (else `reply_days`), hearings, tasks,
        workers without screening or consent, check-ins due and signs of re-recruitment,
        closed cases near their anonymising; and what is due after the week, within `days`:
        coming up (`store.domain.today.Window`). Unless given, `reply_days` and `days` come
        from $PULANG_REPLY_DAYS and $PULANG_TODAY_DAYS."""
        view = Today.settled(day or clock.today(), reply_days, days, os.environ)
        with self._lock:
            engine = self._engine
            engine.refresh()
            agenda = engine.fresh_agenda(engine.agenda_owners)
            fill(view, agenda.values(), checkin_months(), months_after_closing())
            # A case whose records cannot be read is not in the view: say so.
            view.warnings += sorted({str(e) for e in engine.agenda_failed.values()})
        view.sort()
        return view

    def _agenda_of(self, owner: str) -> list[Any]:
        """The owner's items as they are now (see `store.domain.agenda`)."""
        if owner == TASKS:
            return self._task_items()
        doc = self._engine.get(CASES, owner)
        return [] if doc is None else self._case_items(owner, doc)

    def _task_items(self) -> list[Any]:
        view = Today(FAR, 0, MOST_DAYS)
        people = {p.id: p.name_in_rows for p in self._all(Person)}
        titles = {doc["id"]: doc.get("title", "") for table in ("meetings", "agreements")
                  for doc in self._engine.all(table)}
        today_rules.tasks(view, self._all(Task), people, titles)
        return [["t", _iso(t.due), t.task_id, t.text, t.owner, t.meeting_id, t.agreement_id,
                 t.source] for t in view.tasks]

    def _case_items(self, case_id: str, doc: dict[str, Any]) -> list[Any]:
        engine = self._engine
        items: list[Any] = []
        entries = engine.children_of(LOG, case_id)
        for entry in entries:  # the requests answered: each partner's usual days to reply
            if entry.get("request_state") and (answer := first_answer(entry, entries)):
                since = dt.datetime.fromisoformat(entry["at"]).astimezone().date()
                items.append(["r", partner_of(entry), max(0, (answer - since).days)])
        case = valid(Case, doc)
        ref = case.ref or ""
        workers = engine.children[WORKERS].get(case_id, {})
        worker_raw = {w: engine.raw[WORKERS][w] for w in workers}
        row = self._row(doc)
        if row.stage == Stage.CLOSED.value:
            if case.closed_on is not None and case.anonymised_on is None and is_closed(case):
                legal = any(valid(LegalMatter, d).is_open
                            for d in engine.children_of(LEGAL, case_id))
                items.append(["k", _iso(case.closed_on), case_id, ref, legal])
            items += self._homes(case_id, ref, worker_raw, followed=False)
            return items
        cases = {case_id: row}
        closed = {w for w, raw in worker_raw.items() if closed_as_stored(raw)}
        view = Today(FAR, 0, MOST_DAYS)
        log_case = engine.case_of[LOG]
        today_rules.follow_ups(view, cases, {e["id"]: engine.due.get(e["id"]) for e in entries},
                               log_case, lambda entry_id: engine.get(LOG, entry_id))
        plans = {p: case_id for p in engine.children[PLANS].get(case_id, {})}
        today_rules.deadlines(view, cases, plans, lambda plan_id: engine.get(PLANS, plan_id),
                              engine.names, closed)
        waiting = [e["id"] for e in entries if e["id"] in engine.awaiting]
        today_rules.awaiting(view, cases, waiting, log_case, self._log_entry,
                             self._others_of_case)
        today_rules.missing(view, cases, {case_id: workers}, engine.of_worker[SCREENINGS],
                            engine.of_worker[CONSENTS], engine.names, closed)
        matters = {m: case_id for m in engine.children[LEGAL].get(case_id, {})}
        next_dates = {m: d["next_date"] for m in matters
                      if (d := engine.get(LEGAL, m)) and d.get("next_date")}
        today_rules.hearings(view, cases, next_dates, matters,
                             lambda matter_id: engine.get(LEGAL, matter_id), engine.names,
                             closed)
        items += [["f", _iso(f.due), case_id, ref, f.entry_id, f.next_step]
                  for f in view.follow_ups]
        items += [["d", _iso(d.deadline), case_id, ref, d.worker_id, d.worker, d.step,
                   d.step_label] for d in view.deadlines]
        items += [["h", _iso(h.due), case_id, ref, h.matter_id, h.worker_id, h.worker, h.kind,
                   h.what] for h in view.hearings]
        for a in view.awaiting:
            entry = self._log_entry(a.entry_id)
            items.append(["a", _iso(a.since), case_id, ref, a.entry_id, a.counterpart, a.state,
                          partner_of(entry) if entry is not None else ""])
        items += [["m", case_id, ref, m.worker_id, m.worker, m.screening, m.consent]
                  for m in view.missing]
        open_now = case.anonymised_on is None
        items += self._homes(case_id, ref, worker_raw, followed=open_now, closed=closed)
        if open_now:
            items += self._signs(case_id, ref, worker_raw, closed)
        return items

    def _homes(self, case_id: str, ref: str, worker_raw: dict[str, bytes], followed: bool,
               closed: set[str] | None = None) -> list[Any]:
        """A "w" item for each worker of the case home (their flight done), not erased."""
        engine = self._engine
        found = []
        months = list(checkin_months())
        for plan_id in engine.children[PLANS].get(case_id, {}):
            raw = engine.raw[PLANS][plan_id]
            if _FLOWN not in raw:
                continue
            plan = valid(Plan, orjson.loads(raw))
            wraw = worker_raw.get(plan.worker_id)
            home = home_on(plan)
            if wraw is None or home is None or b'"erased_at":null' not in wraw:
                continue
            name = orjson.loads(wraw).get("full_name") or ""
            done = sorted({c["month"] for c in engine.children_of(CHECKINS, case_id)
                           if c.get("worker_id") == plan.worker_id and c.get("month") is not None})
            found.append(["w", _iso(home), case_id, ref, plan.worker_id, name, done,
                          followed and plan.worker_id not in (closed or set()), months,
                          pending(home, months, done)])
        return found

    def _signs(self, case_id: str, ref: str, worker_raw: dict[str, bytes],
               closed: set[str]) -> list[Any]:
        """An "s" item for each worker whose latest check-in shows signs nobody followed."""
        by_worker: dict[str, list[CheckIn]] = {}
        for doc in self._engine.children_of(CHECKINS, case_id):
            checkin = valid(CheckIn, doc)
            by_worker.setdefault(checkin.worker_id, []).append(checkin)
        found = []
        known = indicators() if by_worker else None
        for worker_id, checkins in by_worker.items():
            last = latest(checkins)
            wraw = worker_raw.get(worker_id)
            if last is None or last.followed_on is not None or wraw is None \
                    or worker_id in closed or b'"erased_at":null' not in wraw:
                continue
            signs = re_recruitment(last.answers, known)
            if signs:
                name = orjson.loads(wraw).get("full_name") or ""
                found.append(["s", _iso(last.on), case_id, ref, worker_id, name, last.id,
                              [list(s) for s in signs]])
        return found

    def _log_entry(self, entry_id: str) -> LogEntry | None:
        doc = self._engine.get(LOG, entry_id)
        return None if doc is None else valid(LogEntry, doc)

    def _others_of_case(self, entry: LogEntry) -> Any:
        """The other entries of the entry's case, each read when it is reached."""
        for doc in self._engine.children_of(LOG, entry.case_id):
            if doc["id"] != entry.id:
                yield valid(LogEntry, doc)
