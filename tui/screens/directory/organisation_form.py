"""The form of an organisation of the directory."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store import NotFound, _
from store.domain import Organisation, OrgKind, choices, country_name
from tui.dialogs.picker import PickItem
from tui.screens.directory.form import _DirectoryForm
from tui.screens.form import FieldSpec
from tui.screens.tasks import organisation_items

if TYPE_CHECKING:
    from store.db import Database


class OrganisationForm(_DirectoryForm[Organisation]):
    record_type = Organisation
    draft_kind = "organisation"
    record_kind = "organisation"

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("name", required=True,
                      placeholder=_("e.g. Lao Federation of Trade Unions")),
            FieldSpec("acronym", placeholder=_("e.g. LFTU")),
            FieldSpec("kind", "select", choices(OrgKind), required=True),
            FieldSpec("country", "country",
                      placeholder=_("country name or code, e.g. Cambodia or KH")),
            FieldSpec("city", placeholder=_("e.g. Vientiane")),
            FieldSpec("parent_id", "pick", source=self._parents,
                      hint=_("Enter chooses the federation or council it is a member of.")),
            FieldSpec("other_names", placeholder=_("separated by commas")),
            FieldSpec("notes", "area"),
        ]

    def _parents(self) -> list[PickItem]:
        own = self.record.id if self.record is not None else None
        return [item for item in organisation_items(self._db()) if item.id != own]

    def on_mount(self) -> None:
        super().on_mount()
        self._pick_names("parent_id")

    def defaults(self) -> dict[str, Any]:
        return {"kind": OrgKind.OTHER, "parent_id": None}

    def values_of(self, org: Organisation) -> dict[str, Any]:
        return {
            "name": org.name,
            "acronym": org.acronym,
            "kind": org.kind,
            "country": country_name(org.country),
            "city": org.city,
            "parent_id": org.parent_id,
            "other_names": ", ".join(org.other_names),
            "notes": org.notes,
        }

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> OrganisationForm:
        record = Organisation.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"])

    def persist(self, record: Organisation) -> Organisation:
        return self._db().save_organisation(record)

    def typed_name(self, record: Organisation) -> str:
        return record.shown_name

    def likely(self, db: Database, record: Organisation) -> list[PickItem]:
        matches = db.similar_organisations(record.name, exclude=record.id,
                                           names=[record.acronym, *record.other_names])
        found = []
        for match in matches:
            try:
                org = db.organisation(match.id)
            except NotFound:
                continue
            where = ", ".join(x for x in (org.city, country_name(org.country)) if x)
            detail = " · ".join(x for x in (where, f"{round(match.score)}%") if x)
            found.append(PickItem(org.id, org.shown_name, detail))
        return found
