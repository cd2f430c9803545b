"""People & organisations (key 3): every organisation and every person in one list with a
heading for each, narrowed by a filter line that searches every name and spelling, tolerant of
spelling differences; `o` and `n` add an organisation or a person.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.widgets import Input

from store import N_, PulangError, _
from store.domain import Organisation, Person, label, matches_query, printable
from tui.screens.directory.base import Lines, SectionList, _Listing, list_width, org_label, place
from tui.screens.directory.organisation_form import OrganisationForm
from tui.screens.directory.person_form import PersonForm


class DirectoryScreen(_Listing):
    FILTER = "directory-filter"
    FILTER_HINT = N_("/ to filter by any name, acronym, title or city")
    SCREEN_TITLE = N_("People & organisations")
    LIST_ID = "directory"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="directory.back", show=False),
        Binding("slash", "filter", N_("Filter"), id="directory.filter"),
        Binding("o", "new_organisation", N_("New organisation"), id="directory.new_org"),
        Binding("n", "new_person", N_("New person"), id="directory.new_person"),
        Binding("f1", "app.help", N_("Help"), id="directory.help"),
    ]
    HELP = N_(
        "People & organisations: every partner and counterpart organisation, then every "
        "person of the directory, with their title and organisation. / goes to the filter: "
        "type part of any name, spelling, acronym, title or city to narrow both lists (small "
        "differences of spelling are forgiven); Enter or Down goes back to the list, Escape "
        "clears the filter. Enter opens the organisation or person under the cursor. o adds "
        "an organisation, n a person: if the directory already holds someone or something "
        "much like it, you are asked first. Escape goes back to Today."
    )

    def __init__(self) -> None:
        super().__init__()
        self.organisations: list[Organisation] = []
        self.people: list[Person] = []

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            self.organisations = db.organisations()
            self.people = db.people()
        except PulangError as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return
        self.loaded = True
        self.render_view()

    def render_view(self) -> None:
        listing = self.query_one(SectionList)
        query = self.query_one("#directory-filter", Input).value
        width = list_width(listing, self)
        orgs = {o.id: o for o in self.organisations}
        lines = Lines()
        shown_orgs = [o for o in self.organisations
                      if not query.strip() or matches_query(query, [*o.all_names, o.city])]
        lines.heading(_("Organisations"), len(shown_orgs))
        kind_width, place_width = 22, 18
        for org in shown_orgs:
            lines.row(f"o:{org.id}", self.open("organisation", org.id),
                      (org.shown_name, width - kind_width - place_width - 2),
                      (label(org.kind), kind_width), (place(org.city, org.country), place_width))
        shown_people = []
        for person in self.people:
            org = orgs.get(person.org_id or "")
            if not query.strip() or matches_query(
                    query, [*person.all_names, person.title, *(org.all_names if org else [])]):
                shown_people.append((person, org))
        lines.heading(_("People"), len(shown_people))
        name_width, org_width = 26, 14
        for person, org in shown_people:
            lines.row(f"p:{person.id}", self.open("person", person.id),
                      (person.name_in_rows, name_width),
                      (person.title, width - name_width - org_width - 2),
                      (org_label(org), org_width))
        self.targets = lines.targets
        lines.show_in(listing)

    def action_new_organisation(self) -> None:
        self.pulang.when_loaded(lambda: self.app.push_screen(
            OrganisationForm(None, _("New organisation")), self._created("organisation")))

    def action_new_person(self) -> None:
        self.pulang.when_loaded(lambda: self.app.push_screen(
            PersonForm(None, _("New person")), self._created("person")))

    def _created(self, kind: str) -> Callable[[Any], None]:
        def created(record: Organisation | Person | None) -> None:
            if record is not None:
                self.notify(_("Added to the directory."))
                self.pulang.open_record(kind, record.id)

        return created
