"""Where the registry says a worker was exploited, for the HTCDS export's
`CountryOfExploitation` (store/exchange/htcds.py, whose `check_sources` holds every field read
here to be public: a place's kind and country, a link's ids and date of report)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from store.domain.records import Case
from store.domain.vocab import PlaceKind

if TYPE_CHECKING:
    from store.db.database import Database

# The kinds of place a worker was exploited at (`CountryOfExploitation`).
EXPLOITED_AT: frozenset[PlaceKind] = frozenset({PlaceKind.COMPOUND, PlaceKind.EXPLOITATION})


def countries_held(db: Database) -> dict[str, list[str]]:
    """For each worker the registry says was held at a compound or place of exploitation of a
    known country: those countries, the one reported last first (public fields only)."""
    country = {p.id: p.country for p in db.places() if p.kind in EXPLOITED_AT and p.country}
    held = sorted((link for link in db.registry_links()
                   if link.worker_id and link.place_id in country),
                  key=lambda link: (link.reported_on, link.id), reverse=True)
    found: dict[str, list[str]] = {}
    for link in held:
        assert link.worker_id is not None and link.place_id is not None
        countries = found.setdefault(link.worker_id, [])
        if country[link.place_id] not in countries:
            countries.append(country[link.place_id])
    return found


def exploited_in(case: Case, held_in: Sequence[str]) -> str:
    """The worker's country of exploitation: where the registry says they were held (the
    case's country if it is one of them, else the one reported last), else the case's."""
    if not held_in:
        return case.destination_country
    return case.destination_country if case.destination_country in held_in else held_in[0]


__all__ = ["EXPLOITED_AT", "countries_held", "exploited_in"]
