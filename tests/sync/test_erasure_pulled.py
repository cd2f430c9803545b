"""A worker erased at one site reaches another in one sync, whole: their screening, consent
and plan as the erasing site blanked them, not blanked again there as edits of its own."""

from __future__ import annotations

from collections.abc import Callable

from store.db.database import Database
from store.sync import export_key, import_key, sync
from tests.sync.conftest import SITE


def test_an_erasure_taken_from_the_hub_is_not_sent_back(
        make_site: Callable[..., Database], hub_url: str) -> None:
    a, b = make_site("A", demo=True), make_site("B")
    import_key(b, export_key(a, "carried by hand"), "carried by hand")
    for site in (a, b):
        sync(site, hub_url, user=SITE[0], password=SITE[1])
    records = a.replica_records()
    worker_id = min(body["worker_id"] for table, body in records.values() if table == "plans")
    a.erase_worker(worker_id)

    sync(a, hub_url, user=SITE[0], password=SITE[1])
    taken = sync(b, hub_url, user=SITE[0], password=SITE[1])

    assert taken.erasures == 1
    assert b.replica_records() == a.replica_records()
    for site in (a, b):
        again = sync(site, hub_url, user=SITE[0], password=SITE[1])
        assert (again.sent, again.received) == (0, 0)
