"""One line of the audit trail: an entry as canonical JSON, hashed, sealed in an encrypted
database, and read back with the reason it cannot be when it cannot (`store.engine.audit`)."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store.engine.audit.vocab import (
    PURPOSE,
    R_CHANGED,
    R_CUT,
    R_NOT_SEALED,
    R_SEALED,
    R_UNSEALED_FAILED,
)

if TYPE_CHECKING:
    from store.engine.crypto import Sealer

_KEYS = ("seq", "at", "who", "from", "action", "table", "record", "case", "ref", "fields",
         "old_version", "new_version", "note", "prev", "hash")


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def entry_hash(entry: Mapping[str, Any]) -> str:
    """The hash an entry carries: over its `prev` and its canonical JSON without `hash`."""
    body = {k: v for k, v in entry.items() if k != "hash"}
    digest = hashlib.blake2b(digest_size=32)
    digest.update(str(entry.get("prev", "")).encode("utf-8") + b"\n")
    digest.update(_canonical(body))
    return digest.hexdigest()


# -- reading one line ----------------------------------------------------------------------


def _valid_shape(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and all(key in entry for key in _KEYS)
        and isinstance(entry["seq"], int)
        and isinstance(entry["prev"], str)
        and isinstance(entry["hash"], str)
        and isinstance(entry["at"], str)
        and isinstance(entry["action"], str)
        and isinstance(entry["fields"], dict)
    )


def read_line(raw: bytes, sealer: Sealer | None) -> tuple[dict[str, Any] | None, str | None]:
    """(the entry, None) for a sound line (without its newline), or (None, why it is not)."""
    if sealer is None:
        if not raw.startswith(b"{"):
            return None, R_SEALED if _looks_sealed(raw) else R_CUT
        plain = raw
    else:
        if raw.startswith(b"{"):
            return None, R_NOT_SEALED
        opened = sealer.open_line(raw, PURPOSE)
        # base64 tolerates changes to the unused bits of its last character: refuse them too.
        if opened is None or base64.b64encode(base64.b64decode(raw)) != raw:
            return None, R_UNSEALED_FAILED
        plain = opened
    try:
        entry = orjson.loads(plain)
    except orjson.JSONDecodeError:
        return None, R_CUT
    if not _valid_shape(entry):
        return None, R_CUT
    # Every byte counts: the line must be exactly what Pulang writes for this entry.
    if _canonical(entry) != plain or entry_hash(entry) != entry["hash"]:
        return None, R_CHANGED
    return entry, None


def _looks_sealed(raw: bytes) -> bool:
    try:
        base64.b64decode(raw, validate=True)
    except (ValueError, binascii.Error):
        return False
    return len(raw) > 16


def _render(entry: dict[str, Any], sealer: Sealer | None) -> bytes:
    plain = _canonical(entry)
    return (plain if sealer is None else sealer.seal_line(plain, PURPOSE)) + b"\n"


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, line with its newline) of the trail; nothing when there is none."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the last line
    except FileNotFoundError:
        return
    with handle:
        yield from enumerate(handle, start=1)
