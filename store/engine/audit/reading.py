"""Reading the audit trail back: its entries in the user's words (what a record of a table is
called, a `Gap` of changes saved without entries, each field's change), and `verify`, which
finds where the chain breaks (`store.engine.audit`)."""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store.common.i18n import _, format_date, ngettext, pgettext
from store.domain.classification import label_msgid
from store.engine.audit.lines import _lines, read_line
from store.engine.audit.vocab import (
    ACTION_LABELS,
    GAP,
    GENESIS,
    MODELS,
    R_CHAIN,
    R_CUT,
    R_SEQ,
    R_START,
    TABLE_LABELS,
)

if TYPE_CHECKING:
    from store.engine.crypto import Sealer


def table_label(table: str) -> str:
    """What a record of `table` is called ("worker"), in the user's language."""
    msgid = TABLE_LABELS.get(table)
    return _(msgid) if msgid else table


@dataclass(frozen=True)
class Gap:
    """Changes saved without their entries, as a `GAP` entry records them."""

    entry: int  # the number of the entry that records the gap
    line: int
    count: int  # how many changes have no entry
    records: tuple[tuple[str, str], ...]  # (table, id) of the records they changed

    @classmethod
    def of(cls, entry: Mapping[str, Any], line: int) -> Gap | None:
        if entry.get("action") != GAP:
            return None
        fields = entry.get("fields") or {}
        count = fields.get("count") if isinstance(fields, dict) else None
        tables = fields.get("records") if isinstance(fields, dict) else None
        records = tuple((str(table), str(record_id))
                        for table, ids in (tables.items() if isinstance(tables, dict) else ())
                        for record_id in (ids if isinstance(ids, list) else ()))
        return cls(int(entry.get("seq") or 0), line,
                   count if isinstance(count, int) else len(records), records)

    def records_text(self, most: int = 10) -> str:
        """The records, as their kind and id: "worker 3f2a…, case 9b1c…"."""
        shown = [f"{table_label(table)} {record_id}" for table, record_id in self.records[:most]]
        if len(self.records) > most:
            shown.append(_("and {count} more").format(count=len(self.records) - most))
        return ", ".join(shown)

    def describe(self) -> str:
        return ngettext("entry {entry}: {count} change was saved without its audit entry "
                        "(the trail could not be written): {records}",
                        "entry {entry}: {count} changes were saved without their audit "
                        "entries (the trail could not be written): {records}", self.count).format(
            entry=self.entry, count=self.count, records=self.records_text())


# -- reading the trail ---------------------------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    """One entry of the trail as read back (values of private fields were never in it)."""

    seq: int
    at: dt.datetime
    who: str
    source: str | None  # "from": the SSH client's address
    action: str
    table: str | None
    record: str | None
    case: str | None
    ref: str | None
    fields: dict[str, Any]
    old_version: int | None
    new_version: int | None
    note: str | None
    line: int

    @classmethod
    def from_json(cls, entry: dict[str, Any], line: int) -> AuditEntry:
        try:
            at = dt.datetime.fromisoformat(entry["at"])
        except (TypeError, ValueError):
            at = dt.datetime.fromtimestamp(0, dt.UTC)
        return cls(entry["seq"], at, str(entry["who"]), entry["from"], entry["action"],
                   entry["table"], entry["record"], entry["case"], entry["ref"],
                   entry["fields"], entry["old_version"], entry["new_version"], entry["note"],
                   line)

    @property
    def who_from(self) -> str:
        return f"{self.who}@{self.source}" if self.source else self.who

    @property
    def action_label(self) -> str:
        msgid = ACTION_LABELS.get(self.action)
        if isinstance(msgid, tuple):
            return pgettext(*msgid)
        return _(msgid) if msgid else self.action

    @property
    def table_label(self) -> str:
        msgid = TABLE_LABELS.get(self.table or "")
        return _(msgid) if msgid else (self.table or "")

    def field_label(self, name: str) -> str:
        model = MODELS.get(self.table or "")
        if model is None or name not in model.model_fields:
            return name
        return _(label_msgid(model, name))

    def changes(self, names: Mapping[str, str] | None = None) -> list[str]:
        """Each field's change in words: `Stage: "reported" → "verifying"`, `Phone: changed`.

        Record ids among the values are shown by `names` (what a screen calls those records
        now), else by the start of the id.
        """
        gap = Gap.of({"action": self.action, "seq": self.seq, "fields": self.fields},
                     self.line)
        if gap is not None:
            return [ngettext("{count} change", "{count} changes", gap.count).format(
                count=gap.count), gap.records_text(most=len(gap.records))]
        names = names or {}
        model = MODELS.get(self.table or "")
        order = {name: n for n, name in enumerate(model.model_fields)} if model else {}
        parts = []
        for name in sorted(self.fields, key=lambda n: (order.get(n, len(order)), n)):
            change = self.fields[name]
            if isinstance(change, dict) and name == "closings":
                parts.append(f"{self.field_label(name)}: {_last_closing(change.get('new'))}")
            elif isinstance(change, dict):
                old, new = change.get("old"), change.get("new")
                kind = _vocabulary(model, name)
                shown = (_shown(new, names, kind) if old is None
                         else f"{_shown(old, names, kind)} → {_shown(new, names, kind)}")
                parts.append(f"{self.field_label(name)}: {shown}")
            else:
                parts.append(self.field_label(name) + ": " + _("changed"))
        return parts


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 32 and all(
        c in "0123456789abcdef" for c in value)


def _vocabulary(model: Any, name: str) -> type[enum.StrEnum] | None:
    """The vocabulary a field's values come from (its codes are shown by their labels), or
    None."""
    if model is None or name not in model.model_fields:
        return None
    annotation = model.model_fields[name].annotation
    for kind in (annotation, *typing.get_args(annotation)):
        if isinstance(kind, type) and issubclass(kind, enum.StrEnum):
            return kind
    return None


def _last_closing(lines: Any) -> str:
    """The newest closing or reopening of a `closings` list, in words (its codes are the
    stored line's: "2026-11-25 closed not_trafficking verifying")."""
    from store.domain.rules.closing import CLOSED, history, reason_text

    events = history({"closings": lines if isinstance(lines, list) else []})
    if not events:
        return "–"
    last = events[-1]
    if last.what == CLOSED:
        return _("closed {date}: {reason}").format(date=format_date(last.on),
                                                   reason=reason_text(last.reason))
    return _("reopened {date}").format(date=format_date(last.on))


def _shown(value: Any, names: Mapping[str, str],
           kind: type[enum.StrEnum] | None = None) -> str:
    if value is None:
        return "–"
    if kind is not None and isinstance(value, str) and value in kind._value2member_map_:
        from store.domain.vocab import label

        return label(kind(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if _is_id(value):
        return names.get(value) or value[:8]
    if isinstance(value, list) and value and all(_is_id(v) for v in value):
        return "[" + ", ".join(names.get(v) or v[:8] for v in value) + "]"
    return orjson.dumps(value).decode("utf-8")


@dataclass
class Trail:
    """The entries that could be read, and the line numbers of those that could not."""

    entries: list[AuditEntry] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)


def read_entries(path: Path, sealer: Sealer | None, about: str | None = None) -> Trail:
    """Every readable entry, oldest first (with `about`, only those naming that record or
    case id). A last line cut short is left out; other unreadable lines are listed."""
    trail = Trail()
    needle = about.encode("utf-8") if about else None
    for number, raw in _lines(path):
        if not raw.endswith(b"\n"):
            break  # cut short by a crash
        line = raw[:-1]
        if needle is not None and line.startswith(b"{") and needle not in line:
            continue  # plain, and not about this record: no need to parse it
        entry, _problem = read_line(line, sealer)
        if entry is None:
            trail.unreadable.append(number)
            continue
        gap = Gap.of(entry, number) if about is not None else None
        if about is None or about in (entry["record"], entry["case"]) or (
                gap is not None and any(about == record for _table, record in gap.records)):
            trail.entries.append(AuditEntry.from_json(entry, number))
    return trail


# -- verifying -----------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyResult:
    path: Path
    entries: int  # sound entries before the first break (all of them when intact)
    broken_line: int | None = None  # the line of the first broken entry
    broken_entry: int | None = None  # its number: the seq it should carry
    reason: str | None = None  # why, untranslated (see `reason_text`)
    torn: bool = False  # the last line was cut short by a crash: reported, not a break
    missing: bool = False  # there is no trail (nothing was recorded yet)
    gaps: tuple[Gap, ...] = ()  # changes saved without entries, as the trail records them

    @property
    def ok(self) -> bool:
        """The chain is intact (see `complete` for whether every change is in it)."""
        return self.broken_line is None

    @property
    def complete(self) -> bool:
        """The chain is intact and records no change saved without its entry."""
        return self.ok and not self.gaps

    @property
    def reason_text(self) -> str:
        return _(self.reason) if self.reason else ""

    def describe(self) -> str:
        """One line saying whether the trail is intact, or where it breaks and why; then one
        line for each gap it records."""
        if self.missing:
            return _("No audit trail yet beside the database ({path}).").format(path=self.path)
        if self.ok:
            text = _("audit trail intact: {count} entries").format(count=self.entries)
            if self.torn:
                text += " " + _("(the last entry was cut short by a crash and is not "
                                "counted; the next save drops it and records that)")
        else:
            text = _("audit trail broken at entry {entry} (line {line} of {path}): "
                     "{reason}").format(entry=self.broken_entry, line=self.broken_line,
                                        path=self.path, reason=self.reason_text)
        return "\n".join([text, *(gap.describe() for gap in self.gaps)])


def verify(path: Path, sealer: Sealer | None) -> VerifyResult:
    """Check every entry of the trail at `path` (an `.audit` file): each must be readable,
    match its hash, and follow the one before; the first that does not is named."""
    if not path.exists():
        return VerifyResult(path, 0, missing=True)
    seq, prev, count = 0, GENESIS, 0
    gaps: list[Gap] = []

    def broken(line: int, reason: str) -> VerifyResult:
        return VerifyResult(path, count, broken_line=line, broken_entry=seq + 1, reason=reason,
                            gaps=tuple(gaps))

    for number, raw in _lines(path):
        if not raw.endswith(b"\n"):
            return VerifyResult(path, count, torn=True, gaps=tuple(gaps))
        entry, problem = read_line(raw[:-1], sealer)
        if entry is None:
            return broken(number, problem or R_CUT)
        if number == 1 and (entry["seq"] != 1 or entry["prev"] != GENESIS):
            return broken(number, R_START)
        if entry["seq"] != seq + 1:
            return broken(number, R_SEQ)
        if entry["prev"] != prev:
            return broken(number, R_CHAIN)
        seq, prev = entry["seq"], entry["hash"]
        count += 1
        gap = Gap.of(entry, number)
        if gap is not None:
            gaps.append(gap)
    return VerifyResult(path, count, gaps=tuple(gaps))
