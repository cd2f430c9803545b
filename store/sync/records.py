"""The records of the database as a sync run sees them: id -> (table, body), read from the
database when asked for, never all held at once (10,000 cases are 120,000 records: their
bodies parsed together cost a few hundred megabytes the app itself does not need).

Setting a record after a pull commits it notes only its table: its body is the database's.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.db import Database

Entry = tuple[str, dict[str, Any]]


class Records:
    """A read-through view of the database's records (see the module's doc)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._tables = db.replica_tables()

    def refresh(self) -> None:
        self._tables = self._db.replica_tables()

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._tables

    def __len__(self) -> int:
        return len(self._tables)

    def get(self, record_id: str, default: Entry | None = None) -> Entry | None:
        table = self._tables.get(record_id)
        if table is None:
            return default
        body = self._db.replica_body(table, record_id)
        return default if body is None else (table, body)

    def __getitem__(self, record_id: str) -> Entry:
        found = self.get(record_id)
        if found is None:
            raise KeyError(record_id)
        return found

    def items(self) -> Iterator[tuple[str, Entry]]:
        """Each record with its body, read one at a time."""
        for record_id in list(self._tables):
            found = self.get(record_id)
            if found is not None:
                yield record_id, found

    def tables(self) -> list[tuple[str, str]]:
        """(id, table) of every record, without reading any."""
        return list(self._tables.items())

    def fingerprint(self, record_id: str) -> int | None:
        """A CRC of the record's bytes as the database holds them: unchanged bytes, unchanged
        record, known without parsing it."""
        table = self._tables.get(record_id)
        raw = None if table is None else self._db.replica_raw(table, record_id)
        return None if raw is None else zlib.crc32(raw)

    def table_of(self, record_id: str) -> str | None:
        return self._tables.get(record_id)

    def __setitem__(self, record_id: str, entry: Entry) -> None:
        self._tables[record_id] = entry[0]

    def pop(self, record_id: str, default: Any = None) -> Any:
        return self._tables.pop(record_id, default)
