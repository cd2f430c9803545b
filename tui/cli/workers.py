"""`pulang import-workers`: a list of workers read from a file, every row checked and its
problems said, and the good rows added to a case once confirmed; the rows left out written to a
file to fix and import again."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from store import ExitCode, UsageError, _, ngettext
from store.domain import printable
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
from tui.cli.opening import open_database
from tui.cli.output import _refuse_output, _write_private
from tui.cli.say import _confirm, _db_path, _fail, _say


def _import_workers(args: argparse.Namespace) -> int:
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
        if not _confirm(ngettext("Add {count} worker to {ref}?", "Add {count} workers to {ref}?",
                                 len(good)).format(count=len(good), ref=case.ref), args.yes):
            _say(_("Nothing was written."))
            return int(ExitCode.PROBLEMS)
        db.import_workers(case.id, workers_to_add(rows))
        _say(ngettext("{count} worker added to {ref}.", "{count} workers added to {ref}.",
                      len(good)).format(count=len(good), ref=case.ref))
    return int(ExitCode.PROBLEMS if bad else ExitCode.OK)


def _refuse_left_out(out: Path, source: Path, path: Path, force: bool) -> None:
    """--left-out is never the list being read (it would be replaced by its bad rows only),
    nor one of the database's files; an existing file only with --force."""
    with contextlib.suppress(OSError):
        if out.resolve() == source.resolve() or out.samefile(source):
            raise UsageError(_("--left-out {path} is the list being read: give another file, "
                               "or the list would be replaced by its rows left out. Nothing "
                               "was written.").format(path=out))
    _refuse_output(path, [out], force)
