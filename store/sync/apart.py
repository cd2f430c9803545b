"""A sync run in a process apart from the app's (tui/sync_child.py): what the app hands it on a
pipe, the database's key among it. Never in the arguments or the environment of the process,
which other users of the machine can list; the child wipes the key when it is done."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

import orjson

from store.engine.crypto import Sealer
from store.sync.session import _sealer

if TYPE_CHECKING:
    from store.db import Database


def handoff(db: Database, **asked: Any) -> bytes:
    """One line for the child's standard input: the database's path and key, and `asked`
    (hub, user, password, credentials). SyncRefused for a database that is not encrypted."""
    sealer = _sealer(db)
    key = sealer._key  # noqa: SLF001 - the database's own key, to its own sync
    if key is None:
        raise RuntimeError("the key was wiped")
    return orjson.dumps({**asked, "db": str(db.path), "kdf": sealer.kdf,
                         "key": base64.b64encode(bytes(key)).decode("ascii")}) + b"\n"


def taken(line: bytes) -> tuple[Sealer, dict[str, Any]]:
    """In the child: the key and what was asked, from `handoff`'s line."""
    asked = orjson.loads(line)
    sealer = Sealer(bytearray(base64.b64decode(asked.pop("key"))), asked.pop("kdf"))
    return sealer, asked
