"""The union's network in the store: organisations, people, meetings, agreements and tasks.

`NetworkMixin` is part of `store.db.database.Database` (kept apart only for size); its methods
take the database's lock like every other, and their rules hold whatever screen or script asks:

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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from store.common import clock
from store.common.errors import (
    AgreementMoveRefused,
    LinkRefused,
    MergeRefused,
    NotFound,
    StillLinked,
    VersionUnchanged,
)
from store.common.i18n import N_, _
from store.domain.matching import Match, NameIndex, matches_query
from store.domain.records import (
    Agreement,
    DraftVersion,
    LogEntry,
    Meeting,
    Organisation,
    Person,
    Record,
    Role,
    StatusChange,
    Task,
    build,
)
from store.domain.rules import today as today_rules
from store.domain.text import fold, normalise_line_breaks, row_name, shorten
from store.domain.vocab import AGREEMENT_MOVES, AgreementStatus, label
from store.engine.audit import MERGE

if TYPE_CHECKING:
    from store.domain.today import Today
    from store.engine.tables import Engine

R = TypeVar("R", bound=Record)

ORGANISATIONS, PEOPLE, MEETINGS, AGREEMENTS, TASKS = (
    "organisations", "people", "meetings", "agreements", "tasks")
NETWORK_TABLE_OF: dict[type[Record], str] = {
    Organisation: ORGANISATIONS, Person: PEOPLE, Meeting: MEETINGS, Agreement: AGREEMENTS,
    Task: TASKS,
}

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


class NetworkMixin:
    """See the module's doc. Relies on Database's engine, lock, transaction and `_save`."""

    _engine: Engine

    if TYPE_CHECKING:  # provided by Database
        def transaction(self) -> Any: ...
        def audit_as(self, action: str, note: str | None = None) -> Any: ...
        def _save(self, record: R, **fixed: Any) -> R: ...
        def _remove(self, kind: type[Record], record_id: str,
                    version: int | None = None) -> None: ...
        def _read(self, kind: type[R], doc: dict[str, Any]) -> R: ...
        _lock: Any

    # -- reading ---------------------------------------------------------------------------

    def _all(self, kind: type[R]) -> list[R]:
        """Every record of a directory table, parsed once per change of the table: the
        directory is read whole by most screens and by every search (treat them as read-only:
        change a record with model_copy)."""
        table = NETWORK_TABLE_OF[kind]
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
        table = NETWORK_TABLE_OF[kind]
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
            return sorted(self._all(Organisation), key=lambda o: fold(o.name))

    def people(self) -> list[Person]:
        """Every person of the directory, by name."""
        with self._lock:
            self._engine.refresh()
            return sorted(self._all(Person), key=lambda p: fold(p.full_name))

    def meetings(self) -> list[Meeting]:
        """Every meeting, the most recent first."""
        with self._lock:
            self._engine.refresh()
            return sorted(self._all(Meeting), key=lambda m: m.at, reverse=True)

    def agreements(self) -> list[Agreement]:
        """Every agreement, by title."""
        with self._lock:
            self._engine.refresh()
            return sorted(self._all(Agreement), key=lambda a: fold(a.title))

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
        return sorted(found, key=lambda p: fold(p.full_name))

    def members_of(self, org_id: str) -> list[Organisation]:
        with self._lock:
            self._engine.refresh()
            return sorted((o for o in self._all(Organisation) if o.parent_id == org_id),
                          key=lambda o: fold(o.name))

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
        return sorted(found, key=lambda a: fold(a.title))

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

    # -- saving ----------------------------------------------------------------------------

    def _must_exist(self, kind: type[Record], ids: Iterable[str | None], what: str) -> None:
        table = NETWORK_TABLE_OF.get(kind, "cases")
        for record_id in ids:
            if record_id is not None and self._engine.get(table, record_id) is None:
                raise LinkRefused(_("{what} is not in the directory any more (removed or "
                                    "merged by another officer?)").format(what=what))

    def save_organisation(self, org: Organisation) -> Organisation:
        with self.transaction():
            if org.parent_id is not None:
                self._must_exist(Organisation, [org.parent_id], _("The organisation it is a "
                                                                  "member of"))
                seen = {org.id}
                parent: str | None = org.parent_id
                while parent is not None:
                    if parent in seen:
                        raise LinkRefused(_("{name} cannot be a member of an organisation "
                                            "that is itself a member of {name}").format(
                                                name=shorten(org.name)))
                    seen.add(parent)
                    doc = self._engine.get(ORGANISATIONS, parent)
                    parent = None if doc is None else doc.get("parent_id")
            return self._save(org)

    def save_person(self, person: Person) -> Person:
        """Save a person; when their organisation or title changed, the one they had is kept
        in their history, ending the day the new one began (or today)."""
        with self.transaction():
            self._must_exist(Organisation, [person.org_id], _("Their organisation"))
            doc = self._engine.get(PEOPLE, person.id)
            if doc is not None:
                before = self._read(Person, doc)
                if (before.org_id, before.title) != (person.org_id, person.title) and (
                        before.org_id or before.title):
                    if person.title_since == before.title_since:
                        person = person.model_copy(update={"title_since": None})
                    until = person.title_since or clock.today()
                    ended = Role(org_id=before.org_id, title=before.title,
                                 since=before.title_since, until=until)
                    history = [*person.history]
                    if ended not in history:
                        history.append(ended)
                    person = person.model_copy(update={"history": history})
            return self._save(person)

    def save_meeting(self, meeting: Meeting) -> Meeting:
        with self.transaction():
            self._must_exist(Organisation, meeting.org_ids, _("An organisation present"))
            self._must_exist(Person, meeting.person_ids, _("A person present"))
            self._must_exist(Agreement, meeting.agreement_ids, _("An agreement discussed"))
            for case_id in meeting.case_ids:
                if self._engine.get("cases", case_id) is None:
                    raise LinkRefused(_("A case discussed no longer exists"))
            return self._save(meeting)

    def save_agreement(self, agreement: Agreement) -> Agreement:
        """Save an agreement's parties, areas, signatories and notes. A new one starts its
        history at its status; changing the status of a saved one is `move_agreement`."""
        with self.transaction():
            self._must_exist(Organisation, agreement.party_ids, _("A party"))
            self._must_exist(Person, agreement.signatory_ids, _("A signatory"))
            doc = self._engine.get(AGREEMENTS, agreement.id)
            if doc is None and not agreement.history:
                agreement = agreement.model_copy(update={"history": [
                    StatusChange(status=agreement.status, on=clock.today())]})
            elif doc is not None and doc.get("status") != agreement.status.value:
                raise AgreementMoveRefused(_("Change an agreement's status with its own "
                                             "action, which dates the change"))
            return self._save(agreement)

    def move_agreement(self, agreement: Agreement, status: AgreementStatus,
                       on: dt.date | None = None, note: str = "") -> Agreement:
        """Move an agreement to `status`, dated `on` (today by default)."""
        on = on or clock.today()
        if status not in AGREEMENT_MOVES[agreement.status]:
            allowed = AGREEMENT_MOVES[agreement.status]
            if not allowed:
                message = _("The agreement is {status}: it does not move any more.").format(
                    status=label(agreement.status))
            else:
                message = _("From {status} an agreement moves to {allowed}, not to "
                            "{wanted}.").format(status=label(agreement.status),
                                                allowed=", ".join(label(s) for s in allowed),
                                                wanted=label(status))
            raise AgreementMoveRefused(message)
        if on > clock.today():
            raise AgreementMoveRefused(_("The date of the change must not be in the future."))
        if agreement.history and on < agreement.history[-1].on:
            raise AgreementMoveRefused(_("The date of the change is before the last one "
                                         "({date}).").format(
                                             date=agreement.history[-1].on.strftime("%d/%m/%Y")))
        change = StatusChange(status=status, on=on, note=note)
        moved = build(Agreement, {**agreement.model_dump(), "status": status,
                                  "history": [*agreement.history, change]})
        with self.transaction():
            return self._save(moved)

    def add_draft_version(self, agreement: Agreement, text: str, note: str = "",
                          on: dt.date | None = None) -> Agreement:
        """Keep `text` as the agreement's next draft version; the latest one's text again is
        refused (`VersionUnchanged`): nothing would tell the two apart."""
        latest = agreement.latest
        if latest is not None and normalise_line_breaks(text) == normalise_line_breaks(
                latest.text):
            raise VersionUnchanged(latest.number)
        number = latest.number + 1 if latest is not None else 1
        version = DraftVersion(number=number, on=on or clock.today(), text=text, note=note)
        updated = build(Agreement, {**agreement.model_dump(),
                                    "versions": [*agreement.versions, version]})
        with self.transaction():
            return self._save(updated)

    def save_task(self, task: Task) -> Task:
        with self.transaction():
            self._must_exist(Person, [task.owner_id], _("The owner"))
            self._must_exist(Meeting, [task.meeting_id], _("The meeting"))
            self._must_exist(Agreement, [task.agreement_id], _("The agreement"))
            return self._save(task)

    def complete_task(self, task: Task, done_on: dt.date | None = None) -> Task:
        """Mark a task done (today by default), or, with a done task, open again."""
        done = None if task.done_on is not None else (done_on or clock.today())
        return self.save_task(build(Task, {**task.model_dump(), "done_on": done}))

    def remove_task(self, task_id: str, version: int | None = None) -> None:
        with self.transaction():
            self._remove(Task, task_id, version)

    def remove_meeting(self, meeting_id: str, version: int | None = None) -> None:
        """Remove a meeting and its follow-up tasks."""
        with self.transaction():
            for task in self.tasks(meeting_id=meeting_id):
                self._remove(Task, task.id)
            self._remove(Meeting, meeting_id, version)

    def remove_agreement(self, agreement_id: str, version: int | None = None) -> None:
        """Remove an agreement and its commitments; meetings that discussed it forget it."""
        with self.transaction():
            for task in self.tasks(agreement_id=agreement_id):
                self._remove(Task, task.id)
            for meeting in self.meetings_with(agreement_id):
                kept = [a for a in meeting.agreement_ids if a != agreement_id]
                self._save(meeting.model_copy(update={"agreement_ids": kept}))
            self._remove(Agreement, agreement_id, version)

    def _refuse_if_linked(self, record_id: str, name: str) -> None:
        links = self.links_to(record_id)
        if links.total:
            parts = [(links.entries, _("log entries")), (links.meetings, _("meetings")),
                     (links.agreements, _("agreements")), (links.tasks, _("tasks")),
                     (links.people, _("people")), (links.members, _("member organisations"))]
            said = ", ".join(f"{count} {what}" for count, what in parts if count)
            raise StillLinked(_("{name} is still named in {links}: merge it into the record "
                                "it duplicates instead, which keeps them.").format(
                                    name=shorten(name), links=said))

    def remove_organisation(self, org_id: str, version: int | None = None) -> None:
        with self.transaction():
            org = self._one(Organisation, org_id)
            self._refuse_if_linked(org_id, org.name)
            self._remove(Organisation, org_id, version)

    def remove_person(self, person_id: str, version: int | None = None) -> None:
        with self.transaction():
            person = self._one(Person, person_id)
            self._refuse_if_linked(person_id, person.full_name)
            self._remove(Person, person_id, version)

    # -- spelling-tolerant matching --------------------------------------------------------

    def similar_people(self, name: str, exclude: str | None = None,
                       names: Sequence[str] = ()) -> list[Match]:
        """People whose name (any spelling) is close to `name` or to one of `names`."""
        with self._lock:
            self._engine.refresh()
            return _best_of(self._name_index(Person), [name, *names], exclude)

    def similar_organisations(self, name: str, exclude: str | None = None,
                              names: Sequence[str] = ()) -> list[Match]:
        """Organisations whose name, other names or acronym are close to `name`."""
        with self._lock:
            self._engine.refresh()
            return _best_of(self._name_index(Organisation), [name, *names], exclude)

    # -- merging ---------------------------------------------------------------------------

    def _merge_pair(self, kind: type[R], keep_id: str, drop_id: str) -> tuple[R, R]:
        if keep_id == drop_id:
            raise MergeRefused(_("A record cannot be merged into itself."))
        table = NETWORK_TABLE_OF[kind]
        keep_doc, drop_doc = self._engine.get(table, keep_id), self._engine.get(table, drop_id)
        if keep_doc is None or drop_doc is None:
            raise MergeRefused(_("One of the two records is no longer there (merged or removed "
                                 "by another officer?)."))
        return self._read(kind, keep_doc), self._read(kind, drop_doc)

    def merge_people(self, keep_id: str, drop_id: str) -> Person:
        """Join two records of the same person into `keep_id`'s: every spelling, phone,
        e-mail, language, role and note is kept, every link to the other now leads here, and
        the other is removed. One atomic change, recorded as a merge in the audit trail."""
        with self.audit_as(MERGE, note=f"{drop_id} -> {keep_id}"), self.transaction():
            keep, drop = self._merge_pair(Person, keep_id, drop_id)
            # The role kept as current: the kept record's, unless it has none.
            current = keep if (keep.org_id or keep.title) else drop
            roles = [*keep.history, *drop.history]
            for other in (keep, drop):
                if other is not current and (other.org_id or other.title):
                    roles.append(Role(org_id=other.org_id, title=other.title,
                                      since=other.title_since))
            history: list[Role] = []
            for role in roles:
                if role not in history and not (
                        role.until is None
                        and (role.org_id, role.title) == (current.org_id, current.title)):
                    history.append(role)
            history.sort(key=lambda r: (r.since or dt.date.min, r.until or dt.date.max))
            merged = build(Person, {
                **keep.model_dump(),
                "other_spellings": _union([keep.full_name], keep.other_spellings,
                                          [drop.full_name], drop.other_spellings)[1:],
                "org_id": current.org_id,
                "title": current.title,
                "title_since": current.title_since,
                "country": keep.country or drop.country,
                "phones": _union(keep.phones, drop.phones),
                "emails": _union(keep.emails, drop.emails),
                "languages": _union(keep.languages, drop.languages),
                "notes": _joined(keep.notes, drop.notes),
                "history": [r.model_dump() for r in history],
                "merged_ids": _union(keep.merged_ids, [drop.id], drop.merged_ids),
            })
            for entry in self.entries_naming(drop_id):
                self._save(entry.model_copy(update={"counterpart_person_id": keep_id}))
            for meeting in self.meetings_with(drop_id):
                self._save(meeting.model_copy(update={
                    "person_ids": _replaced(meeting.person_ids, drop_id, keep_id)}))
            for agreement in self.agreements_of(drop_id):
                self._save(agreement.model_copy(update={
                    "signatory_ids": _replaced(agreement.signatory_ids, drop_id, keep_id)}))
            for task in self.tasks(owner_id=drop_id):
                self._save(task.model_copy(update={"owner_id": keep_id}))
            self._remove(Person, drop_id)
            return self._save(merged)

    def merge_organisations(self, keep_id: str, drop_id: str) -> Organisation:
        """Join two records of the same organisation into `keep_id`'s (see merge_people):
        names, acronym, notes and members are kept, people, log entries, meetings and
        agreements now name the one kept."""
        with self.audit_as(MERGE, note=f"{drop_id} -> {keep_id}"), self.transaction():
            keep, drop = self._merge_pair(Organisation, keep_id, drop_id)
            names = _union([keep.name], keep.other_names, [drop.name], drop.other_names)
            acronym = keep.acronym or drop.acronym
            if drop.acronym and fold(drop.acronym) != fold(acronym):
                names = _union(names, [drop.acronym])
            parent = keep.parent_id if keep.parent_id not in (None, drop_id) else (
                drop.parent_id if drop.parent_id != keep_id else None)
            merged = build(Organisation, {
                **keep.model_dump(),
                "other_names": names[1:],
                "acronym": acronym,
                "kind": keep.kind if keep.kind.value != "Other" else drop.kind,
                "country": keep.country or drop.country,
                "city": keep.city or drop.city,
                "parent_id": parent,
                "notes": _joined(keep.notes, drop.notes),
                "merged_ids": _union(keep.merged_ids, [drop.id], drop.merged_ids),
            })
            for agreement in self.agreements_of(drop_id):
                parties = _replaced(agreement.party_ids, drop_id, keep_id)
                if len(parties) < 2:
                    raise MergeRefused(_("Both are parties to the agreement \"{title}\": an "
                                         "agreement needs two different parties.").format(
                                             title=shorten(agreement.title)))
                self._save(agreement.model_copy(update={"party_ids": parties}))
            for person in self._all(Person):
                if drop_id == person.org_id or any(r.org_id == drop_id for r in person.history):
                    history = [r.model_copy(update={"org_id": keep_id})
                               if r.org_id == drop_id else r for r in person.history]
                    org_id = keep_id if person.org_id == drop_id else person.org_id
                    self._save(person.model_copy(update={"org_id": org_id,
                                                         "history": history}))
            for org in self._all(Organisation):
                if org.parent_id == drop_id and org.id != keep_id:
                    self._save(org.model_copy(update={"parent_id": keep_id}))
            for entry in self.entries_naming(drop_id):
                self._save(entry.model_copy(update={"counterpart_org_id": keep_id}))
            for meeting in self.meetings_with(drop_id):
                self._save(meeting.model_copy(update={
                    "org_ids": _replaced(meeting.org_ids, drop_id, keep_id)}))
            self._remove(Organisation, drop_id)
            return self._save(merged)

    # -- links from the log ----------------------------------------------------------------

    def counterpart_offers(self, case_id: str | None = None) -> list[Offer]:
        """Free-text counterparts of log entries (of one case, or of all) not yet linked to
        the directory, with the record each most likely means. Nothing is changed."""
        with self._lock:
            self._engine.refresh()
            if case_id is not None:
                docs: Iterator[dict[str, Any]] = iter(self._engine.children_of("log", case_id))
            else:
                docs = (orjson.loads(raw) for raw in self._engine.raw["log"].values())
            texts: dict[tuple[str, str], list[str]] = {}
            for doc in docs:
                if doc.get("counterpart_org") and not doc.get("counterpart_org_id"):
                    texts.setdefault(("org", doc["counterpart_org"]), []).append(doc["id"])
                if doc.get("counterpart_person") and not doc.get("counterpart_person_id"):
                    texts.setdefault(("person", doc["counterpart_person"]), []).append(doc["id"])
            if not texts:
                return []
            orgs, people = self._name_index(Organisation), self._name_index(Person)
            names = {o.id: o.shown_name for o in self._all(Organisation)}
            names.update({p.id: p.name_in_rows for p in self._all(Person)})
        offers = []
        for (which, text), entry_ids in texts.items():
            found = (orgs if which == "org" else people).matches(text, limit=1)
            if found:
                best = found[0]
                offers.append(Offer(which, text, best.id, names[best.id], best.score,
                                    entry_ids))
        offers.sort(key=lambda o: (-len(o.entry_ids), fold(o.text)))
        return offers

    def link_counterparts(self, entry_ids: Sequence[str], *, org_id: str | None = None,
                          person_id: str | None = None) -> list[LogEntry]:
        """Link log entries to a directory organisation and/or person; their free text stays
        as it was typed. One atomic change."""
        saved = []
        with self.transaction():
            self._must_exist(Organisation, [org_id], _("The organisation"))
            self._must_exist(Person, [person_id], _("The person"))
            for entry_id in entry_ids:
                doc = self._engine.get("log", entry_id)
                if doc is None:
                    raise NotFound(_("log entry"))
                entry = self._read(LogEntry, doc)
                update: dict[str, Any] = {}
                if org_id is not None:
                    update["counterpart_org_id"] = org_id
                if person_id is not None:
                    update["counterpart_person_id"] = person_id
                saved.append(self._save(entry.model_copy(update=update)))
        return saved

    # -- one search across every kind of record -------------------------------------------

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[Hit]:
        """Cases (reference, title, place), workers (every spelling), organisations (every
        name and acronym), people (every spelling, tolerant of spelling), meetings and
        agreements (title, place). Cases and workers by substring: there may be 50,000."""
        wanted = fold(query)
        if not wanted:
            return []
        hits: list[Hit] = []
        with self._lock:
            engine = self._engine
            engine.refresh()
            rows = self.case_rows()  # type: ignore[attr-defined]
            # A case row's text holds its workers' names: only the cases it matches have
            # their workers looked at.
            cases = workers = 0
            for row in rows:
                if wanted not in row.search_text:
                    continue
                if cases < limit:
                    hits.append(Hit("case", row.id, row.ref, row.title, row.id))
                    cases += 1
                for worker_id in engine.children["workers"].get(row.id, {}):
                    names = engine.names.get(worker_id) or [""]
                    if workers < limit and any(wanted in fold(n) for n in names):
                        hits.append(Hit("worker", worker_id, row_name(names, worker_id),
                                        row.ref, row.id))
                        workers += 1
                if cases >= limit and workers >= limit:
                    break
            hits.sort(key=lambda h: h.kind != "case")  # cases first, then workers
            for org in sorted(self._all(Organisation), key=lambda o: fold(o.name)):
                if matches_query(query, org.all_names):
                    hits.append(Hit("organisation", org.id, org.shown_name, org.city))
            org_names = {o.id: o.acronym or o.name for o in self._all(Organisation)}
            for person in sorted(self._all(Person), key=lambda p: fold(p.full_name)):
                if matches_query(query, person.all_names):
                    where = " · ".join(x for x in (person.title,
                                                    org_names.get(person.org_id or "", "")) if x)
                    hits.append(Hit("person", person.id, person.name_in_rows, where))
            for meeting in sorted(self._all(Meeting), key=lambda m: m.at, reverse=True):
                if wanted in fold(f"{meeting.title} {meeting.city}"):
                    hits.append(Hit("meeting", meeting.id, meeting.title,
                                    meeting.at.astimezone().strftime("%d/%m/%Y")))
            for agreement in sorted(self._all(Agreement), key=lambda a: fold(a.title)):
                if wanted in fold(agreement.title):
                    hits.append(Hit("agreement", agreement.id, agreement.title,
                                    label(agreement.status)))
        return hits

    # -- Today -----------------------------------------------------------------------------

    def _today_tasks(self, view: Today) -> None:
        """Open tasks overdue or due within Today's window, into their part (under the
        lock)."""
        people = {p.id: p.name_in_rows for p in self._all(Person)}
        titles = {m.id: m.title for m in self._all(Meeting)}
        titles.update({a.id: a.title for a in self._all(Agreement)})
        today_rules.tasks(view, self._all(Task), people, titles)


KIND_NAMES: dict[type[Record], str] = {
    Organisation: N_("organisation"), Person: N_("person"), Meeting: N_("meeting"),
    Agreement: N_("agreement"), Task: N_("task"),
}


def _best_of(index: NameIndex, names: Sequence[str], exclude: str | None) -> list[Match]:
    best: dict[str, Match] = {}
    for name in names:
        if not name.strip():
            continue
        for match in index.matches(name, exclude=exclude):
            if match.id not in best or match.score > best[match.id].score:
                best[match.id] = match
    return sorted(best.values(), key=lambda m: -m.score)


def _union(*lists: Sequence[str]) -> list[str]:
    """Every item once, in order; items differing only in case or spacing count as one."""
    seen: dict[str, str] = {}
    for items in lists:
        for item in items:
            seen.setdefault(" ".join(item.split()).casefold(), item)
    return list(seen.values())


def _joined(*notes: str) -> str:
    return "\n\n".join(n for n in dict.fromkeys(n.strip() for n in notes) if n)


def _replaced(ids: Sequence[str], old: str, new: str) -> list[str]:
    return list(dict.fromkeys(new if i == old else i for i in ids))
