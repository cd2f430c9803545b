"""The report's figures of requests to partners (issue 35), for `pulang report`: how many
requests stand in each state, and each partner's median days to a first answer, computed
from the log (`store.domain.requests`).

A partner is an organisation of the directory when the request is linked to one (its name,
public in the directory), else the organisation's name as typed in the entry (public too),
told apart folded. Fewer than MIN_ANSWERED answered requests to a partner: its median is not
computed (json: null), and the text says so with the number answered. No worker, summary or
why of a decline is read here: states, dates and organisation names only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from store.common.errors import NotFound
from store.common.i18n import _, format_number, ngettext
from store.domain.records import Organisation
from store.domain.requests import (
    MIN_ANSWERED,
    Doc,
    RequestState,
    median_days,
    partner_of,
    reply_days,
)
from store.domain.text import fold
from store.domain.vocab import label

if TYPE_CHECKING:
    from store.db.database import Database
    from store.exchange.report_stored import Stored


def by_state(requests: Iterable[Doc]) -> dict[str, int]:
    """How many requests (as stored) stand in each state, every state listed in order."""
    counts = {state.value: 0 for state in RequestState}
    for doc in requests:
        if doc.get("request_state") in counts:
            counts[doc["request_state"]] += 1
    return counts


def partners(db: Database, requests: list[tuple[Doc, list[Doc]]]
             ) -> dict[str, dict[str, Any]]:
    """Each partner's name -> {"requests", "answered", "median_days" (None below
    MIN_ANSWERED)}, names sorted."""
    groups: dict[str, list[tuple[Doc, list[Doc]]]] = {}
    names: dict[str, str] = {}
    for doc, others in requests:
        key = partner_of(doc)
        if not key:
            continue
        groups.setdefault(key, []).append((doc, others))
        names.setdefault(key, (doc.get("counterpart_org") or "").strip())
    found: dict[str, dict[str, Any]] = {}
    for key, group in groups.items():
        name = names[key]
        if group[0][0].get("counterpart_org_id"):
            try:
                name = db.get(Organisation, key).name
            except NotFound:  # removed from the directory since: the name as typed
                pass
        days = reply_days(group)
        found[name] = {"requests": len(group), "answered": len(days),
                       "median_days": median_days(days)}
    return dict(sorted(found.items(), key=lambda kv: kv[0].casefold()))


def request_figures(db: Database, stored: Stored | None = None
                    ) -> tuple[dict[str, int], dict[str, dict[str, Any]]]:
    """Requests by state, and partners' days to reply (see the module); from `stored` (the
    report's reading of the tables) when given, else from the database."""
    requests = db.all_requests() if stored is None else _requests(stored)
    return by_state(doc for doc, _others in requests), partners(db, requests)


def _requests(stored: Stored) -> list[tuple[Doc, list[Doc]]]:
    """Every request with the entries of its case that may be its partner's answer, as
    stored: those received from the organisation it is linked to, or from one of the same
    name (folded), a superset of those `store.domain.requests.first_answer` counts (it reads
    no others, and checks each again). Only the requests and the entries received are parsed,
    not the whole log."""
    requests = stored.where("log", b'"request_state":"')
    by_org: dict[tuple[str, str], list[Doc]] = {}
    by_name: dict[tuple[str, str], list[Doc]] = {}
    for doc in stored.where("log", b'"direction":"received"'):
        case_id = doc.get("case_id", "")
        if doc.get("counterpart_org_id"):
            by_org.setdefault((case_id, doc["counterpart_org_id"]), []).append(doc)
        name = fold(doc.get("counterpart_org") or "")
        by_name.setdefault((case_id, name), []).append(doc)
    found = []
    for doc in requests:
        case_id = doc["case_id"]
        linked = doc.get("counterpart_org_id")
        same = by_name.get((case_id, fold(doc.get("counterpart_org") or "")), [])
        if linked:
            same = [*by_org.get((case_id, linked), []),
                    *(other for other in same if not other.get("counterpart_org_id"))]
        found.append((doc, same))
    return found


def text_lines(states: dict[str, int], replies: dict[str, dict[str, Any]]) -> list[str]:
    """The requests' figures as aligned lines under their headings."""
    lines = [_("Requests to partners by state")]
    rows = [(label(RequestState(k)), v) for k, v in states.items()]
    width = max((len(name) for name, _count in rows), default=0)
    lines += [f"  {name:<{width}}  {count:>5}" for name, count in rows]
    lines += ["", _("Partners' median days to reply (from {count} answered requests "
                    "on)").format(count=MIN_ANSWERED)]
    width = max((len(name) for name in replies), default=0)
    for name, found in replies.items():
        if found["median_days"] is None:
            said = ngettext("not computed: {count} answered", "not computed: {count} answered",
                            found["answered"]).format(count=found["answered"])
        else:
            median = found["median_days"]
            said = ngettext("median {days} day, from {count} answered",
                            "median {days} days, from {count} answered",
                            1 if median == 1 else 2).format(days=format_number(median),
                                                            count=found["answered"])
        lines.append(f"  {name:<{width}}  {said}")
    if not replies:
        lines.append("  " + _("no request to a partner yet"))
    return lines + [""]
