"""`encrypt` and `passwd` kept whole: what a killed run left undone is finished on the next open.

Both change several files one after the other: the snapshot (its rename is the moment the change
takes effect), the journal, the audit trail, the backups; then they remove what would still open
without the new key. A run killed between two of these would break its promise: a plain backup
beside an encrypted database, backups that still open with a passphrase given up, an audit trail
sealed with another key than the database ("broken at entry 1").

So, under the database's lock, before its first step each writes a note beside the database,
`<db>.unfinished` (the database's mode and group; no record data):

    {"format": "pulang-unfinished", "action": "encrypt" | "passwd", "salt": <the new key's>,
     and for passwd "old_kdf" (with its salt), "old_key": <the old key, sealed with the new one>}

and removes it after its last step. Whoever opens the database next with its key (`settle`, from
`Database.open`, under the lock) finds the note and

- when the snapshot is not sealed with the new key (its salt is not the note's), the change never
  took effect: the note goes, the audit trail records it, and the user is told to run it again;
- when it is, the steps after the rename are done again (`redo`, idempotent): the audit trail
  sealed with the key, the backups sealed with it (passwd) or the plain ones deleted (encrypt),
  every leftover temporary file the key does not open deleted; the audit trail records it, and
  the user is told what was finished.

After a change of passphrase only the new passphrase opens the database, and the files still
under the old key can only be sealed again with the old key: the note keeps it, sealed with the
new key. So only someone with the new passphrase, who can read every record anyway, can open it;
someone who knows the old passphrase learns nothing new from it, and the note is deleted as soon
as the job is done. It is the key Argon2id derived, never the passphrase, which may be in use
elsewhere. (The other honest ways were worse: deleting the backups still under the old key loses
the user's history, and waiting for the old passphrase leaves them readable with it meanwhile.)
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import DatabaseError, PulangError, failure_reason
from store.common.i18n import _, ngettext
from store.engine import audit, backups, replicas
from store.engine.crypto import Sealer, file_salt, is_encrypted, read_header
from store.engine.files import (
    ERASURES_FILE,
    MANIFEST,
    database_temporaries,
    note_path,
    orphan_copy_journal,
)
from store.engine.journal import JOURNAL_MARKER, locked
from store.engine.storage import sync_folder, write_atomically

FORMAT = "pulang-unfinished"
ENCRYPT, PASSWD = audit.ENCRYPT, audit.PASSWD
# The audit trail's notes (untranslated, like every note in it).
CALLED_OFF = "interrupted before it took effect"
FINISHED = "finished after an interruption"

_JOURNAL_HEAD = b'{"format":"' + JOURNAL_MARKER.encode() + b'"'
_LINE_PURPOSES = (b"journal", audit.PURPOSE)


# -- during the run (the caller holds the lock) --------------------------------------------


def begin(db_path: Path, action: str, old: Sealer | None, new: Sealer) -> None:
    """Write the note before the first step of `action` (encrypt: `old` is None)."""
    note: dict[str, Any] = {"format": FORMAT, "action": action, "salt": new.salt}
    if old is not None:
        note.update(old_kdf=old.kdf, old_key=new.seal_key(old))
    st = os.stat(db_path)
    write_atomically(note_path(db_path), orjson.dumps(note), stat.S_IMODE(st.st_mode), st.st_gid)


def took_effect(db_path: Path, new: Sealer) -> bool:
    """Whether the snapshot is sealed with `new` (renamed into place)."""
    return file_salt(db_path) == new.salt


def clear(db_path: Path) -> None:
    """Remove the note: the job is done, or it never took effect."""
    with contextlib.suppress(FileNotFoundError):
        note_path(db_path).unlink()
        sync_folder(db_path.parent)


@dataclass
class Redone:
    """What `redo` did."""

    deleted_backups: int = 0  # plain backups (encrypt)
    resealed_backups: int = 0  # backups sealed again with the new key (passwd)
    removed_files: int = 0  # temporary and orphan files the key does not open


def redo(db_path: Path, old: Sealer | None, new: Sealer) -> Redone:
    """The steps after the snapshot is sealed with `new`; idempotent, under the lock.

    `old` is the key before (None when the database was plain, for encrypt). Every file it
    rewrites is replaced atomically, so a run cut short anywhere here is finished by running
    it again.
    """
    done = Redone()
    audit.reseal(db_path, old, new)
    replicas.reseal(db_path, old, new)
    if old is None:
        done.deleted_backups = len(backups.delete_backups(db_path, plain_only=True))
    else:
        done.resealed_backups = backups.reseal_backups(db_path, old, new)
    for path in leftovers(db_path):
        if not sealed_with(path, new):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                done.removed_files += 1
    if done.removed_files or done.deleted_backups:
        sync_folder(db_path.parent)
        sync_folder(backups.folder_of(db_path))
    return done


def leftovers(db_path: Path) -> list[Path]:
    """Temporary files beside the database (of the snapshot, journal, audit trail, this note
    and the copies kept before an upgrade), the journal of such a copy whose snapshot is gone,
    and what `store.engine.backups.leftovers` finds, but not the backups' manifests and erasure
    times: they hold no record data."""
    temporary, orphan = database_temporaries(db_path), orphan_copy_journal(db_path)
    try:
        names = set(os.listdir(db_path.parent))
    except OSError:
        names = set()
    found = [db_path.parent / n for n in sorted(names) if temporary.fullmatch(n) or (
        (match := orphan.fullmatch(n)) is not None and match.group(1) not in names)]
    return found + [path for path in backups.leftovers(db_path)
                    if MANIFEST not in path.name and ERASURES_FILE not in path.name]


def sealed_with(path: Path, sealer: Sealer) -> bool:
    """Whether nothing in the file at `path` opens without `sealer`: an encrypted file sealed
    with it, or lines (a journal's, an audit trail's) each sealed with it. A file that cannot
    be read counts as not."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            if is_encrypted(head):
                header, _line, _start = read_header(path, head)
                return sealer.opens(header)
            handle.seek(0)
            for number, raw in enumerate(handle):
                line = raw.rstrip(b"\n")
                if not line or (number == 0 and line.startswith(_JOURNAL_HEAD)):
                    continue  # a journal's plain header: its marker and generation only
                if all(sealer.open_line(line, purpose) is None for purpose in _LINE_PURPOSES):
                    return False
    except (OSError, DatabaseError):
        return False
    return True


# -- on the next open ----------------------------------------------------------------------


def settle(db_path: Path, sealer: Sealer | None, on_busy: Any = None) -> list[str]:
    """Finish, or call off, what an interrupted encrypt or passwd left; from `Database.open`,
    with the key it was opened with. Returns what to tell the user. Never raises: what cannot
    be done now (a busy database, a disk that refuses) is said, and tried again next time."""
    path = note_path(db_path)
    if not os.path.lexists(path):
        return []
    action = None
    try:
        with locked(db_path, on_wait=on_busy):
            try:
                note = orjson.loads(path.read_bytes())
            except FileNotFoundError:
                return []  # finished by another process meanwhile
            except orjson.JSONDecodeError:
                note = None
            if not _valid(note):
                clear(db_path)
                return [_("{path} was left by an interrupted encrypt or passwd, but it cannot "
                          "be read; it was removed. Run `pulang check` on the database.")
                        .format(path=path)]
            action = note["action"]
            return _settle(db_path, note, sealer)
    except (PulangError, OSError) as error:
        reason = failure_reason(error) if isinstance(error, OSError) else str(error)
        if action == PASSWD:
            return [_("The change of passphrase of {path} had been interrupted and cannot be "
                      "finished now ({reason}); Pulang tries again the next time it opens the "
                      "database.").format(path=db_path, reason=reason)]
        return [_("The encryption of {path} had been interrupted and cannot be finished now "
                  "({reason}); Pulang tries again the next time it opens the database.")
                .format(path=db_path, reason=reason)]


def _valid(note: Any) -> bool:
    return (isinstance(note, dict) and note.get("format") == FORMAT
            and note.get("action") in (ENCRYPT, PASSWD) and isinstance(note.get("salt"), str)
            and (note["action"] == ENCRYPT or (isinstance(note.get("old_key"), str)
                                               and isinstance(note.get("old_kdf"), dict))))


def _settle(db_path: Path, note: dict[str, Any], sealer: Sealer | None) -> list[str]:
    action = note["action"]
    if sealer is None or sealer.salt != note["salt"]:
        _record(db_path, action, CALLED_OFF, sealer)
        clear(db_path)
        if action == PASSWD:
            return [_("The change of passphrase of {path} was interrupted before it took "
                      "effect: the previous passphrase still opens it. Run `pulang passwd` "
                      "again.").format(path=db_path)]
        return [_("The encryption of {path} was interrupted before it took effect: the "
                  "database is still not encrypted. Run `pulang encrypt` again.").format(
                      path=db_path)]
    old = None
    if action == PASSWD:
        old = sealer.open_key(note["old_key"], note["old_kdf"])
        if old is None:
            raise DatabaseError(note_path(db_path), _("its note of the previous key is "
                                                      "damaged"))
    try:
        done = redo(db_path, old, sealer)
    finally:
        if old is not None:
            old.wipe()
    _record(db_path, action, FINISHED, sealer)
    clear(db_path)
    if action == PASSWD:
        said = [_("The change of passphrase of {path} had been interrupted; it is finished "
                  "now: its backups and audit trail open only with the new passphrase.").format(
                      path=db_path)]
        if done.resealed_backups:
            said.append(ngettext("{count} backup was sealed again with the new passphrase.",
                                 "{count} backups were sealed again with the new passphrase.",
                                 done.resealed_backups).format(count=done.resealed_backups))
    else:
        said = [_("The encryption of {path} had been interrupted; it is finished now, and "
                  "nothing unencrypted is left beside it.").format(path=db_path)]
        if done.deleted_backups:
            said.append(ngettext("{count} unencrypted backup was deleted.",
                                 "{count} unencrypted backups were deleted.",
                                 done.deleted_backups).format(count=done.deleted_backups))
    if done.removed_files:
        said.append(ngettext("{count} temporary file left by the interruption was deleted.",
                             "{count} temporary files left by the interruption were deleted.",
                             done.removed_files).format(count=done.removed_files))
    return said


def _record(db_path: Path, action: str, note: str, sealer: Sealer | None) -> None:
    """An entry in the audit trail: the action was called off, or finished later."""
    audit.append(db_path, [audit.event_entry(action, note=note)], sealer)
