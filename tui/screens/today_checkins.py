"""Today's two sections of the check-ins after return (issue 35): "Signs of re-recruitment",
first of all, a line per worker whose latest check-in shows signs no one has followed up (the
worker, the case, which signs, the check-in's date); and "Check-ins due", the check-ins of the
workers' schedules overdue (marked as Today marks what is overdue) or due within the week.
Enter on a line opens the worker's check-ins over their case, so that Escape comes back through
the case.

A mix-in of `tui.screens.today.TodayScreen` (kept apart: that module is full). Both lists are
the view's (`Today.signs`, `Today.checkins_due`: `store.domain.agenda` fills them from the
items the store keeps up to date on each save).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets.option_list import Option

from store import _, format_date
from tui.widgets.caselist import fit

if TYPE_CHECKING:
    pass

CHECKINS = "checkins"  # the page a line opens over the case (tui/screens/case/checkins.py)
_WEEK = 7


class CheckInsOnToday:
    """Today's sections of signs of re-recruitment and check-ins due (see the module's doc)."""

    _signs_seen: frozenset[str] = frozenset()

    @property
    def signs(self) -> list[Any]:
        view = getattr(self, "view", None)
        return [] if view is None else view.signs

    @property
    def checkins_due(self) -> list[Any]:
        view = getattr(self, "view", None)
        return [] if view is None else view.checkins_due

    def newly_signed(self) -> str | None:
        """The line of the first worker with signs not shown before (the cursor goes to
        them, as to conflicts newly found), or None."""
        seen, self._signs_seen = self._signs_seen, frozenset(s.worker_id for s in self.signs)
        newly = [s for s in self.signs if s.worker_id not in seen]
        return f"s:{newly[0].worker_id}" if newly else None

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

    def signs_section(self, title: Callable[[str, int], None], row: Callable[..., None],
                      mark_width: int, ref_width: int, rest: int, most: int,
                      options: list[Option]) -> None:
        """First on Today, when there are any: a line a worker with signs not followed up,
        marked loud (in the characters too: read without colours)."""
        if not self.signs:
            return
        from tui.screens.checkins.words import sign_names  # not on the first frame

        screen: Any = self
        title(_("Signs of re-recruitment"), len(self.signs))
        for found in self.signs[:most]:
            mark = Text(fit("⚠ " + _("signs"), mark_width), style="bold reverse")
            said = _("{name}: {signs}").format(name=found.name, signs=sign_names(found.signs))
            row(f"s:{found.worker_id}", found.case_id,
                {"worker": found.worker_id, "open": CHECKINS}, mark,
                (format_date(found.on), screen.date_width), (found.ref, ref_width),
                (said, rest))
        if len(self.signs) > most:
            options.append(Option(Text(_("… and {count} more: see each case").format(
                count=len(self.signs) - most)), disabled=True))

    def checkins_due_section(self, title: Callable[[str, int], None], row: Callable[..., None],
                             mark: Callable[[bool, str], Text], options: list[Option],
                             ref_width: int, rest: int, most: int) -> None:
        """Overdue check-ins first (marked ! overdue), then those due within the week."""
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


__all__ = ["CHECKINS", "CheckInsOnToday"]
