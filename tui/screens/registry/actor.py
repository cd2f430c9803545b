"""One actor of the registry (a recruiter, an agency, a broker, an employer, a transporter):
its names, role and country, where the fact came from, the identifiers it uses, the places it
operates, and the cases and workers it touches with its role in each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from store import N_, _
from store.domain import Actor, country_name, label
from tui.screens.directory.base import _REF, Lines, first_line
from tui.screens.registry.forms import ActorForm
from tui.screens.registry.page import SURE, RegistryPage
from tui.screens.registry.words import Names, certainty, sourced, sure_by_case

if TYPE_CHECKING:
    from store.db import Database


class ActorScreen(RegistryPage):
    kind = "actor"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="actor.back"),
        Binding("e", "edit", N_("Edit"), id="actor.edit"),
        Binding("d", "remove", N_("Remove"), id="actor.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="actor.help"),
    ]
    HELP = N_(
        "One actor of the registry: a recruiter, an agency, a broker, an employer or a "
        "transporter, with its names and aliases, its country and where the fact came from "
        "(alleged or confirmed). Then the identifiers it uses, the places it operates, the "
        "workers and cases it touches with its role in each, and every case it is seen in. "
        "An actor is never an organisation the union works with. Enter opens the line under "
        "the cursor: a case opens over this page, and Escape comes back here. e edits the "
        "actor; d removes it, refused while anything links to it. Escape goes back."
    )

    def load(self, db: Database, names: Names) -> None:
        actor = db.get(Actor, self.record_id)
        self.record = actor
        self.links = db.registry_links_to(actor.id)
        self.case_ids = db.seen_in_cases(actor.id)
        self.uses = [i for i in names.identifiers.values() if i.actor_id == actor.id]
        self.operates = [p for p in names.places.values() if p.operator_id == actor.id]
        targets = {actor.id, *(i.id for i in self.uses)}
        self.sure = sure_by_case([link for link in db.registry_links()
                                  if link.target in targets])
        self.title = actor.name
        facts = [" · ".join(x for x in (label(actor.role), country_name(actor.country)) if x)]
        if actor.other_names:
            facts.append(f"{Actor.field_label('other_names')}: {', '.join(actor.other_names)}")
        facts.append(sourced(actor))
        if actor.notes.strip():
            facts.append(f"{Actor.field_label('notes')}: {first_line(actor.notes)}")
        self.show_facts(facts)

    def fill(self, lines: Lines, width: int, names: Names) -> None:
        self.identifier_rows(lines, _("Identifiers it uses"), self.uses, width)
        lines.heading(_("Places it operates"), len(self.operates))
        for place in self.operates:
            lines.row(f"l:{place.id}", self.open("place", place.id),
                      (place.name, width - 14 - SURE - 2), (label(place.status), 14),
                      (certainty(place), SURE))
        lines.heading(_("Workers and cases"), len(self.links))
        role = 14
        for link in self.links:
            who = names.worker(link.worker_id) or _("the whole case")
            lines.row(f"w:{link.id}", self.open_case_here(link.case_id, link.worker_id),
                      (who, width - _REF - role - SURE - 3), (names.case_ref(link.case_id), _REF),
                      (label(link.role) if link.role else "", role), (certainty(link), SURE))
        self.case_rows(lines, self.case_ids, width, names, self.sure)

    def form(self) -> Any:
        return ActorForm(self.record, _("Edit actor"))
