"""The HTCDS case-status columns of a worker's row (issue 35): `cas_Status` and
`cas_ReasonForCaseClosure`, written beside `traffickingStatus` since CTDC does not publish
them. Public codes only: the case's stage and its closing reason's code (HTCDS has no closed
vocabulary for the reason, so its English label of the union's list is written, as the list's
file gives it, never translated; a code since taken off the list is written as kept).

- `cas_Status`: Closed, or ClosedReferred where the reason is one of referral (the list's
  `referred`); FollowUp at the stage of legal follow-up; else Active.
- `cas_ReasonForCaseClosure`: the reason's label while the case is closed; else empty (a case
  closed by hand before reasons were kept has none).
"""

from __future__ import annotations

from pydantic import BaseModel

from store.common.closing import reason
from store.domain.records import Case
from store.domain.rules.closing import is_closed
from store.domain.vocab import Stage

STATUS, REASON = "cas_Status", "cas_ReasonForCaseClosure"
COLUMNS: tuple[str, ...] = (STATUS, REASON)
PUBLIC_SOURCES: tuple[tuple[type[BaseModel], str], ...] = (
    (Case, "stage"), (Case, "closed_reason"), (Case, "closings"))


def case_status(case: Case) -> dict[str, str]:
    """The two columns of the case's rows."""
    if not is_closed(case):
        return {STATUS: "FollowUp" if case.stage is Stage.LEGAL_FOLLOW_UP else "Active",
                REASON: ""}
    found = reason(case.closed_reason)
    status = "ClosedReferred" if found is not None and found.referred else "Closed"
    return {STATUS: status, REASON: found.label_en if found else case.closed_reason or ""}
