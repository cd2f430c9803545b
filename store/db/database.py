"""The database: the domain's records, kept as a TinyDB snapshot plus a journal
(`store.engine.tables`).

The UI and the command line call these methods and get records back, or a domain error; they
never touch tables or raw dicts. Every method is safe to call from one thread at a time (a lock
guards the engine), so the UI can run them in a worker off its event loop.

`Database` is made of parts, one module of store/db each (`store.db.base` lists them); here is
its core: opening and closing, the transaction, backups and the warnings said after a save.
The rules applied before a write are pure functions of `store.domain.rules`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from store.common.errors import DatabaseBusy, NotCompacted, WriteFailed
from store.db.agenda import AgendaPart
from store.db.agreements import AgreementsPart
from store.db.base import (
    CASES,
    CONSENTS,
    LOG,
    PER_WORKER,
    PLANS,
    SCREENINGS,
    WORKERS,
)
from store.db.base import KIND_OF as _KIND_OF
from store.db.base import TABLE_OF as _TABLE_OF
from store.db.cases import CasesPart
from store.db.checkins import CheckInsPart
from store.db.closing import ClosingPart
from store.db.directory import DirectoryPart
from store.db.finding import FindingPart
from store.db.inquiries import InquiriesPart
from store.db.intakes import IntakesPart
from store.db.keeping import KeepingPart
from store.db.keys import KeysPart, unlock
from store.db.legal import LegalPart
from store.db.log import LogPart
from store.db.meetings import MeetingsPart
from store.db.merging import MergingPart
from store.db.network import NetworkMixin
from store.db.people import PeoplePart
from store.db.registry import RegistryPart
from store.db.replica import ReplicaPart
from store.db.requests import RequestsPart
from store.db.road import RoadPart
from store.db.saving import SavingPart
from store.db.sharing import SharingPart
from store.db.trail import AuditPart
from store.db.views import ViewsPart, decode_row
from store.db.workers import WorkersPart
from store.domain.rows import CaseRow
from store.domain.rules.erasure import ERASED_NAME
from store.domain.rules.erasure import without_names as _without_names
from store.engine import backups, unfinished
from store.engine.crypto import Sealer
from store.engine.migrations import MIGRATIONS, Migration, Tables
from store.engine.officer import current_user
from store.engine.storage import remove_stale_temporaries
from store.engine.tables import Engine, compact_at

# What is importable from here: the Database, and what other modules and tests take from it
# (the tables are store.db.base's, the erasing rules store.domain.rules.erasure's).
__all__ = ["CASES", "CONSENTS", "ERASED_NAME", "LOG", "PER_WORKER", "PLANS", "SCREENINGS",
           "WORKERS", "_KIND_OF", "_TABLE_OF", "Database", "_without_names", "current_user",
           "unlock"]

# Below this snapshot size, closing always folds the journal in: it takes milliseconds.
_SMALL_SNAPSHOT = 16 * 1024 * 1024


class Database(KeysPart, AuditPart, SavingPart, CasesPart, WorkersPart, LogPart, RoadPart,
               ViewsPart, FindingPart, DirectoryPart, MergingPart, MeetingsPart, AgreementsPart,
               NetworkMixin, ReplicaPart, SharingPart, RegistryPart, PeoplePart, IntakesPart,
               InquiriesPart, LegalPart, ClosingPart, RequestsPart, CheckInsPart,
               KeepingPart, AgendaPart):
    """The store, as the app and the command line see it (see the module's doc): its parts'
    methods, and here opening, closing, the transaction and backups."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.RLock()
        self._rows: dict[str, CaseRow] = {}
        self._forgotten = False
        # Said to the user after a save: the save itself succeeded (e.g. the audit trail
        # could not be written). `take_warnings()` hands them over once.
        self.warnings: list[str] = []
        # Changes saved whose audit entries could not be written (table, record id): the next
        # entry written, or the close, is preceded by one that records them (audit.GAP).
        self._unaudited: list[tuple[str, str]] = []
        self._audit_as: tuple[str, str | None] | None = None
        self._depth = 0  # transactions open in this object: the lock is held when > 0
        # What opening finished (or called off) of an encrypt or passwd a killed process left
        # half done (`store.engine.unfinished`): for the user, in the app or on stderr.
        self.resumed: list[str] = []
        engine.on_commit = self._record_commit
        engine.agenda_of = self._agenda_of  # Today's items, kept on each save
        self._foreign_seen = engine.foreign

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        demo: bool = False,
        migrations: Sequence[Migration] = MIGRATIONS,
        progress: Callable[[float], None] | None = None,
        on_rows: Callable[[list[CaseRow]], None] | None = None,
        passphrase: str | None = None,
        sealer: Sealer | None = None,
        on_busy: Callable[[], None] | None = None,
        upgrading: Callable[[int, int], None] | None = None,
    ) -> Database:
        """Open (or, with `create`, make) a database; refuse anything that is not one.

        An encrypted database needs its `passphrase` (the key is derived from it once, here)
        or a `sealer` already unlocked; without either it raises PassphraseNeeded, with a wrong
        one WrongPassphrase, and writes nothing. With `create`, a passphrase makes the new
        database encrypted from its first byte.

        `progress` hears the share of the snapshot read so far, now and then, while it loads;
        `on_rows` hears the cases list as the snapshot recorded it, before the records are
        indexed, so a screen can show it early. `on_busy`: see the `on_busy` property.
        `upgrading` hears, while a database of an older schema is upgraded, the records done
        of the total, now and then, and once more when they are all done.
        """
        path = Path(path)
        seeded: dict[str, CaseRow] = {}

        def rows_first(raw_rows: list[tuple[str, bytes]]) -> None:
            for case_id, raw in raw_rows:
                seeded[case_id] = decode_row(case_id, raw)
            if on_rows is not None:
                on_rows(list(seeded.values()))

        resumed: list[str] = []
        if create and not (path.exists() or path.is_symlink()):
            if sealer is None and passphrase is not None:
                sealer = Sealer.new(passphrase)
            engine = Engine.create(path, demo=demo, migrations=migrations, sealer=sealer)
        else:
            if sealer is None:
                sealer = unlock(path, passphrase)
            engine = Engine.open(path, migrations=migrations, progress=progress,
                                 on_rows=rows_first, sealer=sealer, on_busy=on_busy,
                                 upgrading=upgrading)
            remove_stale_temporaries(path)
            resumed = unfinished.settle(path, engine.sealer, on_busy)
        engine.on_busy = on_busy
        database = cls(engine)
        database.resumed = resumed
        if engine.dirty_cases is not None:  # the snapshot's rows hold, but for what changed
            database._rows = seeded or {k: decode_row(k, r) for k, r in engine.snapshot_rows}
        engine.snapshot_rows = []
        return database

    def close(self) -> None:
        """Fold the journal into the snapshot when that is cheap or the journal has grown.

        Changes saved while the audit trail could not be written are recorded in it first
        (`audit.GAP`); if it still cannot be written, AuditGapLost says which, after the
        compaction: nothing else could keep them once the process ends."""
        with self._lock:
            lost = self._record_gap_on_close()
            try:
                self._compact_on_close()
            except NotCompacted:
                if lost is None:
                    raise
            if lost is not None:
                raise lost

    def _compact_on_close(self) -> None:
        with self._lock:
            engine = self._engine
            # Only a process that saved something rewrites the snapshot: `check` and other
            # readers leave the files exactly as they found them.
            changed = engine.commits > 0 and engine.state is not None and engine.state.seq > 0
            size = engine.snapshot_stamp[2] if engine.snapshot_stamp is not None else 0
            small = engine.snapshot_stamp is not None and size < _SMALL_SNAPSHOT
            # A file without Today's items gets them once they were worked out here (the
            # first Today after an upgrade): the next opening draws Today from them at once.
            if (changed and (small or engine.journal_size() >= compact_at(size))) or (
                changed and engine.foreign_layout
            ) or (engine.agenda_built and not engine.foreign_layout):
                # Every saved change is already in the journal: a compaction that cannot
                # happen now loses nothing, and the next close tries again.
                try:
                    engine.compact(self._encoded_rows)
                except DatabaseBusy:
                    pass  # another officer is writing; their close or ours later folds it in
                except WriteFailed as error:
                    raise NotCompacted(engine.path, engine.journal, error.reason) from error

    def compact(self) -> None:
        with self._lock:
            self._engine.compact(self._encoded_rows)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._engine.path

    @property
    def on_busy(self) -> Callable[[], None] | None:
        """Called once when a write has to wait for another officer's to finish (the lock is
        taken), before it retries; from the thread that writes. After LOCK_TIMEOUT_SECONDS
        the write gives up with DatabaseBusy."""
        return self._engine.on_busy

    @on_busy.setter
    def on_busy(self, callback: Callable[[], None] | None) -> None:
        self._engine.on_busy = callback

    @property
    def is_demo(self) -> bool:
        return bool(self._engine.meta.get("demo"))

    @property
    def schema(self) -> int:
        return int(self._engine.meta["schema"])

    @property
    def backup_path(self) -> Path | None:
        """The copy kept from before a migration run when this database was opened, if any."""
        return self._engine.backup_path

    @property
    def upgrade_notices(self) -> list[str]:
        """What the migration run when this database was opened has to tell the officer
        (entries it could not bring up to date by itself), in their language; [] if none.
        The command line prints them, the app shows them once loaded."""
        return list(self._engine.upgrade_notices)

    def backup(self, reason: str = "opened") -> backups.Outcome:
        """Back the database up now (`store.engine.backups`); never raises: warnings are in the
        outcome's notices. A demo database is backed up like any other, so that trying the
        demo shows what a real database gets.

        Takes no lock of this object, only the file's lock for the link and the journal's
        read, so a save from another thread waits for milliseconds at most.
        """
        engine = self._engine
        erasures = [str(moment) for moment in engine.meta.get("erasures", [])]
        return backups.take_backup(engine.path, reason, erasures=erasures)

    def start_backup(self, reason: str = "opened",
                     done: Callable[[backups.Outcome], None] | None = None) -> threading.Thread:
        """Back up in a background thread; `done` hears the outcome, from that thread.

        A daemon thread: if the process ends first, the backup is simply not there (it gets
        its name last), and the next one is taken on the next opening.
        """

        def run() -> None:
            outcome = self.backup(reason)
            if done is not None:
                done(outcome)

        thread = threading.Thread(target=run, name="pulang-backup", daemon=True)
        thread.start()
        return thread

    def record_erasure(self, when: dt.datetime | None = None) -> str:
        """Note that records were erased now (or `when`), as part of the erasing transaction:
        backups taken before it are deleted once it is
        `store.engine.backups.ERASED_BACKUP_DAYS` old. Returns the moment recorded (ISO, UTC)."""
        with self.transaction():
            return backups.record_erasure(self._engine, when)

    def raw_records(self) -> dict[str, dict[str, bytes]]:
        """Each table's records as stored (snapshot plus journal): id -> their JSON bytes,
        unparsed (`pulang check` parses them a chunk at a time)."""
        with self._lock:
            self._engine.refresh()
            return {table: dict(records) for table, records in self._engine.raw.items()}

    def raw_tables(self) -> Tables:
        """The tables as stored (snapshot plus journal), unvalidated: for `pulang check`."""
        with self._lock:
            self._engine.refresh()
            return self._engine.tables

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Several changes as one atomic journal entry: all of them reach the file, or none."""
        with self._lock, self._engine.transaction():
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1

    def take_warnings(self) -> list[str]:
        """The warnings gathered since the last call (each is said once)."""
        with self._lock:
            warnings, self.warnings = self.warnings, []
        return warnings
