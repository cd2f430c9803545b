"""What a pull in a partner's domain does with a withdrawal (`store.sync.partners`): fields
the partner's copy may no longer hold, or a record taken out of it, win over the edits the
other side made meanwhile, as an erasure does.

- a revision marked "w" (fields withdrawn: consent withdrawn or narrowed) is taken, every
  other live version closed;
- a removal marked "w" (the record taken out of the copy while this side keeps it: consent
  withdrawn or narrowed, the case no longer shared) wins over the other side's edits: they
  and the removal are closed alike (the same closings at both sides), so that the record,
  shared again later, goes as a version of its own with no removal held against it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.engine import audit

if TYPE_CHECKING:
    from store.engine.replicas import DocState
    from store.sync.partners import PartnerPolicy
    from store.sync.pulling import Leaf
    from store.sync.pushing import Context, Outgoing

Decided = tuple[str, dict[str, Any] | None, "DocState", list["Outgoing"]]


def decide(policy: PartnerPolicy, ctx: Context, doc_id: str, table: str, leaves: list[Leaf],
           live: list[Leaf], doc: DocState | None) -> Decided | None:
    """The withdrawal's answer for a record (see the module's doc), or None."""
    from store.sync.pulling import _taken

    view = policy.view
    withdrawn = [lf for lf in live if (lf.env or {}).get("w")]
    if withdrawn:  # as an erasure: the withdrawal wins, every other version is closed
        kept = withdrawn[0]
        out = [ctx.child(doc_id, table, None, None, closed=True, parent_rev=lf.rev,
                         parent_ancestors=lf.ancestors) for lf in live if lf is not kept]
        if out:
            ctx.db.audit_event(audit.ERASURE_APPLIED, table=table, record_id=doc_id, note=(
                f"consent withdrawn: {len(out)} edit(s) made meanwhile were closed"))
        if table == "workers" and doc_id in view.received:
            view.forget(doc_id)
        return table, kept.body, _taken(table, kept, kept.body, doc), out
    return _taken_out(policy, ctx, doc_id, table, leaves, live, doc)


def _taken_out(policy: PartnerPolicy, ctx: Context, doc_id: str, table: str,
               leaves: list[Leaf], live: list[Leaf], doc: DocState | None) -> Decided | None:
    def ours(leaf: Leaf) -> bool:
        return doc is not None and policy._ours(ctx, leaf, doc)  # noqa: SLF001 - its own rule

    gone = next((lf for lf in leaves if lf.deleted and not (lf.env or {}).get("closed")
                 and not any(o.covers(lf.rev) for o in live)
                 and ((lf.env or {}).get("w")  # this side's own is known here without it
                      or (doc is not None and lf.rev == doc.rev
                          and policy.withdraws_removal(doc_id, table)))), None)
    if gone is None or not live or any(ours(lf) == ours(gone) for lf in live):
        return None
    out = [ctx.child(doc_id, table, None, None, closed=True, parent_rev=lf.rev,
                     parent_ancestors=lf.ancestors) for lf in [*live, gone]]
    ctx.db.audit_event(audit.ERASURE_APPLIED, table=table, record_id=doc_id, note=(
        f"out of the partner's copy: {len(live)} edit(s) made meanwhile were closed"))
    return table, None, out[-1].state, out
