"""Conflicts put to a person: what two sites changed while apart, and the officer's decision.

A pull that finds the same field changed at two sites (or a record removed at one and edited
at the other) keeps the conflict in the record's sync state (`store.sync.pulling`) and shows
the hub's choice meanwhile. Here an officer sees it whole (the common version, both values,
who changed each, at which site and when) and decides, field by field: mine, theirs, or both
where the field is a list. The decision is written as an ordinary edit (stamped with the
officer and the time, in the record's history as "decided") and goes out at the next sync as
a child of the hub's winning leaf, after a closing deletion under every other leaf: every site
then has one leaf again, and the conflict is gone there too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from store.common.errors import PulangError
from store.common.i18n import _
from store.engine import replicas
from store.engine.audit import MODELS, table_label
from store.sync.session import _one_at_a_time, _sealer, conflicts

if TYPE_CHECKING:
    from store.db import Database

MINE, THEIRS, BOTH = "mine", "theirs", "both"
REMOVAL = ""  # the "field" a removal against an edit is decided under


class AlreadyDecided(PulangError):
    """The conflict is not there any more: decided meanwhile, here or at another site."""


@dataclass(frozen=True)
class Side:
    """One site's version: its revision, where, when and by whom; removed or not."""

    rev: str
    site: str
    at: str | None  # ISO 8601: when it was saved (a removal: when it was sent)
    officer: str
    removed: bool
    ours: bool  # made at this site


@dataclass(frozen=True)
class Disputed:
    """A field changed at both sites to different values."""

    name: str
    label: str  # the field's label, in the officer's language
    base: Any  # the common version's value (None: not known)
    mine: Any
    theirs: Any

    @property
    def is_list(self) -> bool:
        return isinstance(self.mine, list) and isinstance(self.theirs, list)


@dataclass(frozen=True)
class Undecided:
    """What a person needs to decide one record's conflict."""

    record_id: str
    table: str
    body: dict[str, Any] | None  # the record as it is here now (the hub's choice)
    mine: Side
    theirs: Side
    fields: list[Disputed]

    @property
    def removal(self) -> bool:
        """A removal at one site against an edit at the other."""
        return self.mine.removed or self.theirs.removed


def _gone() -> AlreadyDecided:
    return AlreadyDecided(_("This conflict was decided meanwhile, here or at another site; "
                            "nothing was changed."))


def undecided(db: Database, record_id: str) -> Undecided:
    """The conflict kept for `record_id` (AlreadyDecided if there is none any more). Reads
    the whole sync state: call it off the event loop."""
    state = replicas.load(db.path, _sealer(db))
    doc = None if state is None else state.docs.get(record_id)
    if state is None or doc is None or doc.conflict is None:
        raise _gone()
    return _undecided(db, record_id, doc.table, doc.conflict, state.site_name)


def _undecided(db: Database, record_id: str, table: str, conflict: dict[str, Any],
               site_name: str) -> Undecided:
    made: dict[str, dict[str, Any]] = conflict.get("made", {})
    bodies: dict[str, Any] = conflict.get("bodies", {})
    removed: list[str] = list(conflict.get("removed", []))
    revs = [*conflict.get("leaves", []), *removed]
    if len(revs) < 2:
        raise _gone()
    mine_rev = conflict.get("mine")
    if mine_rev not in revs:
        mine_rev = next((r for r in revs if made.get(r, {}).get("site") == site_name), revs[0])
    theirs_rev = next(r for r in revs if r != mine_rev)

    def side(rev: str) -> Side:
        where = made.get(rev, {})
        body = bodies.get(rev) or {}
        # When the officer saved it (the envelope's time is when it was sent); a removal
        # has no body, only the time it was sent.
        return Side(rev, str(where.get("site") or "?"), body.get("updated_at") or where.get("at"),
                    str(body.get("changed_by") or ""), rev in removed,
                    where.get("site") == site_name)

    fields = []
    for name, entry in sorted(conflict.get("fields", {}).items()):
        values = entry.get("values", {})
        fields.append(Disputed(name, MODELS[table].field_label(name) if table in MODELS
                               else name, entry.get("base"), values.get(mine_rev),
                               values.get(theirs_rev)))
    return Undecided(record_id, table, db.replica_body(table, record_id), side(mine_rev),
                     side(theirs_rev), fields)


def both(mine: list[Any], theirs: list[Any]) -> list[Any]:
    """A list field kept from both sides: mine, then what only theirs has, in order."""
    return [*mine, *(v for v in theirs if v not in mine)]


def decided_body(found: Undecided, choices: Mapping[str, str]) -> dict[str, Any] | None:
    """The record as the officer decided it (None: removed). `choices`: field -> MINE,
    THEIRS or BOTH (lists only); a removal against an edit is decided under REMOVAL."""
    if found.removal:
        choice = choices.get(REMOVAL)
        if choice not in (MINE, THEIRS):
            raise PulangError(_("Choose which to keep: mine or theirs."))
        kept = found.mine if choice == MINE else found.theirs
        if kept.removed:
            return None
        if found.body is None:
            raise _gone()
        return dict(found.body)
    if found.body is None:
        raise PulangError(_("This record was removed here after the conflict arrived; bring it "
                            "back from its history first."))
    body = dict(found.body)
    for field in found.fields:
        choice = choices.get(field.name)
        if choice == MINE:
            value = field.mine
        elif choice == THEIRS:
            value = field.theirs
        elif choice == BOTH and field.is_list:
            value = both(field.mine, field.theirs)
        else:
            raise PulangError(_("Decide every field that differs first."))
        if value is None:
            body.pop(field.name, None)
        else:
            body[field.name] = value
    return body


def decide(db: Database, record_id: str, choices: Mapping[str, str]) -> dict[str, Any] | None:
    """Write the officer's decision of `record_id`'s conflict (see the module's doc) and
    take the conflict off; it goes out at the next sync. Returns the record as decided
    (None: removed). AlreadyDecided if a sync took the conflict away meanwhile; SyncBusy
    while a sync runs; Conflict if the record changed here since it was shown."""
    sealer = _sealer(db)
    with _one_at_a_time(db.path):
        state = replicas.load(db.path, sealer)
        doc = None if state is None else state.docs.get(record_id)
        if state is None or doc is None or doc.conflict is None:
            raise _gone()
        found = _undecided(db, record_id, doc.table, doc.conflict, state.site_name)
        body = decided_body(found, choices)
        # Field names and whose side was kept: never a value (the history shows what changed).
        if found.removal:
            note = "removed at one site, edited at the other: kept " + (
                "the removal" if body is None else "the edit")
        else:
            note = "; ".join(f"{f.name}: kept {choices[f.name]}" for f in found.fields)
        # The database first: a kill before the state is written leaves the conflict to be
        # decided again (the same way, or otherwise), never a state that sends an undecided
        # body as the decision.
        db.decide_replica(doc.table, record_id, body, found.body, note)
        conflict = doc.conflict
        live = [r for r in conflict.get("leaves", []) if r != doc.rev]
        closing = live if body is None else [*live, *conflict.get("removed", [])]
        doc.conflict = None
        doc.closing = closing
        replicas.save(db.path, sealer, state)
        return body


@dataclass(frozen=True)
class ToDecide:
    """A line of "Conflicts to decide": the record, its case, what to call it, its fields."""

    record_id: str
    table: str
    kind: str  # what a record of its table is called ("worker"), in the officer's language
    case_id: str | None
    ref: str
    name: str
    fields: list[str]  # the fields' labels; empty for a removal against an edit
    removal: bool


_NAMED_BY = ("full_name", "name", "title", "text", "summary", "ref")


def to_decide(db: Database) -> list[ToDecide]:
    """Every record with an undecided conflict, from the marks only (cheap: for Today)."""
    from store.domain.records import Case

    found: list[ToDecide] = []
    for record_id, fields in sorted(conflicts(db).items()):
        table, body = next(((t, b) for t in MODELS if (b := db.replica_body(t, record_id))),
                           ("", None))
        if body is None:
            continue  # removed here since: nothing to show it on (the sync says so)
        case_id = record_id if table == "cases" else body.get("case_id")
        ref = ""
        if isinstance(case_id, str):
            try:
                ref = db.get(Case, case_id).ref
            except PulangError:
                ref = ""
        name = next((str(body[k]) for k in _NAMED_BY if body.get(k)), "")
        model = MODELS[table]
        found.append(ToDecide(record_id, table, table_label(table),
                              case_id if isinstance(case_id, str) else None, ref, name,
                              [model.field_label(f) for f in fields if f], "" in fields))
    return found
