"""The stored records the figures (`store.exchange.report`) are counted from, and what is kept
of the figures between two counts.

`Stored` reads one `Database.figures_source()`: the stored bytes of the tables the figures
need, parsed with orjson on first use of a table (never through the models: the records were
validated when written, and a value this version does not know is not counted rather than
guessed). Each table is parsed once per count, whichever parts of the figures read it.

`kept` keeps each part of the figures (the road home, money and legal status, requests,
closings, check-ins) with the stamps of the tables it was counted from (the engine bumps a
table's stamp on every change, here or read from another process) and what else it depends
on (the day, the union's lists): shown again with nothing saved since, the dashboard counts
nothing; after a save, only the parts that read a changed table are counted again. Counts
only, in memory, dropped with the database object.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

if TYPE_CHECKING:
    from store.db.views import FiguresSource

T = TypeVar("T")
Doc = dict[str, Any]
# Each case with its workers and each worker's plan (None without one), as stored.
Members = list[tuple[Doc, list[tuple[Doc, Doc | None]]]]

_KEPT: weakref.WeakKeyDictionary[Any, dict[str, tuple[Hashable, Any]]] = (
    weakref.WeakKeyDictionary())
_KEPT_LOCK = threading.Lock()


@contextmanager
def no_collection() -> Iterator[None]:
    """Many small dicts made at once, none of them in a cycle: the collector would only slow
    the parsing down (by half at 10,000 cases)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Stored:
    """One reading of the tables (see the module); every document is the store's parse of
    its bytes, made here: the callers may read it, never change it."""

    def __init__(self, source: FiguresSource) -> None:
        self.source = source
        self._docs: dict[str, list[Doc]] = {}
        self._members: Members | None = None

    def docs(self, table: str) -> list[Doc]:
        """Every record of `table`, in the store's order."""
        found = self._docs.get(table)
        if found is None:
            loads = orjson.loads
            with no_collection():
                found = [loads(raw) for raw in self.source.raw[table].values()]
            self._docs[table] = found
        return found

    def where(self, table: str, needle: bytes) -> list[Doc]:
        """The records of `table` whose stored bytes hold `needle` (a key and its value as
        orjson writes them), parsed; the others are not. A superset: the caller still reads
        the field."""
        loads = orjson.loads
        with no_collection():
            return [loads(raw) for raw in self.source.raw[table].values() if needle in raw]

    def case_ids(self) -> set[str]:
        return set(self.source.raw["cases"])

    def of_cases(self, table: str) -> dict[str, list[Doc]]:
        """The records of `table` under each case that exists, in the store's order (a record
        whose case is gone is not counted, as before)."""
        cases = self.case_ids()
        grouped: dict[str, list[Doc]] = {}
        for doc in self.docs(table):
            case_id = doc.get("case_id")
            if case_id in cases:
                grouped.setdefault(case_id, []).append(doc)
        return grouped

    def members(self) -> Members:
        """Every case with its workers and each worker's plan, as stored."""
        if self._members is None:
            plans = {doc["id"]: doc for doc in self.docs("plans")}
            plan_of = self.source.plan_of
            workers = self.of_cases("workers")
            self._members = [
                (case, [(worker, plans.get(plan_of.get(worker["id"], "")))
                        for worker in workers.get(case["id"], [])])
                for case in self.docs("cases")]
        return self._members


def kept(db: Any, source: FiguresSource, part: str, tables: Sequence[str], depends: Hashable,
         count: Callable[[], T]) -> T:
    """The part of the figures `part` as kept for `db` while the stamps of `tables` and
    `depends` are what they were when it was counted; counted (and kept) otherwise."""
    key = (tuple(source.stamps[table] for table in tables), depends)
    with _KEPT_LOCK:
        found = _KEPT.setdefault(db, {}).get(part)
    if found is not None and found[0] == key:
        return found[1]  # type: ignore[no-any-return]
    value = count()
    with _KEPT_LOCK:
        _KEPT.setdefault(db, {})[part] = (key, value)
    return value


def forget(db: Any) -> None:
    """Drop what is kept of `db`'s figures (the next count reads everything)."""
    with _KEPT_LOCK:
        _KEPT.pop(db, None)
