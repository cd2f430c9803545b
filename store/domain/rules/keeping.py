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

import datetime as dt
from collections.abc import Iterable

from store.common.closing import months_after_closing
from store.common.errors import RuleRefused
from store.common.i18n import _
from store.domain.records import Case
from store.domain.rules.closing import is_closed
from store.domain.rules.kept import (  # noqa: F401 - offered here too
    HELD_BY_CHECKIN,
    HELD_BY_LEGAL,
    Keeping,
    add_months,
    warn_from,
)


def held_words(code: str) -> str:
    """Why a case is held, in words ("" when it is not)."""
    return {HELD_BY_LEGAL: _("a legal matter is open"),
            HELD_BY_CHECKIN: _("a check-in after return is still due")}.get(code, "")


def keeping_months() -> int:
    """The union's period of keeping, in months after closing (24 unless its file says)."""
    return months_after_closing()


def due_on(case: Case, months: int) -> dt.date | None:
    """The day the case falls due to be anonymised: its closing day plus `months`; None when
    it is not closed now, has no closing day, or is anonymised already."""
    if case.anonymised_on is not None or case.closed_on is None or not is_closed(case):
        return None
    return add_months(case.closed_on, months)


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
