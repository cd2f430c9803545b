"""Which column of a list of workers fills which worker field: guessed from the header
(`guess_mapping`), with the officer's choices made over the guess (`apply_choices`, from
`--map COLUMN=FIELD` or the app's lists), a column named as the officer names it (its header,
its number, its letter), and the columns that hold data and fill no field (`left_out_columns`:
their values would be lost).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from store.common.errors import UsageError
from store.common.i18n import _, ngettext
from store.domain.records import Worker
from store.domain.text import fold, shorten
from store.exchange.worker_lists.headers import (
    FIELDS,
    OWN_COLUMN,
    ROW_NUMBER,
    field_of_header,
    header_key,
    is_field,
)
from store.exchange.worker_lists.reading import ListRows


def guess_mapping(worker_list: ListRows) -> list[str | None]:
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
        found = field_of_header(_header_of(worker_list, column))
        if not is_field(found) or (found in mapping and found != "notes"):
            found = None
        mapping.append(found)
    return mapping


def _header_of(worker_list: ListRows, column: int) -> str:
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


def column_of(worker_list: ListRows, text: str) -> int | None:
    """The column (from 0) that `text` names: its header ("Asal (Kab/Kota)", in any case),
    else its number from 1 as Pulang lists the columns, else its letter as the spreadsheet
    shows it ("E"); None when no column of the list is that."""
    width = max(max((len(r) for r in worker_list.rows), default=0),
                len(worker_list.header or []))
    for same in (fold, header_key):  # as written, then without its punctuation
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


def column_name(worker_list: ListRows, column: int) -> str:
    """"column 5 “Asal (Kab/Kota)”", as Pulang numbers the columns (from 1)."""
    header = _header_of(worker_list, column).strip()
    if header:
        return _("column {number} “{header}”").format(number=column + 1,
                                                      header=shorten(header))
    return _("column {number}").format(number=column + 1)


def column_said(worker_list: ListRows, column: int, name: str | None) -> str:
    """A column and what it fills, as `pulang import-workers` lists them: "2 “Nama”: Full
    name", "1 “No”: (row numbers)", "3 “Agama”: (left out)"."""
    header = _header_of(worker_list, column).strip()
    if name is not None:
        filled = Worker.field_label(name)
    elif header and field_of_header(header) == ROW_NUMBER:
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


def apply_choices(worker_list: ListRows, mapping: Sequence[str | None],
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
        return ngettext("{column}, {count} value", "{column}, {count} values",
                        self.values).format(column=self.name, count=self.values)


def left_out_columns(worker_list: ListRows, mapping: Sequence[str | None],
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
        if header and field_of_header(header) in (ROW_NUMBER, OWN_COLUMN):
            continue
        values = sum(1 for row in worker_list.rows if column < len(row) and row[column])
        if values:
            lost.append(LeftOut(column, header, values, column_name(worker_list, column)))
    return lost
