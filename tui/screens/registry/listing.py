"""The registry (key 7): every place, actor and identifier in one list, a heading for each,
each line saying whether its fact is alleged or confirmed and, for an identifier, in how many
cases it is seen; `/` filters by any name or value, `n` adds a record (asking which kind),
Enter opens one.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import Input

from store import N_, PulangError, _
from store.domain import (
    Actor,
    Identifier,
    Place,
    country_name,
    fold,
    label,
    matches_query,
    printable,
)
from tui.dialogs.picker import PickerDialog, PickItem
from tui.screens.directory.base import Lines, SectionList, _Listing, list_width
from tui.screens.registry.forms import ActorForm, IdentifierForm, PlaceForm
from tui.screens.registry.words import certainty, seen_in

_SURE = 10  # "alleged", "confirmed"
_SEEN = 16  # "seen in 12 cases"


def closeness(query: str, texts: list[str]) -> int:
    """How well a record answers the filter: 3 a name or value exactly as typed (folded),
    2 one containing it, 1 a name matching with spelling differences forgiven, 0 none."""
    if not query.strip():
        return 1
    wanted = fold(query.strip().lstrip("@+"))
    folded = [fold(t).lstrip("@+") for t in texts if t]
    if wanted in folded:
        return 3
    if any(wanted in t for t in folded):
        return 2
    return 1 if matches_query(query, texts) else 0


class RegistryScreen(_Listing):
    FILTER = "registry-filter"
    FILTER_HINT = N_("/ to filter by any name, handle, number or city")
    SCREEN_TITLE = N_("Registry")
    LIST_ID = "registry"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="registry.back", show=False),
        Binding("slash", "filter", N_("Filter"), id="registry.filter"),
        Binding("n", "new", N_("New"), id="registry.new"),
        Binding("f1", "app.help", N_("Help"), id="registry.help"),
    ]
    HELP = N_(
        "The registry: the places where workers were held (compounds above all), the actors "
        "who trafficked them (recruiters, agencies, brokers, employers, transporters) and the "
        "identifiers they use (phones, handles, accounts, websites, adverts). Every line says "
        "whether its fact is alleged or confirmed, and an identifier in how many cases it is "
        "seen. / goes to the filter: type part of a name, a handle, a number or a city; Enter "
        "or Down goes back to the list, Escape clears the filter. Enter opens the line under "
        "the cursor. n adds a place, an actor or an identifier (it asks which). Escape goes "
        "back to Today."
    )

    def __init__(self) -> None:
        super().__init__()
        self.places: list[Place] = []
        self.actors: list[Actor] = []
        self.identifiers: list[Identifier] = []
        self.seen: dict[str, int] = {}
        self.closest: dict[str, int] = {}

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            self.places = db.places()
            self.actors = db.actors()
            self.identifiers = db.identifiers()
            self.seen = db.seen_counts()
        except PulangError as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return
        self.loaded = True
        self.render_view()

    def render_view(self) -> None:
        listing = self.query_one(SectionList)
        query = self.query_one("#registry-filter", Input).value
        width = list_width(listing, self)
        lines = Lines()
        self.closest = {}
        places = [p for p in self.places if self._answers(
            f"l:{p.id}", query, [*p.all_names, p.city, p.province])]
        lines.heading(_("Places"), len(places))
        kind, status = 20, 10
        for place in places:
            lines.row(f"l:{place.id}", self.open("place", place.id),
                      (place.name, width - kind - status - _SURE - 3),
                      (label(place.kind), kind), (label(place.status), status),
                      (certainty(place), _SURE))
        actors = [a for a in self.actors if self._answers(f"a:{a.id}", query, a.all_names)]
        lines.heading(_("Actors"), len(actors))
        role, country = 12, 14
        for actor in actors:
            lines.row(f"a:{actor.id}", self.open("actor", actor.id),
                      (actor.name, width - role - country - _SURE - 3),
                      (label(actor.role), role), (country_name(actor.country), country),
                      (certainty(actor), _SURE))
        identifiers = [i for i in self.identifiers
                       if self._answers(f"i:{i.id}", query, [i.value, i.bank])]
        lines.heading(_("Identifiers"), len(identifiers))
        what = 12
        for identifier in identifiers:
            lines.row(f"i:{identifier.id}", self.open("identifier", identifier.id),
                      (label(identifier.kind), what),
                      (identifier.value, width - what - _SEEN - _SURE - 3),
                      (seen_in(self.seen.get(identifier.id, 0)), _SEEN),
                      (certainty(identifier), _SURE))
        self.targets = lines.targets
        lines.show_in(listing)

    def _answers(self, key: str, query: str, texts: list[str]) -> bool:
        self.closest[key] = closeness(query, texts)
        return self.closest[key] > 0

    def into_list(self) -> None:
        listing = self.query_one(SectionList)
        # The closest line the filter left, ready for Enter: a handle typed, Enter, Enter.
        # A handle typed whole goes to that handle, not to an advert whose text resembles it.
        rows = [(self.closest.get(option.id or "", 0), -i) for i in range(listing.option_count)
                if not (option := listing.get_option_at_index(i)).disabled]
        if rows:
            listing.highlighted = -max(rows)[1]

    def action_new(self) -> None:
        items = [PickItem("place", _("A place"), _("a compound, a transit or recruitment place")),
                 PickItem("actor", _("An actor"), _("a recruiter, an agency, a broker…")),
                 PickItem("identifier", _("An identifier"),
                          _("a phone, a handle, an account, a website…"))]

        def picked(ids: list[str] | None) -> None:
            if not ids:
                return
            kind = ids[0]
            form = {"place": PlaceForm, "actor": ActorForm, "identifier": IdentifierForm}[kind]
            self.app.push_screen(form(None, _("New record of the registry")),
                                 lambda record: self._created(kind, record))

        self.pulang.when_loaded(lambda: self.app.push_screen(
            PickerDialog(_("Add to the registry"), items, filter=False), picked))

    def _created(self, kind: str, record: Any) -> None:
        if record is not None:
            self.notify(_("Added to the registry."))
            self.pulang.open_record(kind, record.id)
