"""The case page and the check-ins after return (issue 35): i opens the check-ins of the worker
under the cursor; Today's lines open them through the case (`focus={"worker": id, "open":
CHECKINS}`), so that Escape comes back through the case; and when a flight home is marked
done, a notice says when the worker's check-ins fall due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store import PulangError, _, clock, format_date
from store.domain import (
    add_months,
    checkin_months,
    home_on,
    indicators,
    latest,
    next_due,
    printable,
    re_recruitment,
)
from tui.screens.checkins import open_worker_checkins
from tui.screens.checkins.words import home_notice, many_home_notice, which

if TYPE_CHECKING:
    import datetime as dt

    from store.domain import CheckIn, Plan, Worker

CHECKINS = "checkins"  # the page a focus opens over the case (Today's lines)


class CaseCheckIns:
    """Part of `CaseScreen` (a mix-in): the workers' check-ins after return."""

    case_checkins: list[CheckIn] = []  # noqa: RUF012 - replaced, never changed in place
    checkin_months: tuple[int, ...] = ()

    def load_checkins(self) -> None:
        self.case_checkins = self.pulang.db.checkins_of(self.case_id)  # type: ignore[attr-defined]
        try:
            self.checkin_months = checkin_months()
        except PulangError:  # the union's file is wrong: said where the schedule is shown
            self.checkin_months = ()

    def checkin_glance(self, worker: Worker) -> str:
        """For the line under the workers, once the worker is home: signs of re-recruitment
        not followed up, or the next check-in due (marked ! when overdue); and the key."""
        plan = self.plans.get(worker.id)  # type: ignore[attr-defined]
        home = home_on(plan)
        mine = [c for c in self.case_checkins if c.worker_id == worker.id]
        last = latest(mine)
        if last is not None and last.followed_on is None and \
                re_recruitment(last.answers, indicators()):
            return "⚠ " + _("signs of re-recruitment (i)")
        if home is None:
            return ""
        due = next_due(home, self.checkin_months, mine)
        if due is None:
            return _("check-ins done (i)")
        late = "! " if due.overdue(clock.today()) else ""
        return late + _("{which} due {date} (i)").format(which=which(due.month),
                                                         date=format_date(due.due))

    def help_more(self) -> str:
        own = _(
            "Check-ins after return: i opens the check-ins of the worker under the cursor: "
            "their schedule (1, 3, 6 and 12 months after the flight home is marked done), the "
            "check-ins recorded with their scores, and the signs of re-recruitment. Marking "
            "the flight home done says when the check-ins fall due."
        )
        more = super().help_more()  # type: ignore[misc]
        return "\n\n".join(x for x in (own, more) if x)

    def action_checkins(self) -> None:
        """The check-ins of the worker under the cursor."""
        worker = self._under_cursor("workers", self.case_workers,  # type: ignore[attr-defined]
                                    _("Move to a worker in the workers list first."))
        if worker is not None:
            open_worker_checkins(self.app, self.case_id, worker.id,  # type: ignore[attr-defined]
                                 self._after_checkins)

    def _after_checkins(self, _result: object) -> None:
        self._reload_shown()  # type: ignore[attr-defined]

    def open_focused_page(self, focus: dict[str, str]) -> None:
        """A page asked for over the case as it opens (Today's check-ins and signs)."""
        if focus.get("open") == CHECKINS and "worker" in focus:
            open_worker_checkins(self.app, self.case_id, focus["worker"],  # type: ignore[attr-defined]
                                 self._after_checkins)

    def tell_home(self, before: dict[str, Plan], saved: list[Plan]) -> None:
        """Workers whose flight home was just marked done: when their check-ins fall due."""
        flown: dict[dt.date, list[str]] = {}
        for plan in saved:
            home = home_on(plan)
            if home is not None and home_on(before.get(plan.worker_id)) is None:
                flown.setdefault(home, []).append(plan.worker_id)
        if not flown:
            return
        try:
            months = checkin_months()
        except PulangError as error:  # the union's file of months is wrong: say so
            self.notify(printable(str(error)), severity="error",  # type: ignore[attr-defined]
                        timeout=15, markup=False)
            return
        names = {w.id: w.name_in_rows for w in self.case_workers}  # type: ignore[attr-defined]
        for home, ids in sorted(flown.items()):
            dates = [add_months(home, m) for m in months]
            text = home_notice(names.get(ids[0], ""), months, dates) if len(ids) == 1 \
                else many_home_notice(len(ids), months, dates)
            self.notify(printable(text, limit=300), timeout=15,  # type: ignore[attr-defined]
                        markup=False)
