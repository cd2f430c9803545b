"""The screening's suggestion, as pure functions: whether a worker counts as a child, the
trafficking status the UN Trafficking Protocol's rule gives from a screening's answers, and why,
in the user's language. The officer decides; the suggestion is shown beside the decision.

The functions read a screening and a worker (`store.domain.records.Screening` and `Worker`)
through the little they need of each (`Screened`, `Aged`): the records package re-exports them,
so this module does not import it.
"""

from __future__ import annotations

from typing import Protocol

from store.common.i18n import _
from store.domain.vocab import Answer, IloIndicator, TraffickingStatus


class Screened(Protocol):
    """What the rule reads of a screening (`store.domain.records.Screening`)."""

    act: Answer
    means: Answer
    purpose: Answer
    minor: Answer

    def indicators_present(self) -> list[IloIndicator]: ...


class Aged(Protocol):
    """What the rule reads of a worker (`store.domain.records.Worker`)."""

    @property
    def display_age(self) -> int | None: ...


def is_child(screening: Screened | None, worker: Aged | None) -> bool:
    """Under 18 when recruited: as the screening says, else from the worker's age now."""
    if screening is not None and screening.minor is not Answer.UNKNOWN:
        return screening.minor is Answer.YES
    age = worker.display_age if worker is not None else None
    return age is not None and age < 18


def suggested_status(screening: Screened, child: bool | None) -> TraffickingStatus | None:
    """The Protocol's rule: act + means + purpose, and for a child no means needed.

    `child` None reads it from the screening alone. Actual when every element needed is yes;
    not a victim when one of them is no; possible while one is still unknown; None while
    nothing at all is known (nothing to suggest yet)."""
    if child is None:
        child = screening.minor is Answer.YES
    needed = [screening.act, screening.purpose] + ([] if child else [screening.means])
    if all(a is Answer.YES for a in needed):
        return TraffickingStatus.ACTUAL
    if any(a is Answer.NO for a in needed):
        return TraffickingStatus.NOT_A_VICTIM
    known = [screening.act, screening.means, screening.purpose]
    if all(a is Answer.UNKNOWN for a in known) and not screening.indicators_present():
        return None
    return TraffickingStatus.POSSIBLE


def status_reason(screening: Screened, child: bool) -> str:
    """Why the rule suggests what it suggests, in the user's language."""
    suggested = suggested_status(screening, child)
    missing = [name for name, answer in ((_("act"), screening.act),
                                         (_("means"), None if child else screening.means),
                                         (_("purpose"), screening.purpose))
               if answer is not None and answer is not Answer.YES]
    if suggested is TraffickingStatus.ACTUAL:
        return (_("act and purpose established; a child needs no means") if child
                else _("act, means and purpose established"))
    if suggested is TraffickingStatus.NOT_A_VICTIM:
        return _("not established: {elements}").format(elements=", ".join(
            name for name, answer in ((_("act"), screening.act),
                                      (_("means"), None if child else screening.means),
                                      (_("purpose"), screening.purpose))
            if answer is Answer.NO))
    if suggested is None:
        return _("nothing answered yet")
    return _("not yet: {elements} still unknown").format(elements=", ".join(missing))
