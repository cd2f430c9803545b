"""A brief's legal matters and money: for a worker whose consent covers the recipient, the kinds
that recipient needs (LEGAL_FOR, MONEY_FOR), each field by the classification (notes and local
links never), amounts as the language writes them; for a worker not covered, nothing, not even
that a record exists; the principle of non-punishment under the legal part of a police or an
embassy brief where a worker in it faces a charge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from store.common.i18n import format_date, format_money, set_language
from store.db.database import Database
from store.domain.legal_codes import LegalKind, LegalStage, MoneyKind, MoneyStatus
from store.domain.records import Case, Consent, LegalMatter, MoneyEntry, Worker, build, changed
from store.domain.vocab import NEVER_RECIPIENTS, RecipientKind
from store.exchange.brief import case_brief
from tests.conftest import Run

REF = "KH-2025-0001"
BRIEFED = [kind for kind in RecipientKind if kind not in NEVER_RECIPIENTS]


def _workers(db: Database) -> dict[str, Worker]:
    case = db.case_by_ref(REF)
    assert case is not None
    return {w.full_name.split()[0]: w for w in db.workers_of(case.id)}


def _brief(db: Database, kind: RecipientKind) -> str:
    case = db.case_by_ref(REF)
    assert case is not None
    brief = case_brief(db, case.id, kind, record=False)
    return brief.markdown + brief.html


def _legal(db: Database, worker: Worker, kind: LegalKind) -> LegalMatter:
    return next(m for m in db.legal_of(worker.case_id, worker.id) if m.kind is kind)


def _money(db: Database, worker: Worker, kind: MoneyKind, status: MoneyStatus) -> MoneyEntry:
    return next(e for e in db.money_of(worker.case_id, worker.id)
                if e.kind is kind and e.status is status)


def test_rizkys_charge_hearing_statement_prosecution_and_ransom_go_to_the_police(
        demo_db: Database) -> None:
    rizky = _workers(demo_db)["Rizky"]
    police = _brief(demo_db, RecipientKind.POLICE)
    charge = _legal(demo_db, rizky, LegalKind.CHARGE)
    assert charge.next_date is not None
    for value in (charge.subject, charge.reference, charge.authority, charge.next_what,
                  format_date(charge.next_date), "charge against the worker"):
        assert value in police
    statement = _legal(demo_db, rizky, LegalKind.STATEMENT)
    prosecution = _legal(demo_db, rizky, LegalKind.PROSECUTION)
    assert statement.reference in police and statement.subject in police
    assert prosecution.reference in police and prosecution.subject in police
    assert "witness" in police
    paid = _money(demo_db, rizky, MoneyKind.RANSOM, MoneyStatus.PAID)
    for value in (format_money(paid.amount, paid.currency), paid.payer, paid.evidence,
                  format_money("3000", "USD")):  # and the 3,000 demanded
        assert value in police
    # Never the notes, never the links to this database's registry and directory.
    assert charge.notes and charge.notes not in police
    assert prosecution.actor_ids and all(actor not in police for actor in prosecution.actor_ids)
    assert "Actors in the registry" not in police and "Linked organisation" not in police
    # Under the legal part, the principle: Rizky faces a charge and is Indonesian.
    legal_part = police[police.index("## Legal matters"):police.index("## Money")]
    assert "ACTIP Art. 14(7)" in legal_part and "UU 21/2007 Art. 18" in legal_part
    assert police.count("ACTIP Art. 14(7)") == 2  # once in the Markdown, once in the HTML


def test_bayus_charge_and_debt_are_in_no_brief(demo_db: Database) -> None:
    bayu = _workers(demo_db)["Bayu"]
    assert demo_db.consent_of(bayu.id) is None
    charge = _legal(demo_db, bayu, LegalKind.CHARGE)
    debt = _money(demo_db, bayu, MoneyKind.TRAVEL_DEBT, MoneyStatus.OWED)
    for kind in BRIEFED:
        text = _brief(demo_db, kind)
        for value in (charge.subject, charge.authority, debt.evidence,
                      format_money(debt.amount, debt.currency), "travel debt"):
            assert value not in text, (kind, value)


def test_dewis_detention_and_waived_fine_go_to_the_embassy_not_the_police(
        demo_db: Database) -> None:
    dewi = _workers(demo_db)["Dewi"]
    detention = _legal(demo_db, dewi, LegalKind.DETENTION)
    fine = _legal(demo_db, dewi, LegalKind.IMMIGRATION_FINE)
    waived = _money(demo_db, dewi, MoneyKind.FINE, MoneyStatus.WAIVED)
    shown = (detention.place, fine.reference, format_money(waived.amount, waived.currency),
             waived.evidence)
    embassy = _brief(demo_db, RecipientKind.EMBASSY)
    police = _brief(demo_db, RecipientKind.POLICE)
    for value in shown:
        assert value in embassy
        assert value not in police
    # The embassy needs Rizky's charge (the principle follows it), not his ransom.
    rizky = _workers(demo_db)["Rizky"]
    assert _legal(demo_db, rizky, LegalKind.CHARGE).reference in embassy
    assert _money(demo_db, rizky, MoneyKind.RANSOM, MoneyStatus.PAID).evidence not in embassy
    assert "ACTIP Art. 14(7)" in embassy


def test_a_partner_union_gets_every_kind_without_the_principle(demo_db: Database) -> None:
    workers = _workers(demo_db)
    partner = _brief(demo_db, RecipientKind.PARTNER_UNION)
    rizky, dewi, fajar = workers["Rizky"], workers["Dewi"], workers["Muhammad"]
    for value in (_legal(demo_db, rizky, LegalKind.PROSECUTION).reference,
                  _legal(demo_db, dewi, LegalKind.DETENTION).place,
                  _legal(demo_db, fajar, LegalKind.DEPORTATION).reference,
                  _money(demo_db, rizky, MoneyKind.RECRUITMENT_FEE, MoneyStatus.PAID).evidence,
                  _money(demo_db, dewi, MoneyKind.FINE, MoneyStatus.WAIVED).evidence):
        assert value in partner
    assert "ACTIP Art. 14(7)" not in partner


def test_a_recipient_no_table_names_gets_none_of_it(demo_db: Database) -> None:
    rizky = _workers(demo_db)["Rizky"]
    shelter = _brief(demo_db, RecipientKind.SHELTER_HEALTH)  # Rizky consents to it
    assert "Rizky" in shelter
    assert "## Legal matters" not in shelter and "## Money" not in shelter
    for value in (_legal(demo_db, rizky, LegalKind.CHARGE).reference,
                  _money(demo_db, rizky, MoneyKind.RANSOM, MoneyStatus.PAID).evidence,
                  "ACTIP"):
        assert value not in shelter


def _charged_case(db: Database, nationality: str, recipients: list[RecipientKind],
                  stage: LegalStage = LegalStage.CHARGED) -> tuple[Case, Worker]:
    case = db.save_case(build(Case, {"title": "Compound in Sihanoukville",
                                     "destination_country": "KH",
                                     "date_reported": dt.date(2025, 12, 1)}))
    worker = db.save_worker(Worker(case_id=case.id, full_name="Sokha Meas",
                                   nationality=nationality))
    db.save_consent(build(Consent, {"case_id": case.id, "worker_id": worker.id,
                                    "taken_by": "Desk officer", "recipients": recipients}))
    fields: dict[str, Any] = {"case_id": case.id, "worker_id": worker.id}
    db.save_legal(build(LegalMatter, {**fields, "kind": LegalKind.CHARGE, "stage": stage,
                                      "subject": "Online fraud under duress",
                                      "authority": "Provincial court"}))
    db.save_money(build(MoneyEntry, {**fields, "kind": MoneyKind.WAGES,
                                     "status": MoneyStatus.CLAIMED,
                                     "amount": Decimal("1500000.50"), "currency": "KHR"}))
    return case, worker


def _text(db: Database, case: Case, kind: RecipientKind) -> str:
    return case_brief(db, case.id, kind, record=False).markdown


def test_consent_decides_whether_any_of_it_goes(empty_db: Database) -> None:
    case, worker = _charged_case(empty_db, "KH", [RecipientKind.EMBASSY])
    embassy = _text(empty_db, case, RecipientKind.EMBASSY)
    assert "Online fraud under duress" in embassy
    assert format_money("1500000.50", "KHR") in embassy
    assert "ACTIP Art. 14(7)" in embassy and "UU 21/2007" not in embassy  # not Indonesian
    police = _text(empty_db, case, RecipientKind.POLICE)  # not covered: nothing of it
    for value in ("Online fraud under duress", "Provincial court", "KHR", "ACTIP",
                  "charge against the worker", "unpaid wages"):
        assert value not in police
    consent = empty_db.consent_of(worker.id)
    assert consent is not None
    empty_db.save_consent(changed(consent, withdrawn_on=dt.date.today()))
    embassy = _text(empty_db, case, RecipientKind.EMBASSY)
    for value in ("Online fraud under duress", "KHR", "ACTIP", "unpaid wages"):
        assert value not in embassy


@pytest.mark.parametrize("stage", [LegalStage.DROPPED, LegalStage.ACQUITTED])
def test_no_principle_without_an_open_charge(empty_db: Database, stage: LegalStage) -> None:
    case, _worker = _charged_case(empty_db, "ID", [RecipientKind.POLICE], stage)
    police = _text(empty_db, case, RecipientKind.POLICE)
    assert "Online fraud under duress" in police  # the charge is told, closed
    assert "ACTIP" not in police and "UU 21/2007" not in police


def test_amounts_as_indonesian_writes_them(empty_db: Database) -> None:
    case, _worker = _charged_case(empty_db, "ID", [RecipientKind.EMBASSY])
    set_language("id")  # the fixture sets English back afterwards
    embassy = _text(empty_db, case, RecipientKind.EMBASSY)
    assert format_money("1500000.50", "KHR") in embassy
    assert "1.500.000,5" in embassy


def test_pulang_brief_prints_the_legal_part(cli: Run, demo_file: Path) -> None:
    done = cli("brief", REF, "--to", "police", "--db", demo_file)
    assert done.returncode == 0, done.stderr
    assert "## Legal matters" in done.stdout and "## Money" in done.stdout
    assert "IMM-PP-2026-0412" in done.stdout and "Money mule" not in done.stdout
