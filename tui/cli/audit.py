"""`pulang audit`: the audit trail listed, one entry a line, or its chain verified."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from store import ExitCode, _
from store.domain import printable
from tui.cli.opening import open_database
from tui.cli.say import _db_path

if TYPE_CHECKING:
    from store.db import AuditEntry


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
