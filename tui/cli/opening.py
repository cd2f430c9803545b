"""A database opened for a command: unlocked first when it is encrypted, what opening it said
shown on stderr, backed up first when the command writes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store import ngettext
from store.db import Database
from tui.cli.passphrases import key_for
from tui.cli.say import _say_busy, _say_resumed


def open_database(args: argparse.Namespace, path: Path, *, writing: bool = False,
                  **options: object) -> Database:
    """Open the database at `path` for a command, unlocking it first when it is encrypted.
    A command that is `writing` backs the database up first (a hard link: milliseconds)."""
    sealer = key_for(args, path) if path.exists() else None
    options.setdefault("on_busy", _say_busy)
    options.setdefault("upgrading", _say_upgrading)
    db = Database.open(path, sealer=sealer, **options)  # type: ignore[arg-type]
    _say_resumed(db)
    for notice in db.upgrade_notices:  # what an upgrade on opening could not do by itself
        print(f"pulang: {notice}", file=sys.stderr)
    if writing:
        for notice in db.backup().notices:
            print(f"pulang: {notice}", file=sys.stderr)
    return db


def _say_upgrading(done: int, total: int) -> None:
    """While a database of an older schema is upgraded on opening, the records done: on a
    terminal, one line rewritten as they go; elsewhere, the last only."""
    line = "pulang: " + ngettext("Upgrading the database: {done} of {total} record…",
                                 "Upgrading the database: {done} of {total} records…",
                                 total).format(done=done, total=total)
    if sys.stderr.isatty():
        print("\r" + line, end="\n" if done == total else "", file=sys.stderr, flush=True)
    elif done == total:
        print(line, file=sys.stderr)
