"""`pulang find TEXT`: what Ctrl+F finds among the workers, best first, by the same function
(`Database.find`): any spelling of a name, forgiving spelling; a phone number by its last
digits; a passport number or its beginning. As aligned text or json. Reads only."""

from __future__ import annotations

import argparse
import json

from store import ExitCode, _
from store.db import Found, field_label
from store.domain import format_phone, printable
from tui.cli.opening import open_database
from tui.cli.say import _db_path, _say


def _find(args: argparse.Namespace) -> int:
    path, _explicit = _db_path(args)
    with open_database(args, path, writing=False) as db:
        found = db.find(args.text, limit=args.limit, numbered=True)
    if args.format == "json":
        print(json.dumps([_as_json(item) for item in found], indent=2, ensure_ascii=False))
    elif found:
        for line in _as_text(found):
            _say(line)
    if not found and args.format != "json":
        _say(_("Nothing matches “{text}”.").format(text=printable(args.text, limit=60)),
             to_stderr=True)
    return int(ExitCode.OK)


def _shown(item: Found) -> str:
    """What matched, as the app shows it: a phone written for reading."""
    return format_phone(item.matched) if item.field == "phone" else item.matched


def _as_text(found: list[Found]) -> list[str]:
    """One line a worker, in aligned columns under a heading: the case, the worker's number
    in it and name, the field that matched and what it holds, the score."""
    rows = [(item.ref, "" if item.number is None else str(item.number), item.name,
             _("{field}: {text}").format(field=field_label(item.field), text=_shown(item)),
             f"{item.score:.1f}") for item in found]
    # The columns: the case's reference, the worker's number in the case, their name, what
    # found them, the score (0 to 100).
    heading = (_("Case"), _("No."), _("Worker"), _("Found by"), _("Score"))
    widths = [max(len(row[n]) for row in [heading, *rows]) for n in range(4)]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) +
            "  " + row[4] for row in [heading, *rows]]


def _as_json(item: Found) -> dict[str, object]:
    out: dict[str, object] = {
        "case": item.ref, "case_id": item.case_id, "worker": item.number,
        "worker_id": item.worker_id, "name": item.name, "field": item.field,
        "matched": item.matched, "score": item.score, "words": item.words, "of": item.of,
    }
    if item.form:
        out["compared"] = item.form
    return out
