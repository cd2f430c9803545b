"""`pulang check`: every record valid, every reference pointing at something that exists, and
the audit trail's chain intact with no change saved outside it (`store.engine.audit.verify`).

Problems name the record (its kind and reference or id) and the field, never a personal value:
for a field the classification marks personal or sensitive, the reason is given in general terms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from store.common.i18n import N_, _
from store.db.base import CHECKINS, LEGAL, MONEY, REGISTRY_TABLE_OF, TRACING_TABLE_OF
from store.db.database import CASES, CONSENTS, LOG, PLANS, SCREENINGS, WORKERS, Database
from store.db.network import AGREEMENTS, MEETINGS, ORGANISATIONS, PEOPLE, TASKS
from store.domain.records import (
    REGISTRY_TYPES,
    TRACING_TYPES,
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
from store.domain.text import shorten
from store.exchange.check_checkins import checkin_problems
from store.exchange.check_legal import legal_problems
from store.exchange.check_records import validate_tables
from store.exchange.check_registry import registry_problems
from store.exchange.check_tracing import tracing_problems

_KIND_NAMES = {Case: N_("case"), Worker: N_("worker"), LogEntry: N_("log entry"),
               Screening: N_("screening"), Consent: N_("consent"), Plan: N_("road home"),
               Organisation: N_("organisation"), Person: N_("person"), Meeting: N_("meeting"),
               Agreement: N_("agreement"), Task: N_("task"), Place: N_("place"),
               Actor: N_("actor"), Identifier: N_("identifier"),
               RegistryLink: N_("registry link"), Intake: N_("intake"),
               Inquiry: N_("family inquiry"), LegalMatter: N_("legal matter"),
               MoneyEntry: N_("money entry"), CheckIn: N_("check-in")}
_PER_WORKER = (Screening, Consent, Plan)
# Each kind of record and its table, in the order the problems are said.
_TABLES = ((Case, CASES), (Worker, WORKERS), (LogEntry, LOG), (Screening, SCREENINGS),
           (Consent, CONSENTS), (Plan, PLANS), (Organisation, ORGANISATIONS), (Person, PEOPLE),
           (Meeting, MEETINGS), (Agreement, AGREEMENTS), (Task, TASKS),
           *((kind, REGISTRY_TABLE_OF[kind]) for kind in REGISTRY_TYPES),
           *((kind, TRACING_TABLE_OF[kind]) for kind in TRACING_TYPES),
           (LegalMatter, LEGAL), (MoneyEntry, MONEY), (CheckIn, CHECKINS))
Progress = Callable[[str, int, int], None]
Describe = Callable[[type[Record], dict[str, Any]], str]


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    warning: bool = False  # said, but not a fault of the database (`pulang check` passes)

    def __str__(self) -> str:
        if self.warning:
            return f"{self.where}: " + _("warning: {message}").format(message=self.message)
        return f"{self.where}: {self.message}"


def _describe(kind: type[Record], doc: dict[str, object], refs: dict[str, str]) -> str:
    name = _(_KIND_NAMES[kind])
    # As the file holds them, so perhaps anything: shown printable and short.
    record_id = shorten(str(doc.get("id", "?")))
    if kind is Case:
        return f"{name} {shorten(str(doc.get('ref') or record_id))}"
    if "case_id" not in kind.model_fields:
        return f"{name} {record_id[:8]}"
    case_ref = shorten(refs.get(str(doc.get("case_id", "")), "?"))
    case_word = _("case")
    return f"{name} {record_id[:8]} ({case_word} {case_ref})"


def check(db: Database, progress: Progress | None = None) -> list[Problem]:
    """Every problem of the database, in the order of its tables, then of the references
    between records, then of the audit trail. `progress(kind, done, total)` hears how far the
    records of each kind are (`kind` is its name, translated)."""
    problems: list[Problem] = []
    raw = db.raw_records()
    tables = {kind: raw.get(name) or {} for kind, name in _TABLES}
    refs = {}
    for record_id, doc in ((i, orjson.loads(r)) for i, r in tables[Case].items()):
        refs[str(record_id)] = str(doc.get("ref") or record_id)
    twice = {kind: [(i, n) for i, n in Counter(str(i) for i in table).items() if n > 1]
             for kind, table in tables.items()}  # the engine keeps a table by id: never yet
    records = {kind: list(table.values()) for kind, table in tables.items()}
    del raw, tables  # the records' bytes stay (the engine's), not these tables of them

    def describe(kind: type[Record], doc: dict[str, object]) -> str:
        return _describe(kind, doc, refs)

    def heard(kind: type[Record], done: int, total: int) -> None:
        if progress is not None:
            progress(_(_KIND_NAMES[kind]), done, total)

    valid, audit = validate_tables(records, describe, Problem, heard,
                                   also=lambda: _audit_trail(db))
    del records
    for kind, (_facts, found) in valid.items():
        problems.extend(found)
        problems.extend(
            Problem(_(_KIND_NAMES[kind]) + f" {record_id[:8]}",
                    _("the same id is used by {count} records").format(count=count))
            for record_id, count in twice[kind])
    facts = {kind: found for kind, (found, _problems) in valid.items()}
    problems.extend(_references(facts, describe))
    problems.extend(audit)
    return problems


def _references(valid: dict[type[Record], list[Any]], describe: Describe) -> list[Problem]:
    """What the records name must exist, and their workers be of their cases."""
    problems: list[Problem] = []
    case_ids = {c.id for c in valid[Case]}
    for ref, count in Counter(c.ref for c in valid[Case]).items():
        if ref is None:
            problems.append(Problem(_("case"), _("a saved case has no reference")))
        elif count > 1:
            problems.append(Problem(_("case") + f" {ref}", _(
                "the reference is used by {count} cases").format(count=count)))

    workers_by_case: dict[str, set[str]] = {}
    for worker in valid[Worker]:
        workers_by_case.setdefault(worker.case_id, set()).add(worker.id)
        if worker.case_id not in case_ids:
            problems.append(Problem(describe(Worker, worker._asdict()),
                                    _("belongs to a case that does not exist")))
    for entry in valid[LogEntry]:
        found: list[str] = []
        if entry.case_id not in case_ids:
            found.append(_("belongs to a case that does not exist"))
        in_case = workers_by_case.get(entry.case_id, set())
        found.extend(_("names a worker who is not in its case")
                     for worker_id in entry.worker_ids if worker_id not in in_case)
        if found:
            where = describe(LogEntry, entry._asdict())
            problems.extend(Problem(where, message) for message in found)
    for kind in _PER_WORKER:
        per_worker = Counter(r.worker_id for r in valid[kind])
        for record in valid[kind]:
            said: list[str] = []
            if record.case_id not in case_ids:
                said.append(_("belongs to a case that does not exist"))
            elif record.worker_id not in workers_by_case.get(record.case_id, set()):
                said.append(_("is about a worker who is not in its case"))
            if per_worker[record.worker_id] > 1:
                said.append(_("the worker has {count} of these; one is kept per worker").format(
                    count=per_worker[record.worker_id]))
            if said:
                where = describe(kind, record._asdict())
                problems.extend(Problem(where, message) for message in said)
    problems.extend(_network_links(valid, case_ids, describe))
    problems.extend(registry_problems(valid, workers_by_case, describe, Problem))
    problems.extend(legal_problems(valid, case_ids, workers_by_case, describe, Problem))
    problems.extend(checkin_problems(valid, case_ids, workers_by_case, describe, Problem))
    problems.extend(tracing_problems(valid, describe, Problem))
    return problems


def _audit_trail(db: Database) -> list[Problem]:
    """The audit trail's chain, as `pulang audit --verify` checks it: where it breaks, and
    the changes it records as saved without their entries."""
    result = db.verify_audit()
    where = str(result.path)
    found = []
    if not result.ok:
        found.append(Problem(where, _("broken at entry {entry} (line {line}): {reason}").format(
            entry=result.broken_entry, line=result.broken_line, reason=result.reason_text)))
    found.extend(Problem(where, gap.describe()) for gap in result.gaps)
    return found


def _network_links(valid: dict[type[Record], list[Any]], case_ids: set[str],
                   describe: Describe) -> list[Problem]:
    """Every id a network record or a log entry names must be a record that exists."""
    ids = {kind: {r.id for r in valid[kind]} for kind in valid}
    missing = _("names a record that does not exist: {what}")
    found: list[Problem] = []

    def need(record: Any, kind: type[Record], wanted: Iterable[str | None], field: str) -> None:
        for record_id in wanted:
            if record_id is not None and record_id not in ids[kind]:
                found.append(Problem(describe(record.kind, record._asdict()), missing.format(
                    what=record.kind.field_label(field))))
                return

    for org in valid[Organisation]:
        need(org, Organisation, [org.parent_id], "parent_id")
    for person in valid[Person]:
        need(person, Organisation, person.org_ids, "org_id")
    for meeting in valid[Meeting]:
        need(meeting, Organisation, meeting.org_ids, "org_ids")
        need(meeting, Person, meeting.person_ids, "person_ids")
        need(meeting, Agreement, meeting.agreement_ids, "agreement_ids")
        if any(c not in case_ids for c in meeting.case_ids):
            found.append(Problem(describe(Meeting, meeting._asdict()),
                                 missing.format(what=Meeting.field_label("case_ids"))))
    for agreement in valid[Agreement]:
        need(agreement, Organisation, agreement.party_ids, "party_ids")
        need(agreement, Person, agreement.signatory_ids, "signatory_ids")
    for task in valid[Task]:
        need(task, Person, [task.owner_id], "owner_id")
        need(task, Meeting, [task.meeting_id], "meeting_id")
        need(task, Agreement, [task.agreement_id], "agreement_id")
    for entry in valid[LogEntry]:
        need(entry, Organisation, [entry.counterpart_org_id], "counterpart_org_id")
        need(entry, Person, [entry.counterpart_person_id], "counterpart_person_id")
        need(entry, Organisation, [entry.from_org_id], "from_org_id")
    for case in valid[Case]:
        need(case, Organisation, case.shared_with, "shared_with")
    return found
