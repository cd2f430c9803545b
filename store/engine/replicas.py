"""What a database knows of its copies at other sites: the sync state, kept beside it in
`<db>.sync`, sealed as a whole under the database's own key.

`store.sync` reads and writes it; the store below it (`Database.erase_worker`, a change of
passphrase) only empties bodies, notes erasures and seals it again, so it is kept here, in the
engine. It holds:

- the domain key(s): the key every site of the union shares, which seals what goes to the hub
  and signs revisions (`store.sync.sealing`). Made by Pulang, carried between sites by
  `pulang sync --export-key/--import-key`; the first is the current one, the others are kept to
  read what was sealed before a rotation.
- the site: a random id (the hub's checkpoint is kept under it) and a name people read.
- the hub last named, without credentials, and the checkpoint reached in its changes feed.
- per record: its table, the revision the local copy was last synced as and that revision's
  ancestors (ids only), the body of that revision (the common version of a three-way merge;
  only that one), and an undecided conflict, if any.
- the ids erased here or at another site: outside the backups, so that a restore cannot bring
  an erased worker back (the sync applies them again).

It is never in a backup: a backup restored keeps the database's records, and this file keeps
what the network knows. A write replaces the whole file atomically. Between the database's
commit of what a pull brought and the next write of this file, `<db>.sync-pending` holds the
state those records will have (sealed lines, appended): a process killed in between finds it,
and takes each record's new state only if the database did commit that record's new body.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import CorruptDatabase
from store.common.i18n import _
from store.engine.crypto import Sealer
from store.engine.replica_state import (
    EARLIER_KEPT,
    FORMAT,
    LOCAL_FIELDS,
    DocState,
    ReplicaState,
    body_hash,
    canonical,
    packed,
    unpacked,
)
from store.engine.storage import NEW_FILE_MODE, write_atomically

SYNC = ".sync"
PENDING = ".sync-pending"
MARKS = ".sync-marks"
_MARKS_PURPOSE = b"sync marks"
SUMMARY = ".sync-summary"
_SUMMARY_PURPOSE = b"sync summary"
_HEAD_PURPOSE = b"sync state"
_DOCS_PURPOSE = b"sync records"
CHUNK = 2000  # records' states per sealed line of <db>.sync
_PENDING_PURPOSE = b"sync pending"


def sync_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SYNC)


def marks_path(db_path: Path) -> Path:
    """What the app marks: the records with an undecided conflict and their fields, kept
    apart from the state so that opening the app never reads every record's common version."""
    return db_path.with_name(db_path.name + MARKS)


def summary_path(db_path: Path) -> Path:
    """What the app's status line reads (store.sync.summary): the hub, the last sync and a
    CRC of each record's bytes as last found synced, kept apart from the state so that the
    app counts the changes waiting without reading the state (tens of megabytes)."""
    return db_path.with_name(db_path.name + SUMMARY)


def pending_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + PENDING)


def _damaged(path: Path) -> CorruptDatabase:
    return CorruptDatabase(path, _("{path} (what this database knows of the other sites) is "
                                   "damaged. Pulang has not changed it.").format(path=path))


def domains(db_path: Path) -> list[Path]:
    """The names every domain's files are kept under: the union's (`db_path` itself), then
    each partner organisation's (`<db>.partner-<org>`, store.sync.partners) that has a
    state."""
    prefix = f"{db_path.name}.partner-"
    return [db_path, *sorted(p.with_name(p.name[:-len(SYNC)])
                             for p in db_path.parent.glob(f"{prefix}*{SYNC}"))]


def exists(db_path: Path) -> bool:
    """Whether the database syncs, with the union's sites or with a partner."""
    return any(sync_path(base).exists() for base in domains(db_path))


def load(db_path: Path, sealer: Sealer) -> ReplicaState | None:
    """The sync state, None if this database never synced; what `<db>.sync-pending` holds is
    not applied here (`settle_pending` does, knowing the records).

    The file is sealed lines (`Sealer.seal_line`), read one at a time: the state without its
    records first, then the records' states by packets of CHUNK, so that neither reading nor
    writing it holds the whole of it twice (a few tens of megabytes at 10,000 cases)."""
    path = sync_path(db_path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, read line by line
    except FileNotFoundError:
        return None
    with handle:
        try:
            head = sealer.open_line(handle.readline().rstrip(b"\n"), _HEAD_PURPOSE)
            if head is None:
                raise ValueError("head")
            raw = orjson.loads(head)
            if raw.get("format") != FORMAT:
                raise ValueError("format")
            state = ReplicaState.from_json(raw)
            for line in handle:
                plain = sealer.open_line(line.rstrip(b"\n"), _DOCS_PURPOSE)
                if plain is None:
                    raise ValueError("docs")
                for record_id, doc in orjson.loads(plain).items():
                    state.docs[record_id] = DocState.from_json(doc)
            if len(state.docs) != raw.get("count", len(state.docs)):
                raise ValueError("cut short")
        except (ValueError, KeyError, TypeError, AttributeError):
            raise _damaged(path) from None
    return state


def _lines(sealer: Sealer, state: ReplicaState) -> Iterator[bytes]:
    head = state.as_json()
    head.pop("docs")
    head["count"] = len(state.docs)
    yield sealer.seal_line(orjson.dumps(head), _HEAD_PURPOSE) + b"\n"
    docs = iter(state.docs.items())
    while chunk := dict(itertools.islice(docs, CHUNK)):
        yield sealer.seal_line(orjson.dumps({i: d.as_json() for i, d in chunk.items()}),
                               _DOCS_PURPOSE) + b"\n"


def save(db_path: Path, sealer: Sealer, state: ReplicaState, *,
         settled: bool = True) -> None:
    """Replace `<db>.sync` atomically, then drop the pending lines it now includes (`settled`:
    `state` is the sync's own, which took them; not when a state read back from the file was
    changed beside a sync under way)."""
    marks = {i: sorted(d.conflict.get("fields", {})) + ([""] if d.conflict.get("removed") else [])
             for i, d in state.docs.items() if d.conflict is not None}
    write_atomically(marks_path(db_path), sealer.seal_line(orjson.dumps(marks), _MARKS_PURPOSE),
                     NEW_FILE_MODE, _group(db_path))
    write_atomically(sync_path(db_path), _lines(sealer, state), NEW_FILE_MODE, _group(db_path))
    if settled:
        with contextlib.suppress(FileNotFoundError):
            pending_path(db_path).unlink()


def _group(db_path: Path) -> int | None:
    try:
        return os.stat(db_path).st_gid
    except OSError:
        return None


# -- the pending lines ---------------------------------------------------------------------


def note_pending(db_path: Path, sealer: Sealer,
                 updates: dict[str, tuple[DocState, str]]) -> None:
    """Before the database commits records a pull brought: each one's state to come, with the
    hash of the body it will have (`body_hash`), durably."""
    line = orjson.dumps({i: [s.as_json(), h] for i, (s, h) in updates.items()})
    fd = os.open(pending_path(db_path), os.O_WRONLY | os.O_CREAT | os.O_APPEND, NEW_FILE_MODE)
    try:
        os.write(fd, sealer.seal_line(line, _PENDING_PURPOSE) + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)


def settle_pending(db_path: Path, sealer: Sealer, state: ReplicaState,
                   current: dict[str, dict[str, Any] | None]) -> int:
    """Take into `state` the pending states whose record the database did commit (its body
    in `current`, by id, has the hash noted); returns how many were taken. A line cut short
    by the kill is the last one, and is skipped."""
    try:
        lines = pending_path(db_path).read_bytes().splitlines()
    except FileNotFoundError:
        return 0
    taken = 0
    for line in lines:
        plain = sealer.open_line(line, _PENDING_PURPOSE)
        if plain is None:
            continue
        for record_id, (raw, wanted) in orjson.loads(plain).items():
            if body_hash(current.get(record_id)) == wanted:
                state.docs[record_id] = DocState.from_json(raw)
                taken += 1
    return taken


# -- what the store below does to it -------------------------------------------------------


def note_erased(db_path: Path, sealer: Sealer | None, ids: Iterable[str],
                removed: Iterable[str] = ()) -> None:
    """Records erased here (a worker and their screening, consent and plan): remembered as
    erased, and the body last synced of each emptied, in every domain (the union's, each
    partner's). `removed`: records the erasure removed (the worker's legal matters and
    money): their bodies last synced emptied too, not remembered as erased (they go to the
    others as removals). Nothing to do where nothing syncs."""
    ids, gone = list(ids), list(removed)
    for base in domains(db_path):
        _note_erased(base, sealer, ids, gone)


def _note_erased(db_path: Path, sealer: Sealer | None, ids: list[str],
                 removed: list[str]) -> None:
    if sealer is None or not sync_path(db_path).exists():
        return
    state = load(db_path, sealer)
    if state is None:
        return
    for record_id in [*ids, *removed]:
        if record_id in ids:
            state.erased.add(record_id)
        doc = state.docs.get(record_id)
        if doc is not None:
            doc.forget_bases()
            doc.conflict = None
    # A pull may be taking this erasure from the hub: what it noted pending stays for it.
    save(db_path, sealer, state, settled=False)


def load_marks(db_path: Path, sealer: Sealer) -> dict[str, list[str]]:
    """The records with an undecided conflict: id -> its fields ("" a removal against an
    edit); {} where nothing syncs, or the marks cannot be read."""
    try:
        plain = sealer.open_line(marks_path(db_path).read_bytes(), _MARKS_PURPOSE)
    except OSError:
        return {}
    found = orjson.loads(plain) if plain is not None else {}
    return found if isinstance(found, dict) else {}


def save_summary(db_path: Path, sealer: Sealer, summary: dict[str, Any]) -> None:
    write_atomically(summary_path(db_path),
                     sealer.seal_line(orjson.dumps(summary), _SUMMARY_PURPOSE),
                     NEW_FILE_MODE, _group(db_path))


def load_summary(db_path: Path, sealer: Sealer) -> dict[str, Any] | None:
    """What `save_summary` wrote; None where there is none, or it cannot be read."""
    try:
        plain = sealer.open_line(summary_path(db_path).read_bytes(), _SUMMARY_PURPOSE)
    except OSError:
        return None
    found = orjson.loads(plain) if plain is not None else None
    return found if isinstance(found, dict) else None


def reseal(db_path: Path, old: Sealer | None, new: Sealer | None) -> None:
    """Seal `<db>.sync` and its marks again under the database's new key (a change of
    passphrase), and each partner domain's; idempotent: a file already under `new` is left
    as it is."""
    for base in domains(db_path):
        _reseal(base, old, new)


def _reseal(db_path: Path, old: Sealer | None, new: Sealer | None) -> None:
    if not sync_path(db_path).exists() or old is None or new is None:
        return
    try:
        state = load(db_path, old)
    except CorruptDatabase:  # under the new key already (a run finished again)
        return
    if state is not None:
        save(db_path, new, state)  # its marks too; re-pulled: what was pending is asked again
        summary = load_summary(db_path, old)
        if summary is not None:
            save_summary(db_path, new, summary)


# What the sync and the store take from here, with what moved beside it (replica_state).
__all__ = ["CHUNK", "EARLIER_KEPT", "FORMAT", "LOCAL_FIELDS", "DocState", "ReplicaState",
           "body_hash", "canonical", "domains", "exists", "load", "load_marks", "load_summary",
           "marks_path", "note_erased", "note_pending", "packed", "pending_path", "reseal", "save",
           "save_summary", "settle_pending", "summary_path", "sync_path", "unpacked"]
