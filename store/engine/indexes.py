"""The engine's tables in memory and their indexes: what the store's queries read.

`Indexes` is part of `store.engine.tables.Engine` (kept apart only for size). Each record is
kept as its bytes (table -> record id -> bytes) and parsed only when asked for; beside them the
indexes the store needs: case -> its workers and log entries (and the other tables of a case),
worker -> their screening, consent and plan, case reference -> case, every spelling of a
worker's name, the open due dates and the entries awaiting a reply, and the log entries that
name a record of the directory. Loading fills them (`_bulk_ingest` reads a table of our own
layout with byte searches, `_ingest` a record already parsed); every change goes through
`_apply`, which keeps them in line.

The workers' search reads two more, built on first use (or ahead of it, after opening) and then
kept in line by `_index` like the others: every spelling of every worker's name
(`spelling_index`, `store.domain.matching.SpellingIndex`) and their phone and passport numbers
(`number_index`); and the matching of people keeps its index of dates of birth here (`births`,
store/db/people.py). Personal data: in memory only, never written anywhere, dropped with the
records (`_reset_indexes`, which locking the app runs).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import orjson

from store.domain.matching import NumberIndex, SpellingIndex
from store.engine.agenda import Agenda
from store.engine.migrations import (
    AFTER_TABLES,
    CHECKIN_TABLES,
    META_DOC,
    META_TABLE,
    NETWORK_TABLES,
    REGISTRY_TABLES,
    TRACING_TABLES,
    Tables,
)

# The tables of a case's records; the last three (a worker's legal matters, money and
# check-ins, many per worker) are `migrations.AFTER_TABLES` and `CHECKIN_TABLES`.
CHILD_TABLES = ("workers", "log", "screenings", "consents", "plans", *AFTER_TABLES,
                *CHECKIN_TABLES)
# The directory and what happens in it, and the registry (who trafficked, and where): not part
# of any one case; kept by id only. So are the lists taken in and families' inquiries.
BY_ID_TABLES = (*NETWORK_TABLES, *REGISTRY_TABLES, *TRACING_TABLES)
RECORD_TABLES = ("cases", *CHILD_TABLES, *BY_ID_TABLES)
# Tables with one record per worker: indexed by worker too.
PER_WORKER_TABLES = ("screenings", "consents", "plans")
# Log entries Today may chase besides those awaiting a reply: requests to partners still sent,
# or accepted (chased past their due date) (`store.domain.requests`).
_CHASED = (b'"request_state":"sent"', b'"request_state":"accepted"')


class Indexes(Agenda):
    """See the module's doc. The attributes are made, and said, in `Engine.__init__`."""

    meta: dict[str, Any]
    raw: dict[str, dict[str, bytes]]
    children: dict[str, dict[str, dict[str, None]]]
    case_of: dict[str, dict[str, str]]
    names: dict[str, list[str]]
    due: dict[str, str | None]
    awaiting: set[str]
    of_worker: dict[str, dict[str, str]]
    refs: dict[str, str]
    ref_of: dict[str, str]
    dirty_cases: set[str] | None
    stamps: dict[str, int]
    linked: dict[str, set[str]] | None
    linked_of: dict[str, tuple[str, ...]]
    spellings: SpellingIndex | None
    numbers: NumberIndex | None
    births: tuple[int, dict[str, list[str]]] | None  # the matching's (store.db.people)
    _stamp_counter: int
    _loading: bool

    def _reset_indexes(self) -> None:
        self.raw = {t: {} for t in RECORD_TABLES}
        self.children = {t: {} for t in CHILD_TABLES}
        self.case_of = {t: {} for t in CHILD_TABLES}
        self.names, self.due, self.refs, self.ref_of = {}, {}, {}, {}
        self.awaiting = set()
        self.of_worker = {t: {} for t in PER_WORKER_TABLES}
        self.linked, self.linked_of = None, {}
        self.spellings = self.numbers = self.births = None
        self._reset_agenda()
        for table in RECORD_TABLES:
            self._bump(table)

    def _bump(self, table: str) -> None:
        self._stamp_counter += 1
        self.stamps[table] = self._stamp_counter

    def links_index(self) -> dict[str, set[str]]:
        """Directory record id -> ids of the log entries that name it, built on first use
        from the log's bytes (two substring searches a line), then kept up to date."""
        if self.linked is None:
            linked: dict[str, set[str]] = {}
            linked_of: dict[str, tuple[str, ...]] = {}
            for entry_id, raw in self.raw["log"].items():
                ids = []
                for needle in (b'"counterpart_org_id":"', b'"counterpart_person_id":"'):
                    at = raw.find(needle)
                    if at > 0:
                        start = at + len(needle)
                        ids.append(raw[start:raw.index(b'"', start)].decode())
                for linked_id in ids:
                    linked.setdefault(linked_id, set()).add(entry_id)
                if ids:
                    linked_of[entry_id] = tuple(ids)
            self.linked, self.linked_of = linked, linked_of
        return self.linked

    def spelling_index(self) -> SpellingIndex:
        """Every spelling of every worker's name, indexed for the workers' search: built on
        first use from the names in memory, then kept up to date."""
        if self.spellings is None:
            gc.disable()  # no cycles, many small objects: the collector would only slow it
            try:
                self.spellings = SpellingIndex(self.names.items())
            finally:
                gc.enable()
            gc.freeze()  # long-lived, as what was loaded: out of later collections
        return self.spellings

    def number_index(self) -> NumberIndex:
        """Every worker's phone and passport number, indexed for the workers' search: built
        on first use from the workers' records in memory, then kept up to date."""
        if self.numbers is None:
            numbers = NumberIndex()
            gc.disable()
            try:
                for worker_id, raw in self.raw["workers"].items():
                    _put_numbers(numbers, worker_id, orjson.loads(raw))
            finally:
                gc.enable()
            self.numbers = numbers
            gc.freeze()
        return self.numbers

    def _keep_search_indexes(self, spellings: SpellingIndex | None,
                             numbers: NumberIndex | None, before: dict[str, bytes]) -> None:
        """After the files were read again (another process compacted them): the search's
        indexes of before, brought in line with the workers that changed, rather than built
        again from nothing."""
        after = self.raw["workers"]
        changed = [wid for wid, raw in after.items() if before.get(wid) != raw]
        gone = [wid for wid in before if wid not in after]
        for index in (spellings, numbers):
            if index is not None:
                for worker_id in gone:
                    index.drop(worker_id)
        for worker_id in changed:
            if spellings is not None:
                spellings.put(worker_id, self.names.get(worker_id, []))
            if numbers is not None:
                _put_numbers(numbers, worker_id, orjson.loads(after[worker_id]))
        self.spellings, self.numbers = spellings, numbers

    def _bulk_ingest(self, table: str, items: list[bytes]) -> None:
        """Index a whole table read from a snapshot in our layout: the loading hot path."""
        raw_table = self.raw[table]
        loads = orjson.loads
        if table == "cases":
            refs, ref_of = self.refs, self.ref_of
            for raw in items:
                doc = loads(raw)
                record_id = doc["id"]
                raw_table[record_id] = raw
                if doc.get("ref"):
                    refs[doc["ref"]] = record_id
                    ref_of[record_id] = doc["ref"]
            return
        if table in BY_ID_TABLES:
            for raw in items:
                raw_table[loads(raw)["id"]] = raw
            return
        children, case_of = self.children[table], self.case_of[table]
        if table == "workers":
            names = self.names
            for raw in items:
                doc = loads(raw)
                record_id, case_id = doc["id"], doc["case_id"]
                raw_table[record_id] = raw
                case_of[record_id] = case_id
                children.setdefault(case_id, {})[record_id] = None
                names[record_id] = [doc.get("full_name", ""), *doc.get("other_spellings", [])]
            return
        if table in PER_WORKER_TABLES:
            of_worker = self.of_worker[table]
            for raw in items:
                doc = loads(raw)
                record_id, case_id = doc["id"], doc["case_id"]
                raw_table[record_id] = raw
                case_of[record_id] = case_id
                children.setdefault(case_id, {})[record_id] = None
                of_worker[doc["worker_id"]] = record_id
            return
        due, awaiting = self.due, self.awaiting
        for raw in items:
            # Pulang writes a log entry's fields in one order: pick out the few the indexes
            # need with plain byte searches (ids are 32 hex digits, dates 10 characters).
            at_case = raw.find(b'"case_id":"')
            at_due = raw.rfind(b',"due_date":')
            # The order is Pulang's own only where the entry ends with its last field (one
            # taken from another site by an older sync ended with its version counter).
            done = raw.endswith((b',"next_step_done":false}', b',"next_step_done":true}'))
            if (raw.startswith(b'{"id":"') and raw[39:40] == b'"' and at_case > 0
                    and at_due > 0 and done):
                record_id = raw[7:39].decode()
                case_id = raw[at_case + 11: at_case + 43].decode()
                if raw.endswith(b',"next_step_done":false}') and raw[at_due + 12] == 34:  # '"'
                    due[record_id] = raw[at_due + 13: at_due + 23].decode()
                else:
                    due[record_id] = None
            else:  # written some other way: read it properly
                doc = loads(raw)
                record_id, case_id = doc["id"], doc["case_id"]
                due[record_id] = None if doc.get("next_step_done") else doc.get("due_date")
            if b'"awaiting_reply":true' in raw or any(s in raw for s in _CHASED):
                awaiting.add(record_id)
            raw_table[record_id] = raw
            case_of[record_id] = case_id
            children.setdefault(case_id, {})[record_id] = None

    def _ingest(self, table: str, doc: dict[str, Any]) -> None:
        """Index one record already parsed (a file read whole, or migrated)."""
        self.raw[table][doc["id"]] = _own(orjson.dumps(doc))
        self._index(table, doc["id"], doc)

    def _index(self, table: str, record_id: str, doc: dict[str, Any] | None) -> None:
        """Bring the indexes in line with a record's new content (None: it was removed)."""
        if table == "cases":
            old_ref = self.ref_of.pop(record_id, None)
            if old_ref is not None and self.refs.get(old_ref) == record_id:
                del self.refs[old_ref]
            if doc is not None and doc.get("ref"):
                self.refs[doc["ref"]] = record_id
                self.ref_of[record_id] = doc["ref"]
            self._touch(record_id)
            self._agenda_touch(table, record_id)
            return
        if table in BY_ID_TABLES:
            self._agenda_touch(table)
            return
        before = self.case_of[table].get(record_id)
        after = None if doc is None else doc.get("case_id")
        if before and before != after:
            self.children[table].get(before, {}).pop(record_id, None)
        if after:
            self.children[table].setdefault(after, {})[record_id] = None
            self.case_of[table][record_id] = after
        else:
            self.case_of[table].pop(record_id, None)
        if table == "workers":
            if doc is None:
                self.names.pop(record_id, None)
                for index in (self.spellings, self.numbers):
                    if index is not None:
                        index.drop(record_id)
            else:
                self.names[record_id] = [doc.get("full_name", ""), *doc.get("other_spellings", [])]
                if self.spellings is not None:
                    self.spellings.put(record_id, self.names[record_id])
                if self.numbers is not None:
                    _put_numbers(self.numbers, record_id, doc)
        elif table in PER_WORKER_TABLES:
            of_worker = self.of_worker[table]
            if doc is None:
                for worker_id in [w for w, r in of_worker.items() if r == record_id]:
                    del of_worker[worker_id]
            else:
                of_worker[doc["worker_id"]] = record_id
        elif doc is None:
            self.due.pop(record_id, None)
            self.awaiting.discard(record_id)
        else:
            self.due[record_id] = None if doc.get("next_step_done") else doc.get("due_date")
            if doc.get("awaiting_reply") or doc.get("request_state") in ("sent", "accepted"):
                self.awaiting.add(record_id)
            else:
                self.awaiting.discard(record_id)
        self._touch(before)
        self._touch(after)
        self._agenda_touch(table, before, after)

    def _apply(self, table: str, record_id: str, data: dict[str, Any] | None) -> None:
        """Put (or, with data None, remove) one record in memory and in the indexes."""
        if table == META_TABLE:
            assert data is not None
            self.meta = data
            return
        raw_table = self.raw[table]
        self._bump(table)
        if table == "log" and self.linked is not None:
            for old in self.linked_of.pop(record_id, ()):
                self.linked.get(old, set()).discard(record_id)
            ids = tuple(data[key] for key in ("counterpart_org_id", "counterpart_person_id")
                        if data is not None and data.get(key))
            for linked_id in ids:
                self.linked.setdefault(linked_id, set()).add(record_id)
            if ids:
                self.linked_of[record_id] = ids
        if data is None:
            raw_table.pop(record_id, None)
            self._index(table, record_id, None)
        else:
            raw = _own(orjson.dumps(data))
            raw_table[record_id] = raw
            self._index(table, record_id, data)

    def _touch(self, case_id: str | None) -> None:
        if case_id and self.dirty_cases is not None and not self._loading:
            self.dirty_cases.add(case_id)

    # -- reading ---------------------------------------------------------------------------

    def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        """A fresh copy of the record (parsed now), or None."""
        raw = self.raw.get(table, {}).get(record_id)
        return None if raw is None else orjson.loads(raw)

    def ids(self, table: str) -> list[str]:
        return list(self.raw[table])

    def all(self, table: str) -> Iterator[dict[str, Any]]:
        for raw in list(self.raw[table].values()):
            yield orjson.loads(raw)

    def children_of(self, table: str, case_id: str) -> list[dict[str, Any]]:
        raw = self.raw[table]
        return [orjson.loads(raw[rid]) for rid in self.children[table].get(case_id, {})]

    def case_facts(self, case_id: str) -> tuple[list[str], int, str | None]:
        """For the cases list: every spelling of its workers' names, their number, and the
        earliest due date among its open next steps."""
        workers = self.children["workers"].get(case_id, {})
        names = [name for wid in workers for name in self.names.get(wid, [])]
        dues = [d for lid in self.children["log"].get(case_id, {}) if (d := self.due.get(lid))]
        return names, len(workers), min(dues) if dues else None

    @property
    def tables(self) -> Tables:
        """Every table parsed, as the file holds it: for `check` and migrations, not for speed."""
        result: Tables = {META_TABLE: {META_DOC: self.meta}}
        for table in RECORD_TABLES:
            result[table] = {str(n): orjson.loads(raw)
                             for n, raw in enumerate(self.raw[table].values(), start=1)}
        return result


def _own(raw: bytes) -> bytes:
    """The bytes in a block of their own length: orjson's hold four kilobytes or more whatever
    their length, which a table of them kept in memory would pay for every record."""
    return memoryview(raw).tobytes()


def _put_numbers(numbers: NumberIndex, worker_id: str, doc: dict[str, Any]) -> None:
    numbers.put(worker_id, doc.get("phone"), doc.get("passport_number"), doc.get("nationality"))
