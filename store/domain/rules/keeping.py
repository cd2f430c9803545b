"""Keeping a closed case no longer than needed: when it falls due to be anonymised, when Today
warns of it, and what holds it.

A closed case (closed now: not reopened since its last closing, `store.domain.rules.closing`)
that is not anonymised yet falls due on its closing day plus the union's period
(`store.common.closing.months_after_closing`, 24 months by default), counted in calendar
months: closed on 31 January, 1 month on is the last day of February. Today warns of it from a
calendar month before that day (`warn_from`).

A case due is HELD, not anonymised, while something still needs what it holds:
- a legal matter of one of its workers is open (`LegalMatter.is_open`): a court may still need
  it, and UU 27/2022 lets data needed to finish a legal process be kept (Pasal 44(1)(c));
- a check-in after return is still due for one of its workers: `held_by_checkins`, the case
  ids the check-ins after return name (filled by that feature; empty until then).

Pure: the caller hands the cases, the ids of the cases held, the period and the day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from store.common.closing import months_after_closing
from store.common.errors import RuleRefused
from store.common.i18n import _
from store.domain.records import Case
from store.domain.rules.closing import is_closed

# Why a case due is held (a code; `held_words` says it in the officer's language).
HELD_BY_LEGAL, HELD_BY_CHECKIN = "legal", "checkin"


def held_words(code: str) -> str:
    """Why a case is held, in words ("" when it is not)."""
    return {HELD_BY_LEGAL: _("a legal matter is open"),
            HELD_BY_CHECKIN: _("a check-in after return is still due")}.get(code, "")


def keeping_months() -> int:
    """The union's period of keeping, in months after closing (24 unless its file says)."""
    return months_after_closing()


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` calendar months (negative: back); a day the month has not
    (the 31st, the 29th of February) becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def due_on(case: Case, months: int) -> dt.date | None:
    """The day the case falls due to be anonymised: its closing day plus `months`; None when
    it is not closed now, has no closing day, or is anonymised already."""
    if case.anonymised_on is not None or case.closed_on is None or not is_closed(case):
        return None
    return add_months(case.closed_on, months)


def warn_from(due: dt.date) -> dt.date:
    """The first day Today warns of a case due on `due`: a calendar month before."""
    return add_months(due, -1)


@dataclass(frozen=True)
class Keeping:
    """A closed case within a month of its day (or past it), and what holds it, if anything."""

    case_id: str
    ref: str
    due: dt.date
    months: int
    held: str = ""  # HELD_BY_LEGAL or HELD_BY_CHECKIN, "" when not held

    def is_due(self, today: dt.date) -> bool:
        """To be anonymised today: its day has come and nothing holds it."""
        return self.due <= today and not self.held


def held_why(case_id: str, legal_open: set[str], held_by_checkins: set[str]) -> str:
    """Why the case is held ("" when it is not): a legal matter first, then a check-in."""
    if case_id in legal_open:
        return HELD_BY_LEGAL
    if case_id in held_by_checkins:
        return HELD_BY_CHECKIN
    return ""


def keeping(cases: Iterable[Case], months: int, today: dt.date, legal_open: set[str],
            held_by_checkins: set[str] | None = None) -> list[Keeping]:
    """Every closed case from a month before its day on (due, warned of, or held), the
    soonest first. `legal_open`: the ids of the cases with an open legal matter;
    `held_by_checkins`: those a check-in after return still due holds."""
    found = []
    for case in cases:
        due = due_on(case, months)
        if due is None or today < warn_from(due):
            continue
        held = held_why(case.id, legal_open, held_by_checkins or set())
        found.append(Keeping(case.id, case.ref or "", due, months, held))
    return sorted(found, key=lambda k: (k.due, k.ref, k.case_id))


def due_today(items: Iterable[Keeping], today: dt.date) -> list[Keeping]:
    """Those to anonymise today: their day come, nothing holding them."""
    return [k for k in items if k.is_due(today)]


def warned(items: Iterable[Keeping], today: dt.date) -> list[Keeping]:
    """Those whose day is within the month ahead (and not held)."""
    return [k for k in items if today < k.due and not k.held]


def held(items: Iterable[Keeping]) -> list[Keeping]:
    """Those held: a legal matter open, or a check-in still due."""
    return [k for k in items if k.held]


def refuse_anonymising(case: Case, held_reason: str) -> None:
    """RuleRefused saying why the case cannot be anonymised: not closed, already anonymised,
    or held (`held_reason`: HELD_BY_LEGAL or HELD_BY_CHECKIN); else nothing."""
    if case.anonymised_on is not None:
        raise RuleRefused(_("This case was anonymised on {day}: there is nothing left to "
                            "anonymise.").format(day=case.anonymised_on.isoformat()))
    if case.closed_on is None or not is_closed(case):
        raise RuleRefused(_("Only a closed case is anonymised; this one is not closed."))
    if held_reason:
        raise RuleRefused(_("This case is held, not anonymised: {why}.").format(
            why=held_words(held_reason)))


def audit_note(months: int) -> str:
    """The audit trail's note of an anonymisation (English, no personal value: the History
    translates the action and shows the note as it is)."""
    return f"kept {months} months after closing"
