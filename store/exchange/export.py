"""Exports of the whole database, and the import of a json export into an empty database.

The json export ("pulang-export", version 1) is a backup any tool can read. It is one JSON
object, keys sorted, UTF-8, written by orjson:

    {
      "format": "pulang-export",          # always this: anything else is not ours
      "version": 1,                        # of this format; a newer one is refused
      "schema": 4,                         # the database schema the records are in
      "exported_at": "2026-01-31T09:00:00+00:00",
      "counters": {"KH-2025": 4},          # the last case reference given per prefix
      "tables": {
        "cases": [ {record}, ... ],        # every record as stored, sorted by id,
        "workers": [...], "log": [...],    #   with id, version, created_at, updated_at
        "screenings": [...], "consents": [...], "plans": [...],
        "organisations": [...], "people": [...], "meetings": [...],
        "agreements": [...], "tasks": [...]
      }
    }

A record holds every field of its model (`store.domain.records`), dates and times in ISO 8601.
Exporting the same database twice gives the same bytes but for `exported_at` (which a caller
may fix). The audit trail is not part of it. `import_json` reads it back into an empty
database, validating every record, keeping ids, versions and timestamps: exported again, it
gives the same bytes.

An export of an older schema (from an older Pulang: schema 1 holds only cases, workers and
log; 2 adds a worker's erased_at; 3 screenings, consents and plans) is read too: its tables
are brought to this schema by the same migration steps that upgrade a database file on open
(`store.engine.migrations`), then validated as above. An export of a newer schema than this
Pulang's is refused, as is a newer format version.

The csv export is one file per kind of record (`cases.csv`, `workers.csv`, ...), UTF-8 with
a header of field names; lists are joined with "; ", nested values are JSON. Personal and
sensitive fields (by `store.domain.classification`, nowhere else) are left out unless asked for,
and so are the rows of a kind of record about one worker as a whole (a legal matter, a sum of
money in their case: `about_one_worker`), whose mere existence says something of them.
A cell that a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a
carriage return, a phone number "+62..." too) starts with an apostrophe, unless it is a plain
number: the one rule of `store.domain.csvcells`.

Nothing here writes a file. `prepare_export` gives an export ready to be made as it is
written (`Prepared.stream`, `store.exchange.export_stream`: never whole in memory) and its
audit note, for the command line and the app to stage beside its place, record in the audit
trail, then put in place (what cannot be recorded is not written). An export is refused whole
when a record in the database would not pass the import (`export_stream.Importable`, checked
as the records are written, or beside the writing for a large database:
`store.exchange.export_check`): a backup that cannot be read back is none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from store.common.errors import InputFileUnreadable, MigrationFailed, RecordInvalid
from store.common.i18n import _
from store.db.database import _KIND_OF
from store.domain.classification import Classification, fields_classified
from store.domain.records import STORED, Record
from store.engine import audit
from store.engine.migrations import FIRST_SCHEMA, META_DOC, META_TABLE, MIGRATIONS, Tables, migrate
from store.exchange.export_stream import (
    Checking,
    Importable,
    Pieces,
    _cell,  # noqa: F401 - the csv cell, named here as before
    csv_pieces,
    htcds_checked,
    json_pieces,
    zip_pieces,
)
from store.exchange.htcds import DEFAULT_K, HtcdsReport

Stored = tuple[dict[str, Any], dict[str, dict[str, bytes]]]  # `Database.stored_records`
FORMAT = "pulang-export"
VERSION = 1


def _kinds() -> dict[str, type[Record]]:
    return dict(_KIND_OF)


def tables_of(db: Any, raw: dict[str, dict[str, Any]] | None = None
              ) -> dict[str, list[dict[str, Any]]]:
    """Every record of every table, as stored, sorted by id (from `raw`, the database's
    tables, when the caller has read them already: reading them parses every record)."""
    raw = db.raw_tables() if raw is None else raw
    return {table: sorted(raw.get(table, {}).values(), key=lambda d: str(d.get("id", "")))
            for table in _kinds()}


def counts(tables: dict[str, Any]) -> str:
    """How many records per table, for the audit note and the user: no values."""
    return " ".join(f"{table}={len(records)}" for table, records in tables.items())


def export_json(db: Any, exported_at: dt.datetime | None = None) -> bytes:
    """The json export whole (`json_export` makes it as it is written)."""
    return b"".join(json_export(db, exported_at)())


def json_export(db: Any, exported_at: dt.datetime | None = None, check: bool = False,
                stored: Stored | None = None) -> Pieces:
    """The json export's pieces, made when called, from the records as they stand now (or
    `stored`: `Database.stored_records`); with `check`, each record checked as the import
    takes it (`export_stream.Importable`)."""
    meta, raw = db.stored_records(_kinds()) if stored is None else stored
    moment = exported_at or dt.datetime.now(dt.timezone.utc)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "schema": db.schema,
        "exported_at": moment.isoformat(timespec="seconds"),
        "counters": dict(meta.get("counters", {})),
    }
    kinds = _kinds()
    checking = Checking(Importable(db, kinds, raw), kinds, raw, sorted(kinds)) if check else None
    return lambda: json_pieces(header, kinds, raw, checking)


def read_export(data: bytes, schema: int) -> tuple[dict[str, list[dict[str, Any]]],
                                                   dict[str, int]]:
    """The validated records of a json export, brought to `schema` if the export is of an
    older one, and its counters; InputFileUnreadable (exit 2) for a file that is not one of
    ours, of a newer format or schema, or with a bad record."""
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:
        raise InputFileUnreadable(_("This file is not a Pulang json export (not JSON).")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputFileUnreadable(_("This file is not a Pulang json export."))
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise InputFileUnreadable(_("This export is of a newer format (version {version}); "
                                    "update Pulang to read it.").format(version=version))
    theirs = document.get("schema")
    if not isinstance(theirs, int) or isinstance(theirs, bool) or theirs < FIRST_SCHEMA:
        raise InputFileUnreadable(_("This file is not a Pulang json export."))
    if theirs > schema:
        raise InputFileUnreadable(_("This export is of database schema {theirs}, newer than "
                                    "this Pulang's ({ours}); update Pulang to read it.").format(
            theirs=theirs, ours=schema))
    tables = document.get("tables")
    counters = document.get("counters", {})
    kinds = _kinds()
    if not isinstance(tables, dict) or not isinstance(counters, dict):
        raise InputFileUnreadable(_("This file is not a Pulang json export."))
    unknown = sorted(set(tables) - set(kinds))
    if unknown:
        raise InputFileUnreadable(_("This export has tables this Pulang does not know: "
                                    "{tables}.").format(tables=", ".join(unknown)))
    if theirs < schema:
        tables = _upgraded(tables, theirs, schema)
    result: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for table, kind in kinds.items():
        records = tables.get(table, [])
        if not isinstance(records, list):
            raise InputFileUnreadable(_("This file is not a Pulang json export."))
        result[table] = []
        for n, doc in enumerate(records, start=1):
            record = _importable(kind, doc, seen)
            if record is None:
                raise InputFileUnreadable(_("Record {n} of {table} is not valid; nothing was "
                                            "imported.").format(n=n, table=table))
            result[table].append(record.model_dump(mode="json"))
    if not all(isinstance(k, str) and isinstance(v, int) for k, v in counters.items()):
        raise InputFileUnreadable(_("This file is not a Pulang json export."))
    return result, counters


def _importable(kind: type[Record], doc: Any, seen: set[str]) -> Record | None:
    """The record as `read_export` takes it in (its id then added to `seen`), or None when
    the import would refuse it: not valid, an id already seen, a version below 1. The one
    rule for both ends: what is exported can be imported."""
    try:
        record = kind.model_validate(doc, context=STORED)
    except (ValidationError, RecordInvalid, TypeError):
        return None
    if record.id in seen or record.version < 1:
        return None
    seen.add(record.id)
    return record


def refuse_unimportable(db: Any, tables: dict[str, list[dict[str, Any]]]) -> None:
    """CorruptDatabase (exit 2) naming the first record (its kind and id, never a value) that
    `pulang import` would refuse, e.g. one another program changed: an export is a backup,
    and a backup that cannot be read back is none. Nothing is written or recorded then.
    (The exports check their records as they write them: `export_stream.Importable`.)"""
    kinds = _kinds()
    seen: set[str] = set()
    refusal = Importable(db, {}, {})
    for table, records in tables.items():
        for doc in records:
            if _importable(kinds[table], doc, seen) is None:
                refusal.refuse(table, doc.get("id") if isinstance(doc, dict) else None)


def _upgraded(tables: dict[str, Any], theirs: int, ours: int) -> dict[str, list[Any]]:
    """The tables of an export of an older schema, brought to schema `ours` by the database's
    own migration steps (`store.engine.migrations.migrate`), run on an in-memory document shaped as
    the database file is: {table: {key: record}} with the meta table. Records are keyed by
    their position, so that two records with one id both reach validation (which refuses
    them) instead of one silently replacing the other."""
    if not all(isinstance(records, list) for records in tables.values()):
        raise InputFileUnreadable(_("This file is not a Pulang json export."))
    document: Tables = {META_TABLE: {META_DOC: {"schema": theirs}}}
    for table, records in tables.items():
        document[table] = {str(n): record for n, record in enumerate(records)}
    steps = [step for step in MIGRATIONS if step.to_version <= ours]
    try:
        migrated = migrate(document, "export", steps)
    except MigrationFailed:
        raise InputFileUnreadable(_("This export of database schema {theirs} could not be "
                                    "brought to schema {ours}; nothing was imported.").format(
            theirs=theirs, ours=ours)) from None
    return {table: list(records.values()) for table, records in migrated.items()
            if table != META_TABLE}


def import_json(db: Any, data: bytes) -> dict[str, int]:
    """Read a json export into `db`, which must be empty (RuleRefused otherwise), in one
    change; returns how many records per table."""
    tables, counters = read_export(data, db.schema)
    db.restore_records(tables, counters)
    return {table: len(records) for table, records in tables.items()}


# -- csv -----------------------------------------------------------------------------------

def columns_of(kind: type[Record], include_personal: bool) -> list[str]:
    levels = [Classification.PUBLIC]
    if include_personal:
        levels += [Classification.PERSONAL, Classification.SENSITIVE]
    return fields_classified(kind, *levels)


def export_csv(db: Any, include_personal: bool = False) -> dict[str, bytes]:
    """One CSV per kind of record: file name -> bytes (UTF-8 with a BOM, for spreadsheets)."""
    return {name: b"".join(pieces()) for name, pieces in csv_export(db, include_personal).items()}


def csv_export(db: Any, include_personal: bool = False, check: bool = False,
               stored: Stored | None = None) -> dict[str, Pieces]:
    """Each csv file's pieces (`export_csv`), made when called, from the records as they
    stand now (or `stored`); with `check`, each record checked as the import takes it."""
    kinds = _kinds()
    _meta, raw = db.stored_records(kinds) if stored is None else stored
    checking = Checking(Importable(db, kinds, raw), kinds, raw, kinds) if check else None

    def pieces(table: str) -> Pieces:
        columns = columns_of(kinds[table], include_personal)
        return lambda: csv_pieces(table, kinds[table], columns, raw.get(table, {}),
                                  include_personal, checking)
    return {f"{table}.csv": pieces(table) for table in kinds}


def zipped(files: dict[str, bytes]) -> bytes:
    """The files in one zip, with a fixed date (the same files give the same bytes)."""
    return b"".join(zip_pieces({name: (lambda data=data: iter([data]))
                                for name, data in files.items()}))


# -- an export made and recorded, for the command line and the app to write -----------------

FORMATS = ("json", "csv", "htcds")


def holds_personal(fmt: str, include_personal: bool = False) -> bool:
    """Whether an export in `fmt` holds personal data: json always, csv only with the personal
    fields asked for, htcds never (it is k-anonymised, see store/exchange/htcds.py)."""
    return fmt == "json" or (fmt == "csv" and include_personal)


def export_targets(fmt: str, out: Path) -> list[Path]:
    """The files an export to `out` writes: `out` itself, or for csv to a folder (`out` not
    ending in .zip) one file per kind of record in it, as `export_csv` names them."""
    if fmt == "csv" and out.suffix.lower() != ".zip":
        return [out / f"{table}.csv" for table in _kinds()]
    return [out]


@dataclass(frozen=True)
class Prepared:
    """An export ready to write: `stream` makes the one file's bytes as they are written
    (csv: the zip of `members`), checking each record; `data` is that file whole."""

    stream: Pieces
    note: str  # as recorded in the audit trail: counts, no values
    members: dict[str, Pieces] = field(default_factory=dict)  # csv: one file per table
    report: HtcdsReport | None = None  # htcds: what was left out and suppressed

    @property
    def data(self) -> bytes:
        return b"".join(self.stream())

    @property
    def files(self) -> dict[str, bytes]:
        return {name: b"".join(pieces()) for name, pieces in self.members.items()}


def record_export(db: Any, prepared: Prepared) -> None:
    """The export's entry in the audit trail (`audit.EXPORT`: format and counts, no value)."""
    db.audit_event(audit.EXPORT, note=prepared.note)


def prepare_export(db: Any, fmt: str, *, include_personal: bool = False,
                   k: int | None = None, record: bool = True) -> Prepared:
    """Make the export in `fmt` ("json", "csv" or "htcds") ready to write and, unless `record`
    is False, record it in the audit trail before returning it: the caller writes it only
    after. With `record=False` the caller records it (`record_export`) between staging the
    file and putting it in place (`store.engine.storage.write_recorded`), as it should: the
    json and csv exports are made while they are staged (`Prepared.stream`), checking each
    record as the import takes it, and a record the import would refuse (changed outside
    Pulang) stops it with CorruptDatabase naming it: the staged file is removed, nothing is
    put in place or recorded. The htcds statistics (small: one row per consenting worker) are
    made and every record checked here. `include_personal` is for csv; `k` for htcds (its
    default when None)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    if fmt == "htcds":
        data, report = htcds_checked(db, k=DEFAULT_K if k is None else k)
        prepared = Prepared(lambda: iter([data]), report.audit_note(), report=report)
    else:
        personal = holds_personal(fmt, include_personal)
        stored = db.stored_records(_kinds())  # what is counted is what is written
        if fmt == "json":
            stream = json_export(db, check=True, stored=stored)
            members: dict[str, Pieces] = {}
        else:
            members = csv_export(db, include_personal=include_personal, check=True,
                                 stored=stored)
            stream = partial(zip_pieces, members)
        note = f"{fmt}{' personal' if personal else ''}: {counts(stored[1])}"
        prepared = Prepared(stream, note, members)
    if record:
        record_export(db, prepared)  # what cannot be recorded is not done
    return prepared
