"""The Database's audit trail and history: every change recorded as it is committed, actions
that are not a record's change (export, decrypt...), a record's history, and bringing back what
was removed (from the journal, or a backup).

A part of `store.db.database.Database` (see `store.db.base`); the trail's file, its entries
and their hash chain are `store.engine.audit`'s. A change is saved first: a trail that cannot
be written is a warning, never an error of the save, and the next entry written (or the close)
records the changes it missed (`audit.GAP`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from store.common.errors import (
    AuditGapLost,
    DatabaseLocked,
    NotFound,
    PulangError,
    RuleRefused,
    WriteFailed,
    failure_reason,
)
from store.common.i18n import _
from store.db.base import CASES, KIND_OF, TABLE_OF, WORKERS, Part, R, valid
from store.domain.records import Case, LogEntry
from store.engine import audit, backups
from store.engine.journal import locked, read_journal
from store.engine.migrations import META_TABLE
from store.engine.tables import Change, Engine


class AuditPart(Part):
    """The audit trail, history and bringing records back."""

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
            if any(self._engine.ids(table) for table in KIND_OF):
                raise RuleRefused(_("This database is not empty: an export is read only into "
                                    "a new, empty database. Nothing was imported."))
            for table in KIND_OF:
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
        table = TABLE_OF[kind]
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
            record = valid(kind, doc).model_copy(update={"version": 0})
            if kind is LogEntry:
                workers = self._engine.children[WORKERS].get(doc["case_id"], {})
                record = record.model_copy(  # type: ignore[assignment]
                    update={"worker_ids": [w for w in record.worker_ids if w in workers]})
            return self._save(record, **({"ref": doc.get("ref")} if kind is Case else {}))
