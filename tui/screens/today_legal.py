"""Today's section "Hearings and legal deadlines" (issue 34): the next date of each open legal
matter of a worker's (a hearing, an appeal due, a fine to pay...), overdue ones first and marked
as overdue deadlines are, then those of the week; later ones are in "coming up", where a line
reads the same. Each line: the date, the case's reference, the worker, the kind of matter and
what is due (on a line of its own below, under the date, when the screen is too narrow). A
matter at a stage that closes it, or of a closed case, is not there (the store's
`store.domain.rules.today.hearings` leaves it out).

A mix-in of `tui.screens.today.TodayScreen` (kept apart: that module is full). Enter on a line
goes through `open_hearing`, the one place that says where a hearing leads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets.option_list import Option

from store import _, format_date
from tui.widgets.caselist import fit
from tui.widgets.today_list import hearing_text, key_of

if TYPE_CHECKING:
    from store.domain import Hearing
    from tui.app import PulangApp


def open_hearing(app: PulangApp, hearing: Hearing) -> None:
    """Where Enter on a hearing goes: the worker's page of legal status and money, over their
    case's page with the worker under the cursor (as a plan step's deadline opens it), so
    that Escape comes back through the case."""
    from tui.screens.after.page import open_worker_after  # not on the first frame

    app.open_case(hearing.case_id, focus={"worker": hearing.worker_id})
    open_worker_after(app, hearing.case_id, hearing.worker_id, matter_id=hearing.matter_id)


class HearingsOnToday:
    """Today's section of hearings and legal deadlines (see the module's doc)."""

    hearing_lines: dict[str, Hearing]  # by line id: what Enter on the line opens

    def hearing_line(self, hearing: Hearing, mark: Text, ref_width: int, rest: int) -> Option:
        """A hearing's line, in its week's part or in "coming up" (`mark` says which)."""
        screen: Any = self
        key = key_of(hearing)
        self.hearing_lines[key] = hearing
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append(mark)
        said, below = hearing_text(hearing), ""
        # Too narrow for it all (80 columns): what is due goes on a line of its own below,
        # under the date, rather than be cut off (a court's name and hour); the kind of matter
        # with it when the worker's name leaves it no room either.
        if cell_len(said) > rest and hearing.what:
            said = hearing_text(hearing, what=False)
            below = hearing.what
            if cell_len(said) > rest:
                said, below = hearing.worker, hearing_text(hearing, worker=False)
        for text, cell_width in ((format_date(hearing.due), screen.date_width),
                                 (hearing.ref, ref_width), (said, rest)):
            line.append(" " + fit(text, cell_width))
        if below:
            indent = mark.cell_len + 1
            line.append("\n" + " " * indent + fit(below, cell_len(line.plain) - indent))
        return Option(line, id=key)

    def hearing_section(self, title: Callable[[str, int], None], options: list[Option],
                        mark: Callable[[bool, str], Text], ref_width: int, rest: int,
                        most: int) -> None:
        """The section: overdue first (marked), then this week's; the first `most` listed."""
        screen: Any = self
        view = screen.view
        day = view.day
        title(_("Hearings and legal deadlines"), len(view.hearings))
        for hearing in view.hearings[:most]:
            options.append(self.hearing_line(
                hearing, mark(hearing.due < day, _("today") if hearing.due == day else ""),
                ref_width, rest))
        if len(view.hearings) > most:
            options.append(Option(Text(_("… and {count} more: see each case").format(
                count=len(view.hearings) - most)), disabled=True))

    def hearing_chosen(self, key: str) -> bool:
        """Enter on the line `key`: a hearing's is opened (True), else False."""
        hearing = self.hearing_lines.get(key)
        if hearing is None:
            return False
        open_hearing(self.app, hearing)  # type: ignore[attr-defined]
        return True


__all__ = ["HearingsOnToday", "open_hearing"]
