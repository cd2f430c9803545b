"""The registry's part of a case brief ("Who and where (registry)"), for the police only.

It lists the places, actors and identifiers the case is linked to (`registry_of_case`), with
those they lead to: the identifiers a linked actor or place uses, the actor operating a linked
place, the place a compound moved to. Each with its values (names, aliases, handles, numbers,
accounts, positions: the sensitive fields are what the police need), its history of raids and
moves, how many other cases it is seen in (a count, nothing of those cases), and ALWAYS its
source line: "alleged — a worker's statement, reported by International desk, 18 Dec 2025",
so that an allegation is never passed on as a fact. Then what ties it to this case, each link
with its own source line.

A link naming a worker shows the worker by the brief's number (`records.worker_numbers`), and
by name, with the dates they were held and the link's note, only when the worker's consent
covers the police (the brief's rule for a worker's personal data); a reporter who is one of
the case's workers without that consent is shown by number too. The officer's notes on a
place, an actor or an identifier, and where an identifier was seen, never go: they are the
office's working notes and may name anyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from store.common.i18n import _, format_date
from store.common.words import fold
from store.domain.countries import country_name
from store.domain.records import Actor, Identifier, Place, RegistryLink, Worker
from store.domain.records.registry import Sourced
from store.domain.vocab import RecipientKind, label

if TYPE_CHECKING:
    from store.db.database import Database

# Who gets the registry in a brief: the police only. The registry names people and places as
# suspects, mostly on one worker's word; the police are the recipient whose work is to test
# such allegations and who can act on a handle, an account or a compound's position. To an
# embassy, a partner union, a shelter or a family they are of no use, and passing them on
# could defame someone named, warn a recruiter, or point back at the worker who spoke.
REGISTRY_RECIPIENTS: tuple[RecipientKind, ...] = (RecipientKind.POLICE,)

Pairs = list[tuple[str, str]]


def source_line(fact: Sourced, reporter: str | None = None) -> str:
    """Where a fact came from, how sure it is, who reported it and when: "alleged — a
    worker's statement, reported by International desk, 18 Dec 2025". `reporter` stands for
    `reported_by` when the caller must not name them."""
    who = fact.reported_by if reporter is None else reporter
    values = {"certainty": label(fact.certainty), "source": label(fact.source),
              "who": who, "date": format_date(fact.reported_on)}
    if who:
        return _("{certainty} — {source}, reported by {who}, {date}").format(**values)
    return _("{certainty} — {source}, {date}").format(**values)


def _country(code: str | None) -> str:
    return f"{country_name(code)} ({code})" if code else ""


class _Registry:
    """One brief's view of the registry: who may be named, and the records by id."""

    def __init__(self, db: Database, workers: list[Worker], number: dict[str, int],
                 consenting: set[str]) -> None:
        self.db = db
        self.number = number
        self.names = {w.id: w.full_name for w in workers if w.id in consenting}
        # A reporter who is a worker without consent for the police is shown by number.
        self.hidden = {fold(name): number[w.id] for w in workers if w.id not in consenting
                       for name in w.all_names if name.strip()}
        self.places = {p.id: p for p in db.places()}
        self.actors = {a.id: a for a in db.actors()}
        self.identifiers = {i.id: i for i in db.identifiers()}

    def source(self, fact: Sourced) -> str:
        n = self.hidden.get(fold(fact.reported_by)) if fact.reported_by else None
        return source_line(fact, None if n is None else _("Worker {number}").format(number=n))

    def name_of(self, record_id: str | None) -> str:
        if record_id in self.places:
            return self.places[record_id].name
        if record_id in self.actors:
            return self.actors[record_id].name
        return ""

    def worker(self, worker_id: str) -> str:
        n = self.number.get(worker_id)
        if n is None:  # pragma: no cover - check refuses a link to a worker of another case
            return _("a worker of another case")
        if worker_id in self.names:
            return _("Worker {number}: {name}").format(number=n, name=self.names[worker_id])
        return _("Worker {number}").format(number=n)

    def link(self, link: RegistryLink) -> str:
        """What ties the record to this case, and where that came from."""
        named = link.worker_id is None or link.worker_id in self.names
        parts = [label(link.role) if link.role else ""]
        if link.worker_id:
            parts.append(self.worker(link.worker_id))
        if named and (link.held_from or link.held_to):
            start, end = format_date(link.held_from), format_date(link.held_to)
            if start and end:
                parts.append(_("held from {start} to {end}").format(start=start, end=end))
            elif start:
                parts.append(_("held from {start}").format(start=start))
            else:
                parts.append(_("held until {end}").format(end=end))
        if link.entry_id:
            parts.append(_("named in a log entry"))
        if named and link.note:
            parts.append(link.note)
        parts.append(self.source(link))
        return "; ".join(p for p in parts if p)

    def place(self, place: Place) -> Pairs:
        history = "; ".join(
            f"{label(c.status)} {format_date(c.on)}" + (f" ({c.note})" if c.note else "")
            for c in place.history)
        position = (f"{place.latitude}, {place.longitude}"
                    if place.latitude is not None and place.longitude is not None else "")
        return [(Place.field_label("kind"), label(place.kind)),
                (Place.field_label("other_names"), ", ".join(place.other_names)),
                (Place.field_label("city"), place.city),
                (Place.field_label("province"), place.province),
                (Place.field_label("country"), _country(place.country)),
                (_("Position (latitude, longitude)"), position),
                (Place.field_label("operator_id"), self.name_of(place.operator_id)),
                (Place.field_label("status"), label(place.status)),
                (Place.field_label("history"), history),
                (Place.field_label("moved_to_id"), self.name_of(place.moved_to_id))]

    def actor(self, actor: Actor) -> Pairs:
        return [(Actor.field_label("role"), label(actor.role)),
                (Actor.field_label("other_names"), ", ".join(actor.other_names)),
                (Actor.field_label("country"), _country(actor.country))]

    def identifier(self, identifier: Identifier) -> Pairs:
        return [(Identifier.field_label("kind"), label(identifier.kind)),
                (Identifier.field_label("value"), identifier.value),
                (Identifier.field_label("bank"), identifier.bank),
                (Identifier.field_label("actor_id"), self.name_of(identifier.actor_id)),
                (Identifier.field_label("place_id"), self.name_of(identifier.place_id))]


def _reached(view: _Registry, linked: Iterable[str]) -> list[str]:
    """The linked records and those they lead to (see the module), each once."""
    found: dict[str, None] = {}
    todo = list(linked)
    while todo:
        record_id = todo.pop()
        if record_id in found:
            continue
        found[record_id] = None
        place = view.places.get(record_id)
        if place is not None:
            todo += [r for r in (place.operator_id, place.moved_to_id) if r]
        todo += [i.id for i in view.identifiers.values()
                 if record_id in (i.actor_id, i.place_id)]
    return list(found)


def registry_items(db: Database, case_id: str, workers: list[Worker], number: dict[str, int],
                   consenting: set[str]) -> tuple[list[tuple[str, Pairs]], int]:
    """The section's items (a record's line and its details) and how many facts they hold
    (records and links: the audit note's count). `consenting`: the ids of the workers whose
    consent covers the police."""
    view = _Registry(db, workers, number, consenting)
    links = db.registry_of_case(case_id)
    reached = set(_reached(view, (link.target for link in links if link.target)))
    items: list[tuple[str, Pairs]] = []
    facts = 0
    records: list[tuple[str, Sourced, Pairs]] = []
    records += [(_("Place: {name}").format(name=p.name), p, view.place(p))
                for p in view.places.values() if p.id in reached]
    records += [(_("Actor: {name}").format(name=a.name), a, view.actor(a))
                for a in view.actors.values() if a.id in reached]
    records += [(_("{kind}: {value}").format(kind=label(i.kind), value=i.value), i,
                 view.identifier(i)) for i in view.identifiers.values() if i.id in reached]
    for line, record, details in records:
        pairs: Pairs = [(Sourced.field_label("source"), view.source(record))]
        pairs += [(key, value) for key, value in details if value]
        others = len([c for c in db.seen_in_cases(record.id) if c != case_id])
        if others:
            pairs.append((_("Seen in other cases"), str(others)))
        mine = sorted((link for link in links if link.target == record.id),
                      key=lambda link: (view.number.get(link.worker_id or "", 0), link.id))
        pairs += [(_("In this case"), view.link(link)) for link in mine]
        items.append((line, pairs))
        facts += 1 + len(mine)
    return items, facts


__all__ = ["REGISTRY_RECIPIENTS", "registry_items", "source_line"]
