"""Properties of the worker-list reader (store/exchange/worker_import.py) over many generated lists:
a table a spreadsheet writes reads back cell for cell, whatever its separator; any bytes give
rows or the one documented refusal; a chat line with a phone number gives that number; a date
of birth in a format we accept is that date. Example counts are modest: seconds, not minutes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from store.common.errors import InputFileUnreadable
from store.exchange.worker_import import (
    ENCODING_NAMES,
    MAX_BYTES,
    WorkerList,
    chat_line,
    decode,
    guess_mapping,
    preview,
    read_list,
)
from tests.strategies import SOME, written_dates

# Headers that name a field: the first row is then the header, whatever the cells below hold.
HEADERS = ["Nama", "No. HP", "Asal", "Catatan", "Umur", "Jenis Kelamin", "No. Paspor"]
# What a cell of a real list holds: names, numbers, places, notes with their punctuation,
# other separators and quotes, line breaks inside a quoted cell.
CELL_TEXT = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPRSTW éüñ'\"0123456789"
                             ".,;:/()-+@=\n\t"),
    max_size=24,
).map(lambda text: text.strip()).filter(lambda text: not text.startswith("'"))


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    width = draw(st.integers(min_value=2, max_value=len(HEADERS)))
    header = HEADERS[:width]
    rows = draw(st.lists(st.lists(CELL_TEXT, min_size=width, max_size=width)
                         .filter(lambda row: row[-1] != ""), min_size=1, max_size=8))
    return header, rows


def written(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)  # quotes what needs it, as Excel does
    for row in [header, *rows]:
        writer.writerow(row)
    return out.getvalue().encode(encoding)


@SOME
@given(tables(), st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig"]))
def test_a_table_written_with_any_separator_reads_back_cell_for_cell(
        table: tuple[list[str], list[list[str]]], delimiter: str, encoding: str) -> None:
    header, rows = table
    listed = read_list(written(header, rows, delimiter, encoding))
    assert (listed.delimiter, listed.encoding) == (delimiter, encoding)
    assert listed.header == header
    assert listed.rows == rows


SPREADSHEET_PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04",
                        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"Nama;No. HP\r\n"]


@SOME
@given(st.sampled_from(SPREADSHEET_PREFIXES), st.binary(max_size=3000))
def test_any_bytes_give_rows_or_the_refusal_never_an_error(prefix: bytes, data: bytes) -> None:
    try:
        listed = read_list(prefix + data)
    except InputFileUnreadable as refusal:
        assert str(refusal)  # said in the user's terms (exit 2), not a traceback
        return
    assert isinstance(listed, WorkerList) and listed.encoding in ENCODING_NAMES
    assert all(isinstance(cell, str) for row in listed.rows for cell in row)
    preview(listed, guess_mapping(listed), "case")  # and every row can be checked


def test_a_list_over_the_size_cap_is_refused_before_it_is_decoded() -> None:
    try:
        read_list(b"\xff" * (MAX_BYTES + 1))
    except InputFileUnreadable as refusal:
        assert "larger than 5 MB" in str(refusal)
    else:
        raise AssertionError("a list over the cap was read")


@SOME
@given(st.binary(max_size=2000).filter(
    lambda data: not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))))
def test_bytes_without_a_byte_order_mark_always_decode(data: bytes) -> None:
    text, encoding = decode(data)
    assert encoding in ("utf-8", "cp1252", "latin-1")
    assert text.encode(encoding) == data  # read as they are, no byte lost or replaced


@SOME
@given(st.text(max_size=200).filter(lambda text: not text.startswith("\ufeff")),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_text_decodes_to_itself_and_its_encoding(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == (text, encoding)


# -- chat lines ------------------------------------------------------------------------------

NAME = st.lists(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéü"),
                        min_size=2, max_size=10).map(str.capitalize),
                min_size=1, max_size=4).map(" ".join)
SEPARATOR = st.sampled_from(["-", " ", ".", ""])


@st.composite
def phones(draw: st.DrawFn) -> str:
    """A mobile number as people type it: 08.. or +62 8.., in groups, perhaps in brackets."""
    digits = draw(st.text(alphabet="0123456789", min_size=8, max_size=10))
    start = draw(st.sampled_from(["08", "+62 8", "+628", "628"]))
    cut = draw(st.integers(min_value=2, max_value=len(digits) - 2))
    sep = draw(SEPARATOR)
    number = f"{start}{digits[:cut]}{sep}{digits[cut:]}"
    return f"({number})" if draw(st.booleans()) else number


@SOME
@given(st.sampled_from(["", "1. ", "12) ", "- ", "* ", "• "]), NAME, phones(),
       st.one_of(st.just(""), NAME.map(lambda rest: ", " + rest)))
def test_a_chat_line_with_a_phone_number_gives_that_number(marker: str, name: str,
                                                            phone: str, rest: str) -> None:
    cells = chat_line(f"{marker}{name} {phone}{rest}")
    assert cells[:2] == [name, phone]
    assert cells[2] == rest.removeprefix(", ")


@SOME
@given(st.sampled_from(["", "1. ", "- ", "• "]), NAME)
def test_a_chat_line_without_a_number_is_the_name(marker: str, name: str) -> None:
    assert chat_line(f"{marker}{name}") == [name]


# -- dates in cells --------------------------------------------------------------------------

BIRTHDAYS = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2010, 12, 31))


@settings(max_examples=100, deadline=None)
@given(st.data(), BIRTHDAYS, st.sampled_from([",", ";"]))
def test_a_date_of_birth_in_a_format_we_accept_is_that_date(data: st.DataObject, day: dt.date,
                                                            delimiter: str) -> None:
    cell = data.draw(written_dates(day))
    listed = read_list(f"Nama{delimiter}Tanggal Lahir\nDewi Anggraini{delimiter}{cell}\n"
                       .encode())
    [row] = preview(listed, guess_mapping(listed), "case")
    assert row.ok, row.problems
    assert row.worker is not None and row.worker.date_of_birth == day
