"""A sync as the command line (and later the app) asks for it: set up, run, report, and the
domain key's life (export, import, rotation).

One sync at a time per database: `<db>.sync.lock` is held (not waited for) while it runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import platform
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.common.errors import ExitCode, PulangError
from store.common.i18n import _
from store.engine import audit, replicas
from store.engine.crypto import Sealer
from store.engine.replicas import ReplicaState, body_hash
from store.sync import sealing, summary
from store.sync.couch import Hub, split_url
from store.sync.pulling import pull
from store.sync.pushing import Context, Report, push
from store.sync.records import Records

if TYPE_CHECKING:
    from store.db import Database


class SyncRefused(PulangError):
    """Sync cannot start on this database (not encrypted, no hub named...)."""


class SyncBusy(PulangError):
    """Another sync of the same database is running."""

    exit_code = ExitCode.BUSY


def _sealer(db: Database) -> Sealer:
    sealer = db._engine.sealer  # noqa: SLF001 - the database's own key, for its own file
    if sealer is None:
        raise SyncRefused(_(
            "{path} is not encrypted, and what it holds would leave it: sync needs an "
            "encrypted database. Encrypt it first with `pulang encrypt` (it asks for a "
            "passphrase), then sync.").format(path=db.path))
    return sealer


def load_state(db: Database) -> ReplicaState | None:
    return replicas.load(db.path, _sealer(db))


def _state(db: Database, site_name: str | None = None) -> ReplicaState:
    """The sync state, made (with a new domain key) the first time."""
    sealer = _sealer(db)
    state = replicas.load(db.path, sealer)
    if state is None:
        state = ReplicaState(keys=[sealing.new_key()], site_id=os.urandom(8).hex(),
                             site_name=site_name or platform.node())
        db.audit_event(audit.SYNC_KEY, note="a new domain key was made")
        replicas.save(db.path, sealer, state)
    elif site_name and site_name != state.site_name:
        state.site_name = site_name
    return state


@contextlib.contextmanager
def _one_at_a_time(db_path: Path) -> Iterator[None]:
    lock = db_path.with_name(db_path.name + ".sync.lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyncBusy(_("Another sync of {path} is running; wait for it to "
                                 "finish.").format(path=db_path)) from None
        yield
    finally:
        os.close(fd)


def sync(db: Database, hub_url: str | None = None, *, user: str | None = None,
         password: str | None = None, site_name: str | None = None,
         progress: Callable[[str, int, int], None] | None = None,
         credentials: str | None = None, policy: Any = None) -> Report:
    """Send what changed here, then take what the hub has (see store.sync's doc); the hub
    named is remembered for the next time, and so is the path of the `credentials` file the
    user and password came from, if given. The app's summary (store.sync.summary) is
    written at the end. `policy`: a partner organisation's domain (store.sync.partners), told
    the state before the records are read."""
    with _one_at_a_time(db.path):
        state = _state(db, site_name)
        if policy is not None:
            policy.begin(state)
        url = hub_url or state.hub
        if not url:
            raise SyncRefused(_("Name the hub the first time: pulang sync --hub "
                                "https://host:port/database."))
        server, name = split_url(url)
        state.hub = f"{server}/{name}"
        if credentials:
            state.credentials = credentials
        sealer = _sealer(db)
        _settle(db, sealer, state)
        with Hub(state.hub, user, password) as hub:
            ctx = Context(db, hub, state, progress)
            ctx.policy = policy

            def finish() -> None:
                ctx.report.conflicts = sum(1 for d in state.docs.values()
                                           if d.conflict is not None)
                state.last_sync = {
                    "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "hub": state.hub, "sent": ctx.report.sent,
                    "received": ctx.report.received}

            ctx.finish = finish
            _erase_again(ctx)
            if push(ctx):
                replicas.save(db.path, sealer, state)  # what the hub took, before the pull
            if not pull(ctx):
                finish()
                replicas.save(db.path, sealer, state)
            ctx.report.requests = hub.requests
        summary.write(db, state)
        return ctx.report


def _settle(db: Database, sealer: Sealer, state: ReplicaState) -> None:
    """What a killed sync noted as pending, taken where the database committed it."""
    if replicas.pending_path(db.path).exists():
        current = {i: body for i, (_t, body) in db.replica_records().items()}
        replicas.settle_pending(db.path, sealer, state, current)
        replicas.save(db.path, sealer, state)


def _erase_again(ctx: Context) -> None:
    """Erasures stay: a worker erased here or elsewhere and back from a restore is erased
    again, before anything is sent."""
    again = _erase(ctx.db, ctx.state, ctx.records)
    ctx.report.erasures += again
    if again:
        ctx.records.refresh()


def _erase(db: Database, state: ReplicaState, records: Records) -> int:
    state.erased |= db.erased_ids()
    again = [i for i in state.erased if records.table_of(i) == "workers"
             and not (db.replica_body("workers", i) or {}).get("erased_at")]
    for worker_id in again:
        db.erase_worker(worker_id)
        db.audit_event(audit.ERASURE_APPLIED, table="workers", record_id=worker_id,
                       note="erased again after a restore")
    if again:
        state.erased |= db.erased_ids()
    return len(again)


def erase_again(db: Database) -> int:
    """After `pulang restore`: every worker this site knows was erased (here or elsewhere) and
    the backup brought back is erased again, at once. Connects to nothing. How many."""
    if db._engine.sealer is None or not replicas.sync_path(db.path).exists():  # noqa: SLF001
        return 0
    sealer = _sealer(db)
    with _one_at_a_time(db.path):
        state = replicas.load(db.path, sealer)
        if state is None:
            return 0
        again = _erase(db, state, Records(db))
        replicas.save(db.path, sealer, state)
        return again


# -- the status ------------------------------------------------------------------------------


@dataclass
class Status:
    hub: str | None
    site: str
    last_sync: dict[str, Any] | None
    waiting: int  # records changed here, to send
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    erased: int = 0
    # Case references two cases carry: made at two sites while apart (each site numbers its
    # own); to be told to the officers until one is renumbered.
    same_refs: list[str] = field(default_factory=list)


def status(db: Database) -> Status:
    """Last sync, the changes waiting to be sent, the undecided conflicts."""
    state = load_state(db)
    if state is None:
        return Status(None, "", None, len(db.replica_tables()))
    records = Records(db)
    waiting = sum(1 for i, (_t, body) in records.items()
                  if i not in state.docs or body_hash(body) != state.docs[i].hash)
    waiting += sum(1 for i, d in state.docs.items()
                   if i not in records and d.rev and d.hash != body_hash(None)
                   and (i not in state.erased or state.partner))  # as push sends them
    conflicts = []
    for doc_id, doc in state.docs.items():
        if doc.conflict is None:
            continue
        body = (records.get(doc_id) or ("", {}))[1]
        conflicts.append({"id": doc_id, "table": doc.table, "case_id": body.get("case_id"),
                          "fields": sorted(doc.conflict.get("fields", {})),
                          "removed": bool(doc.conflict.get("removed")),
                          "made": doc.conflict.get("made", {})})
    refs = Counter((records.get(i) or ("", {}))[1].get("ref")
                   for i, table in records.tables() if table == "cases")
    same = sorted(r for r, count in refs.items() if r and count > 1)
    return Status(state.hub, state.site_name, state.last_sync, waiting, conflicts,
                  len(state.erased), same)


# -- the key ---------------------------------------------------------------------------------


def export_key(db: Database, passphrase: str) -> bytes:
    """The domain key (with the keys before a rotation), sealed with `passphrase`."""
    state = _state(db)
    db.audit_event(audit.SYNC_KEY, note="the domain key was exported")
    return sealing.export_key(state.keys, passphrase)


def import_key(db: Database, data: bytes, passphrase: str) -> None:
    """Take the domain key of another site of the union (before the first sync here)."""
    keys = sealing.import_key(data, passphrase)
    sealer = _sealer(db)
    with _one_at_a_time(db.path):
        state = replicas.load(db.path, sealer)
        if state is None:
            state = ReplicaState(keys=keys, site_id=os.urandom(8).hex(),
                                 site_name=platform.node())
        else:
            if state.docs and state.keys[0]["id"] != keys[0]["id"] and all(
                    k["id"] != state.keys[0]["id"] for k in keys):
                raise SyncRefused(_(
                    "This database already syncs under another key. Import that key's file "
                    "instead, or the file exported after its rotation."))
            known = {k["id"] for k in keys}
            state.keys = keys + [k for k in state.keys if k["id"] not in known]
        db.audit_event(audit.SYNC_KEY, note="a domain key was imported")
        replicas.save(db.path, sealer, state)


def rotate_key(db: Database) -> None:
    """A new domain key; every record is sealed again with it on the next push (the old key is
    kept, to read what was sealed before). Export it again for the other sites."""
    sealer = _sealer(db)
    with _one_at_a_time(db.path):
        state = _state(db)
        state.keys.insert(0, sealing.new_key())
        state.reseal = True
        db.audit_event(audit.SYNC_KEY, note="the domain key was rotated")
        replicas.save(db.path, sealer, state)


def remember_credentials(db: Database, path: str) -> None:
    """Remember where the hub's credentials file is (its path, never what it holds)."""
    sealer = _sealer(db)
    state = replicas.load(db.path, sealer)
    if state is not None and state.credentials != path:
        state.credentials = path
        replicas.save(db.path, sealer, state)


def marks(db: Database) -> dict[str, list[str]]:
    """`conflicts` of every domain this database syncs in (the union's, each partner's): what
    the app marks with ⚠ wherever the record is shown."""
    sealer = db._engine.sealer  # noqa: SLF001 - the database's own key, for its own files
    if sealer is None:
        return {}
    found: dict[str, list[str]] = {}
    for base in replicas.domains(db.path):
        for record_id, fields in replicas.load_marks(base, sealer).items():
            kept = found.setdefault(record_id, [])
            kept += [f for f in fields if f not in kept]
    return found


def conflicts(db: Database) -> dict[str, list[str]]:
    """The records with an undecided conflict: id -> the fields in conflict ("" for a removal
    against an edit). Reads only `<db>.sync-marks`; {} where nothing syncs. For the app's
    marks: opening the app never reads the sync's whole state."""
    sealer = db._engine.sealer  # noqa: SLF001 - the database's own key, for its own file
    if sealer is None:
        return {}
    return replicas.load_marks(db.path, sealer)
