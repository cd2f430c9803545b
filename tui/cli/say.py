"""What every command shares: saying a line (control characters shown, never sent to the
terminal), failing with an exit code, asking to confirm, the database's path, and what opening
a database said (busy, resumed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from store import ConfirmationNeeded, ExitCode, _, busy_retrying, is_yes
from store.db import default_db_path
from store.domain import printable

if TYPE_CHECKING:
    from store.db import Database


def _say(message: str, to_stderr: bool = False) -> None:
    """Print one line; what it quotes (a path, a record's reference) may hold anything, so a
    control character is shown as � and never reaches the terminal."""
    print(printable(message), file=sys.stderr if to_stderr else sys.stdout)


def _fail(message: str, code: ExitCode) -> int:
    _say(f"pulang: {message}", to_stderr=True)
    return int(code)


def _db_path(args: argparse.Namespace) -> tuple[Path, bool]:
    if args.db:
        return Path(args.db).expanduser(), True
    return default_db_path(), False


def _say_busy() -> None:
    print(f"pulang: {busy_retrying()}", file=sys.stderr)


def _say_resumed(db: Database) -> None:
    """What opening finished of an encrypt or passwd that was interrupted
    (store.engine.unfinished)."""
    for line in db.resumed:
        _say(f"pulang: {line}", to_stderr=True)


def _confirm(question: str, yes: bool) -> bool:
    """Ask a yes/no question on the terminal; with --yes, yes; with no terminal, exit 5."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise ConfirmationNeeded(_("This needs your confirmation and there is no terminal to "
                                   "ask on. Run it again with --yes."))
    answer = input(question + " [" + _("y/N") + "] ").strip().lower()
    return is_yes(answer)  # y, yes, ya, បាទ... in any language Pulang reads
