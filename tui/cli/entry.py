"""Where the command line starts: `run`, the console script's entry point, and `main`, which
reads the arguments, speaks the user's language and runs the command, turning the store's
errors into their exit codes."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from store import LANGUAGES, ExitCode, PulangError, _, language_from_environment, set_language
from tui.cli import argparse_words
from tui.cli.parser import build_parser
from tui.cli.say import _fail

# Each command's module and function, imported when the command runs: a group's module loads
# at its top what its commands need (the Database alone costs about 200 ms, measured), and
# `pulang --help`, `--version`, a usage error, `pulang backups` or the app's first frame need
# none of it. No command: the app, on the database.
COMMANDS: dict[str | None, tuple[str, str]] = {
    "demo": ("tui.cli.demo", "_demo"),
    "check": ("tui.cli.files", "_check"),
    "encrypt": ("tui.cli.files", "_encrypt"),
    "decrypt": ("tui.cli.files", "_decrypt"),
    "passwd": ("tui.cli.files", "_passwd"),
    "audit": ("tui.cli.audit", "_audit"),
    "backups": ("tui.cli.backups", "_backups"),
    "restore": ("tui.cli.backups", "_restore"),
    "share": ("tui.cli.files", "_share"),
    "import-workers": ("tui.cli.workers", "_import_workers"),
    "intake": ("tui.cli.intake", "_intake"),
    "export": ("tui.cli.exports", "_export"),
    "import": ("tui.cli.exports", "_import"),
    "report": ("tui.cli.report", "_report"),
    "brief": ("tui.cli.brief", "_brief"),
    "find": ("tui.cli.find", "_find"),
    "sync": ("tui.cli.partner", "sync_command"),
    "hub": ("tui.cli.hub", "_hub"),
    None: ("tui.cli.launch", "_open"),
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_hint(argv))
    argparse_words.install()
    args = build_parser().parse_args(argv)
    if args.command is not None:
        gc.enable()  # see `run`: only the app's first frame goes without
    if args.lang:
        set_language(args.lang)
    try:
        module, name = COMMANDS[args.command]
        command: Callable[[argparse.Namespace], int]
        command = getattr(importlib.import_module(module), name)
        return command(args)
    except PulangError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return _fail(_("interrupted"), ExitCode.PROBLEMS)


def _language_hint(argv: list[str]) -> str:
    """The language to speak while parsing, so --help is already in it."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv) and argv[n + 1] in LANGUAGES:
            return argv[n + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    return language_from_environment()


def run() -> NoReturn:
    """The console script's entry point."""
    # No garbage collection until the app's first frame is out (tui/app.py turns it back on),
    # or a command other than the app starts (`main`): starting up makes many objects and few
    # cycles, and the collections Python runs meanwhile took about 25 ms of that frame
    # (measured with tests/perf/first_frame.py).
    gc.disable()
    try:
        code = main()
    except Exception as error:  # noqa: BLE001 - the last line of defence: no locals, no values
        # Imported here, not at the top: tui.crash brings Textual, about 60 ms (measured) on
        # every start; only a crash needs it.
        from tui.crash import safe_report

        print(safe_report(error), file=sys.stderr)
        code = int(ExitCode.PROBLEMS)
    finally:
        gc.enable()
    sys.exit(code)
