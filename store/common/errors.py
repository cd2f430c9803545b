"""Domain errors, each with a message a union officer understands, and the one table of exit codes.

Every subcommand of the command line exits with a code from `ExitCode`; an error raised here
carries the code it maps to, so the command line never has to guess.
"""

from __future__ import annotations

import datetime as dt
import errno
import shlex
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from store.common.i18n import _, format_datetime, ngettext


class ExitCode(IntEnum):
    """The exit codes of every `pulang` subcommand, now and later (documented in the README)."""

    OK = 0
    PROBLEMS = 1  # the command ran and found problems (listed)
    UNREADABLE = 2  # file unreadable, foreign, corrupt or of a newer schema
    WRONG_PASSPHRASE = 3
    BUSY = 4  # database busy (another process holds the lock)
    NEEDS_CONFIRMATION = 5  # confirmation needed but no terminal to ask on
    HUB = 6  # the sync's hub could not be reached, or refused (credentials, full, no database)
    USAGE = 64  # usage error (argparse's own exit 2 is overridden)


class PulangError(Exception):
    """Base of every error the user can cause; `str()` is the translated message."""

    exit_code: ExitCode = ExitCode.PROBLEMS


class DatabaseError(PulangError):
    """The database file cannot be used; it is never written."""

    exit_code = ExitCode.UNREADABLE

    def __init__(self, path: object, message: str) -> None:
        self.path = str(path)
        super().__init__(message)


class NotADatabase(DatabaseError):
    pass


class CorruptDatabase(DatabaseError):
    pass


class NewerSchema(DatabaseError):
    pass


class MissingDatabase(DatabaseError):
    pass


class MissingFolder(MissingDatabase):
    """The folder a new database was to go in does not exist: nothing is created, and the
    message says how to create it (private) or to choose another place."""

    def __init__(self, path: object) -> None:
        import os

        folder = os.path.dirname(os.path.abspath(str(path)))
        quoted = shlex.quote(folder)
        super().__init__(
            path,
            _("The folder {folder} does not exist: create it with `mkdir -p {quoted}` (Pulang "
              "keeps it private: `chmod 700 {quoted}`), or give another --db.").format(
                folder=folder, quoted=quoted),
        )


class MigrationFailed(DatabaseError):
    pass


class OpenToOthers(DatabaseError):
    """Anyone on the machine can read or change the database's files: refused until fixed.

    Pulang never loosens or tightens a mode on its own at open: the user fixes it, knowingly.
    """

    def __init__(self, path: object, files: Sequence[object]) -> None:
        names = " ".join(str(f) for f in files)
        command = "chmod o-rwx " + " ".join(shlex.quote(str(f)) for f in files)
        super().__init__(
            path,
            _("Anyone on this computer can read or change {files}; Pulang will not open the "
              "database until you run: {command}").format(files=names, command=command),
        )


class DatabaseBusy(PulangError):
    """Another Pulang process holds the database's lock for longer than we can wait."""

    exit_code = ExitCode.BUSY

    def __init__(self, path: object) -> None:
        self.path = str(path)
        super().__init__(
            _("{path} is busy: another Pulang is saving to it. Try again in a moment.").format(
                path=path
            )
        )


def busy_retrying() -> str:
    """What the user hears while a save waits for another officer's to finish."""
    return _("Database busy: another officer is saving. Retrying…")


class WriteFailed(PulangError):
    """A save could not be completed; the file on disk is unchanged."""

    exit_code = ExitCode.PROBLEMS

    def __init__(self, reason: str, message: str | None = None) -> None:
        self.reason = reason
        super().__init__(message or _("Could not save: {reason}. Nothing was changed on disk.")
                         .format(reason=reason))

    @classmethod
    def from_os_error(cls, error: OSError) -> WriteFailed:
        return cls(failure_reason(error))


def failure_reason(error: OSError) -> str:
    """Why a write failed, in the user's words."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full")
    if error.errno == errno.EROFS:
        return _("the disk is read-only")
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("permission denied")
    return error.strerror or type(error).__name__


class NotCompacted(WriteFailed):
    """Closing could not fold the journal into the snapshot; every saved change is in the
    journal and the next close tries again."""

    def __init__(self, path: object, journal: object, reason: str) -> None:
        super().__init__(
            reason,
            _("Every change was saved, in {journal}, but Pulang could not tidy {path} up on "
              "closing: {reason}. It tries again next time.").format(
                journal=journal, path=path, reason=reason),
        )


class AuditGapLost(WriteFailed):
    """Changes saved while the audit trail could not be written, and it still could not be when
    the database was closed: the trail does not show them, and nothing else will say so."""

    def __init__(self, trail: object, count: int, records: str, reason: str) -> None:
        super().__init__(reason, ngettext(
            "{count} change was saved, but it is not in the audit trail {path}, which could "
            "not be written ({reason}); tell whoever checks the trail: {records}.",
            "{count} changes were saved, but they are not in the audit trail {path}, which "
            "could not be written ({reason}); tell whoever checks the trail: {records}.",
            count).format(count=count, path=trail, reason=reason, records=records))


class UsageError(PulangError):
    """The command was asked for something that cannot be done as asked; nothing was written."""

    exit_code = ExitCode.USAGE


class OwnFileRefused(UsageError):
    """An export or a brief asked to be written over one of the database's own files
    (`store.engine.journal.is_database_file`): never done, whatever the flags."""

    def __init__(self, path: object, db_path: object) -> None:
        self.path = str(path)
        super().__init__(
            _("{path} is one of the files of the database {db}, or is named like them: "
              "Pulang never writes an export or a brief there. Choose another name; nothing "
              "was written.").format(path=path, db=db_path))


class GroupError(UsageError):
    """A group to share a database with that does not exist or that the user is not in."""


class RecordInvalid(PulangError):
    """A record was refused; `errors` maps each field name to the reason, in the user's terms."""

    def __init__(self, errors: dict[str, str], labels: dict[str, str] | None = None) -> None:
        self.errors = errors
        labels = labels or {}
        parts = [f"{labels.get(name, name)}: {message}" for name, message in errors.items()]
        super().__init__("; ".join(parts))


class DamagedRecord(PulangError):
    """A stored record no longer passes validation: something outside Pulang changed it."""

    def __init__(self) -> None:
        super().__init__(
            _("A record here is damaged and cannot be shown. Run `pulang check` to find it.")
        )


class NotFound(PulangError):
    def __init__(self, what: str) -> None:
        super().__init__(_("Not found: {what}").format(what=what))


class Conflict(PulangError):
    """Someone saved (or removed) the record since it was opened; nothing was overwritten.

    `theirs` is the record as it is stored now (None: it was removed), `mine` the record the
    user tried to save (None for a removal), `by` the user who changed or removed it and `at`
    when (either may be unknown: "" and None). The message names who and when, never a value.
    """

    def __init__(self, kind: str = "", record_id: str = "", *, theirs: Any = None,
                 mine: Any = None, by: str = "", at: dt.datetime | None = None) -> None:
        self.kind = kind  # "cases", "workers" or "log"
        self.record_id = record_id
        self.theirs = theirs
        self.mine = mine
        self.by = by
        self.at = at
        removed = theirs is None and bool(record_id)
        if by and at is not None:
            when = format_datetime(at)
            if removed:
                message = _("Removed by {user} at {time} since you opened it; nothing was "
                            "overwritten.").format(user=by, time=when)
            else:
                message = _("Changed by {user} at {time} since you opened it; nothing was "
                            "overwritten.").format(user=by, time=when)
        elif removed:
            message = _("Removed by another officer since you opened it; nothing was "
                        "overwritten.")
        else:
            message = _("Changed by another officer since you opened it; nothing was "
                        "overwritten.")
        super().__init__(message)

    @property
    def removed(self) -> bool:
        """The record is gone: the choices are saving it again, as new, or letting it go."""
        return self.theirs is None


class WrongPassphrase(PulangError):
    """The passphrase does not open this encrypted database; nothing was written."""

    exit_code = ExitCode.WRONG_PASSPHRASE

    def __init__(self, path: object, changed: bool = False) -> None:
        self.path = str(path)
        self.changed = changed
        if changed:
            message = _("The passphrase of {path} was changed since it was opened here; "
                        "unlock it with the new one.").format(path=path)
        else:
            message = _("Wrong passphrase for {path}. Nothing was changed.").format(path=path)
        super().__init__(message)


class PassphraseNeeded(PulangError):
    """An encrypted database, and no terminal or PULANG_PASSPHRASE to get the passphrase from."""

    exit_code = ExitCode.NEEDS_CONFIRMATION

    def __init__(self, path: object) -> None:
        self.path = str(path)
        super().__init__(
            _("{path} is encrypted and there is no terminal to ask for its passphrase on. Use "
              "--passphrase-fd N or PULANG_PASSPHRASE (see README).").format(path=path)
        )


class DatabaseLocked(PulangError):
    """The app is locked: the records and the key were dropped from memory."""

    def __init__(self) -> None:
        super().__init__(_("Pulang is locked. Unlock it with the passphrase first."))


class NoSuchBackup(PulangError):
    """The backup asked for is not there (or is not a backup): nothing was changed."""

    exit_code = ExitCode.UNREADABLE


class ConfirmationNeeded(PulangError):
    """A change that asks first, and no terminal to ask on (and no --yes): nothing was changed."""

    exit_code = ExitCode.NEEDS_CONFIRMATION


class PlaintextNeeded(ConfirmationNeeded):
    """Plain text from an encrypted database (an export with personal data, a brief) without
    --plaintext: the same refusal, and exit code, for every command. Nothing was written."""


class ReplaceNeeded(ConfirmationNeeded):
    """An output file that exists already, without --force: nothing was written."""


class RuleRefused(PulangError):
    """A rule of the domain says no; the message says which and what to do instead."""


class StepOrderRefused(RuleRefused):
    """A step marked done before the steps it depends on, without a reason recorded.

    `problems` maps each worker's id to the message for them; nothing was written."""

    def __init__(self, problems: dict[str, str], names: dict[str, str]) -> None:
        self.problems = problems
        first = next(iter(problems.values()))
        if len(problems) == 1:
            message = first
        else:
            message = _("{count} workers: {first}").format(count=len(problems), first=first)
        self.names = names
        super().__init__(message)


class CaseNotClosable(RuleRefused):
    """A case with a worker whose road home still has open steps."""


class StageReasonNeeded(RuleRefused):
    """A stage other than the one the workers' steps give, chosen without a reason."""


class ConsentNeeded(RuleRefused):
    """A referral naming workers whose consent does not cover that kind of recipient.

    `workers` maps their ids to their names; saving again with the override records it."""

    def __init__(self, workers: dict[str, str], kind_label: str) -> None:
        self.workers = workers
        super().__init__(
            _("{names}: no consent to share personal data with {kind}.").format(
                names=", ".join(workers.values()), kind=kind_label))


class NeverRecipient(RuleRefused):
    """Media and recruiters never receive a worker's personal data, whatever the consent."""


class LinkRefused(RuleRefused):
    """A record names another that does not exist (a removed organisation, a typo'd id)."""


class StillLinked(RuleRefused):
    """An organisation or person still named elsewhere cannot be removed; merge it instead."""


class AgreementMoveRefused(RuleRefused):
    """An agreement moved to a status its lifecycle does not lead to from where it is."""


class VersionUnchanged(RuleRefused):
    """A new draft version whose text is the latest one's: no identical version is made."""

    def __init__(self, number: int) -> None:
        self.number = number
        super().__init__(_("Nothing changed: the text is the same as version {number}, so no "
                           "new version was made.").format(number=number))


class MergeRefused(RuleRefused):
    """Two records that cannot be merged (the same one, or one no longer there)."""


class InputFileUnreadable(PulangError):
    """A file given to a command to read (a list of workers) cannot be read."""

    exit_code = ExitCode.UNREADABLE
