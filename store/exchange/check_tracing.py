"""`pulang check` of the intakes and families' inquiries: every id they name (a worker, a
case, an inquiry, a registry place, a directory organisation) must be a record that exists,
and a confirmed intake keeps nothing personal in its rows (`store.exchange.check` calls it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from store.common.i18n import _
from store.domain.records import Case, Inquiry, Intake, Organisation, Place, Record, Worker


def tracing_problems(valid: dict[type[Record], list[Any]],
                     describe: Callable[[type[Record], dict[str, Any]], str],
                     problem: Callable[[str, str], Any]) -> list[Any]:
    ids = {kind: {r.id for r in valid.get(kind, [])} for kind in
           (Case, Worker, Inquiry, Place, Organisation)}
    missing = _("names a record that does not exist: {what}")
    found: list[Any] = []

    # Each record is its facts (`store.exchange.check_records`): an intake's are the cases it
    # made and those of its rows, its rows' workers and inquiries, and whether a row still
    # holds something personal.
    def need(record: Any, kind: type[Record], wanted: Iterable[str | None], field: str) -> None:
        if any(w is not None and w not in ids[kind] for w in wanted):
            found.append(problem(describe(record.kind, {"id": record.id}),
                                 missing.format(what=record.kind.field_label(field))))

    for intake in valid.get(Intake, []):
        need(intake, Organisation, [intake.source_org_id], "source_org_id")
        need(intake, Case, intake.case_ids, "case_ids")
        need(intake, Worker, intake.row_workers, "rows")
        need(intake, Inquiry, intake.row_inquiries, "rows")
        if intake.kept_personal:
            found.append(problem(describe(Intake, {"id": intake.id}),
                                 _("is confirmed but its rows still hold personal data")))
    for inquiry in valid.get(Inquiry, []):
        need(inquiry, Worker, [inquiry.worker_id, inquiry.pending_worker_id], "worker_id")
        need(inquiry, Place, [inquiry.place_id], "place_id")
    return found
