"""Properties of the date parser (store/domain/parse.py) over many generated dates and days: a date
written in a format we accept, or as the app shows it, reads back as that date; a date counted
from today is that many days (or weeks) from today, whatever today is."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.common import clock
from store.common.i18n import date_for_input, format_date, set_language
from store.domain.parse import InputProblem, is_relative, parse_date, parse_datetime
from tests.strategies import SOME, written_dates

# Four-digit years: the formats we accept write the year whole.
DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))
TODAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


@SOME
@given(st.data(), DAYS)
def test_a_date_written_in_a_format_we_accept_reads_back_as_that_date(data: st.DataObject,
                                                                      day: dt.date) -> None:
    written = data.draw(written_dates(day))
    padded = data.draw(st.sampled_from(["", " ", "  "]))
    assert parse_date(f"{padded}{written}{padded}") == day
    assert not is_relative(written)


@SOME
@given(DAYS, st.sampled_from(["en", "id"]))
def test_a_date_as_the_app_shows_it_reads_back_as_that_date(day: dt.date, language: str) -> None:
    set_language(language)  # the autouse fixture sets English back
    assert parse_date(format_date(day)) == day
    assert parse_date(date_for_input(day)) == day


@SOME
@given(DAYS, st.integers(min_value=32, max_value=99), st.integers(min_value=13, max_value=99))
def test_a_day_or_month_that_does_not_exist_is_said_not_guessed(day: dt.date, bad_day: int,
                                                                bad_month: int) -> None:
    for text in (f"{bad_day}/{day.month}/{day.year}", f"{day.day}/{bad_month}/{day.year}",
                 f"{day.year}-{bad_month}-{day.day}"):
        with pytest.raises(InputProblem, match="There is no such date"):
            parse_date(text)


UNITS = {"": 1, "d": 1, "h": 1, "w": 7, "mg": 7}


@SOME
@given(TODAYS, st.sampled_from("+-"), st.integers(min_value=0, max_value=9999),
       st.sampled_from(sorted(UNITS)), st.sampled_from(["", " "]), st.booleans())
def test_a_date_counted_from_today_is_that_many_days_from_today(
        today: dt.date, sign: str, count: int, unit: str, space: str, upper: bool) -> None:
    typed = f"{sign}{space}{count}{space}{unit.upper() if upper else unit}"
    expected = today + dt.timedelta(days=count * UNITS[unit] * (1 if sign == "+" else -1))
    clock.set_today(today)
    try:
        assert parse_date(typed) == expected
        assert is_relative(typed)
        assert parse_datetime(f"{typed} 07:45") == dt.datetime.combine(
            expected, dt.time(7, 45)).astimezone()
    finally:
        clock.set_today(None)


WORDS = {"today": 0, "hari ini": 0, "tomorrow": 1, "besok": 1, "yesterday": -1, "kemarin": -1,
         "lusa": 2}


@SOME
@given(TODAYS, st.sampled_from(sorted(WORDS)), st.sampled_from([str, str.upper, str.title]),
       st.sampled_from(["", " ", "  "]))
def test_a_day_named_in_words_is_counted_from_today(today: dt.date, word: str, case: object,
                                                    padded: str) -> None:
    typed = padded + case(word).replace(" ", padded or " ") + padded  # type: ignore[operator]
    clock.set_today(today)
    try:
        assert parse_date(typed) == today + dt.timedelta(days=WORDS[word])
    finally:
        clock.set_today(None)
