"""How the triage shows an intake: a heading a compound, two lines a row, the counts line and
the detail of the row under the cursor (pure text, for `tui.screens.intake.triage`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from store import _, format_date, ngettext
from store.db import Group, PersonMatch
from store.domain import Inquiry, Intake, IntakeRow, RowDecision, country_name, printable

# Widths of a row's first line: the mark, its label, its name, its decision.
_MARK, _LABEL, _NAME, _DECISION = 2, 15, 24, 9


@dataclass
class Shown:
    """What the triage knows of an intake beside its rows: each row's workers it may be,
    the inquiries they may answer, its groups."""

    matches: list[list[PersonMatch]] = field(default_factory=list)
    inquiries: dict[str, Inquiry] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)


def pad(text: str, width: int) -> str:
    return set_cell_size(printable(text, limit=width * 2), width)


def decision_said(decision: RowDecision | None) -> str:
    return {RowDecision.MATCH: _("match"), RowDecision.NEW: _("new"),
            RowDecision.SKIP: _("skip"), None: _("undecided")}[decision]


def match_said(match: PersonMatch) -> str:
    return _("{ref} No. {number} {score:.0f}").format(ref=match.ref, number=match.number or "?",
                                                     score=match.score)


def heading(group: Group, rows: Sequence[IntakeRow]) -> Text:
    """The compound as the list wrote it, and the registry's place when one matches."""
    written = rows[group.rows[0]].compound if group.rows else ""
    if not written:
        said = _("No compound given")
    elif group.place is not None:
        said = _("{written} = registry: {place}").format(written=written, place=", ".join(
            filter(None, (group.place.name, country_name(group.place.country or "")))))
    else:
        said = written
    count = ngettext("{count} row", "{count} rows", len(group.rows)).format(
        count=len(group.rows))
    return Text(printable(f"■ {said} ({count})", limit=78), style="bold")


def row_lines(row: IntakeRow, matches: Sequence[PersonMatch], shown: Shown) -> Text:
    """A row's two lines: what it is and what is decided (or proposed, with ?), then why."""
    decided = row.decision is not None
    decision = row.decision if decided else row.proposed
    mark = "✓" if decided else "?"
    best = next((m for m in matches if m.worker_id == row.worker_id), None) \
        if decision is RowDecision.MATCH else None
    best = best or (matches[0] if matches else None)
    about = match_said(best) if best is not None else _("not in Pulang")
    first = "".join((pad(mark, _MARK), pad(row.label, _LABEL), " ", pad(row.name, _NAME), " ",
                     pad(decision_said(decision), _DECISION), " ", about))
    second: list[str] = []
    inquiry = shown.inquiries.get(row.inquiry_id or "")
    if inquiry is not None:  # first: the line is cut at the screen's edge
        second.append(_("family inquiry: {asker} seeks {sought}").format(
            asker=inquiry.inquirer_name, sought=inquiry.sought_name))
    if best is not None:
        second.append(_("{name}: {why}").format(name=best.name, why=", ".join(best.why)))
    line = "; ".join(second) or _("no worker of Pulang looks like this row")
    text = Text(cut(first, 76))
    text.append("\n" + " " * (_MARK + 2) + cut(line, 72), style="dim")
    return text


def cut(text: str, width: int) -> str:
    """At most `width` cells, an ellipsis at the end when cut."""
    text = printable(text, limit=width * 2)
    return text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"


def counts_said(intake: Intake) -> str:
    """The header line: decided of all, and how many new, linked, skipped."""
    rows = intake.rows
    count = {d: sum(1 for r in rows if r.decision is d) for d in RowDecision}
    return _("{decided} of {rows} decided: {new} new, {linked} linked, {skipped} skipped. "
             "m n s u decide, a accepts the rest, Ctrl+S confirms.").format(
        decided=intake.reviewed, rows=len(rows), new=count[RowDecision.NEW],
        linked=count[RowDecision.MATCH], skipped=count[RowDecision.SKIP])


def detail_said(row: IntakeRow, matches: Sequence[PersonMatch], shown: Shown) -> str:
    """The row under the cursor: every worker it may be, why, the inquiry, its data."""
    said = [_("{label}: {name}").format(label=row.label, name=row.name)]
    facts = [format_date(row.date_of_birth) if row.date_of_birth else "", row.phone,
             row.passport]
    if any(facts):
        said[0] += " (" + ", ".join(f for f in facts if f) + ")"
    for match in matches:
        said.append(_("may be {case} No. {number}, {name}: {score:.0f} ({why})").format(
            case=match.ref, number=match.number or "?", name=match.name, score=match.score,
            why="; ".join(match.why)))
    inquiry = shown.inquiries.get(row.inquiry_id or "")
    if inquiry is not None:
        said.append(_("may answer the family inquiry of {asker}, who seeks {sought}").format(
            asker=inquiry.inquirer_name, sought=inquiry.sought_name))
    return " · ".join(said)
