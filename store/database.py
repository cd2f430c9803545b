"""The database: the domain's records kept in one TinyDB file through `AtomicJSONStorage`.

The UI and the command line call these methods and get records back, or a domain error; they
never touch TinyDB tables or raw dicts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from store.countries import country_name
from store.errors import Conflict, NotFound
from store.i18n import _
from store.migrations import MIGRATIONS, Migration
from store.records import Case, LogEntry, Record, Worker, build
from store.storage import AtomicJSONStorage
from store.text import fold

R = TypeVar("R", bound=Record)

CASES, WORKERS, LOG = "cases", "workers", "log"
_TABLE_OF: dict[type[Record], str] = {Case: CASES, Worker: WORKERS, LogEntry: LOG}


def current_user() -> str:
    """The OS account making the change (recorded on every record)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@dataclass(frozen=True)
class CaseRow:
    """One line of the cases list, with what the filter searches."""

    id: str
    ref: str
    title: str
    destination_country: str
    destination_place: str
    stage: str
    workers: int
    next_due: dt.date | None
    urgency: str
    search_text: str


class Database:
    def __init__(self, db: TinyDB, storage: AtomicJSONStorage) -> None:
        self._db = db
        self._storage = storage
        self._lock = threading.RLock()
        # TinyDB's query cache would answer from before another process changed the file;
        # our storage already keeps the parsed file in memory, so the cache buys nothing.
        for name in (CASES, WORKERS, LOG, "_meta"):
            db.table(name, cache_size=0)
        storage.on_reload = self._forget_table_caches

    def _forget_table_caches(self) -> None:
        """The file changed under us: TinyDB's remembered next ids are no longer true."""
        for name in (CASES, WORKERS, LOG, "_meta"):
            table = self._db.table(name)
            table.clear_cache()
            table._next_id = None  # noqa: SLF001 - TinyDB keeps it here

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        demo: bool = False,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Database:
        """Open (or, with `create`, make) a database; refuse anything that is not one."""
        db = TinyDB(
            Path(path), storage=AtomicJSONStorage, create=create, demo=demo, migrations=migrations
        )
        storage = db.storage
        assert isinstance(storage, AtomicJSONStorage)
        return cls(db, storage)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._storage.path

    @property
    def is_demo(self) -> bool:
        return bool(self._storage.meta.get("demo"))

    @property
    def schema(self) -> int:
        return int(self._storage.meta["schema"])

    @property
    def backup_path(self) -> Path | None:
        """The copy kept from before a migration run when this database was opened, if any."""
        return self._storage.backup_path

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Several changes as one atomic write: all of them reach the file, or none."""
        with self._lock:
            try:
                with self._storage.batch():
                    yield
            except BaseException:
                self._forget_table_caches()
                raise

    # -- generic ---------------------------------------------------------------------------

    def _table(self, kind: type[Record]) -> Table:
        return self._db.table(_TABLE_OF[kind])

    def _find(self, kind: type[Record], record_id: str) -> Document | None:
        table = self._table(kind)
        found = table.get(Query().id == record_id)
        assert not isinstance(found, list)
        return found

    def _all(self, kind: type[R]) -> list[R]:
        return [kind.model_validate(doc) for doc in self._table(kind).all()]

    def get(self, kind: type[R], record_id: str) -> R:
        with self._lock:
            doc = self._find(kind, record_id)
            if doc is None:
                raise NotFound(record_id)
            return kind.model_validate(dict(doc))

    def _save(self, record: R, **fixed: Any) -> R:
        """Insert or update `record`, stamped with time, user and the next version."""
        with self._lock:
            table = self._table(type(record))
            doc = self._find(type(record), record.id)
            now = dt.datetime.now(dt.timezone.utc)
            data = record.model_dump()
            if doc is None:
                if record.version != 0:
                    raise NotFound(record.id)
                data.update(created_at=now)
            else:
                if doc.get("version") != record.version:
                    raise Conflict()
                data.update(created_at=doc.get("created_at"))
            data.update(fixed, updated_at=now, changed_by=current_user(), version=record.version + 1)
            saved = build(type(record), data)
            stored = saved.model_dump(mode="json")
            if doc is None:
                table.insert(stored)
            else:
                table.update(_replace_with(stored), doc_ids=[doc.doc_id])
            return saved

    def _remove(self, kind: type[Record], record_id: str) -> None:
        doc = self._find(kind, record_id)
        if doc is None:
            raise NotFound(record_id)
        self._table(kind).remove(doc_ids=[doc.doc_id])

    # -- cases -----------------------------------------------------------------------------

    def cases(self) -> list[Case]:
        with self._lock:
            return self._all(Case)

    def case_by_ref(self, ref: str) -> Case | None:
        with self._lock:
            doc = self._table(Case).get(Query().ref == ref.strip().upper())
            assert not isinstance(doc, list)
            return None if doc is None else Case.model_validate(dict(doc))

    def save_case(self, case: Case) -> Case:
        """Save a case; a new one gets its reference now, and keeps it for good."""
        with self.transaction():
            doc = self._find(Case, case.id)
            if doc is None:
                return self._save(case, ref=self._next_ref(case))
            return self._save(case, ref=doc.get("ref"))

    def _next_ref(self, case: Case) -> str:
        prefix = f"{case.destination_country}-{case.date_reported.year}"
        meta = self._storage.meta
        counters: dict[str, int] = dict(meta.get("counters", {}))
        highest = counters.get(prefix, 0)
        for doc in self._table(Case).all():
            ref = doc.get("ref") or ""
            if ref.startswith(prefix + "-"):
                highest = max(highest, int(ref.rsplit("-", 1)[1]))
        counters[prefix] = highest + 1
        meta_table = self._db.table("_meta")
        meta_table.update({"counters": counters}, doc_ids=[1])
        return f"{prefix}-{highest + 1:04d}"

    # -- workers ---------------------------------------------------------------------------

    def workers_of(self, case_id: str) -> list[Worker]:
        with self._lock:
            docs = self._table(Worker).search(Query().case_id == case_id)
            return [Worker.model_validate(doc) for doc in docs]

    def save_worker(self, worker: Worker) -> Worker:
        with self.transaction():
            if self._find(Case, worker.case_id) is None:
                raise NotFound(_("case of this worker"))
            return self._save(worker)

    def remove_worker(self, worker_id: str) -> None:
        """Remove a worker; log entries that named them keep the entry but drop the link."""
        with self.transaction():
            self._remove(Worker, worker_id)
            log = self._table(LogEntry)
            for doc in log.search(Query().worker_ids.any([worker_id])):
                entry = LogEntry.model_validate(dict(doc))
                kept = [w for w in entry.worker_ids if w != worker_id]
                self._save(entry.model_copy(update={"worker_ids": kept}))

    # -- log -------------------------------------------------------------------------------

    def log_of(self, case_id: str) -> list[LogEntry]:
        """The case's log, newest first."""
        with self._lock:
            docs = self._table(LogEntry).search(Query().case_id == case_id)
            entries = [LogEntry.model_validate(doc) for doc in docs]
        return sorted(entries, key=lambda e: e.at, reverse=True)

    def save_log_entry(self, entry: LogEntry) -> LogEntry:
        with self.transaction():
            if self._find(Case, entry.case_id) is None:
                raise NotFound(_("case of this log entry"))
            workers = {w.id for w in self.workers_of(entry.case_id)}
            strangers = [w for w in entry.worker_ids if w not in workers]
            if strangers:
                raise NotFound(_("worker in this case"))
            return self._save(entry)

    def mark_next_step(self, entry: LogEntry, done: bool) -> LogEntry:
        with self.transaction():
            return self._save(entry.model_copy(update={"next_step_done": done}))

    # -- the cases list --------------------------------------------------------------------

    def case_rows(self) -> list[CaseRow]:
        """Every case as a line of the list, with its worker count and next open due date."""
        with self._lock:
            names: dict[str, list[str]] = {}
            for doc in self._table(Worker).all():
                names.setdefault(doc["case_id"], []).extend(
                    [doc.get("full_name", ""), *doc.get("other_spellings", [])]
                )
            counts: dict[str, int] = {}
            for doc in self._table(Worker).all():
                counts[doc["case_id"]] = counts.get(doc["case_id"], 0) + 1
            due: dict[str, dt.date] = {}
            for doc in self._table(LogEntry).all():
                if doc.get("due_date") and not doc.get("next_step_done"):
                    day = dt.date.fromisoformat(doc["due_date"])
                    case_id = doc["case_id"]
                    if case_id not in due or day < due[case_id]:
                        due[case_id] = day
            rows = []
            for doc in self._table(Case).all():
                case_id = doc["id"]
                searchable = " ".join(
                    [
                        doc.get("ref") or "",
                        doc.get("title", ""),
                        doc.get("destination_place", ""),
                        doc.get("destination_country", ""),
                        country_name(doc.get("destination_country", "")),
                        *names.get(case_id, []),
                        *doc.get("tags", []),
                    ]
                )
                rows.append(
                    CaseRow(
                        id=case_id,
                        ref=doc.get("ref") or "",
                        title=doc.get("title", ""),
                        destination_country=doc.get("destination_country", ""),
                        destination_place=doc.get("destination_place", ""),
                        stage=doc.get("stage", ""),
                        workers=counts.get(case_id, 0),
                        next_due=due.get(case_id),
                        urgency=doc.get("urgency", ""),
                        search_text=fold(searchable),
                    )
                )
            return rows


def _replace_with(new: dict[str, Any]) -> Any:
    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(new)

    return transform
