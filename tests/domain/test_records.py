"""The domain's validation: what a form may hold, what is refused, and how every field is classified."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.common.errors import RecordInvalid
from store.domain.classification import Classification, classification_of, label_msgid
from store.domain.parse import InputProblem, parse_date, parse_phone
from store.domain.records import RECORD_TYPES, Case, LogEntry, Record, Worker, build

TODAY = dt.date.today()
NEXT_YEAR = TODAY + dt.timedelta(days=366)


def _refused(kind: type[Record], data: dict[str, Any], field: str) -> RecordInvalid:
    """Build the record, expect it refused for `field`, and return the error."""
    with pytest.raises(RecordInvalid) as caught:
        build(kind, data)
    error = caught.value
    assert field in error.errors, error.errors
    assert label_msgid(kind, field) in str(error)  # the label the user sees in the form
    return error


# -- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        pytest.param(Case, {"title": "", "destination_country": "KH"}, "title",
                     id="empty title"),
        pytest.param(Case, {"title": "   ", "destination_country": "KH"}, "title",
                     id="blank title"),
        pytest.param(Case, {"title": "Held at a casino", "destination_country": "ZZ"},
                     "destination_country", id="unknown country code"),
        pytest.param(Case, {"title": "Held at a casino", "destination_country": "Atlantis"},
                     "destination_country", id="unknown country name"),
        pytest.param(LogEntry, {"case_id": "c1", "summary": "Called the embassy",
                                "at": "12/12/2025 10:00", "next_step": "Call again",
                                "due_date": "11/12/2025"},
                     "due_date", id="due before the entry"),
        pytest.param(Worker, {"case_id": "c1", "full_name": "Sri Wahyuningsih",
                              "date_of_birth": NEXT_YEAR.strftime("%d/%m/%Y")},
                     "date_of_birth", id="born in the future"),
        pytest.param(Worker, {"case_id": "c1", "full_name": "Sri Wahyuningsih",
                              "date_of_birth": "31/02/1990"},
                     "date_of_birth", id="impossible birth date"),
    ],
)
def test_refused_with_the_field_named(kind: type[Record], data: dict[str, Any],
                                      field: str) -> None:
    _refused(kind, data, field)


def test_a_case_that_is_sound_is_accepted() -> None:
    # The counterpart of the refusals above: the same shape, valid, goes through.
    case = build(Case, {"title": "Held at a casino", "destination_country": "kh",
                        "date_reported": "12/12/2025"})
    assert (case.title, case.destination_country, case.date_reported) == (
        "Held at a casino", "KH", dt.date(2025, 12, 12))


def test_a_due_date_on_the_entry_day_is_accepted() -> None:
    entry = build(LogEntry, {"case_id": "c1", "summary": "Called the embassy",
                             "at": "12/12/2025 10:00", "next_step": "Call again",
                             "due_date": "12/12/2025"})
    assert entry.due_date == dt.date(2025, 12, 12)


# -- clean values --------------------------------------------------------------------------


def test_a_local_phone_is_stored_in_e164() -> None:
    worker = build(Worker, {"case_id": "c1", "full_name": "Rizky Pratama",
                            "nationality": "ID", "phone": "0812 3456 7890"})
    assert worker.phone == "+6281234567890"


@pytest.mark.parametrize("text", ["12/12/2025", "12-12-2025", "2025-12-12"])
def test_the_ways_of_writing_a_date_agree(text: str) -> None:
    assert parse_date(text) == dt.date(2025, 12, 12)
    worker = build(Worker, {"case_id": "c1", "full_name": "Dewi", "date_of_birth": text})
    assert worker.date_of_birth == dt.date(2025, 12, 12)


def test_an_impossible_date_is_refused_by_the_parser() -> None:
    with pytest.raises(InputProblem):
        parse_date("31/02/1990")


# -- classification ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", RECORD_TYPES, ids=lambda k: k.__name__)
def test_every_field_is_classified_and_labelled(kind: type[Record]) -> None:
    assert kind.model_fields
    for name in kind.model_fields:
        assert isinstance(classification_of(kind, name), Classification), name
        assert label_msgid(kind, name).strip(), name
        assert kind.field_label(name).strip(), name


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("passport_number", Classification.SENSITIVE),
        ("passport_status", Classification.SENSITIVE),
        ("current_location", Classification.SENSITIVE),
        ("family_contact", Classification.SENSITIVE),
        ("health", Classification.SENSITIVE),
        ("full_name", Classification.PERSONAL),
        ("other_spellings", Classification.PERSONAL),
        ("phone", Classification.PERSONAL),
        ("date_of_birth", Classification.PERSONAL),
        ("notes", Classification.PERSONAL),
    ],
)
def test_the_worker_fields_that_identify_or_endanger_are_private(
    field: str, expected: Classification
) -> None:
    assert classification_of(Worker, field) is expected


# -- the parsers never fail in any way but their own ---------------------------------------

_PHONE_LIKE = st.from_regex(r"\A\+?[0-9 ()./\-]{0,30}\Z")
_DATE_LIKE = st.from_regex(r"\A[0-9]{1,4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,4}\Z") | st.from_regex(
    r"\A[0-9]{1,2} (jan|feb|peb|mei|agt|des|dec|xyz)\.? [0-9]{4}\Z"
)


@settings(database=None, deadline=None, max_examples=300)
@given(st.text() | _DATE_LIKE)
def test_parse_date_returns_a_date_or_raises_input_problem(text: str) -> None:
    try:
        result = parse_date(text)
    except InputProblem:
        return
    if text.strip():
        assert isinstance(result, dt.date)
    else:
        assert result is None


@settings(database=None, deadline=None, max_examples=300)
@given(st.text() | _PHONE_LIKE, st.sampled_from(["ID", "KH", "LA", "MM", "TH", None]))
def test_parse_phone_returns_e164_or_raises_input_problem(text: str, region: str | None) -> None:
    try:
        result = parse_phone(text, region)
    except InputProblem:
        return
    if text.strip():
        assert isinstance(result, str) and result.startswith("+") and result[1:].isdigit()
    else:
        assert result is None
