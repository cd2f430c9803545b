"""The registry in the Database: places, actors, identifiers and their links to cases; where
an identifier is seen ("seen in N cases"), who was held at a place and when, what a case's
text mentions that could be linked, and what an erasure leaves of it.

A part of `store.db.database.Database` (see `store.db.base`); the records and their rules are
`store.domain.records.registry`'s, an identifier's normal form `store.domain.rules.identifiers`'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from store.common import clock
from store.common.collation import name_sort_key
from store.common.errors import RuleRefused, StillLinked
from store.common.i18n import _, ngettext
from store.db.base import CASES, LOG, SCREENINGS, Part
from store.domain.records import (
    Actor,
    Case,
    Identifier,
    LogEntry,
    Place,
    PlaceChange,
    Record,
    RegistryLink,
    Worker,
)
from store.domain.rules.erasure import blanked
from store.domain.rules.identifiers import mentioned
from store.domain.text import fold, shorten
from store.domain.vocab import IdentifierKind, label

REGISTRY_KINDS: tuple[type[Record], ...] = (Place, Actor, Identifier)


@dataclass(frozen=True)
class Mention:
    """An identifier a case's text mentions: in a log entry or a worker's screening answers,
    offered for linking; `known` is the registry's identifier it already is, if any."""

    kind: IdentifierKind
    value: str
    entry_id: str | None
    worker_id: str | None
    known: str | None
    linked: bool  # the case is linked to that identifier already


class RegistryPart(Part):
    """Places, actors, identifiers and links (see the module's doc)."""

    # -- reading ---------------------------------------------------------------------------

    def places(self) -> list[Place]:
        return sorted(self._all(Place), key=lambda p: name_sort_key(p.name))

    def actors(self) -> list[Actor]:
        return sorted(self._all(Actor), key=lambda a: name_sort_key(a.name))

    def identifiers(self) -> list[Identifier]:
        return sorted(self._all(Identifier), key=lambda i: (i.kind.value, i.value))

    def registry_links(self) -> list[RegistryLink]:
        return self._all(RegistryLink)

    def registry_links_to(self, record_id: str) -> list[RegistryLink]:
        """The links of a place, actor or identifier, oldest report first."""
        return sorted((link for link in self._all(RegistryLink) if link.target == record_id),
                      key=lambda link: (link.reported_on, link.id))

    def registry_of_case(self, case_id: str) -> list[RegistryLink]:
        return [link for link in self._all(RegistryLink) if link.case_id == case_id]

    def find_identifier(self, kind: IdentifierKind, value: str) -> Identifier | None:
        """The registry's identifier of that kind and (normalised) value, if any."""
        return next((i for i in self._all(Identifier) if i.kind is kind and i.value == value),
                    None)

    def seen_in_cases(self, record_id: str) -> list[str]:
        """The cases a place, actor or identifier is seen in ("seen in N cases"): its own
        links, and for an identifier those of the actor or place that uses it, and for an
        actor or a place those of its identifiers; oldest case first."""
        targets = {record_id}
        identifiers = self._all(Identifier)
        mine = next((i for i in identifiers if i.id == record_id), None)
        if mine is not None:
            targets |= {t for t in (mine.actor_id, mine.place_id) if t}
        else:
            targets |= {i.id for i in identifiers if record_id in (i.actor_id, i.place_id)}
        found = {link.case_id for link in self._all(RegistryLink) if link.target in targets}
        order = {}
        with self._lock:
            for case_id in found:
                doc = self._engine.get(CASES, case_id)
                if doc is not None:
                    order[case_id] = (doc.get("date_reported") or "", doc.get("ref") or "")
        return sorted(order, key=lambda c: order[c])

    def seen_counts(self) -> dict[str, int]:
        """`len(seen_in_cases(i))` of every identifier, in one pass over the links (the
        registry's list shows it on every line)."""
        cases: dict[str | None, set[str]] = {}
        for link in self._all(RegistryLink):
            cases.setdefault(link.target, set()).add(link.case_id)
        return {i.id: len(cases.get(i.id, set()) | cases.get(i.actor_id, set())
                          | cases.get(i.place_id, set()))
                for i in self._all(Identifier)}

    def held_at(self, place_id: str) -> list[RegistryLink]:
        """Who was held at a place and when (the links naming a worker), earliest first."""
        return sorted((link for link in self.registry_links_to(place_id) if link.worker_id),
                      key=lambda link: (link.held_from or dt.date.min, link.id))

    def mentions(self, case_id: str) -> list[Mention]:
        """The identifiers the case's log and its workers' screening answers mention, each
        once, offered for linking (as counterparts are offered to the directory)."""
        linked = {link.identifier_id for link in self.registry_of_case(case_id)}
        found: dict[tuple[IdentifierKind, str], Mention] = {}

        def offer(text: str, entry_id: str | None, worker_id: str | None) -> None:
            for kind, value in mentioned(text):
                if (kind, value) not in found:
                    known = self.find_identifier(kind, value)
                    found[kind, value] = Mention(kind, value, entry_id, worker_id,
                                                 known.id if known else None,
                                                 known is not None and known.id in linked)

        with self._lock:
            self._engine.refresh()
            entries = self._engine.children_of(LOG, case_id)
            screenings = self._engine.children_of(SCREENINGS, case_id)
        for doc in entries:
            offer(f"{doc.get('summary', '')}\n{doc.get('next_step', '')}", doc["id"], None)
        for doc in screenings:
            texts = [v for k, v in doc.items() if k.endswith("_evidence") and isinstance(v, str)]
            offer("\n".join(texts), None, doc.get("worker_id"))
        return list(found.values())

    # -- writing ---------------------------------------------------------------------------

    def save_place(self, place: Place) -> Place:
        """Save a place; a new one starts its history at its status, a change of status is
        dated today unless the history says otherwise."""
        with self.transaction():
            self._must_exist(Actor, [place.operator_id], _("Its operator"))
            self._must_exist(Place, [place.moved_to_id], _("The place it moved to"))
            before = self._doc(Place, place.id)
            if not place.history or (before is not None and before.get("status")
                                     != place.status.value and place.history[-1].status
                                     is not place.status):
                place = place.model_copy(update={"history": [
                    *place.history, PlaceChange(status=place.status, on=clock.today())]})
            return self._save(place)

    def save_actor(self, actor: Actor) -> Actor:
        with self.transaction():
            return self._save(actor)

    def save_identifier(self, identifier: Identifier) -> Identifier:
        """Save an identifier; one of that kind and value already in the registry is
        refused, naming it: link that one."""
        with self.transaction():
            self._must_exist(Actor, [identifier.actor_id], _("Who uses it"))
            self._must_exist(Place, [identifier.place_id], _("Where it is used"))
            same = self.find_identifier(identifier.kind, identifier.value)
            if same is not None and same.id != identifier.id:
                raise RuleRefused(_("{kind} {value} is in the registry already: link that "
                                    "one.").format(kind=label(identifier.kind),
                                                   value=identifier.value))
            return self._save(identifier)

    def save_registry_link(self, link: RegistryLink) -> RegistryLink:
        with self.transaction():
            self._must_exist(Case, [link.case_id], _("The case"))
            if link.worker_id is not None and self._doc(Worker, link.worker_id) is None:
                raise RuleRefused(_("The worker is not in the case any more."))
            if link.entry_id is not None and self._doc(LogEntry, link.entry_id) is None:
                raise RuleRefused(_("The log entry is not there any more."))
            self._must_exist(Place, [link.place_id], _("The place"))
            self._must_exist(Actor, [link.actor_id], _("The actor"))
            self._must_exist(Identifier, [link.identifier_id], _("The identifier"))
            return self._save(link)

    def remove_registry_record(self, kind: type[Record], record_id: str,
                               version: int | None = None) -> None:
        """Remove a place, actor or identifier that nothing links to or names any more
        (StillLinked otherwise, saying what); a link is removed as it is."""
        with self.transaction():
            if kind is not RegistryLink:
                record = self._one(kind, record_id)
                names = (len(self.registry_links_to(record_id))
                         + sum(1 for i in self._all(Identifier)
                               if record_id in (i.actor_id, i.place_id))
                         + sum(1 for p in self._all(Place)
                               if record_id in (p.operator_id, p.moved_to_id)))
                if names:
                    raise StillLinked(ngettext(
                        "{name} is still linked once: remove the link first.",
                        "{name} is still linked {count} times: remove the links first.",
                        names).format(
                        name=shorten(getattr(record, "name", "") or getattr(record, "value", "")),
                        count=names))
            self._remove(kind, record_id, version)

    def _registry_after_erasure(self, worker_id: str) -> None:
        """A worker erased (`Database.erase_worker`, in its transaction): the links naming
        them go, and a place, actor or identifier that only they were linked to keeps only
        its codes (its names, positions and values blanked): it belonged to them alone."""
        gone = [link for link in self._all(RegistryLink) if link.worker_id == worker_id]
        for link in gone:
            self._remove(RegistryLink, link.id)
        left = {link.target for link in self._all(RegistryLink)}
        targets = {link.target for link in gone} - left
        identifiers = self._all(Identifier)
        targets |= {i.id for i in identifiers if i.id not in left
                    and (i.actor_id in targets or i.place_id in targets)}
        for kind in REGISTRY_KINDS:
            for record in self._all(kind):
                if record.id in targets:
                    self._save(record.model_copy(update=blanked(kind)))

    def actor_named(self, names: list[str]) -> Actor | None:
        """The registry's actor that goes by one of `names` (spelling folded), if any."""
        wanted = {fold(n) for n in names if n.strip()}
        return next((a for a in self._all(Actor) if wanted & {fold(n) for n in a.all_names}),
                    None)

    def _refuse_an_actor(self, names: list[str]) -> None:
        """An organisation the union works with (a partner, a recipient) is never one of the
        registry's actors."""
        actor = self.actor_named(names)
        if actor is not None:
            raise RuleRefused(_("{name} is in the registry as {role}: it cannot be an "
                                "organisation the union works with.").format(
                name=shorten(actor.name), role=label(actor.role)))


__all__ = ["REGISTRY_KINDS", "Mention", "RegistryPart"]
