"""The form of a person of the directory."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store import NotFound, _, date_for_input
from store.domain import Person, country_name, format_phone
from tui.dialogs.picker import PickItem
from tui.screens.directory.form import _DirectoryForm
from tui.screens.form import FieldSpec
from tui.screens.tasks import organisation_items

if TYPE_CHECKING:
    from store.db import Database


DATE_HINT = "DD/MM/YYYY"


class PersonForm(_DirectoryForm[Person]):
    record_type = Person
    draft_kind = "person"
    record_kind = "person"

    def __init__(self, record: Person | None, title: str, *, org_id: str | None = None) -> None:
        self.org_id = org_id  # a new person's organisation, when added from it
        super().__init__(record, title)

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("full_name", required=True,
                      placeholder=_("as they write it, e.g. Phonensan Vilaymeing")),
            FieldSpec("other_spellings",
                      placeholder=_("other ways the name is written, separated by commas")),
            FieldSpec("org_id", "pick", source=lambda: organisation_items(self._db()),
                      hint=_("Enter chooses an organisation of the directory.")),
            FieldSpec("title", placeholder=_("e.g. Senior Vice President")),
            FieldSpec("title_since", placeholder=DATE_HINT),
            FieldSpec("country", "country",
                      placeholder=_("country name or code, e.g. Cambodia or KH")),
            FieldSpec("phones", placeholder=_("e.g. 020 5555 0101; +62 812 3456 7890"),
                      hint=_("Several separated by ;. A number without a country code is "
                             "read as one of the country above.")),
            FieldSpec("emails", placeholder=_("separated by commas")),
            FieldSpec("languages", placeholder=_("e.g. Lao, English")),
            FieldSpec("notes", "area"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self._pick_names("org_id")

    def defaults(self) -> dict[str, Any]:
        country = ""
        if self.org_id is not None:
            try:
                country = country_name(self._db().organisation(self.org_id).country)
            except NotFound:
                self.org_id = None
        return {"org_id": self.org_id, "country": country}

    def values_of(self, person: Person) -> dict[str, Any]:
        return {
            "full_name": person.full_name,
            "other_spellings": ", ".join(person.other_spellings),
            "org_id": person.org_id,
            "title": person.title,
            "title_since": date_for_input(person.title_since),
            "country": country_name(person.country),
            "phones": "; ".join(format_phone(p) for p in person.phones),
            "emails": ", ".join(person.emails),
            "languages": ", ".join(person.languages),
            "notes": person.notes,
        }

    def draft(self) -> dict[str, Any]:
        return {**super().draft(), "org_id": self.org_id}

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> PersonForm:
        record = Person.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"], org_id=draft.get("org_id"))

    def persist(self, record: Person) -> Person:
        return self._db().save_person(record)

    def typed_name(self, record: Person) -> str:
        return record.name_in_rows  # in a dialog's border: a spelling that fits (`row_name`)

    def likely(self, db: Database, record: Person) -> list[PickItem]:
        matches = db.similar_people(record.full_name, exclude=record.id,
                                    names=record.other_spellings)
        orgs = {o.id: o.acronym or o.name for o in db.organisations()}
        found = []
        for match in matches:
            try:
                person = db.person(match.id)
            except NotFound:
                continue
            detail = " · ".join(x for x in (person.title, orgs.get(person.org_id or "", ""),
                                            f"{round(match.score)}%") if x)
            found.append(PickItem(person.id, person.name_in_rows, detail))
        return found
