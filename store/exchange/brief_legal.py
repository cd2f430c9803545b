"""A brief's legal matters and money (issue 34): for each worker whose consent covers the kind
of recipient, the legal matters of the kinds that recipient needs (`LEGAL_FOR`) and the money
of the kinds it needs (`MONEY_FOR`), from `store.domain.legal_codes`: the police get the charges,
statements, the case against the recruiters, legal aid and what was extorted or withheld; an
embassy gets detention, fines, deportation, the charges, legal aid, the fines, wages and
compensation; a partner union every kind. Any other recipient gets none of them.

A legal matter and a money entry are about one worker as a whole (`about_one_worker` in the
classification): one goes to a recipient only where that worker's consent covers it
(`store.domain.rules.sharing.goes_at_all`, the partner's copy's rule too), else not at all: a
worker not covered gets nothing of it, not even a line saying that something exists.
Of a record that goes, each field by the one rule, `store.domain.rules.sharing.may_go`: the
office's notes never go, nor the links to this database's directory and registry (`org_id`,
`actor_ids`, local); nor the record's bookkeeping. An amount goes with its currency, as the
language writes a sum (`format_money`: "Rp60.000.000", "US$1,500.00").

Under the legal part of a police or embassy brief, where a worker in it faces a charge (an open
one), one line names the principle of the non-punishment of trafficking victims (ACTIP Art.
14(7); for a worker of Indonesian nationality, UU 21/2007 Art. 18 too), for the officer to
argue from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from store.common.i18n import _, format_date, format_money
from store.domain.legal_codes import LEGAL_FOR, MONEY_FOR, LegalKind
from store.domain.records import Consent, LegalMatter, MoneyEntry, Worker
from store.domain.rules.sharing import goes_at_all, may_go
from store.domain.vocab import RecipientKind, label
from store.engine import audit

if TYPE_CHECKING:
    from store.db.database import Database

Pairs = list[tuple[str, str]]
Item = tuple[str, Pairs]

# Said once in a police or embassy brief where a worker in it faces a charge.
NON_PUNISHMENT_FOR: frozenset[RecipientKind] = frozenset({RecipientKind.POLICE,
                                                          RecipientKind.EMBASSY})
_NOT_SHOWN = frozenset({"case_id", "worker_id", "kind", "erased_at", "amount", "currency"})


def fields_of(model: type[BaseModel]) -> list[str]:
    """The fields of a record that goes which a brief shows, in declaration order (see the
    module): what may go (`may_go`, the worker consenting), but bookkeeping."""
    return [name for name in model.model_fields
            if name not in audit.BOOKKEEPING and name not in _NOT_SHOWN
            and may_go(model, name, True)]


def _shown(value: Any) -> str:
    if value is None or value == "" or value == [] or value is False:
        return ""
    if value is True:
        return _("yes")
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    return str(value)


def _details(record: BaseModel) -> Pairs:
    model = type(record)
    details: Pairs = []
    if isinstance(record, MoneyEntry) and may_go(MoneyEntry, "amount", True) and may_go(
            MoneyEntry, "currency", True):
        details.append((MoneyEntry.field_label("amount"),
                        format_money(record.amount, record.currency)))
    for name in fields_of(model):
        shown = _shown(getattr(record, name))
        if shown:
            details.append((model.field_label(name), shown))  # type: ignore[attr-defined]
    return details


@dataclass(frozen=True)
class LegalPart:
    legal: list[Item]
    money: list[Item]
    matters: int  # how many legal matters, money entries the brief holds (for the trail)
    entries: int


def legal_part(db: Database, case_id: str, recipient: RecipientKind, workers: Sequence[Worker],
               number: dict[str, int], consents: dict[str, Consent | None]) -> LegalPart:
    """The brief's items of legal matters and money, each under its worker's line."""
    legal_kinds = LEGAL_FOR.get(recipient, frozenset())
    money_kinds = MONEY_FOR.get(recipient, frozenset())
    legal: list[Item] = []
    money: list[Item] = []
    charged: list[Worker] = []
    by_id = {w.id: w for w in workers}

    def line(worker: Worker, kind: StrEnum) -> str:
        return _("Worker {number}: {name}").format(number=number[worker.id],
                                                   name=worker.full_name) + f" · {label(kind)}"

    def order(record: LegalMatter | MoneyEntry) -> int:  # stable: by date within a worker
        return number.get(record.worker_id, 0)

    for matter in sorted(db.legal_of(case_id), key=order):
        worker = by_id.get(matter.worker_id)
        if worker is None or matter.kind not in legal_kinds or not goes_at_all(
                LegalMatter, consents.get(worker.id), recipient):
            continue
        legal.append((line(worker, matter.kind), _details(matter)))
        if matter.kind is LegalKind.CHARGE and matter.is_open and worker not in charged:
            charged.append(worker)
    for entry in sorted(db.money_of(case_id), key=order):
        worker = by_id.get(entry.worker_id)
        if worker is None or entry.kind not in money_kinds or not goes_at_all(
                MoneyEntry, consents.get(worker.id), recipient):
            continue
        money.append((line(worker, entry.kind), _details(entry)))
    matters = len(legal)
    if charged and recipient in NON_PUNISHMENT_FOR:
        legal.append(("", [(_("Non-punishment"), non_punishment_line(charged))]))
    return LegalPart(legal, money, matters, len(money))


def non_punishment_line(charged: Sequence[Worker]) -> str:
    """The principle, for the workers of the brief who face a charge."""
    text = _("A victim of trafficking should not be held criminally or administratively liable "
             "for unlawful acts directly related to being trafficked (ASEAN Convention "
             "against Trafficking in Persons, ACTIP Art. 14(7)).")
    if any(worker.nationality == "ID" for worker in charged):
        text += " " + _("For Indonesian citizens: a victim who committed an offence because "
                        "the trafficker forced them is not punished (UU 21/2007 Art. 18).")
    return text


__all__ = ["NON_PUNISHMENT_FOR", "LegalPart", "fields_of", "legal_part",
           "non_punishment_line"]
