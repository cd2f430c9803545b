"""Every row of a list of workers checked as the store would check it, nothing written
(`preview`): each row named as the spreadsheet numbers it (`row_label`), the worker it would
make, what is wrong with it (it is left out) and what the officer should look at (it goes in);
and the rows left out as a CSV file, to fix and import again (`rows_left_out_csv`).

Dates are read as the region writes them; one whose day and month could be swapped
(03/04/1998) is read day first and flagged on its row for the officer to confirm.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from store.common.errors import RecordInvalid
from store.common.i18n import _
from store.common.words import sex_words
from store.domain.csvcells import writer as csv_writer
from store.domain.records import Worker, build
from store.domain.text import LINE, RULES, fold, shorten
from store.domain.vocab import Sex
from store.exchange.worker_lists.headers import (
    ROW_NUMBER,
    field_of_header,
    header_key,
    is_notes_header,
)
from store.exchange.worker_lists.reading import ListRows

if TYPE_CHECKING:
    from store.db.people import PersonMatch
    from store.domain.matching import NameIndex


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
    match: PersonMatch | None = None  # a worker of another case the row likely is

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


def preview(worker_list: ListRows, mapping: Sequence[str | None], case_id: str,
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
                     if field_of_header(h) == ROW_NUMBER), None)
    # A column put in the notes keeps its header ("Alamat: ..."), unless it is a notes column.
    labelled = {c: f"{shorten(header[c].strip(), 60)}: "
                if c < len(header) and header[c].strip()
                and not is_notes_header(header[c])
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
                # "L", "perempuan", "ស្រី": the words files' [sexes] (store/common/words).
                sex = sex_words().get(header_key(value))
                if sex is None:
                    row.problems.append(_("sex “{text}” is not one Pulang knows (L/P, male/"
                                          "female)").format(text=shorten(value)))
                    continue
                data[name] = Sex(sex)
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
