"""The form for a worker's consent: to which kinds of recipient their personal data may go."""

from __future__ import annotations

from typing import Any

from store import _, clock, date_for_input
from store.domain import CONSENTABLE, Consent, label
from tui.screens.case.fields import DATE_HINT, _db
from tui.screens.form import FieldSpec, RecordForm


class ConsentForm(RecordForm[Consent]):
    """A worker's consent: when, by whom, in which language, and to which kinds of recipient
    their personal data may go. Only kinds a consent can name are offered."""

    record_type = Consent
    draft_kind = "consent"

    def __init__(self, record: Consent | None, title: str, case_id: str, worker_id: str) -> None:
        self.case_id = case_id
        self.worker_id = worker_id
        super().__init__(record, title)

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("given_on", placeholder=DATE_HINT),
            # Not the login name: the person who explained it to the worker says so.
            FieldSpec("taken_by", required=True,
                      placeholder=_("who explained it and took the consent")),
            FieldSpec("language", placeholder=_("e.g. Bahasa Indonesia")),
            FieldSpec("recipients", "multi", [(label(kind), kind) for kind in CONSENTABLE],
                      hint=_("Media and recruiters never receive personal data.")),
            FieldSpec("withdrawn_on", placeholder=DATE_HINT,
                      hint=_("Fill in to withdraw consent; sharing stops.")),
            FieldSpec("notes", "area"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"given_on": date_for_input(clock.today()), "recipients": []}

    def values_of(self, consent: Consent) -> dict[str, Any]:
        return {
            "given_on": date_for_input(consent.given_on),
            "taken_by": consent.taken_by,
            "language": consent.language,
            "recipients": list(consent.recipients),
            "withdrawn_on": date_for_input(consent.withdrawn_on),
            "notes": consent.notes,
        }

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data.update(case_id=self.case_id, worker_id=self.worker_id)
        return data

    def draft(self) -> dict[str, Any]:
        # A new consent has no record yet to say whose it is.
        return {**super().draft(), "worker_id": self.worker_id}

    def persist(self, record: Consent) -> Consent:
        return _db(self).save_consent(record)
