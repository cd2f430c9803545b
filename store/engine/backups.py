"""Backups beside the database: taken when it is opened for writing, kept N, restored on demand.

    <folder>/pulang.json.backups/                       mode 0700; 02770 with the database's
                                                        group when the group may use the file
        pulang.json.20251212-070305-123456              the snapshot (time in UTC)
        pulang.json.20251212-070305-123456.journal      the journal's bytes at that moment
        pulang.json.20251212-070305-123456.manifest     why, who, when, size, encrypted or not
        erasures                                        when records were erased (UTC times)

The snapshot is never changed in place, only replaced by rename at each compaction, so a backup
of it is a hard link: it costs no space and no time until the next compaction, and keeps the old
contents after it. (So whatever writes the snapshot must replace it by rename, as
`store.engine.storage.write_atomically` does, and never write into it: that would change the backups
linked to it as well.) The journal is copied. Both are taken under the database's lock, so they
match, and the lock is held only for the link and the read. Nothing is ever decrypted: the bytes
of an encrypted database are sealed already, and its backups stay sealed. The manifest holds no
record data. A backup appears whole or not at all: the snapshot gets its final name last.

A backup is skipped, with a warning, when the disk has less than twice the database's size or
500 MB free. Only the newest `PULANG_KEEP_BACKUPS` (default 10) are kept. A backup taken before
a record was erased is deleted once the erasure is ERASED_BACKUP_DAYS old: the erased person is
then gone from the backups too, and the days between leave time to undo a mistaken erasure.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import stat
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import (
    DatabaseBusy,
    DatabaseError,
    MissingFolder,
    NoSuchBackup,
    NotADatabase,
    PulangError,
    WriteFailed,
)
from store.common.i18n import N_, _, current_language, format_date
from store.engine.crypto import Sealer, file_salt, is_encrypted_file, read_header
from store.engine.files import (
    BACKUP_STAMP,
    ERASURES_FILE,
    backup_names,
    backup_path,
    backups_folder,
    erasures_path,
    journal_path,
    link_temporary,
    manifest_path,
    schema_copies_glob,
)
from store.engine.files import is_temporary as _is_temporary
from store.engine.journal import JOURNAL_MARKER, locked
from store.engine.migrations import META_TABLE
from store.engine.officer import current_user
from store.engine.storage import (
    NEW_FILE_MODE,
    put_in_place,
    read_file,
    stage_file,
    sync_folder,
    write_atomically,
)
from store.engine.tables import Change, Engine

KEEP_DEFAULT = 10
KEEP_VARIABLE = "PULANG_KEEP_BACKUPS"
MIN_FREE_BYTES = 500 * 1024 * 1024
ERASED_BACKUP_DAYS = 7
# How long the backup taken on opening waits for another Pulang's save before it is skipped.
OPENING_WAIT_SECONDS = 1.0

OPENED = "opened"
BEFORE_RESTORE = "before restore"
BEFORE_ERASE = "before erase"
# Why a backup was taken, as the list shows it; a reason not listed here is shown as written.
REASONS = {OPENED: N_("opened"), BEFORE_RESTORE: N_("before restore"),
           BEFORE_ERASE: N_("before erase")}

MANIFEST_MARKER = "pulang-backup"
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


@dataclass
class Outcome:
    """What taking a backup did: the backup (None if none was taken), warnings for the user,
    and the backups pruned after it."""

    backup: Backup | None = None
    notices: list[str] = field(default_factory=list)
    removed: list[Backup] = field(default_factory=list)


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
    for suffix in (".journal", ".manifest"):  # a backup's other files name it too
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


# -- showing -------------------------------------------------------------------------------


def format_size(size: int) -> str:
    """A size as people read it: 12 kB, 3.4 MB, 512 MB (a decimal comma in Indonesian)."""
    for unit, scale in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("kB", 1024)):
        if size >= scale:
            value = size / scale
            text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
            break
    else:
        return f"{size} B"
    if current_language() == "id":
        text = text.replace(".", ",")
    return f"{text} {unit}"


__all__ = ["BEFORE_ERASE", "BEFORE_RESTORE", "ERASED_BACKUP_DAYS", "ERASURES_FILE", "KEEP_DEFAULT",
           "KEEP_VARIABLE", "MANIFEST_MARKER", "MIN_FREE_BYTES", "OPENED", "OPENING_WAIT_SECONDS",
           "REASONS", "Backup", "Outcome", "check_backup", "delete_backup", "delete_backups",
           "find_backup", "folder_of", "format_size", "keep_count", "leftovers", "list_backups",
           "note_erasures", "noted_erasures", "prune", "record_erasure", "reseal_backups",
           "restore", "restore_warnings", "schema_copies", "take_backup"]
