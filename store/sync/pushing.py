"""Sending: what changed here since the last sync, as new revisions sealed for the hub.

A record changed here (its body no longer has the hash noted when it was last synced) gets a
child of the revision it was synced as; one made here gets its first; one removed here a
deletion, which still carries, sealed, where and when it was removed. A record with an
undecided conflict is held until a person decides. Every packet is recorded in the audit
trail (the hub, each id and revision, the count, the packet's hash) before a byte of it
leaves; for more than a handful, `_revs_diff` first leaves out what the hub already has (a
run killed after the hub took a packet sends the same revisions again: they are the same, the
domain key having named them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from store.engine import audit
from store.engine.replicas import DocState, ReplicaState, body_hash
from store.sync.couch import Hub
from store.sync.records import Records
from store.sync.sealing import revision, seal

if TYPE_CHECKING:
    from store.db import Database

BATCH = 500
REVS_KEPT = 100  # ancestors sent with a revision, as CouchDB's own replicator does
DIFF_ABOVE = 20  # fewer revisions than this go without asking `_revs_diff` first


@dataclass
class Outgoing:
    """One revision to send; `state` is what the record's DocState becomes once it is sent.
    `doc` is sealed (its "s", from `envelope`) only as its packet goes: every record's sealed
    body held at once was 317 MB of text at 10,000 cases (tests/perf/results-sync.md)."""

    doc: dict[str, Any]
    state: DocState
    envelope: dict[str, Any] = field(default_factory=dict)
    closes: bool = False  # closes a leaf a decision left behind: the record's state stays


@dataclass
class Report:
    """What a sync did, for the officer."""

    sent: int = 0
    received: int = 0
    merged: int = 0
    conflicts: int = 0
    erasures: int = 0
    withdrawn: int = 0  # records whose fields a partner's copy may no longer hold, sent so
    requests: int = 0
    problems: list[str] = field(default_factory=list)


class Context:
    """What one sync run works with: the database, the hub, the state and the current key."""

    def __init__(self, db: Database, hub: Hub, state: ReplicaState,
                 progress: Callable[[str, int, int], None] | None = None) -> None:
        self.db = db
        # Told after each packet: ("sent", how many so far, of how many) or ("received", how
        # many so far, 0): a sync of thousands over a slow link is seen to move.
        self.progress = progress or (lambda _what, _done, _of: None)
        self.hub = hub
        self.state = state
        self.key = state.keys[0]
        self.report = Report()
        self.records = Records(db)
        self.finish: Callable[[], None] = lambda: None  # before the last save of a run
        self.sites: set[str] = set()  # the sites of what the packet being pulled brings
        # Records an erasure taken in this run changed here (a worker's name blanked from a
        # log entry...), by store.sync.pulling.
        self.blanked: set[str] = set()
        self.decided: set[str] = set()  # records a pull took a person's decision of
        # A partner organisation's domain: what it sends and takes (store.sync.partners).
        self.policy: Any = None

    def now(self) -> str:
        return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")

    def envelope(self, table: str, body: dict[str, Any] | None, *, erased: bool = False,
                 closed: bool = False) -> dict[str, Any]:
        """What a revision carries, sealed: the record, and where and when it was made."""
        env: dict[str, Any] = {"t": table, "b": body, "site": self.state.site_name,
                               "at": self.now()}
        if erased:
            env["e"] = True
        if closed:
            env["closed"] = True
        if self.policy is not None:
            env["by"] = self.state.site_id  # which side of a partner domain made it
        return env

    def child(self, doc_id: str, table: str, parent: DocState | None,
              body: dict[str, Any] | None, *, closed: bool = False,
              parent_rev: str | None = None,
              parent_ancestors: list[str] | None = None) -> Outgoing:
        """A new revision of `doc_id` under `parent`'s (or under `parent_rev`)."""
        erased = doc_id in self.state.erased and body is not None
        under = parent_rev if parent_rev is not None else (parent.rev if parent else None)
        ancestors = (parent_ancestors if parent_ancestors is not None
                     else (parent.ancestors if parent else []))
        rev = revision(self.key, under, table, body, erased, closed)
        chain = [rev.split("-", 1)[1], *ancestors][:REVS_KEPT]
        doc: dict[str, Any] = {
            "_id": doc_id, "_rev": rev,
            "_revisions": {"start": int(rev.split("-", 1)[0]), "ids": chain},
        }
        if body is None:
            doc["_deleted"] = True
        state = DocState(table, rev, chain, body_hash(body), on_hub=True).bases_from(parent)
        return Outgoing(doc, state, self.envelope(table, body, erased=erased, closed=closed))

    def send(self, outgoing: Iterable[Outgoing], total: int | None = None,
             on_sent: Callable[[Outgoing], None] | None = None) -> int:
        """Send revisions in packets, each recorded first, made as they go (the bodies of a
        first sync are never all held at once); `on_sent` hears each one the hub now has.
        `total`: how many will come, when known (above DIFF_ABOVE, `_revs_diff` first)."""
        done = 0
        stream = iter(outgoing)
        while packet := list(itertools.islice(stream, BATCH)):
            if total is None or total > DIFF_ABOVE:
                missing = self.hub.revs_diff({o.doc["_id"]: [o.doc["_rev"]] for o in packet})
                needed = [o for o in packet if o.doc["_rev"] in missing.get(o.doc["_id"], [])]
            else:
                needed = packet
            if needed:
                docs = [{**o.doc, "s": seal(self.key, o.doc["_id"], o.doc["_rev"], o.envelope)}
                        for o in needed]
                body = orjson.dumps({"docs": docs, "new_edits": False})
                listed = " ".join(f"{d['_id']}:{d['_rev']}" for d in docs)
                partner = "" if self.policy is None else f"partner={self.policy.org_id} "
                self.db.audit_event(audit.PUSHED, note=(
                    f"{partner}hub={self.hub.url} documents={len(docs)} "
                    f"sha256={hashlib.sha256(body).hexdigest()} revisions={listed}"))
                del body
                self.hub.bulk_docs(docs)
                self.report.sent += len(docs)
            done += len(packet)
            if on_sent is not None:
                for sent in packet:
                    on_sent(sent)
            self.progress("sent", done, total or done)
        return done


def changed_here(ctx: Context) -> list[tuple[str, str]]:
    """Every record this site has to send a revision of (see the module's doc): (id, what),
    `what` being "new", "changed", "resend" or "removed"; bodies are read, not kept."""
    state = ctx.state
    out: list[tuple[str, str]] = []
    for doc_id, _table in ctx.records.tables():
        doc = state.docs.get(doc_id)
        if doc is not None and doc.conflict is not None:
            continue  # held until a person decides
        fingerprint = ctx.records.fingerprint(doc_id)
        if (doc is not None and doc.on_hub and not state.reseal and fingerprint is not None
                and doc.fingerprint == fingerprint):
            continue  # the same bytes as when it was last found synced
        found = ctx.records.get(doc_id)
        if found is None:
            continue
        if doc is None or doc.rev is None:
            out.append((doc_id, "new"))
            continue
        same = body_hash(found[1]) == doc.hash
        if same and doc.on_hub and not state.reseal:
            doc.fingerprint = fingerprint  # unchanged: next time known without parsing
        elif not same or state.reseal:
            out.append((doc_id, "changed"))
        else:  # sent, but not known to have arrived: the same revision again
            out.append((doc_id, "resend"))
    for doc_id, doc in state.docs.items():
        if doc_id in ctx.records or doc.rev is None or doc.conflict is not None:
            continue
        # An erased record is never removed by a sync (the erasure stays), but from a
        # partner's copy when its case is no longer shared with it.
        if (doc.hash != body_hash(None) or doc.closing) and (
                doc_id not in state.erased or state.partner):
            out.append((doc_id, "removed"))
    return out


def _revisions(ctx: Context, changed: list[tuple[str, str]]) -> Iterator[Outgoing]:
    """The revisions of `changed_here`, each made when its packet goes."""
    for doc_id, what in changed:
        doc = ctx.state.docs.get(doc_id)
        decided = doc is not None and bool(doc.closing)
        if doc is not None and decided:
            yield from _closings(ctx, doc_id, doc)
        if what == "removed":
            assert doc is not None
            out = _marked(ctx.child(doc_id, doc.table, doc, None), decided)
            if ctx.policy is not None and ctx.policy.withdraws_removal(doc_id, doc.table):
                out.envelope["w"] = True  # out of a partner's copy, over its edits
            yield out
            continue
        found = ctx.records.get(doc_id)
        if found is None:
            continue  # removed meanwhile: sent next time
        table, body = found
        if what == "new":
            yield ctx.child(doc_id, table, None, body)
        elif what == "changed":
            out = _marked(ctx.child(doc_id, table, doc, body), decided)
            if ctx.policy is not None and ctx.policy.withdraws(doc_id, doc, table, body):
                out.envelope["w"] = True  # fields a partner may no longer hold
            yield out
        else:
            assert doc is not None
            resend = ctx.child(doc_id, table, None, body, parent_rev=_parent(doc),
                               parent_ancestors=doc.ancestors[1:])
            resend.state.bases_from(doc)
            yield _marked(resend, decided)


def _marked(out: Outgoing, decided: bool) -> Outgoing:
    """A person's decision says so (sealed): the other sites record it as decided."""
    if decided:
        out.envelope["decided"] = True
    return out


def _closings(ctx: Context, doc_id: str, doc: DocState) -> Iterator[Outgoing]:
    """The leaves a person's decision closes, before the decision: a run killed between the
    two sends the same closings again (the domain key names them), never a decision beside
    a leaf it was meant to close."""
    for rev in doc.closing:
        out = ctx.child(doc_id, doc.table, None, None, closed=True, parent_rev=rev,
                        parent_ancestors=[rev.split("-", 1)[1]])
        out.closes = True
        yield out


def _parent(doc: DocState) -> str | None:
    assert doc.rev is not None
    generation = int(doc.rev.split("-", 1)[0])
    if generation <= 1 or len(doc.ancestors) < 2:
        return None
    return f"{generation - 1}-{doc.ancestors[1]}"


def push(ctx: Context) -> int:
    """Send what changed here; each record's state moves on as its packet is taken. How many
    revisions were sent or found on the hub."""
    changed = changed_here(ctx)

    def took(sent: Outgoing) -> None:
        if not sent.closes:
            ctx.state.docs[sent.doc["_id"]] = sent.state

    ctx.send(_revisions(ctx, changed), total=len(changed), on_sent=took)
    if changed or ctx.state.reseal:
        ctx.state.reseal = False
    return len(changed)
