"""Sums as an officer types them (store.domain.money): read with the language's decimal sign,
a slip refused rather than read as a sum a thousand times off; totals exact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from store.domain.money import AmountProblem, converted, currency_code, parse_amount, totals


@pytest.mark.parametrize(("typed", "sign", "read"), [
    ("1.500.000", ",", "1500000"),  # Indonesian grouping
    ("1.500.000,50", ",", "1500000.50"),
    ("2.400,00", ",", "2400.00"),
    ("12,5", ",", "12.5"),
    ("1.500", ",", "1500"),
    ("1 500 000", ",", "1500000"),  # spaces group in any language
    ("1,500,000.50", ".", "1500000.50"),  # English
    ("1.800", ".", "1.800"),  # in English, one point eight
    ("໑໒໐໐", ".", "1200"),  # Lao digits
    ("១២០០", ".", "1200"),  # Khmer digits
])
def test_an_amount_is_read_as_the_language_writes_it(typed: str, sign: str, read: str) -> None:
    assert parse_amount(typed, sign) == Decimal(read)
    assert format(parse_amount(typed, sign), "f") == read


@pytest.mark.parametrize(("typed", "sign"), [
    ("1.2.3", ","),  # not thousands: a slip, not 123
    ("15.00.000", ","),  # not 1500000
    ("1,2,3", "."),
    ("1,50", "."),  # in English a comma groups thousands: 1,50 is no amount
    ("1,500,00", "."),
    ("1,5,0", ","),  # two decimal signs
    ("-5", "."),
    ("abc", "."),
    ("US$ 5", "."),
    ("", "."),
    ("1234567890123456", "."),  # sixteen digits: a slip
])
def test_a_slip_is_refused_not_read_as_another_sum(typed: str, sign: str) -> None:
    with pytest.raises(AmountProblem):
        parse_amount(typed, sign)


def test_a_currency_is_its_iso_4217_code() -> None:
    assert currency_code(" usd ") == "USD" and currency_code("KHR") == "KHR"
    for wrong in ("rupiah", "XYZ", "US", ""):
        with pytest.raises(AmountProblem):
            currency_code(wrong)


def test_totals_are_exact_per_currency_and_converted_only_with_every_rate() -> None:
    largest = "999999999999999.9999999999"  # 25 digits: rounded at Python's default 28
    sums = totals([("USD", largest)] * 10_000 + [("IDR", "1500000.50"), ("IDR", "0.50")])
    assert list(sums) == ["IDR", "USD"]
    assert sums["IDR"] == Decimal("1500001.00")
    assert sums["USD"] == Decimal(largest) * 10_000
    small = {"IDR": Decimal("16000"), "USD": Decimal("2")}
    assert converted(small, "USD", {}) is None  # IDR has no rate
    assert converted(small, "USD", {"IDR": Decimal("0.00006")}) == Decimal("2.96")
