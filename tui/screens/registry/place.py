"""One place of the registry, a compound above all: its names, kind, where it is, its status
and the history of it (raided, relocated and where to), who operates it, the identifiers used
there, who was held there and when, and the cases it is in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from store import N_, _, format_date
from store.domain import Place, country_name, label
from tui.screens.directory.base import _REF, Lines, first_line
from tui.screens.registry.forms import PlaceForm
from tui.screens.registry.page import SURE, RegistryPage
from tui.screens.registry.words import Names, certainty, held, sourced, sure_by_case

if TYPE_CHECKING:
    from store.db import Database


def history_line(place: Place, names: Names) -> str:
    """"operating 2 Jan 2025 → raided 3 Mar 2026 → relocated 9 Mar 2026 → moved to X"."""
    steps = [f"{label(change.status)} {format_date(change.on)}" for change in place.history]
    moved = names.place(place.moved_to_id)
    if moved is not None:
        steps.append(_("moved to {name}").format(name=moved.name))
    return " → ".join(steps)


class PlaceScreen(RegistryPage):
    kind = "place"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="place.back"),
        Binding("e", "edit", N_("Edit"), id="place.edit"),
        Binding("d", "remove", N_("Remove"), id="place.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="place.help"),
    ]
    HELP = N_(
        "One place of the registry: its names, kind, city, province and country, its map "
        "position (no map is opened: nothing goes on the network), its status and the history "
        "of it (raided on a day, relocated, and where to), where the fact came from (alleged "
        "or confirmed). Then who operates it, the place it moved to, the identifiers used "
        "there, who was held there (the worker, the case, from and until when) and the cases "
        "it is in. Enter opens the line under the cursor: a case opens over this page, and "
        "Escape comes back here. e edits the place (a new status is dated today); d removes "
        "it, refused while anything links to it. Escape goes back."
    )

    def load(self, db: Database, names: Names) -> None:
        place = db.get(Place, self.record_id)
        self.record = place
        self.held = db.held_at(place.id)
        self.case_ids = db.seen_in_cases(place.id)
        self.used_here = [i for i in names.identifiers.values() if i.place_id == place.id]
        targets = {place.id, *(i.id for i in self.used_here)}
        self.sure = sure_by_case([link for link in db.registry_links()
                                  if link.target in targets])
        self.title = place.name
        where = ", ".join(x for x in (place.city, place.province, country_name(place.country))
                          if x)
        facts = [" · ".join(x for x in (label(place.kind), where) if x)]
        if place.latitude is not None and place.longitude is not None:
            facts.append(_("Position: {latitude}, {longitude}").format(
                latitude=place.latitude, longitude=place.longitude))
        if place.other_names:
            facts.append(f"{Place.field_label('other_names')}: {', '.join(place.other_names)}")
        status = label(place.status)
        if place.since is not None:
            status = _("{status} since {date}").format(status=status,
                                                       date=format_date(place.since))
        facts.append(_("Status: {status}").format(status=status))
        if len(place.history) > 1 or place.moved_to_id:
            facts.append(history_line(place, names))
        facts.append(sourced(place))
        if place.notes.strip():
            facts.append(f"{Place.field_label('notes')}: {first_line(place.notes)}")
        self.show_facts(facts)

    def fill(self, lines: Lines, width: int, names: Names) -> None:
        place: Place = self.record
        operator, moved = names.actor(place.operator_id), names.place(place.moved_to_id)
        if operator is not None:
            lines.heading(Place.field_label("operator_id"), 1)
            lines.row(f"a:{operator.id}", self.open("actor", operator.id),
                      (operator.name, width - 14 - SURE - 2), (label(operator.role), 14),
                      (certainty(operator), SURE))
        if moved is not None:
            lines.heading(Place.field_label("moved_to_id"), 1)
            lines.row(f"l:{moved.id}", self.open("place", moved.id),
                      (moved.name, width - 14 - SURE - 2), (label(moved.status), 14),
                      (certainty(moved), SURE))
        self.identifier_rows(lines, _("Identifiers used here"), self.used_here, width)
        lines.heading(_("Held here"), len(self.held))
        dates = 27
        for link in self.held:
            lines.row(f"h:{link.id}", self.open_case_here(link.case_id, link.worker_id),
                      (names.worker(link.worker_id), width - _REF - dates - SURE - 3),
                      (names.case_ref(link.case_id), _REF), (held(link), dates),
                      (certainty(link), SURE))
        self.case_rows(lines, self.case_ids, width, names, self.sure)

    def form(self) -> Any:
        return PlaceForm(self.record, _("Edit place"))
