"""Reading a list of workers as officers receive it: a spreadsheet saved as CSV, an Excel
workbook (.xlsx, its first sheet, by openpyxl), or lines pasted from a chat message, into a
case. An old .xls or an OpenDocument sheet is refused with how to save it instead.

Nothing here writes: `read_list` turns the bytes into rows, `guess_mapping` says which column
holds what (from an English or Indonesian header as offices write them: "Asal (Kab/Kota)",
"No. Paspor/SPLP", "Tgl. Lahir", "L/P"), `apply_choices` puts the officer's choices over the
guess, `left_out_columns` names every column that holds data and fills no field (its values
would be lost), `preview` checks every row as the store would and lists each row's problems
in the user's words, and `Database.import_workers` (the only writer) saves the rows the
officer confirmed, in one atomic change.

A row is named as the spreadsheet numbers it (`row_label`: "row 5", the header on row 1; "row
5 (No. 4)" when the sheet has its own "No" column), never by its line in the file. A title
above the header ("DAFTAR PMI ...") is not read as a worker.

What spreadsheets really write:
- UTF-8, with or without the byte-order mark Excel puts first; Windows-1252 (Excel on Windows)
  or Latin-1 when the bytes are not UTF-8: which was used is said, never guessed silently;
- commas, semicolons (Excel in an Indonesian or other European locale) or tabs;
- quoted fields holding line breaks or separators, trailing empty columns, empty lines.

What is not a list of workers is refused whole, saying why, before anything is checked: more
than `MAX_BYTES` (a file is never read further than that, so a device or an endless stream
cannot hold Pulang), more than `MAX_ROWS` rows, binary data (a NUL byte, or many control
characters: random bytes, a program, a picture), a device, a pipe or a folder given as the
file (`read_file`). A cell as long as the file is read; the field it fills says its limit on
its row (a name at most 200 characters, notes 20,000). UTF-16 with its byte-order mark (what
Excel's "Unicode Text" saves) is read too. A cell written by Pulang with an apostrophe before
it (`store.domain.csvcells`: a left-out file, an export) is read without that apostrophe.

Dates are read as the region writes them (DD/MM/YYYY, 12-12-1998, 12.12.1998, 1998-12-12,
"12 Des 1998"). One whose day and month could be swapped (03/04/1998) is read day first, as
the region writes, and flagged on its row for the officer to confirm.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import stat
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.common.errors import InputFileUnreadable, RecordInvalid, UsageError
from store.common.i18n import N_, _, plural
from store.domain.csvcells import unquote_cell
from store.domain.csvcells import writer as csv_writer
from store.domain.parse import InputProblem, parse_date
from store.domain.records import Worker, build
from store.domain.text import LINE, RULES, fold, shorten
from store.domain.vocab import Sex

if TYPE_CHECKING:
    from store.domain.matching import NameIndex

# The worker fields a column can fill, in the order a mapping is shown: what a list of workers
# holds, from the Worker record (store/domain/records.py). A passport's status is a choice, not text:
# a column of it goes to the notes.
FIELDS: tuple[str, ...] = ("full_name", "other_spellings", "sex", "date_of_birth", "age",
                           "nationality", "home_province", "home_district", "phone",
                           "passport_number", "current_location", "family_contact", "health",
                           "notes")

# Words offices abbreviate or spell in several ways, each read as one form before a header is
# looked up ("Tgl. Lahir" is "tanggal lahir", "Kab./Kota" is "kabupaten kota").
_WORDS = {
    "nomor": "no", "nomer": "no", "nmr": "no", "number": "no", "num": "no", "nr": "no",
    "tanggal": "tgl", "tangal": "tgl", "lhr": "lahir",
    "telepon": "telp", "telpon": "telp", "tlp": "telp", "tel": "telp", "telephone": "telp",
    "handphone": "hp", "whatsapp": "wa", "kabupaten": "kab",
    "propinsi": "provinsi", "prov": "provinsi", "province": "provinsi",
    "passport": "paspor", "pasport": "paspor", "jns": "jenis", "kecamatan": "kec",
    "kelurahan": "kel",
}

# Header texts (read as above: folded, without punctuation) that name each field, in English
# and Indonesian as offices write them. A header is looked up whole ("Asal (Kab/Kota)"), then
# without what it has in brackets ("Nama Lengkap (sesuai paspor)"), then what is in brackets,
# then each part between slashes ("No. Paspor/SPLP").
_HEADERS: dict[str, tuple[str, ...]] = {
    "full_name": ("name", "full name", "nama", "nama lengkap", "worker", "pekerja",
                  "nama pekerja", "names", "nama pmi", "nama tki", "nama cpmi", "nama korban",
                  "nama pekerja migran", "worker name", "worker s name", "workers name",
                  "name of worker", "victim name", "nama sesuai paspor", "full name as in paspor",
                  "name as in paspor", "name as per paspor"),
    "other_spellings": ("other spellings", "alias", "also known as", "aka", "ejaan lain",
                        "nama lain", "nama alias", "other names", "other name",
                        "nama panggilan", "panggilan", "nickname"),
    "sex": ("sex", "gender", "jenis kelamin", "jk", "l p", "kelamin", "jenis kel", "j k",
            "lk pr", "l pr", "m f", "sex m f", "gender m f", "jenis kelamin l p"),
    "date_of_birth": ("date of birth", "dob", "d o b", "birth date", "born", "tgl lahir",
                      "tgl lahir dd mm yyyy", "lahir", "birthday", "date of birth dd mm yyyy"),
    "age": ("age", "umur", "usia", "umur th", "umur thn", "umur tahun", "usia tahun",
            "age years"),
    "nationality": ("nationality", "citizenship", "kewarganegaraan", "warga negara",
                    "negara", "negara asal", "country of origin"),
    "home_province": ("provinsi", "home provinsi", "origin", "asal", "daerah asal",
                      "asal provinsi", "provinsi asal", "asal daerah", "region",
                      "home region", "region of origin", "place of origin"),
    "home_district": ("district", "home district", "kab", "kota", "kab kota", "kota kab",
                      "regency", "city", "regency city", "district city", "city regency",
                      "asal kab kota", "asal kota kab", "asal kab", "asal kota", "kab asal",
                      "kota asal", "kab kota asal", "daerah asal kab kota", "hometown",
                      "home town", "home city", "district of origin"),
    "phone": ("phone", "phone no", "mobile", "wa", "no hp", "hp", "no telp", "telp", "no wa",
              "no hp wa", "hp wa", "no wa hp", "no telp hp", "no hp telp", "mobile no",
              "mobile phone", "cell", "cellphone", "cell phone", "phone wa", "wa no",
              "contact no", "no kontak", "kontak", "no hp aktif"),
    "passport_number": ("paspor", "paspor no", "no paspor", "splp", "no splp",
                        "no paspor splp", "travel document", "travel document no",
                        "dokumen perjalanan", "no dokumen perjalanan"),
    "current_location": ("current location", "location", "lokasi", "lokasi sekarang",
                         "lokasi saat ini", "shelter", "penampungan", "tempat penampungan",
                         "alamat sekarang", "alamat saat ini", "current address",
                         "keberadaan", "posisi", "posisi sekarang", "where now"),
    "family_contact": ("family contact", "family", "family phone", "next of kin",
                       "kontak keluarga", "keluarga", "no hp keluarga", "hp keluarga",
                       "no telp keluarga", "ahli waris", "kontak darurat", "emergency contact"),
    "health": ("health", "kesehatan", "kondisi kesehatan", "health condition", "medical",
               "medical condition"),
    # Kept in the notes, as "Alamat: ...": what a list holds and no field of its own does
    # (a column named as notes, _NOTES_HEADERS, goes in without its header).
    "notes": ("notes", "note", "remarks", "catatan", "keterangan", "ket", "komentar",
              "alamat", "address", "home address", "alamat asal", "alamat rumah",
              "alamat lengkap", "tempat lahir", "place of birth", "ttl", "tempat tgl lahir",
              "kec", "desa", "kel", "kel desa", "desa kel", "dusun", "village",
              "sub district", "subdistrict", "rt rw", "status paspor", "paspor status",
              "agen", "agency", "sponsor", "perusahaan", "company", "employer", "majikan",
              "pekerjaan", "job", "occupation", "negara tujuan", "destination",
              "destination country", "email", "e mail"),
}
_NOTES_HEADERS = ("notes", "note", "remarks", "catatan", "keterangan", "ket", "komentar")
# A column that numbers the rows ("No", "No.", "#"): each row's number in the sheet, said with
# the row's own number; and the columns of a left-out file Pulang wrote ("Problem", "Original
# row", in English or Indonesian): neither is a worker's field, neither is warned as lost.
_ROW_NUMBER_HEADERS = ("no", "no urut", "urut", "s no", "sl no", "serial no", "sn")
_OWN_HEADERS = ("problem", "masalah", "original row", "baris asli")
ROW_NUMBER = "#row"
OWN_COLUMN = "#own"

_SEXES = {
    "l": Sex.MALE, "lk": Sex.MALE, "laki laki": Sex.MALE, "laki": Sex.MALE, "pria": Sex.MALE,
    "m": Sex.MALE, "male": Sex.MALE, "man": Sex.MALE,
    "p": Sex.FEMALE, "pr": Sex.FEMALE, "perempuan": Sex.FEMALE, "wanita": Sex.FEMALE,
    "f": Sex.FEMALE, "female": Sex.FEMALE, "woman": Sex.FEMALE,
}

ENCODING_NAMES = {
    "utf-8": N_("UTF-8"),
    "utf-8-sig": N_("UTF-8 (with the byte-order mark Excel writes)"),
    "utf-16": N_("UTF-16 (Excel's “Unicode Text”)"),
    "cp1252": N_("Windows-1252 (the file is not UTF-8)"),
    "latin-1": N_("Latin-1 (the file is neither UTF-8 nor Windows-1252)"),
    "xlsx": N_("an Excel workbook (.xlsx), its first sheet"),
}


@dataclass
class WorkerList:
    """A list as read: its rows of cells, the header if the first row is one, and how."""

    rows: list[list[str]]  # without the header
    header: list[str] | None
    encoding: str  # a key of ENCODING_NAMES
    delimiter: str  # "," ";" "\t", "xlsx" for a workbook, or "" for one name a line
    # Each row's number as the spreadsheet shows it (the header on row 1, the first row of
    # data is row 2), not its line in the file: a quoted cell may hold line breaks.
    row_numbers: list[int] = field(default_factory=list)
    # The rows above the header that are not read (a title such as "DAFTAR PMI"), by number.
    above_header: list[int] = field(default_factory=list)

    @property
    def encoding_label(self) -> str:
        return _(ENCODING_NAMES[self.encoding])


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


# The most a list of workers is read from: a few thousand rows take a few hundred kilobytes.
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# Control characters no text file holds (tabs and line breaks aside): in a list, a few are
# said on their row; more than one character in 50 is binary data.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _too_large() -> InputFileUnreadable:
    return InputFileUnreadable(_(
        "This is larger than {limit} MB, more than any list of workers: check it is the right "
        "file, or split the list into parts.").format(limit=MAX_BYTES // (1024 * 1024)))


def _too_many_rows() -> InputFileUnreadable:
    return InputFileUnreadable(_(
        "This list has more than {limit} rows: split it into parts of at most {limit} rows."
    ).format(limit=MAX_ROWS))


def read_file(path: Path) -> bytes:
    """The bytes of a list's file, read no further than MAX_BYTES; InputFileUnreadable (exit 2)
    for a file that cannot be opened, is not a regular file (a device such as /dev/zero, a
    pipe, a folder: refused before a byte is read) or is larger than MAX_BYTES."""
    data = read_input(path, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise _too_large()
    return data


def read_input(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a file given to read (a worker list, an export to import): at most
    `limit` + 1 of them. InputFileUnreadable for a file that cannot be opened or is not a
    regular file (a device such as /dev/zero would be read for ever, a pipe waits for a
    writer): refused before a byte is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)  # without O_NONBLOCK, opening a pipe waits for a writer
    except OSError as error:
        raise InputFileUnreadable(_("Cannot read {path}: {reason}").format(
            path=path, reason=error.strerror or type(error).__name__)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputFileUnreadable(_(
                "{path} is not a file but a device, a pipe or a folder: give the path of a "
                "file.").format(path=path))
        with open(fd, "rb", closefd=False) as file:
            data = file.read() if limit is None else file.read(limit + 1)
    except OSError as error:
        raise InputFileUnreadable(_("Cannot read {path}: {reason}").format(
            path=path, reason=error.strerror or type(error).__name__)) from None
    finally:
        os.close(fd)
    return data


_LIST_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods")


def pasted_path(text: str) -> Path | None:
    """The file a pasted text names, when the whole text is one line that is a file's path
    and no list: any line ending in .csv, .xlsx, .xls, .ods, .txt or .tsv (absolute, ~/ or
    relative), or the path of an existing file (with a folder, ~ or an extension in it).
    Quotes around it, and a file:// address (a file dropped on the terminal), are taken off."""
    from urllib.parse import unquote, urlparse

    line = text.strip()
    if not line or len(line) > 4096 or any(c in line for c in "\n\r\t"):
        return None
    if len(line) > 1 and line[0] == line[-1] and line[0] in "\"'":
        line = line[1:-1].strip()
    if line.startswith("file://"):
        line = unquote(urlparse(line).path)
    if not line:
        return None
    path = Path(line).expanduser()
    if line.casefold().endswith(_LIST_SUFFIXES):
        return path
    if "/" in line or "\\" in line or line.startswith("~") or path.suffix:
        try:
            return path if path.is_file() else None
        except (OSError, ValueError):  # a name too long for a path, a NUL
            return None
    return None


def _header_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def _words_key(text: str) -> str:
    """A header as looked up: folded, without punctuation, each word in its one form."""
    return " ".join(_WORDS.get(word, word) for word in _header_key(text).split())


_FIELD_OF_KEY = {key: name for name, keys in _HEADERS.items() for key in keys}
_FIELD_OF_KEY.update({key: ROW_NUMBER for key in _ROW_NUMBER_HEADERS})
_FIELD_OF_KEY.update({key: OWN_COLUMN for key in _OWN_HEADERS})
_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")


def _field_of_header(text: str) -> str | None:
    """The worker field a header names, ROW_NUMBER, OWN_COLUMN, or None. Looked up whole
    ("Asal (Kab/Kota)"), then without what is in brackets ("Nama Lengkap (sesuai paspor)"),
    then what is in brackets, then each part between slashes ("No. Paspor/SPLP")."""
    if text.strip().casefold() in ("#", "№", "n°", "n.º", "nº"):
        return ROW_NUMBER
    outside = _BRACKETS.sub(" ", text)
    for candidate in (text, outside, *_BRACKETS.findall(text), *outside.split("/")):
        found = _FIELD_OF_KEY.get(_words_key(candidate))
        if found is not None:
            return found
    return None


def _is_field(found: str | None) -> bool:
    return found is not None and not found.startswith("#")


def _sniff(text: str) -> str:
    """The separator: the one of ; , and tab that splits the first lines most evenly."""
    sample = [line for line in text.splitlines()[:20] if line.strip()]
    if not sample:
        return ""
    best, best_score = "", 0
    for delimiter in (";", ",", "\t"):
        counts = [len(row) for row in csv.reader(io.StringIO("\n".join(sample)),
                                                  delimiter=delimiter)]
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        if common < 2:
            continue  # one comma in one chat line ("Dewi, Jawa Barat") is not a table
        score = counts.count(common) * common
        if score > best_score:
            best, best_score = delimiter, score
    return best


_ZIP = b"PK\x03\x04"
# What a workbook may unpack to: a sheet of MAX_ROWS rows is a few megabytes of XML.
_MAX_UNPACKED = 20 * MAX_BYTES
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls), old Word...


def read_list(data: bytes) -> WorkerList:
    """Rows from a CSV file's bytes, an Excel workbook's first sheet, or lines pasted from a
    chat (one worker a line, or a table with separators). Quoted fields may hold line breaks;
    trailing empty columns and empty lines are dropped. InputFileUnreadable (exit 2) for what
    is not a list Pulang reads: a spreadsheet in another format (saying how to save it
    instead), binary data, more than MAX_BYTES or MAX_ROWS."""
    if len(data) > MAX_BYTES:
        raise _too_large()
    if data.startswith(_ZIP):
        return _read_workbook(data)
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
                    raise _too_many_rows()
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
                        raise _too_many_rows()
        except csv.Error:
            raise InputFileUnreadable(_(
                "This file cannot be read as a table from line {line} on: save it again from "
                "the spreadsheet as CSV UTF-8.").format(line=line_before + 1)) from None
    return _with_header(rows, lines, encoding, delimiter)


# How far down a header is looked for, under a title and empty rows ("DAFTAR PMI ...").
_HEADER_WITHIN = 10


def _header_row(rows: list[list[str]], table: bool) -> int | None:
    """Which row is the header: the first, when a cell of it names a field ("Nama", "No.
    Paspor") and none holds a date; else, in a table, the first of the next rows where two
    cells do."""
    for index, row in enumerate(rows[:_HEADER_WITHIN if table else 1]):
        named = sum(1 for cell in row if _is_field(_field_of_header(cell)))
        if named >= (1 if index == 0 else 2) and not any(parse_date_safely(c) for c in row):
            return index
    return None


def _with_header(rows: list[list[str]], numbers: list[int], encoding: str,
                 delimiter: str) -> WorkerList:
    rows = [[unquote_cell(cell) for cell in row] for row in rows]
    header, above = None, []
    index = _header_row(rows, table=bool(delimiter))
    if index is not None:
        header = rows[index]
        above = numbers[:index]
        del rows[:index + 1], numbers[:index + 1]
    if len(rows) > MAX_ROWS:
        raise _too_many_rows()
    return WorkerList(rows, header, encoding, delimiter, numbers, above)


def _read_workbook(data: bytes) -> WorkerList:
    """The first sheet of an Excel workbook (.xlsx), by openpyxl: the values as last
    calculated (never a formula's text), a date cell as YYYY-MM-DD (no day/month doubt), a
    whole number without ".0"; each row keeps its row number in the sheet."""
    import zipfile

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
    from openpyxl import load_workbook

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
                        raise _too_many_rows()
        finally:
            book.close()
    except InputFileUnreadable:
        raise
    except Exception:  # noqa: BLE001 - a damaged workbook, whatever the library says
        raise InputFileUnreadable(_("This Excel workbook cannot be read (it may be damaged "
                                    "or protected): save it again as .xlsx or as CSV "
                                    "UTF-8.")) from None
    return _with_header(rows, lines, "xlsx", "xlsx")


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


def guess_mapping(worker_list: WorkerList) -> list[str | None]:
    """For each column, the worker field it fills (None: left out), from the header; without
    a header, the first column is the name. Several columns may go to the notes (each value
    with its header: "Alamat: ..."); any other field is filled by its first column only."""
    width = max((len(row) for row in worker_list.rows), default=0)
    if worker_list.header is None and not worker_list.delimiter:
        # A chat list: the name, a phone number found in the line, what followed a comma.
        return ["full_name", "phone", "notes"][:width]
    if worker_list.header is None:
        return ["full_name"] + [None] * (width - 1) if width else []
    width = max(width, len(worker_list.header))
    mapping: list[str | None] = []
    for column in range(width):
        found = _field_of_header(_header_of(worker_list, column))
        if not _is_field(found) or (found in mapping and found != "notes"):
            found = None
        mapping.append(found)
    return mapping


def _header_of(worker_list: WorkerList, column: int) -> str:
    header = worker_list.header or []
    return header[column] if column < len(header) else ""


def column_letter(column: int) -> str:
    """A column's letter as a spreadsheet shows it: 0 is A, 26 is AA."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_of(worker_list: WorkerList, text: str) -> int | None:
    """The column (from 0) that `text` names: its header ("Asal (Kab/Kota)", in any case),
    else its number from 1 as Pulang lists the columns, else its letter as the spreadsheet
    shows it ("E"); None when no column of the list is that."""
    width = max(max((len(r) for r in worker_list.rows), default=0),
                len(worker_list.header or []))
    for same in (fold, _header_key):  # as written, then without its punctuation
        wanted = same(text)
        for column in range(width):
            if wanted and same(_header_of(worker_list, column)) == wanted:
                return column
    text = text.strip()
    if text.isdecimal() and 1 <= int(text) <= width:
        return int(text) - 1
    if text.isascii() and text.isalpha() and len(text) <= 3:
        column = 0
        for letter in text.upper():
            column = column * 26 + ord(letter) - ord("A") + 1
        if column <= width:
            return column - 1
    return None


SKIP = "skip"  # what `--map COLUMN=skip` leaves out on purpose


def column_name(worker_list: WorkerList, column: int) -> str:
    """"column 5 “Asal (Kab/Kota)”", as Pulang numbers the columns (from 1)."""
    header = _header_of(worker_list, column).strip()
    if header:
        return _("column {number} “{header}”").format(number=column + 1,
                                                      header=shorten(header))
    return _("column {number}").format(number=column + 1)


def column_said(worker_list: WorkerList, column: int, name: str | None) -> str:
    """A column and what it fills, as `pulang import-workers` lists them: "2 “Nama”: Full
    name", "1 “No”: (row numbers)", "3 “Agama”: (left out)"."""
    header = _header_of(worker_list, column).strip()
    if name is not None:
        filled = Worker.field_label(name)
    elif header and _field_of_header(header) == ROW_NUMBER:
        filled = _("(row numbers)")
    else:
        filled = _("(left out)")
    return f"{column + 1} “{shorten(header)}”: {filled}" if header else \
        f"{column + 1}: {filled}"


def map_choice(text: str) -> tuple[str, str]:
    """COLUMN=FIELD as `--map` takes it; UsageError, listing the fields, for anything else."""
    column, sep, name = text.rpartition("=")
    if not sep or not column.strip() or name.strip() not in (*FIELDS, SKIP):
        raise UsageError(_("“{given}” is not COLUMN=FIELD: COLUMN is a column's header, number "
                           "or letter, FIELD one of {fields}, or {skip}.").format(
            given=shorten(text), fields=", ".join(FIELDS), skip=SKIP))
    return column.strip(), name.strip()


def apply_choices(worker_list: WorkerList, mapping: Sequence[str | None],
                  choices: Sequence[tuple[str, str]]) -> tuple[list[str | None], set[int]]:
    """The mapping with the officer's choices (`map_choice`'s) made over the guess, and the
    columns chosen to be skipped. A field chosen for a column is taken from a column it was
    guessed for (the notes aside, which take several). UsageError for a column the list does
    not have, or a field (not the notes) chosen for two columns."""
    width = max(max((len(r) for r in worker_list.rows), default=0),
                len(worker_list.header or []), len(mapping))
    chosen: list[str | None] = [*mapping, *[None] * (width - len(mapping))]
    given: dict[int, str] = {}
    skipped: set[int] = set()
    for text, name in choices:
        column = column_of(worker_list, text)
        if column is None:
            raise UsageError(_("This list has no column “{column}”. Its columns: {columns}.")
                             .format(column=shorten(text), columns="; ".join(
                                 column_name(worker_list, c) for c in range(width))))
        if name == SKIP:
            chosen[column] = None
            skipped.add(column)
            given.pop(column, None)
            continue
        skipped.discard(column)
        if name != "notes":
            twice = [c for c, n in given.items() if n == name and c != column]
            if twice:
                raise UsageError(_("{field} is given to two columns: {first} and {second}.")
                                 .format(field=name, first=column_name(worker_list, twice[0]),
                                         second=column_name(worker_list, column)))
            chosen = [None if n == name else n for n in chosen]
        chosen[column] = name
        given[column] = name
    return chosen, skipped


@dataclass
class LeftOut:
    """A column that holds data and fills no field: its values would be lost."""

    column: int  # from 0
    header: str
    values: int  # how many of its cells hold something

    name: str  # "column 5 “Asal (Kab/Kota)”"

    @property
    def said(self) -> str:
        """"column 5 “Asal (Kab/Kota)”, 12 values"."""
        return plural(self.values, N_("{column}, {count} value"),
                      N_("{column}, {count} values")).format(column=self.name,
                                                             count=self.values)


def left_out_columns(worker_list: WorkerList, mapping: Sequence[str | None],
                     chosen: Collection[int] = ()) -> list[LeftOut]:
    """The columns that hold data and that `mapping` leaves out, with how many values each
    holds; not those `chosen` to be left out, nor the sheet's row numbers ("No", "#") nor
    the columns a left-out file adds ("Problem")."""
    width = max((len(row) for row in worker_list.rows), default=0)
    lost = []
    for column in range(width):
        if column in chosen or (column < len(mapping) and mapping[column] is not None):
            continue
        header = _header_of(worker_list, column)
        if header and _field_of_header(header) in (ROW_NUMBER, OWN_COLUMN):
            continue
        values = sum(1 for row in worker_list.rows if column < len(row) and row[column])
        if values:
            lost.append(LeftOut(column, header, values, column_name(worker_list, column)))
    return lost


def row_label(row: int, number: str = "", capital: bool = False) -> str:
    """A row as the officer finds it in the spreadsheet: "row 5", or "row 5 (No. 4)" when
    the sheet numbers its rows itself."""
    if number:
        text = _("Row {row} (No. {number})") if capital else _("row {row} (No. {number})")
        return text.format(row=row, number=number)
    return (_("Row {row}") if capital else _("row {row}")).format(row=row)


@dataclass
class ImportRow:
    """One row checked: its row in the spreadsheet (and the sheet's own number for it, from a
    "No" column), the worker it would make (when it can), what is wrong with it (it is left
    out) and what the officer should look at (it goes in)."""

    row: int
    cells: list[str]
    data: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    worker: Worker | None = None
    number: str = ""  # the sheet's own number of the row, "" when it has none

    @property
    def ok(self) -> bool:
        return not self.problems and self.worker is not None

    @property
    def name(self) -> str:
        """The row's name as the officer will recognise it: the worker's, else what the
        name column held, else the first cell that holds anything."""
        if self.worker is not None:
            return self.worker.full_name
        return str(self.data.get("full_name") or next((c for c in self.cells if c), ""))

    @property
    def where(self) -> str:
        """"row 5", or "row 5 (No. 4)"."""
        return row_label(self.row, self.number)


_ONE_LINE_BREAK = re.compile("[\t\n\r\u2028\u2029]")


def _rule_of(name: str) -> Any:
    """The text rule of a worker field (`store.domain.text`): whether it may hold line breaks."""
    extra = Worker.model_fields[name].json_schema_extra
    return RULES[str(extra.get("text", LINE.name))] if isinstance(extra, dict) else LINE


_AMBIGUOUS = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


def _date_warning(text: str) -> str | None:
    match = _AMBIGUOUS.match(text.strip())
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        if day != month and day <= 12 and month <= 12:
            return _("date of birth {text} read as day {day}, month {month}: check it is not "
                     "the other way round").format(text=shorten(text), day=day, month=month)
    return None


def preview(worker_list: WorkerList, mapping: Sequence[str | None], case_id: str,
            existing: Sequence[tuple[str, Sequence[str]]] = (),
            index: NameIndex | None = None) -> list[ImportRow]:
    """Every row checked as the store would check it, nothing written. `existing` holds the
    case's workers (id, every spelling): a name already there, or close to one (`index`), is
    flagged; so is a name given twice in the list."""
    checked: list[ImportRow] = []
    seen: dict[str, str] = {}
    names_in_case = {fold(n): wid for wid, names in existing for n in names}
    header = worker_list.header or []
    numbered = next((c for c, h in enumerate(header)
                     if _field_of_header(h) == ROW_NUMBER), None)
    # A column put in the notes keeps its header ("Alamat: ..."), unless it is a notes column.
    labelled = {c: f"{shorten(header[c].strip(), 60)}: "
                if c < len(header) and header[c].strip()
                and _words_key(_BRACKETS.sub(" ", header[c])) not in _NOTES_HEADERS
                else "" for c, name in enumerate(mapping) if name == "notes"}
    for cells, number in zip(worker_list.rows, worker_list.row_numbers):
        data: dict[str, Any] = {"case_id": case_id}
        own = cells[numbered] if numbered is not None and numbered < len(cells) else ""
        row = ImportRow(number, cells, data, number=shorten(own.strip().rstrip("."), 12))
        notes: list[str] = []
        for column, name in enumerate(mapping):
            if name is None or column >= len(cells) or not cells[column]:
                continue
            value = cells[column]
            if name == "notes":
                notes.append(labelled[column] + value)
                continue
            if name == "sex":
                sex = _SEXES.get(_header_key(value))
                if sex is None:
                    row.problems.append(_("sex “{text}” is not one Pulang knows (L/P, male/"
                                          "female)").format(text=shorten(value)))
                    continue
                data[name] = sex
            elif name == "date_of_birth":
                if warning := _date_warning(value):
                    row.warnings.append(warning)
                data[name] = value
            else:
                if _ONE_LINE_BREAK.search(value) and not _rule_of(name).multiline:
                    # Alt+Enter in a spreadsheet cell: one line, said on the row.
                    value = " ".join(value.split())
                    row.warnings.append(_("{field}: the line break in the cell was joined into "
                                          "one line").format(field=Worker.field_label(name)))
                data[name] = value
        if notes:
            data["notes"] = "\n".join(notes)
        if not data.get("full_name"):
            row.problems.append(_("no name in this row"))
        try:
            row.worker = build(Worker, data) if not row.problems else None
        except RecordInvalid as invalid:
            row.problems.extend(f"{Worker.field_label(f)}: {m}" if f in Worker.model_fields
                                else m for f, m in invalid.errors.items())
        name = str(data.get("full_name") or "")
        if name:
            key = fold(name)
            if key in seen:
                row.problems.append(_("the same name as {row}").format(row=seen[key]))
            else:
                seen[key] = row.where
            if key in names_in_case:
                row.problems.append(_("{name} is already a worker of this case").format(
                    name=shorten(name)))
            elif index is not None:
                close = index.matches(name, limit=1)
                if close:
                    row.warnings.append(_("close to {name}, already in this case: the same "
                                          "person?").format(name=shorten(close[0].spelling)))
        checked.append(row)
    return checked


def rows_left_out_csv(rows: Sequence[ImportRow], header: Sequence[str] | None) -> bytes:
    """The rows not imported, as CSV (UTF-8 with a BOM, so Excel opens it right), with two
    last columns saying why and which row of the list each was: to fix and import again
    (read again, those two columns are left out without a word)."""
    out = io.StringIO()
    writer = csv_writer(out, delimiter=";", lineterminator="\r\n")
    width = max((len(r.cells) for r in rows), default=0)
    if header is not None:
        width = max(width, len(header))
        writer.writerow([*header, *[""] * (width - len(header)), _("Problem"),
                         _("Original row")])
    for row in rows:
        writer.writerow([*row.cells, *[""] * (width - len(row.cells)),
                         "; ".join(row.problems), str(row.row)])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
