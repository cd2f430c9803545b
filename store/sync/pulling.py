"""Receiving: what the hub's changes feed holds since this site's checkpoint.

For each record that changed, every leaf revision is looked at (`style=all_docs`), and those
not known here are fetched (`_bulk_get`) and opened with the domain key. Then, in order:

- an erased record (erased here, or an erasure among the leaves) stays erased: the erasure is
  applied here if it is new, and every other live leaf gets a deletion under it, so that an
  offline edit cannot bring the worker's data back (recorded in the audit trail, no values);
- one live leaf: taken (its changes were made from what this site has); a removal beside it
  that no merge closed is a removal against an edit: the edit is kept, and it is a conflict;
- several live leaves: merged field by field against the common version
  (`store.sync.merging`). Without a conflict, the merge is written on CouchDB's winning leaf
  and every other leaf is closed with a deletion, in the same `_bulk_docs`: the hub has one
  leaf again, and another site merging the same leaves makes the same revisions. A winner
  that holds every change already gets no merge, only the closings. With one, the
  record shows the winner's values, and the conflict is kept until a person decides;
- no live leaf: removed everywhere, so removed here.

What changes here is committed in one transaction per packet, after the states it leads to
were noted in `<db>.sync-pending` (`store.engine.replicas`): a kill between the two loses
nothing and applies nothing twice.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

from store.engine import audit, replicas
from store.engine.replicas import DocState, body_hash
from store.sync import erased_with
from store.sync.merging import BOOKKEEPING, merge_leaves, winner_order
from store.sync.pushing import BATCH, Context, Outgoing
from store.sync.sealing import unseal

# A long pull notes its checkpoint now and then, not after every packet: a note writes the
# whole state (every record's), and one per packet of 500 took three quarters of the first sync
# of 10,000 cases (tests/perf/results-sync.md). A run killed in between takes again what came
# since the last note (what it applied here is in `<db>.sync-pending`).
SAVE_EVERY = 10.0  # seconds


@dataclass
class Leaf:
    rev: str
    deleted: bool
    env: dict[str, Any] | None  # None: its body is not known here
    ancestors: list[str]

    @property
    def body(self) -> dict[str, Any] | None:
        return None if self.env is None else self.env.get("b")

    def covers(self, rev: str | None) -> bool:
        """Whether `rev` is this leaf or one of its ancestors."""
        if rev is None:
            return False
        generation, digest = rev.split("-", 1)
        top = int(self.rev.split("-", 1)[0])
        index = top - int(generation)
        return 0 <= index < len(self.ancestors) and self.ancestors[index] == digest


def checkpoint_name(ctx: Context) -> str:
    return f"pulang-{ctx.state.site_id}"


def pointer_name(user: str) -> str:
    """The `_local` document, named by the hub user, that says which checkpoint is that
    user's: `pulang hub revoke` finds a site's checkpoint by it (pouchdb-server has no
    `_local_docs` to list them)."""
    return f"pulang-user-{user}"


def pull(ctx: Context) -> bool:
    """Everything the hub has since the checkpoint, in packets (see the module's doc).
    Whether the state was saved at the end (with `ctx.finish` called just before)."""
    state, hub = ctx.state, ctx.hub
    mine = state.checkpoints.get(hub.url) or {}
    theirs = hub.get_local(checkpoint_name(ctx))
    agreed = theirs is not None and mine.get("session") == theirs.get("session")
    since = mine.get("seq") if agreed else None
    session = mine.get("session") if agreed else os.urandom(8).hex()
    start, saved = since, time.monotonic()
    while True:
        results, last = hub.changes(since, BATCH)
        if results:
            _packet(ctx, results)
            ctx.progress("received", ctx.report.received, 0)
        since = last
        if len(results) < BATCH:
            break
        if time.monotonic() - saved >= SAVE_EVERY:
            _save(ctx, since, session)  # resumable from here
            saved = time.monotonic()
    if ctx.report.erasures:
        erased_with.sweep(ctx)
    # The hub's copy is written after the state's: a run killed between the two left it
    # behind, and is written again even when nothing new came.
    # The checkpoint carries the site's name and hub user, for `pulang hub revoke`.
    whose = {"site": state.site_name, "user": hub.user}
    named = theirs is not None and all(theirs.get(k) == v for k, v in whose.items())
    if since != start or not agreed or theirs is None or theirs.get("seq") != since or (
            not named):
        ctx.finish()
        _save(ctx, since, session)
        local = {"seq": since, "session": session, **whose}
        if theirs is not None and "_rev" in theirs:
            local["_rev"] = theirs["_rev"]
        hub.put_local(checkpoint_name(ctx), local)
        if not named and hub.user:
            _point(ctx, hub.user)
        return True
    return False


def _point(ctx: Context, user: str) -> None:
    """The user's pointer to this site's checkpoint (written once, when the checkpoint
    first carries the user's name)."""
    pointer = {"checkpoint": checkpoint_name(ctx), "site": ctx.state.site_name}
    before = ctx.hub.get_local(pointer_name(user))
    if before is not None and "_rev" in before:
        pointer["_rev"] = before["_rev"]
    ctx.hub.put_local(pointer_name(user), pointer)


def _save(ctx: Context, since: Any, session: str) -> None:
    ctx.state.checkpoints[ctx.hub.url] = {"seq": since, "session": session}
    replicas.save(ctx.db.path, _sealer(ctx), ctx.state)


def _sealer(ctx: Context) -> Any:
    sealer = ctx.db._engine.sealer  # noqa: SLF001 - the database's own key, for its own file
    assert sealer is not None
    return sealer


def _packet(ctx: Context, results: list[dict[str, Any]]) -> None:
    state = ctx.state
    wanted: list[tuple[str, str]] = []
    todo: list[tuple[str, list[str]]] = []
    for result in results:
        doc_id = result["id"]
        leaves = [c["rev"] for c in result.get("changes", [])]
        doc = state.docs.get(doc_id)
        if doc is not None and leaves == [doc.rev]:
            _settled(ctx, doc_id, doc)
            continue
        known = _known_bodies(ctx, doc_id, doc)
        wanted += [(doc_id, rev) for rev in leaves if rev not in known]
        todo.append((doc_id, leaves))
    # Workers first: an erasure among them is known when their legal matters come.
    todo.sort(key=lambda item: ctx.records.table_of(item[0]) != "workers")
    fetched: dict[str, dict[str, dict[str, Any]]] = {}
    ctx.sites = set()  # where what this packet brings was made (a site's name is no one's data)
    for item in ctx.hub.bulk_get(wanted):
        fetched.setdefault(item["_id"], {})[item["_rev"]] = item
    changes: list[tuple[str, str, dict[str, Any] | None]] = []
    pending: dict[str, tuple[DocState, str]] = {}
    outgoing: list[Outgoing] = []
    for doc_id, leaves in todo:
        decided = _decide(ctx, doc_id, leaves, fetched.get(doc_id, {}))
        if decided is None:
            continue
        table, body, new_state, out = decided
        outgoing += out
        here = ctx.records.get(doc_id)
        if (here[1] if here else None) != body:
            changes.append((table, doc_id, body))
        pending[doc_id] = (new_state, body_hash(body))
    # The merges and closings reach the hub before the database commits what they lead to:
    # the states noted pending take them as the hub's. A run killed after the commit and
    # before the send took them left two leaves and a state built on the unsent merge, which
    # the next run saw as a conflict; killed after the send, the next run takes the merge.
    ctx.send(outgoing, total=len(outgoing))
    sealer = _sealer(ctx)
    if changes:
        replicas.note_pending(ctx.db.path, sealer, pending)
        sites = ",".join(sorted(ctx.sites)) or "-"
        where = getattr(ctx.hub, "where", "hub=" + ctx.hub.url)  # a file says file=
        # A person's decision of a conflict is in this site's history as decided, too.
        for action, group in ((audit.PULLED, [c for c in changes if c[1] not in ctx.decided]),
                              (audit.DECIDED, [c for c in changes if c[1] in ctx.decided])):
            if group:
                ctx.report.received += ctx.db.apply_replica(
                    group, note=f"{where} sites={sites}", action=action)
    for doc_id, (new_state, _hash) in pending.items():
        state.docs[doc_id] = new_state
    for table, doc_id, body in changes:
        if body is None:
            ctx.records.pop(doc_id, None)
        else:
            ctx.records[doc_id] = (table, body)


def _settled(ctx: Context, doc_id: str, doc: DocState) -> None:
    """The hub's only leaf is this site's own: it is now the common version."""
    here = ctx.records.get(doc_id)
    body = here[1] if here else None
    doc.on_hub = True
    if doc.base_rev != doc.rev and body_hash(body) == doc.hash and doc_id not in ctx.state.erased:
        doc.advance_base(doc.rev, body)


def _known_bodies(ctx: Context, doc_id: str, doc: DocState | None) -> dict[str, Any]:
    """Bodies of leaves this site has without asking: its own, and a conflict's."""
    known: dict[str, Any] = {}
    if doc is None:
        return known
    if doc.conflict is not None:
        known.update(doc.conflict.get("bodies", {}))
    here = ctx.records.get(doc_id)
    body = here[1] if here else None
    if doc.rev is not None and body_hash(body) == doc.hash and doc.conflict is None:
        known[doc.rev] = body
    return known


def _leaves(ctx: Context, doc_id: str, revs: list[str], doc: DocState | None,
            fetched: dict[str, dict[str, Any]]) -> list[Leaf] | None:
    known = _known_bodies(ctx, doc_id, doc)
    leaves = []
    for rev in revs:
        item = fetched.get(rev)
        if item is not None:
            try:  # a sync file's envelopes come opened (the file was sealed as a whole)
                env = item["env"] if "env" in item else unseal(ctx.state.keys, doc_id, rev,
                                                                item.get("s"))
            except ValueError as error:
                ctx.report.problems.append(f"{doc_id} {rev}: {error}")
                return None
            ctx.sites.add(str(env.get("site")))
            ids = item.get("_revisions", {}).get("ids", [rev.split("-", 1)[1]])
            leaves.append(Leaf(rev, bool(item.get("_deleted")), env, list(ids)))
        elif rev in known:
            assert doc is not None
            ancestors = doc.ancestors if rev == doc.rev else [rev.split("-", 1)[1]]
            made = (doc.conflict or {}).get("made", {}).get(rev) or {
                "site": ctx.state.site_name, "at": None}
            env = {"t": doc.table, "b": known[rev], **made}
            deleted = known[rev] is None
            leaves.append(Leaf(rev, deleted, env, list(ancestors)))
        else:
            return None  # a leaf the hub did not give: asked again at the next sync
    return leaves


def _decide(ctx: Context, doc_id: str, revs: list[str], fetched: dict[str, dict[str, Any]]
            ) -> tuple[str, dict[str, Any] | None, DocState, list[Outgoing]] | None:
    doc = ctx.state.docs.get(doc_id)
    here = ctx.records.get(doc_id)
    meanwhile = doc is not None and here is not None and doc.conflict is None and (
        body_hash(here[1]) != doc.hash)  # changed here during this sync
    leaves = _leaves(ctx, doc_id, revs, doc, fetched)
    if not leaves:
        return None
    table = next((lf.env["t"] for lf in leaves if lf.env and lf.env.get("t")),
                 doc.table if doc else None)
    if table is None:
        return None
    leaves.sort(key=lambda lf: winner_order(lf.rev, lf.deleted), reverse=True)
    live = [lf for lf in leaves if not lf.deleted]
    if live and (doc_id in ctx.state.erased or any(lf.env and lf.env.get("e") for lf in live)):
        # Over a change made here meanwhile too: the erasure of a worker taken earlier in
        # this pull blanked their screening, consent and plan here, which must not go out
        # again as edits of their own beside the erasing site's.
        return _erased(ctx, doc_id, table, live, doc)
    if live and erased_with.of_erased(ctx, table, live):  # a legal matter of one erased
        return erased_with.removed(ctx, doc_id, table, leaves, live)
    if meanwhile and not (doc_id in ctx.blanked and len(live) == 1
                          and _holds_mine(live[0].body, here[1] if here else None, doc)):
        # Sent next time, merged then; but a text blanked here by an erasure taken earlier
        # in this pull as the erasing site blanked it is that site's version, not an edit:
        # taken as it is when it holds every value changed here (the erasing site's own
        # edits of the entry beside it are no reason to send a version of this site's).
        return None
    if ctx.policy is not None:  # a partner organisation's domain: its own rules first
        found = ctx.policy.decide(ctx, doc_id, table, leaves, live, doc, here)
        if found is not None:
            return found
    if not live:
        top = leaves[0]
        if (top.env or {}).get("decided"):
            ctx.decided.add(doc_id)
        return table, None, _taken(table, top, None, doc), []
    removals = [lf for lf in leaves if lf.deleted and not (lf.env or {}).get("closed")
                and not any(other.covers(lf.rev) for other in live)]
    if len(live) == 1:
        winner = live[0]
        if removals:
            new = DocState(table, winner.rev, list(winner.ancestors), body_hash(winner.body),
                           on_hub=True).bases_from(doc)
            new.conflict = _conflict_of(live, removals, {}, doc)
        else:
            new = _taken(table, winner, winner.body, doc)
            if (winner.env or {}).get("decided"):
                ctx.decided.add(doc_id)
        return table, winner.body, new, []
    # The newest common version every leaf descends from: a field changed at one site only
    # then merges by itself.
    base = next((body for rev, body in (doc.common_versions() if doc else [])
                 if all(lf.covers(rev) for lf in live)), None)
    merged, conflicts = merge_leaves(base, [(lf.rev, lf.body or {}) for lf in live])
    if conflicts or removals:
        new = DocState(table, live[0].rev, list(live[0].ancestors), body_hash(merged),
                       on_hub=True).bases_from(doc)
        new.conflict = _conflict_of(live, removals, conflicts, doc)
        return table, merged, new, []
    ctx.report.merged += 1
    winner = live[0]
    closings = [ctx.child(doc_id, table, None, None, closed=True, parent_rev=lf.rev,
                          parent_ancestors=lf.ancestors) for lf in live[1:]]
    if body_hash(merged) == body_hash(winner.body):
        # The winner holds every change already (a merge that reached the hub before a kill,
        # without its closings): the others are closed, and the merge is not made again.
        return table, merged, _taken(table, winner, merged, doc), closings
    out = [ctx.child(doc_id, table, None, merged, parent_rev=winner.rev,
                     parent_ancestors=winner.ancestors), *closings]
    new = out[0].state.bases_from(doc)
    new.advance_base(new.rev, merged)
    return table, merged, new, out


def _holds_mine(theirs: dict[str, Any] | None, mine: dict[str, Any] | None,
                doc: DocState | None) -> bool:
    """`theirs` holds every value this site changed since the common version (all of
    `mine`, when that version is not known): taking it loses nothing of this site's."""
    base = doc.base if doc is not None else None
    if theirs is None or mine is None or base is None:
        return _alike(theirs, mine)
    return all(theirs.get(k) == v for k, v in mine.items()
               if k not in BOOKKEEPING and base.get(k) != v)


def _alike(first: dict[str, Any] | None, second: dict[str, Any] | None) -> bool:
    """The same values, whoever saved them when."""
    if first is None or second is None:
        return first is second
    return ({k: v for k, v in first.items() if k not in BOOKKEEPING}
            == {k: v for k, v in second.items() if k not in BOOKKEEPING})


def _taken(table: str, leaf: Leaf, body: dict[str, Any] | None,
           before: DocState | None) -> DocState:
    """The state of a record that took `leaf` from the hub: its new common version."""
    new = DocState(table, leaf.rev, list(leaf.ancestors), body_hash(body),
                   on_hub=True).bases_from(before)
    new.advance_base(leaf.rev, body)
    return new


def _conflict_of(live: list[Leaf], removals: list[Leaf],
                 fields: dict[str, dict[str, Any]], before: DocState | None) -> dict[str, Any]:
    """What a person needs to decide (`store.sync.deciding` shows it): each field's values by
    revision, where and when each leaf was made, and which leaf is this site's own (the one
    it last sent or took, if it is among them)."""
    ours = set() if before is None else {before.rev, (before.conflict or {}).get("mine")}

    def made(lf: Leaf) -> dict[str, Any]:
        env = lf.env or {}
        return {"site": env.get("site"), "at": env.get("at")}

    return {"leaves": [lf.rev for lf in live], "fields": fields,
            "made": {lf.rev: made(lf) for lf in [*live, *removals]},
            "removed": [lf.rev for lf in removals],
            "bodies": {lf.rev: lf.body for lf in live},
            "mine": next((lf.rev for lf in [*live, *removals] if lf.rev in ours), None)}


def _erased(ctx: Context, doc_id: str, table: str, live: list[Leaf], doc: DocState | None
            ) -> tuple[str, dict[str, Any] | None, DocState, list[Outgoing]] | None:
    """Erasure beats edits (see the module's doc)."""
    erasures = [lf for lf in live if lf.env and lf.env.get("e")]
    here = ctx.records.get(doc_id)
    ctx.state.erased.add(doc_id)
    if not erasures:
        return None  # erased here: the erasure goes out with the next push
    erasure = erasures[0]
    out = [ctx.child(doc_id, table, None, None, closed=True, parent_rev=lf.rev,
                     parent_ancestors=lf.ancestors) for lf in live if lf is not erasure]
    if out:
        ctx.db.audit_event(audit.ERASURE_APPLIED, table=table, record_id=doc_id, note=(
            f"{len(out)} edit(s) made elsewhere after the erasure were closed"))
    if here is not None and table == "workers" and not here[1].get("erased_at"):
        before = ctx.db.replica_fingerprints()
        ctx.db.erase_worker(doc_id)  # names blanked from this site's own text too
        ctx.report.erasures += 1
        ctx.records.refresh()
        after = ctx.db.replica_fingerprints()
        ctx.blanked |= {i for i, print_ in after.items() if before.get(i) != print_}
        erased_with.forget(ctx, set(before) - set(after))  # their legal matters, money...
    new = _taken(table, erasure, erasure.body, None)  # nothing from before the erasure
    return table, erasure.body, new, out
