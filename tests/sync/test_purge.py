"""`pulang hub purge` against a real CouchDB 3: pouchdb-server (the hub of the other tests)
refuses `_purge`, so these run only where COUCHDB_URL names a CouchDB admin's URL
(`http://admin:pw@127.0.0.1:5984`); CI has none (see the README, "Tests")."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from store.db.database import Database
from store.domain.records import Worker
from store.sync import export_key, import_key, purge, sync

COUCHDB = os.environ.get("COUCHDB_URL")
pytestmark = pytest.mark.skipif(
    not COUCHDB, reason="needs a real CouchDB 3 (COUCHDB_URL): pouchdb-server refuses _purge")


@pytest.fixture
def couch() -> Iterator[tuple[str, tuple[str, str]]]:
    assert COUCHDB
    parts = urlsplit(COUCHDB)
    admin = (parts.username or "", parts.password or "")
    server = f"{parts.scheme}://{parts.hostname}:{parts.port}"
    name = "pulang" + uuid.uuid4().hex[:8]
    with httpx.Client(base_url=server, auth=admin, trust_env=False) as client:
        client.put(f"/{name}").raise_for_status()
        yield f"{server}/{name}", admin
        client.delete(f"/{name}")


def test_purge_leaves_only_the_erasure(make_site: Callable[..., Database],
                                       couch: tuple[str, tuple[str, str]]) -> None:
    url, admin = couch
    jakarta = make_site("jakarta", demo=True)
    field = make_site("field")
    sync(jakarta, url, user=admin[0], password=admin[1], site_name="Jakarta")
    import_key(field, export_key(jakarta, "carried by hand 1"), "carried by hand 1")
    sync(field, url, user=admin[0], password=admin[1], site_name="Field")
    worker = next(w for w in (jakarta.get(Worker, i) for i, (t, _b) in
                              jakarta.replica_records().items() if t == "workers"))
    field.save(field.get(Worker, worker.id).model_copy(update={"notes": "seen on Sunday"}))
    jakarta.erase_worker(worker.id)
    for db, site in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        sync(db, url, user=admin[0], password=admin[1], site_name=site)
    done = purge(jakarta, url, admin[0], admin[1])
    assert done.ids >= 1 and done.revisions >= 2
    with httpx.Client(auth=admin, trust_env=False) as client:
        leaves = client.get(f"{url}/{worker.id}", params={"open_revs": "all", "revs": "true"},
                            headers={"Accept": "application/json"}).json()
    assert len(leaves) == 1 and leaves[0]["ok"]["_revisions"]["start"] == 1
