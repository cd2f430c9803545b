"""The Database's generic reads and writes: a record by id, a save stamped with time, user
and version, a removal, and the conflict when another officer changed or removed the record
first (`keep_mine` saves over it on the officer's word).

A part of `store.db.database.Database` (see `store.db.base`). Every kind of record has its own
save, in its part, which applies the kind's rules and then calls `_save` here; `save` picks it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from store.common.errors import Conflict, NotFound
from store.db.base import KIND_OF, TABLE_OF, Part, R, valid
from store.domain.records import (
    Actor,
    Agreement,
    Case,
    CheckIn,
    Consent,
    Identifier,
    Inquiry,
    Intake,
    LegalMatter,
    LogEntry,
    Meeting,
    MoneyEntry,
    Organisation,
    Person,
    Place,
    Plan,
    Record,
    RegistryLink,
    Screening,
    Task,
    Worker,
    build,
    new_id,
)
from store.engine.officer import author
from store.engine.tables import Change


class SavingPart(Part):
    """Generic reads, saves, removals and conflicts."""

    def _doc(self, kind: type[Record], record_id: str) -> dict[str, Any] | None:
        return self._engine.get(TABLE_OF[kind], record_id)

    def _read(self, kind: type[R], doc: dict[str, Any]) -> R:
        return valid(kind, doc)

    def get(self, kind: type[R], record_id: str) -> R:
        with self._lock:
            self._engine.refresh()
            doc = self._doc(kind, record_id)
            if doc is None:
                raise NotFound(record_id)
            return valid(kind, doc)

    def _save(self, record: R, **fixed: Any) -> R:
        """Insert or update `record`, stamped with time, user and the next version.

        `record.version` is the version it was read at (0: a new record). If the stored one
        moved on since, or was removed, nothing is written: `Conflict` says who and when.
        """
        doc = self._doc(type(record), record.id)
        stored = None if doc is None else doc.get("version")
        if stored != (record.version or None):
            raise self._conflict(type(record), record.id, doc, mine=record)
        now = dt.datetime.now(dt.timezone.utc)
        data = record.model_dump()
        if doc is None:
            data.update(created_at=now)
        else:
            data.update(created_at=doc.get("created_at"))
        data.update(fixed, updated_at=now, changed_by=author(), version=record.version + 1)
        saved = build(type(record), data)
        self._stage(Change(TABLE_OF[type(record)], saved.id, stored, saved.version,
                           saved.model_dump(mode="json")), mine=record)
        return saved

    def _remove(self, kind: type[Record], record_id: str, version: int | None = None) -> None:
        """Remove a record; with `version`, only if it is still the one the user saw."""
        doc = self._doc(kind, record_id)
        if doc is None:
            raise NotFound(record_id)
        if version is not None and doc.get("version") != version:
            raise self._conflict(kind, record_id, doc)
        self._stage(Change(TABLE_OF[kind], record_id, doc.get("version"), None, None))

    def _stage(self, change: Change, mine: Record | None = None) -> None:
        try:
            self._engine.stage(change)
        except Conflict as conflict:  # the engine's own check: say who and when, too
            kind = KIND_OF[change.table]
            raise self._conflict(kind, change.id, conflict.theirs, mine=mine) from None

    def _conflict(self, kind: type[Record], record_id: str, doc: dict[str, Any] | None,
                  mine: Record | None = None) -> Conflict:
        """What the user needs to choose: the record as stored now, who changed it, when."""
        if doc is not None:
            theirs = valid(kind, doc)
            return Conflict(TABLE_OF[kind], record_id, theirs=theirs, mine=mine,
                            by=theirs.changed_by, at=theirs.updated_at)
        writer, at = self._engine.removed.get(record_id, ("", 0.0))
        return Conflict(TABLE_OF[kind], record_id, mine=mine, by=writer.rsplit("@", 1)[0],
                        at=dt.datetime.fromtimestamp(at, dt.timezone.utc) if at else None)

    def keep_mine(self, conflict: Conflict, mine: R | None = None) -> R:
        """Save `mine` (by default the record the conflict refused) over what is stored now.

        Over a changed record, it is saved on top of `conflict.theirs`' version: if that moved
        on again meanwhile, this is another `Conflict`. A removed record is saved again as a
        new one (a new id; a new case also gets a new reference).
        """
        record = mine if mine is not None else conflict.mine
        if record is None:
            raise ValueError("keep_mine() needs the record to save")
        if conflict.theirs is None:
            data = record.model_dump()
            data.update(id=new_id(), version=0, created_at=None, updated_at=None)
            if isinstance(record, Case):
                data.update(ref=None)
            record = build(type(record), data)
        else:
            record = record.model_copy(update={"version": conflict.theirs.version})
        return self.save(record)

    def save(self, record: R) -> R:
        """Save a case, worker or log entry through its own save method."""
        if isinstance(record, Case):
            return self.save_case(record)  # type: ignore[return-value]
        if isinstance(record, Worker):
            return self.save_worker(record)  # type: ignore[return-value]
        if isinstance(record, LogEntry):
            return self.save_log_entry(record)  # type: ignore[return-value]
        if isinstance(record, Screening):
            return self.save_screening(record)  # type: ignore[return-value]
        if isinstance(record, Consent):
            return self.save_consent(record)  # type: ignore[return-value]
        if isinstance(record, Plan):
            return self.save_plan(record)  # type: ignore[return-value]
        savers: dict[type[Record], Callable[[Any], Record]] = {
            Organisation: self.save_organisation, Person: self.save_person,
            Meeting: self.save_meeting, Agreement: self.save_agreement, Task: self.save_task,
            Place: self.save_place, Actor: self.save_actor, Identifier: self.save_identifier,
            RegistryLink: self.save_registry_link, Intake: self.save_intake,
            Inquiry: self.save_inquiry, LegalMatter: self.save_legal,
            MoneyEntry: self.save_money, CheckIn: self.save_checkin}
        if type(record) in savers:
            return savers[type(record)](record)  # type: ignore[return-value]
        raise TypeError(type(record).__name__)

    def changed_elsewhere(self) -> bool:
        """Catch up with the files; True if another process changed anything since the last
        call (read in here or by any other query). Cheap when nothing changed: two stats."""
        with self._lock:
            self._engine.refresh()
            foreign = self._engine.foreign
            changed = foreign != self._foreign_seen
            self._foreign_seen = foreign
            return changed
