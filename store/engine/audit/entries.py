"""The audit trail's entries as they are made: a record's change, an action, a gap.

Who and from where (`store.engine.officer`, the SSH client), which fields changed (old and new
values of public fields, only "changed" for private ones), and the entry that records changes
saved while the trail could not be written (`store.engine.audit`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import Any

from store.domain.classification import is_private
from store.domain.records import Record
from store.engine.audit.vocab import (
    BOOKKEEPING,
    CHANGED,
    CREATE,
    DELETE,
    GAP,
    MODELS,
    UPDATE,
)
from store.engine.officer import author


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
