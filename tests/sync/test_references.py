"""Case references stay unique across the sites of a union that create cases in turn."""

from __future__ import annotations

from collections.abc import Callable

from store.db.database import Database
from store.domain.records import Case, build
from store.exchange.check import check
from store.sync import export_key, import_key, sync
from tests.sync.conftest import SITE


def test_a_site_numbers_its_next_case_after_those_the_sync_brought(
        make_site: Callable[..., Database], hub_url: str) -> None:
    a, b = make_site("A"), make_site("B")
    import_key(b, export_key(a, "carried by hand"), "carried by hand")

    def new_case(db: Database) -> str:
        case = db.save_case(build(Case, {"title": "Held at a farm", "destination_country": "MY"}))
        for site in (db, b if db is a else a):
            sync(site, hub_url, user=SITE[0], password=SITE[1])
        assert case.ref is not None
        return case.ref

    # B's counter stands at 1 when A's case, numbered 2 after B's, reaches it.
    refs = [new_case(b), new_case(a), new_case(b)]
    assert len(set(refs)) == 3, refs
    assert check(a) == [] and check(b) == []
