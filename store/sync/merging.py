"""Merging concurrent versions of one record, field by field, against the common version.

Pure functions, no I/O. Two sites that changed one record while apart left two leaf revisions
on the hub. Each field is decided by itself:

- the same value on both sides: kept;
- changed on one side only (the other still has the common version's value): the change wins;
- changed on both sides to different values: a conflict, kept with the common value and both
  others until a person decides. Never the last write winning in silence.

Bookkeeping (who changed the record, when) is not a field anyone decides: the later change's.
Leaves are taken in CouchDB's order (`winner_order`), never in "mine or theirs" order, so that
every site merging the same leaves computes the same body, hence the same revision.
"""

from __future__ import annotations

from typing import Any

BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "changed_by"})
_MISSING = object()


def winner_order(rev: str, deleted: bool) -> tuple[bool, int, str]:
    """CouchDB's choice of the winning revision among leaves: one not deleted, then the
    highest generation, then the highest revision id. Sort with reverse=True."""
    generation, _, digest = rev.partition("-")
    return (not deleted, int(generation), digest)


def three_way(base: dict[str, Any] | None, first: dict[str, Any],
              second: dict[str, Any]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """`first` and `second` merged against `base` (None: no common version known, so every
    field they disagree on is a conflict). Returns (merged, conflicts); a conflicting field
    keeps `first`'s value in `merged` (first: the hub's winner), and the conflict holds
    {"base": ..., "first": ..., "second": ...}."""
    merged: dict[str, Any] = {}
    conflicts: dict[str, dict[str, Any]] = {}
    for name in sorted(set(first) | set(second)):
        if name in BOOKKEEPING:
            continue
        a, b = first.get(name, _MISSING), second.get(name, _MISSING)
        common = _MISSING if base is None else base.get(name, _MISSING)
        if a == b:
            value = a
        elif b == common:
            value = a
        elif a == common:
            value = b
        else:
            value = a
            conflicts[name] = {"base": None if common is _MISSING else common,
                               "first": None if a is _MISSING else a,
                               "second": None if b is _MISSING else b}
        if value is not _MISSING:
            merged[name] = value
    later = max(first, second, key=lambda d: str(d.get("updated_at") or ""))
    for name in ("updated_at", "changed_by"):
        if name in later:
            merged[name] = later[name]
    created = [str(d["created_at"]) for d in (first, second) if d.get("created_at")]
    if created:
        merged["created_at"] = min(created)
    if "id" in first:
        merged["id"] = first["id"]
    return merged, conflicts


def merge_leaves(base: dict[str, Any] | None,
                 leaves: list[tuple[str, dict[str, Any]]]) -> tuple[dict[str, Any],
                                                                    dict[str, dict[str, Any]]]:
    """Several live leaves (rev, body), the winner first, folded into one body; the
    conflicts name each field's value per revision: {field: {"base": v, "values": {rev: v}}}."""
    (winner_rev, merged), *others = leaves
    conflicts: dict[str, dict[str, Any]] = {}
    for rev, body in others:
        merged, found = three_way(base, merged, body)
        for name, values in found.items():
            entry = conflicts.setdefault(name, {"base": values["base"], "values": {}})
            entry["values"].setdefault(winner_rev, values["first"])
            entry["values"][rev] = values["second"]
    return merged, conflicts
