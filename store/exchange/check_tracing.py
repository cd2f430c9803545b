"""`pulang check` of the intakes and families' inquiries: every id they name (a worker, a
case, an inquiry, a registry place, a directory organisation) must be a record that exists,
and a confirmed intake keeps nothing personal in its rows (`store.exchange.check` calls it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.common.i18n import _
from store.domain.records import Case, Inquiry, Intake, Organisation, Place, Record, Worker
from store.domain.vocab import IntakeStatus


def tracing_problems(valid: dict[type[Record], list[Record]],
                     describe: Callable[[type[Record], dict[str, Any]], str],
                     problem: Callable[[str, str], Any]) -> list[Any]:
    ids = {kind: {r.id for r in valid.get(kind, [])} for kind in
           (Case, Worker, Inquiry, Place, Organisation)}
    missing = _("names a record that does not exist: {what}")
    found: list[Any] = []

    def need(record: Record, kind: type[Record], wanted: list[str | None], field: str) -> None:
        if any(w is not None and w not in ids[kind] for w in wanted):
            found.append(problem(describe(type(record), {"id": record.id}),
                                 missing.format(what=type(record).field_label(field))))

    for intake in valid.get(Intake, []):
        assert isinstance(intake, Intake)
        need(intake, Organisation, [intake.source_org_id], "source_org_id")
        need(intake, Case, [*intake.case_ids, *(r.case_id for r in intake.rows)], "case_ids")
        need(intake, Worker, [r.worker_id for r in intake.rows], "rows")
        need(intake, Inquiry, [r.inquiry_id for r in intake.rows], "rows")
        if intake.status is IntakeStatus.CONFIRMED and any(
                r.name or r.other_names or r.phone or r.passport or r.date_of_birth
                or r.compound or r.notes for r in intake.rows):
            found.append(problem(describe(Intake, {"id": intake.id}),
                                 _("is confirmed but its rows still hold personal data")))
    for inquiry in valid.get(Inquiry, []):
        assert isinstance(inquiry, Inquiry)
        need(inquiry, Worker, [inquiry.worker_id, inquiry.pending_worker_id], "worker_id")
        need(inquiry, Place, [inquiry.place_id], "place_id")
    return found
