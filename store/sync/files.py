"""The sync file: the same documents and revisions as the hub's, carried by USB stick or
messenger when there is no link at all (`pulang sync --to-file / --from-file`).

    PULANG-SYNC-FILE 1\\n
    {"format": "pulang-sync-file", "version": 1, "key": <key id>, "size": <bytes after>,
     "compression": "zlib"}\\n
    <nonce (12 bytes)><AES-256-GCM under the domain key of the zlib stream, tag last>

The two plain lines say only which key opens the rest and how long it is; they are the
associated data of the seal, so that neither can be changed without the tag failing. The
sealed stream is orjson lines: first what the file is (the sender's site id and name, `since`
and `upto` in the sender's own counter, what the sender has received from each site it knows),
then one line per revision: [id, rev, ancestors (its own digest first), deleted, envelope].
The envelope is the hub's (table, body, site, when; erasure, closing), not sealed one by one:
the stream is compressed first and sealed once as a whole (records sealed one by one leave
nothing to compress).

A file is refused with its reason, before anything is applied: not a Pulang sync file, sealed
under a key this site does not have (another union's), cut short, or altered.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from store.common.errors import ExitCode, PulangError
from store.common.i18n import _
from store.sync.sealing import _raw

MAGIC = b"PULANG-SYNC-FILE 1\n"
FORMAT = "pulang-sync-file"
VERSION = 1
_NONCE = 12
_TAG = 16
LEVEL = 9  # zlib: the file is made once and carried over slow links


class FileRefused(PulangError):
    """A sync file that cannot be taken; nothing of it was applied."""

    exit_code = ExitCode.UNREADABLE


def another_key() -> FileRefused:
    return FileRefused(_(
        "This file was made for another union, or under a key this site does not have: "
        "nothing was applied. Import the union's key first (pulang sync --import-key)."))


def _cut_short() -> FileRefused:
    return FileRefused(_("This file is cut short (it is smaller than it says): nothing was "
                         "applied. Copy it again from the other site."))


def _altered() -> FileRefused:
    return FileRefused(_("This file was altered or damaged after it was made: nothing was "
                         "applied. Ask the other site for a new one."))


def _not_ours() -> FileRefused:
    return FileRefused(_("This is not a Pulang sync file: nothing was applied."))


@dataclass
class Line:
    """One revision as a file carries it."""

    doc_id: str
    rev: str
    ancestors: list[str]  # digests, its own first
    deleted: bool
    envelope: dict[str, Any]

    def encoded(self) -> bytes:
        return orjson.dumps([self.doc_id, self.rev, self.ancestors, self.deleted,
                             self.envelope]) + b"\n"


def seal_stream(key: dict[str, str], head: dict[str, Any], lines: Iterable[bytes]) -> bytes:
    """The whole file: `head` and `lines` compressed, then sealed once (see the module's doc)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    squeeze = zlib.compressobj(LEVEL)
    parts = [squeeze.compress(orjson.dumps(head) + b"\n")]
    parts += [squeeze.compress(line) for line in lines]
    parts.append(squeeze.flush())
    packed = b"".join(parts)
    del parts
    plain = orjson.dumps({"format": FORMAT, "version": VERSION, "key": key["id"],
                          "size": _NONCE + len(packed) + _TAG, "compression": "zlib"}) + b"\n"
    nonce = os.urandom(_NONCE)
    encryptor = Cipher(algorithms.AES(_raw(key)), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(MAGIC + plain)
    sealed = encryptor.update(packed) + encryptor.finalize()
    return MAGIC + plain + nonce + sealed + encryptor.tag


@dataclass
class Incoming:
    """A file opened and checked: its head and its revisions by record (raw lines, parsed
    again when asked for: the bodies of thousands of records are not all held parsed)."""

    head: dict[str, Any]
    by_id: dict[str, dict[str, tuple[list[str], bytes]]] = field(default_factory=dict)
    revisions: int = 0

    def line(self, doc_id: str, rev: str) -> Line | None:
        found = self.by_id.get(doc_id, {}).get(rev)
        if found is None:
            return None
        return Line(*orjson.loads(found[1]))


def open_file(data: bytes, keys: list[dict[str, str]]) -> Incoming:
    """The file checked as a whole (FileRefused with the reason otherwise), then read."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if not data.startswith(MAGIC):
        raise _cut_short() if MAGIC.startswith(data) else _not_ours()
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        raise _cut_short()
    plain = data[len(MAGIC):end + 1]
    try:
        head = orjson.loads(plain)
        size = int(head["size"])
        key_id = str(head["key"])
        if head.get("format") != FORMAT or head.get("compression") != "zlib":
            raise ValueError("format")
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        raise _altered() if plain.startswith(b'{"format":"pulang') else _not_ours() from None
    rest = data[end + 1:]
    if len(rest) < size:
        raise _cut_short()
    if len(rest) > size:
        raise _altered()
    key = next((k for k in keys if k["id"] == key_id), None)
    if key is None:
        raise another_key()
    nonce, sealed, tag = rest[:_NONCE], rest[_NONCE:-_TAG], rest[-_TAG:]
    decryptor = Cipher(algorithms.AES(_raw(key)), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(MAGIC + plain)
    try:
        packed = decryptor.update(sealed) + decryptor.finalize()
    except InvalidTag:
        raise _altered() from None
    return _read(zlib.decompress(packed))


def _read(stream: bytes) -> Incoming:
    lines = iter(stream.splitlines())
    try:
        head = orjson.loads(next(lines))
        if not isinstance(head, dict) or not isinstance(head.get("site"), str):
            raise ValueError("head")
        incoming = Incoming(head)
        for raw in lines:
            doc_id, rev, ancestors, _deleted, _env = orjson.loads(raw)
            incoming.by_id.setdefault(str(doc_id), {})[str(rev)] = (list(ancestors), raw)
            incoming.revisions += 1
    except (StopIteration, orjson.JSONDecodeError, ValueError, TypeError):
        # Sealed under the union's key and still not readable: made by a newer Pulang.
        raise _not_ours() from None
    return incoming
