"""The registry (key 7): who trafficked and where. The places where workers were held, the
actors who trafficked them and the identifiers they use, in one list (`RegistryScreen`), a page
for each (`PlaceScreen`, `ActorScreen`, `IdentifierScreen`) and their forms.

The modules: listing.py (the list), page.py (what the pages share), place.py, actor.py,
identifier.py (one page each), forms.py (the forms, and the link of a place or an actor to a
case), words.py (how sure a fact is and where it came from, "seen in N cases", names by id).
"""

from __future__ import annotations

from tui.screens.registry.actor import ActorScreen
from tui.screens.registry.forms import ActorForm, IdentifierForm, PlaceForm, RegistryLinkForm
from tui.screens.registry.identifier import IdentifierScreen
from tui.screens.registry.listing import RegistryScreen
from tui.screens.registry.place import PlaceScreen

__all__ = ["ActorForm", "ActorScreen", "IdentifierForm", "IdentifierScreen", "PlaceForm",
           "PlaceScreen", "RegistryLinkForm", "RegistryScreen"]
