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
from typing import TYPE_CHECKING

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

# Fewer answered requests than this: a partner's usual reply time is not computed.
MIN_ANSWERED = 3


def is_request(entry: LogEntry) -> bool:
    """A referral, or another entry sent that awaits the partner's reply."""
    return entry.sent and (entry.kind is LogKind.REFERRAL or entry.awaiting_reply)


def partner_of(entry: LogEntry) -> str:
    """Who a request went to, as a key: its organisation in the directory when linked, else
    the organisation's name as typed, folded; "" when it names none."""
    if entry.counterpart_org_id:
        return entry.counterpart_org_id
    return fold(entry.counterpart_org)


def same_partner(entry: LogEntry, other: LogEntry) -> bool:
    if entry.counterpart_org_id and other.counterpart_org_id:
        return entry.counterpart_org_id == other.counterpart_org_id
    org = fold(entry.counterpart_org)
    return bool(org) and fold(other.counterpart_org) == org


def first_answer(entry: LogEntry, others: Iterable[LogEntry]) -> dt.date | None:
    """The day the partner first answered a request: its first change after "sent", or the
    first entry received from the same partner later in the case, whichever came first."""
    days = [change.on for change in entry.request_changes if change.state is not RequestState.SENT]
    days += [other.at.astimezone().date() for other in others
             if other.id != entry.id and other.at > entry.at
             and other.direction is Direction.RECEIVED and same_partner(entry, other)]
    return min(days) if days else None


def reply_days(requests: Sequence[tuple[LogEntry, Iterable[LogEntry]]]) -> list[int]:
    """Days from each answered request to its first answer; (request, the case's entries)."""
    found = []
    for entry, others in requests:
        answer = first_answer(entry, others)
        if answer is not None:
            found.append(max(0, (answer - entry.at.astimezone().date()).days))
    return found


def median_days(days: Sequence[int]) -> float | None:
    """The median of the days to reply, when there are at least MIN_ANSWERED of them."""
    return statistics.median(days) if len(days) >= MIN_ANSWERED else None


def partner_medians(requests: Sequence[tuple[LogEntry, Iterable[LogEntry]]]
                    ) -> dict[str, float | None]:
    """Each partner's (`partner_of`) median days to reply, from every request with its
    case's entries: None where fewer than MIN_ANSWERED were answered."""
    by_partner: dict[str, list[tuple[LogEntry, Iterable[LogEntry]]]] = {}
    for entry, others in requests:
        if partner_of(entry):
            by_partner.setdefault(partner_of(entry), []).append((entry, others))
    return {partner: median_days(reply_days(found)) for partner, found in by_partner.items()}
