"""`pulang hub setup` and `pulang hub revoke SITE`: the hub's admin work, run from the office.

Setup makes, on a CouchDB 3 server (or pouchdb-server), with its admin's credentials:

- the server's `_users` database, if missing (CouchDB 3 on one node makes none by itself);
- the union's database, if missing;
- its `_security`: members are the role `pulang-site-<database>` (one role per database, so
  that a site of one union is no member of another union's database on the same server), no
  public access, no site among its admins;
- its `_revs_limit` (a new database only): REVS_LIMIT, below;
- one `_users` user per site, `<site>@<database>`, with that role and a random password,
  whose `user:password` is written in `<out>/<site>.credentials` (mode 0600), never shown.

Run again, it adds the sites it does not know and changes nothing else.

Revoke removes a site's user (its credentials stop working at once), and reads what that site
held at its last sync: the site's checkpoint is found by the `_local/pulang-user-<user>`
document its sync writes (`store.sync.pulling`; pouchdb-server has no `_local_docs` to list
checkpoints by), the records the changes feed had up to it are those it held, and those
changed since are told apart: a first revision since was made after (not held), a later one
was held in an earlier version if the record existed then. They are opened with the domain
key of this database (`store.sync.session.rotate_key` makes a new one afterwards).
"""

from __future__ import annotations

import os
import re
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from store.common.errors import PulangError, UsageError
from store.common.i18n import _
from store.engine.audit import table_label
from store.engine.audit.vocab import SITE_REVOKED
from store.sync.couch import Hub, HubProblem
from store.sync.pulling import pointer_name
from store.sync.pushing import BATCH, REVS_KEPT
from store.sync.sealing import unseal

if TYPE_CHECKING:
    from store.db import Database

# As many ancestors as a site sends with a revision (CouchDB's replicator sends as many): the
# hub keeps no history the sites never read, where CouchDB's default keeps 1,000 ids a
# record. A record changed more than 100 times at other sites while a laptop is away comes
# back to it as a conflict to decide, never as a loss.
REVS_LIMIT = REVS_KEPT
SITE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def site_role(database: str) -> str:
    return f"pulang-site-{database}"


def site_user(site: str, database: str) -> str:
    return f"{site}@{database}"


def check_site_name(name: str) -> str:
    """The site's name as the hub's user is named: lower-case ("Jakarta" is jakarta)."""
    name = name.strip().lower()
    if not SITE_NAME.match(name):
        raise UsageError(_("{name} cannot name a site: use up to 40 lower-case letters a-z, "
                           "digits, - and _ (e.g. jakarta-office).").format(name=name))
    return name


class _Admin:
    """The hub's server, as its admin: the union's database (`hub`) and `_users`."""

    def __init__(self, url: str, user: str | None, password: str | None) -> None:
        if not user:
            raise PulangError(_("Give the hub admin's credentials: --admin-credentials FILE "
                                "(`user:password`, mode 0600)."))
        self.hub = Hub(url, user, password)
        self.db = quote(self.hub.name, safe="")

    def __enter__(self) -> _Admin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.hub.close()

    def call(self, method: str, path: str, **options: Any) -> Any:
        """A request to the server (`path` from its root)."""
        return self.hub._call(method, f"{self.hub.server}/{path}", **options)  # noqa: SLF001

    def check(self) -> None:
        """That the credentials are the server's admin's, in words when they are not."""
        try:
            session = self.call("GET", "_session") or {}
        except HubProblem as problem:
            if problem.kind != "credentials":
                raise
            session = {}
        if "_admin" not in (session.get("userCtx") or {}).get("roles", []):
            raise HubProblem("credentials", _(
                "The hub {server} did not take these credentials as its admin's: setting up "
                "and revoking sites needs the admin named when CouchDB was installed "
                "(COUCHDB_USER).").format(server=self.hub.server))

    def user(self, name: str) -> dict[str, Any] | None:
        return self.call("GET", "_users/" + quote(f"org.couchdb.user:{name}", safe=""),
                         ok_missing=True)


@dataclass
class SetUp:
    database: str
    created: bool = False
    users_db: bool = False  # the server's `_users` was made now
    security: bool = False  # the `_security` was written now
    revs_limit: int | None = None  # set now to this
    revs_limit_refused: bool = False  # the server keeps none (pouchdb-server)
    added: list[tuple[str, Path]] = field(default_factory=list)  # site, its file
    existing: list[str] = field(default_factory=list)  # sites set up before
    others: list[str] = field(default_factory=list)  # members besides the sites, kept


def setup(url: str, admin: str | None, password: str | None, sites: list[str],
          out: Path) -> SetUp:
    """The union's database, its security, and a user per new site (see the module's doc)."""
    names = list(dict.fromkeys(check_site_name(s) for s in sites))
    with _Admin(url, admin, password) as server:
        server.check()
        role, done = site_role(server.hub.name), SetUp(server.hub.name)
        new = []
        for site in names:  # everything that would stop it, before anything is made
            user = server.user(site_user(site, server.hub.name))
            if user is not None:
                if role not in user.get("roles", []):
                    raise PulangError(_(
                        "The hub has a user {user} that is not a site of {database}: choose "
                        "another site name.").format(user=user.get("name"),
                                                      database=server.hub.name))
                done.existing.append(site)
                continue
            file = out / f"{site}.credentials"
            if file.exists():
                raise PulangError(_("{path} exists, and the hub has no user for the site "
                                    "{site}: move the file away, then set up again.").format(
                                        path=file, site=site))
            new.append((site, file))
        if server.call("GET", "_users", ok_missing=True) is None:
            server.call("PUT", "_users")  # a new CouchDB 3 on one node has none until made
            done.users_db = True
        if server.call("GET", server.db, ok_missing=True) is None:
            server.call("PUT", server.db)
            done.created = True
        _secure(server, role, done)
        if done.created:
            try:
                server.call("PUT", f"{server.db}/_revs_limit", body=REVS_LIMIT)
                done.revs_limit = REVS_LIMIT
            except HubProblem as problem:
                if problem.kind not in ("missing", "refused"):
                    raise
                done.revs_limit_refused = True
        if new:
            out.mkdir(mode=0o700, parents=True, exist_ok=True)
        for site, file in new:
            _add_site(server, site, role, file)
            done.added.append((site, file))
    return done


def _secure(server: _Admin, role: str, done: SetUp) -> None:
    """Members: the sites' role (and whoever was a member already); no site among the admins.
    An empty `members` would leave the database open to anyone (pouchdb-server) or to admins
    only (CouchDB 3): the role is always there."""
    path = f"{server.db}/_security"
    security = server.call("GET", path) or {}
    members = security.get("members") or {"names": [], "roles": []}
    admins = security.get("admins") or {"names": [], "roles": []}
    wanted = {
        "admins": {"names": [n for n in admins.get("names", [])
                             if not n.endswith("@" + server.hub.name)],
                   "roles": [r for r in admins.get("roles", []) if r != role]},
        "members": {"names": list(members.get("names", [])),
                    "roles": [*members.get("roles", []),
                              *([] if role in members.get("roles", []) else [role])]}}
    done.others = sorted({*wanted["members"]["names"], *wanted["members"]["roles"]} - {role})
    if {**security, **wanted} != security:
        server.call("PUT", path, body={**security, **wanted})
        done.security = True


def _add_site(server: _Admin, site: str, role: str, file: Path) -> None:
    """The site's user, with a random password written only into its file: the file first
    (under another name), the user, then the file under its name."""
    name = site_user(site, server.hub.name)
    password = secrets.token_urlsafe(24)
    draft = file.with_name(f".{file.name}.{os.getpid()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{name}:{password}\n")
            handle.flush()
            os.fsync(handle.fileno())
        server.call("PUT", "_users/" + quote(f"org.couchdb.user:{name}", safe=""), body={
            "name": name, "password": password, "roles": [role], "type": "user"})
        os.link(draft, file)  # never over a file that appeared meanwhile
    finally:
        draft.unlink(missing_ok=True)


# -- revoke ----------------------------------------------------------------------------------


@dataclass
class Record:
    id: str
    table: str
    body: dict[str, Any]
    certain: bool  # in the changes feed up to the site's checkpoint; else changed since


@dataclass
class Revoked:
    site: str
    user: str
    synced: bool  # the site had a checkpoint on the hub
    site_name: str | None = None  # what the site calls itself in its syncs
    records: list[Record] = field(default_factory=list)
    unreadable: int = 0  # sealed with a key this database does not have
    problem: str | None = None  # the hub failed while what the site held was read

    def counts(self, certain: bool) -> list[tuple[str, int]]:
        """(kind of record, in the user's language; how many), most first."""
        counted = Counter(r.table for r in self.records if r.certain is certain)
        return [(table_label(t), n) for t, n in counted.most_common()]

    def cases(self) -> list[tuple[str, bool, list[str]]]:
        """(case reference, held for certain, the names of its workers held), by reference.
        The names are for the officer's terminal only: never in a file or the audit trail."""
        cases = {r.id: r for r in self.records if r.table == "cases"}
        found: dict[str, tuple[bool, list[str]]] = {}
        for record in self.records:
            case_id = record.id if record.table == "cases" else (
                record.body.get("case_id") if record.table == "workers" else None)
            if not case_id:
                continue
            case = cases.get(case_id)
            ref = str((case.body.get("ref") if case else None) or case_id[:8])
            certain, names = found.get(ref, (False, []))
            if record.table == "workers" and record.body.get("full_name"):
                names.append(str(record.body["full_name"]))
            found[ref] = (certain or record.certain, names)
        return [(ref, certain, sorted(names)) for ref, (certain, names) in sorted(found.items())]


def revoke(db: Database, url: str, admin: str | None, password: str | None, site: str,
           keys: list[dict[str, Any]], removed: Callable[[], None]) -> Revoked:
    """Remove the site's hub user (after the audit trail took it), call `removed` (the key's
    rotation: nothing that follows may stop it), then read what the site held at its last
    sync with `keys` (the domain keys); a hub that fails then is in `problem`."""
    with _Admin(url, admin, password) as server:
        server.check()
        name = site_user(check_site_name(site), server.hub.name)
        user = server.user(name)
        if user is None:
            raise PulangError(_("The hub has no site {site} for the database {database}: "
                                "nothing was changed.").format(site=site,
                                                               database=server.hub.name))
        db.audit_event(SITE_REVOKED, note=(
            f"hub={server.hub.url} site={site}: its hub user removed, the domain key rotated"))
        server.call("DELETE", "_users/" + quote(f"org.couchdb.user:{name}", safe=""),
                    params={"rev": user["_rev"]})
        removed()
        done = Revoked(site, name, synced=False)
        try:
            pointer = server.hub.get_local(pointer_name(name))
            checkpoint = (server.hub.get_local(str(pointer.get("checkpoint")))
                          if pointer else None)
            if checkpoint is not None and "seq" in checkpoint:
                done.synced, done.site_name = True, checkpoint.get("site")
                _read_held(server.hub, checkpoint["seq"], keys, done)
            if pointer is not None and "_rev" in pointer:
                # A site set up again under this name reads as never synced until it has.
                server.call("DELETE", f"{server.db}/_local/{quote(pointer_name(name), safe='')}",
                            params={"rev": pointer["_rev"]})
        except HubProblem as problem:
            done.problem = str(problem)
    return done


def _feed(hub: Hub, since: Any) -> dict[str, str | None]:
    """id -> its winning revision (None: deleted) in the changes feed after `since`."""
    found: dict[str, str | None] = {}
    while True:
        results, last = hub.changes(since, BATCH)
        for result in results:
            revs = [c["rev"] for c in result.get("changes", [])]
            found[result["id"]] = None if result.get("deleted") or not revs else revs[0]
        if len(results) < BATCH or last == since:
            return found
        since = last


def _read_held(hub: Hub, seq: Any, keys: list[dict[str, Any]], done: Revoked) -> None:
    everything = _feed(hub, None)
    since = _feed(hub, seq)
    wanted: list[tuple[str, str, bool]] = []
    for doc_id, rev in everything.items():
        if rev is None or doc_id.startswith("_"):
            continue
        changed = doc_id in since
        if changed and rev.startswith("1-"):
            continue  # made after its last sync
        wanted.append((doc_id, rev, not changed))
    for start in range(0, len(wanted), BATCH):
        packet = wanted[start:start + BATCH]
        certain = {(i, r): c for i, r, c in packet}
        for item in hub.bulk_get([(i, r) for i, r, _c in packet]):
            try:
                env = unseal(keys, item["_id"], item["_rev"], item.get("s"))
            except ValueError:
                done.unreadable += 1
                continue
            body = env.get("b")
            if isinstance(body, dict) and env.get("t"):
                done.records.append(Record(item["_id"], str(env["t"]), body,
                                           certain[(item["_id"], item["_rev"])]))
