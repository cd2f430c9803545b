"""Writing the audit trail: entries chained and appended under the lock, and the whole trail
sealed again under another key (`store.engine.audit`)."""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.common.i18n import _
from store.engine.audit.entries import event_entry
from store.engine.audit.lines import _lines, _render, entry_hash, read_line
from store.engine.audit.vocab import GENESIS, TORN_DROPPED
from store.engine.files import audit_path
from store.engine.storage import write_atomically

if TYPE_CHECKING:
    from store.engine.crypto import Sealer

_TAIL = 64 * 1024  # how much of the end of the trail an append reads, at first


# -- appending -----------------------------------------------------------------------------


@dataclass
class _Tail:
    seq: int  # of the last complete line
    hash: str  # of the last complete entry ("" when it could not be read)
    end: int  # byte offset after the last complete line
    torn: bool  # bytes after it, without a newline: a crash cut the last line short
    damaged: bool  # the last complete line cannot be read or was changed


def _read_tail(fd: int, sealer: Sealer | None) -> _Tail:
    size = os.fstat(fd).st_size
    window = _TAIL
    while True:
        start = max(0, size - window)
        data = os.pread(fd, size - start, start)
        newline = data.rfind(b"\n")
        if newline == -1 and start > 0:
            window *= 2
            continue
        end = start + newline + 1
        torn = end < size
        if end == 0:
            return _Tail(0, GENESIS, 0, torn, False)
        before = data.rfind(b"\n", 0, newline)
        if before == -1 and start > 0:
            window *= 2
            continue
        entry, _problem = read_line(data[before + 1:newline], sealer)
        if entry is not None:
            return _Tail(entry["seq"], entry["hash"], end, torn, False)
        # The last line cannot be read: the trail is already broken there, and verify will
        # say so. Number the new entries after the lines there are.
        lines = os.pread(fd, end, 0).count(b"\n")
        return _Tail(lines, "", end, torn, True)


def _open_for_append(path: Path, db_path: Path) -> int:
    """The trail open for reading and appending; made with the database's mode and group."""
    flags = os.O_RDWR | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC
    with contextlib.suppress(FileNotFoundError):
        return os.open(path, flags)
    st = os.stat(db_path)
    fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        mode = (stat.S_IMODE(st.st_mode) & 0o660) | 0o600
        if st.st_gid != os.fstat(fd).st_gid:
            try:
                os.fchown(fd, -1, st.st_gid)
            except PermissionError:
                mode &= 0o600  # not the database's group: share it with no group at all
        os.fchmod(fd, mode)  # after the owner change, and whatever the umask said
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except BaseException:
        os.close(fd)
        raise
    return fd


def append(db_path: Path, entries: list[dict[str, Any]], sealer: Sealer | None) -> list[str]:
    """Chain `entries` after the trail's last one and append them durably, in one write.

    The caller holds the database's lock. Returns warnings for the user (a damaged trail);
    raises OSError when the trail cannot be written (nothing of this append is left in it).
    """
    if not entries:
        return []
    path = audit_path(db_path)
    warnings: list[str] = []
    fd = _open_for_append(path, db_path)
    try:
        tail = _read_tail(fd, sealer)
        if tail.damaged:
            warnings.append(
                _("The audit trail {path} is damaged; run `pulang audit --verify` to find "
                  "where.").format(path=path)
            )
        todo = list(entries)
        if tail.torn:
            os.ftruncate(fd, tail.end)
            todo.insert(0, event_entry(TORN_DROPPED, note=None))
        seq, prev = tail.seq, tail.hash
        lines = []
        for entry in todo:
            seq += 1
            chained = {**entry, "seq": seq, "prev": prev}
            chained["hash"] = prev = entry_hash(chained)
            lines.append(_render(chained, sealer))
        payload = b"".join(lines)
        try:
            written = 0
            while written < len(payload):
                written += os.write(fd, payload[written:])
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, tail.end)  # leave no half entry behind
            raise
    finally:
        os.close(fd)
    return warnings


def reseal(db_path: Path, old: Sealer | None, new: Sealer | None) -> bool:
    """Rewrite the trail sealed with `new` (None: plain), for encrypt, decrypt and passwd.

    The caller holds the database's lock. The chain is over the plain entries, so it stays
    intact. A line `new` opens already is kept, a line `old` opens is sealed again, and any
    other line is kept as it is (it stays the broken entry `verify` names): run again after
    an interruption, it finishes the job, and a trail already sealed with `new` is left
    untouched. The file is replaced atomically, keeping its mode and group. Returns whether
    it was rewritten.
    """
    path = audit_path(db_path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    out, changed = [], False
    for _number, raw in _lines(path):
        if not raw.endswith(b"\n"):
            break  # a torn tail is not carried over
        if read_line(raw[:-1], new)[0] is not None:
            out.append(raw)
            continue
        entry, _problem = read_line(raw[:-1], old)
        out.append(raw if entry is None else _render(entry, new))
        changed = changed or entry is not None
    if changed:
        write_atomically(path, b"".join(out), stat.S_IMODE(st.st_mode), st.st_gid)
    return changed
