"""A worker erased at one site reaches another in one sync, whole: their screening, consent
and plan as the erasing site blanked them, not blanked again there as edits of its own."""

from __future__ import annotations

from collections.abc import Callable

from store.db.database import Database
from store.domain.records import LogEntry, build
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


def test_a_name_blanked_at_both_sites_is_one_change(
        make_site: Callable[..., Database], hub_url: str) -> None:
    """The erased worker's name in a log entry's text: both sites blank it the same way, and
    the erasing site's version is taken, not sent back as a change of this site's own."""
    a, b = make_site("A", demo=True), make_site("B")
    import_key(b, export_key(a, "carried by hand"), "carried by hand")
    worker = a.workers_of(a.cases()[0].id)[0]
    # The last id: the hub lists the entry after the worker (it lists the documents of one
    # request by id), so that the erasure here blanks the entry before its version is read.
    a.save_log_entry(build(LogEntry, {"id": "f" * 32, "case_id": worker.case_id,
                                      "summary": f"Called {worker.full_name} at the shelter"}))
    for site in (a, b):
        sync(site, hub_url, user=SITE[0], password=SITE[1])
    removed = sum(1 for link in a.registry_links() if link.worker_id == worker.id)
    removed += len(a.legal_of(worker.case_id, worker.id) + a.money_of(worker.case_id, worker.id))
    a.erase_worker(worker.id)

    sent = sync(a, hub_url, user=SITE[0], password=SITE[1])
    taken = sync(b, hub_url, user=SITE[0], password=SITE[1])

    # The demo's registry links naming the worker, and their legal matters and money, go with
    # the erasure: sent as removals, taken with the erasure at the other site (not counted as
    # received there).
    assert removed and taken.received == sent.sent - removed
    assert b.replica_records() == a.replica_records()
    for site in (a, b):
        again = sync(site, hub_url, user=SITE[0], password=SITE[1])
        assert (again.sent, again.received) == (0, 0)
