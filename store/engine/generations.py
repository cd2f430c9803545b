"""A new generation of the snapshot: compaction, a change of key, an upgrade of the schema.

`Generations` is part of `store.engine.tables.Engine` (kept apart only for size). Each writes a
whole new snapshot from the bytes in memory, atomically and under the lock, then starts a fresh
journal for it: `compact` folds the journal in, `rekey` rewrites the database under another key
(or none), `upgrade` migrates it to this program's schema after keeping a copy of it
(`store.engine.files.schema_copy_path`). `forget` drops everything from memory.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from store.engine import snapshot
from store.engine.agenda import TASKS
from store.engine.crypto import Sealer
from store.engine.files import SCHEMA_COPY_STAMP, journal_path, schema_copy_path
from store.engine.indexes import RECORD_TABLES
from store.engine.journal import locked, new_journal_bytes, read_journal
from store.engine.loading import Loading
from store.engine.migrating import Upgrading, run_steps
from store.engine.migrations import Migration
from store.engine.storage import file_stamp, write_atomically

# Fold the journal into the snapshot at close once it is this large, or a share of the
# snapshot, whichever is larger (`compact_at`).
COMPACT_AT_BYTES = 256 * 1024
# The share: a compaction rewrites the whole snapshot (hundreds of megabytes at 50,000 cases),
# so at a fixed 256 KB a large database was rewritten for every few dozen saves. A journal of
# 1/64 of the snapshot (13 MB at 820 MB) costs a fraction of a second to read at each opening
# (before Today is drawn too: its items ride in it) and no durability: every entry is fsynced
# as it is written, whatever the threshold (issues 3 and 4).
COMPACT_SHARE = 64


def compact_at(snapshot_bytes: int) -> int:
    """The journal's size at which a close folds it into a snapshot of this size."""
    return max(COMPACT_AT_BYTES, snapshot_bytes // COMPACT_SHARE)

# Removals the snapshot remembers (who and when), so that a conflict with one can say so after
# the journal that recorded it was folded in: the most recent, for this long.
KEEP_REMOVALS = 1000
KEEP_REMOVALS_SECONDS = 90 * 24 * 3600


class Generations(Loading):
    """See the module's doc. The attributes are made, and said, in `Engine.__init__`."""

    migrations: tuple[Migration, ...]
    backup_path: Path | None
    upgrade_notices: list[str]
    on_busy: Callable[[], None] | None

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

    def _render(self, meta: dict[str, Any],
                rows: list[tuple[str, bytes]] | None) -> bytes | Iterator[bytes]:
        """The new snapshot: in pieces as it is written when plain (a large one is never whole
        in memory), whole and sealed when encrypted (the seal needs it all)."""
        today = None
        if rows is not None and self.agenda_of is not None:
            agenda = self.fresh_agenda(self.agenda_owners)
            # Stored only whole: a Today drawn early without a case would mislead.
            if not self.agenda_failed:
                today = [(owner, memoryview(orjson.dumps(items)).tobytes())
                         for owner, items in agenda.items()]
                self.agenda_built = False  # what was worked out goes into the file now
        tables = {
            # TinyDB's document keys are numbered afresh: nothing refers to them.
            table: [(str(n), raw) for n, raw in enumerate(self.raw[table].values(), start=1)]
            for table in RECORD_TABLES
        }
        if self.sealer is None:
            return snapshot.pieces(meta, tables, rows, today)
        return self._sealed(snapshot.render(meta, tables, rows, today))

    def agenda_owners(self) -> list[str]:
        """Every owner of Today's items: each case, and the tasks."""
        return [*self.raw["cases"], TASKS]

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
        self.snapshot_stamp = file_stamp(self.path)
        self.foreign_layout = False
        self._reset_journal()

    def _removals_to_keep(self) -> dict[str, list[Any]]:
        since = time.time() - KEEP_REMOVALS_SECONDS
        known = [(at, rid, writer) for rid, (writer, at) in self.removed.items()
                 if writer and at >= since
                 and not any(rid in self.raw[table] for table in RECORD_TABLES)]
        known.sort(reverse=True)
        return {rid: [writer, at] for at, rid, writer in known[:KEEP_REMOVALS]}

    def upgrade(self, upgrading: Upgrading | None = None) -> None:
        """Migrate to this program's schema, after a backup copy of snapshot and journal.

        The steps run on the records' bytes in memory, every table walked once
        (`store.engine.migrating`; `upgrading` hears the records done of the total); a failing
        step raises MigrationFailed before anything is written or locked, and whoever opened
        the engine drops it. Under the lock, should the files have changed since they were
        read (another process wrote, or upgraded), they are read again and migrated again.
        The new snapshot is written in pieces (when plain), never whole in memory.
        """
        moment = time.strftime(SCHEMA_COPY_STAMP)
        old_schema = int(self.meta["schema"])
        notices: list[str] = []  # what the steps have to tell the officer
        meta, changed = run_steps(self.meta, self.raw, self.path, self.migrations, notices,
                                  upgrading)
        with locked(self.path, on_wait=self.on_busy):
            if not self._as_read():
                self.load()
                old_schema = int(self.meta["schema"])
                if old_schema >= self.schema:
                    return  # another process upgraded it meanwhile
                notices = []
                meta, changed = run_steps(self.meta, self.raw, self.path, self.migrations,
                                          notices, upgrading)
            if changed:  # records changed: their indexes are made again, from their bytes
                raw = self.raw
                self._reset_indexes()
                self._loading = True
                for name in RECORD_TABLES:
                    self._bulk_ingest(name, list(raw.get(name, {}).values()))
                self._loading = False
                del raw
            meta["generation"] = int(self.meta.get("generation", 0)) + 1
            st = os.stat(self.path)
            mode = stat.S_IMODE(st.st_mode)
            backup = schema_copy_path(self.path, old_schema, moment)
            _keep_copy(self.path, backup, mode, st.st_gid)
            if self.journal.exists():
                write_atomically(journal_path(backup),
                                 self.journal.read_bytes(), mode, st.st_gid)
            full = {**meta, "removed": self._removals_to_keep()}
            tables = {table: [(str(n), raw) for n, raw in enumerate(
                self.raw[table].values(), start=1)] for table in RECORD_TABLES}
            if self.sealer is None:
                write_atomically(self.path, snapshot.pieces(full, tables), mode, st.st_gid)
            else:
                write_atomically(self.path, self._sealed(snapshot.render(full, tables)), mode,
                                 st.st_gid)
            del tables
            # Dated now, as a copy written now would be (the backups' rules read its time):
            # the file is the copy's alone from the moment the new one took its name.
            with contextlib.suppress(OSError):
                os.utime(backup)
            self.meta = meta
            self.snapshot_stamp = file_stamp(self.path)
            self.foreign_layout = False
            self._reset_journal()
        self.backup_path = backup
        self.upgrade_notices = notices

    def _as_read(self) -> bool:
        """Whether the snapshot and its journal are as they were when last read."""
        if file_stamp(self.path) != self.snapshot_stamp:
            return False
        try:
            st = os.stat(self.journal)
        except FileNotFoundError:
            return self.state is None and self.stale_journal is None
        read = self.state.stamp if self.state is not None else self.stale_journal
        return (st.st_ino, st.st_size) == read


def _keep_copy(path: Path, copy: Path, mode: int, gid: int | None) -> None:
    """`copy` made of the file at `path` as it is: a second name of it (the file is only ever
    replaced whole, never changed in place, so the copy stays as it is now), or where the file
    system has no hard links (or the name is taken), a copy written in pieces."""
    try:
        os.link(path, copy)
        return
    except OSError:
        pass

    def chunks() -> Iterator[bytes]:
        with open(path, "rb") as handle:
            while piece := handle.read(4 * 1024 * 1024):
                yield piece

    write_atomically(copy, chunks(), mode, gid)
