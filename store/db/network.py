"""The union's network in the store: organisations, people, meetings, agreements and tasks.

Its methods are parts of `store.db.database.Database` (see `store.db.base`): `NetworkMixin`
here reads the directory; saving, removing and matching organisations and people is
`store.db.directory`'s, merging them `store.db.merging`'s, meetings and tasks
`store.db.meetings`', agreements `store.db.agreements`'. They take the database's lock like
every other, and their rules hold whatever screen or script asks:

- a record names only records that exist (`LinkRefused`), and an organisation is never a member
  of itself, directly or through others;
- a person's earlier organisations and titles are kept in their history when either changes;
- an agreement moves along its lifecycle one allowed step at a time, each move dated
  (`AgreementMoveRefused`), and each draft version's text is kept;
- an organisation or person still named elsewhere is not removed (`StillLinked`): it is merged
  into the record it duplicates, which keeps every spelling, link and role, and the merge is
  one atomic change recorded in the audit trail as a merge;
- a log entry's free-text counterpart is never changed: links to the directory are offered
  (`counterpart_offers`) and made only on the officer's word (`link_counterparts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from store.common.collation import name_sort_key
from store.common.errors import LinkRefused, NotFound
from store.common.i18n import N_, _
from store.db.base import (
    AGREEMENTS,
    BY_ID_TABLE_OF,
    MEETINGS,
    NETWORK_TABLE_OF,
    ORGANISATIONS,
    PEOPLE,
    TABLE_OF,
    TASKS,
    Part,
    R,
)
from store.domain.matching import NameIndex
from store.domain.records import (
    Actor,
    Agreement,
    Identifier,
    Inquiry,
    Intake,
    LogEntry,
    Meeting,
    Organisation,
    Person,
    Place,
    Record,
    RegistryLink,
    Task,
)
from store.domain.text import fold

# What is importable from here (the network's tables are store.db.base's, with the others').
__all__ = ["AGREEMENTS", "KIND_NAMES", "MEETINGS", "NETWORK_TABLE_OF", "ORGANISATIONS",
           "PEOPLE", "SEARCH_LIMIT", "TASKS", "Hit", "Links", "NetworkMixin", "Offer"]

# At most this many results of a global search (per kind of record).
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class Hit:
    """One result of the global search."""

    kind: str  # "case", "worker", "organisation", "person", "meeting", "agreement"
    id: str
    title: str  # as stored (a name as rows show it, `row_name`): shown through printable()
    detail: str
    case_id: str | None = None  # for a case or a worker: the case to open
    # For a worker: the field that matched ("name", "other_spelling", "phone", "passport",
    # `store.db.finding.FIELDS`), what it holds (a spelling as stored, a number) and the score.
    field: str = ""
    matched: str = ""
    score: float | None = None


@dataclass
class Offer:
    """A free-text counterpart of log entries that looks like a record of the directory."""

    field: str  # "org" or "person"
    text: str  # as the entries hold it
    candidate_id: str
    candidate: str  # the directory record's name
    score: float
    entry_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Links:
    """Where a person or organisation is named (by id)."""

    entries: int = 0
    meetings: int = 0
    agreements: int = 0
    tasks: int = 0
    people: int = 0  # an organisation's people (now or in their history)
    members: int = 0  # organisations that are members of it

    @property
    def total(self) -> int:
        return (self.entries + self.meetings + self.agreements + self.tasks + self.people
                + self.members)


class NetworkMixin(Part):
    """Reading the directory (see the module's doc): every record of a kind, one by id (or
    the one it was merged into), and where a record is named."""

    # -- reading ---------------------------------------------------------------------------

    def _all(self, kind: type[R]) -> list[R]:
        """Every record of a directory table, parsed once per change of the table: the
        directory is read whole by most screens and by every search (treat them as read-only:
        change a record with model_copy)."""
        table = BY_ID_TABLE_OF[kind]
        stamp = self._engine.stamps.get(table, 0)
        cache: dict[str, tuple[int, list[Any]]] = self.__dict__.setdefault("_parsed", {})
        cached = cache.get(table)
        if cached is None or cached[0] != stamp:
            cached = (stamp, [self._read(kind, orjson.loads(raw))
                              for raw in self._engine.raw[table].values()])
            cache[table] = cached
        return list(cached[1])

    def _name_index(self, kind: type[Record]) -> NameIndex:
        """The spelling-tolerant index of a directory table's names, kept until it changes."""
        table = NETWORK_TABLE_OF[kind]
        stamp = self._engine.stamps.get(table, 0)
        cache: dict[str, tuple[int, NameIndex]] = self.__dict__.setdefault("_indexes", {})
        cached = cache.get(table)
        if cached is None or cached[0] != stamp:
            records = self._all(kind)  # type: ignore[arg-type]
            cached = (stamp, NameIndex([(r.id, r.all_names) for r in records],  # type: ignore[attr-defined]
                                       acronyms=kind is Organisation))
            cache[table] = cached
        return cached[1]

    def _one(self, kind: type[R], record_id: str) -> R:
        """The record, or the one it was merged into; NotFound when neither exists."""
        table = BY_ID_TABLE_OF[kind]
        doc = self._engine.get(table, record_id)
        if doc is None:
            merged = self._merged_into(kind, record_id)
            doc = None if merged is None else self._engine.get(table, merged)
        if doc is None:
            raise NotFound(_(KIND_NAMES[kind]))  # noqa - a marked msgid
        return self._read(kind, doc)

    def _merged_into(self, kind: type[Record], record_id: str) -> str | None:
        if kind not in (Organisation, Person):
            return None
        needle = f'"{record_id}"'.encode()
        for rid, raw in self._engine.raw[NETWORK_TABLE_OF[kind]].items():
            if needle in raw:
                doc = orjson.loads(raw)
                if record_id in doc.get("merged_ids", []):
                    return rid
        return None

    def prepare_network(self) -> None:
        """Build ahead of first use what the directory's screens and the search read: the
        parsed directory, its name indexes and the log's index of links (kept until they
        change). Meant for a background thread after opening."""
        with self._lock:
            if self._engine.locked_out:
                return
            self._engine.links_index()
            for kind in NETWORK_TABLE_OF:
                self._all(kind)
            self._name_index(Person)
            self._name_index(Organisation)

    def organisations(self) -> list[Organisation]:
        """Every organisation, by name."""
        with self._lock:
            self._engine.refresh()
            return sorted(self._all(Organisation), key=lambda o: name_sort_key(o.name))

    def people(self) -> list[Person]:
        """Every person of the directory, by name."""
        with self._lock:
            self._engine.refresh()
            return sorted(self._all(Person), key=lambda p: name_sort_key(p.full_name))

    def meetings(self) -> list[Meeting]:
        """Every meeting, the most recent first."""
        with self._lock:
            self._engine.refresh()
            return sorted(self._all(Meeting), key=lambda m: m.at, reverse=True)

    def agreements(self) -> list[Agreement]:
        """Every agreement, by title."""
        with self._lock:
            self._engine.refresh()
            return sorted(self._all(Agreement), key=lambda a: name_sort_key(a.title))

    def organisation(self, org_id: str) -> Organisation:
        with self._lock:
            self._engine.refresh()
            return self._one(Organisation, org_id)

    def person(self, person_id: str) -> Person:
        with self._lock:
            self._engine.refresh()
            return self._one(Person, person_id)

    def meeting(self, meeting_id: str) -> Meeting:
        with self._lock:
            self._engine.refresh()
            return self._one(Meeting, meeting_id)

    def agreement(self, agreement_id: str) -> Agreement:
        with self._lock:
            self._engine.refresh()
            return self._one(Agreement, agreement_id)

    def tasks(self, *, meeting_id: str | None = None, agreement_id: str | None = None,
              owner_id: str | None = None, open_only: bool = False) -> list[Task]:
        """Tasks, filtered; by due date (those without one last), then text."""
        with self._lock:
            self._engine.refresh()
            found = [
                t for t in self._all(Task)
                if (meeting_id is None or t.meeting_id == meeting_id)
                and (agreement_id is None or t.agreement_id == agreement_id)
                and (owner_id is None or t.owner_id == owner_id)
                and (not open_only or t.open)
            ]
        return sorted(found, key=lambda t: (t.due is None, t.due or dt.date.min, fold(t.text)))

    def people_of(self, org_id: str, *, former: bool = False) -> list[Person]:
        """The organisation's people now; with `former`, also those who were there once."""
        with self._lock:
            self._engine.refresh()
            found = []
            for person in self._all(Person):
                if person.org_id == org_id or (
                        former and any(r.org_id == org_id for r in person.history)):
                    found.append(person)
        return sorted(found, key=lambda p: name_sort_key(p.full_name))

    def members_of(self, org_id: str) -> list[Organisation]:
        with self._lock:
            self._engine.refresh()
            return sorted((o for o in self._all(Organisation) if o.parent_id == org_id),
                          key=lambda o: name_sort_key(o.name))

    def meetings_with(self, record_id: str) -> list[Meeting]:
        """Meetings an organisation or person was at, or that discussed a case or agreement."""
        with self._lock:
            self._engine.refresh()
            found = [m for m in self._all(Meeting)
                     if record_id in (*m.org_ids, *m.person_ids, *m.case_ids,
                                      *m.agreement_ids)]
        return sorted(found, key=lambda m: m.at, reverse=True)

    def agreements_of(self, record_id: str) -> list[Agreement]:
        """Agreements an organisation is party to, or a person signed."""
        with self._lock:
            self._engine.refresh()
            found = [a for a in self._all(Agreement)
                     if record_id in a.party_ids or record_id in a.signatory_ids]
        return sorted(found, key=lambda a: name_sort_key(a.title))

    def entries_naming(self, record_id: str) -> list[LogEntry]:
        """Log entries whose counterpart is this organisation or person, newest first."""
        with self._lock:
            self._engine.refresh()
            return self._entries_naming_any({record_id})

    def _entries_naming_any(self, ids: set[str]) -> list[LogEntry]:
        index = self._engine.links_index()
        entry_ids = set().union(*(index.get(i, set()) for i in ids)) if ids else set()
        found = []
        for entry_id in entry_ids:
            doc = self._engine.get("log", entry_id)
            if doc is not None:
                found.append(self._read(LogEntry, doc))
        return sorted(found, key=lambda e: e.at, reverse=True)

    def cases_of(self, org_id: str) -> list[str]:
        """The ids of the cases whose log names the organisation or one of its people (now
        or before), most recent contact first."""
        ids = {org_id} | {p.id for p in self.people_of(org_id, former=True)}
        with self._lock:
            self._engine.refresh()
            entries = self._entries_naming_any(ids)
        return list(dict.fromkeys(entry.case_id for entry in entries))

    def links_to(self, record_id: str) -> Links:
        """How many records name this organisation or person."""
        with self._lock:
            self._engine.refresh()
            people = sum(1 for p in self._all(Person) if p.org_id == record_id
                         or any(r.org_id == record_id for r in p.history))
            members = sum(1 for o in self._all(Organisation) if o.parent_id == record_id)
            return Links(
                entries=len(self.entries_naming(record_id)),
                meetings=len(self.meetings_with(record_id)),
                agreements=len(self.agreements_of(record_id)),
                tasks=sum(1 for t in self._all(Task) if t.owner_id == record_id),
                people=people,
                members=members,
            )

    def _must_exist(self, kind: type[Record], ids: Iterable[str | None], what: str) -> None:
        table = TABLE_OF.get(kind, "cases")
        for record_id in ids:
            if record_id is not None and self._engine.get(table, record_id) is None:
                raise LinkRefused(_("{what} is not in the directory any more (removed or "
                                    "merged by another officer?)").format(what=what))


KIND_NAMES: dict[type[Record], str] = {
    Organisation: N_("organisation"), Person: N_("person"), Meeting: N_("meeting"),
    Agreement: N_("agreement"), Task: N_("task"), Place: N_("place"), Actor: N_("actor"),
    Identifier: N_("identifier"), RegistryLink: N_("registry link"),
    Intake: N_("intake"), Inquiry: N_("family inquiry"),
}
