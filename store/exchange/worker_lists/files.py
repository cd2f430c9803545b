"""A list of workers' bytes: from a file given by its path (never a device, a pipe or a folder,
and never further than MAX_BYTES), or the path of a file pasted where a list was expected; and
the limits a list is held to, with what is said when one is passed."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import unquote, urlparse

from store.common.errors import InputFileUnreadable
from store.common.i18n import _

# The most a list of workers is read from: a few thousand rows take a few hundred kilobytes.
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000


def too_large() -> InputFileUnreadable:
    """What is said of a list larger than MAX_BYTES."""
    return InputFileUnreadable(_(
        "This is larger than {limit} MB, more than any list of workers: check it is the right "
        "file, or split the list into parts.").format(limit=MAX_BYTES // (1024 * 1024)))


def too_many_rows() -> InputFileUnreadable:
    """What is said of a list of more than MAX_ROWS rows."""
    return InputFileUnreadable(_(
        "This list has more than {limit} rows: split it into parts of at most {limit} rows."
    ).format(limit=MAX_ROWS))


def read_file(path: Path) -> bytes:
    """The bytes of a list's file, read no further than MAX_BYTES; InputFileUnreadable (exit 2)
    for a file that cannot be opened, is not a regular file (a device such as /dev/zero, a
    pipe, a folder: refused before a byte is read) or is larger than MAX_BYTES."""
    data = read_input(path, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise too_large()
    return data


def read_input(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a file given to read (a worker list, an export to import): at most
    `limit` + 1 of them. InputFileUnreadable for a file that cannot be opened or is not a
    regular file (a device such as /dev/zero would be read for ever, a pipe waits for a
    writer): refused before a byte is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)  # without O_NONBLOCK, opening a pipe waits for a writer
    except OSError as error:
        raise InputFileUnreadable(_("Cannot read {path}: {reason}").format(
            path=path, reason=error.strerror or type(error).__name__)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputFileUnreadable(_(
                "{path} is not a file but a device, a pipe or a folder: give the path of a "
                "file.").format(path=path))
        with open(fd, "rb", closefd=False) as file:
            data = file.read() if limit is None else file.read(limit + 1)
    except OSError as error:
        raise InputFileUnreadable(_("Cannot read {path}: {reason}").format(
            path=path, reason=error.strerror or type(error).__name__)) from None
    finally:
        os.close(fd)
    return data


_LIST_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods")


def pasted_path(text: str) -> Path | None:
    """The file a pasted text names, when the whole text is one line that is a file's path
    and no list: any line ending in .csv, .xlsx, .xls, .ods, .txt or .tsv (absolute, ~/ or
    relative), or the path of an existing file (with a folder, ~ or an extension in it).
    Quotes around it, and a file:// address (a file dropped on the terminal), are taken off."""
    line = text.strip()
    if not line or len(line) > 4096 or any(c in line for c in "\n\r\t"):
        return None
    if len(line) > 1 and line[0] == line[-1] and line[0] in "\"'":
        line = line[1:-1].strip()
    if line.startswith("file://"):
        line = unquote(urlparse(line).path)
    if not line:
        return None
    path = Path(line).expanduser()
    if line.casefold().endswith(_LIST_SUFFIXES):
        return path
    if "/" in line or "\\" in line or line.startswith("~") or path.suffix:
        try:
            return path if path.is_file() else None
        except (OSError, ValueError):  # a name too long for a path, a NUL
            return None
    return None
