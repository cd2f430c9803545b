"""The state machine's model of a union's sites (test_state_machine.py): who knew of which
write.

Every write (a record made, a field set, a record removed) is an `Event` with the writes of the
record its site knew of then; the model keeps them, and which of them the hub and each site
know. What a set of writes must show (`Model.view`): a field, the one value among its writes
that no other write of it knew of; several values are a conflict, and so is a removal that a
live write did not know of; removals alone leave the record gone.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

SITES = ("A", "B", "C")
FIELDS = {"cases": ("title", "destination_place"),
          "workers": ("phone", "notes", "current_location"),
          "log": ("summary", "next_step")}


@dataclass(frozen=True)
class Event:
    n: int
    site: str
    record: str
    kind: str  # create, set, remove
    values: dict[str, Any]  # the fields it sets (all of them for a create)
    deps: frozenset[int]  # the writes of the record its site knew of


@dataclass
class View:
    present: bool
    values: dict[str, Any]
    conflicts: dict[str, set[Any]] = field(default_factory=dict)  # field: the values
    removed: bool = False  # a removal against a live write
    maybe: dict[str, set[Any]] = field(default_factory=dict)  # see `Model.view`

    @property
    def conflict(self) -> bool:
        return bool(self.conflicts) or self.removed


def _apart(a: Event, b: Event) -> bool:
    return a.n not in b.deps and b.n not in a.deps


def _best(events: list[Event], name: str) -> set[Any]:
    """The values of the writes of field `name` that no other write of it knew of."""
    setters = [e for e in events if name in e.values]
    return {e.values[name] for e in setters if not any(e.n in o.deps for o in setters)}


class Model:
    def __init__(self) -> None:
        self.events: dict[int, Event] = {}
        self.table: dict[str, str] = {}
        self.known: dict[str, dict[str, set[int]]] = {s: {} for s in SITES}
        self.hub: dict[str, set[int]] = {}
        self.counter = itertools.count(1)

    def write(self, site: str, record: str, kind: str, values: dict[str, Any]) -> Event:
        mine = self.known[site].setdefault(record, set())
        event = Event(next(self.counter), site, record, kind, values, frozenset(mine))
        self.events[event.n] = event
        mine.add(event.n)
        return event

    def of(self, record: str) -> list[Event]:
        return [e for e in self.events.values() if e.record == record]

    def view(self, record: str, ids: set[int] | None = None) -> View:
        """What these writes of `record` (all of them by default) must show."""
        events = [self.events[i] for i in ids] if ids is not None else self.of(record)
        top = [e for e in events if not any(e.n in o.deps for o in events)]
        live = [e for e in top if e.kind != "remove"]
        out = View(bool(live), {}, removed=bool(live) and len(live) < len(top))
        # What a removal ended counts no more: the fields are those of the live writes; but
        # a write the removal knew of may have been merged into the live ones before.
        behind = set().union(*(e.deps | {e.n} for e in live)) if live else set()
        for name in FIELDS[self.table[record]]:
            best = _best([e for e in events if e.n in behind], name)
            if len(best) > 1:
                out.conflicts[name] = best
            elif best:
                out.values[name] = next(iter(best))
            if out.removed:
                out.maybe[name] = best | _best(events, name)
        return out

    def written(self, record: str, name: str) -> set[Any]:
        return {e.values[name] for e in self.of(record) if name in e.values}

    def writable(self, site: str, record: str, name: str) -> bool:
        """Not if the site knows only one of two writes of one value made apart: whether its
        change then meets the other as a conflict hangs on whether they were merged first."""
        known = self.known[site].get(record, set())
        twins = [e for e in self.of(record) if e.kind == "set" and name in e.values]
        return not any(a.values == b.values and _apart(a, b) and a.n in known
                       and b.n not in known for a in twins for b in twins)

    def push(self, site: str, records: set[str] | None = None) -> None:
        for record, ids in self.known[site].items():
            if records is None or record in records:
                self.hub.setdefault(record, set()).update(ids)

    def pull(self, site: str) -> None:
        for record, ids in self.hub.items():
            self.known[site].setdefault(record, set()).update(ids)
