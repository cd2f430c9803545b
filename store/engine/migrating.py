"""Running schema migrations: every table walked once for all the steps pending, from the
records' bytes, with progress; all or nothing.

The steps themselves are in `store.engine.migrations`. Most say what they do to one record of
a table (`Walk.records`): those pending are run one after the other on each record, so a record
is parsed once and encoded once however many steps change it, and a table no pending step
changes is not parsed at all (its bytes are kept as they are). A step that needs other records
than the one it changes (the requests to partners of schema 11 read the rest of the log)
prepares what it needs when its walk is made, from the records as they stand before the pass:
it may read only what the steps before it in the same pass leave as it was (see
`migrations._requests_followed`). A step written over all the tables at once (`apply`) is run
alone, on the tables parsed whole: the last resort of a change no walk can make.

Nothing is written here: `store.engine.generations.Generations.upgrade` writes the result once
every step has succeeded, so a failing step leaves the file untouched.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from store.common.errors import MigrationFailed
from store.common.i18n import _

Tables = dict[str, dict[str, Any]]
# table -> key -> the record's bytes (a record id in the engine, a document key in a file)
RawTables = dict[str, dict[str, bytes]]
Record = dict[str, Any]
# The records of a table as they stand before the pass, parsed one by one: for a step's
# preparation.
Reader = Callable[[str], Iterator[Record]]
# Records done of the total, now and then while a migration runs, and once when it is over.
Upgrading = Callable[[int, int], None]

META_TABLE = "_meta"
META_DOC = "1"
# How often (in records) progress is said, at least: the app shows it in its status line.
_PROGRESS_EVERY = 5000


def _nothing() -> list[str]:
    return []


@dataclass
class Walk:
    """What one step does in the pass over the tables: `records` maps a table to the change of
    one of its records (given the record parsed, it returns it, changed in place or rebuilt);
    `said` gives, after the pass, what the officer must hear, in their language."""

    records: dict[str, Callable[[Record], Record]]
    said: Callable[[], list[str]] = field(default=_nothing)


@dataclass(frozen=True)
class Migration:
    """One step to schema `to_version`. `new_tables` are made empty; `walk`, given a reader of
    the tables as they stand before the pass, says what the step does to each record
    (`Walk`). `apply` is the other way of writing a step: it changes every table at once, in
    place, and returns its notices; it runs alone, on the tables parsed whole."""

    to_version: int
    description: str
    apply: Callable[[Tables], list[str] | None] | None = None
    walk: Callable[[Reader], Walk] | None = None
    new_tables: tuple[str, ...] = ()


def _failed(path: object, step: Migration, error: BaseException) -> MigrationFailed:
    return MigrationFailed(
        path,
        _("{path}: upgrading the database to schema {version} failed ({error}); "
          "the file was not changed.").format(
            path=path, version=step.to_version, error=type(error).__name__),
    )


def _runs(steps: Sequence[Migration]) -> list[list[Migration]]:
    """The steps in passes: those with a walk (or only new tables) share one pass; a step
    written over every table at once is a pass of its own."""
    runs: list[list[Migration]] = []
    for step in steps:
        if step.apply is not None or not runs or runs[-1][-1].apply is not None:
            runs.append([step])
        else:
            runs[-1].append(step)
    return runs


class _Counter:
    """Records done of the total, said to `upgrading` every few thousand."""

    def __init__(self, total: int, upgrading: Upgrading | None) -> None:
        self.total, self.done, self.upgrading = total, 0, upgrading
        self.said_at = 0
        if upgrading is not None and total:
            upgrading(0, total)

    def add(self, count: int) -> None:
        self.done += count
        if (self.upgrading is not None and self.done < self.total
                and self.done - self.said_at >= _PROGRESS_EVERY):
            self.said_at = self.done
            self.upgrading(self.done, self.total)

    def over(self) -> None:
        if self.upgrading is not None:
            self.upgrading(self.total, self.total)


def run_steps(meta: Record, raw: RawTables, path: object, steps: Sequence[Migration],
              notices: list[str] | None = None, upgrading: Upgrading | None = None,
              ) -> tuple[Record, set[str]]:
    """Bring `raw` (every table but meta, as bytes) from meta's schema to the last step's,
    in place; return the new meta and the tables whose records changed. What the steps have
    to say is added to `notices`, each prefixed with the schema it came with. On a failure,
    MigrationFailed: `raw` may then be half done, and the caller drops it."""
    meta = dict(meta)
    version = int(meta["schema"])
    pending = [step for step in steps if step.to_version > version]
    runs = _runs(pending)
    counter = _Counter(sum(len(records) for records in raw.values()) * len(runs), upgrading)
    changed: set[str] = set()
    enabled = gc.isenabled()
    gc.disable()  # records hold no cycles: the collector would only slow the pass down
    try:
        for run in runs:
            if run[0].apply is not None:
                said = {run[0].to_version: _apply_whole(meta, raw, path, run[0])}
                changed.update(raw)
                counter.add(sum(len(records) for records in raw.values()))
            else:
                said = _walk(raw, path, run, counter, changed)
            meta["schema"] = run[-1].to_version
            if notices is not None:
                notices += [_("Database upgraded to schema {version}: {notice}").format(
                    version=to_version, notice=notice)
                    for to_version, told in said.items() for notice in told]
    finally:
        if enabled:
            gc.enable()
    counter.over()
    return meta, changed


def _apply_whole(meta: Record, raw: RawTables, path: object, step: Migration) -> list[str]:
    """A step written over every table at once, on the tables parsed whole."""
    assert step.apply is not None
    tables: Tables = {name: {key: orjson.loads(value) for key, value in records.items()}
                      for name, records in raw.items()}
    tables[META_TABLE] = {META_DOC: meta}
    try:
        said = step.apply(tables)
    except Exception as error:  # any failure leaves the file untouched
        raise _failed(path, step, error) from error
    tables.pop(META_TABLE, None)
    raw.clear()
    raw.update({name: {key: memoryview(orjson.dumps(doc)).tobytes()
                       for key, doc in records.items()} for name, records in tables.items()})
    return list(said or ())


def _walk(raw: RawTables, path: object, run: list[Migration], counter: _Counter,
          changed: set[str]) -> dict[int, list[str]]:
    """One pass over every table for the steps of `run`; their notices by schema."""

    def read(table: str) -> Iterator[Record]:
        for value in raw.get(table, {}).values():
            yield orjson.loads(value)

    walks: list[tuple[Migration, Walk]] = []
    for step in run:
        for name in step.new_tables:
            raw.setdefault(name, {})
        if step.walk is not None:
            try:
                walks.append((step, step.walk(read)))
            except Exception as error:
                raise _failed(path, step, error) from error
    for name, records in raw.items():
        changes = [(step, walk.records[name]) for step, walk in walks if name in walk.records]
        if not changes:
            counter.add(len(records))  # kept as its bytes
            continue
        changed.add(name)
        failing = changes[0][0]
        loads, dumps = orjson.loads, orjson.dumps
        try:
            done = 0
            for key, value in records.items():
                doc = loads(value)
                for failing, change in changes:
                    doc = change(doc)
                # The same keys: the dict keeps its size. A copy of orjson's bytes, which
                # hold eight kilobytes or more whatever their length.
                records[key] = memoryview(dumps(doc)).tobytes()
                done += 1
                if done == _PROGRESS_EVERY:
                    counter.add(done)
                    done = 0
            counter.add(done)
        except Exception as error:
            raise _failed(path, failing, error) from error
    said: dict[int, list[str]] = {}
    for step, walk in walks:
        try:
            said[step.to_version] = list(walk.said())
        except Exception as error:
            raise _failed(path, step, error) from error
    return said


def migrate(tables: Tables, path: object, steps: Sequence[Migration],
            notices: list[str] | None = None) -> Tables:
    """Return a migrated copy of `tables` (a document shaped as the database file, meta
    included); the original is left as it was. See `run_steps`."""
    raw = {name: {key: orjson.dumps(doc) for key, doc in records.items()}
           for name, records in tables.items() if name != META_TABLE}
    meta, _changed = run_steps(orjson.loads(orjson.dumps(tables[META_TABLE][META_DOC])), raw,
                               path, steps, notices)
    result: Tables = {META_TABLE: {META_DOC: meta}}
    result.update({name: {key: orjson.loads(value) for key, value in records.items()}
                   for name, records in raw.items()})
    return result
