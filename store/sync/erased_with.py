"""What goes with an erased worker in a sync: the records about them as a whole (their legal
matters and money: `store.domain.classification.about_one_worker`).

Erasing a worker removes those records (`Database.erase_worker`); they go to the other sites
as removals. A removal at one site against an edit at another is otherwise a conflict that
keeps the edit; here the erasure wins, as it does over an edit of the worker: every live
version of such a record whose worker is erased (here, or by an erasure this pull takes) is
closed, the record is removed, and no body of it is kept as a common version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.db.base import KIND_OF
from store.domain.classification import about_one_worker
from store.engine import audit
from store.engine.replicas import DocState, body_hash

if TYPE_CHECKING:
    from store.sync.pulling import Leaf
    from store.sync.pushing import Context, Outgoing


def of_erased(ctx: Context, table: str, live: list[Leaf]) -> bool:
    """Whether the record is about one worker, and a live version of it names a worker
    erased (known here as erased)."""
    erased = ctx.state.erased
    return _about_one(table) and any((lf.body or {}).get("worker_id") in erased for lf in live)


def removed(ctx: Context, doc_id: str, table: str, leaves: list[Leaf], live: list[Leaf]
            ) -> tuple[str, dict[str, Any] | None, DocState, list[Outgoing]]:
    """The record removed over every live version (see the module's doc): the removal a
    leaf already is, else one made here; the other live leaves closed. The same closings at
    every site (the domain key names them), so two sites doing it agree."""
    gone = next((lf for lf in leaves if lf.deleted and not (lf.env or {}).get("closed")),
                None)
    out: list[Outgoing] = []
    if gone is None:
        first, *live = live
        out.append(ctx.child(doc_id, table, None, None, parent_rev=first.rev,
                             parent_ancestors=first.ancestors))
        state = out[0].state
    else:
        state = DocState(table, gone.rev, list(gone.ancestors), body_hash(None), on_hub=True)
    out += [ctx.child(doc_id, table, None, None, closed=True, parent_rev=lf.rev,
                      parent_ancestors=lf.ancestors) for lf in live]
    state.forget_bases()
    if live:
        ctx.db.audit_event(audit.ERASURE_APPLIED, table=table, record_id=doc_id, note=(
            f"its worker erased: {len(live)} edit(s) made elsewhere were closed"))
    return table, None, state, out


def forget(ctx: Context, ids: set[str]) -> None:
    """Records an erasure taken in this pull removed here (the worker's legal matters and
    money, the registry's links naming them): no body of theirs kept as a common version."""
    for record_id in ids:
        doc = ctx.state.docs.get(record_id)
        if doc is not None:
            doc.forget_bases()
            doc.conflict = None


def sweep(ctx: Context) -> None:
    """After a pull that took an erasure: no common version of a record about one erased
    worker is kept (its removal may have come in a packet before the erasure's)."""
    for doc in ctx.state.docs.values():
        if _about_one(doc.table) and any(
                body.get("worker_id") in ctx.state.erased
                for _rev, body in doc.common_versions()):
            doc.forget_bases()
            doc.conflict = None


def _about_one(table: str) -> bool:
    kind = KIND_OF.get(table)
    return kind is not None and about_one_worker(kind)
