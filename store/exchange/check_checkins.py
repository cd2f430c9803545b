"""`pulang check` of the check-ins after return (issue 35; `store.exchange.check` calls it):
each one's worker must be of its case; an answer to an indicator the union's check-in does not
ask, or an answer it does not offer, is a warning naming the indicator (never the answer,
which is sensitive): the union may have changed its file since the check-in was recorded, and
such an answer is kept and left unscored, not a fault of the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.common.i18n import _
from store.domain.records import CheckIn, Record


def checkin_problems(valid: dict[type[Record], list[Any]], case_ids: set[str],
                     workers_by_case: dict[str, set[str]],
                     describe: Callable[[type[Record], dict[str, Any]], str],
                     problem: Callable[..., Any]) -> list[Any]:
    """The problems of the check-ins (`problem(where, message)`), and the warnings
    (`problem(where, message, warning=True)`)."""
    found: list[Any] = []
    for record in valid.get(CheckIn, []):  # their facts (`store.exchange.check_records`)
        if record.case_id not in case_ids:
            said = _("belongs to a case that does not exist")
        elif record.worker_id not in workers_by_case.get(record.case_id, set()):
            said = _("is about a worker who is not in its case")
        elif not record.unknown_answers:
            continue
        else:
            said = None
        where = describe(CheckIn, record._asdict())
        if said is not None:
            found.append(problem(where, said))
        for indicator in record.unknown_answers:
            found.append(problem(where, _(
                "answers {indicator}, which the union's check-in no longer asks or with an "
                "answer it no longer offers: kept, not scored (was the check-ins file "
                "changed?)").format(indicator=indicator), warning=True))
    return found
