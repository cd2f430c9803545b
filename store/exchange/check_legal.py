"""`pulang check` of a worker's legal matters and money (issue 34; `store.exchange.check`
calls it): each one's worker must be of its case, a legal matter's organisation one of the
directory and its actors the registry's; an amount or a currency changed outside Pulang (not
the canonical decimal text, not an ISO 4217 code) is named, never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.common.i18n import _
from store.domain.records import Actor, LegalMatter, MoneyEntry, Organisation, Record


def money_message(field: str) -> str | None:
    """What `pulang check` says of a money entry's field that failed validation, where it
    can say more than "is not valid" (its value stays unsaid: it is personal)."""
    if field == "amount":
        return _("is not an amount as Pulang keeps it (digits, a point before the decimals)")
    if field == "currency":
        return _("is not a currency code of ISO 4217")
    return None


def legal_problems(valid: dict[type[Record], list[Any]], case_ids: set[str],
                   workers_by_case: dict[str, set[str]],
                   describe: Callable[[type[Record], dict[str, Any]], str],
                   problem: Callable[[str, str], Any]) -> list[Any]:
    orgs = {r.id for r in valid.get(Organisation, [])}
    actors = {r.id for r in valid.get(Actor, [])}
    missing = _("names a record that does not exist: {what}")
    found: list[Any] = []
    for kind in (LegalMatter, MoneyEntry):
        for record in valid.get(kind, []):  # their facts (`store.exchange.check_records`)
            said = []
            if record.case_id not in case_ids:
                said.append(_("belongs to a case that does not exist"))
            elif record.worker_id not in workers_by_case.get(record.case_id, set()):
                said.append(_("is about a worker who is not in its case"))
            if kind is LegalMatter:
                if record.org_id is not None and record.org_id not in orgs:
                    said.append(missing.format(what=LegalMatter.field_label("org_id")))
                if any(a not in actors for a in record.actor_ids):
                    said.append(missing.format(what=LegalMatter.field_label("actor_ids")))
            if said:
                where = describe(kind, record._asdict())
                found.extend(problem(where, message) for message in said)
    return found
