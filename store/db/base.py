"""What every part of the Database shares: the table each kind of record is kept in, a stored
record read back as a domain object, and `Part`, the base class of the parts.

`store.db.database.Database` is one class made of parts, each in its own module of store/db
(cases.py, workers.py, log.py, road.py, views.py, finding.py, trail.py, keys.py, saving.py, and
the network's: network.py, directory.py, merging.py, meetings.py, agreements.py). A part uses the
Database's engine and lock and calls the methods of the other parts on `self`: `Part` declares
them for type checkers, so that no part imports another's module to call it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from store.common.errors import Conflict, DamagedRecord, RecordInvalid
from store.domain.records import (
    STORED,
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
)
from store.domain.road import Derived
from store.domain.rows import CaseRow
from store.engine.tables import Change, Engine

if TYPE_CHECKING:
    import datetime as dt

    from store.db.finding import Found

R = TypeVar("R", bound=Record)

CASES, WORKERS, LOG = "cases", "workers", "log"
SCREENINGS, CONSENTS, PLANS = "screenings", "consents", "plans"
ORGANISATIONS, PEOPLE, MEETINGS, AGREEMENTS, TASKS = (
    "organisations", "people", "meetings", "agreements", "tasks")
NETWORK_TABLE_OF: dict[type[Record], str] = {
    Organisation: ORGANISATIONS, Person: PEOPLE, Meeting: MEETINGS, Agreement: AGREEMENTS,
    Task: TASKS,
}
PLACES, ACTORS, IDENTIFIERS, REGISTRY_LINKS = (
    "places", "actors", "identifiers", "registry_links")
REGISTRY_TABLE_OF: dict[type[Record], str] = {
    Place: PLACES, Actor: ACTORS, Identifier: IDENTIFIERS, RegistryLink: REGISTRY_LINKS,
}
INTAKES, INQUIRIES = "intakes", "inquiries"
TRACING_TABLE_OF: dict[type[Record], str] = {Intake: INTAKES, Inquiry: INQUIRIES}
# The tables kept by id only (the directory's, the registry's, the intakes and inquiries),
# each read whole and cached.
BY_ID_TABLE_OF = {**NETWORK_TABLE_OF, **REGISTRY_TABLE_OF, **TRACING_TABLE_OF}
LEGAL, MONEY = "legal", "money"  # many per worker, under a case (issue 34)
CHECKINS = "checkins"  # many per worker, under a case (issue 35)
TABLE_OF: dict[type[Record], str] = {Case: CASES, Worker: WORKERS, LogEntry: LOG,
                                     Screening: SCREENINGS, Consent: CONSENTS, Plan: PLANS,
                                     LegalMatter: LEGAL, MoneyEntry: MONEY, CheckIn: CHECKINS,
                                     **BY_ID_TABLE_OF}
# One record of each of these per worker.
PER_WORKER: tuple[type[Record], ...] = (Screening, Consent, Plan)
KIND_OF: dict[str, type[Record]] = {table: kind for kind, table in TABLE_OF.items()}


def valid(kind: type[R], doc: dict[str, Any]) -> R:
    """A stored record as a domain object; one that no longer validates (changed outside
    Pulang) is reported as damaged instead of failing somewhere in a screen."""
    try:
        return kind.model_validate(doc, context=STORED)
    except (ValidationError, RecordInvalid):
        raise DamagedRecord() from None


class Part:
    """The base of every part of the Database: the state `Database.__init__` sets up and, for
    type checkers only, the methods one part calls of another (each defined in the part named
    beside it)."""

    _engine: Engine
    _lock: threading.RLock
    _rows: dict[str, CaseRow]  # the cases list, kept between calls (views.py)
    _forgotten: bool  # locked: records and key dropped from memory (keys.py)
    warnings: list[str]
    _unaudited: list[tuple[str, str]]  # see Database.__init__
    _audit_as: tuple[str, str | None] | None
    _depth: int  # transactions open in this object: the lock is held when > 0
    _foreign_seen: int  # the engine's count of other processes' changes, last time asked

    if TYPE_CHECKING:
        # database.py (the core)
        @property
        def path(self) -> Path: ...
        def transaction(self) -> AbstractContextManager[None]: ...

        # trail.py
        def audit_as(self, action: str,
                     note: str | None = None) -> AbstractContextManager[None]: ...
        def audit_event(self, action: str, *, table: str | None = None,
                        record_id: str | None = None, note: str | None = None) -> None: ...
        def last_version(self, table: str, record_id: str) -> dict[str, Any] | None: ...

        # saving.py
        def _doc(self, kind: type[Record], record_id: str) -> dict[str, Any] | None: ...
        def _read(self, kind: type[R], doc: dict[str, Any]) -> R: ...
        def get(self, kind: type[R], record_id: str) -> R: ...
        def _save(self, record: R, **fixed: Any) -> R: ...
        def _remove(self, kind: type[Record], record_id: str,
                    version: int | None = None) -> None: ...
        def _stage(self, change: Change, mine: Record | None = None) -> None: ...
        def _conflict(self, kind: type[Record], record_id: str, doc: dict[str, Any] | None,
                      mine: Record | None = None) -> Conflict: ...

        # the save of each kind of record (cases.py, workers.py, log.py, road.py, and the
        # network's parts), which saving.py's `save` dispatches to
        def save_case(self, case: Case, stage_reason: str | None = None) -> Case: ...
        def save_worker(self, worker: Worker) -> Worker: ...
        def save_log_entry(self, entry: LogEntry, without_consent: bool = False) -> LogEntry: ...
        def save_screening(self, screening: Screening) -> Screening: ...
        def save_consent(self, consent: Consent) -> Consent: ...
        def save_plan(self, plan: Plan) -> Plan: ...
        def save_organisation(self, org: Organisation) -> Organisation: ...
        def save_person(self, person: Person) -> Person: ...
        def save_meeting(self, meeting: Meeting) -> Meeting: ...
        def save_agreement(self, agreement: Agreement) -> Agreement: ...
        def save_task(self, task: Task) -> Task: ...
        def save_legal(self, matter: LegalMatter) -> LegalMatter: ...
        def save_money(self, entry: MoneyEntry) -> MoneyEntry: ...
        def save_checkin(self, checkin: CheckIn) -> CheckIn: ...

        # closing.py
        def closable(self, case_id: str) -> None: ...

        # workers.py
        def _erase_worker_in(self, worker_id: str, now: Any
                             ) -> tuple[Worker, list[str], list[str]]: ...

        # checkins.py
        def _checkins_ahead(self, today: dt.date,
                            months: Sequence[int] | None = None) -> set[str]: ...

        # legal.py
        def _after_for_worker(self, case_id: str, worker_id: str) -> list[str]: ...

        # road.py
        def _per_worker(self, kind: type[R], worker_id: str) -> R | None: ...
        def _plans(self, case_id: str) -> dict[str, Plan]: ...
        def _derived(self, case_id: str) -> Derived | None: ...
        def _follow_stage(self, case_id: str) -> None: ...

        # views.py
        def case_rows(self) -> list[CaseRow]: ...
        def _encoded_rows(self) -> list[tuple[str, bytes]]: ...

        # finding.py
        def _find(self, query: str, limit: int | None) -> list[Found]: ...

        # network.py (reading the directory)
        def _all(self, kind: type[R]) -> list[R]: ...
        def _one(self, kind: type[R], record_id: str) -> R: ...
        def _must_exist(self, kind: type[Record], ids: Iterable[str | None],
                        what: str) -> None: ...
        def entries_naming(self, record_id: str) -> list[LogEntry]: ...
        def meetings_with(self, record_id: str) -> list[Meeting]: ...
        def agreements_of(self, record_id: str) -> list[Agreement]: ...

        # sharing.py
        def _refuse_if_partner(self, org: Organisation, merging: bool = False) -> None: ...

        # registry.py
        def _registry_after_erasure(self, worker_id: str) -> None: ...
        def _refuse_an_actor(self, names: list[str]) -> None: ...
        def organisation(self, org_id: str) -> Organisation: ...
        def save_place(self, place: Place) -> Place: ...
        def save_actor(self, actor: Actor) -> Actor: ...
        def save_identifier(self, identifier: Identifier) -> Identifier: ...
        def save_registry_link(self, link: RegistryLink) -> RegistryLink: ...
        def places(self) -> list[Place]: ...
        def find_identifier(self, kind: Any, value: str) -> Identifier | None: ...
        def workers_of(self, case_id: str) -> list[Worker]: ...

        # intakes.py, inquiries.py and people.py (issue 33)
        def open_intakes(self) -> list[Intake]: ...
        def _tracing_after_removal(self, worker_id: str, erased: bool = False) -> None: ...
        def match_people(self, people: Any, limit: int = 3,
                         exclude: Any = ()) -> list[list[Any]]: ...
        def link_workers(self, case_id: str, worker_ids: Any,
                         officer: str = "") -> list[LogEntry]: ...
        def _move_partner(self, drop_id: str, keep_id: str) -> None: ...
        def tasks(self, *, meeting_id: str | None = None, agreement_id: str | None = None,
                  owner_id: str | None = None, open_only: bool = False) -> list[Task]: ...
