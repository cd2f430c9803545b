"""`pulang check`'s validation of the records, in bulk (`store.exchange.check` calls it).

Each table is validated a chunk at a time, straight from the bytes the engine holds: one
pydantic `TypeAdapter(list[Model]).validate_json` call per chunk, with the very validators a
save runs. Only a chunk that fails is validated again record by record, as `build` does, to name
each bad field. Of a valid record only its `Facts` are kept (its id, its case, the ids it names:
what the references between records are checked against), never the record: so not every model
of every table is alive at once, and nothing personal outlives its chunk.
"""

from __future__ import annotations

import gc
from collections import namedtuple
from collections.abc import Callable
from operator import attrgetter
from sys import intern
from typing import Any

import orjson
from pydantic import TypeAdapter, ValidationError

from store.common.errors import RecordInvalid
from store.common.i18n import _
from store.domain.classification import is_private
from store.domain.records import (
    Actor,
    Agreement,
    Case,
    CheckIn,
    Consent,
    Identifier,
    Inquiry,
    Intake,
    LegalMatter,
    LogEntry,
    Meeting,
    MoneyEntry,
    Organisation,
    Person,
    Place,
    Plan,
    Record,
    RegistryLink,
    Screening,
    Task,
    Worker,
    build,
    checkin,
)
from store.domain.vocab import IntakeStatus
from store.exchange.check_legal import money_message

CHUNK = 2000  # records validated at once: a few megabytes of models at most

_CASE = ("id", "case_id")
_WORKER = ("id", "case_id", "worker_id")
# What the checks of references read of a record of each kind (`facts`), by the record's own
# field names; the few that are worked out (`_DERIVED`) are named for what they hold.
_FIELDS: dict[type[Record], tuple[str, ...]] = {
    Case: ("id", "ref", "shared_with"),
    Worker: _CASE,
    LogEntry: (*_CASE, "worker_ids", "counterpart_org_id", "counterpart_person_id",
               "from_org_id"),
    Screening: _WORKER, Consent: _WORKER, Plan: _WORKER,
    Organisation: ("id", "parent_id"),
    Person: ("id", "org_ids"),
    Meeting: ("id", "org_ids", "person_ids", "agreement_ids", "case_ids"),
    Agreement: ("id", "party_ids", "signatory_ids"),
    Task: ("id", "owner_id", "meeting_id", "agreement_id"),
    Place: ("id", "operator_id", "moved_to_id"),
    Actor: ("id",),
    Identifier: ("id", "actor_id", "place_id"),
    RegistryLink: (*_CASE, "entry_id", "place_id", "actor_id", "identifier_id", "worker_id"),
    Intake: ("id", "source_org_id", "case_ids", "row_workers", "row_inquiries", "kept_personal"),
    Inquiry: ("id", "worker_id", "pending_worker_id", "place_id"),
    LegalMatter: (*_WORKER, "org_id", "actor_ids"),
    MoneyEntry: _WORKER,
    CheckIn: (*_WORKER, "unknown_answers"),
}
_DERIVED: dict[type[Record], Callable[[Any], dict[str, Any]]] = {
    Person: lambda p: {"org_ids": (p.org_id, *(r.org_id for r in p.history))},
    Intake: lambda i: {
        "case_ids": (*i.case_ids, *(r.case_id for r in i.rows)),
        "row_workers": tuple(r.worker_id for r in i.rows),
        "row_inquiries": tuple(r.inquiry_id for r in i.rows),
        "kept_personal": i.status is IntakeStatus.CONFIRMED and any(
            r.name or r.other_names or r.phone or r.passport or r.date_of_birth
            or r.compound or r.notes for r in i.rows)},
    CheckIn: lambda c: {"unknown_answers": _unknown_answers(c)},
}


def _facts_type(kind: type[Record]) -> type:
    made = namedtuple(kind.__name__ + "Facts", _FIELDS[kind])  # type: ignore[misc]  # noqa: PYI024
    made.__module__ = __name__
    made.kind = kind  # type: ignore[attr-defined]
    globals()[made.__name__] = made  # found by pickle, when a child process sends them
    return made


FACTS: dict[type[Record], type] = {kind: _facts_type(kind) for kind in _FIELDS}
_ADAPTERS: dict[type[Record], TypeAdapter[list[Any]]] = {}


def facts(record: Record) -> Any:
    """What the checks of references read of `record`; its case's and worker's ids shared
    with every other record's (`sys.intern`): many records name the same case."""
    kind = type(record)
    if kind in _DERIVED:
        derived = _DERIVED[kind](record)
        values = [derived[name] if name in derived else getattr(record, name)
                  for name in _FIELDS[kind]]
    else:
        values = list(_GETTERS[kind](record))
    for at in _SHARED_AT[kind]:
        if type(values[at]) is str:
            values[at] = intern(values[at])
    return FACTS[kind]._make(values)


# The plain ones read at once (a getter of one field returns the value, not a 1-tuple).
_GETTERS = {kind: (attrgetter(*names) if len(names) > 1 else
                   lambda record, name=names[0]: (getattr(record, name),))
            for kind, names in _FIELDS.items()}
_SHARED_AT = {kind: [at for at, name in enumerate(names) if name in ("case_id", "worker_id")]
              for kind, names in _FIELDS.items()}


def _unknown_answers(record: CheckIn) -> tuple[str, ...]:
    """`CheckIn.unknown_answers`, the union's indicators looked at once for a whole chunk
    rather than for each check-in: the same answers, in the same order."""
    offered = _OFFERED.get("now")
    if offered is None:
        known = {i.id: i for i in checkin.indicators()}  # as the check-in reads them
        offered = _OFFERED["now"] = {(key, a.code) for key, i in known.items() for a in i.answers}
    return tuple(key for key, code in record.answers.items() if (key, code) not in offered)


_OFFERED: dict[str, set[tuple[str, str]]] = {}  # emptied at each chunk (`validate_chunk`)


Describe = Callable[[type[Record], dict[str, Any]], str]
Problem = Callable[..., Any]


def validate_chunk(kind: type[Record], raws: list[bytes], describe: Describe,
                   problem: Problem) -> tuple[list[Any], list[Any]]:
    """The facts of the valid records of `raws` (each a record's JSON, as stored) and the
    problems of the others, in their order."""
    _OFFERED.clear()
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(list[kind])  # type: ignore[valid-type]
    try:
        records = adapter.validate_json(b"[" + b",".join(raws) + b"]")
    except Exception:  # noqa: BLE001 - whatever it was, the records one by one say it exactly
        return _one_by_one(kind, raws, describe, problem)
    return [facts(record) for record in records], []


def _one_by_one(kind: type[Record], raws: list[bytes], describe: Describe,
                problem: Problem) -> tuple[list[Any], list[Any]]:
    """As `build` validates a record, and what it says of each bad field."""
    found: list[Any] = []
    problems: list[Any] = []
    for raw in raws:
        doc = orjson.loads(raw)
        try:
            found.append(facts(build(kind, dict(doc))))
        except RecordInvalid as invalid:
            where = describe(kind, doc)
            for field, message in invalid.errors.items():
                label = kind.field_label(field) if field in kind.model_fields else field
                if field in kind.model_fields and is_private(kind, field):
                    said = money_message(field) if kind is MoneyEntry else None
                    message = said or _("is not valid")
                problems.append(problem(where, f"{label}: {message}"))
        except ValidationError:
            problems.append(problem(describe(kind, doc), _("is not a valid record")))
    return found, problems


Tables = dict[type[Record], list[bytes]]
Progress = Callable[[type[Record], int, int], None]


def validate_tables(tables: Tables, describe: Describe, problem: Problem,
                    progress: Progress | None = None, also: Callable[[], Any] | None = None,
                    ) -> tuple[dict[type[Record], tuple[list[Any], list[Any]]], Any]:
    """Kind -> (the facts of its valid records, the problems of the others), each in the
    order of its table (`tables`: each kind's records as stored); and what `also` returned
    (run beside the records, in a second process when the work is worth one:
    `store.exchange.check_split`)."""
    from store.exchange.check_split import run_chunks

    # Every table cut in chunks: (kind, where the chunk starts, where it ends).
    work = [(kind, start, min(start + CHUNK, len(raws)))
            for kind, raws in tables.items() for start in range(0, len(raws), CHUNK)]
    done = dict.fromkeys(tables, 0)

    def heard(number: int) -> None:
        kind, start, end = work[number]
        done[kind] += end - start
        if progress is not None:
            progress(kind, done[kind], len(tables[kind]))

    def one(number: int) -> tuple[list[Any], list[Any]]:
        kind, start, end = work[number]
        return validate_chunk(kind, tables[kind][start:end], describe, problem)

    # Models hold no cycles (0 found after every record of a 10,000-case database): the
    # collector, run at every few hundred objects made, would only cost (a quarter of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        outcomes, also_said = run_chunks(len(work), one, heard, also)
    finally:
        if collecting:
            gc.enable()
    result: dict[type[Record], tuple[list[Any], list[Any]]] = {
        kind: ([], []) for kind in tables}
    for (kind, _start, _end), (found, problems) in zip(work, outcomes, strict=True):
        result[kind][0].extend(found)
        result[kind][1].extend(problems)
    return result, also_said
