"""A list of workers' bytes read into rows: UTF-8 (with or without the byte-order mark),
UTF-16, Windows-1252 or Latin-1, said which; CSV with commas, semicolons or tabs, an Excel
workbook's first sheet, or lines pasted from a chat; binary data, an .xls or an .ods refused
saying why; and which row is the header, under a title a sheet may have above it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from store.common.errors import InputFileUnreadable
from store.common.i18n import N_, _
from store.domain.parse import InputProblem, parse_date
from store.exchange.worker_lists.files import MAX_BYTES, MAX_ROWS, too_large, too_many_rows
from store.exchange.worker_lists.headers import field_of_header, is_field

ENCODING_NAMES = {
    "utf-8": N_("UTF-8"),
    "utf-8-sig": N_("UTF-8 (with the byte-order mark Excel writes)"),
    "utf-16": N_("UTF-16 (Excel's “Unicode Text”)"),
    "cp1252": N_("Windows-1252 (the file is not UTF-8)"),
    "latin-1": N_("Latin-1 (the file is neither UTF-8 nor Windows-1252)"),
    "xlsx": N_("an Excel workbook (.xlsx), its first sheet"),
}


@dataclass
class ListRows:
    """A list as read: its rows of cells, the header if the first row is one, and how.
    `store.exchange.worker_import.WorkerList` is this, saying how it was read in the user's
    language; the functions of this package take either."""

    rows: list[list[str]]  # without the header
    header: list[str] | None
    encoding: str  # a key of ENCODING_NAMES
    delimiter: str  # "," ";" "\t", "xlsx" for a workbook, or "" for one name a line
    # Each row's number as the spreadsheet shows it (the header on row 1, the first row of
    # data is row 2), not its line in the file: a quoted cell may hold line breaks.
    row_numbers: list[int] = field(default_factory=list)
    # The rows above the header that are not read (a title such as "DAFTAR PMI"), by number.
    above_header: list[int] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with (a key of ENCODING_NAMES)."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError:
        raise InputFileUnreadable(_(
            "This file starts as Unicode text but is not: save it again from the spreadsheet "
            "as CSV UTF-8.")) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined: Latin-1 has them all
        return data.decode("latin-1"), "latin-1"


# Control characters no text file holds (tabs and line breaks aside): in a list, a few are
# said on their row; more than one character in 50 is binary data.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _sniff(text: str) -> str:
    """The separator: the one of ; , and tab that splits the first lines most evenly."""
    sample = [line for line in text.splitlines()[:20] if line.strip()]
    if not sample:
        return ""
    best, best_score = "", (False, 0)
    for delimiter in (";", ",", "\t"):
        counts = [len(row) for row in csv.reader(io.StringIO("\n".join(sample)),
                                                  delimiter=delimiter)]
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        if common < 2:
            continue  # one comma in one chat line ("Dewi, Jawa Barat") is not a table
        # First the separator that splits the first line (the header) as it splits the rows,
        # then the most even split: cells holding ";" in a list written with "," can split
        # as evenly, or more, by ";", but the header does not.
        score = (counts[0] == common, counts.count(common) * common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


_ZIP = b"PK\x03\x04"
# What a workbook may unpack to: a sheet of MAX_ROWS rows is a few megabytes of XML.
_MAX_UNPACKED = 20 * MAX_BYTES
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls), old Word...


def read_rows(data: bytes) -> tuple[list[list[str]], list[int], str, str]:
    """The rows of `read_list` (store.exchange.worker_import), before its header is found:
    the rows, each one's number in the sheet, the encoding (a key of ENCODING_NAMES) and the
    delimiter. InputFileUnreadable as `read_list` says."""
    if len(data) > MAX_BYTES:
        raise too_large()
    if data.startswith(_ZIP):
        return workbook_rows(data)
    if data.startswith(_OLE):
        raise InputFileUnreadable(_(
            "This is an Excel 97-2003 workbook (.xls), which Pulang does not read: in Excel "
            "or LibreOffice, save it as an Excel workbook (.xlsx) or as CSV UTF-8, and give "
            "that file."))
    text, encoding = decode(data)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 50):
        raise InputFileUnreadable(_(
            "This is not a list of workers: it holds binary data, not text. Give a CSV file, "
            "an Excel workbook (.xlsx), or paste the list."))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A cell may be as long as the list (its field says its own limit on its row): csv's
    # limit of 128 KB a cell would end the reading instead. Only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    delimiter = _sniff(text)
    rows: list[list[str]] = []
    lines: list[int] = []
    if not delimiter:
        for number, line in enumerate(text.split("\n"), start=1):
            cells = chat_line(line)
            if cells:
                rows.append(cells)
                lines.append(number)
                if len(rows) > MAX_ROWS + 1:  # one more: the first may be a header
                    raise too_many_rows()
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]
    else:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        line_before = 0
        try:
            # A spreadsheet opens each record as a row, an empty line as an empty row.
            for number, row in enumerate(reader, start=1):
                line_before = reader.line_num
                cells = [cell.strip() for cell in row]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    rows.append(cells)
                    lines.append(number)
                    if len(rows) > MAX_ROWS + 1:
                        raise too_many_rows()
        except csv.Error:
            raise InputFileUnreadable(_(
                "This file cannot be read as a table from line {line} on: save it again from "
                "the spreadsheet as CSV UTF-8.").format(line=line_before + 1)) from None
    return rows, lines, encoding, delimiter


# How far down a header is looked for, under a title and empty rows ("DAFTAR PMI ...").
HEADER_WITHIN = 10


def header_row(rows: list[list[str]], table: bool) -> int | None:
    """Which row is the header: the first, when a cell of it names a field ("Nama", "No.
    Paspor") and none holds a date; else, in a table, the first of the next rows where two
    cells do."""
    for index, row in enumerate(rows[:HEADER_WITHIN if table else 1]):
        named = sum(1 for cell in row if is_field(field_of_header(cell)))
        if named >= (1 if index == 0 else 2) and not any(parse_date_safely(c) for c in row):
            return index
    return None


def workbook_rows(data: bytes) -> tuple[list[list[str]], list[int], str, str]:
    """The rows of an Excel workbook's (.xlsx) first sheet, by openpyxl, as `read_rows` gives
    them: the values as last
    calculated (never a formula's text), a date cell as YYYY-MM-DD (no day/month doubt), a
    whole number without ".0"; each row keeps its row number in the sheet."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        entries = []
    names = {entry.filename for entry in entries}
    if sum(entry.file_size for entry in entries) > _MAX_UNPACKED:
        raise InputFileUnreadable(_(  # a few kilobytes can unpack to gigabytes
            "This workbook unpacks to more than {limit} MB, more than any list of workers: "
            "check it is the right file, or save the list as CSV UTF-8.").format(
            limit=_MAX_UNPACKED // (1024 * 1024)))
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise InputFileUnreadable(_(
                "This is an OpenDocument spreadsheet (.ods), which Pulang does not read: save "
                "it as an Excel workbook (.xlsx) or as CSV UTF-8, and give that file."))
        raise InputFileUnreadable(_("This is a zip archive, not a list of workers: give a CSV "
                                    "file or an Excel workbook (.xlsx)."))
    from openpyxl import load_workbook  # here: a heavy library, not loaded at the app's start

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            rows: list[list[str]] = []
            lines: list[int] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_cell_text(value) for value in values]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    rows.append(cells)
                    lines.append(number)
                    if len(rows) > MAX_ROWS + 1:  # one more: the first may be a header
                        raise too_many_rows()
        finally:
            book.close()
    except InputFileUnreadable:
        raise
    except Exception:  # noqa: BLE001 - a damaged workbook, whatever the library says
        raise InputFileUnreadable(_("This Excel workbook cannot be read (it may be damaged "
                                    "or protected): save it again as .xlsx or as CSV "
                                    "UTF-8.")) from None
    return rows, lines, "xlsx", "xlsx"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# A list marker at the start of a chat line: "1.", "2)", "-", "*", "•".
_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•])\s*")
# A phone number written in a line: digits with spaces, dashes, dots or brackets, 8 or more
# digits in all, perhaps after a +.
_PHONE_IN_LINE = re.compile(r"(?<![\w+])\(?\+?\(?\d[\d\s().\-]{6,}\d\)?(?!\w)")


def chat_line(line: str) -> list[str]:
    """A line of a list pasted from a chat, as cells: [name], or [name, phone, the rest]
    ("3. Siti Aminah 0812-1111-2222, Jawa Barat" gives the three). A heading ("Daftar
    nama:") or an empty line gives none."""
    text = _MARKER.sub("", line).strip()
    if not text or text.endswith(":"):
        return []
    phone = ""
    match = _PHONE_IN_LINE.search(text)
    if match and sum(c.isdigit() for c in match.group()) >= 8:
        phone = match.group().strip()
        text = (text[:match.start()] + " " + text[match.end():]).strip()
    name, _sep, rest = text.partition(",")
    name = " ".join(name.split()).strip(" -–:")
    rest = " ".join(rest.split()).strip(" ,-–")
    if not name:
        return []
    return [name, phone, rest] if phone or rest else [name]


def parse_date_safely(text: str) -> dt.date | None:
    try:
        return parse_date(text)
    except InputProblem:
        return None
