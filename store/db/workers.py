"""The Database's workers: reading a case's workers, saving, importing a list, removing one,
and erasing one's personal and sensitive data for good.

A part of `store.db.database.Database` (see `store.db.base`). What erasing leaves of each
record is `store.domain.rules.erasure`'s; reading and checking a list of workers before the
import is `store.exchange.worker_import`'s.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import orjson

from store.common.errors import NotFound
from store.common.i18n import _
from store.db.base import LOG, PER_WORKER, TABLE_OF, WORKERS, Part, valid
from store.domain.records import (
    Actor,
    Case,
    Identifier,
    Inquiry,
    LogEntry,
    Meeting,
    Place,
    RegistryLink,
    Task,
    Worker,
)
from store.domain.rules.erasure import blanked, erased_worker, names_to_blank, without_names
from store.engine import backups, replicas


class WorkersPart(Part):
    """Workers: saved, imported, removed and erased."""

    def workers_of(self, case_id: str) -> list[Worker]:
        with self._lock:
            self._engine.refresh()
            return [valid(Worker, d) for d in self._engine.children_of(WORKERS, case_id)]

    def save_worker(self, worker: Worker) -> Worker:
        with self.transaction():
            if self._doc(Case, worker.case_id) is None:
                raise NotFound(_("case of this worker"))
            return self._save(worker)

    def import_workers(self, case_id: str, workers: Sequence[Worker],
                       linked: Sequence[str] = (), officer: str = "") -> list[Worker]:
        """Add a list of workers to a case in one atomic change: all of them, or none (see
        `store.exchange.worker_import` for reading and checking the list first). `linked`:
        workers of other cases some rows are, linked instead of added (`link_workers`, by
        `officer`), in the same change."""
        with self.transaction():
            if self._doc(Case, case_id) is None:
                raise NotFound(_("case of this worker"))
            saved = [self._save(w.model_copy(update={"case_id": case_id})) for w in workers]
            if linked:
                self.link_workers(case_id, linked, officer)
            self._follow_stage(case_id)
            return saved

    def remove_worker(self, worker_id: str, version: int | None = None) -> None:
        """Remove a worker; log entries that named them keep the entry but drop the link, the
        registry's links naming them go.

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
                    entry = valid(LogEntry, entry_doc)
                    kept = [w for w in entry.worker_ids if w != worker_id]
                    self._save(entry.model_copy(update={"worker_ids": kept}))
            for link in self._all(RegistryLink):  # and the registry's links naming them
                if link.worker_id == worker_id:
                    self._remove(RegistryLink, link.id)
            self._tracing_after_removal(worker_id)  # intakes' rows and inquiries: undecided
            self._after_for_worker(doc["case_id"], worker_id)  # legal matters and money
            for kind in PER_WORKER:  # their screening, consent and plan go with them
                record_id = self._engine.of_worker[TABLE_OF[kind]].get(worker_id)
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
                now = dt.datetime.now(dt.timezone.utc)
                erased, gone, removed = self._erase_worker_in(worker_id, now)
                backups.record_erasure(self._engine, now)
            # No earlier version of the record may stay in the journal, nor its last synced
            # body beside it (store.engine.replicas), nor those of their legal matters and
            # money; the sync takes the erasure to the others.
            self._engine.compact(self._encoded_rows)
            replicas.note_erased(self.path, self._engine.sealer, gone, removed)
            return erased

    def _erase_worker_in(self, worker_id: str, now: dt.datetime
                         ) -> tuple[Worker, list[str], list[str]]:
        """The erasure's changes, inside the caller's transaction (`erase_worker`, and an
        anonymised case's, store/db/keeping.py): the worker erased; the ids of the records
        erased (the worker, their screening, consent and plan) and of those removed (their
        legal matters and money). The caller records the erasure's time, compacts and notes
        the erased ids for the sync, once the transaction is committed."""
        doc = self._doc(Worker, worker_id)
        if doc is None:
            raise NotFound(worker_id)
        worker = valid(Worker, doc)
        names = names_to_blank(worker)
        erased = self._save(erased_worker(worker, now))
        gone = [worker_id]
        for kind in PER_WORKER:  # their screening, consent and plan keep only codes
            record = self._per_worker(kind, worker_id)
            if record is not None:
                blank = blanked(kind)
                # Already blank (the erasing site's version, pulled before the worker's):
                # not written again, or this site would send a version of its own.
                if any(getattr(record, name) != value for name, value in blank.items()
                       if name != "changed_by"):
                    self._save(record.model_copy(update=blank))
                gone.append(record.id)
        for entry_doc in self._engine.children_of(LOG, worker.case_id):
            entry = valid(LogEntry, entry_doc)
            cleaned = without_names(entry, names)
            if cleaned is not None:
                self._save(cleaned)
        # What placed them in the registry goes; a meeting's agenda or decisions, a
        # task, or the registry's notes may name the worker too.
        self._registry_after_erasure(worker_id)
        self._tracing_after_removal(worker_id, erased=True)
        # Their legal matters and money are about them alone: they go (and go from the
        # other sites as removals, as the registry's links naming them do).
        removed = self._after_for_worker(worker.case_id, worker_id)
        naming = _naming(names)
        for kind in (Meeting, Task, Place, Actor, Identifier, RegistryLink, Inquiry):
            for raw in list(self._engine.raw[TABLE_OF[kind]].values()):
                # Only a record whose stored line holds a spelling is read: validating every
                # link of the registry for each worker took 5 s a case at 50,000 cases.
                if naming is not None and not naming.search(raw.decode("utf-8", "replace")):
                    continue
                cleaned_record = without_names(valid(kind, orjson.loads(raw)), names)
                if cleaned_record is not None:
                    self._save(cleaned_record)
        return erased, gone, removed


def _naming(names: list[str]) -> re.Pattern[str] | None:
    """A search for any spelling in a record's stored line, as `without_names` matches them
    (ignoring case); None when a spelling would be escaped in JSON (a quote, a backslash, a
    control character): then every record is read."""
    if not names:
        return re.compile(r"(?!)")  # nothing to blank: no record holds a spelling
    if any(c in '"\\' or ord(c) < 32 for name in names for c in name):
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)),
                      re.IGNORECASE)
