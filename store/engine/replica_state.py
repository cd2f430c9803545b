"""The state a site keeps of each record it syncs (`DocState`) and of the sync as a whole
(`ReplicaState`), with the canonical form of a record's body the network compares, hashes and
signs. Kept in `<db>.sync` by `store.engine.replicas`, which says what each part is for."""

from __future__ import annotations

import base64
import hashlib
import zlib
from dataclasses import dataclass, field
from typing import Any

import orjson

FORMAT = "pulang-sync"
VERSION = 1
# Bookkeeping that changes at every save and is the site's own: never part of a synced body.
LOCAL_FIELDS = frozenset({"version"})


def canonical(body: dict[str, Any] | None) -> bytes:
    """A record's body as the network compares and signs it: keys sorted, local bookkeeping
    (its version counter) left out; None (removed) is `null`."""
    if body is None:
        return b"null"
    return orjson.dumps({k: v for k, v in body.items() if k not in LOCAL_FIELDS},
                        option=orjson.OPT_SORT_KEYS)


def body_hash(body: dict[str, Any] | None) -> str:
    return hashlib.sha256(canonical(body)).hexdigest()[:32]


def packed(body: dict[str, Any] | None) -> bytes | None:
    """A common version as kept: its canonical JSON, compressed (a few hundred bytes where
    the parsed body takes a few kilobytes: the state keeps one for every record)."""
    return None if body is None else zlib.compress(canonical(body), 1)


def unpacked(data: bytes | None) -> dict[str, Any] | None:
    return None if data is None else orjson.loads(zlib.decompress(data))


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes | None:
    return base64.b64decode(text) if isinstance(text, str) else None


EARLIER_KEPT = 8  # earlier common versions kept per record (see DocState)


class DocState:
    """One record as last synced. `rev` is the leaf this site last sent or took (None: never
    synced), `ancestors` the hashes of its revision ids, its own first; `hash` the body_hash of
    the body the local copy had then (the record changed here since when it no longer has it).

    `base_rev` and `base`: the common version, the last revision this site built on that the
    hub had (the `base` of a three-way merge; None when unknown or emptied by an erasure).
    `earlier`: the few common versions before it (rev -> body, oldest first, at most
    EARLIER_KEPT), for a site that edited from one of those while this one moved on: the merge
    takes the newest common version both leaves descend from, so that a field changed at one
    site only is never a conflict. Emptied with `base` by an erasure.

    Kept as the JSON it is stored as (`raw`, short keys), read and written through the
    properties: a sync of one edit reads and writes the state of every record, and most of
    them are not touched (making and encoding an object per record took half of it).
    `fingerprint`: a CRC of the record's bytes in the database when `hash` was last found
    right, so that an unchanged record is known without parsing it.
    Sync files (store.sync.carrying) add, in `raw` only: "q", the site's count when the
    record's leaves last changed, with "qs", a CRC of those leaves; "k", leaves a file's merge
    closed here. A state without them (from before files) is read as never in a file.
    """

    __slots__ = ("raw",)

    def __init__(self, table: str, rev: str | None = None, ancestors: list[str] | None = None,
                 hash: str | None = None, base_rev: str | None = None,  # noqa: A002
                 packed_base: bytes | None = None, on_hub: bool = False,
                 conflict: dict[str, Any] | None = None,
                 earlier: dict[str, bytes] | None = None) -> None:
        self.raw: dict[str, Any] = {"t": table, "r": rev, "a": list(ancestors or []),
                                    "x": hash, "br": base_rev, "b": _b64(packed_base),
                                    "h": on_hub}
        if conflict is not None:
            self.raw["c"] = conflict
        if earlier:
            self.raw["e"] = {r: _b64(v) for r, v in earlier.items()}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> DocState:
        state = cls.__new__(cls)
        state.raw = raw
        return state

    def as_json(self) -> dict[str, Any]:
        return self.raw

    def _set(self, key: str, value: Any) -> None:
        self.raw[key] = value
        self.raw.pop("f", None)  # what the fingerprint vouched for has changed

    table = property(lambda self: self.raw["t"])
    rev = property(lambda self: self.raw.get("r"), lambda self, v: self._set("r", v))
    ancestors = property(lambda self: self.raw.get("a") or [],
                         lambda self, v: self._set("a", list(v)))
    hash = property(lambda self: self.raw.get("x"), lambda self, v: self._set("x", v))
    base_rev = property(lambda self: self.raw.get("br"), lambda self, v: self._set("br", v))
    on_hub = property(lambda self: bool(self.raw.get("h")),
                      lambda self, v: self.raw.__setitem__("h", bool(v)))
    fingerprint = property(lambda self: self.raw.get("f"),
                           lambda self, v: self.raw.__setitem__("f", v))

    @property
    def conflict(self) -> dict[str, Any] | None:
        return self.raw.get("c")

    @conflict.setter
    def conflict(self, value: dict[str, Any] | None) -> None:
        if value is None:
            self.raw.pop("c", None)
        else:
            self.raw["c"] = value

    @property
    def closing(self) -> list[str]:
        """The leaves a person's decision of a conflict closes (each gets a deletion marked
        closed at the next push, before the decision itself): the other site's version, and a
        removal the decision kept the record against. Not carried to the next state."""
        return list(self.raw.get("k") or [])

    @closing.setter
    def closing(self, revs: list[str]) -> None:
        if revs:
            self.raw["k"] = list(revs)
        else:
            self.raw.pop("k", None)
        self.raw.pop("f", None)

    @property
    def packed_base(self) -> bytes | None:
        return _unb64(self.raw.get("b"))

    @property
    def base(self) -> dict[str, Any] | None:
        return unpacked(self.packed_base)

    @base.setter
    def base(self, body: dict[str, Any] | None) -> None:
        self.raw["b"] = _b64(packed(body))

    def bases_from(self, other: DocState | None) -> DocState:
        """This state with `other`'s common versions (its base and those before it)."""
        if other is not None:
            self.raw["br"], self.raw["b"] = other.raw.get("br"), other.raw.get("b")
            if other.raw.get("e"):
                self.raw["e"] = dict(other.raw["e"])
            else:
                self.raw.pop("e", None)
        return self

    def advance_base(self, rev: str | None, body: dict[str, Any] | None) -> None:
        """`rev` is now the newest common version; the one before is kept in `earlier`."""
        if rev == self.raw.get("br"):
            return
        if self.raw.get("br") is not None and self.raw.get("b") is not None:
            earlier = self.raw.setdefault("e", {})
            earlier[self.raw["br"]] = self.raw["b"]
            while len(earlier) > EARLIER_KEPT:
                earlier.pop(next(iter(earlier)))
        self.raw["br"], self.raw["b"] = rev, _b64(packed(body))

    def common_versions(self) -> list[tuple[str, dict[str, Any]]]:
        """Every common version kept (rev, body), newest first."""
        found = [(r, b) for r, b in (self.raw.get("e") or {}).items() if b is not None]
        if self.raw.get("br") is not None and self.raw.get("b") is not None:
            found.append((self.raw["br"], self.raw["b"]))
        found.sort(key=lambda item: int(item[0].split("-", 1)[0]), reverse=True)
        return [(r, unpacked(_unb64(b)) or {}) for r, b in found]

    def forget_bases(self) -> None:
        """An erasure: no version from before it is kept."""
        self.raw["b"] = None
        self.raw.pop("e", None)


@dataclass
class ReplicaState:
    """The contents of `<db>.sync` (see the module's doc)."""

    keys: list[dict[str, str]] = field(default_factory=list)
    site_id: str = ""
    site_name: str = ""
    hub: str | None = None
    credentials: str | None = None  # the path of the hub's credentials file, never its content
    checkpoints: dict[str, Any] = field(default_factory=dict)
    docs: dict[str, DocState] = field(default_factory=dict)
    erased: set[str] = field(default_factory=set)
    last_sync: dict[str, Any] | None = None
    reseal: bool = False  # a new key was made: every document is sealed again on the next push
    # Sync files (store.sync.carrying): this site's counter, raised when a file is made and
    # records changed since the last one (each record's DocState "q" is the value it had then),
    # and what each other site is known to have: site id -> {"name", "received": their
    # counter up to which every record of theirs is here, "acked": ours up to which they say
    # they have everything}.
    counter: int = 0
    peers: dict[str, dict[str, Any]] = field(default_factory=dict)
    # A partner organisation's domain (store.sync.partners): {"org": its id in the directory,
    # "received": ids of the records its copy made, "override": {"on", "reason"} when sharing
    # went ahead without an agreement covering it}; empty for the union's own domain.
    partner: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "keys": self.keys, "site": self.site_id,
                "site_name": self.site_name, "hub": self.hub,
                "credentials": self.credentials, "checkpoints": self.checkpoints,
                "docs": {i: d.as_json() for i, d in self.docs.items()},
                "erased": sorted(self.erased), "last_sync": self.last_sync,
                "reseal": self.reseal, "counter": self.counter, "peers": self.peers,
                "partner": self.partner}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> ReplicaState:
        return cls(list(raw.get("keys", [])), str(raw.get("site", "")),
                   str(raw.get("site_name", "")), raw.get("hub"), raw.get("credentials"),
                   dict(raw.get("checkpoints", {})),
                   {i: DocState.from_json(d) for i, d in raw.get("docs", {}).items()},
                   set(raw.get("erased", [])), raw.get("last_sync"), bool(raw.get("reseal")),
                   int(raw.get("counter", 0)), dict(raw.get("peers", {})),
                   dict(raw.get("partner", {})))
