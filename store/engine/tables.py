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
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.common.errors import Conflict, MissingFolder
from store.domain.matching import NumberIndex, SpellingIndex
from store.engine import snapshot
from store.engine.crypto import Sealer
from store.engine.files import audit_path, backups_folder, journal_path, lock_path, note_path
from store.engine.generations import (
    COMPACT_AT_BYTES,
    KEEP_REMOVALS,
    KEEP_REMOVALS_SECONDS,
    Generations,
    compact_at,
)
from store.engine.indexes import CHILD_TABLES, PER_WORKER_TABLES, RECORD_TABLES
from store.engine.journal import (
    JournalState,
    append_entry,
    locked,
    new_journal_bytes,
    read_journal,
    writer_id,
)
from store.engine.loading import Progress
from store.engine.migrating import Upgrading
from store.engine.migrations import META_DOC, META_TABLE, MIGRATIONS, Migration, schema_of
from store.engine.storage import (
    NEW_FILE_MODE,
    file_stamp,
    new_tables,
    write_atomically,
)


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


class Engine(Generations):
    """The database's files in memory. What it does is spread over the classes it builds on, for
    size: the tables and their indexes (`store.engine.indexes`), reading the files and catching
    up with other processes (`store.engine.loading`), writing a new generation of the snapshot
    (`store.engine.generations`); here: making it, opening it, and committing changes."""

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
        # The workers' search: every spelling of their names, and their phone and passport
        # numbers, indexed in memory on first use (store.engine.indexes), then kept up to date.
        self.spellings: SpellingIndex | None = None
        self.numbers: NumberIndex | None = None
        # Date of birth -> workers, for the matching of people (store.db.people): keyed by the
        # workers' stamp, dropped with the others.
        self.births: tuple[int, dict[str, list[str]]] | None = None
        # Today's items by owner, kept up to date on each save (store.engine.agenda); the
        # store says how an owner's are worked out.
        self.agenda_of: Callable[[str], list[Any]] | None = None
        self._reset_agenda()

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
        engine.snapshot_stamp = file_stamp(path)
        return engine

    @classmethod
    def open(cls, path: Path, migrations: Sequence[Migration] = MIGRATIONS,
             progress: Progress | None = None,
             on_rows: Callable[[list[tuple[str, bytes]]], None] | None = None,
             sealer: Sealer | None = None,
             on_busy: Callable[[], None] | None = None,
             upgrading: Upgrading | None = None) -> Engine:
        """Read the files; an older schema is upgraded (`upgrading` hears the records done
        of the total as it goes)."""
        engine = cls(path, migrations, sealer)
        engine.on_busy = on_busy  # opening may migrate, under the lock
        engine.load(progress, on_rows)
        if engine.meta["schema"] < engine.schema:
            engine.upgrade(upgrading)
        return engine

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
                    today = self.commit_agenda()
                    append_entry(self.journal, self.state, [c.as_json() for c in self._pending],
                                 self.sealer, today)
                    self.committed_agenda(today)
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


def remove_database_files(path: Path) -> None:
    """Delete a database: its snapshot, journal, audit trail, backups and lock file (the demo's
    reset uses this)."""
    for file in (path, journal_path(path), audit_path(path), note_path(path), lock_path(path)):
        file.unlink(missing_ok=True)
    shutil.rmtree(backups_folder(path), ignore_errors=True)


# What the engine offers, with the names that moved beside it (indexes, loading, generations)
# and are still found here.
__all__ = ["CHILD_TABLES", "COMPACT_AT_BYTES", "KEEP_REMOVALS", "KEEP_REMOVALS_SECONDS",
           "compact_at", "PER_WORKER_TABLES", "RECORD_TABLES", "Change", "Engine", "Progress",
           "remove_database_files"]
