"""Schema migrations: ordered steps from one schema version to the next.

Each later change to a record's shape appends a `Migration` here and a test that opens a database
written by the schema before it (tests/fixtures/schema_vN.json). They are applied on open, after
a backup copy of the file, all or nothing: the steps run on a copy in memory, and only when every
one has succeeded is the result written, atomically, in one go.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from store.common.errors import MigrationFailed
from store.common.i18n import _, ngettext
from store.domain.text import fold
from store.domain.vocab import LogKind, label

Tables = dict[str, dict[str, Any]]

META_TABLE = "_meta"
META_DOC = "1"
FORMAT_MARKER = "pulang-db"


@dataclass(frozen=True)
class Migration:
    """One step. `apply` changes the tables in place; what the officer must hear about the
    result (records it could not bring up to date by itself), it returns as notices, in the
    user's language; `migrate` hands them on to whoever opened the database."""

    to_version: int
    description: str
    apply: Callable[[Tables], list[str] | None]


def _workers_can_be_erased(tables: Tables) -> None:
    """Schema 2: a worker records when their personal data was erased (never, so far)."""
    for worker in tables.get("workers", {}).values():
        worker.setdefault("erased_at", None)


def _fields_before_due(entry: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """The log entry with `fields` (name -> default) added just before due_date, where this
    version writes them: the loader's fast path reads due_date and next_step_done from the end
    of each line."""
    def fresh(default: Any) -> Any:  # a list default is each entry's own
        return list(default) if isinstance(default, list) else default

    rebuilt: dict[str, Any] = {}
    for field, value in entry.items():
        if field == "due_date":
            for name, default in fields.items():
                rebuilt.setdefault(name, entry[name] if name in entry else fresh(default))
        if field not in fields:
            rebuilt[field] = value
    for name, default in fields.items():
        rebuilt.setdefault(name, fresh(default))
    return rebuilt


def _the_road_home(tables: Tables) -> None:
    """Schema 3: screenings, consents and plans, one of each per worker (none yet); log entries
    say what kind of counterpart they went to and whether they await a reply; a case's stage
    is kept as it was, as set by hand."""
    for name in ("screenings", "consents", "plans"):
        tables.setdefault(name, {})
    for case in tables.get("cases", {}).values():
        case.setdefault("stage_override", False)
    log = tables.get("log", {})
    for key, entry in list(log.items()):
        log[key] = _fields_before_due(entry, {"counterpart_kind": None, "awaiting_reply": False,
                                              "consent_override": []})


NETWORK_TABLES = ("organisations", "people", "meetings", "agreements", "tasks")


def _the_network(tables: Tables) -> None:
    """Schema 4: the union's network (organisations, people, meetings, agreements and their
    tasks; none yet), and log entries that can name their counterpart from it. Every entry's
    free-text counterpart is kept exactly as it was, and linked to nothing: the app offers
    links for the officer to confirm."""
    for name in NETWORK_TABLES:
        tables.setdefault(name, {})
    log = tables.get("log", {})
    for key, entry in list(log.items()):
        log[key] = _fields_before_due(
            entry, {"counterpart_org_id": None, "counterpart_person_id": None})


# Log entries whose kind says which way they went; the others are told apart below.
_SENT_KINDS = ("referral",)
_NO_DIRECTION_KINDS = ("note",)  # kept in the union: neither sent nor received
_REPLY_KINDS = ("call", "message", "letter")  # sent when they await the counterpart's reply


def _direction_of(entry: dict[str, Any]) -> str | None:
    kind = entry.get("kind")
    if kind in _SENT_KINDS or entry.get("consent_override"):
        return "sent"
    if kind in _REPLY_KINDS and entry.get("awaiting_reply"):
        return "sent"  # a reply is awaited to something the union sent
    return None


def _sent_or_received(tables: Tables) -> list[str]:
    """Schema 5: log entries say whether they were sent to the counterpart or received from
    them, since what is sent carries the workers it names and their consent counts. Marked
    from what each entry already says: a referral is sent, and so is a call, message or letter
    awaiting the counterpart's reply; a note goes neither way. Every other entry (a call or
    message could have come in or gone out; a meeting or visit goes both ways) is left unknown,
    and the notice says how many, by kind, for the officer to tell."""
    unknown: Counter[str] = Counter()
    log = tables.get("log", {})
    for key, entry in list(log.items()):
        direction = _direction_of(entry)
        if direction is None and entry.get("kind") not in _NO_DIRECTION_KINDS:
            unknown[str(entry.get("kind"))] += 1
        log[key] = _fields_before_due(entry, {"direction": direction})
    if not unknown:
        return []
    known = {kind.value: kind for kind in LogKind}
    order = list(known)  # most first, ties in the vocabulary's order
    count = sum(unknown.values())
    kinds = ", ".join(f"{label(known[kind]) if kind in known else kind}: {unknown[kind]}"
                      for kind in sorted(unknown, key=lambda k: (
                          -unknown[k], order.index(k) if k in known else len(order), k)))
    return [ngettext(
        "{count} log entry could not be marked sent or received from what it says ({kinds}): "
        "its case's log shows it with “?” until you edit it and say which.",
        "{count} log entries could not be marked sent or received from what they say "
        "({kinds}): their cases' logs show them with “?” until you edit them and say which.",
        count).format(count=count, kinds=kinds)]


def _partners(tables: Tables) -> None:
    """Schema 6: a case can be shared with partner organisations of the directory (with none
    yet), and a log entry says which partner's copy it came from (none so far). An
    agreement may now cover data sharing: a new area, no change to the agreements kept."""
    for case in tables.get("cases", {}).values():
        case.setdefault("shared_with", [])
    log = tables.get("log", {})
    for key, entry in list(log.items()):
        log[key] = _fields_before_due(entry, {"from_org_id": None})


REGISTRY_TABLES = ("places", "actors", "identifiers", "registry_links")


def _the_registry(tables: Tables) -> None:
    """Schema 7: the registry of places (compounds above all), actors (recruiters, agencies,
    brokers, employers, transporters), the identifiers they use, and their links to cases
    and workers; none yet."""
    for name in REGISTRY_TABLES:
        tables.setdefault(name, {})


TRACING_TABLES = ("intakes", "inquiries")


def _intakes_and_inquiries(tables: Tables) -> None:
    """Schema 8: lists of people released or found, taken in and reviewed row by row
    (intakes), and families' inquiries for their own; none yet."""
    for name in TRACING_TABLES:
        tables.setdefault(name, {})


AFTER_TABLES = ("legal", "money")


def _after_the_flight(tables: Tables) -> None:
    """Schema 9: a worker's legal matters (detention, fines, deportation, charges, legal aid,
    statements, the case against the recruiters) and the money in their case; none yet."""
    for name in AFTER_TABLES:
        tables.setdefault(name, {})


# What a case and a worker hold of their closing (`store.domain.rules.closing`), as new.
CLOSING_FIELDS: dict[str, Any] = {
    "closed_reason": None, "closed_on": None, "closed_by": "", "closed_note": "",
    "reopened_on": None, "reopened_reason": "", "reopened_by": "", "closings": [],
}


def _closed_with_a_reason(tables: Tables) -> list[str]:
    """Schema 10: a case and a worker are closed with a reason of the union's list, and
    reopened with a reason; none of them so far. A case closed before (its stage set to
    closed by hand) stays closed, with no reason: the notice says how many, since their
    reason is in their log if anywhere."""
    for name in ("cases", "workers"):
        for doc in tables.get(name, {}).values():
            for field, default in CLOSING_FIELDS.items():
                doc.setdefault(field, list(default) if isinstance(default, list) else default)
    count = sum(1 for case in tables.get("cases", {}).values() if case.get("stage") == "closed")
    if not count:
        return []
    return [ngettext(
        "{count} case was closed before Pulang kept a reason for closing: it stays closed, "
        "and its page says no reason was recorded.",
        "{count} cases were closed before Pulang kept a reason for closing: they stay closed, "
        "and their pages say no reason was recorded.", count).format(count=count)]


def _day(at: Any) -> str:
    """An entry's day (ISO), local, as the app shows its date."""
    return dt.datetime.fromisoformat(str(at)).astimezone().date().isoformat()


def _request_answered(entry: dict[str, Any], log: dict[str, Any]) -> str | None:
    """The day (ISO) of the first later entry of the same case with the same counterpart, as
    Today's `answered` rule reads it (folded names), or None."""
    org, person = fold(entry.get("counterpart_org") or ""), fold(
        entry.get("counterpart_person") or "")
    if not org and not person:
        return None
    at = dt.datetime.fromisoformat(str(entry.get("at")))
    later = [when for other in log.values()
             if other.get("case_id") == entry.get("case_id")
             and ((org and fold(other.get("counterpart_org") or "") == org)
                  or (person and fold(other.get("counterpart_person") or "") == person))
             and (when := dt.datetime.fromisoformat(str(other.get("at")))) > at]
    return _day(min(later)) if later else None


def _requests_followed(tables: Tables) -> None:
    """Schema 11: a request to a partner (a log entry awaiting their reply) has a state and
    its changes, dated. One awaiting a reply is "sent", on its day; one already answered (a
    later entry of the case with the same counterpart, as Today read it) "acknowledged", on
    that later entry's day; every other entry has none."""
    log = tables.get("log", {})
    for key, entry in list(log.items()):
        state, changes = None, []
        if entry.get("awaiting_reply"):
            state, changes = "sent", [{"state": "sent", "on": _day(entry.get("at"))}]
            answered = _request_answered(entry, log)
            if answered is not None:
                state = "acknowledged"
                changes.append({"state": "acknowledged", "on": answered})
        log[key] = _fields_before_due(entry, {"request_state": state, "request_changes": changes,
                                              "request_why": ""})


def _kept_no_longer_than_needed(tables: Tables) -> None:
    """Schema 12: a closed case is anonymised once the union's period of keeping is over, and
    says on which day; none has been so far."""
    for doc in tables.get("cases", {}).values():
        doc.setdefault("anonymised_on", None)


CHECKIN_TABLES = ("checkins",)


def _checking_in(tables: Tables) -> None:
    """Schema 13: check-ins with a worker after their return; none yet."""
    for name in CHECKIN_TABLES:
        tables.setdefault(name, {})


# Schema 1 is the first; the steps to schema 2 and onward are appended here.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(2, "workers record when their personal data was erased", _workers_can_be_erased),
    Migration(3, "screening, consent and the road home", _the_road_home),
    Migration(4, "the union's network: organisations, people, meetings, agreements",
              _the_network),
    Migration(5, "log entries say whether they were sent or received", _sent_or_received),
    Migration(6, "cases shared with partner organisations", _partners),
    Migration(7, "the registry of places, actors and identifiers", _the_registry),
    Migration(8, "intakes of lists and families' inquiries", _intakes_and_inquiries),
    Migration(9, "a worker's legal matters and the money in their case", _after_the_flight),
    Migration(10, "cases and workers closed with a reason", _closed_with_a_reason),
    Migration(11, "requests to partners followed through", _requests_followed),
    Migration(12, "closed cases anonymised after the union's period", _kept_no_longer_than_needed),
    Migration(13, "check-ins with a worker after their return", _checking_in),
)

FIRST_SCHEMA = 1


def schema_of(steps: Sequence[Migration]) -> int:
    """The schema version a program with these steps writes."""
    return steps[-1].to_version if steps else FIRST_SCHEMA


SCHEMA_VERSION = schema_of(MIGRATIONS)


def migrate(tables: Tables, path: object, steps: Sequence[Migration] = MIGRATIONS,
            notices: list[str] | None = None) -> Tables:
    """Return a migrated copy of `tables`; the original is left as it was. What the steps
    have to say is added to `notices`, each prefixed with the schema it came with."""
    meta = tables[META_TABLE][META_DOC]
    version = int(meta["schema"])
    # A copy the steps may change freely: through JSON, which the tables are (deepcopy takes
    # ten times as long on a large database, and this runs before the first screen).
    result = orjson.loads(orjson.dumps(tables))
    for step in steps:
        if step.to_version <= version:
            continue
        try:
            said = step.apply(result)
        except Exception as error:  # any failure leaves the file untouched
            raise MigrationFailed(
                path,
                _("{path}: upgrading the database to schema {version} failed ({error}); "
                  "the file was not changed.").format(
                    path=path, version=step.to_version, error=type(error).__name__
                ),
            ) from error
        result[META_TABLE][META_DOC]["schema"] = step.to_version
        if notices is not None:
            notices += [_("Database upgraded to schema {version}: {notice}").format(
                version=step.to_version, notice=notice) for notice in said or ()]
    return result
