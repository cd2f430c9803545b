"""The names and places of a database's files, in one place: every file is named after it.

    <db>                      the snapshot (`store.engine.tables`, `store.engine.snapshot`)
    <db>.journal              the changes since the snapshot (`store.engine.journal`)
    <db>.lock                 the advisory lock held while writing
    <db>.audit                the audit trail (`store.engine.audit`)
    <db>.unfinished           the note of an encrypt or passwd under way
                              (`store.engine.unfinished`)
    <db>.backups/             the backups (`store.engine.backups`): `<db>.<time>`, its
                              `.journal` and `.manifest`, the `erasures` noted, and
                              `.<name>.<pid>.link.tmp` while one is being taken
    <db>.schemaN-<time>.bak   the copy kept before a schema upgrade, and its `.journal`
    .<db>.<random>.tmp        a write's temporary file (`store.engine.storage.stage_file`),
                              and `.<db>.journal.<random>.tmp` and so on for the others

Only names: nothing here reads or writes a file.
"""

from __future__ import annotations

import glob
import os
import re
from pathlib import Path

JOURNAL = ".journal"
LOCK = ".lock"
AUDIT = ".audit"
BACKUPS = ".backups"
UNFINISHED = ".unfinished"
MANIFEST = ".manifest"
ERASURES_FILE = "erasures"
TEMPORARY = ".tmp"
BACKUP_STAMP = "%Y%m%d-%H%M%S-%f"  # a backup's time in its name (UTC)
SCHEMA_COPY_STAMP = "%Y%m%d-%H%M%S"  # the time in the name of a copy kept before an upgrade
# The name of such a copy after the database's: `schema<N>-<time>.bak`.
_SCHEMA_COPY = r"schema\d+-\d{8}-\d{6}\.bak"


def _beside(db_path: Path, suffix: str) -> Path:
    return db_path.with_name(db_path.name + suffix)


def journal_path(db_path: Path) -> Path:
    return _beside(db_path, JOURNAL)


def lock_path(db_path: Path) -> Path:
    return _beside(db_path, LOCK)


def audit_path(db_path: Path) -> Path:
    """The audit trail of the database at `db_path` (store.engine.audit)."""
    return _beside(db_path, AUDIT)


def backups_folder(db_path: Path) -> Path:
    """Where the backups of the database at `db_path` are kept (store.engine.backups)."""
    return _beside(db_path, BACKUPS)


def note_path(db_path: Path) -> Path:
    """The note of an encrypt or passwd under way (store.engine.unfinished)."""
    return _beside(db_path, UNFINISHED)


def data_files(db_path: Path) -> list[Path]:
    """The files beside the database that hold its data (the lock file holds none)."""
    return [db_path, journal_path(db_path), audit_path(db_path)]


# -- the copy kept before a schema upgrade -------------------------------------------------


def schema_copy_path(db_path: Path, schema: int, moment: str) -> Path:
    """The copy of the database kept before it is upgraded from `schema`, taken at `moment`
    (local time, as SCHEMA_COPY_STAMP writes it); its journal is `journal_path` of it."""
    return db_path.with_name(f"{db_path.name}.schema{schema}-{moment}.bak")


def schema_copies_glob(db_path: Path) -> str:
    """The copies kept before a schema upgrade, as a pattern for `Path.glob` in the database's
    folder (the copies only, not their journals)."""
    return f"{glob.escape(db_path.name)}.schema*.bak"


def schema_copy_files_glob(db_path: Path) -> str:
    """The copies kept before a schema upgrade with their journals, as a pattern for
    `Path.glob` in the database's folder. (The database's name is not escaped here, unlike in
    `schema_copies_glob`: kept as `share_database` has always matched them.)"""
    return f"{db_path.name}.schema*.bak*"


def orphan_copy_journal(db_path: Path) -> re.Pattern[str]:
    """The name of a copy's journal; its group 1 is the copy's own name (whose snapshot may be
    gone)."""
    return re.compile(rf"({re.escape(db_path.name)}\.{_SCHEMA_COPY})\.journal")


# -- temporary files -----------------------------------------------------------------------


def temporary_affixes(path: Path) -> tuple[str, str]:
    """The prefix and suffix of a temporary file written beside `path` before it is renamed
    over it (for `tempfile.mkstemp`): `.<name>.<random>.tmp`."""
    return f".{path.name}.", TEMPORARY


def temporaries_glob(path: Path) -> str:
    """The temporary files beside `path`, as a pattern for `Path.glob` in its folder."""
    return f".{path.name}*{TEMPORARY}"


def database_temporaries(db_path: Path) -> re.Pattern[str]:
    """The names of the temporary files beside the database: of the snapshot, journal, audit
    trail, the note of an unfinished change, and the copies kept before an upgrade."""
    name = re.escape(db_path.name)
    return re.compile(rf"\.{name}\.(?:(?:journal|audit|unfinished|{_SCHEMA_COPY}(?:\.journal)?)"
                      r"\.)?[a-z0-9_]{8}\.tmp")


def is_temporary(name: str) -> bool:
    """Whether a file name in the backups folder is a temporary one."""
    return name.startswith(".") and name.endswith(TEMPORARY)


# -- inside the backups folder -------------------------------------------------------------


def backup_names(db_path: Path) -> re.Pattern[str]:
    """A backup's snapshot's name (group 1: its time, as BACKUP_STAMP writes it); its journal
    and manifest begin with it."""
    return re.compile(re.escape(db_path.name) + r"\.(\d{8}-\d{6}-\d{6})")


def backup_path(folder: Path, db_path: Path, stamp: str) -> Path:
    """The snapshot of the backup of the database at `db_path` taken at `stamp`."""
    return folder / f"{db_path.name}.{stamp}"


def manifest_path(backup: Path) -> Path:
    """The manifest of the backup whose snapshot is `backup` (why, who, when...)."""
    return _beside(backup, MANIFEST)


def erasures_path(db_path: Path) -> Path:
    """Where the times of erasures are noted, beside the backups."""
    return backups_folder(db_path) / ERASURES_FILE


def link_temporary(backup: Path, pid: int) -> Path:
    """Where the snapshot is linked or copied while the backup `backup` is taken."""
    return backup.with_name(f".{backup.name}.{pid}.link{TEMPORARY}")


# -- telling a database's files --------------------------------------------------------------


def is_database_file(db_path: Path, path: Path) -> bool:
    """Whether `path` is one of the files of the database at `db_path`, or inside one.

    The store names every file of a database after it, beside it: the snapshot `<db>`, and
    `<db>.<something>` (the journal, lock, audit trail, the `.backups` folder with everything
    in it, a migration's `<db>.schemaN-….bak`), and `.<db>.<something>` (a write's temporary
    file, `store.engine.storage.stage_file`). A new file of a database must be named so too: this is
    how an export or a brief is kept from being written over one. Symlinks are followed on
    both sides (a database opened through a link has its files beside the link's name)."""
    target = Path(os.path.realpath(path))
    given = Path(os.path.abspath(db_path))
    bases = {(Path(os.path.realpath(given.parent)), given.name)}
    real = Path(os.path.realpath(given))
    bases.add((real.parent, real.name))
    for part in (target, *target.parents):
        for folder, name in bases:
            if part.parent == folder and (
                    part.name == name or part.name.startswith((name + ".", "." + name + "."))):
                return True
    return False
