"""The forms of the directory: an organisation and a person.

A new record is checked against the directory before it is saved: when the name (or another
spelling, the acronym) looks like a record already there, `LikelyMatchesDialog` lists them and
the officer chooses: save it as a new record anyway (`s`), open the one already there (Enter
or `o`: it opens on top of the form, which keeps what was typed), or go back to the form
(Escape). Saving a duplicate is never silent, and never impossible: two people may share a
name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, NotFound, _, date_for_input
from store.domain import (
    Organisation,
    OrgKind,
    Person,
    choices,
    country_name,
    format_phone,
    printable,
)
from tui.screens.directory import OrganisationScreen, PersonScreen, SectionList
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.pickers import PickField, PickItem
from tui.screens.tasks import organisation_items
from tui.translate import TranslatedBindings

if TYPE_CHECKING:
    from store.db import Database

DATE_HINT = "DD/MM/YYYY"

R = TypeVar("R", Organisation, Person)


class LikelyMatchesDialog(TranslatedBindings, ModalScreen[tuple[str, str] | None]):
    """The records a new one looks like. Answers ("save", "") to save it anyway, ("open",
    id) to open one of them, None to go back to the form."""

    BINDINGS = [
        Binding("s", "save_anyway", N_("Save as new"), id="matches.save"),
        Binding("o", "open", N_("Open this one"), id="matches.open"),
        Binding("escape", "back", N_("Back to the form"), id="matches.back"),
        Binding("f1", "app.help", N_("Help"), id="matches.help"),
    ]
    HELP = N_(
        "The directory already holds records much like the one you are adding: the same "
        "person or organisation under another spelling, perhaps. Up and down choose one; "
        "Enter or o opens it, on top of your form, which keeps what you typed (Escape comes "
        "back to it). s saves yours as a new record anyway: two people may share a name. "
        "Escape goes back to the form without saving."
    )

    def __init__(self, name: str, items: list[PickItem]) -> None:
        super().__init__()
        self.typed_name = name
        self.items = items

    def compose(self) -> ComposeResult:
        with Vertical(id="matches-dialog"):
            yield Label(_("Already in the directory?"), id="matches-title")
            yield Static(_("«{name}» looks like:").format(
                name=printable(self.typed_name, limit=80)), id="matches-intro", markup=False)
            # The cursor's line in reverse video: seen without colours too (NO_COLOR).
            yield SectionList(id="matches-list", compact=True)
            yield Label(_("Enter/o opens it · s saves as new · Escape back to the form"),
                        id="matches-keys")

    def on_mount(self) -> None:
        options = self.query_one(SectionList)
        options.add_options([Option(Text(item.shown()), id=item.id) for item in self.items])
        options.highlighted = 0
        self.set_focus(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(("open", event.option.id))

    def action_open(self) -> None:
        options = self.query_one(SectionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id:
                self.dismiss(("open", option.id))

    def action_save_anyway(self) -> None:
        self.dismiss(("save", ""))

    def action_back(self) -> None:
        self.dismiss(None)


class _DirectoryForm(RecordForm[R], Generic[R]):
    """A form of the directory: a new record is checked for likely matches first."""

    record_kind = ""  # "organisation" or "person": what open_record opens

    def _db(self) -> Database:
        return cast("Database", getattr(self.app, "db"))

    def likely(self, db: Database, record: R) -> list[PickItem]:
        """In a thread: the records `record` looks like, best first, as lines to show."""
        raise NotImplementedError

    def typed_name(self, record: R) -> str:
        raise NotImplementedError

    def action_save(self) -> None:
        if self.record is not None or self._saving:
            super().action_save()
            return
        record = self.validated()
        if record is None:
            return
        db = self._db()
        self._saving = True
        self.sub_title = _("Looking for the same name in the directory…")
        self.app.run_store(lambda: self.likely(db, record),  # type: ignore[attr-defined]
                           lambda found: self._matches_found(record, found), self._not_saved,
                           what="match")

    def _matches_found(self, record: R, found: list[PickItem]) -> None:
        self._saving = False
        self.sub_title = ""
        if not found:
            self.save_with(record, lambda: self.persist(record))
            return

        def answered(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return  # back to the form, as typed
            what, record_id = answer
            if what == "save":
                self.save_with(record, lambda: self.persist(record))
            else:
                cls = OrganisationScreen if self.record_kind == "organisation" else PersonScreen
                # On top of the form (which keeps what was typed: Escape comes back).
                self.app.push_screen(cls(record_id))

        self.app.push_screen(LikelyMatchesDialog(self.typed_name(record), found), answered)

    def _pick_names(self, field: str) -> None:
        """Show the chosen organisation by its name (the field knows only its id)."""
        pick = self.query_one(f"#f-{field}", PickField)
        pick.names.update({item.id: item.label for item in organisation_items(self._db())
                           if item.id in pick.chosen})
        pick.set_value(pick.value)


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
