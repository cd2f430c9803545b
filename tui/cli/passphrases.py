"""Passphrases: asked on the terminal, read from --passphrase-fd or taken from the environment
(PULANG_PASSPHRASE, PULANG_NEW_PASSPHRASE), and the key of an encrypted database they
unlock."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from store import ExitCode, PassphraseNeeded, PulangError, WrongPassphrase, _
from store.db import MIN_PASSPHRASE

MAX_TRIES = 5


class Passphrases:
    """Where passphrases come from: --passphrase-fd, else the environment, else the terminal.

    From a descriptor, each line is one passphrase, read in the order they are asked for
    (`passwd`: the current one, then the new one). Without any of these and without a
    terminal, PassphraseNeeded (exit 5) rather than a wait for input that never comes.
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self.fd: int | None = getattr(args, "passphrase_fd", None)
        self._lines: list[str] | None = None

    def _from_fd(self) -> str | None:
        if self.fd is None:
            return None
        if self._lines is None:
            chunks = []
            while chunk := os.read(self.fd, 65536):
                chunks.append(chunk)
            self._lines = b"".join(chunks).decode("utf-8").splitlines()
        return self._lines.pop(0) if self._lines else None

    @staticmethod
    def interactive() -> bool:
        return sys.stdin.isatty()

    def current(self, path: Path, attempt: int = 0) -> str:
        given = self._from_fd()
        if given is None and self.fd is None and attempt == 0:
            given = os.environ.get("PULANG_PASSPHRASE")
        if given is not None:
            return given
        if not self.interactive() or self.fd is not None:
            raise PassphraseNeeded(path)
        return getpass.getpass(_("Passphrase for {path}: ").format(path=path))

    def new(self, path: Path) -> str:
        given = self._from_fd()
        if given is None and self.fd is None:
            given = os.environ.get("PULANG_NEW_PASSPHRASE")
        if given is None:
            if not self.interactive() or self.fd is not None:
                raise PulangError(_("No new passphrase: there is no terminal to ask on. Set "
                                    "PULANG_NEW_PASSPHRASE or use --passphrase-fd N."))
            given = getpass.getpass(_("New passphrase: "))
            again = getpass.getpass(_("The new passphrase again: "))
            if given != again:
                raise PulangError(_("The two passphrases differ. Nothing was changed."))
        if len(given) < MIN_PASSPHRASE:
            raise PulangError(_("The passphrase is too short: use at least {count} characters "
                                "(a few words are easy to remember and hard to guess). "
                                "Nothing was changed.").format(count=MIN_PASSPHRASE))
        return given

    def is_scripted(self) -> bool:
        return self.fd is not None or "PULANG_PASSPHRASE" in os.environ


def key_for(args: argparse.Namespace, path: Path, passphrases: Passphrases | None = None) -> object:
    """The unlocked key of the database at `path` (None when it is not encrypted); asks on the
    terminal up to five times, once from a script."""
    # Imported here, not at the top: `pulang` imports this module before the app's first frame,
    # and store.db.database (pydantic, TinyDB) would cost that frame about 200 ms (measured);
    # the app loads it after its first frame, in a worker thread.
    from store.db import unlock

    try:
        return unlock(path, None)
    except PulangError as needed:
        if needed.exit_code != ExitCode.NEEDS_CONFIRMATION:
            raise
    source = passphrases or Passphrases(args)
    for attempt in range(MAX_TRIES):
        try:
            return unlock(path, source.current(path, attempt))
        except WrongPassphrase as wrong:
            if source.is_scripted() or not source.interactive() or attempt == MAX_TRIES - 1:
                raise
            print(f"pulang: {wrong}", file=sys.stderr)
    raise AssertionError("unreachable")
