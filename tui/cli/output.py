"""Files a command writes outside the database (exports, briefs, the rows left out of an
import): never one of the database's own files, an existing one only with --force, and those
holding names readable by their owner only."""

from __future__ import annotations

from pathlib import Path

from store import ReplaceNeeded, _
from store.db import refuse_database_files, write_atomically


def _refuse_output(path: Path, targets: list[Path], force: bool) -> None:
    """Before anything is asked or opened: never one of the database's own files (whatever
    the flags), and an existing file only with --force."""
    refuse_database_files(path, targets)
    existing = [target for target in targets if target.exists() or target.is_symlink()]
    if existing and not force:
        raise ReplaceNeeded(_("{path} already exists: add --force to replace it. Nothing was "
                              "written.").format(path=existing[0]))


def _write_private(path: Path, data: bytes) -> None:
    """A file only its owner can read (it holds names), written whole or not at all."""
    write_atomically(path, data, 0o600, None)
