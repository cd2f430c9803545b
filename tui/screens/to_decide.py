"""Today's "Conflicts to decide": the records a sync left changed on both sides, in the union's
domain (two sites while apart) and in each partner organisation's (a change by the partner to
what it was sent: never applied silently, `store.sync.partners`). Their lines, and where Enter
on one goes: the decision screen (tui/screens/decide.py) on the right domain.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets.option_list import Option

from store import _
from store.domain import printable
from tui.screens.decide_marks import DECIDE, MARK
from tui.widgets.caselist import fit

if TYPE_CHECKING:
    from store.sync import ToDecide

_MOST = 200  # lines listed at most (the title counts them all)


@dataclass(frozen=True)
class Pending:
    """A line of "Conflicts to decide": the record, and the partner whose domain it is in
    ("" for the union's own)."""

    row: ToDecide
    org_id: str = ""
    org: str = ""  # the partner's name

    @property
    def key(self) -> str:
        """The line's id in Today's list (a record may be in conflict in two domains)."""
        row_id = self.row.record_id
        return f"c:{self.org_id}:{row_id}" if self.org_id else f"c:{row_id}"

    @property
    def what(self) -> str:
        """"Worker Siti Rahma, case JKT-2026-014": the record the line names."""
        row = self.row
        what = f"{row.kind} {row.name}".strip()
        if row.ref and row.table != "cases":
            what = _("{what}, case {ref}").format(what=what, ref=row.ref)
        return what[:1].upper() + what[1:]


def has_partners(db: Any) -> bool:
    """Whether a partner's domain is kept beside the database (`<db>.partner-<org>.sync`,
    store.sync.partners.partner_path), without loading the sync's modules: one look at the
    folder."""
    prefix = f"{db.path.name}.partner-"
    try:
        with os.scandir(db.path.parent) as entries:
            return any(e.name.startswith(prefix) and e.name.endswith(".sync") for e in entries)
    except OSError:
        return False


def decisions(db: Any, marked: bool) -> list[Pending]:
    """In a thread: the lines of "Conflicts to decide", the union's first, then each
    partner's (none to read where nothing is marked and no partner syncs: the sync's modules
    are not even loaded then)."""
    partners = has_partners(db)
    if not marked and not partners:
        return []
    from store.sync import partner_ids, to_decide, view_of

    found = [Pending(row) for row in to_decide(db)] if marked else []
    for org_id in partner_ids(db) if partners else []:
        view = view_of(db, org_id)
        found += [Pending(row, org_id, view.org_name)
                  for row in to_decide(view)]  # type: ignore[arg-type]
    return found


def conflict_options(lines: list[Pending], records: dict[str, tuple[str, str]],
                     mark_width: int, ref_width: int, width: int) -> list[Option]:
    """Today's lines for the records a sync left in conflict; `records` learns where each
    line goes (Enter opens the decision screen on it)."""
    options = []
    rest = width - mark_width - ref_width - 2
    for pending in lines[:_MOST]:
        row = pending.row
        records[pending.key] = (DECIDE, pending.key)
        what = (_("removed at one site, edited at the other") if row.removal
                else ", ".join(row.fields))
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append(Text(fit(MARK + " " + _("decide"), mark_width), style="bold"))
        name = f"{row.kind} {row.name}".strip()
        said = f"{what}: {name}"
        if pending.org_id:
            said = _("{what} from {org}: {name}").format(what=what, name=name, org=pending.org)
        for text, cell_width in ((row.ref, ref_width), (said, rest)):
            line.append(" " + fit(printable(text), cell_width))
        options.append(Option(line, id=pending.key))
    return options


def open_decision(app: Any, lines: list[Pending], key: str) -> None:
    """Enter on a line of "Conflicts to decide": the decision screen, on its domain."""
    from tui.screens.decide import DecideScreen  # not on the first frame

    pending = next((p for p in lines if p.key == key), None)
    if pending is not None:
        app.push_screen(DecideScreen(pending.row.record_id, pending.what,
                                     org_id=pending.org_id, org=pending.org))
