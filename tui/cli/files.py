"""The commands on the database's files: check, encrypt, decrypt, passwd and share."""

from __future__ import annotations

import argparse
import sys
import time

from store import ExitCode, MissingDatabase, PulangError, _
from store.db import SCHEMA_VERSION, SHARE, Database, group_id, quick_inspect, share_database
from store.exchange import check_database
from tui.cli.opening import open_database
from tui.cli.passphrases import Passphrases, key_for
from tui.cli.say import _confirm, _db_path, _say, _say_busy, _say_resumed


def _encrypt(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    passphrases = Passphrases(args)
    with open_database(args, path) as db:
        if db.encrypted:
            raise PulangError(_("{path} is already encrypted. To change its passphrase, run "
                                "`pulang passwd`.").format(path=path))
        deleted = db.encrypt(passphrases.new(path))
    print(_("{path} is now encrypted. Keep the passphrase safe: without it nobody can read "
            "the data, and nobody can recover it.").format(path=path), file=sys.stderr)
    if deleted:
        print(_("{count} plain (unencrypted) backups were deleted; the next backup is "
                "encrypted.").format(count=deleted), file=sys.stderr)
    return int(ExitCode.OK)


def _decrypt(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    with open_database(args, path, writing=True) as db:
        if not db.encrypted:
            raise PulangError(_("{path} is not encrypted.").format(path=path))
        if not _confirm(_("Write {path} in plain text? Anyone who can read the file will be "
                          "able to read every record.").format(path=path), args.yes):
            print(_("Nothing was changed."), file=sys.stderr)
            return int(ExitCode.PROBLEMS)
        db.decrypt()
    print(_("{path} is now in plain text.").format(path=path), file=sys.stderr)
    return int(ExitCode.OK)


def _passwd(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    passphrases = Passphrases(args)
    if not path.exists():
        raise MissingDatabase(path, _("{path} does not exist.").format(path=path))
    sealer = key_for(args, path, passphrases)
    if sealer is None:
        raise PulangError(_("{path} is not encrypted: to encrypt it, run `pulang encrypt`.")
                          .format(path=path))
    with Database.open(path, sealer=sealer, on_busy=_say_busy) as db:  # type: ignore[arg-type]
        _say_resumed(db)
        for notice in db.backup().notices:  # sealed again with the new passphrase below
            print(f"pulang: {notice}", file=sys.stderr)
        db.change_passphrase(passphrases.new(path))
    print(_("The passphrase of {path} was changed.").format(path=path), file=sys.stderr)
    return int(ExitCode.OK)


def _share(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    gid = group_id(args.group)
    if path.exists():
        quick_inspect(path, SCHEMA_VERSION)  # a file that is not a database is not touched
        with open_database(args, path, writing=True) as db:
            db.audit_event(SHARE, note=args.group)  # recorded first: what cannot be, is not done
    advice = share_database(path, gid, on_wait=_say_busy)
    print(_("{path} is shared with the group {group}: its files are mode 0660.").format(
        path=path, group=args.group))
    for line in advice:
        print(f"pulang: {line}", file=sys.stderr)
    return int(ExitCode.PROBLEMS if advice else ExitCode.OK)


def _check(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    with open_database(args, path) as db:
        shown = _Progress() if sys.stderr.isatty() else None
        try:
            problems = check_database(db, shown)
        finally:
            if shown is not None:
                shown.clear()
    if not problems:
        _say(_("{path}: sound, no problems found.").format(path=path))
        return int(ExitCode.OK)
    for problem in problems:
        _say(str(problem))
    faults = [p for p in problems if not p.warning]
    if not faults:  # only warnings: said, and the database is sound
        _say(_("{path}: sound, {count} warnings above.").format(path=path,
                                                                 count=len(problems)))
        return int(ExitCode.OK)
    _say(_("{count} problems found in {path}.").format(count=len(faults), path=path),
         to_stderr=True)
    return int(ExitCode.PROBLEMS)


class _Progress:
    """On a terminal (stderr), once the check has taken more than a moment: one line rewritten
    as the records of each kind are checked; gone when it ends, before what it found is said.
    Nothing when stderr is not a terminal (a script or a log reads only the result)."""

    DELAY = 0.5  # seconds: a small database is checked before anything is shown

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.width = 0

    def __call__(self, kind: str, done: int, total: int) -> None:
        if time.monotonic() - self.start < self.DELAY:
            return
        line = _("Checking records: {kind}, {done} of {total}").format(
            kind=kind, done=done, total=total)
        print("\r" + line.ljust(self.width), end="", file=sys.stderr, flush=True)
        self.width = max(self.width, len(line))

    def clear(self) -> None:
        if self.width:
            print("\r" + " " * self.width + "\r", end="", file=sys.stderr, flush=True)
