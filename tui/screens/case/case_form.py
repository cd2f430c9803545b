"""The form for a case.

A rule of the domain asks the officer before a save goes through: a case's stage set by hand
against the one its workers' steps give needs a reason (asked in a `ReasonDialog`, written to
the log); the stage "closed" chosen closes the case through `close_case`, after asking the
reason from the union's list and a note (`tui.dialogs.closing`)."""

from __future__ import annotations

from typing import Any

from store import RuleRefused, StageReasonNeeded, _, clock, date_for_input
from store.db import officer
from store.domain import (
    Case,
    CaseKind,
    ExploitationType,
    ReachedVia,
    Sector,
    Stage,
    Urgency,
    choices,
    country_name,
    is_closed,
)
from tui.dialogs.closing import ask_closing
from tui.dialogs.reason import ReasonDialog
from tui.screens.case.fields import DATE_HINT, _db
from tui.screens.form import FieldSpec, RecordForm


class CaseForm(RecordForm[Case]):
    record_type = Case
    draft_kind = "case"

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("title", required=True,
                      placeholder=_("e.g. Ten workers escaped a scam compound")),
            FieldSpec("kind", "select", choices(CaseKind), required=True),
            FieldSpec("destination_country", "country", required=True,
                      placeholder=_("country name or code, e.g. Cambodia or KH")),
            FieldSpec("destination_place", placeholder=_("city or area, e.g. Sihanoukville")),
            FieldSpec("origin_country", "country", placeholder=_("e.g. Indonesia or ID")),
            FieldSpec("exploitation_types", "multi", choices(ExploitationType)),
            FieldSpec("sector", "select", choices(Sector)),
            FieldSpec("reached_via", "select", choices(ReachedVia)),
            FieldSpec("date_reported", placeholder=DATE_HINT),
            FieldSpec("urgency", "select", choices(Urgency), required=True),
            FieldSpec("assigned_officer", placeholder=_("who follows this case")),
            FieldSpec("stage", "select", choices(Stage), required=True),
            FieldSpec("tags", placeholder=_("separated by commas")),
        ]

    def defaults(self) -> dict[str, Any]:
        return {
            "kind": CaseKind.INDIVIDUAL,
            "origin_country": country_name("ID"),
            "date_reported": date_for_input(clock.today()),
            "urgency": Urgency.NORMAL,
            "stage": Stage.REPORTED,
            "assigned_officer": officer(),
        }

    def values_of(self, case: Case) -> dict[str, Any]:
        return {
            "title": case.title,
            "kind": case.kind,
            "destination_country": country_name(case.destination_country),
            "destination_place": case.destination_place,
            "origin_country": country_name(case.origin_country),
            "exploitation_types": list(case.exploitation_types),
            "sector": case.sector,
            "reached_via": case.reached_via,
            "date_reported": date_for_input(case.date_reported),
            "urgency": case.urgency,
            "assigned_officer": case.assigned_officer,
            "stage": case.stage,
            "tags": ", ".join(case.tags),
        }

    def persist(self, record: Case) -> Case:
        db = _db(self)
        stored = db.get(Case, record.id) if record.version else None
        if record.stage is Stage.CLOSED and not (stored is not None and is_closed(stored)):
            if stored is not None:
                db.closable(record.id)  # CaseNotClosable: said below the form, as before
            raise _ClosingReasonNeeded(_("Closing the case needs a reason."))
        return db.save_case(record)

    def refused_by_rule(self, error: RuleRefused, record: Case) -> bool:
        """A stage against the workers' steps: ask why, then save with the reason (it goes
        into the log). The stage closed: ask the reason from the list and a note, then save
        the rest at the stage it stood at and close it. Escape leaves the form as it is."""
        if isinstance(error, _ClosingReasonNeeded):
            ask_closing(self.app, _("case {ref}").format(ref=record.ref or ""),
                        lambda code, note: self.save_with(
                            record, lambda: self._close(record, code, note)))
            return True
        if not isinstance(error, StageReasonNeeded):
            return False  # CaseNotClosable and the like: the message shows below the form

        def answered(reason: str | None) -> None:
            if reason:
                self.save_with(record, lambda: _db(self).save_case(record, stage_reason=reason))
            else:
                self.not_saved_because(error)

        self.app.push_screen(
            ReasonDialog(_("Why this stage?"), str(error),
                         placeholder=_("e.g. the embassy confirmed the flight by phone")),
            answered,
        )
        return True

    def _close(self, record: Case, code: str, note: str) -> Case:
        """The form's other changes saved at the stage the case stood at, then closed."""
        db = _db(self)
        stored = db.get(Case, record.id) if record.version else None
        kept = record.model_copy(update={
            "stage": stored.stage if stored is not None else Stage.REPORTED})
        saved = db.save_case(kept)
        return db.close_case(saved.id, code, note)


class _ClosingReasonNeeded(RuleRefused):
    """The stage closed was chosen: the form asks the reason (never shown as such)."""
