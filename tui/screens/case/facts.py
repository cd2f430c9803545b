"""The case page's facts, at its top: kind, place, stage and urgency, exploitation and sector,
how it was reported, the partners it is shared with, the money claimed and recovered (after.py),
tags; a stage set by hand against the workers' steps, when and why; and the case's closing or
last reopening (closing.py)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from store import _, format_date
from store.domain import (
    Derived,
    country_name,
    hand_set_reason,
    is_closed,
    label,
    worker_numbers,
)
from tui.screens.case.text import shown


class CaseFacts:
    """Part of `CaseScreen` (a mix-in): the facts at the top of the page."""

    def render_facts(self) -> None:
        case = self.case
        assert case is not None
        place = ", ".join(p for p in (shown(case.destination_place),
                                      country_name(case.destination_country)) if p)
        kinds = ", ".join(label(t) for t in case.exploitation_types) or "–"
        stage = label(case.stage)
        by_hand: list[str] = []
        if is_closed(case):  # closed with a reason, shown on its own line, not as by hand
            by_hand = self.closing_lines(case)
        elif self.derived is not None:
            if case.stage_override and case.stage is not self.derived.stage:
                stage = _("{stage} (set by hand)").format(stage=stage)
                by_hand = self._set_by_hand(self.derived)
            else:
                stage = self.derived.describe()
            by_hand += self.closing_lines(case)  # reopened: when and why
        else:
            by_hand = self.closing_lines(case)
        first = _("{kind} case · {place} · stage: {stage} · urgency: {urgency}").format(
            kind=label(case.kind), place=place, stage=stage,
            urgency=label(case.urgency),
        )
        second = _("Exploitation: {kinds} · sector: {sector}").format(
            kinds=kinds, sector=label(case.sector) if case.sector else "–"
        )
        third = _("Reported {date}{via} · from {origin} · officer: {officer}").format(
            date=format_date(case.date_reported),
            via=(" " + _("via {how}").format(how=label(case.reached_via)))
            if case.reached_via else "",
            origin=country_name(case.origin_country) or "–",
            officer=shown(case.assigned_officer) or "–",
        )
        # With whom the case is shared (sharing.py): one line, as many names as fit.
        shared = self.shared_line(self.size.width - 2)
        lines = [*self._conflict_marks(), first, *by_hand, second, third, *shared,
                 *self.money_facts(), *self.registry_line()]
        if case.tags:
            lines.append(_("Tags: {tags}").format(tags=shown(", ".join(case.tags))))
        # One line each, cut short rather than wrapped (app.tcss): the workers and the log
        # need the rows.
        self.query_one("#facts", Static).update("\n".join(lines))

    def _set_by_hand(self, derived: Derived) -> list[str]:
        """Two lines on a stage set by hand that the workers' steps no longer agree with: when
        and why (from the log entry that says so, the newest), and the offer to follow them."""
        when = None
        for entry in self.entries:  # newest first
            reason = hand_set_reason(entry.summary)
            if reason is not None:
                when = _("Stage set by hand on {date}: {reason}").format(
                    date=format_date(entry.at.astimezone().date()),
                    reason=shown(" ".join(reason.split())))  # on its one line
                break
        return [when or _("Stage set by hand (the reason is not in the log any more)."),
                _("The workers' steps give \u201c{derived}\u201d: f follows them.").format(
                    derived=label(derived.stage))]

    def _conflict_marks(self) -> list[str]:
        """A line when a sync left this case, a worker of it or a log entry with a field
        changed at two sites while apart: both sites show the hub's choice until someone
        decides, and the officer must know that what they read may not be the last word."""
        found: dict[str, list[str]] = getattr(self.app, "sync_conflicts", {})
        if not found:
            return []
        case = self.case
        assert case is not None
        what: list[str] = []

        def named(record: Any, who: str) -> None:
            fields = found.get(record.id)
            if fields is None:
                return
            labels = [type(record).field_label(f) if f else _("removed elsewhere")
                      for f in fields]
            what.append(_("{who} ({fields})").format(who=who, fields=", ".join(labels)))

        named(case, _("the case"))
        numbers = worker_numbers(self.case_workers)  # as the workers' table numbers them
        for worker in self.case_workers:
            named(worker, _("worker {number}").format(number=numbers.get(worker.id, "?")))
        for entry in self.entries:
            named(entry, _("a log entry of {date}").format(date=format_date(entry.at)))
        if not what:
            return []
        return ["⚠ " + _("Changed at two sites while apart: {what}. Decide on Today (1); "
                         "the hub's choice is shown until then.").format(what="; ".join(what))]
