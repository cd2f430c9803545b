"""The `pulang` command line's arguments: the parser, every command's options and help texts,
and argparse in the user's language (its words translated, a usage error exiting with 64)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from store import LANGUAGES, N_, ExitCode, UsageError, _
from store.domain import RecipientKind, printable


def _version() -> str:
    # Imported here, not at the top: importlib.metadata costs about 15 ms (measured), on every
    # start, before the first frame or a quick command's answer; only --version needs it.
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
        self.exit(ExitCode.USAGE, printable("pulang: " + _("error") + f": {message}") + "\n")


def _common(suppress: bool) -> argparse.ArgumentParser:
    """--db and --lang, accepted before or after the subcommand."""
    common = _Parser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    common.add_argument("--db", metavar="PATH", default=default,
                        help=_("the database file (default: $PULANG_DB, else pulang.json in "
                               "your data folder)"))
    common.add_argument("--lang", choices=LANGUAGES, default=default,
                        help=_("language: {languages} (default: from LANG)").format(
                            languages=", ".join(LANGUAGES)))
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
        help=_("print the figures: cases, workers by step, returns, money, legal status"),
        description=_("Print the figures of the database, without personal data: cases by "
                      "stage, workers by step on the road home, by destination country and "
                      "by origin province (provinces with fewer than 5 workers merged), new "
                      "cases per month, and the median days from report to return. Reads "
                      "only: nothing is written, not even a backup.") + " " + _(
            "Then the money in the cases per currency, never converted (claimed, awarded, "
            "recovered, ransom paid, owed), and workers by legal status (a count under 5 "
            "reads 'fewer than 5')."))
    report.add_argument("--format", choices=["text", "json"], default="text",
                        help=_("text (aligned lines) or json (for scripts)"))
    find = sub.add_parser(
        "find", parents=[_common(suppress=True)],
        help=_("find workers by name, phone or passport number, as Ctrl+F does"),
        description=_("Print the workers Ctrl+F finds, best first: by any spelling of their "
                      "name (spelt another way, in another order, with initials), by the last "
                      "six digits or more of a phone number written any way, or by a passport "
                      "number or its beginning. Each line says the case, the worker's number "
                      "in it and name, the field that matched and what it holds, and the "
                      "score. Exit 0, with or without workers found (then said on stderr). "
                      "Reads only: nothing is written."))
    find.add_argument("text", metavar="TEXT", help=_("what to look for"))
    find.add_argument("--format", choices=["text", "json"], default="text",
                      help=_("text (aligned lines) or json (for scripts)"))
    find.add_argument("--limit", metavar="N", type=int, default=50,
                      help=_("at most N workers (default: 50)"))
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
    _sync_parsers(sub)
    return parser


def _sync_parsers(sub: Any) -> None:
    sync = sub.add_parser(
        "sync", parents=[_common(suppress=True)],
        help=_("keep this database in step with the other sites, through a hub"),
        description=_("Send the changes made here to the hub and take those made at the other "
                      "sites; a field changed at two sites to different values is a conflict, "
                      "kept until a person decides. The hub sees only sealed records. This is "
                      "the only command that connects to a network, and only to the hub named. "
                      "The database must be encrypted. Credentials come from --credentials "
                      "FILE (mode 0600, `user:password`) or PULANG_HUB_USER and "
                      "PULANG_HUB_PASSWORD, never from the command line. Exit 6 when the hub "
                      "cannot be reached or refuses."))
    sync.add_argument("--hub", metavar="URL",
                      help=_("the hub's database, e.g. https://hub.example.org:6984/union "
                             "(remembered after the first sync)"))
    sync.add_argument("--credentials", metavar="FILE",
                      help=_("a file holding `user:password` for the hub, readable only by "
                             "you (mode 0600); remembered"))
    sync.add_argument("--partner", metavar="ORG",
                      help=_("sync the cases shared with this organisation of the directory "
                             "(its name, acronym or id) with its copy, through its own hub "
                             "database and key; needs an agreement with it covering data "
                             "sharing, in force"))
    sync.add_argument("--override", metavar="REASON",
                      help=_("with --partner: share although no agreement covering data "
                             "sharing is in force; the reason is recorded"))
    sync.add_argument("--site", metavar="NAME",
                      help=_("this site's name, as the other sites read it (default: the "
                             "machine's name)"))
    action = sync.add_mutually_exclusive_group()
    action.add_argument("--status", action="store_true",
                        help=_("show the last sync, the changes waiting and the conflicts; "
                               "connects to nothing"))
    action.add_argument("--export-key", metavar="FILE",
                        help=_("write the key the sites share to FILE, sealed with a "
                               "passphrase you type twice, to carry to another site"))
    action.add_argument("--import-key", metavar="FILE",
                        help=_("take the key the sites share from FILE (made by "
                               "--export-key at another site)"))
    action.add_argument("--rotate-key", action="store_true",
                        help=_("make a new shared key; every record is sealed again with it on "
                               "the next sync (export it again for the other sites)"))
    action.add_argument("--to-file", metavar="FILE",
                        help=_("with no link at all: write what the other sites lack to a "
                               "new FILE, sealed with the shared key, to carry by USB stick or "
                               "messenger"))
    action.add_argument("--from-file", metavar="FILE",
                        help=_("take a FILE another site wrote with --to-file; a file altered, "
                               "cut short or made for another union is refused"))
    sync.add_argument("--all", action="store_true", dest="everything",
                      help=_("with --to-file: every record, not only what changed since the "
                             "last file the other sites acknowledged"))
    sync.add_argument("--format", choices=["text", "json"], default="text",
                      help=_("text (aligned lines) or json (for scripts)"))
    # Imported here: its module is the hub command's; argparse needs only its arguments.
    from tui.cli.hub import hub_parser

    hub_parser(sub, _common(suppress=True))
    from tui.cli.intake import intake_parser

    intake_parser(sub, _common(suppress=True), _map_choice)


def _map_choice(text: str) -> tuple[str, str]:
    """--map COLUMN=FIELD, checked as it is parsed: a usage error lists the fields."""
    # Imported here, not at the top: store.exchange's worker lists cost about 130 ms (measured)
    # on every start, for `pulang --help` as for the app; only a --map needs them.
    from store.exchange import map_choice

    try:
        return map_choice(text)
    except UsageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _recipient_kinds() -> list[RecipientKind]:
    return list(RecipientKind)
