"""Dates typed relative to today (+2, -1w, besok...): one parser in the store, and records
that take its answer. The forms that show the day meant: tests/ui/test_dates_ui.py.

The store's today is fixed (`store.common.clock.set_today`), so the answers are the same any day."""

from __future__ import annotations

import datetime as dt

import pytest

from store.domain.parse import InputProblem, parse_date, parse_datetime
from store.domain.records import Case, build
from tests.conftest import TUESDAY


@pytest.mark.parametrize(("typed", "meant"), [
    ("today", TUESDAY), ("hari ini", TUESDAY), ("Hari  Ini", TUESDAY),
    ("tomorrow", dt.date(2025, 12, 10)), ("besok", dt.date(2025, 12, 10)),
    ("yesterday", dt.date(2025, 12, 8)), ("kemarin", dt.date(2025, 12, 8)),
    ("lusa", dt.date(2025, 12, 11)),
    ("+2", dt.date(2025, 12, 11)), ("-3", dt.date(2025, 12, 6)), ("+ 2", dt.date(2025, 12, 11)),
    ("+1w", dt.date(2025, 12, 16)), ("+1mg", dt.date(2025, 12, 16)),
    ("-2h", dt.date(2025, 12, 7)), ("+30d", dt.date(2026, 1, 8)),
    ("12/12/2025", dt.date(2025, 12, 12)),  # the usual ways, as before
])
def test_a_date_counted_from_today(tuesday: dt.date, typed: str, meant: dt.date) -> None:
    assert parse_date(typed) == meant


def test_relative_dates_with_a_time_and_what_is_refused(tuesday: dt.date) -> None:
    at = parse_datetime("kemarin 14:30")
    assert at is not None and (at.date(), at.hour, at.minute) == (dt.date(2025, 12, 8), 14, 30)
    # No months: "m" is minggu (week) to many; the refusal says what is read.
    for typed in ("+2m", "++2", "+", "2"):
        with pytest.raises(InputProblem) as refused:
            parse_date(typed)
        assert "+2, -1, +1w, today" in str(refused.value)


def test_a_record_takes_a_relative_date(tuesday: dt.date) -> None:
    case = build(Case, {"title": "Ten workers", "destination_country": "KH",
                        "date_reported": "-3"})
    assert case.date_reported == dt.date(2025, 12, 6)
