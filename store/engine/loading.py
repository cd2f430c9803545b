"""Reading the engine's files: the snapshot and its journal at open, and what other processes
wrote since.

`Loading` is part of `store.engine.tables.Engine` (kept apart only for size). `load` reads the
snapshot (`store.engine.snapshot` in Pulang's layout, else parsed whole and checked by
`store.engine.storage.inspect`) and replays the journal on top; `refresh` catches up with other
processes before every read and write: their journal entries, or a new snapshot of theirs.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import CorruptDatabase, DatabaseLocked, PassphraseNeeded
from store.common.i18n import _
from store.engine import snapshot, storage
from store.engine.crypto import Sealer, is_encrypted
from store.engine.early import read_early
from store.engine.indexes import RECORD_TABLES, Indexes
from store.engine.journal import JournalState, read_journal
from store.engine.migrations import META_DOC, META_TABLE
from store.engine.modes import refuse_open_to_others
from store.engine.storage import file_stamp, read_file

Progress = Callable[[float], None]


class Loading(Indexes):
    """See the module's doc. The attributes are made, and said, in `Engine.__init__`."""

    path: Path
    journal: Path
    schema: int
    sealer: Sealer | None
    state: JournalState | None
    stale_journal: tuple[int, int] | None
    snapshot_stamp: tuple[int, int, int, int] | None
    snapshot_rows: list[tuple[str, bytes]]
    foreign_layout: bool
    locked_out: bool
    removed: dict[str, tuple[str, float]]
    foreign: int

    def load(self, progress: Progress | None = None,
             on_rows: Callable[[list[tuple[str, bytes]]], None] | None = None) -> None:
        """Read the snapshot and replay the journal; refuse anything damaged or foreign.

        `on_rows` hears the cases list's rows as the snapshot recorded them, before the
        records are read: the list can be shown while the rest loads.
        """
        refuse_open_to_others(self.path)
        told = self._read_early(on_rows) if on_rows is not None else False
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
                if on_rows is not None and not told:
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
            if snapshot.TODAY_TABLE in tables_read and meta.get("schema") == self.schema:
                self.take_agenda(((owner.decode(), orjson.loads(items))
                                  for owner, items in tables_read[snapshot.TODAY_TABLE]),
                                 complete=True)
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

    def _read_early(self, on_rows: Callable[[list[tuple[str, bytes]]], None]) -> bool:
        """The cases list's rows from the start of a plain snapshot, before the records are
        read (`store.engine.early`); whether they were told."""
        early = read_early(self.path, self.journal, self.schema, today=False)
        if early is None:
            return False
        on_rows([(case_id.decode(), raw) for case_id, raw in early.head.row_lines()])
        return True

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
            self.overlay(entry.get("today"))

    def refresh(self) -> None:
        """Catch up with other processes: their journal entries, or a new snapshot of theirs."""
        if self.locked_out:
            raise DatabaseLocked()
        if file_stamp(self.path) != self.snapshot_stamp:
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
        spellings, numbers, workers = self.spellings, self.numbers, self.raw["workers"]
        self.load()
        self._keep_search_indexes(spellings, numbers, workers)
        self.dirty_cases = None
        self.snapshot_rows = []
        for table in RECORD_TABLES:
            for record_id in before[table].difference(self.raw[table]):
                self.removed.setdefault(record_id, ("", 0.0))
        self.foreign += 1
