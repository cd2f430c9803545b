"""The check of every record of a large export (as `pulang import` takes it: its model
validated, its version 1 or more) made on the other cores while the export is written.

Validating every record is most of an export's work (at 10,000 cases, three fifths of the
json export's). From `PARALLEL_FROM` records on, `Beside` hands the records' stored bytes, in
chunks, to worker processes (spawned: nothing of this process is shared with them but the
chunks they are sent) as soon as the export starts, and the export writes meanwhile; before
each table's part of the file is finished, `Beside.wait` takes that table's answer and stops
the export with CorruptDatabase for the first record refused, exactly as the check made in
the writing does (`export_stream.Importable`): the staged file is then removed and nothing is
recorded. Below it, or where no process can be started, the records are checked as they are
written, in this process.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import orjson
from pydantic import ValidationError

from store.common.errors import RecordInvalid
from store.domain.records import STORED

PARALLEL_FROM = 50_000  # records in the database
CHUNK = 4_000  # records a worker is sent at once


def first_refused(module: str, name: str, raws: list[bytes]) -> int | None:
    """The position of the first record of `raws` the import would refuse, or None (run in a
    worker process: the kind is named, not sent)."""
    kind = getattr(importlib.import_module(module), name)
    for n, raw in enumerate(raws):
        try:
            record = kind.model_validate(orjson.loads(raw), context=STORED)
        except (ValidationError, RecordInvalid, TypeError, orjson.JSONDecodeError):
            return n
        if record.version < 1:
            return n
    return None


class Beside:
    """The check of `tables` running in worker processes (see the module)."""

    def __init__(self, check: Any, kinds: dict[str, type[Any]],
                 raw: dict[str, dict[str, bytes]], tables: Iterable[str]) -> None:
        self.check = check  # an export_stream.Importable: the one wording of a refusal
        self.closed = False
        workers = max(1, min(2, os.cpu_count() or 1))
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        self.pending: dict[str, list[tuple[list[str], Future[int | None]]]] = {}
        for table in tables:
            kind, records = kinds[table], raw.get(table, {})
            ids = sorted(records)
            self.pending[table] = [
                (part, self.pool.submit(first_refused, kind.__module__, kind.__name__,
                                        [records[i] for i in part]))
                for part in (ids[n:n + CHUNK] for n in range(0, len(ids), CHUNK))]

    def wait(self, table: str) -> None:
        """The answer for `table`: CorruptDatabase naming its first record refused."""
        for ids, answer in self.pending.pop(table, []):
            found = answer.result()
            if found is not None:
                self.close()
                self.check.refuse(table, ids[found])

    def close(self) -> None:
        self.closed = True
        self.pool.shutdown(wait=False, cancel_futures=True)


def beside(check: Any, kinds: dict[str, type[Any]], raw: dict[str, dict[str, bytes]],
           tables: Iterable[str]) -> Beside | None:
    """The check of a large export started in worker processes; None for a small one, or
    where no process can be started (the records are then checked as they are written)."""
    if sum(len(records) for records in raw.values()) < PARALLEL_FROM:
        return None
    try:
        return Beside(check, kinds, raw, tables)
    except (OSError, RuntimeError, NotImplementedError):
        return None
