"""The network's directory in the Database: saving and removing organisations and people,
finding those whose names are close (spelling-tolerant), and linking log entries' free-text
counterparts to them.

A part of `store.db.database.Database` (see `store.db.base`; the module `store.db.network`
says the network's rules). Reading the directory is `store.db.network.NetworkMixin`'s;
merging two records of one organisation or person is `store.db.merging`'s.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import orjson

from store.common import clock
from store.common.collation import name_sort_key
from store.common.errors import LinkRefused, NotFound, StillLinked
from store.common.i18n import _
from store.db.base import ORGANISATIONS, PEOPLE, Part
from store.db.network import Links, Offer
from store.domain.matching import Match, NameIndex
from store.domain.records import LogEntry, Organisation, Person, Record, Role
from store.domain.text import shorten


class DirectoryPart(Part):
    """Organisations and people: saved, removed, matched, and linked from the log."""

    if TYPE_CHECKING:  # store.db.network.NetworkMixin
        def _name_index(self, kind: type[Record]) -> NameIndex: ...
        def links_to(self, record_id: str) -> Links: ...

    # -- saving ----------------------------------------------------------------------------

    def save_organisation(self, org: Organisation) -> Organisation:
        with self.transaction():
            self._refuse_an_actor([org.name, org.acronym, *org.other_names])
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
            self._refuse_if_partner(org)
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
        offers.sort(key=lambda o: (-len(o.entry_ids), name_sort_key(o.text)))
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


def _best_of(index: NameIndex, names: Sequence[str], exclude: str | None) -> list[Match]:
    best: dict[str, Match] = {}
    for name in names:
        if not name.strip():
            continue
        for match in index.matches(name, exclude=exclude):
            if match.id not in best or match.score > best[match.id].score:
                best[match.id] = match
    return sorted(best.values(), key=lambda m: -m.score)
