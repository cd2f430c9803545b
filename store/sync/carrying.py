"""Syncing with no link at all: the hub's documents carried in a file (`store.sync.files`).

- `to_file`: the changes made here get their revisions (as a push would make them; they are
  not on the hub, so the next hub sync still sends them), then every record the receiving
  site may lack goes in the file with its current revision (an undecided conflict with each
  of its leaves): those changed since the last file the other sites acknowledged, or all of
  them (`everything`).
- `from_file`: the file is checked as a whole first (nothing is applied from a file refused);
  the changes made here get their revisions, then each record of the file is pulled as from a
  hub whose leaves are the file's revisions and this site's own, less those another one
  descends from: what is new is taken, what changed at both sites merged, a field changed at
  both is a conflict as online. Merges made meanwhile stay in the state, for the next file
  and the next hub sync.

What the receiver lacks: each site counts the files it makes (`ReplicaState.counter`) and
notes in each record's state the count when it last changed (`DocState` "q"). A file says
what its sender has from every site it knows (its acks); a file holds the records changed
after the lowest count the other sites acknowledged (all of them when none did). A file that
starts after what this site last received from its sender is applied, and said: an earlier
file is missing; the next one that site makes will hold what it held, as the acknowledgement
did not move.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.common.errors import PulangError
from store.common.i18n import _
from store.engine import audit, replicas
from store.engine.replicas import DocState, ReplicaState, body_hash
from store.sync import summary
from store.sync.files import FileRefused, Incoming, Line, another_key, open_file, seal_stream
from store.sync.pulling import Leaf, _packet
from store.sync.pushing import (
    BATCH,
    Context,
    Outgoing,
    Report,
    _closings,
    _revisions,
    changed_here,
)
from store.sync.session import _erase_again, _one_at_a_time, _sealer, _settle, _state

if TYPE_CHECKING:
    from store.db import Database


@dataclass
class FileReport:
    """What `to_file` wrote."""

    path: str
    records: int = 0  # records the file carries
    revisions: int = 0  # revisions it carries (a conflict's leaves each)
    revision_ids: int = 0  # revision ids in it: each revision's and its ancestors'
    size: int = 0  # bytes
    made: int = 0  # revisions made here for it (changes not yet synced)
    since: int = 0  # what the file starts after, in this site's count (0: everything)
    upto: int = 0
    everything: bool = False
    conflicts: int = 0  # undecided here


def file_mark(path: Path) -> str:
    """A file as the audit trail names it: a fingerprint of its path, never the path (an
    officer may name a file after the worker it is about)."""
    return "sha256:" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]


class _Carrier:
    """A file where push and pull expect a hub: gives the file's revisions as `_bulk_get`
    would, each with its envelope already open."""

    requests = 0

    def __init__(self, path: Path, incoming: Incoming | None = None) -> None:
        self.url = str(path)
        self.where = f"file={file_mark(path)}"
        self.incoming = incoming

    def bulk_get(self, wanted: list[tuple[str, str]]) -> list[dict[str, Any]]:
        found = []
        for doc_id, rev in wanted:
            line = self.incoming.line(doc_id, rev) if self.incoming is not None else None
            if line is None:
                continue
            doc: dict[str, Any] = {"_id": doc_id, "_rev": rev, "env": line.envelope,
                                   "_revisions": {"start": int(rev.split("-", 1)[0]),
                                                  "ids": line.ancestors}}
            if line.deleted:
                doc["_deleted"] = True
            found.append(doc)
        return found


class _FileContext(Context):
    """Nothing leaves during a file's run: the merges and closings a pull makes are kept in
    the state (the next file carries the merge; each site closes the same leaves itself)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.closed: dict[str, set[str]] = {}  # id -> the leaves closed by this run's merges

    def send(self, outgoing: Iterable[Outgoing], total: int | None = None,
             on_sent: Callable[[Outgoing], None] | None = None) -> int:
        done = 0
        for sent in outgoing:
            done += 1
            revisions = sent.doc["_revisions"]
            if sent.envelope.get("closed") and len(revisions["ids"]) > 1:
                self.closed.setdefault(sent.doc["_id"], set()).add(
                    f"{revisions['start'] - 1}-{revisions['ids'][1]}")
            if on_sent is not None:
                on_sent(sent)
        return done


def _give_revisions(ctx: Context) -> dict[str, str]:
    """The changes made here, given their revisions as a push would (not on the hub): what a
    file then carries, and what a file taken is merged with. Returns id -> when."""
    state = ctx.state
    reseal, state.reseal = state.reseal, False  # a rotation reseals at the next hub sync
    try:
        changed = [c for c in changed_here(ctx) if c[1] != "resend"]
    finally:
        state.reseal = reseal
    made: dict[str, str] = {}
    for out in _revisions(ctx, changed):
        if out.closes:
            continue  # a decision's closings: carried by `_outgoing`, sent at a hub sync
        before = state.docs.get(out.doc["_id"])
        out.state.on_hub = False
        # The leaves a person's decision closes stay to close until a hub has them (each
        # file carries them again; the hub's push sends them and forgets them).
        out.state.closing = before.closing if before is not None else []
        state.docs[out.doc["_id"]] = out.state
        made[out.doc["_id"]] = out.envelope["at"]
    return made


def _stamp(state: ReplicaState) -> None:
    """Each record whose leaves changed since the last file gets the next count."""
    changed = []
    for doc in state.docs.values():
        conflict = doc.conflict or {}
        leaves = sorted([*conflict.get("bodies", {}), *conflict.get("removed", [])]) or [
            doc.rev or ""]
        sign = zlib.crc32(" ".join(leaves).encode("ascii"))
        if doc.raw.get("qs") != sign:
            changed.append((doc, sign))
    if changed:
        state.counter += 1
        for doc, sign in changed:
            doc.raw["q"], doc.raw["qs"] = state.counter, sign


def _outgoing(ctx: Context, since: int, made: dict[str, str]) -> Iterator[Line]:
    state = ctx.state
    for doc_id, doc in state.docs.items():
        if doc.rev is None or doc.raw.get("q", 0) <= since:
            continue
        if doc.conflict is not None:
            for rev, body in doc.conflict.get("bodies", {}).items():
                who = doc.conflict.get("made", {}).get(rev) or {}
                yield Line(doc_id, rev, doc.ancestors if rev == doc.rev else [rev.split("-")[1]],
                           body is None, {"t": doc.table, "b": body, "site": who.get("site"),
                                          "at": who.get("at")})
            for rev in doc.conflict.get("removed", []):  # a removal against an edit: with it
                who = doc.conflict.get("made", {}).get(rev) or {}
                yield Line(doc_id, rev, [rev.split("-", 1)[1]], True,
                           {"t": doc.table, "b": None, "site": who.get("site"),
                            "at": who.get("at")})
            continue
        found = ctx.records.get(doc_id)
        body = found[1] if found else None
        if body_hash(body) != doc.hash:
            continue  # changed meanwhile: in the next file
        for closing in _closings(ctx, doc_id, doc):  # a decision's: before the decision
            yield Line(doc_id, closing.doc["_rev"], closing.doc["_revisions"]["ids"], True,
                       closing.envelope)
        env: dict[str, Any] = {"t": doc.table, "b": body, "site": state.site_name,
                               "at": made.get(doc_id)}
        if doc.closing:
            env["decided"] = True  # a person's decision: recorded as decided there too
        if doc_id in state.erased and body is not None:
            env["e"] = True
        elif doc_id not in state.erased:
            # A common version to come: a merge takes it only where every leaf descends
            # from it, so a file that never arrives leaves the one before in use.
            doc.advance_base(doc.rev, body)
        yield Line(doc_id, doc.rev, doc.ancestors, body is None, env)


def _own_path(db: Database, path: Path) -> bool:
    """Whether `path` is the database or a file Pulang keeps beside it."""
    here = db.path.resolve()
    there = path.resolve()
    return there.parent == here.parent and there.name.startswith(here.name)


def to_file(db: Database, path: str | Path, *, everything: bool = False,
            site_name: str | None = None) -> FileReport:
    """Write what the other sites lack (or `everything`) to a new file at `path` (see the
    module's doc); an existing file is never replaced."""
    path = Path(path).expanduser()
    if _own_path(db, path):
        raise PulangError(_("{path} is the database or one of its own files: choose another "
                            "name.").format(path=path))
    if path.exists():
        raise PulangError(_("{path} exists: choose another name.").format(path=path))
    sealer = _sealer(db)
    with _one_at_a_time(db.path):
        state = _state(db, site_name)
        _settle(db, sealer, state)
        ctx = _FileContext(db, _Carrier(path), state)  # type: ignore[arg-type]
        _erase_again(ctx)
        made = _give_revisions(ctx)
        _stamp(state)
        since = 0 if everything else min(
            (int(p.get("acked", 0)) for p in state.peers.values()), default=0)
        report = FileReport(str(path), made=len(made), since=since, upto=state.counter,
                            everything=everything or since == 0)
        head = {"site": state.site_id, "site_name": state.site_name, "since": since,
                "upto": state.counter, "made": ctx.now(),
                "acks": {i: int(p.get("received", 0)) for i, p in state.peers.items()}}
        data = seal_stream(state.keys[0], head, _audited(ctx, path, _outgoing(ctx, since, made),
                                                        report))
        report.size = len(data)
        report.conflicts = sum(1 for d in state.docs.values() if d.conflict is not None)
        _write_new(path, data)
        _note_last(ctx, path, sent=report.revisions, received=0)
        replicas.save(db.path, sealer, state)
        summary.write(db, state)  # the app's status line: what is carried is not waiting
    return report


def _audited(ctx: Context, path: Path, lines: Iterator[Line], report: FileReport
             ) -> Iterator[bytes]:
    """The file's lines, each packet recorded in the audit trail as a push is (the ids and
    revisions, never a value) before the file is written."""
    records: set[str] = set()
    while packet := list(itertools.islice(lines, BATCH)):
        encoded = [line.encoded() for line in packet]
        listed = " ".join(f"{line.doc_id}:{line.rev}" for line in packet)
        ctx.db.audit_event(audit.PUSHED, note=(
            f"file={file_mark(path)} documents={len(packet)} "
            f"sha256={hashlib.sha256(b''.join(encoded)).hexdigest()} revisions={listed}"))
        records.update(line.doc_id for line in packet)
        report.revisions += len(packet)
        report.revision_ids += sum(len(line.ancestors) for line in packet)
        yield from encoded
    report.records = len(records)


def _write_new(path: Path, data: bytes) -> None:
    """`data` at `path`, mode 0600, whole or not at all (written beside it, then renamed)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            raise PulangError(_("{path} exists: choose another name.").format(path=path))
        os.rename(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


# -- taking a file ---------------------------------------------------------------------------


def from_file(db: Database, path: str | Path) -> Report:
    """Take a file another site wrote (see the module's doc); FileRefused with the reason,
    and nothing applied, for a file that does not open whole."""
    path = Path(path).expanduser()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PulangError(_("Cannot read {path}: {reason}.").format(
            path=path, reason=error.strerror or type(error).__name__)) from None
    sealer = _sealer(db)
    with _one_at_a_time(db.path):
        state = replicas.load(db.path, sealer)
        if state is None:
            raise another_key()
        incoming = open_file(data, state.keys)
        if incoming.head["site"] == state.site_id:
            raise FileRefused(_("This file was made here: nothing was applied. Take it to the "
                                "other site."))
        del data
        _settle(db, sealer, state)
        ctx = _FileContext(db, _Carrier(path, incoming), state)  # type: ignore[arg-type]
        _erase_again(ctx)
        before = {i: (d.rev, d.on_hub) for i, d in state.docs.items()}
        made = _give_revisions(ctx)
        results = _changes(ctx, incoming)
        for start in range(0, len(results), BATCH):
            _packet(ctx, results[start:start + BATCH])
        for doc_id, closed in ctx.closed.items():
            if doc_id in state.docs:  # a file taken again does not merge them again
                doc = state.docs[doc_id]
                doc.raw["mc"] = sorted(closed | set(doc.raw.get("mc") or []))
        for doc_id, doc in state.docs.items():
            rev, on_hub = before.get(doc_id, (None, False))
            doc.on_hub = on_hub and rev == doc.rev  # what came by file is not on the hub
        acknowledged = _acknowledge(ctx, incoming.head)
        ctx.report.conflicts = sum(1 for d in state.docs.values() if d.conflict is not None)
        if made or results or acknowledged or ctx.report.erasures:
            _note_last(ctx, path, sent=0, received=ctx.report.received)
            replicas.save(db.path, sealer, state)  # a file taken again changes nothing
            summary.write(db, state)
    return ctx.report


def _note_last(ctx: Context, path: Path, *, sent: int, received: int) -> None:
    """The last sync, as `pulang sync --status` shows it: this file."""
    ctx.state.last_sync = {"at": ctx.now(), "hub": ctx.state.hub, "file": path.name,
                           "sent": sent, "received": received}


def _local_leaves(ctx: Context, doc_id: str, doc: DocState | None) -> dict[str, list[str]]:
    """This site's leaves of a record whose bodies it has: rev -> ancestors."""
    if doc is None or doc.rev is None:
        return {}
    if doc.conflict is not None:
        return {r: doc.ancestors if r == doc.rev else [r.split("-", 1)[1]]
                for r in doc.conflict.get("bodies", {})}
    here = ctx.records.get(doc_id)
    return {doc.rev: doc.ancestors} if body_hash(here[1] if here else None) == doc.hash else {}


def _changes(ctx: Context, incoming: Incoming) -> list[dict[str, Any]]:
    """The records the file brings something new to, each with its leaves as a hub's changes
    feed gives them: the file's and this site's, less those another one descends from."""
    results = []
    for doc_id, revs in incoming.by_id.items():
        doc = ctx.state.docs.get(doc_id)
        local = _local_leaves(ctx, doc_id, doc)
        closed = set(doc.raw.get("mc") or []) if doc is not None else set()
        known = dict(local)
        for rev, (ancestors, _raw) in revs.items():
            if len(ancestors) > len(known.get(rev, [])):
                known[rev] = ancestors
        leaves = [Leaf(rev, False, None, ancestors) for rev, ancestors in known.items()]
        kept = [lf.rev for lf in leaves if lf.rev not in closed
                and not any(o.rev != lf.rev and o.covers(lf.rev) for o in leaves)]
        if not set(kept) <= set(local):
            results.append({"id": doc_id, "changes": [{"rev": r} for r in kept]})
    return results


def _acknowledge(ctx: Context, head: dict[str, Any]) -> bool:
    """What the file says its sender has, and what this site now has of the sender's; whether
    that changed what this site knew."""
    state = ctx.state
    peer = state.peers.setdefault(head["site"], {"name": "", "received": 0, "acked": 0})
    known = dict(peer)
    peer["name"] = str(head.get("site_name") or "")
    since, upto = int(head.get("since", 0)), int(head.get("upto", 0))
    if int(peer.get("received", 0)) < since:
        ctx.report.problems.append(_(
            "An earlier file from {site} was not taken here: what this file holds was "
            "applied, and the next file {site} makes for this site will hold what the "
            "missing one held (or ask {site} for a file made with --all).").format(
                site=peer["name"] or head["site"]))
    else:
        peer["received"] = max(int(peer.get("received", 0)), upto)
    acked = int((head.get("acks") or {}).get(state.site_id, 0))
    peer["acked"] = max(int(peer.get("acked", 0)), acked)
    return peer != known
