"""The short ways through the input policy and date reading that `pulang check` leans on
(issue 36) decide exactly as the long ways: printable text holds no character the policy
refuses, and a date as Pulang stores it (YYYY-MM-DD) is never a relative date."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from store.common.words import relative_days
from store.domain import parse, text
from store.domain.parse import InputProblem, parse_date
from store.domain.text import LINE, NOTES, text_problem


def test_no_printable_character_is_one_the_policy_refuses() -> None:
    printable = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable())
    assert len(printable) > 100_000
    assert text._REFUSED.search(printable) is None
    assert text._ONE_LINE_BREAKS.search(printable) is None
    for refused in ("a\x1bb", "a\tb", "a\u2028b", "a\x85b", "a\ud800b", "a\x7fb"):
        assert text_problem(refused, LINE) is not None
    assert text_problem("a\tb\nc", NOTES) is None
    assert text_problem("ສະບາຍດີ ក្រុង 👩‍👩‍👧", LINE) is None


def test_no_relative_date_looks_like_a_stored_one() -> None:
    assert relative_days()  # the words are there to be looked at
    assert not [word for word in relative_days() if parse._ISO.fullmatch(word)]


@pytest.mark.parametrize("written", ["2025-12-01", " 2024-02-29 ", "0001-01-01", "9999-12-31"])
def test_a_stored_date_reads_as_the_long_way_reads_it(written: str) -> None:
    year, month, day = (int(part) for part in written.strip().split("-"))
    assert parse_date(written) == dt.date(year, month, day)


@pytest.mark.parametrize("written", ["2025-02-30", "2025-13-01", "2025-00-10"])
def test_a_stored_date_that_is_no_day_is_said_so(written: str) -> None:
    with pytest.raises(InputProblem, match="There is no such date"):
        parse_date(written)
