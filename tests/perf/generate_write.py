"""The generated database written as it is made, for tests/perf/generate.py: each record goes
to a spool file of its table (beside the output) as soon as it is drawn, each case's line of the
cases list is kept (a few hundred bytes a case), and at the end the snapshot is put together from
them in Pulang's own layout (store/engine/snapshot.py `render`: meta, the cases list's rows, the
tables in `store.engine.indexes.RECORD_TABLES` order, one record a line, the CRC-32 seal over
everything above it, computed piece by piece), written atomically as the store writes its files.
Nothing holds the whole database in memory: at 50,000 cases the peak is the rows, the name pools
and the few records of one case.

The file is what Pulang's own compaction of the records would write (its `generation` 2, the
journal beside it empty at that generation): the rows are made here as `store.db.views` makes
them (`case_row`), so that opening it shows the list at once.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from store.engine.snapshot import HEAD, ROWS_TABLE

_CHUNK = 4 * 1024 * 1024
Doc = dict[str, Any]


def case_row(case: Doc, workers: list[Doc], entries: list[Doc]) -> bytes:
    """The case's line of the cases list as the snapshot keeps it (`store.db.views._row` over
    the engine's `case_facts`, then `encode_row`)."""
    from store.db.views import _country_words, encode_row
    from store.domain.rows import CaseRow
    from store.domain.rules.closing import is_closed
    from store.domain.text import fold

    names = [name for w in workers for name in [w.get("full_name", ""),
                                                *w.get("other_spellings", [])]]
    dues = [due for e in entries if (due := None if e.get("next_step_done")
                                     else e.get("due_date"))]
    due = min(dues) if dues else None
    country = case.get("destination_country", "")
    searchable = " ".join([case.get("ref") or "", case.get("title", ""),
                           case.get("destination_place", ""), _country_words(country), *names,
                           *case.get("tags", [])])
    return encode_row(CaseRow(
        id=case["id"], ref=case.get("ref") or "", title=case.get("title", ""),
        destination_country=country, destination_place=case.get("destination_place", ""),
        stage=case.get("stage", ""), workers=len(workers),
        next_due=dt.date.fromisoformat(due) if due else None, urgency=case.get("urgency", ""),
        search_text=fold(searchable),
        closed_reason=(case.get("closed_reason") or "") if is_closed(case) else ""))


class SnapshotWriter:
    """See the module's doc. `tables`: every table of the file, in its order; `add` records
    (to a table of those), `row` a case's line, `finish` writes the file and removes the spools.
    Use it as a context manager: the spools go whatever happens."""

    def __init__(self, out: Path, meta: Doc, tables: Sequence[str]) -> None:
        self.out, self.meta, self.tables = out, meta, tuple(tables)
        self.spool_dir = Path(tempfile.mkdtemp(prefix=".generating-", dir=out.parent))
        self._files: dict[str, BinaryIO] = {
            name: open(self.spool_dir / name, "wb", buffering=1024 * 1024)  # noqa: SIM115
            for name in self.tables}
        self.counts = dict.fromkeys(self.tables, 0)
        self._rows: list[bytes] = []

    def __enter__(self) -> SnapshotWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, table: str, docs: Sequence[Doc]) -> None:
        handle, count = self._files[table], self.counts[table]
        for doc in docs:
            count += 1
            handle.write((b",\n" if count > 1 else b"") + b'"' + str(count).encode() + b'":'
                         + orjson.dumps(doc))
        self.counts[table] = count

    def row(self, case_id: str, raw: bytes) -> None:
        self._rows.append(b'"' + case_id.encode() + b'":' + raw)

    def _pieces(self) -> Iterator[bytes]:
        """The file's bytes, piece by piece, the seal last (over every piece before it)."""
        crc = 0

        def sealed(piece: bytes) -> bytes:
            nonlocal crc
            crc = zlib.crc32(piece, crc)
            return piece

        yield sealed(HEAD + orjson.dumps(self.meta) + b"},\n")
        yield sealed(b'"' + ROWS_TABLE.encode() + b'":{\n')
        if self._rows:
            yield sealed(b",\n".join(self._rows) + b"\n")
        yield sealed(b"},\n")
        for name in self.tables:
            yield sealed(b'"' + name.encode() + b'":{\n')
            if self.counts[name]:
                with open(self.spool_dir / name, "rb") as spool:
                    while piece := spool.read(_CHUNK):
                        yield sealed(piece)
                yield sealed(b"\n")
            yield sealed(b"},\n")
        yield b'"_seal":{"1":{"crc32":"' + f"{crc:08x}".encode() + b'"}}\n}\n'

    def finish(self) -> None:
        """Write the file (atomically, mode 0600) and a fresh journal at its generation."""
        from store.engine.journal import new_journal_bytes
        from store.engine.storage import write_atomically

        for handle in self._files.values():
            handle.close()
        write_atomically(self.out, self._pieces(), 0o600, None)
        journal = self.out.with_name(self.out.name + ".journal")
        write_atomically(journal, new_journal_bytes(int(self.meta.get("generation", 0))),
                         0o600, None)

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        shutil.rmtree(self.spool_dir, ignore_errors=True)


def peak_memory_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux: ru_maxrss in KB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if os.name == "posix" \
        else 0.0
