"""The Database's read models: the cases list, Today, one search across every kind of
record, and the figures' source.

A part of `store.db.database.Database` (see `store.db.base`). These read the engine's indexes
(`store.engine.tables`) rather than every record, so that they stay quick on a large database;
what Today shows is `store.domain.rules.today`'s. The cases list is kept between calls, and in
the snapshot (`encode_row`), so that the next opening shows it at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import orjson

from store.common.collation import name_sort_key
from store.db import base
from store.db.base import CASES, LEGAL, LOG, PLANS, WORKERS, Part
from store.db.network import SEARCH_LIMIT, Hit
from store.domain.countries import country_name
from store.domain.matching import matches_query
from store.domain.records import Agreement, Meeting, Organisation, Person
from store.domain.rows import CaseRow
from store.domain.rules.closing import is_closed
from store.domain.text import fold
from store.domain.vocab import label


class ViewsPart(Part):
    """The cases list, Today, the search and the figures' source."""

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
                self._rows = {k: decode_row(k, raw) for k, raw in engine.snapshot_rows}
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
            closed_reason=(doc.get("closed_reason") or "") if is_closed(doc) else "",
        )

    def _encoded_rows(self) -> list[tuple[str, bytes]]:
        """The cases list as the snapshot keeps it, so the next open shows it at once."""
        return [(row.id, encode_row(row)) for row in self.case_rows()]

    # -- Today -----------------------------------------------------------------------------

    # -- one search across every kind of record --------------------------------------------

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[Hit]:
        """Cases (reference, title, place: by substring, there may be 50,000), workers (any
        spelling of their name, tolerant of spelling, a phone or passport number: the workers'
        search, `store.db.finding`, best first), organisations (every name and acronym),
        people (every spelling, tolerant of spelling), meetings and agreements (title,
        place)."""
        wanted = fold(query)
        if not wanted:
            return []
        hits: list[Hit] = []
        with self._lock:
            engine = self._engine
            engine.refresh()
            for row in self.case_rows():
                if wanted in row.search_text:
                    hits.append(Hit("case", row.id, row.ref, row.title, row.id))
                    if len(hits) >= limit:
                        break
            for found in self._find(query, limit):
                hits.append(Hit("worker", found.worker_id, found.name, found.ref,
                                found.case_id, found.field, found.matched, found.score))
            for org in sorted(self._all(Organisation), key=lambda o: name_sort_key(o.name)):
                if matches_query(query, org.all_names):
                    hits.append(Hit("organisation", org.id, org.shown_name, org.city))
            org_names = {o.id: o.acronym or o.name for o in self._all(Organisation)}
            for person in sorted(self._all(Person), key=lambda p: name_sort_key(p.full_name)):
                if matches_query(query, person.all_names):
                    where = " · ".join(x for x in (person.title,
                                                    org_names.get(person.org_id or "", "")) if x)
                    hits.append(Hit("person", person.id, person.name_in_rows, where))
            for meeting in sorted(self._all(Meeting), key=lambda m: m.at, reverse=True):
                if wanted in fold(f"{meeting.title} {meeting.city}"):
                    hits.append(Hit("meeting", meeting.id, meeting.title,
                                    meeting.at.astimezone().strftime("%d/%m/%Y")))
            for agreement in sorted(self._all(Agreement), key=lambda a: name_sort_key(a.title)):
                if wanted in fold(agreement.title):
                    hits.append(Hit("agreement", agreement.id, agreement.title,
                                    label(agreement.status)))
        return hits

    # -- the figures -----------------------------------------------------------------------

    def figures_source(self) -> FiguresSource:
        """What the figures (`store.exchange.report`) are counted from: the stored bytes of
        the tables they read, as they stand now, with each table's stamp (bumped on every
        change: what is kept of a table's figures is good while its stamp is the same), and
        which plan is each worker's. Taken under the lock in a few milliseconds (the dicts are
        copied, not the bytes, which are never changed in place); the counting, which parses
        only what it needs, happens after, outside it. Read only, no model: validating every
        record again made the dashboard take seconds at 10,000 cases."""
        with self._lock:
            engine = self._engine
            engine.refresh()
            return FiguresSource(
                stamps={table: engine.stamps.get(table, 0) for table in FIGURES_TABLES},
                raw={table: dict(engine.raw[table]) for table in FIGURES_TABLES},
                plan_of=dict(engine.of_worker[PLANS]))


    def stored_records(self, tables: Iterable[str]) -> tuple[dict[str, Any],
                                                              dict[str, dict[str, bytes]]]:
        """The meta document and, for each of `tables`, record id -> its stored bytes, as they
        stand now (the dicts copied under the lock, not the bytes, never changed in place):
        what the exports write from, record by record (`store.exchange.export_stream`)."""
        with self._lock:
            engine = self._engine
            engine.refresh()
            return dict(engine.meta), {table: dict(engine.raw[table]) for table in tables}

# The tables the figures read (`figures_source`).
FIGURES_TABLES = (CASES, WORKERS, PLANS, LOG, LEGAL, base.MONEY, base.CHECKINS, base.ORGANISATIONS)


@dataclass(frozen=True)
class FiguresSource:
    """See `ViewsPart.figures_source`: table -> its stamp; table -> record id -> stored bytes;
    worker id -> the id of their plan."""

    stamps: dict[str, int]
    raw: dict[str, dict[str, bytes]]
    plan_of: dict[str, str]


@cache
def _country_words(code: str) -> str:
    return f"{code} {country_name(code, 'en')} {country_name(code, 'id')}"


def encode_row(row: CaseRow) -> bytes:
    return orjson.dumps([row.ref, row.title, row.destination_country, row.destination_place,
                         row.stage, row.workers, row.next_due, row.urgency, row.search_text,
                         row.closed_reason])


def decode_row(case_id: str, raw: bytes) -> CaseRow:
    ref, title, country, place, stage, workers, due, urgency, search, *closed = orjson.loads(raw)
    return CaseRow(case_id, ref, title, country, place, stage, workers,
                   dt.date.fromisoformat(due) if due else None, urgency, search,
                   *closed[:1])  # a snapshot written before schema 10 has no reason
