"""The generated log's directions and requests to partners (schemas 5 and 11, issue 35), for
tests/perf/generate.py.

Every entry says which way it went, as the store writes it: a referral is sent, a note goes
neither way, other entries half sent, half received. A referral, and one sent call, message or
letter in three (which then awaits the partner's reply), is a request to the partner
(`store.domain.requests.is_request`), with a state and its dated changes: most done or
accepted, some declined (with why) or withdrawn; some sent and not answered, more of them the
more recent the request (half of those of the last month, one in twenty of those older than
three months). No change is dated after the generator's day; a request after it stays sent.
Each entry is rewritten with every field of the log entry in the store's order (the loader's
fast path reads due_date and next_step_done at each line's end). Drawn from a random stream of
its own, so that the other tables stay those of before.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from store.domain.records import LogEntry
from store.domain.requests import RequestState
from store.domain.vocab import Direction, LogKind

FIELDS = list(LogEntry.model_fields)
REPLY_KINDS = (LogKind.CALL.value, LogKind.MESSAGE.value, LogKind.LETTER.value)
AWAITING_SHARE = 1 / 3
# (state after sent, weight) for requests older than three months; the path to each.
SHARES = {RequestState.DONE: 40, RequestState.ACCEPTED: 22, RequestState.ACKNOWLEDGED: 8,
          RequestState.DECLINED: 8, RequestState.WITHDRAWN: 4}
PATHS = {RequestState.DONE: (RequestState.ACCEPTED, RequestState.DONE),
         RequestState.ACCEPTED: (RequestState.ACCEPTED,),
         RequestState.ACKNOWLEDGED: (RequestState.ACKNOWLEDGED,),
         RequestState.DECLINED: (RequestState.DECLINED,),
         RequestState.WITHDRAWN: (RequestState.WITHDRAWN,)}
WHY = {RequestState.DECLINED: ["Outside their mandate: they gave us another office's number",
                               "The worker is not registered with them"],
       RequestState.WITHDRAWN: ["The worker found the help elsewhere"]}


def unanswered_share(age_days: int) -> float:
    """The share of requests `age_days` old still sent, not answered."""
    return 0.5 if age_days <= 30 else 0.2 if age_days <= 90 else 0.05


def _changes(rng: random.Random, sent: dt.date, today: dt.date,
             ) -> tuple[RequestState, list[dict[str, str]], str]:
    """A request's state, its changes (from sent, dated, none after `today`) and why."""
    changes = [{"state": RequestState.SENT.value, "on": sent.isoformat()}]
    if rng.random() < unanswered_share((today - sent).days):
        return RequestState.SENT, changes, ""
    goal = rng.choices(list(SHARES), weights=list(SHARES.values()))[0]
    day, state = sent, RequestState.SENT
    for step in PATHS[goal]:
        day += dt.timedelta(days=rng.choice([0, 1, 1, 1, 2, 2, 3, 5, 8]) if
                            state is RequestState.SENT else rng.randrange(3, 40))
        if day > today:
            break
        state = step
        changes.append({"state": state.value, "on": day.isoformat()})
    return state, changes, rng.choice(WHY[state]) if state in WHY else ""


def follow_requests(rng: random.Random, entries: list[dict[str, Any]], today: dt.date,
                    ) -> list[dict[str, Any]]:
    """The case's log entries with their direction and, for requests, state (see the
    module's doc), each with every field in the store's order."""
    found = []
    for entry in entries:
        kind = entry["kind"]
        if kind == LogKind.NOTE.value:
            direction = None
        elif kind == LogKind.REFERRAL.value:
            direction = Direction.SENT
        else:
            direction = rng.choice([Direction.SENT, Direction.RECEIVED])
        awaiting = bool(direction is Direction.SENT and kind in REPLY_KINDS
                        and rng.random() < AWAITING_SHARE)
        state, changes, why = None, [], ""
        if kind == LogKind.REFERRAL.value or awaiting:
            sent = dt.datetime.fromisoformat(entry["at"]).date()  # UTC: the same anywhere
            state, changes, why = _changes(rng, sent, today)
        full = {**entry, "awaiting_reply": awaiting, "consent_override": [],
                "counterpart_org_id": None, "counterpart_person_id": None,
                "direction": direction.value if direction else None, "from_org_id": None,
                "request_state": state.value if state else None, "request_changes": changes,
                "request_why": why}
        found.append({name: full[name] for name in FIELDS if name in full})
    return found
