"""What the registry's screens say the same way everywhere: how sure a fact is and where it came
from (an allegation is never shown as a fact), "seen in N cases", the dates someone was held,
and the names behind the ids a record or a link holds (read once per screen, `Names`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store import PulangError, _, format_date, ngettext
from store.domain import Actor, Identifier, Place, Worker, label

if TYPE_CHECKING:
    from store.db import Database
    from store.domain import CaseRow, RegistryLink


def certainty(record: Any) -> str:
    """"alleged" or "confirmed": on every line that shows a fact of the registry."""
    return label(record.certainty)


def sourced(record: Any) -> str:
    """"alleged · a worker's statement · reported by X on D": where a fact came from."""
    if record.reported_by.strip():
        return _("{certainty} · {source} · reported by {who} on {date}").format(
            certainty=certainty(record), source=label(record.source),
            who=record.reported_by, date=format_date(record.reported_on))
    return _("{certainty} · {source} · reported on {date}").format(
        certainty=certainty(record), source=label(record.source),
        date=format_date(record.reported_on))


def seen_in(count: int) -> str:
    return ngettext("seen in {count} case", "seen in {count} cases", count).format(count=count)


def held(link: RegistryLink) -> str:
    """When a worker was held at a place: "3 Mar 2026 – 9 Jul 2026", open ends shown "…"."""
    if link.held_from is None and link.held_to is None:
        return _("dates not known")
    return "{start} – {end}".format(start=format_date(link.held_from) or "…",
                                    end=format_date(link.held_to) or "…")


def identifier_name(identifier: Identifier) -> str:
    """"Telegram recruiter_budi": the kind, then the value as its platform writes it."""
    return f"{label(identifier.kind)} {identifier.value}"


class Names:
    """The names behind the ids the registry's records hold, read from the database once per
    screen: places, actors, identifiers, cases (as rows: ref and title) and workers."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.places = {p.id: p for p in db.places()}
        self.actors = {a.id: a for a in db.actors()}
        self.identifiers = {i.id: i for i in db.identifiers()}
        self._rows: dict[str, CaseRow] | None = None
        self._workers: dict[str, str] = {}

    def place(self, place_id: str | None) -> Place | None:
        return self.places.get(place_id or "")

    def actor(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id or "")

    def case(self, case_id: str) -> CaseRow | None:
        if self._rows is None:
            self._rows = {row.id: row for row in self.db.case_rows()}
        return self._rows.get(case_id)

    def case_ref(self, case_id: str) -> str:
        row = self.case(case_id)
        return row.ref if row is not None else _("(removed)")

    def worker(self, worker_id: str | None) -> str:
        if not worker_id:
            return ""
        if worker_id not in self._workers:
            try:
                self._workers[worker_id] = self.db.get(Worker, worker_id).name_in_rows
            except PulangError:  # erased or removed meanwhile: said, not raised
                self._workers[worker_id] = _("(removed)")
        return self._workers[worker_id]

    def target(self, record_id: str | None) -> tuple[str, str]:
        """(kind, name) of a place, actor or identifier of the registry."""
        if record_id in self.places:
            return "place", self.places[record_id].name
        if record_id in self.actors:
            return "actor", self.actors[record_id].name
        if record_id in self.identifiers:
            return "identifier", identifier_name(self.identifiers[record_id])
        return "", _("(removed)")


def sure_by_case(links: list[RegistryLink]) -> dict[str, str]:
    """case id -> "confirmed" when a link of it is confirmed, else "alleged"."""
    from store.domain import Certainty

    found: dict[str, Certainty] = {}
    for link in links:
        if found.get(link.case_id) is not Certainty.CONFIRMED:
            found[link.case_id] = link.certainty
    return {case_id: label(sure) for case_id, sure in found.items()}
