"""The demo's legal matters and money (store/exchange/demo.py calls `seed_after` in its
transaction), in the Cambodian case of the ten who escaped: each part of issue 34 shown once.

- Rizky (consents to the police, the embassy and the partner union): charged with illegal
  entry in Phnom Penh, a hearing in three days (Today shows it), the non-punishment principle
  argued, a legal aid lawyer; a statement to Bareskrim and the case against the recruiter
  (the registry's Ken Susanto) in which he is a witness; a recruitment fee paid, a ransom
  demanded and the part his family paid, wages and restitution claimed, some of it recovered.
- Dewi: held in immigration detention, released; her overstay fine waived.
- Fajar: deported and blacklisted, the appeal of the entry ban due in 25 days (coming up).
- Bayu, the eighth, who gave no consent: a travel debt the recruiter says he owes and a
  charge of being a money mule: no brief and no partner gets them.

Every name, number and sum is invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from store.db.database import Database
from store.domain.legal_codes import (
    LegalKind,
    LegalStage,
    MoneyKind,
    MoneyStatus,
    Payer,
    WitnessRole,
)
from store.domain.records import Case, LegalMatter, MoneyEntry, build
from store.exchange.demo_registry import RECRUITER


def _ago(today: dt.date, days: int, not_before: dt.date) -> dt.date:
    return max(not_before, today - dt.timedelta(days=days))


def seed_after(db: Database, case: Case, today: dt.date) -> None:
    """The legal matters and money (see the module's doc)."""
    workers = db.workers_of(case.id)
    rizky, dewi, fajar, bayu = workers[0], workers[1], workers[2], workers[7]
    start = case.date_reported
    recruiter = next((a.id for a in db.actors() if a.name == RECRUITER["name"]), None)

    def legal(worker_id: str, **fields: Any) -> LegalMatter:
        return db.save_legal(build(LegalMatter, {"case_id": case.id, "worker_id": worker_id,
                                                 **fields}))

    def money(worker_id: str, amount: str, currency: str, **fields: Any) -> MoneyEntry:
        return db.save_money(build(MoneyEntry, {
            "case_id": case.id, "worker_id": worker_id, "amount": Decimal(amount),
            "currency": currency, **fields}))

    # Rizky: charged as an immigration offender; the principle argued; a hearing in 3 days.
    legal(rizky.id, kind=LegalKind.CHARGE, stage=LegalStage.CHARGED,
          authority="Immigration Police, Phnom Penh", reference="IMM-PP-2026-0412",
          subject="Illegal entry and overstay", since=_ago(today, 12, start),
          next_date=today + dt.timedelta(days=3),
          next_what="Hearing at the Phnom Penh Municipal Court, 9:00",
          non_punishment=True,
          notes="Lawyer to argue ACTIP Art. 14(7): he entered on the recruiter's word")
    legal(rizky.id, kind=LegalKind.LEGAL_AID, stage=LegalStage.ASSIGNED,
          organisation="Legal Aid of Cambodia", lawyer="Sok Dara",
          since=_ago(today, 10, start))
    legal(rizky.id, kind=LegalKind.STATEMENT, stage=LegalStage.GIVEN,
          authority="Bareskrim Polri, TPPO unit", reference="BAP/117/II/2026",
          subject="How he was recruited and held", since=_ago(today, 8, start))
    legal(rizky.id, kind=LegalKind.PROSECUTION, stage=LegalStage.INVESTIGATION,
          authority="Bareskrim Polri, TPPO unit", reference="LP/B/117/II/2026",
          subject="Trafficking (UU 21/2007) against the recruiter",
          since=_ago(today, 8, start), role=WitnessRole.WITNESS,
          actor_ids=[recruiter] if recruiter else [])
    money(rizky.id, "15000000", "IDR", kind=MoneyKind.RECRUITMENT_FEE,
          status=MoneyStatus.PAID, paid_by=Payer.WORKER, on=_ago(today, 300, dt.date(2025, 1, 1)),
          evidence="Transfer to the agency's account, receipt kept")
    money(rizky.id, "3000", "USD", kind=MoneyKind.RANSOM, status=MoneyStatus.DEMANDED,
          on=_ago(today, 40, start), evidence="Telegram messages from the compound's manager")
    money(rizky.id, "1500", "USD", kind=MoneyKind.RANSOM, status=MoneyStatus.PAID,
          paid_by=Payer.FAMILY, payer="His mother", on=_ago(today, 35, start),
          evidence="Western Union receipt")
    money(rizky.id, "1200", "USD", kind=MoneyKind.WAGES, status=MoneyStatus.CLAIMED,
          on=_ago(today, 8, start), evidence="Four months unpaid, by his own account")
    money(rizky.id, "60000000", "IDR", kind=MoneyKind.COMPENSATION,
          status=MoneyStatus.CLAIMED, on=_ago(today, 8, start),
          evidence="Restitution asked in the police report (UU 21/2007 Art. 48)")
    money(rizky.id, "10000000", "IDR", kind=MoneyKind.COMPENSATION,
          status=MoneyStatus.RECOVERED, on=_ago(today, 2, start),
          evidence="Paid by the agency after mediation")

    # Dewi: detained by immigration, released; her overstay fine waived.
    legal(dewi.id, kind=LegalKind.DETENTION, stage=LegalStage.RELEASED,
          authority="General Department of Immigration",
          place="Immigration detention centre, Phnom Penh",
          since=_ago(today, 20, start), until=_ago(today, 12, start))
    legal(dewi.id, kind=LegalKind.IMMIGRATION_FINE, stage=LegalStage.WAIVED,
          authority="General Department of Immigration", reference="GDI-FINE-88213",
          since=_ago(today, 18, start), until=_ago(today, 9, start))
    money(dewi.id, "900", "USD", kind=MoneyKind.FINE, status=MoneyStatus.WAIVED,
          on=_ago(today, 9, start), evidence="Waiver letter from the immigration department")

    # Fajar: deported and blacklisted; the appeal of the entry ban is due in 25 days.
    legal(fajar.id, kind=LegalKind.DEPORTATION, stage=LegalStage.BLACKLISTED,
          authority="General Department of Immigration", reference="DEP-2026-1187",
          since=_ago(today, 15, start), next_date=today + dt.timedelta(days=25),
          next_what="Appeal of the five-year entry ban due")

    # Bayu, who gave no consent: what goes nowhere.
    legal(bayu.id, kind=LegalKind.CHARGE, stage=LegalStage.INVESTIGATION,
          authority="Anti-Human Trafficking Police, Phnom Penh",
          subject="Money mule: his bank account used by the compound",
          since=_ago(today, 14, start))
    money(bayu.id, "2000", "USD", kind=MoneyKind.TRAVEL_DEBT, status=MoneyStatus.OWED,
          on=_ago(today, 330, dt.date(2025, 1, 1)),
          evidence="The recruiter's message: the ticket is a debt")


__all__ = ["seed_after"]
