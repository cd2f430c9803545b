"""The HTCDS export's means of control read from the money in a worker's case: debt bondage
from a travel debt or recruitment fee owed, takes earnings from unpaid wages, as 1/0 flags in
the rows of workers whose consent covers statistics; no amount, currency or other value of the
money; the money's kind and status checked, on every export, to be personal (generalised)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest

from store.db.database import Database
from store.domain.legal_codes import MoneyKind, MoneyStatus
from store.domain.records import Case, Consent, MoneyEntry, Screening, Worker, build
from store.domain.vocab import ExploitationType, MeansOfControl, RecipientKind
from store.exchange.htcds import (
    GENERALISED_SOURCES,
    ClassificationChanged,
    check_sources,
    export_htcds,
    worker_row,
)
from store.exchange.htcds_means import MEANS_FLAGS, means_of_money

DEBT = "meansOfControlDebtBondage"
EARNINGS = "meansOfControlTakesEarnings"


def _entry(kind: MoneyKind, status: MoneyStatus) -> MoneyEntry:
    return build(MoneyEntry, {"case_id": "c", "worker_id": "w", "kind": kind, "status": status,
                              "amount": Decimal("2000"), "currency": "USD"})


def test_which_money_sets_which_flag() -> None:
    assert means_of_money([_entry(MoneyKind.TRAVEL_DEBT, MoneyStatus.OWED)]) == {DEBT}
    assert means_of_money([_entry(MoneyKind.RECRUITMENT_FEE, MoneyStatus.OWED)]) == {DEBT}
    for status in (MoneyStatus.OWED, MoneyStatus.CLAIMED, MoneyStatus.RECOVERED):
        assert means_of_money([_entry(MoneyKind.WAGES, status)]) == {EARNINGS}
    for kind, status in ((MoneyKind.TRAVEL_DEBT, MoneyStatus.WAIVED),
                         (MoneyKind.RECRUITMENT_FEE, MoneyStatus.PAID),
                         (MoneyKind.RANSOM, MoneyStatus.PAID),
                         (MoneyKind.FINE, MoneyStatus.DEMANDED),
                         (MoneyKind.COMPENSATION, MoneyStatus.CLAIMED)):
        assert means_of_money([_entry(kind, status)]) == set(), kind


def test_the_money_adds_to_the_screenings_means() -> None:
    case = build(Case, {"title": "T", "destination_country": "KH",
                        "date_reported": dt.date(2025, 12, 1)})
    worker = build(Worker, {"case_id": case.id, "full_name": "X Y"})
    bare = worker_row(case, worker, None, (), {DEBT})
    assert (bare[DEBT], bare[EARNINGS], bare["meansOfControlNotSpecified"]) == ("1", "0", "0")
    assert all(bare[c] in ("0", "1") for c in MEANS_FLAGS)
    assert bare["meansOfControlConcatenated"] == "DebtBondage"
    screening = build(Screening, {"case_id": case.id, "worker_id": worker.id,
                                  "means_of_control": [MeansOfControl.WITHHOLDS_DOCUMENTS]})
    both = worker_row(case, worker, screening, (), {EARNINGS})
    assert both["meansOfControlConcatenated"] == "TakesEarnings;WithholdsDocuments"
    assert worker_row(case, worker, None)["meansOfControlNotSpecified"] == "1"


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_the_export_flags_consenting_workers_money_and_nothing_of_it_else(
        empty_db: Database) -> None:
    db = empty_db
    case = db.save_case(build(Case, {
        "title": "Compound", "destination_country": "KH", "date_reported": dt.date(2025, 12, 1),
        "exploitation_types": [ExploitationType.FORCED_CRIMINALITY]}))
    money: list[tuple[MoneyKind, MoneyStatus, str] | None] = [
        (MoneyKind.TRAVEL_DEBT, MoneyStatus.OWED, "1234567.89"),
        (MoneyKind.WAGES, MoneyStatus.CLAIMED, "987654"),
        (MoneyKind.TRAVEL_DEBT, MoneyStatus.WAIVED, "555444"),
        None,
        (MoneyKind.RECRUITMENT_FEE, MoneyStatus.OWED, "777333"),  # no consent: not exported
    ]
    with db.transaction():
        for n, held in enumerate(money):
            worker = db.save_worker(Worker(case_id=case.id, full_name=f"Pekerja {n}",
                                           sex="male", nationality="ID"))
            fields: dict[str, Any] = {"case_id": case.id, "worker_id": worker.id}
            if n < 4:
                db.save_consent(build(Consent, {**fields, "taken_by": "Desk officer",
                                                "recipients": [RecipientKind.STATISTICS]}))
            if held is not None:
                kind, status, amount = held
                db.save_money(build(MoneyEntry, {**fields, "kind": kind, "status": status,
                                                 "amount": Decimal(amount), "currency": "THB",
                                                 "evidence": "Chat with the recruiter"}))
    data, report = export_htcds(db, k=1)
    rows = _rows(data)
    assert (report.included, report.left_out_no_consent) == (4, 1)
    flags = sorted((row[DEBT], row[EARNINGS], row["meansOfControlNotSpecified"])
                   for row in rows)
    assert flags == [("", "", "1"), ("", "", "1"), ("0", "1", "0"), ("1", "0", "0")]
    text = data.decode("utf-8")
    for value in ("1234567", "987654", "555444", "777333", "THB", "Chat with the recruiter",
                  "Pekerja"):
        assert value not in text


def test_a_money_field_no_longer_personal_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (MoneyEntry, "kind") in GENERALISED_SOURCES
    assert (MoneyEntry, "status") in GENERALISED_SOURCES
    check_sources()
    extra = dict(MoneyEntry.model_fields["kind"].json_schema_extra or {})  # type: ignore[arg-type]
    monkeypatch.setattr(MoneyEntry.model_fields["kind"], "json_schema_extra",
                        {**extra, "classification": "sensitive"})
    with pytest.raises(ClassificationChanged):
        check_sources()
