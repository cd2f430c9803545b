"""Today's two sections of the check-ins after return (issue 35): "Signs of re-recruitment",
first of all, a line per worker whose latest check-in shows signs no one has followed up (the
worker, the case, which signs, the check-in's date); and "Check-ins due", the check-ins of the
workers' schedules overdue (marked as Today marks what is overdue) or due within the week.
Enter on a line opens the worker's check-ins over their case, so that Escape comes back through
the case.

A mix-in of `tui.screens.today.TodayScreen` (kept apart: that module is full). Both lists are
read in a thread once per view Today computes (`Database.signs_to_follow`, and
`Database.checkins_due` until the week's end), then the sections are drawn again, as the
family inquiries are (today_inquiries.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets.option_list import Option

from store import _, format_date
from tui.store_work import run_store
from tui.widgets.caselist import fit

if TYPE_CHECKING:
    from store.db import Database

CHECKINS = "checkins"  # the page a line opens over the case (tui/screens/case/checkins.py)
_WEEK = 7


def checkins_today(db: Database, day: dt.date) -> tuple[list[Any], list[Any]]:
    """The workers with signs to follow up, and the check-ins due until the week's end.
    Reads the store: run it off the event loop."""
    return db.signs_to_follow(), db.checkins_due(until=day + dt.timedelta(days=_WEEK))


class CheckInsOnToday:
    """Today's sections of signs of re-recruitment and check-ins due (see the module's doc)."""

    signs: list[Any] = []  # noqa: RUF012 - replaced, never changed in place
    checkins_due: list[Any] = []  # noqa: RUF012 - likewise
    _checkins_of: object = None  # the view they were asked for

    def help_more(self) -> str:
        """F1 on Today: its two sections of check-ins after return."""
        own = _(
            "Check-ins after return: first of all, \u201cSigns of re-recruitment\u201d lists "
            "each worker whose latest check-in found a recruiter's contact, an offer of work "
            "abroad, a debt to a recruiter or the plan to leave without papers, until someone "
            "records what was done (f on the worker's check-ins). \u201cCheck-ins due\u201d "
            "lists the check-ins of the workers' schedules that are overdue (! overdue) or due "
            "within a week. Enter on either opens the worker's check-ins, over their case."
        )
        parent = getattr(super(), "help_more", None)
        more = parent() if callable(parent) else ""
        return "\n\n".join(x for x in (own, more) if x)

    def _ask_checkins(self) -> None:
        screen: Any = self
        if screen.view is self._checkins_of:
            return
        self._checkins_of = screen.view
        db, day = screen.app.db, screen.view.day
        if db is not None and not db.locked:
            run_store(screen, lambda: checkins_today(db, day), self._checkins_found,
                      lambda _error: None, group="today-checkins", exclusive=True)

    def _checkins_found(self, found: tuple[list[Any], list[Any]]) -> None:
        screen: Any = self
        signs, due = found
        changed = (signs, due) != (self.signs, self.checkins_due)
        newly = [s for s in signs if s.worker_id not in {o.worker_id for o in self.signs}]
        self.signs, self.checkins_due = signs, due
        if changed and screen.view is not None and screen.is_attached:
            screen.render_view()
            if newly:  # signs newly found: the cursor goes to them, as to conflicts
                screen.query_one("#today").cursor_to(f"s:{newly[0].worker_id}")

    def signs_section(self, title: Callable[[str, int], None], row: Callable[..., None],
                      mark_width: int, ref_width: int, rest: int) -> None:
        """First on Today, when there are any: a line a worker with signs not followed up,
        marked loud (in the characters too: read without colours)."""
        self._ask_checkins()
        if not self.signs:
            return
        from tui.screens.checkins.words import sign_names  # not on the first frame

        screen: Any = self
        title(_("Signs of re-recruitment"), len(self.signs))
        for found in self.signs:
            mark = Text(fit("⚠ " + _("signs"), mark_width), style="bold reverse")
            said = _("{name}: {signs}").format(name=found.name, signs=sign_names(found.signs))
            row(f"s:{found.worker_id}", found.case_id,
                {"worker": found.worker_id, "open": CHECKINS}, mark,
                (format_date(found.checkin.on), screen.date_width), (found.ref, ref_width),
                (said, rest))

    def checkins_due_section(self, title: Callable[[str, int], None], row: Callable[..., None],
                             mark: Callable[[bool, str], Text], options: list[Option],
                             ref_width: int, rest: int, most: int) -> None:
        """Overdue check-ins first (marked ! overdue), then those due within the week."""
        self._ask_checkins()
        from tui.screens.checkins.words import which  # not on the first frame

        screen: Any = self
        day = screen.view.day
        title(_("Check-ins due"), len(self.checkins_due))
        for found in self.checkins_due[:most]:
            due = found.due
            said = _("{name}: {which}").format(name=found.name, which=which(due.month))
            row(f"c:{found.worker_id}:{due.month}", found.case_id,
                {"worker": found.worker_id, "open": CHECKINS},
                mark(due.due < day, _("today") if due.due == day else ""),
                (format_date(due.due), screen.date_width), (found.ref, ref_width), (said, rest))
        if len(self.checkins_due) > most:
            options.append(Option(Text(_("… and {count} more: see each case").format(
                count=len(self.checkins_due) - most)), disabled=True))


__all__ = ["CHECKINS", "CheckInsOnToday", "checkins_today"]
