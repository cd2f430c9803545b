"""The CouchDB replication protocol, the part Pulang speaks, on `httpx`.

Only this package opens connections, and only to the hub an officer named
(`pulang sync --hub URL`). A `Hub` is one database on a CouchDB-compatible server:

    revs_diff({id: [rev, ...]})          which revisions the hub lacks
    bulk_docs(docs)                      store revisions as they are (`new_edits: false`)
    changes(since, limit)                what changed since a checkpoint, every leaf of each
    bulk_get([(id, rev), ...])           those revisions, with their ancestors (`revs=true`)
    get_local(name) / put_local(...)     checkpoints, in `_local` documents (not replicated)
    purge({id: [leaf revs]}), compact()  the admin's clean-up after an erasure

A request that fails on the way (the link cut, a timeout, the server busy with 5xx or 429) is
tried again after 0.5, 1, 2, 4 s; what the hub refuses (credentials, a full disk, a missing
database) is not, and is raised as a `HubProblem` that says what to do. A checkpoint's `seq`
is kept as the hub gave it (an integer from some servers, a string from CouchDB 3).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import httpx
import orjson

from store.common.errors import ExitCode, PulangError
from store.common.i18n import _

RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


def retries() -> int:
    """How many times a request that failed on the way is tried again: PULANG_SYNC_RETRIES
    (0 to 4; 4 when unset), for a link known to be down or known to be flaky."""
    try:
        return max(0, min(len(RETRY_DELAYS), int(os.environ.get("PULANG_SYNC_RETRIES", "4"))))
    except ValueError:
        return len(RETRY_DELAYS)


class HubProblem(PulangError):
    """The hub could not be reached, or refused; `kind` says which."""

    exit_code = ExitCode.HUB

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # unreachable, credentials, full, missing, refused


def split_url(url: str) -> tuple[str, str]:
    """(server, database) of a hub's URL; credentials written in it are refused: they belong
    in a file or the environment, never on a command line that others can list."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PulangError(_("{url} is not a hub's address: write it as "
                            "https://host:port/database.").format(url=url))
    if parts.username or parts.password:
        raise PulangError(_("Do not write the hub's user name or password in its address: "
                            "put them in a file (mode 0600) or in PULANG_HUB_USER and "
                            "PULANG_HUB_PASSWORD."))
    path = parts.path.strip("/")
    if not path or "/" in path:
        raise PulangError(_("{url} names no database: write it as "
                            "https://host:port/database.").format(url=url))
    return urlunsplit((parts.scheme, parts.netloc, "", "", "")), path


class Hub:
    """One database on the hub (see the module's doc). `requests` counts what was sent."""

    def __init__(self, url: str, user: str | None = None, password: str | None = None,
                 *, retry_delays: Iterable[float] | None = None) -> None:
        self.server, self.name = split_url(url)
        self.url = f"{self.server}/{self.name}"
        self.user = user  # named in this site's checkpoint on the hub, never the password
        auth = httpx.BasicAuth(user, password or "") if user else None
        # trust_env=False: no proxy or netrc from the environment, only the hub named. The
        # certificates are loaded only for https (about 27 ms, measured, for nothing on http).
        self._client = httpx.Client(base_url=self.url + "/", auth=auth, timeout=TIMEOUT,
                                    headers={"Accept": "application/json"}, trust_env=False,
                                    verify=self.server.startswith("https:"))
        self._delays = tuple(RETRY_DELAYS[:retries()] if retry_delays is None else retry_delays)
        self.requests = 0

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request -----------------------------------------------------------------------

    def _call(self, method: str, path: str, *, body: Any = None,
              params: dict[str, Any] | None = None, ok_missing: bool = False) -> Any:
        content = None if body is None else orjson.dumps(body)
        headers = {"Content-Type": "application/json"} if content is not None else None
        for attempt in range(len(self._delays) + 1):
            self.requests += 1
            try:
                response = self._client.request(method, path, content=content, params=params,
                                                 headers=headers)
            except httpx.TransportError as error:
                if attempt < len(self._delays):
                    time.sleep(self._delays[attempt])
                    continue
                raise HubProblem("unreachable", _(
                    "The hub {hub} cannot be reached ({reason}). Check the address and the "
                    "link, and sync again: nothing was lost.").format(
                        hub=self.url, reason=type(error).__name__)) from None
            status = response.status_code
            if (status >= 500 or status == 429) and attempt < len(self._delays):
                time.sleep(self._delays[attempt])
                continue
            if status == 404 and ok_missing:
                return None
            if status >= 400:
                raise self._refused(status, response)
            return orjson.loads(response.content) if response.content else None
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _refused(self, status: int, response: httpx.Response) -> HubProblem:
        if status in (401, 403):
            return HubProblem("credentials", _(
                "The hub {hub} refused the user name or password. Check the credentials file "
                "(or PULANG_HUB_USER and PULANG_HUB_PASSWORD) with whoever runs the hub.").format(
                    hub=self.url))
        if status in (413, 507):
            return HubProblem("full", _(
                "The hub {hub} is full or refused the size of what was sent. Tell whoever "
                "runs it; nothing was lost here.").format(hub=self.url))
        if status == 404:
            return HubProblem("missing", _(
                "The hub has no database {name}. Check the address, or ask whoever runs the "
                "hub to create it.").format(name=self.name))
        try:
            reason = str(orjson.loads(response.content).get("reason", ""))[:200]
        except (orjson.JSONDecodeError, AttributeError):
            reason = ""
        return HubProblem("refused", _("The hub {hub} refused the request ({status} "
                                       "{reason}).").format(hub=self.url, status=status,
                                                            reason=reason))

    # -- the protocol ----------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        return dict(self._call("GET", "") or {})

    def revs_diff(self, revs: dict[str, list[str]]) -> dict[str, list[str]]:
        """For each id, the revisions of `revs` the hub does not have."""
        if not revs:
            return {}
        answer = self._call("POST", "_revs_diff", body=revs) or {}
        return {i: list(v.get("missing", [])) for i, v in answer.items()}

    def bulk_docs(self, docs: list[dict[str, Any]]) -> None:
        """Store revisions as they are, with their ancestors (`_revisions`)."""
        if not docs:
            return
        answer = self._call("POST", "_bulk_docs", body={"docs": docs, "new_edits": False})
        for item in answer or []:
            if isinstance(item, dict) and item.get("error"):
                raise HubProblem("refused", _("The hub refused a document ({reason}).").format(
                    reason=str(item.get("reason", item["error"]))[:200]))

    def changes(self, since: Any, limit: int) -> tuple[list[dict[str, Any]], Any]:
        """Up to `limit` changes after `since`, every leaf of each: (results, last_seq)."""
        params = {"style": "all_docs", "limit": limit}
        if since is not None:
            params["since"] = since if isinstance(since, str | int) else orjson.dumps(since)
        answer = self._call("GET", "_changes", params=params) or {}
        return list(answer.get("results", [])), answer.get("last_seq", since)

    def bulk_get(self, wanted: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """The revisions asked for, each with `_revisions`; what the hub does not have (or
        gives an error for) is left out."""
        if not wanted:
            return []
        answer = self._call("POST", "_bulk_get", params={"revs": "true"},
                            body={"docs": [{"id": i, "rev": r} for i, r in wanted]}) or {}
        found = []
        for result in answer.get("results", []):
            for item in result.get("docs", []):
                if isinstance(item, dict) and isinstance(item.get("ok"), dict):
                    found.append(item["ok"])
        return found

    def get_local(self, name: str) -> dict[str, Any] | None:
        return self._call("GET", "_local/" + quote(name, safe=""), ok_missing=True)

    def put_local(self, name: str, doc: dict[str, Any]) -> None:
        self._call("PUT", "_local/" + quote(name, safe=""), body=doc)

    def all_leaves(self, doc_id: str) -> list[dict[str, Any]]:
        """Every leaf revision of one document (`open_revs=all`), with its ancestors."""
        answer = self._call("GET", quote(doc_id, safe=""),
                            params={"open_revs": "all", "revs": "true"}, ok_missing=True)
        return [item["ok"] for item in answer or [] if isinstance(item, dict) and "ok" in item]

    # -- the admin's -----------------------------------------------------------------------

    def purge(self, leaves: dict[str, list[str]]) -> dict[str, Any]:
        """Remove these leaf revisions (and what only they lead to) for good; admin only."""
        return dict(self._call("POST", "_purge", body=leaves) or {})

    def compact(self) -> None:
        self._call("POST", "_compact", body={})
