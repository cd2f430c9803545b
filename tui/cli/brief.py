"""`pulang brief`: a case brief for one kind of recipient, printed as Markdown or written as
PATH.md and PATH.html; recorded in the audit trail before it is printed or written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store import ExitCode, PlaintextNeeded, _
from store.db import is_encrypted_file, write_recorded
from store.domain import RecipientKind, printable
from store.exchange import case_brief, record_brief
from tui.cli.opening import open_database
from tui.cli.output import _refuse_output
from tui.cli.say import _db_path, _fail, _say


def _brief(args: argparse.Namespace) -> int:
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
