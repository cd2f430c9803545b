"""The exports made as they are written (store/exchange/export.py says what they hold).

Each export reads the records' stored bytes once (`Database.stored_records`, copied under
the lock: the bytes themselves are never changed in place) and makes its file in pieces, each
written before the next is made (`store.engine.storage.stage_file` takes them): the whole
output is never in memory. In the same pass every record is validated as `pulang import`
would (`Importable`): the first it would refuse stops the export with CorruptDatabase, and
the file staged so far is removed, never put in place nor recorded.

- json: the stored document of each record, keys sorted (orjson), records sorted by id,
  tables by name: the same bytes the whole document dumped at once gave.
- csv: one file per kind of record, rows from the stored documents (no model); a zip writes
  each member as it goes (zipfile's `open(name, "w")`, with a data descriptor after it).
"""

from __future__ import annotations

import gc
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import orjson
from pydantic import ValidationError

from store.common.errors import CorruptDatabase, RecordInvalid
from store.common.i18n import _
from store.domain import csvcells
from store.domain.classification import about_one_worker
from store.domain.records import STORED, Record
from store.engine.audit import table_label

Pieces = Callable[[], Iterator[bytes]]
BATCH = 2000  # records made into one piece: few writes, little in memory


class Importable:
    """Every record of an export checked as `pulang import` takes it in (`export._importable`
    is the one rule): valid in its model, of version 1 or more, its id not that of a record
    of another table (checked at once for the whole database, from the tables' keys)."""

    def __init__(self, db: Any, kinds: dict[str, type[Record]],
                 raw: dict[str, dict[str, bytes]]) -> None:
        self.db, self.kinds = db, kinds
        seen: set[str] = set()
        for table in kinds:
            ids = raw.get(table, {})
            for record_id in sorted(seen.intersection(ids)):
                self.refuse(table, record_id)
            seen.update(ids)

    def record(self, table: str, doc: Any) -> Record:
        """The record `doc` would be imported as; CorruptDatabase when it would not be."""
        try:
            record = self.kinds[table].model_validate(doc, context=STORED)
        except (ValidationError, RecordInvalid, TypeError):
            record = None
        if record is None or record.version < 1:
            self.refuse(table, doc.get("id") if isinstance(doc, dict) else None)
        return record  # type: ignore[return-value]

    def refuse(self, table: str, found: Any) -> None:
        # An id as Pulang makes them; anything else in its place may be a value.
        shown = found if isinstance(found, str) and re.fullmatch(r"[0-9a-f]{32}", found) else "?"
        raise CorruptDatabase(self.db.path, _(
            "The {kind} {id} in {path} is damaged (changed outside Pulang) and an "
            "export of it could not be imported again. Nothing was exported; run "
            "`pulang check` to see what is wrong with it.").format(
                kind=table_label(table), id=shown, path=self.db.path))


class Checking:
    """How an export's records are checked: beside the writing, in worker processes, for a
    large database (`export_check.beside`, started with the first piece), else each as it is
    written (`Importable`). `done(table)` before a table's part of the file is finished. A
    table found importable is not checked again when the export is made again (its bytes are
    this export's own copy); one refused is, and refused again."""

    def __init__(self, check: Importable, kinds: dict[str, type[Record]],
                 raw: dict[str, dict[str, bytes]], tables: Iterable[str]) -> None:
        self.check, self.kinds, self.raw, self.tables = check, kinds, raw, list(tables)
        self.passed: set[str] = set()
        self.beside: Any = None

    def start(self) -> None:
        from store.exchange.export_check import beside

        if self.beside is not None and not self.beside.closed:
            return  # under way (the csv files share it)
        left = [table for table in self.tables if table not in self.passed]
        self.beside = beside(self.check, self.kinds, self.raw, left) if left else None

    def inline(self, table: str) -> Importable | None:
        return None if self.beside is not None or table in self.passed else self.check

    def done(self, table: str) -> None:
        if table not in self.passed and self.beside is not None:
            self.beside.wait(table)
            if not self.beside.pending:
                self.beside.close()
        self.passed.add(table)

    def stop(self) -> None:
        if self.beside is not None:
            self.beside.close()


def checked_docs(raw: dict[str, bytes], table: str,
                 check: Importable | None) -> Iterator[list[dict[str, Any]]]:
    """The stored documents of a table sorted by id, in batches, each checked (`check`)."""
    loads = orjson.loads
    ids = sorted(raw)
    for start in range(0, len(ids), BATCH):
        enabled = gc.isenabled()
        gc.disable()  # many small dicts, no cycle: the collector would only slow it down
        try:
            docs = [loads(raw[record_id]) for record_id in ids[start:start + BATCH]]
            if check is not None:
                for doc in docs:
                    check.record(table, doc)
        finally:
            if enabled:
                gc.enable()
        yield docs


def json_pieces(header: dict[str, Any], tables: Iterable[str], raw: dict[str, dict[str, bytes]],
                checking: Checking | None) -> Iterator[bytes]:
    """The json export: `header` (its other keys: counters, exported_at, format, schema,
    version), then every table's records as stored; one JSON object, keys sorted, a newline
    at the end: what orjson.dumps(document, OPT_SORT_KEYS | OPT_APPEND_NEWLINE) gave."""
    dumps, sort = orjson.dumps, orjson.OPT_SORT_KEYS
    before = {k: v for k, v in header.items() if k < "tables"}
    after = {k: v for k, v in header.items() if k > "tables"}
    if checking is not None:
        checking.start()
    try:
        yield dumps(before, option=sort)[:-1] + (b',"tables":{' if before else b'{"tables":{')
        for n, table in enumerate(sorted(tables)):
            yield (b"," if n else b"") + dumps(table) + b":["
            first = True
            inline = None if checking is None else checking.inline(table)
            for docs in checked_docs(raw.get(table, {}), table, inline):
                piece = b",".join(dumps(doc, option=sort) for doc in docs)
                yield piece if first else b"," + piece
                first = False
            if checking is not None:
                checking.done(table)
            yield b"]"
    except BaseException:
        if checking is not None:
            checking.stop()
        raise
    closing = dumps(after, option=sort)[1:] if after else b"}"
    yield b"}" + (b"," + closing if after else closing) + b"\n"


def csv_pieces(table: str, kind: type[Record], columns: list[str], raw: dict[str, bytes],
               include_personal: bool, checking: Checking | None) -> Iterator[bytes]:
    """One csv file (UTF-8 with a BOM, for spreadsheets): its header, then a row per record
    (none for a kind about one worker as a whole, unless personal fields are asked for);
    every record checked all the same."""
    rows = include_personal or not about_one_worker(kind)
    out = io.StringIO()
    writer = csvcells.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    if checking is not None:
        checking.start()
    try:
        yield ("\ufeff" + out.getvalue()).encode("utf-8")
        inline = None if checking is None else checking.inline(table)
        for docs in checked_docs(raw, table, inline):
            if not rows:
                continue
            out.seek(0)
            out.truncate()
            for doc in docs:
                writer.writerow([_cell(doc.get(column)) for column in columns])
            yield out.getvalue().encode("utf-8")
        if checking is not None:
            checking.done(table)
    except BaseException:
        if checking is not None:
            checking.stop()
        raise


def _cell(value: Any) -> str:
    """A stored value as the text of its cell (`store.domain.csvcells.writer` makes it safe)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(v if isinstance(v, str) else orjson.dumps(v).decode() for v in value)
    if isinstance(value, dict):
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    return str(value)


class _Sink:
    """What zipfile writes to, drained as pieces: a stream without seek (zipfile then writes
    each member's sizes after it)."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []
        self.written = 0

    def write(self, data: bytes) -> int:
        self.pieces.append(bytes(data))
        self.written += len(data)
        return len(data)

    def tell(self) -> int:
        return self.written

    def flush(self) -> None:
        pass

    def drain(self) -> Iterator[bytes]:
        pieces, self.pieces = self.pieces, []
        yield from pieces


def zip_pieces(members: dict[str, Pieces]) -> Iterator[bytes]:
    """The files in one zip, by name, with a fixed date (the same files give the same bytes),
    each written as its pieces are made."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:  # type: ignore[arg-type]
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o600 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as member:
                for piece in members[name]():
                    member.write(piece)
                    yield from sink.drain()
            yield from sink.drain()
    yield from sink.drain()


# -- the HTCDS statistics, from the records checked for the export ---------------------------

_HTCDS_TABLES = ("cases", "workers", "screenings", "consents", "money", "places",
                 "registry_links")


class _Checked:
    """The records the HTCDS statistics read, as the models the check made of them, answering
    what `store.exchange.htcds.export_htcds` asks of a Database (in the Database's orders
    where they matter: each worker's screening and consent is the last of their case's)."""

    def __init__(self, models: dict[str, list[Any]]) -> None:
        self.models = models
        self.by_case: dict[str, dict[str, list[Any]]] = {}
        for table in ("workers", "screenings", "consents", "money"):
            grouped: dict[str, list[Any]] = {}
            for record in models[table]:
                grouped.setdefault(record.case_id, []).append(record)
            self.by_case[table] = grouped

    def cases(self) -> list[Any]:
        return self.models["cases"]

    def workers_of(self, case_id: str) -> list[Any]:
        return self.by_case["workers"].get(case_id, [])

    def screenings_of(self, case_id: str) -> dict[str, Any]:
        return {r.worker_id: r for r in self.by_case["screenings"].get(case_id, [])}

    def consents_of(self, case_id: str) -> dict[str, Any]:
        return {r.worker_id: r for r in self.by_case["consents"].get(case_id, [])}

    def money_of(self, case_id: str) -> list[Any]:
        return self.by_case["money"].get(case_id, [])

    def places(self) -> list[Any]:
        return self.models["places"]

    def registry_links(self) -> list[Any]:
        return self.models["registry_links"]


def htcds_checked(db: Any, k: int) -> tuple[bytes, Any]:
    """The HTCDS statistics (`export_htcds`) and their report, after every record of the
    database was checked as the import takes it (CorruptDatabase for the first it would
    refuse, before anything is made): one pass, whose models of the records the statistics
    read are those they are made from (no record is read or validated twice)."""
    from store.db.database import _KIND_OF
    from store.exchange.htcds import export_htcds

    kinds = dict(_KIND_OF)
    _meta, raw = db.stored_records(kinds)
    check = Importable(db, kinds, raw)
    models: dict[str, list[Any]] = {table: [] for table in _HTCDS_TABLES}
    # The tables the statistics do not read are checked beside, where the database is large.
    checking = Checking(check, kinds, raw, [t for t in kinds if t not in models])
    checking.start()
    try:
        for table in kinds:
            kept = models.get(table)
            if kept is None and checking.inline(table) is None:
                continue
            for docs in checked_docs(raw.get(table, {}), table, None):
                for doc in docs:
                    record = check.record(table, doc)
                    if kept is not None:
                        kept.append(record)
        for table in checking.tables:
            checking.done(table)
    finally:
        checking.stop()
    return export_htcds(_Checked(models), k)  # type: ignore[arg-type]
