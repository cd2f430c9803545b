"""Requests to partners followed through (issue 35): a referral, or any log entry sent that
awaits the partner's reply, has a state, changed by the officer along `REQUEST_MOVES`, each
change dated. What a partner usually takes to answer is computed from the log: the median
days from a request to the partner's first answer (acknowledging it, or any entry received
from them later in the case). Labels are `store.domain.vocab`'s. No I/O, no clock.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from store.common.i18n import N_
from store.domain.codes import Direction, LogKind
from store.domain.text import fold

if TYPE_CHECKING:
    from store.domain.records.log import LogEntry


class RequestState(StrEnum):
    """Where a request to a partner stands; the last three end it."""

    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    ACCEPTED = "accepted"
    DECLINED = "declined"  # with why
    DONE = "done"
    WITHDRAWN = "withdrawn"


# The moves the officer may make from each state; declined, done and withdrawn are final.
REQUEST_MOVES: dict[RequestState, tuple[RequestState, ...]] = {
    RequestState.SENT: (RequestState.ACKNOWLEDGED, RequestState.ACCEPTED,
                        RequestState.DECLINED, RequestState.WITHDRAWN),
    RequestState.ACKNOWLEDGED: (RequestState.ACCEPTED, RequestState.DECLINED,
                                RequestState.WITHDRAWN),
    RequestState.ACCEPTED: (RequestState.DONE, RequestState.WITHDRAWN),
    RequestState.DECLINED: (),
    RequestState.DONE: (),
    RequestState.WITHDRAWN: (),
}

OPEN_REQUESTS = frozenset({RequestState.SENT, RequestState.ACKNOWLEDGED, RequestState.ACCEPTED})

REQUEST_LABELS: list[tuple[StrEnum, str]] = [
    (RequestState.SENT, N_("sent")),
    (RequestState.ACKNOWLEDGED, N_("acknowledged")),
    (RequestState.ACCEPTED, N_("accepted")),
    (RequestState.DECLINED, N_("declined")),
    (RequestState.DONE, N_("done")),
    (RequestState.WITHDRAWN, N_("withdrawn")),
]

Doc = dict[str, Any]  # a log entry as stored

# Fewer answered requests than this: a partner's usual reply time is not computed.
MIN_ANSWERED = 3


def is_request(entry: LogEntry) -> bool:
    """A referral, or another entry sent that awaits the partner's reply."""
    return entry.sent and (entry.kind is LogKind.REFERRAL or entry.awaiting_reply)


def partner_of(entry: LogEntry | Doc) -> str:
    """Who a request went to, as a key: its organisation in the directory when linked, else
    the organisation's name as typed, folded; "" when it names none. Of an entry, or of one
    as stored (the log is read as stored for the medians: validating every entry of every
    case with a request would take seconds on a large database)."""
    if isinstance(entry, dict):
        return entry.get("counterpart_org_id") or fold(entry.get("counterpart_org") or "")
    return entry.counterpart_org_id or fold(entry.counterpart_org)


def _day(at: str) -> dt.date:
    return dt.datetime.fromisoformat(at).astimezone().date()


def first_answer(doc: Doc, others: Iterable[Doc]) -> dt.date | None:
    """The day the partner first answered a request (as stored): its first change after
    "sent", or the first entry received from the same partner later in the case (`others`, as
    stored), whichever came first."""
    days = [dt.date.fromisoformat(change["on"]) for change in doc.get("request_changes") or ()
            if change.get("state") != RequestState.SENT.value]
    partner, linked = partner_of(doc), bool(doc.get("counterpart_org_id"))
    at = dt.datetime.fromisoformat(doc["at"])
    for other in others:
        if other.get("direction") != Direction.RECEIVED.value or other["id"] == doc["id"]:
            continue
        if linked and other.get("counterpart_org_id"):
            same = other["counterpart_org_id"] == partner
        else:
            same = bool(partner) and fold(other.get("counterpart_org") or "") == fold(
                doc.get("counterpart_org") or "")
        when = dt.datetime.fromisoformat(other["at"])
        if same and when > at:
            days.append(when.astimezone().date())
    return min(days) if days else None


def reply_days(requests: Iterable[tuple[Doc, Iterable[Doc]]]) -> list[int]:
    """Days from each answered request to its first answer; (request, its case's entries),
    as stored."""
    found = []
    for doc, others in requests:
        answer = first_answer(doc, others)
        if answer is not None:
            found.append(max(0, (answer - _day(doc["at"])).days))
    return found


def median_days(days: Sequence[int]) -> float | None:
    """The median of the days to reply, when there are at least MIN_ANSWERED of them."""
    return statistics.median(days) if len(days) >= MIN_ANSWERED else None


def partner_medians(requests: Iterable[tuple[Doc, Iterable[Doc]]]) -> dict[str, float | None]:
    """Each partner's (`partner_of`) median days to reply, from every request with its
    case's entries (as stored): None where fewer than MIN_ANSWERED were answered."""
    by_partner: dict[str, list[tuple[Doc, Iterable[Doc]]]] = {}
    for doc, others in requests:
        partner = partner_of(doc)
        if partner:
            by_partner.setdefault(partner, []).append((doc, others))
    return {partner: median_days(reply_days(found)) for partner, found in by_partner.items()}
