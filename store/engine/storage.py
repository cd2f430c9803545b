"""A TinyDB storage of our own: one JSON file, written atomically and durably, read once.

- Every write goes to a temporary file in the same folder, is flushed and fsynced, renamed over
  the old file, and the folder is fsynced: a crash leaves the old file or the new one, never a
  broken one.
- New files are mode 0600; a rewrite keeps the file's mode and group.
- The parsed data stays in memory; a read only stats the file and re-parses it when another
  process has replaced it.
- A file that is not a Pulang database, is truncated or damaged, or has a newer schema is refused
  with a clear error and never written.
- orjson serializes: several times faster than the json module, and strict about what it emits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from tinydb.storages import Storage

from store.common.errors import (
    CorruptDatabase,
    DatabaseError,
    MissingDatabase,
    NewerSchema,
    NotADatabase,
    OwnFileRefused,
    WriteFailed,
)
from store.common.i18n import _
from store.engine.crypto import is_encrypted, read_header
from store.engine.files import is_database_file, temporaries_glob, temporary_affixes
from store.engine.migrations import FORMAT_MARKER, META_DOC, META_TABLE, SCHEMA_VERSION, Tables

NEW_FILE_MODE = 0o600
_STALE_TEMP_SECONDS = 600


def new_tables(schema: int, demo: bool = False) -> Tables:
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    meta = {"format": FORMAT_MARKER, "schema": schema, "created_at": now, "demo": demo}
    return {META_TABLE: {META_DOC: meta}}


def _stamp(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def file_stamp(path: Path) -> tuple[int, int, int, int] | None:
    """What tells whether another process replaced the file at `path` (None: there is none)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _damaged(path: Path) -> CorruptDatabase:
    return CorruptDatabase(
        path,
        _("{path} is damaged (cut short or overwritten) and cannot be read. "
          "Pulang has not changed it; restore it from a backup.").format(path=path),
    )


def _newer(path: Path, found: int, newest: int) -> NewerSchema:
    return NewerSchema(
        path,
        _("{path} was written by a newer Pulang (schema {found}; this one reads up to "
          "{newest}). Update Pulang to open it; the file was not changed.").format(
            path=path, found=found, newest=newest
        ),
    )


def inspect(path: Path, raw: bytes, newest_schema: int) -> Tables:
    """Parse and vet the bytes of a database file; raise a DatabaseError if it is not usable."""
    if not raw.strip():
        raise CorruptDatabase(
            path, _("{path} is empty: the file was cut short. Pulang has not changed it.")
            .format(path=path)
        )
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        if raw.lstrip()[:1] == b"{":
            raise _damaged(path) from None
        raise NotADatabase(
            path, _("{path} is not a Pulang database. Pulang has not changed it.").format(path=path)
        ) from None
    meta = data.get(META_TABLE, {}).get(META_DOC) if isinstance(data, dict) else None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_MARKER:
        raise NotADatabase(
            path, _("{path} is not a Pulang database. Pulang has not changed it.").format(path=path)
        )
    schema = meta.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise CorruptDatabase(
            path,
            _("{path} is damaged: its schema version is missing. Pulang has not changed it.")
            .format(path=path),
        )
    if schema > newest_schema:
        raise _newer(path, schema, newest_schema)
    for name, table in data.items():
        if name in ("_rows", "_today", "_head", "_seal"):
            continue  # the snapshot's own bookkeeping (see store/engine/snapshot.py), not records
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise CorruptDatabase(
                path,
                _("{path} is damaged (table {table} is malformed). Pulang has not changed it.")
                .format(path=path, table=name),
            )
    return data


def give_mode(fd: int, mode: int, gid: int | None) -> None:
    """Give an open file `mode` and group `gid`, whatever the umask and the folder gave it.

    The group goes first (a change of group may clear bits that a chmod set). A file meant to
    be read by a group is never left readable by whatever group it happened to get: if the
    group cannot be set, the write fails.
    """
    if gid is not None and os.fstat(fd).st_gid != gid:
        try:
            os.fchown(fd, -1, gid)
        except PermissionError:
            if mode & 0o070:
                raise
    os.fchmod(fd, mode)


def write_atomically(path: Path, payload: bytes | Iterable[bytes], mode: int,
                     gid: int | None) -> None:
    """Write `payload` to `path` so that a crash leaves the old file or the new, never half.

    The new file gets `mode` and group `gid` before it replaces the old one. A failure (disk
    full, read-only, permission denied) raises WriteFailed and leaves the old file as it was.
    """
    staged = stage_file(path, payload, mode, gid)
    put_in_place(staged, path)


def stage_file(path: Path, payload: bytes | Iterable[bytes], mode: int,
               gid: int | None) -> Path:
    """Write `payload` durably to a temporary file beside `path`, with its mode and group, for
    `put_in_place` to rename over `path`: a restore does the slow part before taking the lock."""
    import tempfile  # writing comes after the first frame: keep its import off the way there

    try:
        prefix, suffix = temporary_affixes(path)
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    except OSError as error:
        raise WriteFailed.from_os_error(error) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            give_mode(fd, mode, gid)
            # Pieces made as they are written: a large file is never whole in memory.
            for piece in [payload] if isinstance(payload, bytes) else payload:
                handle.write(piece)
            handle.flush()
            os.fsync(fd)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(error, OSError):
            raise WriteFailed.from_os_error(error) from error
        raise
    return Path(tmp_name)


def refuse_database_files(db_path: Path, paths: Iterable[Path]) -> None:
    """OwnFileRefused when one of `paths` is a file of the database at `db_path` (its
    snapshot, journal, audit trail, lock, backups, temporaries: `store.engine.files.
    is_database_file`), through symlinks too: nothing that leaves Pulang goes there."""
    for path in paths:
        if is_database_file(db_path, path):
            raise OwnFileRefused(path, db_path)


def write_recorded(files: list[tuple[Path, bytes]], record: Callable[[], object], *,
                   database: Path, mode: int = 0o600) -> None:
    """Write files that leave Pulang (exports, briefs) of the database at `database`, in the
    order the audit trail needs: each is first written whole beside its place, then `record()`
    writes the audit entry, and only then are they put in place. A file that cannot be written
    is therefore never recorded as written, and what cannot be recorded is never written (its
    staged copies are removed). WriteFailed names the file and why, in the user's words;
    OwnFileRefused, before anything is written, a path that is one of the database's files."""
    refuse_database_files(database, [path for path, _payload in files])
    staged: list[tuple[Path, Path]] = []
    try:
        for path, payload in files:
            try:
                staged.append((stage_file(path, payload, mode, None), path))
            except WriteFailed as error:
                raise WriteFailed(error.reason, _(
                    "Could not write {path}: {reason}. Nothing was written there.").format(
                        path=path, reason=error.reason)) from None
        record()
    except BaseException:
        for temporary, _path in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    for temporary, path in staged:
        put_in_place(temporary, path)


def put_in_place(staged: Path, path: Path) -> None:
    """Rename a file from `stage_file` over `path` and make the rename durable."""
    try:
        os.replace(staged, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(staged)
        if isinstance(error, OSError):
            raise WriteFailed.from_os_error(error) from error
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make renames and removals in `folder` durable, in the order they were made. The files
    are in place already: a folder that cannot be synced (some file systems refuse) does not
    make the write a failure."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def quick_inspect(path: Path, newest_schema: int) -> None:
    """Refuse at once what is plainly not a usable database, reading only its two ends.

    The full check happens when the file is loaded; this one lets the command line say no
    before the screen is taken over, in milliseconds even for a file of hundreds of megabytes.
    """
    with _opened(path) as handle:
        st = os.fstat(handle.fileno())
        head = handle.read(4096)
        handle.seek(max(0, st.st_size - 4096))
        tail = handle.read()
    if is_encrypted(head):
        read_header(path, head)  # the rest is sealed: it is checked when it is decrypted
        return
    marker = b'"format":"pulang-db"'
    where = head if marker in head else tail if marker in tail else None
    if not stat.S_ISREG(st.st_mode) or st.st_size <= 4096 or (
        where is None and st.st_size < 64 * 1024 * 1024
    ):
        # Small, odd or written by another tool: the full check is quick enough, and exact.
        raw, _st = read_file(path)
        inspect(path, raw, newest_schema)
        return
    if where is None:
        return  # a large file laid out by another tool: the load will tell
    if not tail.rstrip().endswith(b"}"):
        raise _damaged(path)
    found = re.search(rb'"schema":(\d+)', where)
    if found and int(found.group(1)) > newest_schema:
        raise _newer(path, int(found.group(1)), newest_schema)


def read_file(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a database file; a missing, unreadable or non-regular file is refused."""
    with _opened(path) as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise NotADatabase(
                path,
                _("{path} is not a Pulang database. Pulang has not changed it.").format(path=path),
            )
        return handle.read(), st


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[BinaryIO]:
    """The file open for reading, with the ways that can fail said in the user's terms."""
    try:
        with open(path, "rb") as handle:
            yield handle
    except IsADirectoryError:
        raise NotADatabase(
            path, _("{path} is a folder, not a Pulang database.").format(path=path)
        ) from None
    except PermissionError:
        raise DatabaseError(
            path, _("{path} cannot be read: permission denied.").format(path=path)
        ) from None
    except FileNotFoundError:
        raise MissingDatabase(path, _("{path} does not exist.").format(path=path)) from None


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files a process killed mid-write left beside `path`: they hold data."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    for leftover in path.parent.glob(temporaries_glob(path)):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


class AtomicJSONStorage(Storage):
    """The snapshot as a TinyDB storage: TinyDB itself can read and write a Pulang snapshot
    through it, atomically, with the same refusals as Pulang (the store uses
    `store.engine.tables`)."""

    def __init__(self, path: str | os.PathLike[str], newest_schema: int | None = None) -> None:
        self.path = Path(path)
        self.newest_schema = SCHEMA_VERSION if newest_schema is None else newest_schema
        self._data: Tables | None = None
        self._stamp: tuple[int, int, int, int] | None = None

    def read(self) -> Tables | None:
        st = os.stat(self.path)
        if self._data is None or _stamp(st) != self._stamp:
            raw, st = read_file(self.path)
            self._data = inspect(self.path, raw, self.newest_schema)
            self._stamp = _stamp(st)
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        st = os.stat(self.path)
        write_atomically(self.path, orjson.dumps(data), stat.S_IMODE(st.st_mode), st.st_gid)
        self._data = data
        self._stamp = _stamp(os.stat(self.path))

    def close(self) -> None:
        self._data = None
