"""The database: the domain's records, kept as a TinyDB snapshot plus a journal (`store.engine.tables`).

The UI and the command line call these methods and get records back, or a domain error; they
never touch tables or raw dicts. Every method is safe to call from one thread at a time (a lock
guards the engine), so the UI can run them in a worker off its event loop.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import orjson
from pydantic import ValidationError

from store.common import clock
from store.common.errors import (
    AuditGapLost,
    Conflict,
    DamagedRecord,
    DatabaseBusy,
    DatabaseLocked,
    NotCompacted,
    NotFound,
    PassphraseNeeded,
    PulangError,
    RecordInvalid,
    RuleRefused,
    WriteFailed,
    failure_reason,
)
from store.common.i18n import _
from store.db.network import NETWORK_TABLE_OF, NetworkMixin
from store.domain.countries import country_name
from store.domain.records import (
    STORED,
    Agreement,
    Case,
    Consent,
    LogEntry,
    Meeting,
    Organisation,
    Person,
    Plan,
    Record,
    Screening,
    Task,
    Worker,
    build,
    is_child,
    new_id,
    suggested_status,
)
from store.domain.road import TEMPLATES, Derived, derive_from_plans, template_for
from store.domain.rows import CaseRow
from store.domain.rules import today as today_rules
from store.domain.rules.consent import (
    asks_consent,
    consent_gaps,
    refuse_recipient,
    sent_without_consent,
)
from store.domain.rules.erasure import (
    ERASED_NAME,
    blanked,
    erased_worker,
    names_to_blank,
    without_names,
)
from store.domain.rules.plan import first_steps, plans_to_set, with_step
from store.domain.rules.stage import (
    choose_stage,
    following_again_note,
    refuse_closing,
    stage_to_follow,
)
from store.domain.text import fold, row_name
from store.domain.today import Today
from store.domain.vocab import Stage, StepStatus, label
from store.engine import audit, backups, unfinished
from store.engine.crypto import Sealer, is_encrypted
from store.engine.journal import locked, read_journal
from store.engine.migrations import META_TABLE, MIGRATIONS, Migration, Tables
from store.engine.officer import author, current_user, officer
from store.engine.storage import remove_stale_temporaries
from store.engine.tables import COMPACT_AT_BYTES, Change, Engine

R = TypeVar("R", bound=Record)

CASES, WORKERS, LOG = "cases", "workers", "log"
SCREENINGS, CONSENTS, PLANS = "screenings", "consents", "plans"
_TABLE_OF: dict[type[Record], str] = {Case: CASES, Worker: WORKERS, LogEntry: LOG,
                                      Screening: SCREENINGS, Consent: CONSENTS, Plan: PLANS,
                                      **NETWORK_TABLE_OF}
# One record of each of these per worker.
PER_WORKER: tuple[type[Record], ...] = (Screening, Consent, Plan)
_KIND_OF: dict[str, type[Record]] = {table: kind for kind, table in _TABLE_OF.items()}

# What is importable from here: the Database, and what other modules and tests take from it.
__all__ = ["CASES", "CONSENTS", "ERASED_NAME", "LOG", "PER_WORKER", "PLANS", "SCREENINGS",
           "WORKERS", "_KIND_OF", "_TABLE_OF", "Database", "_without_names", "current_user",
           "unlock"]

# Below this snapshot size, closing always folds the journal in: it takes milliseconds.
_SMALL_SNAPSHOT = 16 * 1024 * 1024


@cache
def _country_words(code: str) -> str:
    return f"{code} {country_name(code, 'en')} {country_name(code, 'id')}"


class Database(NetworkMixin):
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
    ) -> Database:
        """Open (or, with `create`, make) a database; refuse anything that is not one.

        An encrypted database needs its `passphrase` (the key is derived from it once, here)
        or a `sealer` already unlocked; without either it raises PassphraseNeeded, with a wrong
        one WrongPassphrase, and writes nothing. With `create`, a passphrase makes the new
        database encrypted from its first byte.

        `progress` hears the share of the snapshot read so far, now and then, while it loads;
        `on_rows` hears the cases list as the snapshot recorded it, before the records are
        indexed, so a screen can show it early. `on_busy`: see the `on_busy` property.
        """
        path = Path(path)
        seeded: dict[str, CaseRow] = {}

        def rows_first(raw_rows: list[tuple[str, bytes]]) -> None:
            for case_id, raw in raw_rows:
                seeded[case_id] = _decode_row(case_id, raw)
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
                                 on_rows=rows_first, sealer=sealer, on_busy=on_busy)
            remove_stale_temporaries(path)
            resumed = unfinished.settle(path, engine.sealer, on_busy)
        engine.on_busy = on_busy
        database = cls(engine)
        database.resumed = resumed
        if engine.dirty_cases is not None:  # the snapshot's rows hold, but for what changed
            database._rows = seeded or {k: _decode_row(k, r) for k, r in engine.snapshot_rows}
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

    def _record_gap_on_close(self) -> AuditGapLost | None:
        if not self._unaudited:
            return None
        unaudited, self._unaudited = self._unaudited, []
        try:
            if self._forgotten:
                raise DatabaseLocked()
            with locked(self.path, on_wait=self._engine.on_busy):
                audit.append(self.path, [audit.gap_entry(unaudited)], self._engine.sealer)
        except Exception as error:  # noqa: BLE001 - said below, with the records
            reason = failure_reason(error) if isinstance(error, OSError) else str(error)
            gap = audit.Gap.of(audit.gap_entry(unaudited), 0)
            assert gap is not None
            return AuditGapLost(audit.audit_path(self.path), gap.count, gap.records_text(),
                                reason)
        return None

    def _compact_on_close(self) -> None:
        with self._lock:
            engine = self._engine
            # Only a process that saved something rewrites the snapshot: `check` and other
            # readers leave the files exactly as they found them.
            changed = engine.commits > 0 and engine.state is not None and engine.state.seq > 0
            small = engine.snapshot_stamp is not None and engine.snapshot_stamp[2] < _SMALL_SNAPSHOT
            if (changed and (small or engine.journal_size() >= COMPACT_AT_BYTES)) or (
                changed and engine.foreign_layout
            ):
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

    # -- encryption ------------------------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        return self._engine.sealer is not None

    @property
    def locked(self) -> bool:
        """Locked: the records and the key were dropped from memory; `unlock` brings them back."""
        return self._forgotten

    def encrypt(self, passphrase: str) -> int:
        """Rewrite the database encrypted under `passphrase` (a fresh salt), atomically; the
        audit trail is sealed again with the new key, and the plain backups and temporary
        files are deleted (a plain copy must not outlive the encryption). Returns how many
        backups were deleted."""
        return self._rekey(audit.ENCRYPT, Sealer.new(passphrase)).deleted_backups

    def change_passphrase(self, passphrase: str) -> None:
        """Rewrite the encrypted database under a new passphrase (and a fresh salt); the audit
        trail and the backups are sealed again with it."""
        sealer = self._engine.sealer
        self._rekey(audit.PASSWD, Sealer.new(passphrase, sealer and sealer.kdf))

    def _rekey(self, action: str, new: Sealer) -> unfinished.Redone:
        """Encrypt or change the passphrase, all under the lock: a note of what is under way
        first (`store.engine.unfinished`: the next open finishes a run that is killed), recorded in
        the audit trail (what cannot be recorded is not done), the snapshot under the new key,
        then the files beside it."""
        done: list[unfinished.Redone] = []

        def after(old: Sealer | None, sealer: Sealer | None) -> None:
            assert sealer is new
            done.append(unfinished.redo(self.path, old, new))
            unfinished.clear(self.path)

        with self._lock, locked(self.path, on_wait=self._engine.on_busy):
            if unfinished.note_path(self.path).exists():  # opening could not finish it
                raise PulangError(_("An earlier encrypt or passwd of {path} is not finished "
                                    "yet: open the database again to finish it first. Nothing "
                                    "was changed.").format(path=self.path))
            self._depth += 1  # audit_event: the lock is held
            try:
                unfinished.begin(self.path, action, self._engine.sealer, new)
                try:
                    self.audit_event(action)
                    self._engine.rekey(new, self._encoded_rows, after, lock_held=True)
                except BaseException:
                    if not unfinished.took_effect(self.path, new):
                        unfinished.clear(self.path)  # nothing changed: nothing to finish
                    raise
            finally:
                self._depth -= 1
        return done[0]

    def decrypt(self) -> None:
        """Rewrite the database in plain text, atomically (the caller has asked the user).
        Recorded in the audit trail first: what cannot be recorded is not done."""
        def reseal(old: Sealer | None, new: Sealer | None) -> None:
            audit.reseal(self.path, old, new)

        with self._lock:
            self.audit_event(audit.DECRYPT)
            self._engine.rekey(None, self._encoded_rows, reseal)

    def lock(self) -> None:
        """Drop every record and the key from memory, as far as Python allows."""
        with self._lock:
            self._rows = {}
            self._engine.forget()
            self._forgotten = True

    def unlock(self, passphrase: str | None = None, sealer: Sealer | None = None) -> None:
        """Derive the key again (a plain database needs none) and reload the records."""
        with self._lock:
            if sealer is None:
                sealer = unlock(self.path, passphrase)
            self._engine.sealer = sealer
            try:
                self._engine.load()
            except BaseException:
                self._engine.forget()
                raise
            self._forgotten = False

    def seal_note(self, plain: bytes) -> bytes:
        """Seal something the app keeps in memory while locked (drafts) with the key; a plain
        database has no key, and it stays as it is."""
        sealer = self._engine.sealer
        return plain if sealer is None else sealer.seal_line(plain, b"drafts")

    def open_note(self, sealed: bytes) -> bytes | None:
        sealer = self._engine.sealer
        return sealed if sealer is None else sealer.open_line(sealed, b"drafts")

    def has_key(self) -> bool:
        """Whether the key is in memory (for tests of locking: after `lock` it must not be)."""
        sealer = self._engine.sealer
        return sealer is not None and not sealer.wiped

    def _encoded_rows(self) -> list[tuple[str, bytes]]:
        """The cases list as the snapshot keeps it, so the next open shows it at once."""
        return [(row.id, _encode_row(row)) for row in self.case_rows()]

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
        backups taken before it are deleted once it is `store.engine.backups.ERASED_BACKUP_DAYS` old.
        Returns the moment recorded (ISO, UTC)."""
        with self.transaction():
            return backups.record_erasure(self._engine, when)

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

    # -- the audit trail (store/engine/audit.py) --------------------------------------------------

    def _record_commit(self, changes: list[tuple[Change, dict[str, Any] | None]]) -> None:
        """The engine's commit hook, under the lock: one audit entry per record changed.

        The change is already in the journal: nothing here may undo it, so a trail that
        cannot be written becomes a warning for the user, never an error of the save.
        """
        action, note = self._audit_as or (None, None)
        try:
            entries = audit.entries_for_changes(changes, self._engine.ref_of, action, note)
            self.warnings += audit.append(self.path, self._with_gap(entries),
                                          self._engine.sealer)
        except Exception as error:  # noqa: BLE001 - see above; the save has happened
            # Kept, to be recorded as a gap with the next entry that can be written.
            self._unaudited += [(change.table, change.id) for change, _before in changes
                                if change.table in audit.MODELS]
            reason = error.strerror if isinstance(error, OSError) and error.strerror else (
                type(error).__name__)
            self.warnings.append(
                _("Saved, but the change could not be added to the audit trail "
                  "{path}: {reason}.").format(path=audit.audit_path(self.path), reason=reason)
            )
        else:
            self._unaudited = []

    def _with_gap(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """`entries`, after the one recording the changes saved without entries, if any (the
        caller clears them once the append succeeded)."""
        if not self._unaudited:
            return entries
        return [audit.gap_entry(self._unaudited), *entries]

    def take_warnings(self) -> list[str]:
        """The warnings gathered since the last call (each is said once)."""
        with self._lock:
            warnings, self.warnings = self.warnings, []
        return warnings

    @contextlib.contextmanager
    def audit_as(self, action: str, note: str | None = None) -> Iterator[None]:
        """Record the changes committed inside as `action` (erase, merge, restore...) rather
        than as create, update or delete; `note` must hold no personal value."""
        with self._lock:
            saved, self._audit_as = self._audit_as, (action, note)
            try:
                yield
            finally:
                self._audit_as = saved

    def audit_event(self, action: str, *, table: str | None = None,
                    record_id: str | None = None, note: str | None = None) -> None:
        """Record an action that is not a record's change (export, decrypt, restore...).

        Takes the database's lock (or uses the one an open transaction holds). Raises
        WriteFailed when the trail cannot be written: call it before the action, so that what
        cannot be recorded is not done. `note` must hold no personal value.
        """
        with self._lock:
            case_id = ref = None
            if table is not None and record_id is not None:
                doc = self._engine.get(table, record_id) if table in audit.MODELS else None
                case_id = record_id if table == CASES else (doc or {}).get("case_id")
                ref = self._engine.ref_of.get(case_id) if isinstance(case_id, str) else None
            entry = audit.event_entry(action, table=table, record=record_id, case=case_id,
                                      ref=ref, note=note)
            entries = self._with_gap([entry])
            try:
                if self._depth:
                    self.warnings += audit.append(self.path, entries, self._engine.sealer)
                else:
                    with locked(self.path, on_wait=self._engine.on_busy):
                        self.warnings += audit.append(self.path, entries, self._engine.sealer)
                self._unaudited = []
            except OSError as error:
                reason = failure_reason(error)
                raise WriteFailed(reason, _("Could not write to the audit trail {path}: "
                                            "{reason}.").format(path=audit.audit_path(self.path),
                                                                reason=reason)) from error

    def restore_records(self, tables: dict[str, list[dict[str, Any]]],
                        counters: dict[str, int] | None = None) -> None:
        """Put records read from an export (`store.exchange.export`) into this empty database as one
        change, exactly as given: ids, versions, created_at, updated_at and changed_by are
        kept, not stamped again. Each record must already have been validated through its
        model. RuleRefused if the database holds any record; nothing is written then."""
        # audit_as outside: the entries are written when the transaction commits.
        with self.audit_as(audit.RESTORE, note="import"), self.transaction():
            if any(self._engine.ids(table) for table in _KIND_OF):
                raise RuleRefused(_("This database is not empty: an export is read only into "
                                    "a new, empty database. Nothing was imported."))
            for table in _KIND_OF:
                for data in tables.get(table, []):
                    self._stage(Change(table, str(data["id"]), None, int(data["version"]),
                                       data))
            if counters:
                meta = dict(self._engine.meta)
                meta["counters"] = {**meta.get("counters", {}), **counters}
                self._engine.stage(Change(META_TABLE, "1", None, None, meta))

    def audit_trail(self) -> audit.Trail:
        """Every readable entry of the trail, oldest first, and the lines that could not be
        read (`verify_audit` says why)."""
        with self._lock:
            return audit.read_entries(audit.audit_path(self.path), self._engine.sealer)

    def history(self, record_id: str) -> list[audit.AuditEntry]:
        """The record's entries, oldest first; for a case, with those of its workers and log
        entries (removed ones too)."""
        with self._lock:
            trail = audit.read_entries(audit.audit_path(self.path), self._engine.sealer,
                                       about=record_id)
        return trail.entries

    def verify_audit(self) -> audit.VerifyResult:
        """Check the trail's hash chain: intact, or its first broken entry and why."""
        with self._lock:
            return audit.verify(audit.audit_path(self.path), self._engine.sealer)

    # -- generic ---------------------------------------------------------------------------

    def _doc(self, kind: type[Record], record_id: str) -> dict[str, Any] | None:
        return self._engine.get(_TABLE_OF[kind], record_id)

    def _read(self, kind: type[R], doc: dict[str, Any]) -> R:
        return _valid(kind, doc)

    def get(self, kind: type[R], record_id: str) -> R:
        with self._lock:
            self._engine.refresh()
            doc = self._doc(kind, record_id)
            if doc is None:
                raise NotFound(record_id)
            return _valid(kind, doc)

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
        self._stage(Change(_TABLE_OF[type(record)], saved.id, stored, saved.version,
                           saved.model_dump(mode="json")), mine=record)
        return saved

    def _remove(self, kind: type[Record], record_id: str, version: int | None = None) -> None:
        """Remove a record; with `version`, only if it is still the one the user saw."""
        doc = self._doc(kind, record_id)
        if doc is None:
            raise NotFound(record_id)
        if version is not None and doc.get("version") != version:
            raise self._conflict(kind, record_id, doc)
        self._stage(Change(_TABLE_OF[kind], record_id, doc.get("version"), None, None))

    def _stage(self, change: Change, mine: Record | None = None) -> None:
        try:
            self._engine.stage(change)
        except Conflict as conflict:  # the engine's own check: say who and when, too
            kind = _KIND_OF[change.table]
            raise self._conflict(kind, change.id, conflict.theirs, mine=mine) from None

    def _conflict(self, kind: type[Record], record_id: str, doc: dict[str, Any] | None,
                  mine: Record | None = None) -> Conflict:
        """What the user needs to choose: the record as stored now, who changed it, when."""
        if doc is not None:
            theirs = _valid(kind, doc)
            return Conflict(_TABLE_OF[kind], record_id, theirs=theirs, mine=mine,
                            by=theirs.changed_by, at=theirs.updated_at)
        writer, at = self._engine.removed.get(record_id, ("", 0.0))
        return Conflict(_TABLE_OF[kind], record_id, mine=mine, by=writer.rsplit("@", 1)[0],
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
            Meeting: self.save_meeting, Agreement: self.save_agreement, Task: self.save_task}
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

    # -- cases -----------------------------------------------------------------------------

    def cases(self) -> list[Case]:
        with self._lock:
            self._engine.refresh()
            return [_valid(Case, d) for d in self._engine.all(CASES)]

    def case_by_ref(self, ref: str) -> Case | None:
        wanted = ref.strip().upper()
        with self._lock:
            self._engine.refresh()
            case_id = self._engine.refs.get(wanted)
            doc = None if case_id is None else self._engine.get(CASES, case_id)
        return None if doc is None else _valid(Case, doc)

    def save_case(self, case: Case, stage_reason: str | None = None) -> Case:
        """Save a case; a new one gets its reference now, and keeps it for good.

        Once its workers have plans, the stage follows their steps (`store.domain.road`): a stage
        other than the derived one needs `stage_reason`, which goes into the case's log
        (StageReasonNeeded without it). A case cannot be closed while a worker has an open
        step (CaseNotClosable).
        """
        with self.transaction():
            doc = self._doc(Case, case.id)
            if doc is None:
                return self._save(case, ref=self._next_ref(case))
            if case.stage is Stage.CLOSED:
                self._refuse_closing(case.id)
            choice = choose_stage(case.stage, self._derived(case.id), doc.get("stage"),
                                  bool(doc.get("stage_override")), stage_reason)
            if choice.note is not None:
                self._save(build(LogEntry, {
                    "case_id": case.id, "summary": choice.note, "recorded_by": officer()}))
            return self._save(case, ref=doc.get("ref"), stage_override=choice.override)

    def follow_steps(self, case: Case) -> Case:
        """A case whose stage was set by hand follows its workers' steps again: its stage
        becomes the one they give, and the log says so. `case` as the officer last saw it (a
        change by someone else meanwhile is a Conflict); NotFound when no worker has a plan."""
        with self.transaction():
            derived = self._derived(case.id)
            if derived is None:
                raise NotFound(_("plan of any worker of this case (start the road home first)"))
            self._save(build(LogEntry, {
                "case_id": case.id,
                "summary": following_again_note(derived, case.stage),
                "recorded_by": current_user(),
            }))
            return self.save_case(case.model_copy(update={"stage": derived.stage}))

    def _refuse_closing(self, case_id: str) -> None:
        """CaseNotClosable naming the workers with steps neither done nor marked not needed
        (`store.domain.rules.stage.refuse_closing`)."""
        refuse_closing(self._plans(case_id).values(), self._engine.names)

    def _next_ref(self, case: Case) -> str:
        """The next reference for the case's country and year, assigned under the lock."""
        prefix = f"{case.destination_country}-{case.date_reported.year}"
        meta = dict(self._engine.meta)
        counters: dict[str, int] = dict(meta.get("counters", {}))
        highest = counters.get(prefix, 0)
        if prefix not in counters:  # a database from before counters: look at what exists
            for ref in self._engine.refs:
                if ref.startswith(prefix + "-"):
                    highest = max(highest, int(ref.rsplit("-", 1)[1]))
        counters[prefix] = highest + 1
        meta["counters"] = counters
        self._engine.stage(Change(META_TABLE, "1", None, None, meta))
        return f"{prefix}-{highest + 1:04d}"

    # -- workers ---------------------------------------------------------------------------

    def workers_of(self, case_id: str) -> list[Worker]:
        with self._lock:
            self._engine.refresh()
            return [_valid(Worker, d) for d in self._engine.children_of(WORKERS, case_id)]

    def save_worker(self, worker: Worker) -> Worker:
        with self.transaction():
            if self._doc(Case, worker.case_id) is None:
                raise NotFound(_("case of this worker"))
            return self._save(worker)

    def import_workers(self, case_id: str, workers: Sequence[Worker]) -> list[Worker]:
        """Add a list of workers to a case in one atomic change: all of them, or none (see
        `store.exchange.worker_import` for reading and checking the list first)."""
        with self.transaction():
            if self._doc(Case, case_id) is None:
                raise NotFound(_("case of this worker"))
            saved = [self._save(w.model_copy(update={"case_id": case_id})) for w in workers]
            self._follow_stage(case_id)
            return saved

    def remove_worker(self, worker_id: str, version: int | None = None) -> None:
        """Remove a worker; log entries that named them keep the entry but drop the link.

        With `version` (the one the user saw), a worker changed elsewhere since is not removed:
        `Conflict`, with the worker as stored now.
        """
        with self.transaction():
            doc = self._doc(Worker, worker_id)
            if doc is None:
                raise NotFound(worker_id)
            if version is not None and doc.get("version") != version:
                raise self._conflict(Worker, worker_id, doc)
            for entry_doc in self._engine.children_of(LOG, doc["case_id"]):
                if worker_id in entry_doc.get("worker_ids", []):
                    entry = _valid(LogEntry, entry_doc)
                    kept = [w for w in entry.worker_ids if w != worker_id]
                    self._save(entry.model_copy(update={"worker_ids": kept}))
            for kind in PER_WORKER:  # their screening, consent and plan go with them
                record_id = self._engine.of_worker[_TABLE_OF[kind]].get(worker_id)
                if record_id is not None:
                    self._remove(kind, record_id)
            self._remove(Worker, worker_id, version)
            self._follow_stage(doc["case_id"])

    def erase_worker(self, worker_id: str) -> Worker:
        """Erase a worker's personal and sensitive data for good (consent withdrawn, or a
        request under the data protection law).

        The worker's private fields (by the field classification) go back to empty, their
        name becomes ERASED_NAME, and their names are blanked out of the private text of the
        case's log, of every meeting's agenda and decisions, and of every task. The
        journal is then folded into a new snapshot, so no earlier version of the record is
        left in the database files; backups taken before now expire after
        ERASED_BACKUP_DAYS days (store.engine.backups), and the erasure's time is kept in the
        database (without any value) for that.
        """
        with self._lock:
            with self.audit_as("erase"), self.transaction():
                doc = self._doc(Worker, worker_id)
                if doc is None:
                    raise NotFound(worker_id)
                worker = _valid(Worker, doc)
                names = names_to_blank(worker)
                now = dt.datetime.now(dt.timezone.utc)
                erased = self._save(erased_worker(worker, now))
                for kind in PER_WORKER:  # their screening, consent and plan keep only codes
                    record = self._per_worker(kind, worker_id)
                    if record is not None:
                        self._save(record.model_copy(update=blanked(kind)))
                for entry_doc in self._engine.children_of(LOG, worker.case_id):
                    entry = _valid(LogEntry, entry_doc)
                    cleaned = without_names(entry, names)
                    if cleaned is not None:
                        self._save(cleaned)
                # A meeting's agenda or decisions, or a task, may name the worker too.
                for kind in (Meeting, Task):
                    for record in self._all(kind):
                        cleaned_record = without_names(record, names)
                        if cleaned_record is not None:
                            self._save(cleaned_record)
                backups.record_erasure(self._engine, now)
            # No earlier version of the record may stay in the journal.
            self._engine.compact(self._encoded_rows)
            return erased

    def last_version(self, table: str, record_id: str) -> dict[str, Any] | None:
        """The last saved version of a removed record: from the journal while it still holds
        it, else from the newest backup that does (and was taken after the last erasure, so
        that nothing erased comes back). None once both have let it go."""
        engine = self._engine
        state = read_journal(engine.journal, sealer=engine.sealer)
        found: dict[str, Any] | None = None
        if state is not None and state.generation == engine.meta.get("generation"):
            for entry in state.entries:
                for change in entry["changes"]:
                    if change["table"] == table and change["id"] == record_id and change["data"]:
                        found = change["data"]
        if found is not None:
            return found
        erasures = [dt.datetime.fromisoformat(t) for t in engine.meta.get("erasures", [])]
        last_erasure = max(erasures) if erasures else None
        for backup in backups.list_backups(self.path):
            if last_erasure is not None and backup.taken_at <= last_erasure:
                break  # older backups may hold what was erased since
            try:
                old = Engine(backup.path, sealer=engine.sealer if backup.encrypted else None)
                old.load()
            except PulangError:
                continue  # damaged, or sealed with a key given up: look further back
            doc = old.get(table, record_id)
            if doc is not None:
                return doc
        return None

    def bring_back(self, kind: type[R], record_id: str) -> R:
        """Undo the removal of a record: its last saved version, saved again (links from log
        entries dropped at the removal are not restored). NotFound when no copy is left."""
        table = _TABLE_OF[kind]
        with self._lock, self.audit_as(audit.RESTORE), \
                self.transaction():
            if self._doc(kind, record_id) is not None:
                raise PulangError(_("This record is not removed: there is nothing to bring back."))
            doc = self.last_version(table, record_id)
            if doc is None:
                raise NotFound(_("a copy of this record (the journal and the backups that held "
                                 "it have been folded in or have expired)"))
            if kind is not Case and self._doc(Case, doc.get("case_id", "")) is None:
                raise NotFound(_("case of this record"))
            record = _valid(kind, doc).model_copy(update={"version": 0})
            if kind is LogEntry:
                workers = self._engine.children[WORKERS].get(doc["case_id"], {})
                record = record.model_copy(  # type: ignore[assignment]
                    update={"worker_ids": [w for w in record.worker_ids if w in workers]})
            return self._save(record, **({"ref": doc.get("ref")} if kind is Case else {}))

    # -- log -------------------------------------------------------------------------------

    def log_of(self, case_id: str) -> list[LogEntry]:
        """The case's log, newest first."""
        with self._lock:
            self._engine.refresh()
            docs = self._engine.children_of(LOG, case_id)
            entries = [_valid(LogEntry, d) for d in docs]
        return sorted(entries, key=lambda e: e.at, reverse=True)

    def save_log_entry(self, entry: LogEntry, without_consent: bool = False) -> LogEntry:
        """Save a log entry. One sent (a referral, or another entry marked sent) naming workers
        whose consent does not cover its kind of counterpart raises ConsentNeeded, unless
        `without_consent`: then it is saved with those workers recorded as sent without
        consent (in the entry, and so in the audit trail). Media and recruiters are refused
        whatever is said (NeverRecipient). An entry received asks nothing; one naming workers
        to a kind of counterpart without saying which way it went is refused (RecordInvalid),
        since that decides whether their consent counts."""
        with self.transaction():
            if self._doc(Case, entry.case_id) is None:
                raise NotFound(_("case of this log entry"))
            refuse_recipient(entry)
            entry = sent_without_consent(entry, self.consent_gaps(entry), without_consent)
            workers = self._engine.children[WORKERS].get(entry.case_id, {})
            gone = [w for w in entry.worker_ids if w not in workers]
            if any(w not in self._engine.removed for w in gone):
                raise NotFound(_("worker in this case"))
            if gone:
                # Removed by someone else meanwhile: the entry stays, without the link, as if
                # it had been saved before the removal.
                kept = [w for w in entry.worker_ids if w in workers]
                entry = entry.model_copy(update={"worker_ids": kept})
            return self._save(entry)

    def mark_next_step(self, entry: LogEntry, done: bool) -> LogEntry:
        with self.transaction():
            return self._save(entry.model_copy(update={"next_step_done": done}))

    # -- screening, consent and the road home (one of each per worker) ---------------------

    def _per_worker(self, kind: type[R], worker_id: str) -> R | None:
        table = _TABLE_OF[kind]
        record_id = self._engine.of_worker[table].get(worker_id)
        doc = None if record_id is None else self._engine.get(table, record_id)
        return None if doc is None else _valid(kind, doc)

    def _of_case(self, kind: type[R], case_id: str) -> dict[str, R]:
        """The case's records of a per-worker kind, by worker id."""
        docs = self._engine.children_of(_TABLE_OF[kind], case_id)
        records = [_valid(kind, d) for d in docs]
        return {r.worker_id: r for r in records}  # type: ignore[attr-defined]

    def screenings_of(self, case_id: str) -> dict[str, Screening]:
        with self._lock:
            self._engine.refresh()
            return self._of_case(Screening, case_id)

    def consents_of(self, case_id: str) -> dict[str, Consent]:
        with self._lock:
            self._engine.refresh()
            return self._of_case(Consent, case_id)

    def plans_of(self, case_id: str) -> dict[str, Plan]:
        with self._lock:
            self._engine.refresh()
            return self._plans(case_id)

    def _plans(self, case_id: str) -> dict[str, Plan]:
        return self._of_case(Plan, case_id)

    def screening_of(self, worker_id: str) -> Screening | None:
        with self._lock:
            self._engine.refresh()
            return self._per_worker(Screening, worker_id)

    def consent_of(self, worker_id: str) -> Consent | None:
        with self._lock:
            self._engine.refresh()
            return self._per_worker(Consent, worker_id)

    def figures_source(self) -> list[tuple[dict[str, Any], list[tuple[dict[str, Any],
                                                                     dict[str, Any] | None]]]]:
        """Every case with its workers and each worker's plan, as stored (validated when
        written), for the figures (`store.exchange.report`): counting needs a few fields of each, and
        validating every record again made the dashboard take seconds at 10,000 cases.
        Read only: the documents are the store's own and must not be changed."""
        with self._lock:
            self._engine.refresh()
            plans = self._engine.of_worker[PLANS]
            out = []
            for case in self._engine.all(CASES):
                workers = []
                for worker in self._engine.children_of(WORKERS, case["id"]):
                    plan_id = plans.get(worker["id"])
                    workers.append((worker, None if plan_id is None
                                    else self._engine.get(PLANS, plan_id)))
                out.append((case, workers))
            return out

    def plan_of(self, worker_id: str) -> Plan | None:
        with self._lock:
            self._engine.refresh()
            return self._per_worker(Plan, worker_id)

    def _worker_in_case(self, record: Screening | Consent | Plan) -> Worker:
        doc = self._doc(Worker, record.worker_id)
        if doc is None or doc.get("case_id") != record.case_id:
            raise NotFound(_("worker in this case"))
        existing = self._engine.of_worker[_TABLE_OF[type(record)]].get(record.worker_id)
        if existing is not None and existing != record.id:
            # Another officer made this worker's record meanwhile: theirs, to choose from.
            raise self._conflict(type(record), existing,
                                 self._engine.get(_TABLE_OF[type(record)], existing), mine=record)
        return _valid(Worker, doc)

    def save_screening(self, screening: Screening) -> Screening:
        """Save a worker's screening. A status other than the one the answers suggest (the
        Protocol's rule, `store.domain.records.suggested_status`) needs a note saying why."""
        with self.transaction():
            worker = self._worker_in_case(screening)
            suggested = suggested_status(screening, is_child(screening, worker))
            if (screening.status is not None and suggested is not None
                    and screening.status is not suggested and not screening.status_note.strip()):
                raise RecordInvalid(
                    {"status_note": _("the status differs from the one the answers suggest "
                                      "({suggested}): say why").format(suggested=label(suggested))},
                    {"status_note": Screening.field_label("status_note")})
            return self._save(screening)

    def save_consent(self, consent: Consent) -> Consent:
        with self.transaction():
            self._worker_in_case(consent)
            return self._save(consent)

    def save_plan(self, plan: Plan) -> Plan:
        """Save a worker's plan as it is (its steps' order is checked by `set_step`); the
        case's stage follows."""
        with self.transaction():
            self._worker_in_case(plan)
            saved = self._save(plan)
            self._follow_stage(plan.case_id)
            return saved

    def start_plans(self, case_id: str, template: str | None = None,
                    worker_ids: Sequence[str] | None = None) -> list[Plan]:
        """Give every worker of the case (or those named) who has none a plan from a template
        (by default the one for their nationality). The report step is done, on the day the
        case was reported, and so are the steps of the stages the case has already passed, so
        that its stage does not move back. Returns the plans made."""
        with self.transaction():
            case = self.get(Case, case_id)
            made: list[Plan] = []
            for doc in self._engine.children_of(WORKERS, case_id):
                if worker_ids is not None and doc["id"] not in worker_ids:
                    continue
                if doc["id"] in self._engine.of_worker[PLANS]:
                    continue
                chosen = TEMPLATES[template] if template else template_for(doc.get("nationality"))
                steps = first_steps(chosen, case.stage, case.date_reported)
                made.append(self._save(build(Plan, {
                    "case_id": case_id, "worker_id": doc["id"], "template": chosen.key,
                    "steps": [s.model_dump() for s in steps]})))
            self._follow_stage(case_id)
            return made

    def set_step(self, case_id: str, worker_ids: Sequence[str], key: str, status: StepStatus,
                 *, org: str | None = None, done_on: dt.date | None = None,
                 deadline: dt.date | None | str = "keep", note: str | None = None,
                 reason: str | None = None) -> list[Plan]:
        """Set one step for several workers at once (a group action), as one change.

        Marking it done before the steps it depends on are settled needs `reason`: without
        it, StepOrderRefused names each worker concerned, and nothing is written. `org` and
        `note` replace what is there when given; `deadline` too (None clears it). A step marked
        done gets `done_on` (today by default). A worker whose step this leaves as it was is
        not written: the plans returned are those that changed (none: nothing to save).
        """
        with self.transaction():
            chosen = plans_to_set(self._plans(case_id), worker_ids, key, status, reason,
                                  self._engine.names)
            today = clock.today()
            saved: list[Plan] = []
            for plan in chosen:
                changed = with_step(plan, key, status, today=today, org=org, done_on=done_on,
                                    deadline=deadline, note=note, reason=reason)
                if changed is not None:
                    saved.append(self._save(changed))
            if saved:
                self._follow_stage(case_id)
            return saved

    def _derived(self, case_id: str) -> Derived | None:
        return derive_from_plans(self._plans(case_id).values())

    def derived_stage(self, case_id: str) -> Derived | None:
        """The stage the workers' steps give, with how many are home; None without plans."""
        with self._lock:
            self._engine.refresh()
            return self._derived(case_id)

    def _follow_stage(self, case_id: str) -> None:
        """Inside a transaction: move the case to the stage its workers' steps give, unless
        the officer set it by hand."""
        doc = self._doc(Case, case_id)
        derived = self._derived(case_id)
        if doc is None:
            return
        stage = stage_to_follow(doc.get("stage"), bool(doc.get("stage_override")), derived)
        if stage is not None:
            case = _valid(Case, doc)
            self._save(case.model_copy(update={"stage": stage}))

    def consent_gaps(self, entry: LogEntry) -> dict[str, str]:
        """The workers named in an entry sent to a kind of counterpart (a referral, a message
        to the police...) whose consent does not cover that kind (and who were not sent on the
        officer's say before): id -> name. Nothing for an entry received, a note, or one whose
        counterpart has no kind (the worker themself, a colleague in the union): the rule is
        `store.domain.rules.consent`'s."""
        if not asks_consent(entry):
            return {}
        with self._lock:
            consents: dict[str, Consent] = {}
            for worker_id in entry.worker_ids:
                if worker_id in entry.consent_override:
                    continue
                consent = self._per_worker(Consent, worker_id)
                if consent is not None:
                    consents[worker_id] = consent
            names = self._engine.names
            return {worker_id: row_name(names.get(worker_id) or ["?"], worker_id)
                    for worker_id in consent_gaps(entry, consents)}

    # -- Today -----------------------------------------------------------------------------

    def today(self, day: dt.date | None = None, reply_days: int | None = None,
              days: int | None = None) -> Today:
        """What needs chasing on `day` across every case that is not closed: next steps
        overdue or due within a week, plan steps with a deadline within a week, partners who
        have not answered within `reply_days`, and workers without screening or consent; and
        what of those kinds (and tasks) is due after the week, within `days`: coming up
        (`store.domain.today.Window` says which part a date goes in). Unless given, `reply_days` and
        `days` come from $PULANG_REPLY_DAYS and $PULANG_TODAY_DAYS."""
        view = Today.settled(day or clock.today(), reply_days, days, os.environ)
        with self._lock:
            engine = self._engine
            engine.refresh()
            cases = today_rules.open_cases(self.case_rows())
            log_case = engine.case_of[LOG]
            today_rules.follow_ups(view, cases, engine.due, log_case,
                                   lambda entry_id: engine.get(LOG, entry_id))
            today_rules.deadlines(view, cases, engine.case_of[PLANS],
                                  lambda plan_id: engine.get(PLANS, plan_id), engine.names)
            today_rules.awaiting(view, cases, engine.awaiting, log_case, self._log_entry,
                                 self._others_of_case)
            today_rules.missing(view, cases, engine.children[WORKERS],
                                engine.of_worker[SCREENINGS], engine.of_worker[CONSENTS],
                                engine.names)
            self._today_tasks(view)
        view.sort()
        return view

    def _log_entry(self, entry_id: str) -> LogEntry | None:
        doc = self._engine.get(LOG, entry_id)
        return None if doc is None else _valid(LogEntry, doc)

    def _others_of_case(self, entry: LogEntry) -> Iterator[LogEntry]:
        """The other entries of the entry's case, each read when it is reached."""
        for doc in self._engine.children_of(LOG, entry.case_id):
            if doc["id"] != entry.id:
                yield _valid(LogEntry, doc)

    # -- the cases list --------------------------------------------------------------------

    def case_rows(self) -> list[CaseRow]:
        """Every case as a line of the list, with its worker count and next open due date.

        Rows are kept between calls; only cases changed since (here or by another process)
        are rebuilt.
        """
        with self._lock:
            engine = self._engine
            engine.refresh()
            if engine.snapshot_rows:
                # The snapshot was read again (another process folded its journal in): start
                # from the rows it recorded, then rebuild what its journal changed since.
                self._rows = {k: _decode_row(k, raw) for k, raw in engine.snapshot_rows}
                engine.snapshot_rows = []
            dirty = engine.dirty_cases
            if dirty is None:
                self._rows = {}
                todo = engine.ids(CASES)
            else:
                todo = list(dirty)
            engine.dirty_cases = set()
            for case_id in todo:
                doc = engine.get(CASES, case_id)
                if doc is None:
                    self._rows.pop(case_id, None)
                else:
                    self._rows[case_id] = self._row(doc)
            return list(self._rows.values())

    def _row(self, doc: dict[str, Any]) -> CaseRow:
        case_id = doc["id"]
        names, workers, due = self._engine.case_facts(case_id)
        country = doc.get("destination_country", "")
        searchable = " ".join(
            [doc.get("ref") or "", doc.get("title", ""), doc.get("destination_place", ""),
             _country_words(country), *names, *doc.get("tags", [])]
        )
        return CaseRow(
            id=case_id,
            ref=doc.get("ref") or "",
            title=doc.get("title", ""),
            destination_country=country,
            destination_place=doc.get("destination_place", ""),
            stage=doc.get("stage", ""),
            workers=workers,
            next_due=dt.date.fromisoformat(due) if due else None,
            urgency=doc.get("urgency", ""),
            search_text=fold(searchable),
        )


def unlock(path: Path, passphrase: str | None) -> Sealer | None:
    """The key for the database at `path`: None when it is not encrypted; PassphraseNeeded
    when it is and no passphrase was given; WrongPassphrase when the passphrase does not fit."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None  # opening it will say what is wrong, in the user's terms
    if not is_encrypted(head):
        return None
    if passphrase is None:
        raise PassphraseNeeded(path)
    return Sealer.unlock(path, head, passphrase)


_without_names = without_names  # the name the tests know it by

def _encode_row(row: CaseRow) -> bytes:
    return orjson.dumps([row.ref, row.title, row.destination_country, row.destination_place,
                         row.stage, row.workers, row.next_due, row.urgency, row.search_text])


def _decode_row(case_id: str, raw: bytes) -> CaseRow:
    ref, title, country, place, stage, workers, due, urgency, search = orjson.loads(raw)
    return CaseRow(case_id, ref, title, country, place, stage, workers,
                   dt.date.fromisoformat(due) if due else None, urgency, search)


def _valid(kind: type[R], doc: dict[str, Any]) -> R:
    """A stored record as a domain object; one that no longer validates (changed outside
    Pulang) is reported as damaged instead of failing somewhere in a screen."""
    try:
        return kind.model_validate(doc, context=STORED)
    except (ValidationError, RecordInvalid):
        raise DamagedRecord() from None
