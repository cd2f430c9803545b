"""The union's list of reasons a case or a worker is closed for, read from a data file.

HTCDS has no closed vocabulary for why a case closes (it writes the reason's text to
`cas_ReasonForCaseClosure`), so each union keeps its own list: store/common/closing.toml,
shipped with Pulang, or the TOML file named by $PULANG_CLOSING. Each reason has a code (kept in
the records), an English label (translated through the catalogs when it is one of Pulang's
own; a union's own label shows as it is written) and whether it means the case goes on with
another organisation (`referred`: HTCDS cas_Status ClosedReferred, else Closed).

The same file sets the union's period of keeping (`[keeping] months_after_closing`): how many
months after closing a closed case is anonymised (`store.domain.rules.keeping`). Pulang's own
file says 24 and why; a union's file may set its own, and 0 or no [keeping] table there means
Pulang's.

Read here, because store.domain does no I/O; read once per file, on first use. A file with a
mistake is refused (InputFileUnreadable) naming the file and the key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from store.common.errors import InputFileUnreadable
from store.common.i18n import N_, _

VARIABLE = "PULANG_CLOSING"
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_KEYS = frozenset({"label", "referred"})
_KEEPING_KEYS = frozenset({"months_after_closing"})
MOST_MONTHS = 600  # fifty years: a number beyond it is a mistake

# The labels of the file shipped with Pulang, marked here for the catalogs (pybabel reads
# Python, not TOML); tests/domain/test_closing.py checks they are the file's.
DEFAULT_LABELS = (
    N_("Returned home and reintegrating"),
    N_("Referred to another organisation"),
    N_("The worker asked to stop"),
    N_("Lost contact"),
    N_("The worker died"),
    N_("Duplicate case"),
    N_("Not a trafficking or exploitation case"),
    N_("Other"),
)


@dataclass(frozen=True)
class Reason:
    """One reason of the list."""

    code: str
    label_en: str  # as the file writes it: what HTCDS receives
    referred: bool = False

    @property
    def label(self) -> str:
        """The label in the officer's language (as written when no catalog has it)."""
        return _(self.label_en)


@dataclass(frozen=True)
class ClosingFile:
    """What a closing file says: its reasons, and its months of keeping (0: not set)."""

    reasons: tuple[Reason, ...]
    months: int = 0


def reasons() -> tuple[Reason, ...]:
    """The list in use: $PULANG_CLOSING's file if set, else Pulang's own."""
    return _in_use().reasons


def months_after_closing() -> int:
    """The union's period of keeping, in months after closing: $PULANG_CLOSING's file's if it
    sets one (not 0), else Pulang's own (24: closing.toml says why)."""
    return _in_use().months or _shipped().months


def _in_use() -> ClosingFile:
    path = os.environ.get(VARIABLE, "").strip()
    return _read_path(path) if path else _shipped()


def reason(code: str | None) -> Reason | None:
    """The reason of the list with this code (None: not in the list, or no code)."""
    return next((r for r in reasons() if r.code == code), None)


def reason_label(code: str | None) -> str:
    """What a closing reason reads as: its label, else the code as kept (a reason the union
    has since taken off its list), else ""."""
    found = reason(code)
    return found.label if found is not None else (code or "")


@cache
def _shipped() -> ClosingFile:
    from importlib.resources import files

    text = (files(__package__) / "closing.toml").read_text(encoding="utf-8")
    return parse_file(text, "closing.toml")


@cache
def _read_path(path: str) -> ClosingFile:
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise InputFileUnreadable(_("{path}: the list of closing reasons ({variable}) cannot "
                                    "be read: {error}").format(
            path=path, variable=VARIABLE, error=error.__class__.__name__)) from None
    return parse_file(text, path)


def parse(text: str, name: str) -> tuple[Reason, ...]:
    """The reasons of a closing file's text; InputFileUnreadable naming `name` and the key
    of the first mistake."""
    return parse_file(text, name).reasons


def parse_file(text: str, name: str) -> ClosingFile:
    """The reasons and the months of keeping of a closing file's text; InputFileUnreadable
    naming `name` and the key of the first mistake."""
    import tomllib

    def refused(key: str, problem: str) -> InputFileUnreadable:
        return InputFileUnreadable(_("{path}: the list of closing reasons is refused at "
                                     "\u201c{key}\u201d: {problem}").format(
            path=name, key=key, problem=problem))

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise refused("?", str(error)) from None
    for key in data:
        if key not in ("reasons", "keeping"):
            raise refused(key, _("only [reasons.<code>] tables and [keeping] belong in this "
                                 "file"))
    table = data.get("reasons")
    if not isinstance(table, dict) or not table:
        raise refused("reasons", _("the file lists no reason"))
    found: list[Reason] = []
    for code, entry in table.items():
        where = f"reasons.{code}"
        if not _CODE.match(code):
            raise refused(where, _("a code is small letters, digits and \u201c_\u201d"))
        if not isinstance(entry, dict):
            raise refused(where, _("a reason is a table with a label"))
        for key in entry:
            if key not in _KEYS:
                raise refused(f"{where}.{key}", _("not a key of a reason (label, referred)"))
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip() or "\n" in label:
            raise refused(f"{where}.label", _("the label must be one line of text"))
        referred = entry.get("referred", False)
        if not isinstance(referred, bool):
            raise refused(f"{where}.referred", _("must be true or false"))
        found.append(Reason(code, label.strip(), referred))
    return ClosingFile(tuple(found), _months(data.get("keeping", {}), refused))


def _months(keeping: Any, refused: Callable[[str, str], InputFileUnreadable]) -> int:
    """The [keeping] table's months after closing (0: not set)."""
    if not isinstance(keeping, dict):
        raise refused("keeping", _("[keeping] is a table"))
    for key in keeping:
        if key not in _KEEPING_KEYS:
            raise refused(f"keeping.{key}", _("not a key of [keeping] (months_after_closing)"))
    months = keeping.get("months_after_closing", 0)
    if isinstance(months, bool) or not isinstance(months, int) or not 0 <= months <= MOST_MONTHS:
        raise refused("keeping.months_after_closing", _(
            "a whole number of months from 0 to {most} (0: Pulang's default)").format(
                most=MOST_MONTHS))
    return months
