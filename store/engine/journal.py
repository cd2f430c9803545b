"""The journal beside the snapshot: one line per committed change, appended and fsynced.

    <db>          the snapshot: a TinyDB JSON file, rewritten only at compaction
    <db>.journal  a header line, then one sealed entry per transaction since that snapshot
    <db>.lock     an advisory lock held while appending or compacting

An entry records a sequence number, the snapshot generation it follows, the writer
(user@host:pid), the time, the hash of the previous line, and the changes: for each record its
table, id, old and new version, and data. In an encrypted database every entry line is sealed on
its own with the database's key (`store.engine.crypto.Sealer.seal_line`); the header line holds
only the marker and generation and stays plain. A last line cut short by a crash is detected and
dropped; a damaged line before the end makes the database refuse to open.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import platform
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import CorruptDatabase, DatabaseBusy, WriteFailed
from store.common.i18n import _
from store.engine.crypto import Sealer
from store.engine.files import (  # the names of a database's files, re-exported below
    audit_path,
    backups_folder,
    is_database_file,
    journal_path,
    lock_path,
)
from store.engine.officer import author
from store.engine.storage import give_mode

JOURNAL_MARKER = "pulang-journal"
LOCK_TIMEOUT_SECONDS = 10.0


_PURPOSE = b"journal"


def _seal(plain: bytes, sealer: Sealer | None) -> bytes:
    return plain if sealer is None else sealer.seal_line(plain, _PURPOSE)


def _unseal(line: bytes, sealer: Sealer | None) -> bytes | None:
    return line if sealer is None else sealer.open_line(line, _PURPOSE)


def line_hash(line: bytes) -> str:
    return hashlib.blake2b(line, digest_size=16).hexdigest()


def writer_id() -> str:
    """Who wrote a journal entry (a removal says who removed the record): as a record's
    `changed_by`, "officer name (account)" when the officer said who they are."""
    return f"{author()}@{platform.node()}:{os.getpid()}"


@dataclass
class JournalState:
    """What has been read of the journal: where it ends and what its last line hashed to."""

    generation: int
    end: int  # byte offset after the last good line
    last_hash: str
    seq: int
    stamp: tuple[int, int] = (0, 0)  # (inode, size) when last read
    entries: list[dict[str, Any]] = field(default_factory=list)


def _header(generation: int) -> bytes:
    return orjson.dumps({"format": JOURNAL_MARKER, "generation": generation}) + b"\n"


def new_journal_bytes(generation: int) -> bytes:
    return _header(generation)


def read_journal(path: Path, start: JournalState | None = None,
                 sealer: Sealer | None = None) -> JournalState | None:
    """Read the journal (from where `start` left off); None if there is no journal file.

    Entries are returned in `entries`; a torn last line is left out, and `end` stops before it.
    """
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            if start is not None:
                handle.seek(start.end)
            data = handle.read()
    except FileNotFoundError:
        return None
    offset = 0 if start is None else start.end
    state = start
    entries: list[dict[str, Any]] = []
    position = 0
    while position < len(data):
        newline = data.find(b"\n", position)
        if newline == -1:
            break  # torn: the last line never got its end
        line = data[position:newline + 1]
        try:
            plain = line[:-1] if state is None else _unseal(line[:-1], sealer)
            value = None if plain is None else orjson.loads(plain)
        except (orjson.JSONDecodeError, ValueError):
            value = None
        is_last = newline + 1 >= len(data)
        if state is None:
            if not isinstance(value, dict) or value.get("format") != JOURNAL_MARKER:
                raise CorruptDatabase(path, _("{path} is not a Pulang journal; Pulang has not "
                                              "changed it.").format(path=path))
            state = JournalState(int(value["generation"]), 0, line_hash(line), 0)
        elif not isinstance(value, dict) or value.get("prev") != state.last_hash:
            if is_last and not isinstance(value, dict):
                break  # a last entry cut short or never written out: dropped
            # A whole entry that does not follow its predecessor: something changed the file.
            raise CorruptDatabase(
                path,
                _("{path} is damaged in the middle; Pulang has not changed it. Restore it from "
                  "a backup.").format(path=path),
            )
        else:
            entries.append(value)
            state.last_hash = line_hash(line)
            state.seq = int(value["seq"])
        position = newline + 1
        state.end = offset + position
    if state is None:
        # Only a torn header: the journal was being created when the writer died.
        return JournalState(-1, 0, "", 0, (st.st_ino, st.st_size))
    state.entries = entries
    state.stamp = (st.st_ino, st.st_size)
    return state


def append_entry(path: Path, state: JournalState, changes: list[dict[str, Any]],
                 sealer: Sealer | None = None,
                 today: dict[str, list[Any]] | None = None) -> None:
    """Append one entry durably after `state` (the caller holds the lock and is up to date).
    `today`: Today's items of each owner (a case, the tasks) the changes touched, as they are
    after them (`store.engine.agenda`), so that Today can be drawn before the records are
    read."""
    entry: dict[str, Any] = {
        "seq": state.seq + 1,
        "gen": state.generation,
        "writer": writer_id(),
        "at": time.time(),
        "prev": state.last_hash,
        "changes": changes,
    }
    if today is not None:
        entry["today"] = today
    line = _seal(orjson.dumps(entry), sealer) + b"\n"
    try:
        fd = os.open(path, os.O_WRONLY)
    except OSError as error:
        raise WriteFailed.from_os_error(error) from error
    try:
        # Drop a torn tail left by a writer that died mid-append, then add ours.
        os.ftruncate(fd, state.end)
        os.lseek(fd, state.end, os.SEEK_SET)
        written = 0
        while written < len(line):  # a nearly full disk may take part of it and then refuse
            written += os.write(fd, line[written:])
        os.fsync(fd)
        st = os.fstat(fd)
    except OSError as error:
        # Take back what did get written, so the file ends where it did (best effort: a
        # line that stays half-written is dropped as torn by the next reader anyway).
        with contextlib.suppress(OSError):
            os.ftruncate(fd, state.end)
            os.fsync(fd)
        raise WriteFailed.from_os_error(error) from error
    finally:
        os.close(fd)
    state.seq += 1
    state.end += len(line)
    state.last_hash = line_hash(line)
    state.stamp = (st.st_ino, st.st_size)


def _open_lock(db_path: Path) -> int:
    """The lock file, open; made with the database's mode and group when it is new."""
    path = lock_path(db_path)
    try:
        st = os.stat(db_path)
        mode, gid = st.st_mode & 0o660, st.st_gid
    except FileNotFoundError:
        mode, gid = 0o600, None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, mode)
    except OSError as error:
        try:
            # Another officer's lock file we may only read, or a read-only disk: a lock
            # taken on a read-only descriptor locks just the same.
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            raise WriteFailed.from_os_error(error) from error
        return fd
    lock_st = os.fstat(fd)
    if lock_st.st_uid == os.geteuid() and (
        stat.S_IMODE(lock_st.st_mode) != mode or (gid is not None and lock_st.st_gid != gid)
    ):
        # os.open's mode went through the umask: give the file the database's own.
        with contextlib.suppress(OSError):
            give_mode(fd, mode, gid)
    return fd


@contextlib.contextmanager
def locked(db_path: Path, timeout: float | None = None,
           on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the database's advisory lock; wait up to `timeout`, then raise DatabaseBusy.

    `on_wait` is called once, when the lock is found taken and the waiting begins.
    """
    if timeout is None:
        timeout = LOCK_TIMEOUT_SECONDS
    fd = _open_lock(db_path)
    try:
        deadline = time.monotonic() + timeout
        waiting = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise DatabaseBusy(db_path) from None
                if not waiting and on_wait is not None:
                    on_wait()
                waiting = True
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)


# What the journal offers, and the names of the files it used to say (now in
# `store.engine.files`), still found here.
__all__ = ["JOURNAL_MARKER", "LOCK_TIMEOUT_SECONDS", "JournalState", "append_entry", "audit_path",
           "backups_folder", "is_database_file", "journal_path", "line_hash", "lock_path",
           "locked", "new_journal_bytes", "read_journal", "writer_id"]
