"""Erasures and the backups that still hold what was erased: the times of erasures noted beside
the backups, and pruning, which deletes the backups beyond the number kept and those taken
before an erasure ERASED_BACKUP_DAYS old (`store.engine.backups`)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

import orjson

from store.engine.backups.folder import (
    _UTC,
    Backup,
    _ensure_folder,
    _remove_leftovers,
    delete_backup,
    list_backups,
    schema_copies,
)
from store.engine.files import erasures_path
from store.engine.migrations import META_TABLE
from store.engine.storage import NEW_FILE_MODE, write_atomically
from store.engine.tables import Change, Engine

ERASED_BACKUP_DAYS = 7


# -- pruning -------------------------------------------------------------------------------


def prune(db_path: Path, *, keep: int | None = None, erasures: Iterable[str] = (),
          now: dt.datetime | None = None) -> list[Backup]:
    """Delete the backups beyond the newest `keep` (None: keep all) and those taken before an
    erasure that is ERASED_BACKUP_DAYS old; return what was deleted.

    Erasures are those noted beside the backups and any given here. The copy kept beside the
    database before a schema upgrade (`<db>.schema<N>-<time>.bak`) goes by the same rule.
    """
    now = now or dt.datetime.now(_UTC)
    due = [moment for moment in _parse_times([*erasures, *noted_erasures(db_path)])
           if now - moment >= dt.timedelta(days=ERASED_BACKUP_DAYS)]
    cutoff = max(due, default=None)
    removed = []
    for n, backup in enumerate(list_backups(db_path)):
        if (keep is not None and n >= keep) or (cutoff is not None and backup.taken_at < cutoff):
            delete_backup(backup)
            removed.append(backup)
    if cutoff is not None:
        for copy in schema_copies(db_path):
            if copy.taken_at < cutoff:
                delete_backup(copy)
                removed.append(copy)
    _remove_leftovers(db_path)
    return removed


# -- erasures ------------------------------------------------------------------------------


def record_erasure(engine: Engine, when: dt.datetime | None = None) -> str:
    """Note an erasure, inside the transaction that erases (the caller holds it open).

    The time goes into the database's meta ("erasures") with the transaction, and beside the
    backups at once, where `pulang backups` finds it without opening (or unlocking) the
    database and where a restore of an older state cannot undo it. Should the transaction
    fail after all, the older backups merely expire ERASED_BACKUP_DAYS early.
    """
    moment = (when or dt.datetime.now(_UTC)).astimezone(_UTC).isoformat()
    meta = dict(engine.meta)
    meta["erasures"] = [*meta.get("erasures", []), moment]
    engine.stage(Change(META_TABLE, "1", None, None, meta))
    note_erasures(engine.path, [moment])
    return moment


def noted_erasures(db_path: Path) -> list[str]:
    try:
        value = orjson.loads(erasures_path(db_path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


def note_erasures(db_path: Path, erasures: Iterable[str]) -> None:
    """Add erasure times to those noted beside the backups (nothing is written if known)."""
    known = noted_erasures(db_path)
    new = [moment for moment in erasures if moment not in known]
    if not new:
        return
    _ensure_folder(db_path)
    try:
        st = os.stat(db_path)
        mode, gid = stat.S_IMODE(st.st_mode), st.st_gid
    except FileNotFoundError:
        mode, gid = NEW_FILE_MODE, None
    write_atomically(erasures_path(db_path), orjson.dumps(sorted({*known, *new})), mode, gid)


def _parse_times(values: Sequence[str]) -> list[dt.datetime]:
    times = []
    for value in values:
        try:
            moment = dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            continue
        times.append(moment if moment.tzinfo else moment.replace(tzinfo=_UTC))
    return times
