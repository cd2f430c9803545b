"""The form of an agreement: title, parties, areas, signatories and notes."""

from __future__ import annotations

from typing import Any

from store import _
from store.domain import Agreement, AgreementArea, AgreementStatus, choices, label
from tui.screens.agreements.common import _db
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.form.fields import PickField
from tui.screens.tasks import organisation_items, people_items


class AgreementForm(RecordForm[Agreement]):
    """Title, parties, areas, signatories and notes; a new one also where it starts."""

    record_type = Agreement
    draft_kind = "agreement"

    def fields(self) -> list[FieldSpec]:
        specs = [
            FieldSpec("title", required=True,
                      placeholder=_("e.g. KSPSI–LFTU cooperation on migrant workers")),
            FieldSpec("party_ids", "picks", required=True,
                      source=lambda: organisation_items(_db(self)),
                      hint=_("At least two. Enter chooses organisations of the directory.")),
            FieldSpec("areas", "multi", choices(AgreementArea)),
            FieldSpec("signatory_ids", "picks", source=lambda: people_items(_db(self)),
                      hint=_("Enter chooses people of the directory.")),
            FieldSpec("notes", "area"),
        ]
        if self.record is None:
            specs.insert(1, FieldSpec(
                "status", "select",
                [(label(s), s) for s in (AgreementStatus.IDEA, AgreementStatus.DRAFTING)],
                required=True, hint=_("Where it starts; later moves are dated on its screen.")))
        return specs

    def on_mount(self) -> None:
        super().on_mount()
        db = _db(self)
        for name, items in (("party_ids", organisation_items(db)),
                            ("signatory_ids", people_items(db))):
            field = self.query_one(f"#f-{name}", PickField)
            field.names.update({item.id: item.label for item in items
                                if item.id in field.chosen})
            field.set_value(field.value)

    def defaults(self) -> dict[str, Any]:
        return {"status": AgreementStatus.IDEA, "party_ids": [], "signatory_ids": [],
                "areas": []}

    def values_of(self, agreement: Agreement) -> dict[str, Any]:
        return {
            "title": agreement.title,
            "party_ids": list(agreement.party_ids),
            "areas": list(agreement.areas),
            "signatory_ids": list(agreement.signatory_ids),
            "notes": agreement.notes,
        }

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> AgreementForm:
        record = Agreement.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"])

    def persist(self, record: Agreement) -> Agreement:
        return _db(self).save_agreement(record)
