"""A list of people released or found, taken in as an intake (issue 33, `pulang intake` and
the app's triage): read as a list of workers is (`store.exchange.worker_import`: read_list,
guess_mapping, apply_choices), with where they were held when the list says it (a "Compound",
"Tempat" column, else its current location's), each row checked as the worker import checks
it, matched against every worker (`Database.match_people`, one call for the whole list) and
every open family inquiry (`compare_people`), grouped by compound (the same text folded, or
the registry's place it names), and given a proposed decision (a likely match: "match", a row
that cannot be a worker: "skip", else "new").

Nothing here writes: `propose` reads, `intake_of` makes the open Intake that
`Database.save_intake` saves (then reviewed row by row, and confirmed by
`Database.confirm_intake`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from store.common.i18n import _, format_date
from store.db.inquiries import row_person, sought_person
from store.db.intakes import group_rows
from store.db.people import PersonMatch
from store.domain.matching.people import Likeness, compare_people, reasons_said
from store.domain.records import Inquiry, Intake, IntakeRow, build
from store.domain.vocab import IntakeSource, RowDecision
from store.exchange.worker_import import (
    ImportRow,
    WorkerList,
    apply_choices,
    guess_mapping,
    preview,
    read_list,
)
from store.exchange.worker_lists.headers import is_compound_header

if TYPE_CHECKING:
    from store.db.database import Database


@dataclass
class RowProposal:
    """One row of the list: as read (`row`, its proposal in it), as checked (`checked`: its
    problems and warnings), its group, the workers and inquiries it may be."""

    row: IntakeRow
    checked: ImportRow
    group: str = ""
    matches: list[PersonMatch] = field(default_factory=list)
    inquiries: list[tuple[Inquiry, Likeness]] = field(default_factory=list)


def read_intake(data: bytes, choices: Sequence[tuple[str, str]] = ()
                ) -> tuple[WorkerList, list[str | None], int | None]:
    """The list, its mapping (the officer's choices over the guess) and its compound column:
    one whose header names it, else the column of current locations; None when none."""
    listed = read_list(data)
    mapping, _skipped = apply_choices(listed, guess_mapping(listed), choices)
    header = listed.header or []
    compound = next((c for c, h in enumerate(header) if is_compound_header(h)), None)
    if compound is not None:
        mapping[compound] = None  # the group's, not a note of each worker
    elif "current_location" in mapping:
        compound = mapping.index("current_location")
    return listed, list(mapping), compound


def _row_of(checked: ImportRow, compound: str) -> IntakeRow:
    worker = checked.worker
    data: dict[str, Any] = checked.data
    if worker is not None:
        return IntakeRow(label=checked.where, name=worker.full_name,
                         other_names=worker.other_spellings, date_of_birth=worker.date_of_birth,
                         age=worker.age, sex=worker.sex, nationality=worker.nationality,
                         phone=worker.phone or "", passport=worker.passport_number,
                         home_province=worker.home_province, compound=compound,
                         notes=worker.notes)
    return IntakeRow(label=checked.where, name=str(data.get("full_name") or checked.name),
                     phone=str(data.get("phone") or ""),
                     passport=str(data.get("passport_number") or ""), compound=compound)


def propose(db: Database, listed: WorkerList, mapping: Sequence[str | None],
            compound: int | None) -> list[RowProposal]:
    """Every row checked, matched and grouped, with its proposed decision (see the module's
    doc). Reads only."""
    checked = preview(listed, mapping, "intake")
    proposals = []
    for row in checked:
        where = (row.cells[compound].strip() if compound is not None
                 and compound < len(row.cells) else "")
        proposals.append(RowProposal(_row_of(row, " ".join(where.split())), row))
    people = [row_person(p.row) for p in proposals]
    found = db.match_people(people) if people else []
    inquiries = [(q, sought_person(q)) for q in db.open_inquiries()]
    for proposal, person, matches in zip(proposals, people, found, strict=True):
        proposal.matches = matches
        alike = [(q, compare_people(person, sought)) for q, sought in inquiries]
        proposal.inquiries = sorted(((q, lk) for q, lk in alike if lk.likely),
                                    key=lambda pair: -pair[1].score)
        best = matches[0] if matches and matches[0].likely else None
        decision = (RowDecision.MATCH if best else RowDecision.SKIP
                    if proposal.checked.problems else RowDecision.NEW)
        proposal.row = proposal.row.model_copy(update={
            "proposed": decision, "worker_id": best.worker_id if best else None,
            "inquiry_id": proposal.inquiries[0][0].id if proposal.inquiries else None})
    for group in group_rows([p.row for p in proposals], db.places()):
        for index in group.rows:
            proposals[index].group = group.name
    return proposals


def default_title(source: IntakeSource, day: dt.date, name: str) -> str:
    """"KBRI list.csv, 12 Jan 2026": the file's name and the day it was received."""
    return _("{name}, {date}").format(name=name, date=format_date(day))


def intake_of(proposals: Sequence[RowProposal], title: str, source: IntakeSource,
              received_on: dt.date | None = None, destination_country: str | None = None
              ) -> Intake:
    """The open intake of the list, every row with its proposal and none decided yet."""
    data: dict[str, Any] = {"title": title, "source": source, "rows": [
        p.row for p in proposals], "destination_country": destination_country}
    if received_on is not None:
        data["received_on"] = received_on
    return build(Intake, data)


def proposals_json(proposals: Sequence[RowProposal]) -> list[dict[str, Any]]:
    """Per row: its label, name, group, proposed decision, the workers it may be (worker id,
    case, number, score, why in words) and the inquiries it may answer; for scripts."""
    return [{
        "label": p.row.label, "name": p.row.name, "group": p.group,
        "proposed": p.row.proposed.value if p.row.proposed else None,
        "problems": p.checked.problems, "warnings": p.checked.warnings,
        "matches": [{"worker_id": m.worker_id, "case": m.ref, "worker": m.number,
                     "name": m.name, "score": round(m.score, 1), "likely": m.likely,
                     "why": m.why} for m in p.matches],
        "inquiries": [{"inquiry_id": q.id, "sought": q.sought_name,
                       "asked_by": q.inquirer_name, "score": round(lk.score, 1),
                       "why": reasons_said(lk)} for q, lk in p.inquiries],
    } for p in proposals]


__all__ = ["RowProposal", "default_title", "intake_of", "proposals_json", "propose",
           "read_intake"]
