"""The database: the domain's records, kept as a TinyDB snapshot plus a journal (`store.engine`).

The UI and the command line call these methods and get records back, or a domain error; they
never touch tables or raw dicts. Every method is safe to call from one thread at a time (a lock
guards the engine), so the UI can run them in a worker off its event loop.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import orjson
from pydantic import ValidationError

from store.countries import country_name
from store.engine import COMPACT_AT_BYTES, Change, Engine
from store.errors import DamagedRecord, NotFound, RecordInvalid
from store.i18n import _
from store.migrations import META_TABLE, MIGRATIONS, Migration, Tables
from store.records import STORED, Case, LogEntry, Record, Worker, build
from store.rows import CaseRow
from store.storage import remove_stale_temporaries
from store.text import fold

R = TypeVar("R", bound=Record)

CASES, WORKERS, LOG = "cases", "workers", "log"
_TABLE_OF: dict[type[Record], str] = {Case: CASES, Worker: WORKERS, LogEntry: LOG}

# Below this snapshot size, closing always folds the journal in: it takes milliseconds.
_SMALL_SNAPSHOT = 16 * 1024 * 1024


def current_user() -> str:
    """The OS account making the change (recorded on every record)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@cache
def _country_words(code: str) -> str:
    return f"{code} {country_name(code, 'en')} {country_name(code, 'id')}"


class Database:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.RLock()
        self._rows: dict[str, CaseRow] = {}

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
    ) -> Database:
        """Open (or, with `create`, make) a database; refuse anything that is not one.

        `progress` hears the share of the snapshot read so far, now and then, while it loads;
        `on_rows` hears the cases list as the snapshot recorded it, before the records are
        indexed, so a screen can show it early.
        """
        path = Path(path)
        seeded: dict[str, CaseRow] = {}

        def rows_first(raw_rows: list[tuple[str, bytes]]) -> None:
            for case_id, raw in raw_rows:
                seeded[case_id] = _decode_row(case_id, raw)
            if on_rows is not None:
                on_rows(list(seeded.values()))

        if create and not (path.exists() or path.is_symlink()):
            engine = Engine.create(path, demo=demo, migrations=migrations)
        else:
            engine = Engine.open(path, migrations=migrations, progress=progress,
                                 on_rows=rows_first)
            remove_stale_temporaries(path)
        database = cls(engine)
        if engine.dirty_cases is not None:  # the snapshot's rows hold, but for what changed
            database._rows = seeded or {k: _decode_row(k, r) for k, r in engine.snapshot_rows}
        engine.snapshot_rows = []
        return database

    def close(self) -> None:
        """Fold the journal into the snapshot when that is cheap or the journal has grown."""
        with self._lock:
            engine = self._engine
            # Only a process that saved something rewrites the snapshot: `check` and other
            # readers leave the files exactly as they found them.
            changed = engine.commits > 0 and engine.state is not None and engine.state.seq > 0
            small = engine.snapshot_stamp is not None and engine.snapshot_stamp[2] < _SMALL_SNAPSHOT
            if (changed and (small or engine.journal_size() >= COMPACT_AT_BYTES)) or (
                changed and engine.foreign_layout
            ):
                engine.compact(self._encoded_rows)

    def compact(self) -> None:
        with self._lock:
            self._engine.compact(self._encoded_rows)

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
    def is_demo(self) -> bool:
        return bool(self._engine.meta.get("demo"))

    @property
    def schema(self) -> int:
        return int(self._engine.meta["schema"])

    @property
    def backup_path(self) -> Path | None:
        """The copy kept from before a migration run when this database was opened, if any."""
        return self._engine.backup_path

    def raw_tables(self) -> Tables:
        """The tables as stored (snapshot plus journal), unvalidated: for `pulang check`."""
        with self._lock:
            self._engine.refresh()
            return self._engine.tables

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Several changes as one atomic journal entry: all of them reach the file, or none."""
        with self._lock, self._engine.transaction():
            yield

    # -- generic ---------------------------------------------------------------------------

    def _doc(self, kind: type[Record], record_id: str) -> dict[str, Any] | None:
        return self._engine.get(_TABLE_OF[kind], record_id)

    def get(self, kind: type[R], record_id: str) -> R:
        with self._lock:
            self._engine.refresh()
            doc = self._doc(kind, record_id)
            if doc is None:
                raise NotFound(record_id)
            return _valid(kind, doc)

    def _save(self, record: R, **fixed: Any) -> R:
        """Insert or update `record`, stamped with time, user and the next version."""
        doc = self._doc(type(record), record.id)
        now = dt.datetime.now(dt.timezone.utc)
        data = record.model_dump()
        if doc is None:
            if record.version != 0:
                raise NotFound(record.id)
            data.update(created_at=now)
        else:
            data.update(created_at=doc.get("created_at"))
        data.update(fixed, updated_at=now, changed_by=current_user(), version=record.version + 1)
        saved = build(type(record), data)
        self._engine.stage(
            Change(_TABLE_OF[type(record)], saved.id, None if doc is None else record.version,
                   saved.version, saved.model_dump(mode="json"))
        )
        return saved

    def _remove(self, kind: type[Record], record_id: str) -> None:
        doc = self._doc(kind, record_id)
        if doc is None:
            raise NotFound(record_id)
        self._engine.stage(Change(_TABLE_OF[kind], record_id, doc.get("version"), None, None))

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

    def save_case(self, case: Case) -> Case:
        """Save a case; a new one gets its reference now, and keeps it for good."""
        with self.transaction():
            doc = self._doc(Case, case.id)
            if doc is None:
                return self._save(case, ref=self._next_ref(case))
            return self._save(case, ref=doc.get("ref"))

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

    def remove_worker(self, worker_id: str) -> None:
        """Remove a worker; log entries that named them keep the entry but drop the link."""
        with self.transaction():
            doc = self._doc(Worker, worker_id)
            if doc is None:
                raise NotFound(worker_id)
            for entry_doc in self._engine.children_of(LOG, doc["case_id"]):
                if worker_id in entry_doc.get("worker_ids", []):
                    entry = _valid(LogEntry, entry_doc)
                    kept = [w for w in entry.worker_ids if w != worker_id]
                    self._save(entry.model_copy(update={"worker_ids": kept}))
            self._remove(Worker, worker_id)

    # -- log -------------------------------------------------------------------------------

    def log_of(self, case_id: str) -> list[LogEntry]:
        """The case's log, newest first."""
        with self._lock:
            self._engine.refresh()
            docs = self._engine.children_of(LOG, case_id)
            entries = [_valid(LogEntry, d) for d in docs]
        return sorted(entries, key=lambda e: e.at, reverse=True)

    def save_log_entry(self, entry: LogEntry) -> LogEntry:
        with self.transaction():
            if self._doc(Case, entry.case_id) is None:
                raise NotFound(_("case of this log entry"))
            workers = self._engine.children[WORKERS].get(entry.case_id, {})
            if any(w not in workers for w in entry.worker_ids):
                raise NotFound(_("worker in this case"))
            return self._save(entry)

    def mark_next_step(self, entry: LogEntry, done: bool) -> LogEntry:
        with self.transaction():
            return self._save(entry.model_copy(update={"next_step_done": done}))

    # -- the cases list --------------------------------------------------------------------

    def case_rows(self) -> list[CaseRow]:
        """Every case as a line of the list, with its worker count and next open due date.

        Rows are kept between calls; only cases changed since (here or by another process)
        are rebuilt.
        """
        with self._lock:
            engine = self._engine
            engine.refresh()
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
