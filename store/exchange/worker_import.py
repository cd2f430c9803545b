"""Reading a list of workers as officers receive it: a spreadsheet saved as CSV, an Excel
workbook (.xlsx, its first sheet, by openpyxl), or lines pasted from a chat message, into a
case. An old .xls or an OpenDocument sheet is refused with how to save it instead.

Nothing here writes: `read_list` turns the bytes into rows, `guess_mapping` says which column
holds what (from an English or Indonesian header as offices write them: "Asal (Kab/Kota)",
"No. Paspor/SPLP", "Tgl. Lahir", "L/P"), `apply_choices` puts the officer's choices over the
guess, `left_out_columns` names every column that holds data and fills no field (its values
would be lost), `preview` checks every row as the store would and lists each row's problems
in the user's words (`check_rows`: against the case's workers in the database), and
`Database.import_workers` (the only writer) saves the rows the officer confirmed
(`workers_to_add`), in one atomic change. `pulang import-workers` and the app's screen both
go through these steps, in this order.

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

The steps are modules of `store.exchange.worker_lists` (files, reading, headers, mapping,
checking); every name stays importable from here, where the steps are put together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from store.common.i18n import _
from store.domain.csvcells import unquote_cell
from store.domain.matching import NameIndex, person_of
from store.domain.records import Worker
from store.domain.text import shorten
from store.exchange.worker_lists.checking import ImportRow, preview, row_label, rows_left_out_csv
from store.exchange.worker_lists.files import (
    MAX_BYTES,
    MAX_ROWS,
    pasted_path,
    read_file,
    read_input,
    too_many_rows,
)
from store.exchange.worker_lists.headers import FIELDS, OWN_COLUMN, ROW_NUMBER
from store.exchange.worker_lists.mapping import (
    SKIP,
    LeftOut,
    apply_choices,
    column_letter,
    column_name,
    column_of,
    column_said,
    guess_mapping,
    left_out_columns,
    map_choice,
)
from store.exchange.worker_lists.reading import (
    ENCODING_NAMES,
    ListRows,
    chat_line,
    decode,
    header_row,
    parse_date_safely,
    read_rows,
)

if TYPE_CHECKING:
    from store.db.database import Database

__all__ = [
    "ENCODING_NAMES", "FIELDS", "MAX_BYTES", "MAX_ROWS", "OWN_COLUMN", "ROW_NUMBER", "SKIP",
    "ImportRow", "LeftOut", "WorkerList", "apply_choices", "chat_line", "column_letter",
    "column_name", "column_of", "column_said", "decode", "guess_mapping", "left_out_columns",
    "map_choice", "parse_date_safely", "pasted_path", "preview", "read_file", "read_input",
    "read_list", "row_label", "rows_left_out_csv",
    # the flow's steps that read the database or say a result:
    "above_header_said", "check_rows", "workers_to_add",
]


class WorkerList(ListRows):
    """A list as read: its rows of cells, the header if the first row is one, and how
    (`ListRows`); and how it was read, in the user's words. (The one name of ENCODING_NAMES
    is translated here, where tests/domain/test_i18n.py expects that call.)"""

    @property
    def encoding_label(self) -> str:
        return _(ENCODING_NAMES[self.encoding])


def read_list(data: bytes) -> WorkerList:
    """Rows from a CSV file's bytes, an Excel workbook's first sheet, or lines pasted from a
    chat (one worker a line, or a table with separators). Quoted fields may hold line breaks;
    trailing empty columns and empty lines are dropped. InputFileUnreadable (exit 2) for what
    is not a list Pulang reads: a spreadsheet in another format (saying how to save it
    instead), binary data, more than MAX_BYTES or MAX_ROWS."""
    return _with_header(*read_rows(data))


def _with_header(rows: list[list[str]], numbers: list[int], encoding: str,
                 delimiter: str) -> WorkerList:
    rows = [[unquote_cell(cell) for cell in row] for row in rows]
    header, above = None, []
    index = header_row(rows, table=bool(delimiter))
    if index is not None:
        header = rows[index]
        above = numbers[:index]
        del rows[:index + 1], numbers[:index + 1]
    if len(rows) > MAX_ROWS:
        raise too_many_rows()
    return WorkerList(rows, header, encoding, delimiter, numbers, above)


def above_header_said(worker_list: WorkerList) -> str:
    """The rows above the header that are not read (a title such as "DAFTAR PMI"), said as
    the command line and the app say them; "" when there are none."""
    if not worker_list.above_header:
        return ""
    return _("Not read, above the header: {rows}.").format(rows=", ".join(
        row_label(n) for n in worker_list.above_header))


def check_rows(db: Database, worker_list: WorkerList, mapping: Sequence[str | None],
               case_id: str) -> list[ImportRow]:
    """Every row checked (`preview`) against the workers `db` holds for the case: a name
    already there, or close to one, is flagged; and against every other case
    (`Database.match_people`: every spelling and script, birth date, phone, passport): a row
    likely to be a worker of another case is flagged with that worker and why (`match`).
    Nothing is written."""
    existing = [(w.id, w.all_names) for w in db.workers_of(case_id)]
    rows = preview(worker_list, mapping, case_id, existing, NameIndex(existing))
    checked = [row for row in rows if row.worker is not None]
    found = db.match_people([person_of(row.worker) for row in checked if row.worker], limit=1,
                            exclude={worker_id for worker_id, _names in existing})
    for row, matches in zip(checked, found, strict=True):
        likely = [match for match in matches if match.likely]
        if likely:
            row.match = likely[0]
            row.warnings.append(_("likely {name}, worker {number} of case {ref} ({why}): the "
                                  "same person?").format(
                name=shorten(likely[0].name), number=likely[0].number or "?",
                ref=likely[0].ref, why=", ".join(likely[0].why)))
    return rows


def workers_to_add(rows: Sequence[ImportRow]) -> list[Worker]:
    """The workers of the rows without problems: what `Database.import_workers` is given,
    once the officer has confirmed; every other row is left out."""
    return [r.worker for r in rows if r.ok and r.worker is not None]
