"""One identifier of the registry (a phone, a handle, an account...): its kind and value, who
uses it and where, where and when it was seen, where the fact came from, and every case it is
seen in, each opened by Enter: from a handle to every case it touches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from store import N_, _, format_date
from store.domain import Identifier, label
from tui.screens.directory.base import _DATE, Lines, first_line
from tui.screens.registry.forms import IdentifierForm
from tui.screens.registry.page import SURE, RegistryPage
from tui.screens.registry.words import Names, certainty, sourced, sure_by_case

if TYPE_CHECKING:
    from store.db import Database


class IdentifierScreen(RegistryPage):
    kind = "identifier"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="identifier.back"),
        Binding("e", "edit", N_("Edit"), id="identifier.edit"),
        Binding("d", "remove", N_("Remove"), id="identifier.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="identifier.help"),
    ]
    HELP = N_(
        "One identifier of the registry: its kind and value as its platform writes it, the "
        "bank of an account, where the fact came from (alleged or confirmed, from what, "
        "reported by whom and when); then who uses it and where, where and when it was seen, "
        "and every case it is seen in (its own links, and those of the actor or place that "
        "uses it). Enter opens the line under the cursor: a case opens over this page, and "
        "Escape comes back here. e edits the identifier; d removes it, refused while anything "
        "links to it. Escape goes back."
    )

    def load(self, db: Database, names: Names) -> None:
        identifier = db.get(Identifier, self.record_id)
        self.record = identifier
        self.case_ids = db.seen_in_cases(identifier.id)
        targets = {identifier.id, identifier.actor_id, identifier.place_id} - {None}
        self.sure = sure_by_case([link for link in db.registry_links()
                                  if link.target in targets])
        self.title = f"{label(identifier.kind)} · {identifier.value}"
        facts = [" · ".join(x for x in (label(identifier.kind), identifier.value,
                                        identifier.bank) if x),
                 sourced(identifier)]
        if identifier.notes.strip():
            facts.append(f"{Identifier.field_label('notes')}: {first_line(identifier.notes)}")
        self.show_facts(facts)

    def fill(self, lines: Lines, width: int, names: Names) -> None:
        identifier: Identifier = self.record
        actor, place = names.actor(identifier.actor_id), names.place(identifier.place_id)
        if actor is not None:
            lines.heading(Identifier.field_label("actor_id"), 1)
            lines.row(f"a:{actor.id}", self.open("actor", actor.id),
                      (actor.name, width - 14 - SURE - 2), (label(actor.role), 14),
                      (certainty(actor), SURE))
        if place is not None:
            lines.heading(Identifier.field_label("place_id"), 1)
            lines.row(f"l:{place.id}", self.open("place", place.id),
                      (place.name, width - 14 - SURE - 2), (label(place.status), 14),
                      (certainty(place), SURE))
        if identifier.seen:
            lines.heading(Identifier.field_label("seen"), len(identifier.seen))
            for number, sighting in enumerate(identifier.seen):
                lines.row(f"s:{number}", None, (format_date(sighting.on), _DATE),
                          (sighting.where, width - _DATE - 1))
        self.case_rows(lines, self.case_ids, width, names, self.sure)

    def form(self) -> Any:
        return IdentifierForm(self.record, _("Edit identifier"))
