"""The Database as the sync sees it: every record with its table, and what a pull brings
applied as one transaction, recorded in the audit trail with the site it came from.

A part of `store.db.database.Database` (see `store.db.base`); the protocol, the sealing and
the merging are `store.sync`'s, above the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import orjson

from store.common.errors import Conflict, DamagedRecord
from store.db.base import KIND_OF, PER_WORKER, TABLE_OF, WORKERS, Part, valid
from store.engine import audit
from store.engine.indexes import RECORD_TABLES
from store.engine.officer import author
from store.engine.replicas import LOCAL_FIELDS
from store.engine.tables import Change


class ReplicaPart(Part):
    """Every record, read for the sync, and what it brings written."""

    def replica_records(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Every record: id -> (table, its body without the local version counter)."""
        with self._lock:
            self._engine.refresh()
            out: dict[str, tuple[str, dict[str, Any]]] = {}
            for table in RECORD_TABLES:
                for record_id, raw in self._engine.raw[table].items():
                    body = orjson.loads(raw)
                    for name in LOCAL_FIELDS:
                        body.pop(name, None)
                    out[record_id] = (table, body)
            return out

    def replica_tables(self) -> dict[str, str]:
        """Every record's table, by id: what the sync walks without holding every body."""
        with self._lock:
            self._engine.refresh()
            return {record_id: table for table in RECORD_TABLES
                    for record_id in self._engine.raw[table]}

    def replica_fingerprints(self) -> dict[str, int]:
        """A number per record that changes when its bytes do (not stable across runs): what
        an erasure changed here is told by comparing two of these."""
        with self._lock:
            self._engine.refresh()
            return {record_id: hash(raw) for table in RECORD_TABLES
                    for record_id, raw in self._engine.raw[table].items()}

    def replica_raw(self, table: str, record_id: str) -> bytes | None:
        """One record's bytes as the database holds them (unparsed)."""
        with self._lock:
            return self._engine.raw[table].get(record_id)

    def replica_body(self, table: str, record_id: str) -> dict[str, Any] | None:
        """One record's body without the local version counter (None: not here)."""
        with self._lock:
            body = self._engine.get(table, record_id)
        if body is not None:
            for name in LOCAL_FIELDS:
                body.pop(name, None)
        return body

    def erased_ids(self) -> set[str]:
        """The workers whose data was erased here, and their screening, consent and plan."""
        with self._lock:
            self._engine.refresh()
            found: set[str] = set()
            for doc in self._engine.all(WORKERS):
                if doc.get("erased_at"):
                    found.add(doc["id"])
                    for kind in PER_WORKER:
                        record_id = self._engine.of_worker[TABLE_OF[kind]].get(doc["id"])
                        if record_id is not None:
                            found.add(record_id)
            return found

    def apply_replica(self, changes: Sequence[tuple[str, str, dict[str, Any] | None]],
                      note: str, action: str = audit.PULLED) -> int:
        """Write what a pull brought, as one transaction: (table, id, body) each, body None
        removing the record. Each body must read back as its kind of record, or none is
        written (DamagedRecord). Cases first, so that what belongs to a case finds it.
        Recorded in the audit trail as `action` (pulled, or decided for a person's decision of
        a conflict), with `note` (the site and the hub, never a value). Returns how many records
        changed."""
        order = {table: n for n, table in enumerate(RECORD_TABLES)}
        ordered = sorted(changes, key=lambda c: order.get(c[0], len(order)))
        for table, _record_id, body in ordered:
            if table not in KIND_OF:
                raise DamagedRecord()
            if body is not None:
                valid(KIND_OF[table], {**body, "version": 1})
        written = 0
        with self._lock, self.audit_as(action, note), self.transaction():
            for table, record_id, body in ordered:
                now = self._engine.get(table, record_id)
                old = None if now is None else now.get("version")
                if body is None:
                    if now is not None:
                        self._engine.stage(Change(table, record_id, old, None, None))
                        written += 1
                    continue
                data = _in_order(KIND_OF[table], {**body, "id": record_id,
                                                  "version": (old or 0) + 1})
                if now is not None and {k: v for k, v in now.items() if k != "version"} == {
                        k: v for k, v in data.items() if k != "version"}:
                    continue
                self._engine.stage(Change(table, record_id, old, data["version"], data))
                written += 1
        return written

    def decide_replica(self, table: str, record_id: str, body: dict[str, Any] | None,
                       seen: dict[str, Any] | None, note: str) -> None:
        """Write a conflict's decision (`store.sync.deciding`): `body` (None removes the
        record) over the record as the officer saw it (`seen`, without its version counter),
        stamped with the officer and the time like any edit, recorded as decided with `note`
        (the fields, never a value). Conflict if the record changed meanwhile."""
        if table not in KIND_OF:
            raise DamagedRecord()
        with self._lock, self.audit_as(audit.DECIDED, note), self.transaction():
            now = self._engine.get(table, record_id)
            old = None if now is None else now.pop("version", None)
            if now != seen:
                raise Conflict(table, record_id, theirs=now)
            if body is None:
                if now is not None:
                    self._engine.stage(Change(table, record_id, old, None, None))
                return
            data = {**body, "id": record_id, "version": (old or 0) + 1,
                    "updated_at": dt.datetime.now(dt.timezone.utc).isoformat(),
                    "changed_by": author()}
            data = valid(KIND_OF[table], data).model_dump(mode="json")
            self._engine.stage(Change(table, record_id, old, data["version"], data))


def _in_order(kind: type[Any], data: dict[str, Any]) -> dict[str, Any]:
    """A record's fields in the order Pulang writes them (its model's), what the model does
    not know kept after them: the indexes read a few fields of a stored record by their place
    (`store.engine.indexes`), and a log entry taken from a hub in another order once lost its
    next step from Today."""
    fields = [name for name in kind.model_fields if name in data]
    return {**{name: data[name] for name in fields},
            **{k: v for k, v in data.items() if k not in kind.model_fields}}
