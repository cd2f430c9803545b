"""`pulang check` of the registry: every id a place, actor, identifier or link names must be a
record that exists, and a link's worker must be in its case (`store.exchange.check` calls it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.common.i18n import _
from store.domain.records import Actor, Case, Identifier, LogEntry, Place, Record, RegistryLink


def registry_problems(valid: dict[type[Record], list[Any]],
                      workers_by_case: dict[str, set[str]],
                      describe: Callable[[type[Record], dict[str, Any]], str],
                      problem: Callable[[str, str], Any]) -> list[Any]:
    ids = {kind: {r.id for r in valid.get(kind, [])} for kind in
           (Case, LogEntry, Place, Actor, Identifier)}
    missing = _("names a record that does not exist: {what}")
    found: list[Any] = []

    # Each record is its facts (`store.exchange.check_records`): its kind and the ids it names.
    def need(record: Any, kind: type[Record], wanted: list[str | None], field: str) -> None:
        if any(w is not None and w not in ids[kind] for w in wanted):
            found.append(problem(describe(record.kind, record._asdict()),
                                 missing.format(what=record.kind.field_label(field))))

    for place in valid.get(Place, []):
        need(place, Actor, [place.operator_id], "operator_id")
        need(place, Place, [place.moved_to_id], "moved_to_id")
    for identifier in valid.get(Identifier, []):
        need(identifier, Actor, [identifier.actor_id], "actor_id")
        need(identifier, Place, [identifier.place_id], "place_id")
    for link in valid.get(RegistryLink, []):
        need(link, Case, [link.case_id], "case_id")
        need(link, LogEntry, [link.entry_id], "entry_id")
        need(link, Place, [link.place_id], "place_id")
        need(link, Actor, [link.actor_id], "actor_id")
        need(link, Identifier, [link.identifier_id], "identifier_id")
        if link.worker_id and link.worker_id not in workers_by_case.get(link.case_id, set()):
            found.append(problem(describe(RegistryLink, link._asdict()),
                                 _("is about a worker who is not in its case")))
    return found
