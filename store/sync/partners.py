"""A partner organisation's domain: the database as that partner's copy sees it, and the rules
of what crosses between the two (`store.sync.partnering` runs it).

The union's own domain (`store.sync`) keeps every site's whole database in step. A partner
organisation of the directory (a union in Phnom Penh, LFTU in Vientiane) has a domain of its
own: its own key, its own CouchDB database on the hub (CouchDB has no read control per
document), its own state beside the database (`<db>.partner-<org>.sync`). The same push and
pull run on `PartnerView`, which shows them only this:

- the cases marked shared with the organisation (`Case.shared_with`), and the cases its copy
  shared with this one (received);
- of such a case: the case and what belongs to it (its workers with their screening, consent
  and plan, any kind of record added later under a case), but of its exchanges (log entries)
  only those with that organisation (a brief's rule) or made by it; of a case received, all
  (what this side adds comes back to the side that shared it);
- of each record, only what may go (`store.domain.rules.sharing.shared_body`: the one rule of
  briefs too): a worker's personal data only where their consent covers the organisation's
  kind of recipient; a log entry's summary only where every worker it names consents. What
  goes back in a case the partner shared goes to the side that holds the workers' consent:
  it is taken as consented.

`PartnerPolicy` is what the pull and push do differently in such a domain:
- a change by the partner to a record this side shared is a conflict put to a person, never
  applied silently (`store.sync.deciding` shows it, as between two sites);
- what the partner's copy makes (log entries, steps, check-ins) is taken, attributed to the
  partner (`from_org_id`, and the audit trail's `partner=`);
- fields no longer covered (consent withdrawn or narrowed) go as a revision marked "w": taken
  over every other version, the way an erasure is, so the partner cannot keep them as a
  conflict; an erased worker travels as an erasure does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.common.errors import Conflict
from store.db.base import KIND_OF
from store.domain.classification import about_one_worker, is_local
from store.domain.records import STORED, Consent, Organisation, Worker
from store.domain.rules.erasure import names_to_blank
from store.domain.rules.sharing import (
    consenting,
    goes_at_all,
    may_go,
    recipient_of,
    shared_body,
    withheld_fields,
)
from store.engine import audit, replicas
from store.engine.indexes import CHILD_TABLES
from store.engine.replicas import DocState, ReplicaState, body_hash
from store.sync import withdrawing
from store.sync.merging import BOOKKEEPING

if TYPE_CHECKING:
    from store.db import Database
    from store.sync.pulling import Leaf
    from store.sync.pushing import Context, Outgoing

# What a partner's copy may make in a case: never an organisation, a meeting or an agreement.
CASE_TABLES = ("cases", *CHILD_TABLES)


def partner_path(db_path: Path, org_id: str) -> Path:
    """The name the domain's files are kept under, beside the database:
    `<db>.partner-<org>.sync` (and its -pending, -marks, -summary, .lock)."""
    return db_path.with_name(f"{db_path.name}.partner-{org_id}")


class PartnerView:
    """The database as a partner's domain sees it (see the module's doc): what
    `store.sync`'s push, pull and decisions read and write through."""

    def __init__(self, db: Database, org: Organisation) -> None:
        self.db = db
        self.org_id = org.id
        self.org_name = org.name
        self.kind = recipient_of(org.kind)
        self.path = partner_path(db.path, org.id)
        self._engine = db._engine  # noqa: SLF001 - the database's own key, for its own files
        self._state: ReplicaState | None = None
        self._consent: dict[str, bool] = {}
        # Each worker's consent as last read (its stored body, then the record): a sync reads
        # the scope a few times, and each consent is parsed again only if it changed.
        self._consents: dict[str, tuple[dict[str, Any], Consent | None]] = {}

    # -- the state ---------------------------------------------------------------------------

    @property
    def state(self) -> ReplicaState | None:
        if self._state is None and self._engine.sealer is not None:
            self._state = replicas.load(self.path, self._engine.sealer)
        return self._state

    @state.setter
    def state(self, state: ReplicaState) -> None:
        state.partner.setdefault("org", self.org_id)
        state.partner.setdefault("received", [])
        self._state = state

    @property
    def received(self) -> set[str]:
        state = self.state
        return set() if state is None else set(state.partner.get("received", []))

    def _receive(self, record_id: str) -> None:
        state = self.state
        assert state is not None
        if record_id not in state.partner.setdefault("received", []):
            state.partner["received"].append(record_id)

    # -- what the sync reads ------------------------------------------------------------------

    def _scope(self) -> dict[str, str]:
        """Every record of the domain: id -> table; each one's consent noted in passing.
        Read from what belongs to each case (`Database.case_records`): a kind of record
        added later under a case goes by the same rule, with no code of its own."""
        received, out, consent = self.received, {}, {}
        for case_id in self.db.cases_in_common(self.org_id, received):
            ours = case_id not in received
            records = self.db.case_records(case_id)
            workers = [body["id"] for table, body in records if table == "workers"]
            bodies = {body.get("worker_id"): body for table, body in records
                      if table == "consents"}
            consents = {w: self._consent_of(w, bodies.get(w)) for w in workers}
            # A case the partner shared goes back to the one who holds its workers' consent:
            # no one new learns of them (what may never go still does not).
            covered = {w: not ours or consenting([consents[w]], self.kind) for w in workers}
            out[case_id], consent[case_id] = "cases", all(covered.values())
            for table, body in records:
                record_id = body["id"]
                model = KIND_OF[table]
                if (ours and "counterpart_org_id" in model.model_fields
                        and body.get("counterpart_org_id") != self.org_id
                        and record_id not in received):
                    continue  # an exchange with someone else: a brief's rule too
                if table == "workers":
                    named = [record_id]
                elif body.get("worker_id"):
                    named = [body["worker_id"]]
                else:
                    named = body.get("worker_ids") or workers
                allowed = all(covered.get(w, False) for w in named)
                if ours and record_id not in received:
                    if not goes_at_all(model, consents.get(body.get("worker_id")), self.kind):
                        continue  # a worker's legal matter or money: whole, or not at all
                elif about_one_worker(model):
                    allowed = True  # the partner's own (or of its case): back to it whole
                out[record_id] = table
                consent[record_id] = allowed
        self._consent = consent
        return out

    def _consent_of(self, worker_id: str, body: dict[str, Any] | None) -> Consent | None:
        """The worker's consent, parsed once a sync unless its stored body changed."""
        if body is None:
            return None
        known = self._consents.get(worker_id)
        if known is None or known[0] != body:
            known = self._consents[worker_id] = (body, _consent(body))
        return known[1]

    def replica_tables(self) -> dict[str, str]:
        return self._scope()

    def replica_body(self, table: str, record_id: str) -> dict[str, Any] | None:
        body = self.db.replica_body(table, record_id)
        if body is None or table not in KIND_OF:
            return None
        if record_id not in self._consent:
            self._scope()
            if record_id not in self._consent:
                return None
        return shared_body(KIND_OF[table], body, self._consent[record_id])

    def replica_raw(self, table: str, record_id: str) -> bytes | None:
        return None  # what the partner has is not the stored bytes: always read

    def replica_records(self) -> dict[str, tuple[str, dict[str, Any]]]:
        out = {}
        for record_id, table in self._scope().items():
            body = self.replica_body(table, record_id)
            if body is not None:
                out[record_id] = (table, body)
        return out

    def replica_fingerprints(self) -> dict[str, int]:
        return self.db.replica_fingerprints()

    def erased_ids(self) -> set[str]:
        return self.db.erased_ids() & set(self._scope())

    def erase_worker(self, worker_id: str) -> Worker:
        return self.db.erase_worker(worker_id)

    def get(self, kind: Any, record_id: str) -> Any:
        return self.db.get(kind, record_id)

    def withheld(self, table: str, record_id: str) -> list[str]:
        """The fields of the record holding a value its partner copy may not have."""
        body = self.db.replica_body(table, record_id)
        if body is None or record_id not in self._consent:
            return []
        return withheld_fields(KIND_OF[table], body, self._consent[record_id])

    # -- what the sync writes -----------------------------------------------------------------

    def forget(self, worker_id: str) -> None:
        """A worker whose consent no longer covers this copy: their names blanked out of what
        this side wrote in the case (its own records only: the other side's come as it
        sends them), as an erasure does."""
        body = self.db.replica_body("workers", worker_id)
        if body is None:
            return
        worker = Worker.model_validate(body, context=STORED)
        names = names_to_blank(worker)
        received = self.received
        own = {b["id"] for _t, b in self.db.case_records(worker.case_id)} - received
        if names and own:
            self.db.forget_names(worker.case_id, names, own,
                                 f"partner={self.org_id} consent withdrawn: names blanked")

    def audit_event(self, action: str, *, table: str | None = None,
                    record_id: str | None = None, note: str | None = None) -> None:
        self.db.audit_event(action, table=table, record_id=record_id,
                            note=f"partner={self.org_id} {note or ''}".rstrip())

    def _full(self, table: str, record_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """What a body from the partner's side makes of the record here: a record this side
        shared takes only the fields that may go (the others, withheld there, stay as they
        are here); one the partner made takes all but this side's own fields."""
        model = KIND_OF[table]
        local = self.db.replica_body(table, record_id)
        if local is None:
            data = {k: v for k, v in body.items()
                    if k not in model.model_fields or not is_local(model, k)}
            if "from_org_id" in model.model_fields:
                data["from_org_id"] = self.org_id
            return data
        ours = record_id not in self.received
        consent = self._consent.get(record_id, False)
        data = dict(local)
        for name, value in body.items():
            if name in model.model_fields and is_local(model, name):
                continue
            if ours and name in model.model_fields and not may_go(model, name, consent):
                continue
            data[name] = value
        return data

    def apply_replica(self, changes: Sequence[tuple[str, str, dict[str, Any] | None]],
                      note: str, action: str = audit.PULLED) -> int:
        """What a pull from the partner brought (see `Database.apply_replica`): only records
        of a shared case; what it made is attributed to it; a removal by the partner of a
        record this side shared is not applied (it is sent again)."""
        scope = self._scope()
        full: list[tuple[str, str, dict[str, Any] | None]] = []
        for table, record_id, body in changes:
            here = self.db.replica_body(table, record_id)
            if body is None:
                if record_id in self.received and here is not None:
                    full.append((table, record_id, None))
                continue
            if table not in CASE_TABLES:
                continue  # a partner's copy never brings a directory record
            if here is None:
                if table != "cases" and body.get("case_id") not in scope and not any(
                        t == "cases" and b is not None and i == body.get("case_id")
                        for t, i, b in changes):
                    continue  # not in a case shared between the two
                self._receive(record_id)
            full.append((table, record_id, self._full(table, record_id, body)))
        if not full:
            return 0
        return self.db.apply_replica(full, note=f"partner={self.org_id} {note}", action=action)

    def decide_replica(self, table: str, record_id: str, body: dict[str, Any] | None,
                       seen: dict[str, Any] | None, note: str) -> None:
        """A decision of a conflict with the partner (`Database.decide_replica`), over the
        record as this side has it."""
        self._scope()
        if self.replica_body(table, record_id) != seen:
            raise Conflict(table, record_id, theirs=None)
        current = self.db.replica_body(table, record_id)
        full = None if body is None else self._full(table, record_id, body)
        self.db.decide_replica(table, record_id, full, current,
                               f"partner={self.org_id} {note}")


class PartnerPolicy:
    """What a sync does differently in a partner's domain (see the module's doc)."""

    def __init__(self, view: PartnerView, override: dict[str, str] | None = None) -> None:
        self.view = view
        self.org_id = view.org_id
        # The override this sync goes under (kept in the state); None: an agreement covers it.
        self.override = override
        self.withdrawn: list[str] = []  # records whose fields went as withdrawn, this run

    def begin(self, state: ReplicaState) -> None:
        self.view.state = state
        if self.override is None:
            state.partner.pop("override", None)
        else:
            state.partner["override"] = dict(self.override)

    def withdraws(self, doc_id: str, doc: DocState | None, table: str,
                  body: dict[str, Any] | None) -> bool:
        """Whether a revision takes away fields the partner's copy holds: the last version
        it has holds a value this side now keeps back."""
        if doc is None or body is None:
            return False
        before = doc.base or {}
        gone = [name for name in self.view.withheld(table, doc_id)
                if before.get(name) not in (None, "", [], {})
                and before.get(name) != body.get(name)]
        if gone:
            self.withdrawn.append(doc_id)
        return bool(gone)

    def withdraws_removal(self, doc_id: str, table: str) -> bool:
        """Whether a removal takes out of the partner's copy a record this side shared and
        keeps (consent withdrawn or narrowed, the case no longer shared): it wins over an
        edit the partner made meanwhile, as a withdrawal of fields does."""
        return (doc_id not in self.view.received
                and self.view.db.replica_body(table, doc_id) is not None)

    def decide(self, ctx: Context, doc_id: str, table: str, leaves: list[Leaf],
               live: list[Leaf], doc: DocState | None, here: tuple[str, dict[str, Any]] | None
               ) -> tuple[str, dict[str, Any] | None, DocState, list[Outgoing]] | None:
        """The partner domain's own answer for a record, or None for the union's rules."""
        found = withdrawing.decide(self, ctx, doc_id, table, leaves, live, doc)
        if found is not None:
            return found
        if doc_id in self.view.received or here is None or doc is None:
            return None
        theirs = [lf for lf in live if not self._ours(ctx, lf, doc)]
        if not live and leaves:  # removed by the partner: not here; sent again
            top = leaves[0]
            new = DocState(table, top.rev, list(top.ancestors), body_hash(None),
                           on_hub=True).bases_from(doc)
            return table, here[1], new, []
        if not theirs or all(_alike(lf.body, here[1]) for lf in theirs):
            return None
        return table, here[1], self._conflict(ctx, table, live, theirs[0], doc, here[1]), []

    @staticmethod
    def _ours(ctx: Context, leaf: Leaf, doc: DocState) -> bool:
        return leaf.rev == doc.rev or (leaf.env or {}).get("by") == ctx.state.site_id

    @staticmethod
    def _conflict(ctx: Context, table: str, live: list[Leaf], theirs: Leaf, doc: DocState,
                  mine: dict[str, Any]) -> DocState:
        """A change the partner made to a record this side shared, put to a person: this side
        keeps its values meanwhile."""
        assert doc.rev is not None
        base = doc.base or {}
        body = theirs.body or {}
        names = sorted((set(mine) | set(body)) - BOOKKEEPING)
        fields = {n: {"base": base.get(n), "values": {doc.rev: mine.get(n),
                                                      theirs.rev: body.get(n)}}
                  for n in names if mine.get(n) != body.get(n)}
        winner = live[0]
        leaves = [lf.rev for lf in live] + ([] if doc.rev in {lf.rev for lf in live}
                                            else [doc.rev])
        made = {lf.rev: {"site": (lf.env or {}).get("site"), "at": (lf.env or {}).get("at")}
                for lf in live}
        made.setdefault(doc.rev, {"site": ctx.state.site_name, "at": None})
        new = DocState(table, winner.rev, list(winner.ancestors), body_hash(mine),
                       on_hub=True).bases_from(doc)
        new.conflict = {"leaves": leaves, "fields": fields, "made": made, "removed": [],
                        "bodies": {**{lf.rev: lf.body for lf in live}, doc.rev: mine},
                        "mine": doc.rev}
        return new


def _consent(body: dict[str, Any] | None) -> Consent | None:
    if body is None:
        return None
    try:
        return Consent.model_validate(body, context=STORED)
    except ValueError:
        return None  # damaged: as if none (`pulang check` says so)


def _alike(first: dict[str, Any] | None, second: dict[str, Any] | None) -> bool:
    if first is None or second is None:
        return first is second
    return ({k: v for k, v in first.items() if k not in BOOKKEEPING}
            == {k: v for k, v in second.items() if k not in BOOKKEEPING})


__all__ = ["CASE_TABLES", "PartnerPolicy", "PartnerView", "partner_path"]
