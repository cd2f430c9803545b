"""The domain records: a case, the workers in it and its log, with the domain's validation.

Records accept what a form or an import holds (text for dates, phones, countries, lists) and
store clean values: dates, E.164 phones, ISO 3166-1 alpha-2 codes. Every field is classified in
its metadata (see `store.domain.classification`). `build()` turns pydantic's errors into a
`RecordInvalid` whose messages name the field in the user's language.

Every text field follows the one input policy of `store.domain.text` (control characters refused,
a length limit per kind of field, everything else kept as typed). A free-text field names its
kind (`text=NAME.name`, `LINE.name` or `NOTES.name`); any other text (ids, codes) is held to a
line's rules. Records read back from the file (`STORED`) are taken as saved, so text written by
an older version stays readable; `pulang check` and the next save through a form apply the
policy again.

One module per kind of record: `base` (what every record shares, `build`, `changed`), `case`,
`worker`, `log`, `screening` (and consent), `plan` (the road home), `directory` (organisations
and people), `meeting`, `agreement`, `task`, `registry` (places, actors, identifiers and
their links to cases), `intake` and `inquiry` (lists taken in, families' inquiries), `legal`
(a worker's legal matters and the money in their case).
Import the records from here. The screening's suggestion (`is_child`, `suggested_status`,
`status_reason`) is a rule, in `store.domain.rules.screening`, and offered here too.
"""

from __future__ import annotations

from store.domain.records.agreement import Agreement, DraftVersion, StatusChange, allowed_moves
from store.domain.records.base import STORED, R, Record, build, changed, new_id
from store.domain.records.case import REF_PATTERN, Case
from store.domain.records.checkin import CheckIn
from store.domain.records.directory import Organisation, Person, Role
from store.domain.records.inquiry import Handle, Inquiry
from store.domain.records.intake import Intake, IntakeRow
from store.domain.records.legal import LegalMatter, MoneyEntry
from store.domain.records.log import AWAITING_KINDS, LogEntry, RequestChange
from store.domain.records.meeting import Meeting
from store.domain.records.plan import Plan, StepState
from store.domain.records.registry import (
    Actor,
    Identifier,
    Place,
    PlaceChange,
    RegistryLink,
    Sighting,
)
from store.domain.records.screening import INDICATOR_FIELDS, Consent, Screening
from store.domain.records.task import Task
from store.domain.records.worker import Worker, case_order, worker_numbers
from store.domain.rules.screening import is_child, status_reason, suggested_status

__all__ = [
    "AFTER_TYPES",
    "AWAITING_KINDS",
    "REGISTRY_TYPES",
    "INDICATOR_FIELDS",
    "TRACING_TYPES",
    "NETWORK_TYPES",
    "RECORD_TYPES",
    "REF_PATTERN",
    "STORED",
    "Actor",
    "Agreement",
    "Case",
    "Consent",
    "DraftVersion",
    "Handle",
    "Identifier",
    "Inquiry",
    "Intake",
    "IntakeRow",
    "CheckIn",
    "LegalMatter",
    "LogEntry",
    "RequestChange",
    "Meeting",
    "MoneyEntry",
    "Organisation",
    "Person",
    "Place",
    "PlaceChange",
    "Plan",
    "R",
    "Record",
    "RegistryLink",
    "Role",
    "Screening",
    "Sighting",
    "StatusChange",
    "StepState",
    "Task",
    "Worker",
    "allowed_moves",
    "build",
    "case_order",
    "changed",
    "is_child",
    "new_id",
    "status_reason",
    "suggested_status",
    "worker_numbers",
]

# The kinds of record: those of the union's network, and all of them.
NETWORK_TYPES: tuple[type[Record], ...] = (Organisation, Person, Meeting, Agreement, Task)
# Who trafficked and where (the registry): not part of any one case, linked to cases.
REGISTRY_TYPES: tuple[type[Record], ...] = (Place, Actor, Identifier, RegistryLink)
# Lists taken in and families' inquiries (issue 33): of no one case, never sent to a partner.
TRACING_TYPES: tuple[type[Record], ...] = (Intake, Inquiry)
# A worker's legal matters and the money in their case (issue 34): many per worker, under a case.
AFTER_TYPES: tuple[type[Record], ...] = (LegalMatter, MoneyEntry, CheckIn)
RECORD_TYPES: tuple[type[Record], ...] = (Case, Worker, LogEntry, Screening, Consent, Plan,
                                          *AFTER_TYPES, *NETWORK_TYPES, *REGISTRY_TYPES,
                                          *TRACING_TYPES)
