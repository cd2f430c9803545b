"""The `pulang` command line. Every subcommand exits with a code from
`store.common.errors.ExitCode`.

Its modules: entry.py (`run`, the console script's entry point, and `main`, which runs a
command), parser.py (the arguments and their help), say.py (saying things, exit codes, what
every command shares), passphrases.py, opening.py (a database opened for a command), output.py
(files written outside the database), launch.py (`pulang` with no command: the app), and one
module a group of commands: demo.py, files.py (check, encrypt, decrypt, passwd, share),
audit.py, backups.py (backups, restore), exports.py (export, import), report.py, brief.py and
workers.py (import-workers). A command's module is imported only when it runs
(entry.COMMANDS), and imports at its top what its commands need.

Every name importable from the single module tui/cli.py before still is: `main`, `run`,
`build_parser` and ARGPARSE_TITLES here; the passphrases' names and `open_database` when first
asked for (PEP 562), so that `import tui.cli` (`pulang --help`) loads neither their modules nor
the Database.
"""

from __future__ import annotations

import importlib
from typing import Any

from tui.cli.entry import main, run
from tui.cli.parser import ARGPARSE_TITLES, build_parser

# The module each public name comes from, imported on first use.
_MODULE_OF: dict[str, str] = {
    "MAX_TRIES": "tui.cli.passphrases",
    "Passphrases": "tui.cli.passphrases",
    "key_for": "tui.cli.passphrases",
    "open_database": "tui.cli.opening",
}
__all__ = ["ARGPARSE_TITLES", "build_parser", "main", "run", *_MODULE_OF]


def __getattr__(name: str) -> Any:
    """The object behind a public name, from its module (imported on first use)."""
    try:
        module = _MODULE_OF[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return getattr(importlib.import_module(module), name)
