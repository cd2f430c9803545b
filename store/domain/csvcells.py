"""The one rule for every CSV file Pulang writes, and its inverse for the lists it reads.

A spreadsheet opening a CSV file runs a cell that starts with `=`, `+`, `-` or `@` (a tab or a
carriage return first does not stop every spreadsheet) as a formula: `=HYPERLINK(...)`,
`-2+3+cmd|' /C calc'!A0`, `+1+HYPERLINK(...)`. A name or a note typed by anyone, or received
in a worker list, must never become one. So every cell Pulang writes goes through `safe_cell`:
a cell that starts with one of those characters (perhaps after apostrophes) is written with an
apostrophe first, which a spreadsheet takes as "this is text", unless the cell is wholly a
plain number (`-12`, `3.5`, `-0,75`). A phone number written `+62 812...` is therefore written
`'+62 812...`.

`unquote_cell` undoes it where Pulang reads a list back (`store.exchange.worker_import`): a
cell that is an apostrophe and then what `safe_cell` quotes loses that one apostrophe. A file of
rows left out of an import, fixed in a spreadsheet and imported again, keeps its phone numbers
as they were; `unquote_cell(safe_cell(text)) == text` for any text.

`writer` is `csv.writer` with the rule on every cell, the header included: the only way
Pulang writes CSV (a test holds every CSV writer to it).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

# What a spreadsheet may run as a formula when a cell starts with it.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A cell safe_cell quotes: apostrophes (perhaps none), then a trigger. Counting the
# apostrophes a cell already starts with is what makes unquote_cell its exact inverse.
_QUOTED = re.compile(r"'*[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


def safe_cell(text: str) -> str:
    """`text` as a CSV cell no spreadsheet runs as a formula."""
    if _QUOTED.match(text) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def unquote_cell(text: str) -> str:
    """A cell as Pulang read it back: without the apostrophe `safe_cell` put before it."""
    if text.startswith("'") and _QUOTED.match(text, 1):
        return text[1:]
    return text


class _Out(Protocol):
    def write(self, text: str, /) -> Any: ...


class SafeWriter:
    """A csv writer whose every cell goes through `safe_cell`."""

    def __init__(self, out: _Out, **fmtparams: Any) -> None:
        self._writer = csv.writer(out, **fmtparams)

    def writerow(self, cells: Iterable[str]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in cells])


def writer(out: _Out, **fmtparams: Any) -> SafeWriter:
    """`csv.writer(out, **fmtparams)`, every cell made safe."""
    return SafeWriter(out, **fmtparams)
