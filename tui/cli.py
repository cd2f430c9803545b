"""The `pulang` command line. Every subcommand exits with a code from `store.errors.ExitCode`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from store.errors import DatabaseError, ExitCode, PulangError
from store.i18n import _, language_from_environment, set_language
from store.text import printable


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


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error exits with ExitCode.USAGE (64), not argparse's own 2."""

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
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pulang",
        parents=[_common(suppress=False)],
        description=_("Pulang: track workers exploited across borders until each is safe home."),
        epilog=_("Exit codes: 0 ok; 1 problems found; 2 file unreadable, foreign or of a newer "
                 "schema; 3 wrong passphrase; 4 database busy; 5 confirmation needed but no "
                 "terminal to ask on; 64 usage error."),
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help=_("show the version and exit"))
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
    sub.add_parser("check", parents=[_common(suppress=True)],
                   help=_("validate every record and reference"),
                   description=_("Validate every record and reference. Exit 0 when sound, 1 "
                                 "when problems were found (listed), 2 when the file cannot be "
                                 "read as a Pulang database."))
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
    from store.paths import default_db_path

    if args.db:
        return Path(args.db).expanduser(), True
    return default_db_path(), False


def _run_app(source: object, create: bool = False) -> int:
    """Run the app on an open database, or on a path it opens after the first frame."""
    from tui.app import PulangApp

    app = PulangApp(source, create=create)  # type: ignore[arg-type]
    try:
        app.run()
    finally:
        if app.db is not None and app.db is not source:
            app.db.close()
    if app.load_error is not None:
        raise app.load_error
    return app.return_code or 0


def _open(args: argparse.Namespace) -> int:
    from store.migrations import SCHEMA_VERSION
    from store.paths import ensure_private_folder
    from store.storage import quick_inspect

    path, explicit = _db_path(args)
    exists = path.exists() or path.is_symlink()
    if exists:
        # Say no before the screen is taken over; the full check follows as it loads.
        quick_inspect(path, SCHEMA_VERSION)
    elif not explicit:
        ensure_private_folder(path.parent)
    return _run_app(path, create=not exists)


def _demo(args: argparse.Namespace) -> int:
    from store.database import Database
    from store.demo import write_demo
    from store.engine import remove_database_files
    from store.paths import demo_db_path, ensure_private_folder

    if args.db:
        path = Path(args.db).expanduser()
        rebuild = args.force or args.reset
    else:
        path = demo_db_path()
        ensure_private_folder(path.parent)
        rebuild = args.reset
    if path.exists():
        existing = Database.open(path)  # refuses a damaged or foreign file, and writes nothing
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
            db = write_demo(path)
            _say(_("Demo database rebuilt: {path}").format(path=path), to_stderr=True)
        else:
            db = existing
            _say(_("Reopening the demo database as it is: {path} (--reset starts afresh)")
                 .format(path=path), to_stderr=True)
    else:
        db = write_demo(path)
        _say(_("Demo database written: {path}").format(path=path), to_stderr=True)
    try:
        if args.no_open:
            return int(ExitCode.OK)
        return _run_app(db)
    finally:
        db.close()


def _check(args: argparse.Namespace) -> int:
    from store.check import check
    from store.database import Database

    path, _explicit = _db_path(args)
    with Database.open(path) as db:
        problems = check(db)
    if not problems:
        _say(_("{path}: sound, no problems found.").format(path=path))
        return int(ExitCode.OK)
    for problem in problems:
        _say(str(problem))
    _say(_("{count} problems found in {path}.").format(count=len(problems), path=path),
         to_stderr=True)
    return int(ExitCode.PROBLEMS)


def run() -> NoReturn:
    """The console script's entry point."""
    try:
        code = main()
    except Exception as error:  # noqa: BLE001 - the last line of defence: no locals, no values
        from tui.crash import safe_report

        print(safe_report(error), file=sys.stderr)
        code = int(ExitCode.PROBLEMS)
    sys.exit(code)
