"""Putting a backup back: finding the one named, checking it reads as a database, what to know
before restoring it, and the restore itself; and sealing the backups again after a change of
passphrase (`store.engine.backups`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from pathlib import Path

from store.common.errors import MissingFolder, NoSuchBackup, PulangError, WriteFailed
from store.common.i18n import _
from store.engine.backups.erasures import _parse_times, noted_erasures
from store.engine.backups.folder import (
    _UTC,
    BEFORE_RESTORE,
    Backup,
    _read_manifest,
    folder_of,
    list_backups,
    schema_copies,
)
from store.engine.backups.taking import _take
from store.engine.crypto import Sealer, file_salt, is_encrypted_file, read_header
from store.engine.files import JOURNAL, MANIFEST, journal_path
from store.engine.journal import JOURNAL_MARKER, locked
from store.engine.storage import (
    NEW_FILE_MODE,
    put_in_place,
    read_file,
    stage_file,
    sync_folder,
    write_atomically,
)
from store.engine.tables import Engine

# -- restoring -----------------------------------------------------------------------------


def find_backup(db_path: Path, spec: str) -> Backup:
    """The backup `spec` names: its number in the list (1 is the newest), its file name in the
    backups folder, or a path to a backup file."""
    listed = list_backups(db_path)
    text = spec.strip()
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(listed):
            return listed[number - 1]
        raise NoSuchBackup(_("There is no backup number {number} of {path}; `pulang backups` "
                             "lists them.").format(number=text, path=db_path))
    for suffix in (JOURNAL, MANIFEST):  # a backup's other files name it too
        text = text.removesuffix(suffix)
    path = Path(text).expanduser()
    if len(path.parts) == 1:
        path = folder_of(db_path) / path
    for backup in listed:
        if backup.path == path:
            return backup
    if not path.is_file():
        raise NoSuchBackup(_("There is no backup {name} of {path}; `pulang backups` lists "
                             "them.").format(name=spec, path=db_path))
    if _same_file(path, db_path):
        raise NoSuchBackup(_("{path} is the database itself, not a backup of it.").format(
            path=path))
    manifest = _read_manifest(path)
    taken_at = dt.datetime.fromtimestamp(path.stat().st_mtime, _UTC)
    return Backup(path, taken_at, str(manifest.get("reason", "")), str(manifest.get("user", "")))


def _same_file(one: Path, other: Path) -> bool:
    # The path, not the inode: a backup's snapshot is the database's own until it compacts.
    return os.path.realpath(one) == os.path.realpath(other)


def check_backup(backup: Backup, sealer: Sealer | None = None) -> None:
    """Refuse a backup that is not a readable Pulang database (a DatabaseError); write nothing.

    It is read as the engine reads a database, journal and all, but not upgraded (an upgrade
    would rewrite it). An encrypted one needs the database's key (`sealer`); without one, only
    its header is checked. A backup sealed with another key is refused (WrongPassphrase).
    """
    if backup.encrypted and sealer is None:
        with open(backup.path, "rb") as handle:
            read_header(backup.path, handle.read(64 * 1024))
        return
    read_file(backup.path)  # a folder, or unreadable: said in the user's terms
    Engine(backup.path, sealer=sealer if backup.encrypted else None).load()


def reseal_backups(db_path: Path, old: Sealer, new: Sealer) -> int:
    """Seal every encrypted backup (and copy kept before a schema upgrade) again with the new
    key after `pulang passwd`, so that no copy keeps opening with a passphrase that was given
    up. Each file is replaced atomically; a file the new key opens already is left as it is,
    so a run cut short is finished by running it again. A backup under yet another key is
    left as it is. Returns how many backups were sealed again."""
    count = 0
    for backup in [*list_backups(db_path), *schema_copies(db_path)]:
        salt = file_salt(backup.path)
        if salt is None or salt not in (old.salt, new.salt):
            continue
        try:
            data, st = read_file(backup.path)
            if salt == old.salt:
                plain = old.open_file(backup.path, data)
                write_atomically(backup.path, new.seal_file(plain), stat.S_IMODE(st.st_mode),
                                 st.st_gid)
                del plain
                changed = True
            else:
                changed = False
        except PulangError:
            continue
        del data
        if _reseal_journal(backup.journal, old, new) or changed:
            count += 1
    return count


def _reseal_journal(path: Path, old: Sealer, new: Sealer) -> bool:
    """A backup's journal sealed again line by line (see `reseal_backups`); whether it was."""
    try:
        st = os.stat(path)
        lines = path.read_bytes().split(b"\n")
    except FileNotFoundError:
        return False
    out, changed = [], False
    for n, line in enumerate(lines):
        if not line:
            continue
        if n == 0 and JOURNAL_MARKER.encode() in line:
            out.append(line)  # the plain header: marker and generation only
        elif new.open_line(line, b"journal") is not None:
            out.append(line)
        elif (opened := old.open_line(line, b"journal")) is not None:
            out.append(new.seal_line(opened, b"journal"))
            changed = True
        else:
            changed = True
            break  # a torn or foreign tail is not carried over
    if changed:
        write_atomically(path, b"\n".join(out) + b"\n", stat.S_IMODE(st.st_mode), st.st_gid)
    return changed


def restore_warnings(db_path: Path, backup: Backup) -> list[str]:
    """What the user should know before putting this backup back."""
    warnings = []
    if is_encrypted_file(db_path) and not backup.encrypted:
        warnings.append(_("This backup is not encrypted: after restoring it, the database is not "
                          "encrypted either."))
    if any(backup.taken_at < moment for moment in _parse_times(noted_erasures(db_path))):
        warnings.append(_("This backup is from before a record was erased: restoring it brings "
                          "the erased record back."))
    return warnings


def restore(db_path: Path, backup: Backup, *, now: dt.datetime | None = None) -> Backup | None:
    """Put `backup` back as the database, after backing up its present state (returned; None
    when there was no database file to back up).

    The backup is copied beside the database first (a full disk fails here, nothing changed).
    Then, under the lock: the present state is backed up, the journal removed, the snapshot
    renamed into place, the backup's journal after it. A crash at any point leaves a state the
    database really had (the present snapshot alone, then the backup's snapshot alone), never
    one snapshot with another's journal, whatever their generations.
    """
    if _same_file(backup.path, db_path):
        raise NoSuchBackup(_("{path} is the database itself, not a backup of it.").format(
            path=backup.path))
    check_backup(backup)
    try:
        st = os.stat(db_path)
        mode, gid, present = stat.S_IMODE(st.st_mode), st.st_gid, True
    except FileNotFoundError:
        if not db_path.parent.is_dir():
            raise MissingFolder(db_path) from None
        mode, gid, present = NEW_FILE_MODE, None, False
    journal = journal_path(db_path)
    staged: list[Path] = []
    started = False
    try:
        snapshot_bytes, _st = read_file(backup.path)
        staged.append(stage_file(db_path, snapshot_bytes, mode, gid))
        del snapshot_bytes
        if backup.journal.exists():
            staged.append(stage_file(journal, backup.journal.read_bytes(), mode, gid))
        with locked(db_path):
            before = _take(db_path, BEFORE_RESTORE, now, lock_held=True) if present else None
            started = True
            journal.unlink(missing_ok=True)
            sync_folder(db_path.parent)
            put_in_place(staged[0], db_path)
            if len(staged) > 1:
                put_in_place(staged[1], journal)
    except (OSError, WriteFailed) as error:
        if isinstance(error, WriteFailed):
            reason = getattr(error, "reason", None) or str(error)
        else:
            reason = error.strerror or type(error).__name__
        if started:
            raise WriteFailed(reason, _("The restore of {path} stopped halfway ({reason}); run it "
                                "again. The state before it is kept in the backups.").format(
                path=db_path, reason=reason)) from error
        raise WriteFailed(reason, _("Could not restore {path}: {reason}. Nothing was changed.")
                          .format(path=db_path, reason=reason)) from error
    finally:
        for file in staged:
            with contextlib.suppress(FileNotFoundError):
                file.unlink()
    return before
