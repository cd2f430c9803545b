"""Requests to partners followed through (issue 35) in the Database: moving a request along
its states, one dated, audited change at a time, and what the log says of a partner: its open
requests and its usual days to reply.

A part of `store.db.database.Database` (see `store.db.base`); the rules are
`store.domain.requests`'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import orjson

from store.common import clock
from store.common.errors import NotFound, RuleRefused
from store.common.i18n import _
from store.db.base import LOG, ORGANISATIONS, Part, valid
from store.domain.records import LogEntry, RequestChange
from store.domain.requests import (
    OPEN_REQUESTS,
    REQUEST_MOVES,
    Doc,
    RequestState,
    median_days,
    partner_of,
    reply_days,
)
from store.domain.text import fold
from store.domain.vocab import label

# A request's state as its stored line says it (the loader's byte search, as for the indexes).
_HAS_STATE = b'"request_state":"'
_OPEN = frozenset(state.value for state in OPEN_REQUESTS)


def move_refused(entry: LogEntry, state: RequestState) -> str | None:
    """Why a request may not move to `state`, in words; None when it may."""
    if entry.request_state is None:
        return _("This entry is not a request to a partner.")
    allowed = REQUEST_MOVES[entry.request_state]
    if state in allowed:
        return None
    if not allowed:
        return _("The request is {state}: it does not change any more.").format(
            state=label(entry.request_state))
    return _("From {state} a request moves to {allowed}, not to {wanted}.").format(
        state=label(entry.request_state), allowed=", ".join(label(s) for s in allowed),
        wanted=label(state))


class RequestsPart(Part):
    """Requests to partners and what they say of each partner."""

    def set_request_state(self, entry_id: str, state: RequestState, on: dt.date | None = None,
                          why: str = "") -> LogEntry:
        """Move the request `entry_id` to `state`, dated `on` (today by default): one change,
        audited. A move its state does not lead to is refused in words (RuleRefused), and so
        is a decline without why, a date in the future or before the last change."""
        state = RequestState(state)
        on = on or clock.today()
        with self.transaction():
            doc = self._engine.get(LOG, entry_id)
            if doc is None:
                raise NotFound(_("log entry"))
            entry = valid(LogEntry, doc)
            refused = move_refused(entry, state)
            if refused is not None:
                raise RuleRefused(refused)
            if state is RequestState.DECLINED and not why.strip():
                raise RuleRefused(_("Say why the partner declined."))
            if on > clock.today():
                raise RuleRefused(_("The date of the change must not be in the future."))
            last = entry.request_changes[-1].on if entry.request_changes else None
            if last is not None and on < last:
                raise RuleRefused(_("The date of the change is before the last one "
                                    "({date}).").format(date=last.strftime("%d/%m/%Y")))
            update = {"request_state": state,
                      "request_changes": [*entry.request_changes,
                                          RequestChange(state=state, on=on)]}
            if why.strip():
                update["request_why"] = why.strip()
            return self._save(entry.model_copy(update=update))

    def _requests(self, ids: Iterable[str] | None = None) -> Iterator[Doc]:
        """Every log entry that is a request (or those of `ids` that are), as stored."""
        raw = self._engine.raw[LOG]
        for entry_id in raw if ids is None else ids:
            line = raw.get(entry_id)
            if line is not None and _HAS_STATE in line:
                yield orjson.loads(line)

    def _of_partner(self, partner: str) -> list[Doc]:
        """The requests to `partner`, oldest first: an organisation's id in the directory (the
        entries linked to it), else an organisation's name as typed (folded)."""
        if self._engine.get(ORGANISATIONS, partner) is not None:
            linked = self._engine.links_index().get(partner, set())
            found = [d for d in self._requests(linked) if d.get("counterpart_org_id") == partner]
        else:
            key = fold(partner)
            found = [d for d in self._requests()
                     if not d.get("counterpart_org_id") and partner_of(d) == key]
        return sorted(found, key=lambda d: dt.datetime.fromisoformat(d["at"]))

    def _with_cases(self, docs: Iterable[Doc]) -> list[tuple[Doc, list[Doc]]]:
        """Each request with its case's entries, as stored (each case's read once)."""
        cases: dict[str, list[Doc]] = {}
        found = []
        for doc in docs:
            case_id = doc["case_id"]
            if case_id not in cases:
                cases[case_id] = self._engine.children_of(LOG, case_id)
            found.append((doc, cases[case_id]))
        return found

    def partner_replies(self, partner: str) -> list[int]:
        """Days from each answered request to `partner` to their first answer, oldest request
        first."""
        with self._lock:
            self._engine.refresh()
            return reply_days(self._with_cases(self._of_partner(partner)))

    def partner_reply_days(self, partner: str) -> float | None:
        """The median days `partner` (an organisation's id, or a name as typed) takes to
        answer a request, from the log; None below `MIN_ANSWERED` answered requests."""
        return median_days(self.partner_replies(partner))

    def open_requests(self, org_id: str) -> list[LogEntry]:
        """The requests to the organisation `org_id` still open (sent, acknowledged or
        accepted), oldest first."""
        with self._lock:
            self._engine.refresh()
            return [valid(LogEntry, d) for d in self._of_partner(org_id)
                    if d.get("request_state") in _OPEN]

    def all_requests(self) -> list[tuple[Doc, list[Doc]]]:
        """Every request with its case's entries, as stored: for the report and Today."""
        with self._lock:
            self._engine.refresh()
            return self._with_cases(self._requests())
