"""The snapshot's layout: a TinyDB JSON file written one record per line, with a seal.

    {"_meta":{"1":{...}},
    "cases":{
    "1":{...},
    "2":{...}
    },
    "workers":{
    ...
    },
    "log":{
    ...
    },
    "_rows":{
    "<case id>":[...the case's line in the cases list...]
    },
    "_today":{
    "<owner: a case id, or ~tasks>":[...Today's items of it: store.engine.agenda...]
    },
    "_head":{"1":{"crc32":"<checksum of every line above>"}},
    "_seal":{"1":{"crc32":"<checksum of every line above>"}}
    }

It is plain JSON that TinyDB (or any JSON tool) reads as it is. Pulang reads it line by line: a
record stays as its bytes until someone asks for it, only the few fields the indexes need are
picked out, the interpreter is released between lines (so the screen stays alive while a large
database loads), and the seal says the lines are exactly as written. A file in any other layout,
or whose seal does not match, is parsed whole and checked field by field instead.

The cases list's rows and Today's items come first, before the records, with a checksum of
their own (`_head`): `read_head` reads only them, so the first screen is drawn from them
while the records load (issue 36); they are kept up to date by every save (the journal's
entries carry Today's items too: `store.engine.agenda`).
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import CorruptDatabase
from store.common.i18n import _

HEAD = b'{"_meta":{"1":'
ROWS_TABLE = "_rows"
TODAY_TABLE = "_today"
HEAD_TABLE = "_head"
_HEAD_AT = b'\n"_head":{"1":{"crc32":"'
_FIRST_RECORDS = b'\n"cases":{\n'
_SEAL_LINE = re.compile(rb'"_seal":\{"1":\{"crc32":"([0-9a-f]{8})"\}\}\n')
_SLICE = 4 * 1024 * 1024
# One record a line, found by the regular expression engine rather than a Python loop.
_RECORD_LINE = re.compile(rb'^"[^"\n]*":(\{[^\n]*\}),?$', re.MULTILINE)
_ROW_LINE = re.compile(rb'^"([^"\n]*)":(\[[^\n]*\]),?$', re.MULTILINE)


def _seal(body: bytes | memoryview) -> str:
    """A checksum of every line above the seal: it catches a line changed or lost by accident
    (CRC-32 runs at memory speed; protection against tampering comes with encryption)."""
    return f"{zlib.crc32(body):08x}"


def _table(parts: list[bytes], name: str, items: list[tuple[str, bytes]]) -> None:
    parts.append(b'"' + name.encode() + b'":{\n')
    if items:
        parts.append(b",\n".join(b'"' + key.encode() + b'":' + raw for key, raw in items))
        parts.append(b"\n")
    parts.append(b"},\n")


def render(meta: dict[str, Any], tables: dict[str, list[tuple[str, bytes]]],
           rows: list[tuple[str, bytes]] | None = None,
           today: list[tuple[str, bytes]] | None = None) -> bytes:
    """The snapshot's bytes: `tables` maps each table to its (document key, record bytes);
    `rows` are the cases list's rows at this moment (case id, row bytes) and `today` Today's
    items of each owner (owner, items' bytes), read first on open."""
    return b"".join(pieces(meta, tables, rows, today))


def pieces(meta: dict[str, Any], tables: dict[str, list[tuple[str, bytes]]],
           rows: list[tuple[str, bytes]] | None = None,
           today: list[tuple[str, bytes]] | None = None) -> Iterator[bytes]:
    """`render`'s bytes in pieces of a few megabytes, the seal computed as they go: a large
    snapshot is written without being whole in memory (`storage.write_atomically`)."""
    parts = [HEAD + orjson.dumps(meta) + b"},\n"]
    # The rows and Today's items come first, so that they can be shown before the records
    # are read, with a checksum of their own.
    if rows is not None or today is not None:
        _table(parts, ROWS_TABLE, rows or [])
        if today is not None:  # none: not known (worked out when Today first asks)
            _table(parts, TODAY_TABLE, today)
        head = b"".join(parts)
        parts = [head, b'"' + HEAD_TABLE.encode() + b'":{"1":{"crc32":"' + _seal(head).encode()
                 + b'"}},\n']
    piece = b"".join(parts)
    crc = 0
    for name, items in tables.items():
        lines = [piece, b'"' + name.encode() + b'":{\n']
        size, last = 0, len(items) - 1
        for n, (key, raw) in enumerate(items):
            lines.append(b'"' + key.encode() + b'":' + raw + (b",\n" if n < last else b"\n"))
            size += len(raw)
            if size >= _SLICE:
                piece = b"".join(lines)
                crc = zlib.crc32(piece, crc)
                yield piece
                lines, size = [], 0
        lines.append(b"},\n")
        piece = b"".join(lines)
    crc = zlib.crc32(piece, crc)
    yield piece + b'"_seal":{"1":{"crc32":"' + f"{crc:08x}".encode() + b'"}}\n}\n'


@dataclass(frozen=True)
class Head:
    """The start of a snapshot, before its records: meta, and the lines of the cases list's
    rows and of Today's items as they stand in the file (None: it has no items)."""

    meta: dict[str, Any]
    rows: bytes
    today: bytes | None

    def row_lines(self) -> list[tuple[bytes, bytes]]:
        """(case id, the row's bytes) of each row."""
        return _ROW_LINE.findall(self.rows) if self.rows else []

    def count_rows(self) -> int:
        return self.rows.count(b"\n") + 1 if self.rows else 0

    def today_items(self) -> dict[str, list[Any]]:
        """Today's items by owner, parsed at once."""
        return orjson.loads(b"{" + self.today + b"}") if self.today else {}


def read_head(path: Path) -> Head | None:
    """The start of a snapshot in Pulang's layout (see `Head`), read from the file alone (not
    the records after it) and checked against its own checksum; None for a file without one,
    in another layout, or encrypted (the caller then reads the whole file, as before)."""
    parts: list[bytes] = []
    size = 0
    with open(path, "rb") as handle:
        data = handle.read(1 << 20)
        if not data.startswith(HEAD):
            return None
        while (at := data.find(_HEAD_AT, max(0, size - 64))) < 0 \
                or data.find(b"\n", at + 1) < 0:
            if data.find(_FIRST_RECORDS, max(0, size - 64)) >= 0:
                return None  # the records start: this file has no head of its own
            more = handle.read(max(len(data), 1 << 20))
            if not more:
                return None
            size = len(data)
            parts = [data, more]
            data = b"".join(parts)
    start = at + len(_HEAD_AT)
    if data[start + 8:start + 13] != b'"}},\n' or _seal(memoryview(data)[:at + 1]) != data[
            start:start + 8].decode():
        return None
    first_end = data.find(b"\n")
    try:
        meta = orjson.loads(data[: first_end - 1] + b"}")["_meta"]["1"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return None
    sections: dict[str, bytes | None] = {}
    for name in (ROWS_TABLE, TODAY_TABLE):
        header = b'\n"' + name.encode() + b'":{\n'
        begin = data.find(header, first_end - 1, at + 1)
        close = data.find(b"\n},\n", begin + len(header) - 1, at + 1) if begin >= 0 else -1
        if close < 0:
            if name == TODAY_TABLE:
                sections[name] = None
                continue
            return None
        sections[name] = data[begin + len(header):close]
    rows = sections[ROWS_TABLE]
    assert rows is not None
    return Head(meta, rows, sections[TODAY_TABLE])


def read_lines(path: Path, progress: Callable[[float], None] | None = None,
               on_rows: Callable[[dict[str, Any], list[tuple[str, bytes]]], None] | None = None,
               data: bytes | None = None,
               ) -> tuple[dict[str, Any], dict[str, list[Any]]] | None:
    """Meta and every table's records (their bytes) of a snapshot in Pulang's layout
    with an intact seal; None when the file is in another layout or its seal does not match
    (the caller then parses it whole). `on_rows` hears meta and the cases list's rows as soon
    as they are read, before the records. `data` is the file's plain bytes when the caller
    already has them (an encrypted database, decrypted in memory)."""
    if data is None:
        with open(path, "rb") as handle:
            data = handle.read()
    seal_at = data.rfind(b'\n"_seal":')
    if not data.startswith(HEAD) or seal_at < 0:
        return None
    match = _SEAL_LINE.match(data, seal_at + 1)
    if match is None or data[match.end():] != b"}\n":
        return None
    body = memoryview(data)[: seal_at + 1]
    if _seal(body) != match.group(1).decode():
        # Laid out as Pulang writes it, sealed, and yet changed since: damage, not an edit by
        # another tool (which would have rewritten the whole file in its own layout).
        raise CorruptDatabase(
            path,
            _("{path} is damaged: its contents no longer match their checksum. Pulang has not "
              "changed it; restore it from a backup.").format(path=path),
        )
    end = seal_at + 1
    first_end = data.find(b"\n")
    try:
        meta = orjson.loads(data[: first_end - 1] + b"}")["_meta"]["1"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return None
    tables: dict[str, list[Any]] = {}
    pos = first_end + 1
    while pos < end:
        header_end = data.find(b"\n", pos)
        header = data[pos:header_end]
        if header.startswith(_HEAD_AT[1:]):  # the head's own checksum: the seal covers it
            pos = header_end + 1
            continue
        if not (header.startswith(b'"') and header.endswith(b'":{')):
            return None
        name = header[1:-3].decode()
        if data.startswith(b"},\n", header_end + 1):  # an empty table
            items: list[Any] = []
            pos = header_end + 4
        else:
            # Records are one line each (JSON strings hold no raw newline), so "\n}," only
            # ever stands at a table's end.
            close = data.find(b"\n},\n", header_end)
            if close < 0 or close >= end:
                return None
            pattern = _ROW_LINE if name in (ROWS_TABLE, TODAY_TABLE) else _RECORD_LINE
            items = []
            # In slices of a few megabytes: the interpreter is free between them, so the
            # screen keeps drawing while hundreds of megabytes are read.
            start = header_end + 1
            while start < close:
                stop = data.find(b"\n", min(start + _SLICE, close))
                stop = close if stop < 0 or stop > close else stop
                segment = data[start:stop]
                found = pattern.findall(segment)
                if len(found) != segment.count(b"\n") + 1:
                    return None  # a line that is not a record: not our layout after all
                items.extend(found)
                start = stop + 1
                time.sleep(0)
            pos = close + 4
        tables[name] = items
        if name == ROWS_TABLE and on_rows is not None:
            on_rows(meta, items)
        if progress is not None:
            progress(pos / end)
    return meta, tables
