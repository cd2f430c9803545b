"""The `pulang` command line. Every subcommand exits with a code from
`store.common.errors.ExitCode`."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from store import (
    N_,
    DatabaseError,
    ExitCode,
    PlaintextNeeded,
    PulangError,
    _,
    language_from_environment,
    plural,
    set_language,
)
from store.domain import printable

if TYPE_CHECKING:
    from store.db import AuditEntry, Database
    from store.domain import RecipientKind


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pulang")
    except PackageNotFoundError:
        return "unknown"


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for: reading the package metadata costs tens of
    milliseconds, on every start, before the first frame."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"pulang {_version()}")
        parser.exit()


# argparse's titles of its groups of arguments, translated by `_HelpFormatter`.
ARGPARSE_TITLES = (N_("positional arguments"), N_("options"))


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help with its own words ("usage:", "options:") in the user's language."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        # argparse's group titles, "positional arguments" and "options".
        super().start_section(_(heading) if heading else heading)


class _Parser(argparse.ArgumentParser):
    """argparse, but in the user's language (argparse's own words come from gettext's
    catalogues, which Pulang does not use) and a usage error exits with ExitCode.USAGE (64),
    not argparse's own 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)
        if self.add_help:
            self._option_string_actions["-h"].help = _("show this help message and exit")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, printable(f"pulang: {_('error')}: {message}") + "\n")


def _common(suppress: bool) -> argparse.ArgumentParser:
    """--db and --lang, accepted before or after the subcommand."""
    common = _Parser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    common.add_argument("--db", metavar="PATH", default=default,
                        help=_("the database file (default: $PULANG_DB, else pulang.json in "
                               "your data folder)"))
    common.add_argument("--lang", choices=["en", "id"], default=default,
                        help=_("language: en or id (default: from LANG)"))
    common.add_argument("--passphrase-fd", metavar="N", type=int, default=default,
                        help=_("read the passphrase from file descriptor N instead of asking "
                               "(for scripts; see README for the risks)"))
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pulang",
        parents=[_common(suppress=False)],
        description=_("Pulang: track workers exploited across borders until each is safe home."),
        epilog=_("Exit codes: 0 ok; 1 problems found; 2 file unreadable, foreign or of a newer "
                 "schema; 3 wrong passphrase; 4 database busy; 5 confirmation needed and not given "
                 "(no terminal to ask on, or --plaintext or --force missing); 64 usage "
                 "error."),
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help=_("show the version and exit"))
    parser.add_argument("--shared-group", metavar="GROUP",
                        help=_("when creating a new database: share it with this group of "
                               "officers (mode 0660)"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    demo = sub.add_parser("demo", parents=[_common(suppress=True)],
                          help=_("open a demo database built from the news item"),
                          description=_("Write a demo database (its own file, never your real "
                                        "one) and open it. Run again, it reopens the demo as "
                                        "it is."))
    demo.add_argument("--no-open", action="store_true",
                      help=_("write the demo database but do not open the app"))
    demo.add_argument("--force", action="store_true",
                      help=_("with --db: rebuild the file if it is a demo database"))
    demo.add_argument("--reset", action="store_true",
                      help=_("start the demo afresh, throwing away changes made in it"))
    sub.add_parser("encrypt", parents=[_common(suppress=True)],
                   help=_("encrypt the database with a passphrase"),
                   description=_("Rewrite the database encrypted with a passphrase you choose "
                                 "(asked twice, not shown). Without the passphrase nobody can "
                                 "read it, and nobody can recover it either."))
    decrypt = sub.add_parser("decrypt", parents=[_common(suppress=True)],
                             help=_("rewrite an encrypted database in plain text"),
                             description=_("Rewrite an encrypted database in plain text, after "
                                           "asking you to confirm."))
    decrypt.add_argument("--yes", action="store_true",
                         help=_("do not ask for confirmation (for scripts)"))
    sub.add_parser("passwd", parents=[_common(suppress=True)],
                   help=_("change the passphrase of an encrypted database"),
                   description=_("Change the passphrase of an encrypted database: the current "
                                 "one, then the new one twice."))
    demo.add_argument("--shared-group", metavar="GROUP",
                      help=_("when writing the demo database: share it with this group"))
    sub.add_parser("check", parents=[_common(suppress=True)],
                   help=_("validate every record and reference"),
                   description=_("Validate every record and reference, and the audit "
                                 "trail's chain (as audit --verify). Exit 0 when sound, 1 when "
                                 "problems were found (listed), 2 when the file cannot be read "
                                 "as a Pulang database."))
    audit = sub.add_parser(
        "audit", parents=[_common(suppress=True)],
        help=_("list who changed what, and when; --verify checks the trail"),
        description=_("List the audit trail, oldest first: when, who (and from where), what "
                      "was done to which record, and which fields changed. Values of personal "
                      "and sensitive fields are never recorded, only that they changed. "
                      "--verify exits 0 when the trail is intact, 1 naming its first broken "
                      "entry, or the changes it records as saved without their entries."))
    audit.add_argument("--verify", action="store_true",
                       help=_("check the hash chain of the trail instead of listing it"))
    audit.add_argument("--record", metavar="ID",
                       help=_("only the history of this record (an id, or a case reference "
                              "for the case with its workers and log)"))
    sub.add_parser("backups", parents=[_common(suppress=True)],
                   help=_("list the backups of the database"),
                   description=_("List the backups kept beside the database, newest first. "
                                 "Backups taken before an erasure that is old enough are "
                                 "deleted first."))
    restore = sub.add_parser("restore", parents=[_common(suppress=True)],
                             help=_("put a backup back (asks first)"),
                             description=_("Put a backup back as the database, after backing "
                                           "up its present state. Asks first; without a "
                                           "terminal, only with --yes (else exit 5)."))
    restore.add_argument("backup", metavar="BACKUP",
                         help=_("the backup's number in `pulang backups`, or its file"))
    restore.add_argument("--yes", action="store_true",
                         help=_("restore without asking"))
    share = sub.add_parser("share", parents=[_common(suppress=True)],
                           help=_("share a database with a group of officers on this server"),
                           description=_("Give the database, its journal, lock file, audit "
                                         "trail and backups a group and mode 0660, and its "
                                         "folder the group and the setgid bit, so that every "
                                         "officer in the group can open and save it."))
    share.add_argument("--group", metavar="GROUP", required=True,
                       help=_("the group of officers' accounts"))
    workers = sub.add_parser(
        "import-workers", parents=[_common(suppress=True)],
        help=_("add a list of workers from a CSV file to a case"),
        description=_("Read a list of workers (CSV as spreadsheets write it, with commas or "
                      "semicolons, in UTF-8, Windows-1252 or Latin-1, with an English or "
                      "Indonesian header; or one name a line) and add it to a case. Every row "
                      "is checked first and its problems listed; nothing is written until you "
                      "confirm, and then all the rows without problems go in at once. Exit 0 "
                      "when every row went in (or would, with --dry-run), 1 when rows were "
                      "left out."))
    workers.add_argument("file", metavar="FILE", help=_("the CSV or text file"))
    workers.add_argument("--case", metavar="REF", required=True,
                         help=_("the case's reference, e.g. KH-2025-0001"))
    workers.add_argument("--dry-run", action="store_true",
                         help=_("check and show the rows, write nothing"))
    workers.add_argument("--yes", action="store_true",
                         help=_("add the rows without problems without asking (for scripts)"))
    workers.add_argument("--left-out", metavar="PATH",
                         help=_("write the rows left out, with why, to this CSV file (mode "
                                "0600), to fix and import again (not with --dry-run)"))
    workers.add_argument("--force", action="store_true",
                         help=_("replace the --left-out file if it exists"))
    workers.add_argument("--map", metavar="COLUMN=FIELD", action="append", default=[],
                         type=_map_choice,
                         help=_("put a column (its header, number or letter) into a worker "
                                "field, e.g. --map \"Asal (Kab/Kota)\"=home_district, or "
                                "=notes, or =skip to leave it out; repeatable. A column that "
                                "holds data and fills no field is warned about"))
    export = sub.add_parser(
        "export", parents=[_common(suppress=True)],
        help=_("export the database as json, csv or htcds statistics"),
        description=_("json: every record with its id, version and timestamps, a backup that "
                      "`pulang import` reads back (it holds personal data). csv: one file per "
                      "kind of record, in a folder or a .zip, personal and sensitive fields left "
                      "out unless --include-personal. htcds: one row per worker in the HTCDS / "
                      "CTDC columns, k-anonymised, only workers whose consent covers "
                      "statistics. Files are created readable by you only; every export is "
                      "written to the audit trail."))
    export.add_argument("--format", choices=["json", "csv", "htcds"], required=True,
                        help=_("json, csv or htcds"))
    export.add_argument("--out", metavar="PATH",
                        help=_("the file (csv: a folder, or a file ending in .zip); needed for "
                               "anything with personal data"))
    export.add_argument("--include-personal", action="store_true",
                        help=_("csv: include personal and sensitive fields (asks first)"))
    export.add_argument("--plaintext", action="store_true",
                        help=_("allow personal data from an encrypted database to be written "
                               "unencrypted"))
    export.add_argument("--yes", action="store_true",
                        help=_("do not ask for confirmation (for scripts)"))
    export.add_argument("--force", action="store_true",
                        help=_("replace the file (csv: the files in the folder) if it exists"))
    export.add_argument("--k", type=int, default=11, metavar="K",
                        help=_("htcds: every combination of gender, age band, citizenship, "
                               "country of exploitation and year is shared by at least K rows "
                               "(default 11, as CTDC publishes)"))
    restore_json = sub.add_parser(
        "import", parents=[_common(suppress=True)],
        help=_("read a json export into a new, empty database"),
        description=_("Read a json export (`pulang export --format json`) into a new, empty "
                      "database, keeping every id, version and timestamp. Exit 2 when the file "
                      "is not a Pulang export or is of a newer version; 1 when the database is "
                      "not empty."))
    restore_json.add_argument("file", metavar="FILE", help=_("the json export"))
    report = sub.add_parser(
        "report", parents=[_common(suppress=True)],
        help=_("print the figures: cases by stage, workers by step, returns"),
        description=_("Print the figures of the database, without personal data: cases by "
                      "stage, workers by step on the road home, by destination country and "
                      "by origin province (provinces with fewer than 5 workers merged), new "
                      "cases per month, and the median days from report to return. Reads "
                      "only: nothing is written, not even a backup."))
    report.add_argument("--format", choices=["text", "json"], default="text",
                        help=_("text (aligned lines) or json (for scripts)"))
    brief = sub.add_parser(
        "brief", parents=[_common(suppress=True)],
        help=_("write a case brief for one kind of recipient"),
        description=_("Write a brief of a case for one kind of recipient (the embassy, a "
                      "partner union, the police...): the case's facts, each worker's step, "
                      "the open requests to that recipient and the recent log entries with "
                      "them. A worker's personal data is in it only when their consent covers "
                      "that kind of recipient. Recorded in the audit trail."))
    brief.add_argument("case", metavar="REF", help=_("the case's reference, e.g. KH-2025-0001"))
    brief.add_argument("--to", metavar="KIND", required=True,
                       choices=[kind.value for kind in _recipient_kinds()],
                       help=_("the kind of recipient: {kinds}").format(
                           kinds=", ".join(kind.value for kind in _recipient_kinds())))
    brief.add_argument("--out", metavar="PATH",
                       help=_("write PATH.md and PATH.html (mode 0600) instead of printing the "
                              "Markdown"))
    brief.add_argument("--force", action="store_true",
                       help=_("replace PATH.md and PATH.html if they exist"))
    brief.add_argument("--plaintext", action="store_true",
                       help=_("write the brief although the database is encrypted (the brief "
                              "is plain text)"))
    return parser


def _say(message: str, to_stderr: bool = False) -> None:
    """Print one line; what it quotes (a path, a record's reference) may hold anything, so a
    control character is shown as � and never reaches the terminal."""
    print(printable(message), file=sys.stderr if to_stderr else sys.stdout)


def _fail(message: str, code: ExitCode) -> int:
    _say(f"pulang: {message}", to_stderr=True)
    return int(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_hint(argv))
    args = build_parser().parse_args(argv)
    if args.lang:
        set_language(args.lang)
    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "check":
            return _check(args)
        if args.command == "encrypt":
            return _encrypt(args)
        if args.command == "decrypt":
            return _decrypt(args)
        if args.command == "passwd":
            return _passwd(args)
        if args.command == "audit":
            return _audit(args)
        if args.command == "backups":
            return _backups(args)
        if args.command == "restore":
            return _restore(args)
        if args.command == "share":
            return _share(args)
        if args.command == "import-workers":
            return _import_workers(args)
        if args.command == "export":
            return _export(args)
        if args.command == "import":
            return _import(args)
        if args.command == "report":
            return _report(args)
        if args.command == "brief":
            return _brief(args)
        return _open(args)
    except PulangError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return _fail(_("interrupted"), ExitCode.PROBLEMS)


def _language_hint(argv: list[str]) -> str:
    """The language to speak while parsing, so --help is already in it."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv) and argv[n + 1] in ("en", "id"):
            return argv[n + 1]
        if arg in ("--lang=en", "--lang=id"):
            return arg.split("=", 1)[1]
    return language_from_environment()


def _db_path(args: argparse.Namespace) -> tuple[Path, bool]:
    from store.db import default_db_path

    if args.db:
        return Path(args.db).expanduser(), True
    return default_db_path(), False


def _say_busy() -> None:
    from store import busy_retrying

    print(f"pulang: {busy_retrying()}", file=sys.stderr)


# -- passphrases ---------------------------------------------------------------------------

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
            import os

            chunks = []
            while chunk := os.read(self.fd, 65536):
                chunks.append(chunk)
            self._lines = b"".join(chunks).decode("utf-8").splitlines()
        return self._lines.pop(0) if self._lines else None

    @staticmethod
    def interactive() -> bool:
        return sys.stdin.isatty()

    def current(self, path: Path, attempt: int = 0) -> str:
        import os

        given = self._from_fd()
        if given is None and self.fd is None and attempt == 0:
            given = os.environ.get("PULANG_PASSPHRASE")
        if given is not None:
            return given
        if not self.interactive() or self.fd is not None:
            from store import PassphraseNeeded

            raise PassphraseNeeded(path)
        import getpass

        return getpass.getpass(_("Passphrase for {path}: ").format(path=path))

    def new(self, path: Path) -> str:
        import os

        given = self._from_fd()
        if given is None and self.fd is None:
            given = os.environ.get("PULANG_NEW_PASSPHRASE")
        if given is None:
            if not self.interactive() or self.fd is not None:
                raise PulangError(_("No new passphrase: there is no terminal to ask on. Set "
                                    "PULANG_NEW_PASSPHRASE or use --passphrase-fd N."))
            import getpass

            given = getpass.getpass(_("New passphrase: "))
            again = getpass.getpass(_("The new passphrase again: "))
            if given != again:
                raise PulangError(_("The two passphrases differ. Nothing was changed."))
        from store.db import MIN_PASSPHRASE

        if len(given) < MIN_PASSPHRASE:
            raise PulangError(_("The passphrase is too short: use at least {count} characters "
                                "(a few words are easy to remember and hard to guess). "
                                "Nothing was changed.").format(count=MIN_PASSPHRASE))
        return given

    def is_scripted(self) -> bool:
        import os

        return self.fd is not None or "PULANG_PASSPHRASE" in os.environ


def key_for(args: argparse.Namespace, path: Path, passphrases: Passphrases | None = None) -> object:
    """The unlocked key of the database at `path` (None when it is not encrypted); asks on the
    terminal up to five times, once from a script."""
    from store import WrongPassphrase
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


def open_database(args: argparse.Namespace, path: Path, *, writing: bool = False,
                  **options: object) -> Database:
    """Open the database at `path` for a command, unlocking it first when it is encrypted.
    A command that is `writing` backs the database up first (a hard link: milliseconds)."""
    from store.db import Database

    sealer = key_for(args, path) if path.exists() else None
    options.setdefault("on_busy", _say_busy)
    db = Database.open(path, sealer=sealer, **options)  # type: ignore[arg-type]
    _say_resumed(db)
    for notice in db.upgrade_notices:  # what an upgrade on opening could not do by itself
        print(f"pulang: {notice}", file=sys.stderr)
    if writing:
        for notice in db.backup().notices:
            print(f"pulang: {notice}", file=sys.stderr)
    return db


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
        from store import ConfirmationNeeded

        raise ConfirmationNeeded(_("This needs your confirmation and there is no terminal to "
                                   "ask on. Run it again with --yes."))
    answer = input(f"{question} [{_('y/N')}] ").strip().lower()
    return answer in ("y", "yes", "ya")


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
    from store.db import Database

    if not path.exists():
        from store import MissingDatabase

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


def _run_app(source: object, create: bool = False, sealer: object = None) -> int:
    """Run the app on an open database, or on a path it opens after the first frame."""
    from store.db import needs_officer_name
    from tui.app import PulangApp

    path = Path(getattr(source, "path", source))  # type: ignore[arg-type]
    app = PulangApp(source, create=create, sealer=sealer,  # type: ignore[arg-type]
                    ask_officer=needs_officer_name(path))
    try:
        app.run()
    finally:
        if app.db is not None:
            app.db.on_busy = _say_busy  # the screen is gone: the close speaks on stderr
            if app.db is not source:
                app.db.close()
    if app.load_error is not None:
        raise app.load_error
    return app.return_code or 0


def _open(args: argparse.Namespace) -> int:
    from store.db import SCHEMA_VERSION, ensure_private_folder, quick_inspect, refuse_open_to_others

    path, explicit = _db_path(args)
    exists = path.exists() or path.is_symlink()
    sealer = None
    if exists and args.shared_group:
        _already_exists(path, args.shared_group)
    if exists:
        # Say no before the screen is taken over; the full check follows as it loads.
        refuse_open_to_others(path)
        quick_inspect(path, SCHEMA_VERSION)
        if Passphrases(args).is_scripted():
            sealer = key_for(args, path)  # else the app asks on its unlock screen
    elif not explicit:
        ensure_private_folder(path.parent)
    elif not path.parent.is_dir():
        from store import MissingFolder

        raise MissingFolder(path)  # said before the screen is taken over
    if args.shared_group:
        db = _create_shared(path, args.shared_group, demo=False)
        try:
            return _run_app(db)
        finally:
            db.close()
    return _run_app(path, create=not exists, sealer=sealer)


def _already_exists(path: Path, group: str) -> NoReturn:
    from store import UsageError

    raise UsageError(_("{path} already exists; to share it, run: pulang share --group {group} "
                       "--db {path}").format(path=path, group=group))


def _create_shared(path: Path, group: str, demo: bool) -> Database:
    """A new database shared with `group`; what the administrator must still do is said."""
    from store.db import Database, group_id, share_database
    from store.exchange import write_demo

    gid = group_id(group)  # before anything is written: a wrong group leaves no file behind
    db = write_demo(path) if demo else Database.open(path, create=True)
    try:
        for advice in share_database(path, gid, on_wait=_say_busy):
            print(f"pulang: {advice}", file=sys.stderr)
    except BaseException:
        db.close()
        raise
    return db


def _share(args: argparse.Namespace) -> int:
    from store.db import group_id, share_database

    path, _explicit = _db_path(args)
    gid = group_id(args.group)
    if path.exists():
        from store.db import SCHEMA_VERSION, SHARE, quick_inspect

        quick_inspect(path, SCHEMA_VERSION)  # a file that is not a database is not touched
        with open_database(args, path, writing=True) as db:
            db.audit_event(SHARE, note=args.group)  # recorded first: what cannot be, is not done
    advice = share_database(path, gid, on_wait=_say_busy)
    print(_("{path} is shared with the group {group}: its files are mode 0660.").format(
        path=path, group=args.group))
    for line in advice:
        print(f"pulang: {line}", file=sys.stderr)
    return int(ExitCode.PROBLEMS if advice else ExitCode.OK)


def _demo(args: argparse.Namespace) -> int:
    from store.db import demo_db_path, ensure_private_folder, group_id, remove_database_files

    if args.shared_group:
        group_id(args.shared_group)  # a wrong group is said before anything is removed
    if args.db:
        path = Path(args.db).expanduser()
        rebuild = args.force or args.reset
    else:
        path = demo_db_path()
        ensure_private_folder(path.parent)
        rebuild = args.reset
    if path.exists() and args.shared_group and not rebuild:
        _already_exists(path, args.shared_group)
    if path.exists():
        # Refuses a damaged or foreign file, and writes nothing.
        existing = open_database(args, path)
        if not existing.is_demo:
            existing.close()
            raise DatabaseError(
                path,
                _("{path} is not a demo database; the demo will not overwrite it.").format(
                    path=path
                ),
            )
        if rebuild:
            existing.close()
            remove_database_files(path)
            db = _new_demo(path, args.shared_group)
            _say(_("Demo database rebuilt: {path}").format(path=path), to_stderr=True)
        else:
            db = existing
            _say(_("Reopening the demo database as it is: {path} (--reset starts afresh)")
                 .format(path=path), to_stderr=True)
    else:
        db = _new_demo(path, args.shared_group)
        _say(_("Demo database written: {path}").format(path=path), to_stderr=True)
    db.on_busy = _say_busy
    try:
        if args.no_open:
            return int(ExitCode.OK)
        return _run_app(db, sealer=db._engine.sealer)
    finally:
        db.close()


def _new_demo(path: Path, group: str | None) -> Database:
    from store.exchange import write_demo

    return _create_shared(path, group, demo=True) if group else write_demo(path)


def _check(args: argparse.Namespace) -> int:
    from store.exchange import check_database

    path, _explicit = _db_path(args)
    with open_database(args, path) as db:
        problems = check_database(db)
    if not problems:
        _say(_("{path}: sound, no problems found.").format(path=path))
        return int(ExitCode.OK)
    for problem in problems:
        _say(str(problem))
    _say(_("{count} problems found in {path}.").format(count=len(problems), path=path),
         to_stderr=True)
    return int(ExitCode.PROBLEMS)


def _audit(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    with open_database(args, path) as db:
        if args.verify:
            result = db.verify_audit()
            print(printable(result.describe(), multiline=True))
            return int(ExitCode.OK if result.complete else ExitCode.PROBLEMS)
        if args.record:
            case = db.case_by_ref(args.record)
            entries = db.history(case.id if case is not None else args.record.strip())
            unreadable: list[int] = []
        else:
            trail = db.audit_trail()
            entries, unreadable = trail.entries, trail.unreadable
    try:
        for entry in entries:
            print(printable(_audit_line(entry)))  # the trail is a file: it may hold anything
        sys.stdout.flush()
    except BrokenPipeError:  # piped into `head`, which has seen enough
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.OK)
    if unreadable:
        print(_("{count} entries could not be read; `pulang audit --verify` says why.").format(
            count=len(unreadable)), file=sys.stderr)
        return int(ExitCode.PROBLEMS)
    return int(ExitCode.OK)


def _audit_line(entry: AuditEntry) -> str:
    """One entry on one line: local time, who@from, action, record, fields changed."""
    when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    parts = [when, entry.who_from, entry.action_label]
    if entry.table:
        record = entry.ref or ""
        if entry.record and entry.table != "cases":
            record = f"{record} {entry.record[:8]}".strip()
        elif not record and entry.record:
            record = entry.record[:8]
        parts.append(f"{entry.table_label} {record}".strip())
    line = "  ".join(parts)
    changes = entry.changes()
    if changes:
        line += "  " + "; ".join(changes)
    if entry.note:
        line += f"  ({entry.note})"
    return line
def _backups(args: argparse.Namespace) -> int:
    from store.db import (
        ERASED_BACKUP_DAYS,
        backups_folder,
        format_size,
        list_backups,
        prune_backups,
    )

    path, _explicit = _db_path(args)
    removed = prune_backups(path)
    if removed:
        print(_("Deleted {count} backups taken before an erasure more than {days} days "
                "ago.").format(count=len(removed), days=ERASED_BACKUP_DAYS),
              file=sys.stderr)
    listed = list_backups(path)
    if not listed:
        print(_("No backups of {path} yet.").format(path=path))
        return int(ExitCode.OK)
    print(_("Backups of {path}, newest first, in {folder}:").format(
        path=path, folder=backups_folder(path)))
    width = max(len(backup.reason_label) for backup in listed)
    for number, backup in enumerate(listed, start=1):
        sealed = _("encrypted") if backup.encrypted else _("not encrypted")
        print(f"{number:>3}  {backup.when}  {backup.reason_label:<{width}}  "
              f"{format_size(backup.size):>7}  {sealed}")
    print(_("To put one back: pulang restore NUMBER"))
    return int(ExitCode.OK)


def _restore(args: argparse.Namespace) -> int:
    from store import ConfirmationNeeded
    from store.db import check_backup, find_backup, restore_backup, restore_warnings

    path, _explicit = _db_path(args)
    backup = find_backup(path, args.backup)
    sealer = key_for(args, path) if path.exists() else None
    check_backup(backup, sealer)  # type: ignore[arg-type]
    if not args.yes and not sys.stdin.isatty():
        raise ConfirmationNeeded(
            _("Restoring replaces the database and there is no terminal to ask on; add --yes "
              "to restore anyway. Nothing was changed."))
    for warning in restore_warnings(path, backup):
        print(f"pulang: {warning}", file=sys.stderr)
    if not args.yes:
        print(_("Put back the backup of {when} ({reason}) as {path}? The present state is kept "
                "as a backup. [y/N] ").format(when=backup.when, reason=backup.reason_label,
                                               path=path),
              end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes", "ya"):
            print(_("Nothing was restored."), file=sys.stderr)
            return int(ExitCode.PROBLEMS)
    if path.exists():
        from store.db import Database

        # Recorded before it happens: what cannot be recorded is not done.
        with Database.open(path, sealer=sealer) as db:  # type: ignore[arg-type]
            _say_resumed(db)
            db.audit_event("restore", note=backup.path.name)
    before = restore_backup(path, backup)
    print(_("Restored {path} from the backup of {when}.").format(path=path, when=backup.when))
    if before is not None:
        print(_("Its state before the restore is kept as backup 1 ({name}).").format(
            name=before.path.name))
    return int(ExitCode.OK)


def _map_choice(text: str) -> tuple[str, str]:
    """--map COLUMN=FIELD, checked as it is parsed: a usage error lists the fields."""
    from store import UsageError
    from store.exchange import map_choice

    try:
        return map_choice(text)
    except UsageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _import_workers(args: argparse.Namespace) -> int:
    from store.exchange import (
        FIELDS,
        SKIP,
        above_header_said,
        apply_choices,
        check_rows,
        column_said,
        guess_mapping,
        left_out_columns,
        read_file,
        read_list,
        rows_left_out_csv,
        workers_to_add,
    )

    if args.dry_run and args.left_out:
        _say(_("--left-out is ignored with --dry-run: a dry run writes nothing, not even the "
               "rows left out."), to_stderr=True)
    source = Path(args.file)
    path, _explicit = _db_path(args)
    if args.left_out and not args.dry_run:  # before a byte is read or anything is asked
        _refuse_left_out(Path(args.left_out), source, path, args.force)
    listed = read_list(read_file(source))
    mapping, skipped = apply_choices(listed, guess_mapping(listed), args.map)
    lost = left_out_columns(listed, mapping, skipped)
    for column in lost:  # said first, before anything is asked
        _say(_("Not imported: {columns}.").format(columns=column.said), to_stderr=True)
    if lost:
        _say(_("To keep a column, give it a field: --map {number}=FIELD, FIELD one of {fields}. "
               "--map {number}={skip} leaves it out without this warning.").format(
            number=lost[0].column + 1, fields=", ".join(FIELDS), skip=SKIP), to_stderr=True)
    if listed.above_header:
        _say(above_header_said(listed), to_stderr=True)
    with open_database(args, path, writing=not args.dry_run) as db:
        case = db.case_by_ref(args.case)
        if case is None:
            return _fail(_("No case {ref} in {path}.").format(ref=args.case, path=path),
                         ExitCode.PROBLEMS)
        rows = check_rows(db, listed, mapping, case.id)
        _say(_("{path}: read as {encoding}, {rows} rows.").format(
            path=source, encoding=listed.encoding_label, rows=len(rows)))
        _say(_("Columns: {columns}").format(columns=", ".join(
            column_said(listed, n, name) for n, name in enumerate(mapping))))
        good = [r for r in rows if r.ok]
        bad = [r for r in rows if not r.ok]
        for row in rows:
            name = printable(row.name, limit=80)
            mark = _("ok") if row.ok else _("left out")
            _say(_("{row}: {mark}: {name}").format(row=row.where, mark=mark, name=name))
            for problem in row.problems:
                _say("    " + _("problem: {text}").format(text=problem))
            for warning in row.warnings:
                _say("    " + _("check: {text}").format(text=warning))
        _say(_("Rows that can be added to {ref}: {good}; left out: {bad}.").format(
            good=len(good), ref=case.ref, bad=len(bad)))
        if bad and args.left_out and not args.dry_run:
            _write_private(Path(args.left_out), rows_left_out_csv(bad, listed.header))
            _say(_("The rows left out are in {path}, with why.").format(path=args.left_out))
        if args.dry_run or not good:
            if args.dry_run:
                _say(_("Nothing was written (--dry-run)."))
            return int(ExitCode.PROBLEMS if bad else ExitCode.OK)
        if not _confirm(plural(len(good), N_("Add {count} worker to {ref}?"),
                               N_("Add {count} workers to {ref}?")).format(
                count=len(good), ref=case.ref), args.yes):
            _say(_("Nothing was written."))
            return int(ExitCode.PROBLEMS)
        db.import_workers(case.id, workers_to_add(rows))
        _say(plural(len(good), N_("{count} worker added to {ref}."),
                    N_("{count} workers added to {ref}.")).format(count=len(good), ref=case.ref))
    return int(ExitCode.PROBLEMS if bad else ExitCode.OK)


def _refuse_left_out(out: Path, source: Path, path: Path, force: bool) -> None:
    """--left-out is never the list being read (it would be replaced by its bad rows only),
    nor one of the database's files; an existing file only with --force."""
    from store import UsageError

    with contextlib.suppress(OSError):
        if out.resolve() == source.resolve() or out.samefile(source):
            raise UsageError(_("--left-out {path} is the list being read: give another file, "
                               "or the list would be replaced by its rows left out. Nothing "
                               "was written.").format(path=out))
    _refuse_output(path, [out], force)


def _refuse_output(path: Path, targets: list[Path], force: bool) -> None:
    """Before anything is asked or opened: never one of the database's own files (whatever
    the flags), and an existing file only with --force."""
    from store import ReplaceNeeded
    from store.db import refuse_database_files

    refuse_database_files(path, targets)
    existing = [target for target in targets if target.exists() or target.is_symlink()]
    if existing and not force:
        raise ReplaceNeeded(_("{path} already exists: add --force to replace it. Nothing was "
                              "written.").format(path=existing[0]))


def _export(args: argparse.Namespace) -> int:
    from store.exchange import export_targets, holds_personal, prepare_export

    personal = holds_personal(args.format, args.include_personal)
    if args.include_personal and args.format != "csv":
        return _fail(_("--include-personal is for --format csv only."), ExitCode.USAGE)
    if args.format == "json" and not args.out:
        return _fail(_("This export holds personal data: give the file to write with --out "
                       "(it is never printed)."), ExitCode.USAGE)
    if args.format == "csv" and not args.out:
        return _fail(_("A csv export is several files: give a folder or a .zip file "
                       "with --out."), ExitCode.USAGE)
    path, _explicit = _db_path(args)
    if args.out:
        _refuse_output(path, export_targets(args.format, Path(args.out)), args.force)
    if not path.exists():
        from store import MissingDatabase

        raise MissingDatabase(path, _("No database at {path}.").format(path=path))
    refusal = _("The database is encrypted and this export would hold personal data "
                "unencrypted. Nothing was written. If you mean it, run it again "
                "with --plaintext.")
    if personal and not args.plaintext and _is_encrypted(path):  # before any passphrase
        raise PlaintextNeeded(refusal)
    with open_database(args, path) as db:
        if personal and db.encrypted and not args.plaintext:
            raise PlaintextNeeded(refusal)
        if personal and not _confirm(
                _("{path} will hold the names and personal data of the workers, unencrypted. "
                  "Write it?").format(path=args.out), args.yes):
            _say(_("Nothing was written."))
            return int(ExitCode.PROBLEMS)
        if args.format == "htcds":
            return _export_htcds(args, db)
        from store.db import write_recorded
        from store.exchange import record_export

        out = Path(args.out)
        prepared = prepare_export(db, args.format, include_personal=args.include_personal,
                                  record=False)
        if args.format == "json" or out.suffix.lower() == ".zip":
            files = [(out, prepared.data)]
        else:
            try:
                out.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as error:
                from store import WriteFailed, failure_reason

                reason = failure_reason(error)
                raise WriteFailed(reason, _("Could not write {path}: {reason}. Nothing was "
                                            "written there.").format(path=out,
                                                                     reason=reason)) from None
            files = [(out / name, data) for name, data in prepared.files.items()]
        # Written beside their places, recorded in the trail, then put in place.
        write_recorded(files, lambda: record_export(db, prepared), database=db.path)
        _say(_("Exported to {path}.").format(path=out))
    return int(ExitCode.OK)


def _is_encrypted(path: Path) -> bool:
    from store.db import is_encrypted

    try:
        with open(path, "rb") as handle:
            return is_encrypted(handle.read(4096))
    except OSError:
        return False  # opening it will say what is wrong


def _export_htcds(args: argparse.Namespace, db: Database) -> int:
    """The k-anonymised statistics: no personal value in them (store/exchange/htcds.py), so stdout is
    allowed; the export is recorded in the audit trail before anything is written."""
    from store.db import write_recorded
    from store.exchange import prepare_export, record_export

    if args.k < 2:
        return _fail(_("--k must be 2 or more: with 1, a row could be one person."),
                     ExitCode.USAGE)
    prepared = prepare_export(db, "htcds", k=args.k, record=False)
    data, report = prepared.data, prepared.report
    assert report is not None
    if args.out:
        write_recorded([(Path(args.out), data)], lambda: record_export(db, prepared),
                       database=db.path)
        _say(_("Exported to {path}.").format(path=args.out), to_stderr=True)
    else:
        record_export(db, prepared)  # recorded in the trail before anything is printed
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    _say(report.describe(), to_stderr=True)
    return int(ExitCode.OK)


def _import(args: argparse.Namespace) -> int:
    from store.exchange import import_json, read_export, read_input

    source = Path(args.file)
    data = read_input(source)  # a device (/dev/zero) or a pipe is refused, not read for ever
    from store.db import SCHEMA_VERSION

    read_export(data, SCHEMA_VERSION)  # a foreign file creates no database
    path, _explicit = _db_path(args)
    with open_database(args, path, writing=path.exists(), create=True) as db:
        done = import_json(db, data)
        for warning in db.take_warnings():
            _say(f"pulang: {warning}", to_stderr=True)
    _say(_("{count} records imported into {path}.").format(count=sum(done.values()),
                                                            path=path))
    return int(ExitCode.OK)


def _report(args: argparse.Namespace) -> int:
    import json

    from store.exchange import as_text, figures

    path, _explicit = _db_path(args)
    with open_database(args, path, writing=False) as db:
        result = figures(db)
    if args.format == "json":
        print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(printable(as_text(result), multiline=True))
    return int(ExitCode.OK)


def _recipient_kinds() -> list[RecipientKind]:
    from store.domain import RecipientKind

    return list(RecipientKind)


def _brief(args: argparse.Namespace) -> int:
    from store.db import is_encrypted_file
    from store.domain import RecipientKind
    from store.exchange import case_brief

    path, _explicit = _db_path(args)
    if args.out is not None:
        _refuse_output(path, _brief_targets(Path(args.out)), args.force)
    refusal = _("{path} is encrypted and a brief is plain text: add --plaintext to write it "
                "anyway. Nothing was written.").format(path=path)
    if is_encrypted_file(path) and not args.plaintext:
        raise PlaintextNeeded(refusal)  # said before the passphrase is asked for
    with open_database(args, path, writing=False) as db:
        if db.encrypted and not args.plaintext:
            raise PlaintextNeeded(refusal)
        case = db.case_by_ref(args.case)
        if case is None:
            return _fail(_("No case {ref} in {path}.").format(ref=args.case, path=path),
                         ExitCode.PROBLEMS)
        if args.out is None:
            brief = case_brief(db, case.id, RecipientKind(args.to))  # recorded first
            sys.stdout.write(printable(brief.markdown, multiline=True))
            return int(ExitCode.OK)
        from store.db import write_recorded
        from store.exchange import record_brief

        brief = case_brief(db, case.id, RecipientKind(args.to), record=False)
        targets = list(zip(_brief_targets(Path(args.out)),
                           (brief.markdown.encode("utf-8"), brief.html.encode("utf-8"))))
        # Written beside their places, recorded in the trail, then put in place.
        write_recorded(targets, lambda: record_brief(db, brief), database=db.path)
    for target, _text in targets:
        _say(_("Brief written: {path}").format(path=target))
    return int(ExitCode.OK)


def _brief_targets(out: Path) -> list[Path]:
    """`pulang brief --out PATH` writes PATH.md and PATH.html."""
    return [out.with_name(out.name + ".md"), out.with_name(out.name + ".html")]


def _write_private(path: Path, data: bytes) -> None:
    """A file only its owner can read (it holds names), written whole or not at all."""
    from store.db import write_atomically

    write_atomically(path, data, 0o600, None)


def run() -> NoReturn:
    """The console script's entry point."""
    try:
        code = main()
    except Exception as error:  # noqa: BLE001 - the last line of defence: no locals, no values
        from tui.crash import safe_report

        print(safe_report(error), file=sys.stderr)
        code = int(ExitCode.PROBLEMS)
    sys.exit(code)
