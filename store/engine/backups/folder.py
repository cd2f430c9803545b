"""The backups folder and what is in it: what a backup is, the list of them, the folder kept
private, what a killed backup left, deleting them, and a size as people read it
(`store.engine.backups`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import NotADatabase
from store.common.i18n import N_, _, format_date, format_number
from store.engine.crypto import is_encrypted_file
from store.engine.files import (
    BACKUP_STAMP,
    backup_names,
    backups_folder,
    journal_path,
    manifest_path,
    schema_copies_glob,
)
from store.engine.files import is_temporary as _is_temporary

OPENED = "opened"
BEFORE_RESTORE = "before restore"
BEFORE_ERASE = "before erase"
# Why a backup was taken, as the list shows it; a reason not listed here is shown as written.
REASONS = {OPENED: N_("opened"), BEFORE_RESTORE: N_("before restore"),
           BEFORE_ERASE: N_("before erase")}

_LEFTOVER_SECONDS = 600  # a backup still being written is younger than this
_UTC = dt.timezone.utc


@dataclass(frozen=True)
class Backup:
    """One backup: its snapshot file (the journal and manifest are named after it)."""

    path: Path
    taken_at: dt.datetime  # UTC
    reason: str = ""
    user: str = ""

    @property
    def journal(self) -> Path:
        return journal_path(self.path)

    @property
    def manifest(self) -> Path:
        return manifest_path(self.path)

    @property
    def size(self) -> int:
        """Bytes of snapshot and journal (a snapshot still linked to the database's costs no
        space of its own until the next compaction)."""
        total = 0
        for file in (self.path, self.journal):
            with contextlib.suppress(OSError):
                total += os.stat(file).st_size
        return total

    @property
    def encrypted(self) -> bool:
        return is_encrypted_file(self.path)

    @property
    def reason_label(self) -> str:
        label = REASONS.get(self.reason)
        return _(label) if label is not None else self.reason

    @property
    def when(self) -> str:
        """The moment it was taken, in local time, as the user's language writes it."""
        local = self.taken_at.astimezone()
        return f"{format_date(local.date())} {local.strftime('%H:%M:%S')}"


# -- where they are ------------------------------------------------------------------------


def folder_of(db_path: Path) -> Path:
    return backups_folder(db_path)


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    return backup_names(db_path)


def list_backups(db_path: Path) -> list[Backup]:
    """The database's backups, newest first."""
    folder = folder_of(db_path)
    pattern = _name_pattern(db_path)
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for name in names:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        taken_at = dt.datetime.strptime(match.group(1), BACKUP_STAMP).replace(tzinfo=_UTC)
        path = folder / name
        manifest = _read_manifest(path)
        found.append(Backup(path, taken_at, str(manifest.get("reason", "")),
                            str(manifest.get("user", ""))))
    found.sort(key=lambda backup: backup.taken_at, reverse=True)
    return found


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        value = orjson.loads(manifest_path(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _ensure_folder(db_path: Path) -> Path:
    """The backups folder, private like the database: 0700, or 02770 with the database's group
    when that group may use the database (new files in it then belong to the group too)."""
    folder = folder_of(db_path)
    try:
        st = os.stat(db_path)
        shared, gid = bool(st.st_mode & 0o060), st.st_gid
    except FileNotFoundError:
        shared, gid = False, os.getegid()
    mode = 0o2770 if shared else 0o700
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, mode)
    found = os.lstat(folder)
    if not stat.S_ISDIR(found.st_mode):  # a symbolic link could send the copies anywhere
        raise NotADatabase(folder, _("{path} is not a folder; Pulang keeps its backups there and "
                                     "has not changed it.").format(path=folder))
    if found.st_uid == os.geteuid():
        if shared and found.st_gid != gid:
            with contextlib.suppress(PermissionError):
                os.chown(folder, -1, gid)
        if stat.S_IMODE(found.st_mode) != mode:
            os.chmod(folder, mode)  # after chown: the set-group bit needs the right group
    return folder


def _remove_leftovers(db_path: Path) -> None:
    """Remove what a process killed mid-backup left: temporary files, a journal or manifest
    whose snapshot never got its name. Only old ones: a younger one may be being written."""
    cutoff = time.time() - _LEFTOVER_SECONDS
    for path in leftovers(db_path):
        with contextlib.suppress(OSError):
            # ctime: a hard link just made shares the snapshot's old mtime
            if os.lstat(path).st_ctime < cutoff:
                path.unlink()


def leftovers(db_path: Path) -> list[Path]:
    """The temporary files in the backups folder, and the journals and manifests whose
    snapshot is not there: left by a process killed mid-backup, or being written now."""
    folder = folder_of(db_path)
    pattern = _name_pattern(db_path)
    try:
        names = set(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for name in sorted(names):
        match = pattern.match(name)
        orphan = (match is not None and name != match.group(0)
                  and match.group(0) not in names)
        if orphan or _is_temporary(name):
            found.append(folder / name)
    return found


def schema_copies(db_path: Path) -> list[Backup]:
    """The copies kept beside the database before a schema upgrade
    (`<db>.schema<N>-<time>.bak`, and its `.journal`), dated by their file's time."""
    found = []
    for path in db_path.parent.glob(schema_copies_glob(db_path)):
        with contextlib.suppress(FileNotFoundError):
            found.append(Backup(path, dt.datetime.fromtimestamp(os.stat(path).st_mtime, _UTC)))
    return found


def delete_backup(backup: Backup) -> None:
    """Delete a backup's files; the snapshot first, so what remains is never taken for one."""
    for file in (backup.path, backup.journal, backup.manifest):
        with contextlib.suppress(FileNotFoundError):
            file.unlink()


def delete_backups(db_path: Path, *, plain_only: bool = False) -> list[Backup]:
    """Delete the database's backups and the copies kept before a schema upgrade (only the
    unencrypted ones with `plain_only`: after the database is encrypted, plain copies of it
    must not stay behind)."""
    removed = []
    for backup in [*list_backups(db_path), *schema_copies(db_path)]:
        if not (plain_only and backup.encrypted):
            delete_backup(backup)
            removed.append(backup)
    return removed


# -- showing -------------------------------------------------------------------------------


def format_size(size: int) -> str:
    """A size as people read it: 12 kB, 3.4 MB, 512 MB (a decimal comma in Indonesian)."""
    for unit, scale in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("kB", 1024)):
        if size >= scale:
            value = size / scale
            text = format_number(value, 1 if value < 10 else 0)
            break
    else:
        return f"{size} B"
    return f"{text} {unit}"
