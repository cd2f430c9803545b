"""What is read of a database before its records: the cases list's rows and Today's items
(issue 36).

A snapshot in Pulang's layout starts with them (`store.engine.snapshot.read_head`, checked by
their own checksum); the journal's entries carry the items of the owners each changed
(`store.engine.agenda`), so laying them on top gives Today as it is now, while the records
(hundreds of megabytes at 50,000 cases) are still to be read. Only for a plain file: an
encrypted one must be decrypted whole first. Imports little: it runs before the rest of the
store is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.engine import snapshot
from store.engine.journal import read_journal
from store.engine.migrations import META_TABLE


@dataclass
class Early:
    meta: dict[str, Any]
    head: snapshot.Head  # the cases list's rows among it
    today: dict[str, list[Any]] | None  # owner -> items; None when the journal cannot say


def read_early(path: Path, journal: Path, schema: int, today: bool = True) -> Early | None:
    """The rows and (with `today`) Today's items of the plain snapshot at `path`, with its
    `journal`'s on top; None for a file without them, of another schema or encrypted, or one
    that cannot be read (reading it whole says why)."""
    try:
        head = snapshot.read_head(path)
    except OSError:
        return None
    if head is None:
        return None
    meta = head.meta
    if meta.get("format") != "pulang-db" or meta.get("schema") != schema:
        return None
    early = Early(meta, head, None)
    if not today or head.today is None:
        return early
    agenda = head.today_items()
    try:
        state = read_journal(journal)
    except Exception:  # noqa: BLE001 - a damaged journal: reading it all says so, later
        return early
    if state is not None and state.generation == int(meta.get("generation", 0)):
        for entry in state.entries:
            changed = entry.get("today")
            if changed is None:
                if any(c["table"] != META_TABLE for c in entry["changes"]):
                    return early  # written without its items: the records must say
                continue
            for owner, found in changed.items():
                if found:
                    agenda[owner] = found
                else:
                    agenda.pop(owner, None)
    early.today = agenda
    return early
