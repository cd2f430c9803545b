"""The in-memory database and its write path: snapshot + journal, indexed for the store's queries.

Opening reads the snapshot (a TinyDB JSON file) once, replays the journal on top, and builds the
indexes the store needs (record id -> document, case -> its workers and log entries). A commit
changes memory and appends one journal entry, so a save costs the same at 10 or 50,000 cases.
Compaction folds the journal into a new snapshot generation, atomically, under the lock.

TinyDB's own table layer rebuilds a whole table on every insert or update and scans it on every
search; the engine therefore keeps the parsed TinyDB document itself and writes it back through
the TinyDB storage (`AtomicJSONStorage`) at compaction.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from store.errors import Conflict, CorruptDatabase, MissingDatabase
from store.i18n import _
from store.journal import (
    JournalState,
    append_entry,
    journal_path,
    lock_path,
    locked,
    new_journal_bytes,
    read_journal,
)
from store.migrations import META_DOC, META_TABLE, MIGRATIONS, Migration, Tables, migrate, schema_of
from store import storage
from store.storage import NEW_FILE_MODE, new_tables, read_file, write_atomically

CHILD_TABLES = ("workers", "log")
RECORD_TABLES = ("cases", "workers", "log")

# Fold the journal into the snapshot at close once it is this large, or at once past 4×.
COMPACT_AT_BYTES = 256 * 1024


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
    def __init__(self, path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        self.path = path
        self.journal = journal_path(path)
        self.migrations = tuple(migrations)
        self.schema = schema_of(self.migrations)
        self.tables: Tables = {}
        self.by_id: dict[str, dict[str, dict[str, Any]]] = {}
        self.keys: dict[str, dict[str, str]] = {}  # record id -> its TinyDB document key
        self._last_key: dict[str, int] = {}
        self._pending: list[Change] | None = None
        self._undo: list[tuple[str, str, dict[str, Any] | None]] = []
        self.children: dict[str, dict[str, dict[str, None]]] = {}
        self.state: JournalState | None = None
        self.snapshot_stamp: tuple[int, int, int, int] | None = None
        self.backup_path: Path | None = None
        self.stale_journal: tuple[int, int] | None = None
        self.dirty_cases: set[str] | None = None  # None: every case's row must be rebuilt
        self.revision = 0  # bumps on every change seen, ours or another process's

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, demo: bool, migrations: Sequence[Migration] = MIGRATIONS) -> Engine:
        engine = cls(path, migrations)
        if not path.parent.is_dir():
            raise MissingDatabase(
                path, _("The folder {folder} does not exist.").format(folder=path.parent)
            )
        tables = new_tables(engine.schema, demo=demo)
        tables[META_TABLE][META_DOC]["generation"] = 1
        for table in RECORD_TABLES:
            tables[table] = {}
        with locked(path):
            write_atomically(path, orjson.dumps(tables), NEW_FILE_MODE, None)
            write_atomically(engine.journal, new_journal_bytes(1), NEW_FILE_MODE, None)
        # What was just written is what memory holds: no need to read it back.
        engine.tables = tables
        engine._index()
        engine.state = read_journal(engine.journal)
        engine.snapshot_stamp = _stamp(path)
        return engine

    @classmethod
    def open(cls, path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> Engine:
        engine = cls(path, migrations)
        engine.load()
        if engine.meta["schema"] < engine.schema:
            engine.upgrade()
        return engine

    def load(self) -> None:
        """Read the snapshot and replay the journal; refuse anything damaged or foreign."""
        raw, st = read_file(self.path)
        # JSON holds no reference cycles: the collector would only slow the parse down.
        gc.disable()
        try:
            tables = storage.inspect(self.path, raw, self.schema)
            del raw
            state = read_journal(self.journal)
            generation = int(tables[META_TABLE][META_DOC].get("generation", 0))
            if state is not None and state.generation > generation:
                raise CorruptDatabase(
                    self.path,
                    _("{path} is older than its journal (was the file restored from a backup "
                      "without {journal}?). Pulang has not changed either.").format(
                        path=self.path, journal=self.journal.name
                    ),
                )
            self.tables = tables
            for table in RECORD_TABLES:
                tables.setdefault(table, {})
            self._index()
            self.stale_journal = None
            if state is not None and state.generation == generation:
                for entry in state.entries:
                    self._replay(entry)
                state.entries = []
            else:
                # No journal, or one already folded into this snapshot (a compaction stopped
                # between renaming the snapshot and resetting the journal): nothing to replay.
                self.stale_journal = state.stamp if state is not None else None
                state = None
            self.state = state
            self.snapshot_stamp = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        finally:
            gc.enable()
        gc.freeze()  # the loaded data is long-lived: keep it out of every later collection
        self.dirty_cases = None
        self.revision += 1

    def _index(self) -> None:
        self.by_id = {table: {} for table in RECORD_TABLES}
        self.keys = {table: {} for table in RECORD_TABLES}
        self.children = {table: {} for table in CHILD_TABLES}
        self._last_key = {}
        for table in RECORD_TABLES:
            ids, keys = self.by_id[table], self.keys[table]
            for key, doc in self.tables[table].items():
                ids[doc["id"]] = doc
                keys[doc["id"]] = key
                if table in CHILD_TABLES:
                    self.children[table].setdefault(doc["case_id"], {})[doc["id"]] = None

    def _replay(self, entry: dict[str, Any]) -> None:
        for change in entry["changes"]:
            self._apply(change["table"], change["id"], change["data"])

    def _apply(self, table: str, record_id: str, data: dict[str, Any] | None) -> None:
        """Put (or, with data None, remove) one record in memory and in the indexes."""
        if table == META_TABLE:
            assert data is not None
            self.tables[META_TABLE][META_DOC] = data
            self.revision += 1
            return
        ids, keys = self.by_id[table], self.keys[table]
        old = ids.get(record_id)
        docs = self.tables[table]
        if old is not None:
            key = keys[record_id]
            if data is None:
                del docs[key], ids[record_id], keys[record_id]
            else:
                docs[key] = ids[record_id] = data
        elif data is not None:
            key = str(self._next_key(table))
            docs[key] = ids[record_id] = data
            keys[record_id] = key
        if table in CHILD_TABLES:
            before = old.get("case_id") if old else None
            after = data.get("case_id") if data else None
            if before and before != after:
                self.children[table].get(before, {}).pop(record_id, None)
            if after:
                self.children[table].setdefault(after, {})[record_id] = None
            for case_id in (before, after):
                self._touch(case_id)
        elif table == "cases":
            self._touch(record_id)
        self.revision += 1

    def _touch(self, case_id: str | None) -> None:
        if case_id and self.dirty_cases is not None:
            self.dirty_cases.add(case_id)

    def _next_key(self, table: str) -> int:
        if table not in self._last_key:
            self._last_key[table] = max((int(k) for k in self.tables[table]), default=0)
        self._last_key[table] += 1
        return self._last_key[table]

    # -- reading ---------------------------------------------------------------------------

    @property
    def meta(self) -> dict[str, Any]:
        return self.tables[META_TABLE][META_DOC]

    def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        return self.by_id.get(table, {}).get(record_id)

    def children_of(self, table: str, case_id: str) -> list[dict[str, Any]]:
        ids = self.by_id[table]
        return [ids[rid] for rid in self.children[table].get(case_id, {})]

    def refresh(self) -> None:
        """Catch up with other processes: their journal entries, or a new snapshot of theirs."""
        if _stamp(self.path) != self.snapshot_stamp:
            self.load()
            return
        try:
            st = os.stat(self.journal)
        except FileNotFoundError:
            return
        if self.state is None:
            if (st.st_ino, st.st_size) != self.stale_journal:
                self.load()
            return
        if (st.st_ino, st.st_size) == self.state.stamp:
            return
        if st.st_ino != self.state.stamp[0] or st.st_size < self.state.end:
            self.load()
            return
        state = read_journal(self.journal, self.state)
        if state is None:
            return
        for entry in state.entries:
            self._replay(entry)
        state.entries = []

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock, start from the files as they are, and commit the changes staged
        inside as one journal entry; on any error, undo them in memory and write nothing."""
        if self._pending is not None:  # nested: part of the enclosing transaction
            yield
            return
        with locked(self.path):
            self.refresh()
            self._pending, self._undo = [], []
            try:
                yield
                if self._pending:
                    if self.state is None or self.state.generation != self.meta.get("generation"):
                        self._reset_journal()
                    assert self.state is not None
                    append_entry(self.journal, self.state, [c.as_json() for c in self._pending])
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
                raise Conflict()
        self._undo.append((change.table, change.id, previous))
        self._pending.append(change)
        self._apply(change.table, change.id, change.data)

    def _reset_journal(self) -> None:
        """A fresh journal for the current snapshot generation (under the lock)."""
        generation = int(self.meta.get("generation", 0))
        st = os.stat(self.path)
        write_atomically(self.journal, new_journal_bytes(generation), stat.S_IMODE(st.st_mode),
                         st.st_gid)
        self.state = read_journal(self.journal)

    def journal_size(self) -> int:
        return 0 if self.state is None else self.state.end

    def compact(self) -> None:
        """Fold the journal into a new snapshot generation, atomically, under the lock.

        The snapshot is renamed into place first, then the journal is reset. A crash between
        the two leaves a journal of the old generation, which the next open ignores.
        """
        with locked(self.path):
            self.refresh()
            meta = self.meta
            generation = int(meta.get("generation", 0))
            st = os.stat(self.path)
            meta["generation"] = generation + 1
            try:
                write_atomically(self.path, orjson.dumps(self.tables), stat.S_IMODE(st.st_mode),
                                 st.st_gid)
            except BaseException:
                meta["generation"] = generation
                raise
            self.snapshot_stamp = _stamp(self.path)
            self._reset_journal()

    def upgrade(self) -> None:
        """Migrate to this program's schema, after a backup copy of snapshot and journal."""
        moment = time.strftime("%Y%m%d-%H%M%S")
        old_schema = self.meta["schema"]
        migrated = migrate(self.tables, self.path, self.migrations)  # fails before any write
        with locked(self.path):
            raw, st = read_file(self.path)
            backup = self.path.with_name(f"{self.path.name}.schema{old_schema}-{moment}.bak")
            write_atomically(backup, raw, stat.S_IMODE(st.st_mode), st.st_gid)
            if self.journal.exists():
                write_atomically(backup.with_name(backup.name + ".journal"),
                                 self.journal.read_bytes(), stat.S_IMODE(st.st_mode), st.st_gid)
            migrated[META_TABLE][META_DOC]["generation"] = int(self.meta.get("generation", 0)) + 1
            write_atomically(self.path, orjson.dumps(migrated), stat.S_IMODE(st.st_mode), st.st_gid)
        self.backup_path = backup
        self.load()


def remove_database_files(path: Path) -> None:
    """Delete a database: its snapshot, journal and lock file (the demo's reset uses this)."""
    for file in (path, journal_path(path), lock_path(path)):
        file.unlink(missing_ok=True)
