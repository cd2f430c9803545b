"""`pulang intake FILE`: a list of people released or found (an embassy's, a shelter's, the
police's) read, every row checked, matched against every worker and open family inquiry and
grouped by compound (`store.exchange.intake`); with --dry-run each row's proposal is printed
and nothing is written, else the list is saved as an open intake, for an officer to review row
by row in the app and confirm (nothing else is made of it until then)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from store import ExitCode, _, ngettext
from tui.cli.say import _db_path, _say

# The sources a list comes from (store.domain.vocab.IntakeSource's values): kept here as words
# so that the parser, read on every start, imports nothing of the store's records.
SOURCES = ("embassy", "shelter", "police", "union", "ngo", "other")


def intake_parser(sub: Any, common: argparse.ArgumentParser, map_choice: Any) -> None:
    """The `intake` command's arguments (tui.cli.parser)."""
    intake = sub.add_parser(
        "intake", parents=[common],
        help=_("take in a list of people released or found, matched against every case"),
        description=_("Read a list of people (CSV, Excel or pasted text, any script) from an "
                      "embassy, a shelter or the police; check every row as import-workers "
                      "does; match each against every worker of every case and every open "
                      "family inquiry; group the rows by the compound the list names; and "
                      "propose for each row: already a worker (match), a new worker (new) or "
                      "skip. With --dry-run the proposals are printed and nothing is written; "
                      "else the list is saved as an open intake, to review row by row and "
                      "confirm in the app. Exit 0, or 1 when rows have problems."))
    intake.add_argument("file", metavar="FILE", help=_("the CSV, Excel or text file"))
    intake.add_argument("--dry-run", action="store_true",
                        help=_("print each row's proposal, write nothing"))
    intake.add_argument("--format", choices=["text", "json"], default="text",
                        help=_("text (aligned lines) or json (for scripts)"))
    intake.add_argument("--source", choices=SOURCES, default="embassy",
                        help=_("who sent the list (default: embassy)"))
    intake.add_argument("--title", metavar="TEXT",
                        help=_("the intake's title (default: the file's name and today)"))
    intake.add_argument("--country", metavar="CODE",
                        help=_("the country of its group cases when no registry place says it"))
    intake.add_argument("--map", metavar="COLUMN=FIELD", action="append", default=[],
                        type=map_choice,
                        help=_("put a column into a worker field, as import-workers does"))


def _intake(args: argparse.Namespace) -> int:
    from store import clock
    from store.domain import IntakeSource, RowDecision
    from store.exchange import (
        default_title,
        intake_of,
        proposals_json,
        propose,
        read_file,
        read_intake,
    )
    from tui.cli.opening import open_database

    source = Path(args.file)
    path, _explicit = _db_path(args)
    listed, mapping, compound = read_intake(read_file(source), args.map)
    with open_database(args, path, writing=not args.dry_run) as db:
        proposals = propose(db, listed, mapping, compound)
        rows = proposals_json(proposals)
        code = int(ExitCode.PROBLEMS if any(p.checked.problems for p in proposals)
                   else ExitCode.OK)
        if args.dry_run:
            if args.format == "json":
                print(json.dumps(rows, indent=2, ensure_ascii=False))
            else:
                for line in _as_text(rows):
                    _say(line)
                _say(_("Nothing was written (--dry-run)."))
            return code
        title = args.title or default_title(IntakeSource(args.source), clock.today(),
                                            source.name)
        intake = db.save_intake(intake_of(proposals, title, IntakeSource(args.source),
                                          destination_country=args.country))
    counts = {d: sum(1 for p in proposals if p.row.proposed is d) for d in RowDecision}
    answered = sum(1 for p in proposals if p.inquiries)
    groups = len({p.group for p in proposals})
    if args.format == "json":
        print(json.dumps({"intake_id": intake.id, "title": intake.title, "rows": rows,
                          "groups": groups}, indent=2, ensure_ascii=False))
        return code
    for line in _as_text(rows):
        _say(line)
    _say(ngettext("{title}: {count} row saved as an open intake.",
                  "{title}: {count} rows saved as an open intake.", len(proposals)).format(
        title=intake.title, count=len(proposals)))
    _say(_("Proposed: {match} already workers, {new} new, {skip} to skip; {inquiries} may "
           "answer a family inquiry; {groups} groups by compound.").format(
        match=counts[RowDecision.MATCH], new=counts[RowDecision.NEW],
        skip=counts[RowDecision.SKIP], inquiries=answered, groups=groups))
    _say(_("Review it row by row in the app (pulang): i on Today or the cases list resumes an "
           "open intake. Nothing is made of it until you confirm it there."))
    return code


def _as_text(rows: list[dict[str, Any]]) -> list[str]:
    """One line a row, then a line for each worker or inquiry it may be."""
    out = []
    for row in rows:
        group = row["group"] or "-"
        out.append(_("{label}: {proposed}: {name} (group: {group})").format(
            label=row["label"], proposed=row["proposed"], name=row["name"], group=group))
        for match in row["matches"]:
            out.append("    " + _("may be {case} No. {worker}, {name}: {score} ({why})").format(
                case=match["case"], worker=match["worker"], name=match["name"],
                score=match["score"], why="; ".join(match["why"])))
        for found in row["inquiries"]:
            out.append("    " + _("may be sought by a family inquiry: {score} ({why})").format(
                score=found["score"], why="; ".join(found["why"])))
        out.extend("    " + _("problem: {text}").format(text=p) for p in row["problems"])
    return out
