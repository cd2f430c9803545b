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
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from store.errors import (
    CorruptDatabase,
    MissingDatabase,
    NewerSchema,
    NotADatabase,
    WriteFailed,
    DatabaseError,
)
from store.i18n import _
from store.migrations import (
    FORMAT_MARKER,
    META_DOC,
    META_TABLE,
    MIGRATIONS,
    Migration,
    Tables,
    migrate,
    schema_of,
)

NEW_FILE_MODE = 0o600
_STALE_TEMP_SECONDS = 600


def new_tables(schema: int, demo: bool = False) -> Tables:
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    meta = {"format": FORMAT_MARKER, "schema": schema, "created_at": now, "demo": demo}
    return {META_TABLE: {META_DOC: meta}}


def _stamp(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


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
            raise CorruptDatabase(
                path,
                _("{path} is damaged (cut short or overwritten) and cannot be read. "
                  "Pulang has not changed it; restore it from a backup.").format(path=path),
            ) from None
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
        raise NewerSchema(
            path,
            _("{path} was written by a newer Pulang (schema {found}; this one reads up to "
              "{newest}). Update Pulang to open it; the file was not changed.").format(
                path=path, found=schema, newest=newest_schema
            ),
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise CorruptDatabase(
                path,
                _("{path} is damaged (table {table} is malformed). Pulang has not changed it.")
                .format(path=path, table=name),
            )
    return data


def write_atomically(path: Path, payload: bytes, mode: int, gid: int | None) -> None:
    """Write `payload` to `path` so that a crash leaves the old file or the new, never half."""
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        if gid is not None and gid != os.getegid():
            with contextlib.suppress(PermissionError):
                os.fchown(fd, -1, gid)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file (see the module's docstring)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        create: bool = False,
        demo: bool = False,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        self.path = Path(path)
        self.migrations = tuple(migrations)
        self.schema = schema_of(self.migrations)
        self._data: Tables | None = None
        self._stamp: tuple[int, int, int, int] | None = None
        self._batch_depth = 0
        self._dirty = False
        self.backup_path: Path | None = None
        self.on_reload: Callable[[], None] | None = None
        if self.path.exists() or self.path.is_symlink():
            self._load(allow_migration=True)
            self._remove_stale_temporaries()
        elif create:
            if not self.path.parent.is_dir():
                raise MissingDatabase(
                    self.path,
                    _("The folder {folder} does not exist.").format(folder=self.path.parent),
                )
            self._data = new_tables(self.schema, demo=demo)
            self._flush()
        else:
            raise MissingDatabase(
                self.path, _("{path} does not exist.").format(path=self.path)
            )

    # -- reading ---------------------------------------------------------------------------

    def _read_bytes(self) -> tuple[bytes, os.stat_result]:
        try:
            with open(self.path, "rb") as handle:
                st = os.fstat(handle.fileno())
                if not stat.S_ISREG(st.st_mode):
                    raise NotADatabase(
                        self.path,
                        _("{path} is not a Pulang database. Pulang has not changed it.")
                        .format(path=self.path),
                    )
                return handle.read(), st
        except IsADirectoryError:
            raise NotADatabase(
                self.path,
                _("{path} is a folder, not a Pulang database.").format(path=self.path),
            ) from None
        except PermissionError:
            raise DatabaseError(
                self.path,
                _("{path} cannot be read: permission denied.").format(path=self.path),
            ) from None
        except FileNotFoundError:
            raise MissingDatabase(
                self.path, _("{path} does not exist.").format(path=self.path)
            ) from None

    def _load(self, allow_migration: bool) -> None:
        raw, st = self._read_bytes()
        data = inspect(self.path, raw, self.schema)
        if data[META_TABLE][META_DOC]["schema"] < self.schema:
            if not allow_migration:
                raise CorruptDatabase(
                    self.path,
                    _("{path} was replaced by an older database while open.").format(
                        path=self.path
                    ),
                )
            migrated = migrate(data, self.path, self.migrations)
            self.backup_path = self._backup(raw, st)
            self._data = migrated
            self._flush()
            return
        self._data = data
        self._stamp = _stamp(st)

    def _backup(self, raw: bytes, st: os.stat_result) -> Path:
        """Keep the bytes from before a migration beside the file, as private as the file."""
        schema = orjson.loads(raw)[META_TABLE][META_DOC]["schema"]
        moment = time.strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.schema{schema}-{moment}.bak")
        write_atomically(backup, raw, stat.S_IMODE(st.st_mode) & 0o660, st.st_gid)
        return backup

    def _remove_stale_temporaries(self) -> None:
        # Left behind by a process killed mid-write; they hold data, so they must not linger.
        cutoff = time.time() - _STALE_TEMP_SECONDS
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()

    def read(self) -> Tables | None:
        if self._batch_depth and self._data is not None:
            return self._data
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise MissingDatabase(
                self.path, _("{path} has disappeared.").format(path=self.path)
            ) from None
        if self._data is None or _stamp(st) != self._stamp:
            self._load(allow_migration=False)
            if self.on_reload is not None:
                self.on_reload()
        return self._data

    # -- writing ---------------------------------------------------------------------------

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        assert self._data is not None
        try:
            try:
                st = os.stat(self.path)
                mode, gid = stat.S_IMODE(st.st_mode), st.st_gid
            except FileNotFoundError:
                mode, gid = NEW_FILE_MODE, None
            payload = orjson.dumps(self._data)
            write_atomically(self.path, payload, mode, gid)
            self._stamp = _stamp(os.stat(self.path))
        except OSError as error:
            self.forget()
            raise WriteFailed(
                _("Could not save to {path}: {reason}. Nothing was changed on disk.").format(
                    path=self.path, reason=error.strerror or type(error).__name__
                )
            ) from error

    def forget(self) -> None:
        """Drop the in-memory copy, so the next read comes from the file as it is."""
        self._data = None
        self._stamp = None

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one write; on error none of them reaches the file."""
        if self._batch_depth == 0:
            self.read()  # start from the file as it is now
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._dirty = False
                self.forget()
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self._dirty = False
            self._flush()

    @property
    def meta(self) -> dict[str, Any]:
        data = self.read()
        assert data is not None
        return data[META_TABLE][META_DOC]

    def close(self) -> None:
        self.forget()
