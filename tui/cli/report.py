"""`pulang report`: the figures of the database, without personal data, as aligned text or
json. Reads only."""

from __future__ import annotations

import argparse
import json
import sys

from store import ExitCode
from store.domain import printable
from store.exchange import as_text, figures
from tui.cli.opening import open_database
from tui.cli.say import _db_path


def _report(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    with open_database(args, path, writing=False) as db:
        result = figures(db)
    if args.format == "json":
        print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(printable(as_text(result), multiline=True))
    return int(ExitCode.OK)
