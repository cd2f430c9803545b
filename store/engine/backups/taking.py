"""Taking a backup: the snapshot linked and the journal read under the lock, then written out
beside them with a manifest; skipped, with a warning, when the disk is nearly full or another
Pulang keeps the database busy (`store.engine.backups`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from store.common.errors import DatabaseBusy, DatabaseError
from store.common.i18n import _
from store.engine.backups.erasures import note_erasures, prune
from store.engine.backups.folder import (
    _UTC,
    OPENED,
    Backup,
    _ensure_folder,
    _remove_leftovers,
    folder_of,
    format_size,
    list_backups,
)
from store.engine.crypto import is_encrypted_file
from store.engine.files import BACKUP_STAMP, backup_path, journal_path, link_temporary
from store.engine.journal import locked
from store.engine.officer import current_user
from store.engine.storage import put_in_place, stage_file, write_atomically

KEEP_DEFAULT = 10
KEEP_VARIABLE = "PULANG_KEEP_BACKUPS"
MIN_FREE_BYTES = 500 * 1024 * 1024
# How long the backup taken on opening waits for another Pulang's save before it is skipped.
OPENING_WAIT_SECONDS = 1.0

MANIFEST_MARKER = "pulang-backup"


@dataclass
class Outcome:
    """What taking a backup did: the backup (None if none was taken), warnings for the user,
    and the backups pruned after it."""

    backup: Backup | None = None
    notices: list[str] = field(default_factory=list)
    removed: list[Backup] = field(default_factory=list)


# -- taking one ----------------------------------------------------------------------------


def keep_count(environ: Mapping[str, str] | None = None) -> tuple[int, str | None]:
    """How many backups to keep ($PULANG_KEEP_BACKUPS, default 10), and a warning if the
    variable says something else than a whole number of at least 1."""
    value = (os.environ if environ is None else environ).get(KEEP_VARIABLE, "").strip()
    if not value:
        return KEEP_DEFAULT, None
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        return KEEP_DEFAULT, _("PULANG_KEEP_BACKUPS must be a whole number from 1; keeping "
                               "the last {count} backups.").format(count=KEEP_DEFAULT)
    return count, None


def take_backup(db_path: Path, reason: str = OPENED, *, erasures: Iterable[str] = (),
                keep: int | None = None, now: dt.datetime | None = None) -> Outcome:
    """Back the database up now; never raises: what went wrong is in the outcome's notices.

    `erasures` are the times of erasures the database's meta records (they are noted beside
    the backups too); `keep` defaults to $PULANG_KEEP_BACKUPS. An automatic backup ("opened")
    of a database unchanged since the newest backup is not taken again, so reopening does not
    push older states out.
    """
    outcome = Outcome()
    if keep is None:
        keep, warning = keep_count()
        if warning:
            outcome.notices.append(warning)
    try:
        with contextlib.suppress(FileNotFoundError):
            low = _low_space(db_path)
            if low:
                outcome.notices.append(low)
                return outcome
        # The backup taken on opening is skipped after a short wait, not the full one a save
        # gets: the officer is waiting to work, and the next opening takes it.
        outcome.backup = _take(db_path, reason, now, skip_unchanged=reason == OPENED,
                               wait=OPENING_WAIT_SECONDS if reason == OPENED else None)
    except DatabaseBusy:
        outcome.notices.append(_("Backup skipped: another Pulang kept the database busy."))
    except DatabaseError as error:  # the backups folder is not one: it says so itself
        outcome.notices.append(str(error))
    except OSError as error:
        outcome.notices.append(
            _("Backup failed: {reason}. Your database is not affected.").format(
                reason=error.strerror or type(error).__name__)
        )
    try:
        note_erasures(db_path, erasures)
        outcome.removed = prune(db_path, keep=keep, now=now)
    except (OSError, DatabaseError):
        pass  # pruning is tried again with every backup and every listing
    return outcome


def _low_space(db_path: Path) -> str | None:
    """A warning if the disk is too full to back up without filling it, else None."""
    size = os.stat(db_path).st_size
    with contextlib.suppress(FileNotFoundError):
        size += os.stat(journal_path(db_path)).st_size
    folder = folder_of(db_path)
    free = shutil.disk_usage(folder if folder.is_dir() else db_path.parent).free
    needed = max(2 * size, MIN_FREE_BYTES)
    if free >= needed:
        return None
    return _("Backup skipped: only {free} free on the disk, and a backup needs {needed}.").format(
        free=format_size(free), needed=format_size(needed))


def _take(db_path: Path, reason: str, now: dt.datetime | None, *, skip_unchanged: bool = False,
          lock_held: bool = False, wait: float | None = None) -> Backup | None:
    """Link the snapshot and read the journal under the lock, then write the backup out.

    None when `skip_unchanged` and the newest backup holds this very state. With `lock_held`
    the caller holds the lock, and the backup is whole before this returns.
    """
    folder = _ensure_folder(db_path)
    _remove_leftovers(db_path)
    with contextlib.nullcontext() if lock_held else locked(db_path, timeout=wait):
        snapshot_st = os.stat(db_path)
        try:
            journal: bytes | None = journal_path(db_path).read_bytes()
        except FileNotFoundError:
            journal = None
        if skip_unchanged and _unchanged(db_path, snapshot_st, journal):
            return None
        made = _free_name(db_path, folder, now or dt.datetime.now(_UTC), reason, current_user())
        pending = link_temporary(made.path, os.getpid())
        source = None
        try:
            os.link(db_path, pending)
        except OSError:
            # No hard links here (another file system, or not allowed): keep the file open,
            # its contents stay as they are even when a compaction renames another over it.
            source = open(db_path, "rb")  # noqa: SIM115 - closed below
    mode, gid = stat.S_IMODE(snapshot_st.st_mode), snapshot_st.st_gid
    try:
        if source is not None:
            with source:
                put_in_place(stage_file(pending, source.read(), mode, gid), pending)
        if journal is not None:
            write_atomically(made.journal, journal, mode, gid)
        manifest = {"format": MANIFEST_MARKER, "database": db_path.name,
                    "taken_at": made.taken_at.isoformat(), "reason": reason, "user": made.user,
                    "size": snapshot_st.st_size + len(journal or b""),
                    "encrypted": is_encrypted_file(pending), "linked": source is None}
        write_atomically(made.manifest, orjson.dumps(manifest), mode, gid)
        put_in_place(pending, made.path)
    except BaseException:
        for file in (pending, made.journal, made.manifest):
            with contextlib.suppress(FileNotFoundError):
                file.unlink()
        raise
    return made


def _free_name(db_path: Path, folder: Path, moment: dt.datetime, reason: str,
               user: str) -> Backup:
    """A backup named after `moment`, or the first microsecond after it that no file uses."""
    moment = moment.astimezone(_UTC)
    while True:
        made = Backup(backup_path(folder, db_path, moment.strftime(BACKUP_STAMP)), moment, reason,
                      user)
        if not any(os.path.lexists(file) for file in (made.path, made.journal, made.manifest)):
            return made
        moment += dt.timedelta(microseconds=1)


def _unchanged(db_path: Path, snapshot_st: os.stat_result, journal: bytes | None) -> bool:
    """Whether the newest backup holds exactly the database's present state."""
    listed = list_backups(db_path)
    if not listed:
        return False
    newest = listed[0]
    try:
        st = os.stat(newest.path)
    except FileNotFoundError:
        return False
    if (st.st_dev, st.st_ino) != (snapshot_st.st_dev, snapshot_st.st_ino):
        return False
    try:
        return newest.journal.read_bytes() == journal
    except FileNotFoundError:
        return journal is None
