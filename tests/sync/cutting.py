"""A TCP proxy on 127.0.0.1 in front of the test hub, that cuts the link when told to.

The sites sync through it (`CuttingProxy.url(database)`); while it is not armed it passes every
byte both ways. Armed (`arm`), it cuts every connection at once at a chosen point of the
traffic:

- after `up_bytes` bytes sent to the hub (a request cut in its middle: the hub gets half of it),
  or after `down_bytes` bytes received from it (a response cut: the site gets half of it);
- at the request after `requests` whole requests (and their responses) went through (with
  `path`, only requests whose line holds it are counted: "_bulk_docs"): once its line is read,
  before the rest of it leaves (the hub never has it all), or with `drop_response`, once the
  hub had all of it and before a byte of its answer comes back (the hub did it, the site does
  not know).

After a cut the link stays down (`stay_down`: every new connection is closed at once) until
`disarm`, or comes back at once (a blip: the site's next attempt goes through). Requests are
counted by reading the HTTP framing of what the sites send (Content-Length bodies: what httpx
sends); bytes and requests are counted over every connection, from the moment it was armed.

What a cut sync sent: `to_send(db)`, before it, the revisions it is to send; `missing_of`,
after it, those the hub does not have; `believed_missing`, what the site takes for sent and
the hub does not have.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.engine import replicas
from store.sync.pushing import Context, _revisions, changed_here

if TYPE_CHECKING:
    import httpx

    from store.db import Database


@dataclass
class Plan:
    up_bytes: int | None = None
    down_bytes: int | None = None
    requests: int | None = None
    path: str | None = None
    drop_response: bool = False
    stay_down: bool = True


class _Requests:
    """Where one connection's outgoing stream stands in its HTTP requests."""

    def __init__(self) -> None:
        self.head = b""
        self.body_left = 0  # bytes of the current request's body still to come
        self.in_head = True

    def feed(self, data: bytes) -> list[tuple[int, str | None]]:
        """For `data`, where a request's head ends (with its line) and where a request ends
        (None)."""
        marks: list[tuple[int, str | None]] = []
        at = 0
        while at < len(data):
            if self.in_head:
                end = (self.head + data[at:]).find(b"\r\n\r\n")
                if end < 0:
                    self.head += data[at:]
                    return marks
                used = end + 4 - len(self.head)
                head = self.head + data[at:at + used]
                self.body_left = _content_length(head)
                marks.append((at, head.split(b"\r\n", 1)[0].decode("latin-1")))
                at += used
                self.head, self.in_head = b"", False
            taken = min(self.body_left, len(data) - at)
            at += taken
            self.body_left -= taken
            if self.body_left == 0:
                marks.append((at, None))
                self.in_head = True
        return marks


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


class _Link:
    """One connection of a site, and its own connection to the hub."""

    def __init__(self, proxy: CuttingProxy, client: socket.socket,
                 upstream: socket.socket) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream = upstream
        self.requests = _Requests()
        self.line = ""  # of the request going through
        self.drop_next_response = False
        self.closed = False

    def start(self) -> None:
        for target in (self._up, self._down):
            threading.Thread(target=target, daemon=True).start()

    def close(self) -> None:
        self.closed = True
        for sock in (self.client, self.upstream):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def _up(self) -> None:
        while not self.closed:
            data = _recv(self.client)
            if not data:
                break
            allowed, cut = self.proxy._up_allowance(self, data)
            if allowed and not _send(self.upstream, data[:allowed]):
                break
            if cut:
                self.proxy._cut()
                return
        self.close()

    def _down(self) -> None:
        while not self.closed:
            data = _recv(self.upstream)
            if not data:
                break
            allowed, cut = self.proxy._down_allowance(self, data)
            if allowed and not _send(self.client, data[:allowed]):
                break
            if cut:
                self.proxy._cut()
                return
        self.close()


def _recv(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""


def _send(sock: socket.socket, data: bytes) -> bool:
    try:
        sock.sendall(data)
        return True
    except OSError:
        return False


class CuttingProxy:
    """See the module's doc. `cuts` counts the cuts made since it started."""

    def __init__(self, target: str) -> None:
        host, _, port = target.rpartition("//")[2].partition(":")
        self._target = (host, int(port))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._links: set[_Link] = set()
        self._plan: Plan | None = None
        self._up = self._down = self._done = 0
        self._down_now = False
        self.cuts = 0
        self.up_total = self.down_total = self.requests_total = 0  # all, armed or not
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database: str) -> str:
        return f"http://127.0.0.1:{self.port}/{database}"

    # -- told what to do -------------------------------------------------------------------

    def arm(self, plan: Plan) -> None:
        with self._lock:
            self._plan = plan
            self._up = self._down = self._done = 0
            self._down_now = False

    def disarm(self) -> None:
        """Every byte passes again, on new connections."""
        with self._lock:
            self._plan = None
            self._down_now = False

    def close(self) -> None:
        self._stopped = True
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            links = list(self._links)
        for link in links:
            link.close()

    # -- the connections -------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                down = self._down_now
            if down:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self._target)
            except OSError:
                client.close()
                continue
            link = _Link(self, client, upstream)
            with self._lock:
                self._links.add(link)
            link.start()

    def _cut(self) -> None:
        """Every connection closed; the link down or back at once, as planned."""
        with self._lock:
            links = list(self._links)
            self._links.clear()
            self.cuts += 1
            plan = self._plan
            self._down_now = bool(plan and plan.stay_down)
            if plan and not plan.stay_down:
                self._plan = None
        for link in links:
            link.close()

    def _up_allowance(self, link: _Link, data: bytes) -> tuple[int, bool]:
        """How much of `data`, going to the hub, passes; and whether to cut after it."""
        with self._lock:
            plan = self._plan
            marks = link.requests.feed(data)
            self.up_total += len(data)
            self.requests_total += sum(1 for _offset, line in marks if line is None)
            if plan is None:
                return len(data), False
            if self._down_now:
                return 0, True
            if plan.up_bytes is not None and self._up + len(data) >= plan.up_bytes:
                allowed = plan.up_bytes - self._up
                self._up = plan.up_bytes
                return allowed, True
            self._up += len(data)
            if plan.requests is not None:
                for offset, line in marks:
                    link.line = line if line is not None else link.line
                    counted = plan.path is None or plan.path in link.line
                    if line is not None and counted and self._done == plan.requests and (
                            not plan.drop_response):
                        return offset, True  # the head's start, or 0: what came before
                    if line is None and counted:
                        self._done += 1
                        if self._done == plan.requests + 1 and plan.drop_response:
                            link.drop_next_response = True
            return len(data), False

    def _down_allowance(self, link: _Link, data: bytes) -> tuple[int, bool]:
        """How much of `data`, coming from the hub, passes; and whether to cut after it."""
        with self._lock:
            plan = self._plan
            self.down_total += len(data)
            if plan is None:
                return len(data), False
            if self._down_now or link.drop_next_response:
                return 0, True
            if plan.down_bytes is not None and self._down + len(data) >= plan.down_bytes:
                allowed = plan.down_bytes - self._down
                self._down = plan.down_bytes
                return allowed, True
            self._down += len(data)
            return len(data), False


def settled_state(db: Database) -> replicas.ReplicaState:
    """The sync state of `db` as its next sync starts from (the pending lines taken)."""
    sealer = db._engine.sealer  # noqa: SLF001 - the site's own key, to read its sync state
    assert sealer is not None
    state = replicas.load(db.path, sealer)
    assert state is not None
    current = {i: body for i, (_t, body) in db.replica_records().items()}
    replicas.settle_pending(db.path, sealer, state, current)
    return state


def to_send(db: Database) -> dict[str, str]:
    """The revision the next sync of `db` sends of each record (what `sync` pushes)."""
    ctx = Context(db, None, settled_state(db))  # type: ignore[arg-type]
    return {o.doc["_id"]: o.doc["_rev"] for o in _revisions(ctx, changed_here(ctx))}


def missing_of(admin: httpx.Client, database: str, revisions: dict[str, str]) -> set[str]:
    """The records of `revisions` (id: revision) whose revision the hub does not have."""
    if not revisions:
        return set()
    answer = admin.post(f"/{database}/_revs_diff",
                        json={i: [r] for i, r in revisions.items()})
    answer.raise_for_status()
    return set(answer.json())


def believed_missing(db: Database, admin: httpx.Client, database: str) -> set[str]:
    """The records whose revision `db` takes for being on the hub (what it then never sends
    again) and the hub does not have."""
    docs = settled_state(db).docs
    return missing_of(admin, database, {i: d.rev for i, d in docs.items() if d.on_hub and d.rev})
