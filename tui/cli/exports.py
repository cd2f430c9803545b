"""`pulang export` (json, csv, the HTCDS statistics), recorded in the audit trail before it is
written or printed, and `pulang import`, which reads a json export back into a new
database."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from store import ExitCode, MissingDatabase, PlaintextNeeded, WriteFailed, _, failure_reason
from store.db import SCHEMA_VERSION, is_encrypted, write_recorded
from store.exchange import (
    export_targets,
    holds_personal,
    import_json,
    prepare_export,
    read_export,
    read_input,
    record_export,
)
from tui.cli.opening import open_database
from tui.cli.output import _refuse_output
from tui.cli.say import _confirm, _db_path, _fail, _say

if TYPE_CHECKING:
    from store.db import Database


def _export(args: argparse.Namespace) -> int:
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
        out = Path(args.out)
        prepared = prepare_export(db, args.format, include_personal=args.include_personal,
                                  record=False)
        made = None  # a folder made here, removed again when nothing is written in it
        if args.format == "json" or out.suffix.lower() == ".zip":
            files = [(out, prepared.stream())]
        else:
            try:
                if not out.is_dir():
                    made = out
                out.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as error:
                reason = failure_reason(error)
                raise WriteFailed(reason, _("Could not write {path}: {reason}. Nothing was "
                                            "written there.").format(path=out,
                                                                     reason=reason)) from None
            files = [(out / name, pieces()) for name, pieces in prepared.members.items()]
        # Each made as it is written beside its place (a record the import would refuse
        # stops it there), recorded in the trail, then put in place.
        try:
            write_recorded(files, lambda: record_export(db, prepared),  # type: ignore[arg-type]
                           database=db.path)
        except BaseException:
            if made is not None:
                with contextlib.suppress(OSError):
                    made.rmdir()
            raise
        _say(_("Exported to {path}.").format(path=out))
    return int(ExitCode.OK)


def _is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return is_encrypted(handle.read(4096))
    except OSError:
        return False  # opening it will say what is wrong


def _export_htcds(args: argparse.Namespace, db: Database) -> int:
    """The k-anonymised statistics: no personal value in them (store/exchange/htcds.py), so
    stdout is allowed; the export is recorded in the audit trail before anything is written."""
    if args.k < 2:
        return _fail(_("--k must be 2 or more: with 1, a row could be one person."),
                     ExitCode.USAGE)
    prepared = prepare_export(db, "htcds", k=args.k, record=False)  # small: made whole
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
    source = Path(args.file)
    data = read_input(source)  # a device (/dev/zero) or a pipe is refused, not read for ever
    read_export(data, SCHEMA_VERSION)  # a foreign file creates no database
    path, _explicit = _db_path(args)
    with open_database(args, path, writing=path.exists(), create=True) as db:
        done = import_json(db, data)
        for warning in db.take_warnings():
            _say(f"pulang: {warning}", to_stderr=True)
    _say(_("{count} records imported into {path}.").format(count=sum(done.values()),
                                                            path=path))
    return int(ExitCode.OK)
