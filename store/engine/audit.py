"""The audit trail: who changed which record, when, and which fields; hash-chained, append-only.

    <db>.audit   one line per entry, beside the database (same mode, at most 0660, and group)

An entry is canonical JSON (keys sorted, no spaces):

    seq          1, 2, 3, ... in file order
    at           when, ISO 8601 in UTC
    who, from    the OS user ("officer name (OS user)" when the officer said their name:
                 `store.engine.officer`), and the SSH client's address when there is one (else null)
    action       create, update, delete, erase, merge, export, encrypt, decrypt, passwd, ...
    table, record, case, ref
                 which record (its table and id), its case's id and reference
    fields       {name: {"old": v, "new": v}} for a public field, {name: "changed"} for a
                 personal or sensitive one (`store.domain.classification.is_private`): their values
                 never reach the trail. Only fields that changed; the bookkeeping fields (id,
                 version, created_at, updated_at, changed_by) are left out.
    old_version, new_version
                 the record's version before and after (null before a create, after a delete)
    note         a short public note of the action (never a personal value)
    prev, hash   the hash of the entry before ("" for the first) and this entry's own: blake2b
                 over prev and the canonical JSON of the entry without "hash"

In an encrypted database each line is sealed on its own (`Sealer.seal_line(json, b"audit")`),
so that a damaged line is found and named without the others; the chain is computed over the
plain entries. Entries are appended under the database's lock, fsynced, after the change they
record reached the journal.

A save whose entries could not be written (a full disk) is not undone: the database keeps
the changes it made in memory, and the next entry it can write (or its close) is preceded by
one `unaudited` entry whose `fields` are {"count": N, "records": {table: [id, ...]}}, how
many changes went unrecorded and which records (ids only), so that `verify` reports the gap.
If that too cannot be written before the process ends, nothing else holds it: the close says
so (see `store.db.database.Database.close`).

A last line without its newline was cut short by a crash while it was written: `verify` reports
it but does not count it as a break (the change it recorded is in the database; only its entry
is incomplete), and the next append drops it and records that it did, in the chain. Any other
line that cannot be read, was changed, or does not follow the one before, breaks the trail, and
`verify` names the first such entry. What a hash chain cannot tell: entries cut off at the end,
or a plain trail rewritten whole by someone who recomputes every hash.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store.common.i18n import N_, _, plural
from store.domain.classification import is_private, label_msgid
from store.domain.records import (
    Agreement,
    Case,
    Consent,
    LogEntry,
    Meeting,
    Organisation,
    Person,
    Plan,
    Record,
    Screening,
    Task,
    Worker,
)
from store.engine.files import audit_path
from store.engine.officer import author
from store.engine.storage import write_atomically

if TYPE_CHECKING:
    from store.engine.crypto import Sealer

PURPOSE = b"audit"  # the associated data of a sealed line: an audit line opens only as one
GENESIS = ""  # the `prev` of the first entry
CHANGED = "changed"  # what a private field's change is recorded as
_TAIL = 64 * 1024  # how much of the end of the trail an append reads, at first

# Record changes, and actions that are not a record's change (the lead's features call
# `Database.audit_event` or `Database.audit_as` with these).
CREATE, UPDATE, DELETE = "create", "update", "delete"
ERASE, MERGE, EXPORT, SHARE, RESTORE = "erase", "merge", "export", "share", "restore"
ENCRYPT, DECRYPT, PASSWD = "encrypt", "decrypt", "passwd"
TORN_DROPPED = "torn-entry-dropped"  # written by the trail itself, see the module's doc
GAP = "unaudited"  # changes saved while the trail could not be written, see the module's doc

ACTION_LABELS: dict[str, str] = {
    CREATE: N_("created"),
    UPDATE: N_("changed"),
    DELETE: N_("removed"),
    ERASE: N_("erased"),
    MERGE: N_("merged"),
    EXPORT: N_("exported"),
    SHARE: N_("shared"),
    RESTORE: N_("restored"),
    ENCRYPT: N_("encrypted"),
    DECRYPT: N_("decrypted"),
    PASSWD: N_("passphrase changed"),
    TORN_DROPPED: N_("an entry cut short by a crash was dropped"),
    GAP: N_("saved without an audit entry"),
}

TABLE_LABELS: dict[str, str] = {
    "cases": N_("case"),
    "workers": N_("worker"),
    "log": N_("log entry"),
    "screenings": N_("screening"),
    "consents": N_("consent"),
    "plans": N_("road home"),
    "organisations": N_("organisation"),
    "people": N_("person"),
    "meetings": N_("meeting"),
    "agreements": N_("agreement"),
    "tasks": N_("task"),
}

def table_label(table: str) -> str:
    """What a record of `table` is called ("worker"), in the user's language."""
    msgid = TABLE_LABELS.get(table)
    return _(msgid) if msgid else table


MODELS: dict[str, type[Record]] = {"cases": Case, "workers": Worker, "log": LogEntry,
                                   "screenings": Screening, "consents": Consent, "plans": Plan,
                                   "organisations": Organisation, "people": Person,
                                   "meetings": Meeting, "agreements": Agreement, "tasks": Task}

# Kept out of `fields`: they change on every save, or only ever when the record is made.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "changed_by"})

_KEYS = ("seq", "at", "who", "from", "action", "table", "record", "case", "ref", "fields",
         "old_version", "new_version", "note", "prev", "hash")

# Why an entry breaks the trail (translated when shown).
R_CUT = N_("it cannot be read: its bytes were changed or cut")
R_SEALED = N_("it is encrypted, and no passphrase was given to open it")
R_UNSEALED_FAILED = N_("it cannot be decrypted: its bytes were changed, or it was sealed with "
                       "another key")
R_NOT_SEALED = N_("it is not encrypted, though the database is: it was added by hand")
R_CHANGED = N_("its content does not match its hash: it was changed")
R_SEQ = N_("its number does not follow the entry before: an entry was removed or inserted")
R_CHAIN = N_("it does not follow the entry before: an entry was removed, inserted or moved")
R_START = N_("it is not the first entry, though it comes first: entries before it were removed")


# -- entries -------------------------------------------------------------------------------


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def entry_hash(entry: Mapping[str, Any]) -> str:
    """The hash an entry carries: over its `prev` and its canonical JSON without `hash`."""
    body = {k: v for k, v in entry.items() if k != "hash"}
    digest = hashlib.blake2b(digest_size=32)
    digest.update(str(entry.get("prev", "")).encode("utf-8") + b"\n")
    digest.update(_canonical(body))
    return digest.hexdigest()


def ssh_client() -> str | None:
    """The address the user came in from over SSH, if they did."""
    for variable in ("SSH_CLIENT", "SSH_CONNECTION"):
        words = os.environ.get(variable, "").split()
        if words:
            return words[0]
    return None


def _who() -> str:
    return author()


def _base(action: str, note: str | None) -> dict[str, Any]:
    return {
        "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
        "who": _who(),
        "from": ssh_client(),
        "action": action,
        "table": None,
        "record": None,
        "case": None,
        "ref": None,
        "fields": {},
        "old_version": None,
        "new_version": None,
        "note": note,
    }


def _private(model: type[Record], name: str) -> bool:
    try:
        return is_private(model, name)
    except (LookupError, KeyError):
        return True  # a field this version does not know: assume the worst


_EMPTY: tuple[Any, ...] = (None, "", [], {})


def field_changes(model: type[Record], before: Mapping[str, Any] | None,
                  after: Mapping[str, Any] | None) -> dict[str, Any]:
    """The fields that differ between two versions of a record, as the trail records them:
    old and new values of public fields, only "changed" for personal and sensitive ones."""
    before, after = before or {}, after or {}
    known = list(model.model_fields)
    names = known + sorted(k for k in {*before, *after} if k not in model.model_fields)
    changes: dict[str, Any] = {}
    for name in names:
        if name in BOOKKEEPING:
            continue
        old, new = before.get(name), after.get(name)
        if old == new or (old in _EMPTY and new in _EMPTY):
            continue
        if name == "case_id" and (not before or not after):
            continue  # the entry names the case already; only a move to another is news
        if _private(model, name):
            changes[name] = CHANGED
        elif _keyed(old) or _keyed(new):
            changes[name] = _keyed_changes(old or [], new or [])
        else:
            changes[name] = {"old": old, "new": new}
    return changes


def _keyed(value: Any) -> bool:
    """A list of parts each named by its "key" (a plan's steps) or "number" (an agreement's
    draft versions)."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, dict) and ("key" in v or "number" in v) for v in value)


def _part_key(part: dict[str, Any]) -> str:
    return str(part["key"] if "key" in part else part["number"])


def _keyed_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> dict[str, Any]:
    """Only the parts that changed, by key, without their empty values: one step marked done
    reads as that step, not as the plan's thirteen."""
    before = {_part_key(part): part for part in old}
    after = {_part_key(part): part for part in new}
    keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]

    def compact(part: dict[str, Any] | None) -> dict[str, Any] | None:
        if part is None:
            return None
        return {k: v for k, v in part.items() if k not in ("key", "number") and v not in _EMPTY}

    return {"old": {k: compact(before.get(k)) for k in keys} if before else None,
            "new": {k: compact(after.get(k)) for k in keys}}


def entries_for_changes(
    changes: Iterable[tuple[Any, dict[str, Any] | None]],
    ref_of: Mapping[str, str],
    action: str | None = None,
    note: str | None = None,
) -> list[dict[str, Any]]:
    """One entry per record changed in a commit (`store.engine.tables.Change`, the record before).

    `action` names what the user did when it was more than a save (erase, merge...); without
    it each entry says create, update or delete. Tables other than records are left out.
    """
    entries = []
    for change, before in changes:
        model = MODELS.get(change.table)
        after = change.data
        if model is None or (before is None and after is None):
            continue
        kind = CREATE if before is None else DELETE if after is None else UPDATE
        either = after if after is not None else before
        assert either is not None
        if change.table == "cases":
            case_id, ref = change.id, either.get("ref")
        else:
            case_id = either.get("case_id")
            ref = ref_of.get(case_id) if isinstance(case_id, str) else None
        entry = _base(action or kind, note)
        entry.update(
            table=change.table,
            record=change.id,
            case=case_id,
            ref=ref,
            fields=field_changes(model, before, after),
            old_version=None if before is None else before.get("version"),
            new_version=None if after is None else after.get("version"),
        )
        entries.append(entry)
    return entries


def event_entry(action: str, *, table: str | None = None, record: str | None = None,
                case: str | None = None, ref: str | None = None,
                note: str | None = None) -> dict[str, Any]:
    """An entry for an action that is not a record's change (export, decrypt, restore...)."""
    entry = _base(action, note)
    entry.update(table=table, record=record, case=case, ref=ref)
    return entry


def gap_entry(changes: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The entry recording changes (table, record id) that were saved while the trail could
    not be written: how many, and which records, never a value."""
    changes = list(changes)
    records: dict[str, list[str]] = {}
    for table, record_id in changes:
        ids = records.setdefault(table, [])
        if record_id not in ids:
            ids.append(record_id)
    entry = _base(GAP, None)
    entry["fields"] = {"count": len(changes), "records": records}
    return entry


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
        return plural(self.count,
                      N_("entry {entry}: {count} change was saved without its audit entry "
                         "(the trail could not be written): {records}"),
                      N_("entry {entry}: {count} changes were saved without their audit "
                         "entries (the trail could not be written): {records}")).format(
            entry=self.entry, count=self.count, records=self.records_text())


# -- reading one line ----------------------------------------------------------------------


def _valid_shape(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and all(key in entry for key in _KEYS)
        and isinstance(entry["seq"], int)
        and isinstance(entry["prev"], str)
        and isinstance(entry["hash"], str)
        and isinstance(entry["at"], str)
        and isinstance(entry["action"], str)
        and isinstance(entry["fields"], dict)
    )


def read_line(raw: bytes, sealer: Sealer | None) -> tuple[dict[str, Any] | None, str | None]:
    """(the entry, None) for a sound line (without its newline), or (None, why it is not)."""
    if sealer is None:
        if not raw.startswith(b"{"):
            return None, R_SEALED if _looks_sealed(raw) else R_CUT
        plain = raw
    else:
        if raw.startswith(b"{"):
            return None, R_NOT_SEALED
        opened = sealer.open_line(raw, PURPOSE)
        # base64 tolerates changes to the unused bits of its last character: refuse them too.
        if opened is None or base64.b64encode(base64.b64decode(raw)) != raw:
            return None, R_UNSEALED_FAILED
        plain = opened
    try:
        entry = orjson.loads(plain)
    except orjson.JSONDecodeError:
        return None, R_CUT
    if not _valid_shape(entry):
        return None, R_CUT
    # Every byte counts: the line must be exactly what Pulang writes for this entry.
    if _canonical(entry) != plain or entry_hash(entry) != entry["hash"]:
        return None, R_CHANGED
    return entry, None


def _looks_sealed(raw: bytes) -> bool:
    try:
        base64.b64decode(raw, validate=True)
    except (ValueError, binascii.Error):
        return False
    return len(raw) > 16


def _render(entry: dict[str, Any], sealer: Sealer | None) -> bytes:
    plain = _canonical(entry)
    return (plain if sealer is None else sealer.seal_line(plain, PURPOSE)) + b"\n"


# -- appending -----------------------------------------------------------------------------


@dataclass
class _Tail:
    seq: int  # of the last complete line
    hash: str  # of the last complete entry ("" when it could not be read)
    end: int  # byte offset after the last complete line
    torn: bool  # bytes after it, without a newline: a crash cut the last line short
    damaged: bool  # the last complete line cannot be read or was changed


def _read_tail(fd: int, sealer: Sealer | None) -> _Tail:
    size = os.fstat(fd).st_size
    window = _TAIL
    while True:
        start = max(0, size - window)
        data = os.pread(fd, size - start, start)
        newline = data.rfind(b"\n")
        if newline == -1 and start > 0:
            window *= 2
            continue
        end = start + newline + 1
        torn = end < size
        if end == 0:
            return _Tail(0, GENESIS, 0, torn, False)
        before = data.rfind(b"\n", 0, newline)
        if before == -1 and start > 0:
            window *= 2
            continue
        entry, _problem = read_line(data[before + 1:newline], sealer)
        if entry is not None:
            return _Tail(entry["seq"], entry["hash"], end, torn, False)
        # The last line cannot be read: the trail is already broken there, and verify will
        # say so. Number the new entries after the lines there are.
        lines = os.pread(fd, end, 0).count(b"\n")
        return _Tail(lines, "", end, torn, True)


def _open_for_append(path: Path, db_path: Path) -> int:
    """The trail open for reading and appending; made with the database's mode and group."""
    flags = os.O_RDWR | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC
    with contextlib.suppress(FileNotFoundError):
        return os.open(path, flags)
    st = os.stat(db_path)
    fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        mode = (stat.S_IMODE(st.st_mode) & 0o660) | 0o600
        if st.st_gid != os.fstat(fd).st_gid:
            try:
                os.fchown(fd, -1, st.st_gid)
            except PermissionError:
                mode &= 0o600  # not the database's group: share it with no group at all
        os.fchmod(fd, mode)  # after the owner change, and whatever the umask said
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except BaseException:
        os.close(fd)
        raise
    return fd


def append(db_path: Path, entries: list[dict[str, Any]], sealer: Sealer | None) -> list[str]:
    """Chain `entries` after the trail's last one and append them durably, in one write.

    The caller holds the database's lock. Returns warnings for the user (a damaged trail);
    raises OSError when the trail cannot be written (nothing of this append is left in it).
    """
    if not entries:
        return []
    path = audit_path(db_path)
    warnings: list[str] = []
    fd = _open_for_append(path, db_path)
    try:
        tail = _read_tail(fd, sealer)
        if tail.damaged:
            warnings.append(
                _("The audit trail {path} is damaged; run `pulang audit --verify` to find "
                  "where.").format(path=path)
            )
        todo = list(entries)
        if tail.torn:
            os.ftruncate(fd, tail.end)
            todo.insert(0, event_entry(TORN_DROPPED, note=None))
        seq, prev = tail.seq, tail.hash
        lines = []
        for entry in todo:
            seq += 1
            chained = {**entry, "seq": seq, "prev": prev}
            chained["hash"] = prev = entry_hash(chained)
            lines.append(_render(chained, sealer))
        payload = b"".join(lines)
        try:
            written = 0
            while written < len(payload):
                written += os.write(fd, payload[written:])
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, tail.end)  # leave no half entry behind
            raise
    finally:
        os.close(fd)
    return warnings


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
            at = dt.datetime.fromtimestamp(0, dt.timezone.utc)
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
            return [plural(gap.count, N_("{count} change"), N_("{count} changes")).format(
                count=gap.count), gap.records_text(most=len(gap.records))]
        names = names or {}
        model = MODELS.get(self.table or "")
        order = {name: n for n, name in enumerate(model.model_fields)} if model else {}
        parts = []
        for name in sorted(self.fields, key=lambda n: (order.get(n, len(order)), n)):
            change = self.fields[name]
            if isinstance(change, dict):
                old, new = change.get("old"), change.get("new")
                shown = (_shown(new, names) if old is None
                         else f"{_shown(old, names)} → {_shown(new, names)}")
                parts.append(f"{self.field_label(name)}: {shown}")
            else:
                parts.append(f"{self.field_label(name)}: {_('changed')}")
        return parts


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 32 and all(
        c in "0123456789abcdef" for c in value)


def _shown(value: Any, names: Mapping[str, str]) -> str:
    if value is None:
        return "–"
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


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, line with its newline) of the trail; nothing when there is none."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the last line
    except FileNotFoundError:
        return
    with handle:
        yield from enumerate(handle, start=1)


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


def reseal(db_path: Path, old: Sealer | None, new: Sealer | None) -> bool:
    """Rewrite the trail sealed with `new` (None: plain), for encrypt, decrypt and passwd.

    The caller holds the database's lock. The chain is over the plain entries, so it stays
    intact. A line `new` opens already is kept, a line `old` opens is sealed again, and any
    other line is kept as it is (it stays the broken entry `verify` names): run again after
    an interruption, it finishes the job, and a trail already sealed with `new` is left
    untouched. The file is replaced atomically, keeping its mode and group. Returns whether
    it was rewritten.
    """
    path = audit_path(db_path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    out, changed = [], False
    for _number, raw in _lines(path):
        if not raw.endswith(b"\n"):
            break  # a torn tail is not carried over
        if read_line(raw[:-1], new)[0] is not None:
            out.append(raw)
            continue
        entry, _problem = read_line(raw[:-1], old)
        out.append(raw if entry is None else _render(entry, new))
        changed = changed or entry is not None
    if changed:
        write_atomically(path, b"".join(out), stat.S_IMODE(st.st_mode), st.st_gid)
    return changed
