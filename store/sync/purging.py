"""`pulang hub purge`: the old revisions of erased records removed from the hub for good.

CouchDB keeps every leaf revision, and the bodies of deleted leaves, until they are purged;
`_purge` is for the hub's admins only (since CouchDB 2.3.1) and takes leaf revisions. For each
id erased here or at another site: every leaf is purged, then the database is compacted (which
drops the bodies of old revisions). The erasure itself (the record with nothing personal left)
is then sent again as a first revision with no history, so that a site still offline learns of
it when its edit arrives: erasure beats that edit as it does any other.

pouchdb-server (the hub of the tests) refuses `_purge`: this runs against CouchDB only (see
the README, "Syncing between sites").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.engine import audit, replicas
from store.engine.replicas import DocState
from store.sync.couch import Hub
from store.sync.pushing import Context, Outgoing
from store.sync.session import _sealer, _state

if TYPE_CHECKING:
    from store.db import Database


@dataclass
class Purged:
    ids: int = 0
    revisions: int = 0


def purge(db: Database, hub_url: str, user: str | None, password: str | None) -> Purged:
    sealer = _sealer(db)
    state = _state(db)
    erased = sorted(state.erased | db.erased_ids())
    done = Purged()
    with Hub(hub_url, user, password) as hub:
        leaves = {}
        for doc_id in erased:
            revs = [item["_rev"] for item in hub.all_leaves(doc_id)]
            if revs:
                leaves[doc_id] = revs
        if not leaves:
            return done
        db.audit_event(audit.PUSHED, note=(
            f"hub={hub.url} purge ids={len(leaves)} "
            + " ".join(f"{i}:{','.join(r)}" for i, r in leaves.items())))
        hub.purge(leaves)
        hub.compact()
        done.ids, done.revisions = len(leaves), sum(len(r) for r in leaves.values())
        ctx = Context(db, hub, state)
        again = []
        for doc_id in leaves:
            here = ctx.records.get(doc_id)
            if here is None:
                continue
            table, body = here
            again.append(ctx.child(doc_id, table, None, body))
        def took(sent: Outgoing) -> None:
            new: DocState = sent.state
            new.advance_base(new.rev, ctx.records[sent.doc["_id"]][1])
            state.docs[sent.doc["_id"]] = new

        ctx.send(again, total=len(again), on_sent=took)
    replicas.save(db.path, sealer, state)
    return done
