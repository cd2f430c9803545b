"""A worker's legal matters and money as records: the rules across their fields."""

from __future__ import annotations

from decimal import Decimal

import pytest

from store.common.errors import RecordInvalid
from store.domain.records import LegalMatter, MoneyEntry, build

BASE = {"case_id": "c" * 32, "worker_id": "w" * 32}


def test_a_detention_released_on_a_date_is_not_still_detained() -> None:
    with pytest.raises(RecordInvalid) as refused:
        build(LegalMatter, {**BASE, "kind": "detention", "stage": "detained",
                            "since": "20/11/2026", "until": "01/12/2026"})
    assert "stage" in refused.value.errors
    released = build(LegalMatter, {**BASE, "kind": "detention", "stage": "released",
                                   "since": "20/11/2026", "until": "01/12/2026"})
    assert released.until is not None and not released.is_open


def test_a_stage_or_status_of_another_kind_is_refused() -> None:
    with pytest.raises(RecordInvalid) as refused:
        build(LegalMatter, {**BASE, "kind": "statement", "stage": "convicted"})
    assert "stage" in refused.value.errors
    with pytest.raises(RecordInvalid) as refused:
        build(MoneyEntry, {**BASE, "kind": "wages", "status": "paid", "amount": "5",
                           "currency": "USD"})
    assert "status" in refused.value.errors


def test_an_amount_is_a_decimal_never_a_float_nor_text_in_a_language() -> None:
    entry = build(MoneyEntry, {**BASE, "kind": "ransom", "status": "paid",
                               "amount": Decimal("1500.50"), "currency": "usd",
                               "paid_by": "family"})
    assert (entry.amount, entry.currency, entry.value) == ("1500.50", "USD", Decimal("1500.50"))
    for wrong in (1500.5, "1.500,50", "1,500.50", "-3"):
        with pytest.raises(RecordInvalid):
            build(MoneyEntry, {**BASE, "kind": "ransom", "status": "paid", "amount": wrong,
                               "currency": "USD"})
