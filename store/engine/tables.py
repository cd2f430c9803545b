"""The in-memory database and its write path: snapshot + journal, indexed for the store's queries.

Opening reads the snapshot (`store.engine.snapshot`: a TinyDB JSON file, one record per line) and
keeps each record as its bytes, parsed only when asked for; it replays the journal on top and builds
the indexes the store needs (record id -> bytes, case -> its workers and log entries, and the
few facts the cases list shows). A commit changes memory and appends one journal entry, so a
save costs the same at 10 or 50,000 cases. Compaction writes a new snapshot generation from the
bytes in memory, atomically, under the lock.

TinyDB's own table layer rebuilds a whole table on every insert or update and scans it on every
search; the engine keeps the TinyDB document's records itself, and the file stays one that TinyDB
reads (`store.engine.storage.AtomicJSONStorage`).
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import (
    Conflict,
    CorruptDatabase,
    DatabaseLocked,
    MissingFolder,
    PassphraseNeeded,
)
from store.common.i18n import _
from store.engine import snapshot, storage
from store.engine.crypto import Sealer, is_encrypted
from store.engine.files import (
    SCHEMA_COPY_STAMP,
    audit_path,
    backups_folder,
    journal_path,
    lock_path,
    note_path,
    schema_copy_path,
)
from store.engine.journal import (
    JournalState,
    append_entry,
    locked,
    new_journal_bytes,
    read_journal,
    writer_id,
)
from store.engine.migrations import (
    META_DOC,
    META_TABLE,
    MIGRATIONS,
    NETWORK_TABLES,
    Migration,
    Tables,
    migrate,
    schema_of,
)
from store.engine.modes import refuse_open_to_others
from store.engine.storage import NEW_FILE_MODE, new_tables, read_file, write_atomically

CHILD_TABLES = ("workers", "log", "screenings", "consents", "plans")
# The directory and what happens in it: not part of any one case; kept by id only.
RECORD_TABLES = ("cases", *CHILD_TABLES, *NETWORK_TABLES)
# Tables with one record per worker: indexed by worker too.
PER_WORKER_TABLES = ("screenings", "consents", "plans")

# Fold the journal into the snapshot at close once it is this large.
COMPACT_AT_BYTES = 256 * 1024

# Removals the snapshot remembers (who and when), so that a conflict with one can say so after
# the journal that recorded it was folded in: the most recent, for this long.
KEEP_REMOVALS = 1000
KEEP_REMOVALS_SECONDS = 90 * 24 * 3600

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Change:
    """One record's change inside a commit: data None removes the record."""

    table: str
    id: str
    old: int | None
    new: int | None
    data: dict[str, Any] | None

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.id, "old": self.old, "new": self.new,
                "data": self.data}


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class Engine:
    def __init__(self, path: Path, migrations: Sequence[Migration] = MIGRATIONS,
                 sealer: Sealer | None = None) -> None:
        self.path = path
        self.journal = journal_path(path)
        self.migrations = tuple(migrations)
        self.schema = schema_of(self.migrations)
        self.meta: dict[str, Any] = {}
        self.raw: dict[str, dict[str, bytes]] = {}  # table -> record id -> the record's bytes
        self.children: dict[str, dict[str, dict[str, None]]] = {}  # table -> case id -> ids
        self.case_of: dict[str, dict[str, str]] = {}  # child table -> record id -> case id
        self.names: dict[str, list[str]] = {}  # worker id -> every spelling of the name
        self.due: dict[str, str | None] = {}  # log entry id -> its open due date
        self.awaiting: set[str] = set()  # log entries awaiting a reply
        # per-worker table -> worker id -> record id
        self.of_worker: dict[str, dict[str, str]] = {}
        self.refs: dict[str, str] = {}  # case reference -> case id
        self.ref_of: dict[str, str] = {}  # case id -> its reference
        self.state: JournalState | None = None
        self.stale_journal: tuple[int, int] | None = None
        self.snapshot_stamp: tuple[int, int, int, int] | None = None
        self.backup_path: Path | None = None
        self.upgrade_notices: list[str] = []  # what the migration on opening had to say
        self.dirty_cases: set[str] | None = None  # None: every case's row must be rebuilt
        self.foreign_layout = False  # read whole: rewriting it in our layout speeds up opening
        self._pending: list[Change] | None = None
        self._loading = False
        self.snapshot_rows: list[tuple[str, bytes]] = []
        self.commits = 0  # journal entries this process wrote
        self._undo: list[tuple[str, str, dict[str, Any] | None]] = []
        # Called under the lock after each commit reached the journal, with every change and
        # the record as it was before it (None for a new record). The audit trail listens here.
        self.on_commit: Callable[[list[tuple[Change, dict[str, Any] | None]]], None] | None = None
        self.sealer = sealer  # the key of an encrypted database, None when plain
        self.locked_out = False  # forget() dropped everything: nothing may be read until load()
        # Called (from whichever thread writes) when a write finds another process holding the
        # lock and starts waiting for it: the UI says "busy, retrying".
        self.on_busy: Callable[[], None] | None = None
        # Records removed by a journal entry read here: id -> (writer "user@host:pid", time),
        # so that saving one of them again can say who removed it and when. Kept across reloads.
        self.removed: dict[str, tuple[str, float]] = {}
        self.foreign = 0  # how many times refresh() brought in other processes' changes
        # Bumped whenever a table's content changes (or everything is read again): what the
        # store caches about a table (parsed directory records, name indexes) is keyed by it.
        self.stamps: dict[str, int] = {}
        self._stamp_counter = 0
        # Directory record id -> the log entries linked to it (counterpart_org_id or
        # counterpart_person_id); built on first use, then kept up to date.
        self.linked: dict[str, set[str]] | None = None
        self.linked_of: dict[str, tuple[str, ...]] = {}  # log entry id -> the ids it names

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, demo: bool, migrations: Sequence[Migration] = MIGRATIONS,
               sealer: Sealer | None = None) -> Engine:
        engine = cls(path, migrations, sealer)
        if not path.parent.is_dir():
            raise MissingFolder(path)
        meta = new_tables(engine.schema, demo=demo)[META_TABLE][META_DOC]
        meta["generation"] = 1
        with locked(path):
            write_atomically(path, engine._sealed(snapshot.render(
                meta, {t: [] for t in RECORD_TABLES})), NEW_FILE_MODE, None)
            write_atomically(engine.journal, new_journal_bytes(1), NEW_FILE_MODE, None)
        # What was just written is what memory holds: no need to read it back.
        engine.meta = meta
        engine._reset_indexes()
        engine.state = read_journal(engine.journal, sealer=sealer)
        engine.snapshot_stamp = _stamp(path)
        return engine

    @classmethod
    def open(cls, path: Path, migrations: Sequence[Migration] = MIGRATIONS,
             progress: Progress | None = None,
             on_rows: Callable[[list[tuple[str, bytes]]], None] | None = None,
             sealer: Sealer | None = None,
             on_busy: Callable[[], None] | None = None) -> Engine:
        engine = cls(path, migrations, sealer)
        engine.on_busy = on_busy  # opening may migrate, under the lock
        engine.load(progress, on_rows)
        if engine.meta["schema"] < engine.schema:
            engine.upgrade()
        return engine

    def _reset_indexes(self) -> None:
        self.raw = {t: {} for t in RECORD_TABLES}
        self.children = {t: {} for t in CHILD_TABLES}
        self.case_of = {t: {} for t in CHILD_TABLES}
        self.names, self.due, self.refs, self.ref_of = {}, {}, {}, {}
        self.awaiting = set()
        self.of_worker = {t: {} for t in PER_WORKER_TABLES}
        self.linked, self.linked_of = None, {}
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

    def load(self, progress: Progress | None = None,
             on_rows: Callable[[list[tuple[str, bytes]]], None] | None = None) -> None:
        """Read the snapshot and replay the journal; refuse anything damaged or foreign.

        `on_rows` hears the cases list's rows as the snapshot recorded them, before the
        records are indexed: the list can be shown while the rest loads.
        """
        refuse_open_to_others(self.path)
        data, st = read_file(self.path)
        if is_encrypted(data[:64]):
            if self.sealer is None:
                raise PassphraseNeeded(self.path)
            data = self.sealer.open_file(self.path, data)  # in memory only
        elif self.sealer is not None:
            raise CorruptDatabase(
                self.path,
                _("{path} is no longer encrypted: someone decrypted it since it was opened "
                  "here. Open it again.").format(path=self.path),
            )
        lines = None
        early: list[tuple[str, bytes]] = []

        def rows_read(meta: dict[str, Any], rows: list[tuple[str, bytes]]) -> None:
            if meta.get("format") == "pulang-db" and meta.get("schema") == self.schema:
                early.extend((case_id.decode(), raw) for case_id, raw in rows)
                if on_rows is not None:
                    on_rows(early)

        gc.disable()  # JSON holds no cycles: the collector would only slow loading down
        try:
            lines = snapshot.read_lines(self.path, progress, rows_read, data=data)
        except BaseException:
            gc.enable()
            raise
        if lines is not None:
            meta, records = lines
            if meta.get("format") != "pulang-db" or not isinstance(meta.get("schema"), int):
                lines = None
            elif meta["schema"] > self.schema:
                lines = None  # let the exact check say so
        self._reset_indexes()
        self.foreign_layout = lines is None
        self.locked_out = False
        self.snapshot_rows = []
        self._loading = True
        if lines is None:
            # Another layout, a broken seal, or something wrong: parse whole, check exactly.
            try:
                tables = storage.inspect(self.path, data, self.schema)
            except BaseException:
                gc.enable()
                raise
            del data
            meta = tables[META_TABLE][META_DOC]
            for name in RECORD_TABLES:
                for key, doc in tables.get(name, {}).items():
                    self._ingest(name, doc)
            del tables
        else:
            meta, tables_read = lines
            self.snapshot_rows = early
            for table in RECORD_TABLES:
                self._bulk_ingest(table, tables_read.get(table, []))
            del tables_read
        self._loading = False
        gc.enable()
        # Kept apart from meta, so that a journal entry changing meta never carries them.
        for record_id, (writer, at) in meta.pop("removed", {}).items():
            self.removed.setdefault(record_id, (writer, at))
        self.meta = meta
        state = read_journal(self.journal, sealer=self.sealer)
        generation = int(meta.get("generation", 0))
        if state is not None and state.generation > generation:
            raise CorruptDatabase(
                self.path,
                _("{path} is older than its journal (was the file restored from a backup "
                  "without {journal}?). Pulang has not changed either.").format(
                    path=self.path, journal=self.journal.name
                ),
            )
        self.stale_journal = None
        # With the snapshot's rows, only cases the journal touches need their row rebuilt.
        self.dirty_cases = set() if self.snapshot_rows else None
        if state is not None and state.generation == generation:
            self._replay(state.entries)
            state.entries = []
        else:
            # No journal, or one already folded into this snapshot (a compaction stopped
            # between renaming the snapshot and resetting the journal): nothing to replay.
            self.stale_journal = state.stamp if state is not None else None
            state = None
        self.state = state
        self.snapshot_stamp = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        gc.freeze()  # what was loaded lives long: keep it out of later collections

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
        if table in NETWORK_TABLES:
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
            if raw.startswith(b'{"id":"') and raw[39:40] == b'"' and at_case > 0 and at_due > 0:
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
            if b'"awaiting_reply":true' in raw:
                awaiting.add(record_id)
            raw_table[record_id] = raw
            case_of[record_id] = case_id
            children.setdefault(case_id, {})[record_id] = None

    def _ingest(self, table: str, doc: dict[str, Any]) -> None:
        """Index one record already parsed (a file read whole, or migrated)."""
        self.raw[table][doc["id"]] = orjson.dumps(doc)
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
            return
        if table in NETWORK_TABLES:
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
            else:
                self.names[record_id] = [doc.get("full_name", ""), *doc.get("other_spellings", [])]
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
            if doc.get("awaiting_reply"):
                self.awaiting.add(record_id)
            else:
                self.awaiting.discard(record_id)
        self._touch(before)
        self._touch(after)

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
            raw = orjson.dumps(data)
            raw_table[record_id] = raw
            self._index(table, record_id, data)

    def _replay(self, entries: list[dict[str, Any]]) -> None:
        """Apply journal entries read from the file, remembering who removed what, and when."""
        for entry in entries:
            for change in entry["changes"]:
                self._apply(change["table"], change["id"], change["data"])
                if change["table"] == META_TABLE:
                    continue
                if change["data"] is None:
                    self.removed[change["id"]] = (str(entry.get("writer", "")),
                                                  float(entry.get("at", 0.0)))
                else:
                    self.removed.pop(change["id"], None)

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

    def refresh(self) -> None:
        """Catch up with other processes: their journal entries, or a new snapshot of theirs."""
        if self.locked_out:
            raise DatabaseLocked()
        if _stamp(self.path) != self.snapshot_stamp:
            self._reload()
            return
        try:
            st = os.stat(self.journal)
        except FileNotFoundError:
            return
        if self.state is None:
            if (st.st_ino, st.st_size) != self.stale_journal:
                self._reload()
            return
        if (st.st_ino, st.st_size) == self.state.stamp:
            return
        if st.st_ino != self.state.stamp[0] or st.st_size < self.state.end:
            self._reload()
            return
        state = read_journal(self.journal, self.state, self.sealer)
        if state is None:
            return
        if state.entries:
            self._replay(state.entries)
            self.foreign += 1
        state.entries = []

    def _reload(self) -> None:
        """Read the files afresh after another process replaced them (a compaction, a restore);
        records that are gone count as removed (by whom and when is no longer known once a
        snapshot folded it in).

        Only `Database.open` seeds the cases list from the snapshot's rows: after a reload every
        row is rebuilt, or the list would keep rows the other process changed before it compacted.
        """
        before = {table: set(self.raw[table]) for table in RECORD_TABLES}
        self.load()
        self.dirty_cases = None
        self.snapshot_rows = []
        for table in RECORD_TABLES:
            for record_id in before[table].difference(self.raw[table]):
                self.removed.setdefault(record_id, ("", 0.0))
        self.foreign += 1

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock, start from the files as they are, and commit the changes staged
        inside as one journal entry; on any error, undo them in memory and write nothing."""
        if self._pending is not None:  # nested: part of the enclosing transaction
            yield
            return
        with locked(self.path, on_wait=self.on_busy):
            self.refresh()
            self._pending, self._undo = [], []
            try:
                yield
                if self._pending:
                    if self.state is None or self.state.generation != self.meta.get("generation"):
                        self._reset_journal()
                    assert self.state is not None
                    append_entry(self.journal, self.state, [c.as_json() for c in self._pending],
                                 self.sealer)
                    self.commits += 1
                    for change in self._pending:
                        if change.data is None and change.table != META_TABLE:
                            self.removed[change.id] = (writer_id(), time.time())
                    if self.on_commit is not None:
                        before = [previous for _t, _i, previous in self._undo]
                        self.on_commit(list(zip(self._pending, before)))
            except BaseException:
                for table, record_id, previous in reversed(self._undo):
                    self._apply(table, record_id, previous)
                raise
            finally:
                self._pending, self._undo = None, []

    def stage(self, change: Change) -> None:
        """Apply one change in memory now (reads see it) and commit it with the transaction."""
        assert self._pending is not None, "stage() outside a transaction"
        if change.table == META_TABLE:
            previous: dict[str, Any] | None = self.meta
        else:
            previous = self.get(change.table, change.id)
            version = None if previous is None else previous.get("version")
            if version != change.old:
                raise Conflict(change.table, change.id, theirs=previous)
        self._undo.append((change.table, change.id, previous))
        self._pending.append(change)
        self._apply(change.table, change.id, change.data)

    def _reset_journal(self) -> None:
        """A fresh journal for the current snapshot generation (under the lock)."""
        generation = int(self.meta.get("generation", 0))
        st = os.stat(self.path)
        write_atomically(self.journal, new_journal_bytes(generation), stat.S_IMODE(st.st_mode),
                         st.st_gid)
        self.state = read_journal(self.journal, sealer=self.sealer)

    def journal_size(self) -> int:
        return 0 if self.state is None else self.state.end

    def _sealed(self, payload: bytes) -> bytes:
        """What goes to disk: the snapshot itself, or encrypted as a whole with the key."""
        return payload if self.sealer is None else self.sealer.seal_file(payload)

    def _render(self, meta: dict[str, Any], rows: list[tuple[str, bytes]] | None) -> bytes:
        return self._sealed(snapshot.render(meta, {
            # TinyDB's document keys are numbered afresh: nothing refers to them.
            table: [(str(n), raw) for n, raw in enumerate(self.raw[table].values(), start=1)]
            for table in RECORD_TABLES
        }, rows))

    def compact(self, rows: Callable[[], list[tuple[str, bytes]]] | None = None) -> None:
        """Fold the journal into a new snapshot generation, atomically, under the lock.

        The snapshot is renamed into place first, then the journal is reset. A crash between
        the two leaves a journal of the old generation, which the next open ignores.
        """
        with locked(self.path, on_wait=self.on_busy):
            self._compact_locked(rows)

    def rekey(self, sealer: Sealer | None,
              rows: Callable[[], list[tuple[str, bytes]]] | None = None,
              also: Callable[[Sealer | None, Sealer | None], None] | None = None,
              *, lock_held: bool = False) -> None:
        """Rewrite the database under another key (None: plain), atomically, under the lock
        (`lock_held`: the caller holds it).

        The journal is folded in under the old key first, so that when the new snapshot is
        renamed into place the journal beside it is empty: a crash at any point leaves either
        the old file whole or the new one, and no entry written under the old key (or in
        plain text) outlives the conversion. `also` runs after that rename, still under the
        lock, with the old key and the new; the old key is wiped after it.
        """
        with contextlib.nullcontext() if lock_held else locked(self.path, on_wait=self.on_busy):
            self._compact_locked(rows)
            old = self.sealer
            self.sealer = sealer
            try:
                self._compact_locked(rows)
            except BaseException:
                self.sealer = old
                raise
            try:
                if also is not None:
                    also(old, sealer)  # e.g. the audit trail, sealed again under the new key
            finally:
                if old is not None and old is not sealer:
                    old.wipe()

    def forget(self) -> None:
        """Drop every record held in memory and the key (the app is locked)."""
        self._reset_indexes()
        self.snapshot_rows = []
        self.state = None
        self.snapshot_stamp = None  # the next read loads everything again
        self.locked_out = True
        self.dirty_cases = None
        if self.sealer is not None:
            self.sealer.wipe()
        self.sealer = None
        gc.collect()

    def _compact_locked(self, rows: Callable[[], list[tuple[str, bytes]]] | None) -> None:
        self.refresh()
        meta = {**self.meta, "generation": int(self.meta.get("generation", 0)) + 1}
        st = os.stat(self.path)
        payload = self._render({**meta, "removed": self._removals_to_keep()},
                               rows() if rows is not None else None)
        write_atomically(self.path, payload, stat.S_IMODE(st.st_mode), st.st_gid)
        self.meta = meta
        self.snapshot_stamp = _stamp(self.path)
        self.foreign_layout = False
        self._reset_journal()

    def _removals_to_keep(self) -> dict[str, list[Any]]:
        since = time.time() - KEEP_REMOVALS_SECONDS
        known = [(at, rid, writer) for rid, (writer, at) in self.removed.items()
                 if writer and at >= since
                 and not any(rid in self.raw[table] for table in RECORD_TABLES)]
        known.sort(reverse=True)
        return {rid: [writer, at] for at, rid, writer in known[:KEEP_REMOVALS]}

    def upgrade(self) -> None:
        """Migrate to this program's schema, after a backup copy of snapshot and journal."""
        moment = time.strftime(SCHEMA_COPY_STAMP)
        old_schema = self.meta["schema"]
        # Fails before any write; what the steps have to tell the officer goes to `notices`.
        notices: list[str] = []
        migrated = migrate(self.tables, self.path, self.migrations, notices)
        with locked(self.path, on_wait=self.on_busy):
            raw, st = read_file(self.path)
            mode = stat.S_IMODE(st.st_mode)
            backup = schema_copy_path(self.path, old_schema, moment)
            write_atomically(backup, raw, mode, st.st_gid)
            if self.journal.exists():
                write_atomically(journal_path(backup),
                                 self.journal.read_bytes(), mode, st.st_gid)
            meta = migrated[META_TABLE][META_DOC]
            meta["generation"] = int(self.meta.get("generation", 0)) + 1
            self._reset_indexes()
            for name in RECORD_TABLES:
                for key, doc in migrated.get(name, {}).items():
                    self._ingest(name, doc)
            write_atomically(self.path, self._render(meta, None), mode, st.st_gid)
            self.meta = meta
            self._reset_journal()
        self.backup_path = backup
        self.upgrade_notices = notices
        self.load()


def remove_database_files(path: Path) -> None:
    """Delete a database: its snapshot, journal, audit trail, backups and lock file (the demo's
    reset uses this)."""
    for file in (path, journal_path(path), audit_path(path), note_path(path), lock_path(path)):
        file.unlink(missing_ok=True)
    shutil.rmtree(backups_folder(path), ignore_errors=True)
