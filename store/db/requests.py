"""Requests to partners followed through (issue 35) in the Database: moving a request along
its states, one dated, audited change at a time, and what the log says of a partner: its open
requests and its usual days to reply.

A part of `store.db.database.Database` (see `store.db.base`); the rules are
`store.domain.requests`'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from store.common import clock
from store.common.errors import NotFound, RuleRefused
from store.common.i18n import _
from store.db.base import LOG, ORGANISATIONS, Part, valid
from store.domain.records import LogEntry, RequestChange
from store.domain.requests import (
    OPEN_REQUESTS,
    REQUEST_MOVES,
    RequestState,
    median_days,
    partner_of,
    reply_days,
)
from store.domain.text import fold
from store.domain.vocab import label

# A request's state as its stored line says it (the loader's byte search, as for the indexes).
_HAS_STATE = b'"request_state":"'


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

    def _requests(self, ids: Iterator[str] | None = None) -> Iterator[LogEntry]:
        """Every log entry that is a request (or those of `ids` that are)."""
        raw = self._engine.raw[LOG]
        for entry_id in raw if ids is None else ids:
            line = raw.get(entry_id)
            if line is not None and _HAS_STATE in line:
                yield valid(LogEntry, self._engine.get(LOG, entry_id))

    def _of_partner(self, partner: str) -> list[LogEntry]:
        """The requests to `partner`: an organisation's id in the directory (the entries
        linked to it), else an organisation's name as typed (folded)."""
        if self._engine.get(ORGANISATIONS, partner) is not None:
            linked = self._engine.links_index().get(partner, set())
            return [e for e in self._requests(iter(sorted(linked)))
                    if e.counterpart_org_id == partner]
        key = fold(partner)
        return [e for e in self._requests() if not e.counterpart_org_id and partner_of(e) == key]

    def _with_case(self, entry: LogEntry) -> tuple[LogEntry, list[LogEntry]]:
        others = [valid(LogEntry, d) for d in self._engine.children_of(LOG, entry.case_id)]
        return entry, others

    def partner_replies(self, partner: str) -> list[int]:
        """Days from each answered request to `partner` to their first answer, oldest request
        first."""
        with self._lock:
            self._engine.refresh()
            requests = sorted(self._of_partner(partner), key=lambda e: e.at)
            return reply_days([self._with_case(e) for e in requests])

    def partner_reply_days(self, partner: str) -> float | None:
        """The median days `partner` (an organisation's id, or a name as typed) takes to
        answer a request, from the log; None below `MIN_ANSWERED` answered requests."""
        return median_days(self.partner_replies(partner))

    def open_requests(self, org_id: str) -> list[LogEntry]:
        """The requests to the organisation `org_id` still open (sent, acknowledged or
        accepted), oldest first."""
        with self._lock:
            self._engine.refresh()
            found = [e for e in self._of_partner(org_id) if e.request_state in OPEN_REQUESTS]
        return sorted(found, key=lambda e: e.at)

    def all_requests(self) -> list[tuple[LogEntry, list[LogEntry]]]:
        """Every request, with the entries of its case (each case's read once): for the
        report and Today."""
        with self._lock:
            self._engine.refresh()
            cases: dict[str, list[LogEntry]] = {}
            found = []
            for entry in self._requests():
                if entry.case_id not in cases:
                    cases[entry.case_id] = self._with_case(entry)[1]
                found.append((entry, cases[entry.case_id]))
            return found
