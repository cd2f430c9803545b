"""Schema migrations: ordered steps from one schema version to the next.

Each later change to a record's shape appends a `Migration` here and a test that opens a database
written by the schema before it (tests/fixtures/schema_vN.json). They are applied on open, after
a backup copy of the file, all or nothing: the steps run in memory, and only when every one has
succeeded is the result written, atomically, in one go. Each step says what it does to one
record of a table (`Walk`): `store.engine.migrating` runs every step pending on each record in
one pass over each table, from the records' bytes, with progress.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from store.common.i18n import ngettext
from store.domain.text import fold
from store.domain.vocab import LogKind, label
from store.engine.migrating import (
    META_DOC,
    META_TABLE,
    Migration,
    Reader,
    Record,
    Tables,
    Walk,
)
from store.engine.migrating import migrate as _migrate

FORMAT_MARKER = "pulang-db"


def _workers_can_be_erased(read: Reader) -> Walk:
    """Schema 2: a worker records when their personal data was erased (never, so far)."""
    def worker(doc: Record) -> Record:
        doc.setdefault("erased_at", None)
        return doc

    return Walk({"workers": worker})


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


def _log_fields(fields: dict[str, Any]) -> Callable[[Record], Record]:
    """A log entry's change: `fields` (name -> default) added before its due_date."""
    def entry(doc: Record) -> Record:
        return _fields_before_due(doc, fields)

    return entry


def _the_road_home(read: Reader) -> Walk:
    """Schema 3: screenings, consents and plans, one of each per worker (none yet); log entries
    say what kind of counterpart they went to and whether they await a reply; a case's stage
    is kept as it was, as set by hand."""
    def case(doc: Record) -> Record:
        doc.setdefault("stage_override", False)
        return doc

    return Walk({"cases": case, "log": _log_fields(
        {"counterpart_kind": None, "awaiting_reply": False, "consent_override": []})})


NETWORK_TABLES = ("organisations", "people", "meetings", "agreements", "tasks")


def _the_network(read: Reader) -> Walk:
    """Schema 4: the union's network (organisations, people, meetings, agreements and their
    tasks; none yet), and log entries that can name their counterpart from it. Every entry's
    free-text counterpart is kept exactly as it was, and linked to nothing: the app offers
    links for the officer to confirm."""
    return Walk({"log": _log_fields({"counterpart_org_id": None,
                                     "counterpart_person_id": None})})


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


def _sent_or_received(read: Reader) -> Walk:
    """Schema 5: log entries say whether they were sent to the counterpart or received from
    them, since what is sent carries the workers it names and their consent counts. Marked
    from what each entry already says: a referral is sent, and so is a call, message or letter
    awaiting the counterpart's reply; a note goes neither way. Every other entry (a call or
    message could have come in or gone out; a meeting or visit goes both ways) is left unknown,
    and the notice says how many, by kind, for the officer to tell."""
    unknown: Counter[str] = Counter()

    def entry(doc: Record) -> Record:
        direction = _direction_of(doc)
        if direction is None and doc.get("kind") not in _NO_DIRECTION_KINDS:
            unknown[str(doc.get("kind"))] += 1
        return _fields_before_due(doc, {"direction": direction})

    return Walk({"log": entry}, lambda: _unknown_directions(unknown))


def _unknown_directions(unknown: Counter[str]) -> list[str]:
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


def _partners(read: Reader) -> Walk:
    """Schema 6: a case can be shared with partner organisations of the directory (with none
    yet), and a log entry says which partner's copy it came from (none so far). An
    agreement may now cover data sharing: a new area, no change to the agreements kept."""
    def case(doc: Record) -> Record:
        doc.setdefault("shared_with", [])
        return doc

    return Walk({"cases": case, "log": _log_fields({"from_org_id": None})})


# Schema 7: the registry of places (compounds above all), actors (recruiters, agencies,
# brokers, employers, transporters), the identifiers they use, and their links to cases and
# workers; none yet.
REGISTRY_TABLES = ("places", "actors", "identifiers", "registry_links")
# Schema 8: lists of people released or found, taken in and reviewed row by row (intakes),
# and families' inquiries for their own; none yet.
TRACING_TABLES = ("intakes", "inquiries")
# Schema 9: a worker's legal matters (detention, fines, deportation, charges, legal aid,
# statements, the case against the recruiters) and the money in their case; none yet.
AFTER_TABLES = ("legal", "money")

# What a case and a worker hold of their closing (`store.domain.rules.closing`), as new.
CLOSING_FIELDS: dict[str, Any] = {
    "closed_reason": None, "closed_on": None, "closed_by": "", "closed_note": "",
    "reopened_on": None, "reopened_reason": "", "reopened_by": "", "closings": [],
}


def _closed_with_a_reason(read: Reader) -> Walk:
    """Schema 10: a case and a worker are closed with a reason of the union's list, and
    reopened with a reason; none of them so far. A case closed before (its stage set to
    closed by hand) stays closed, with no reason: the notice says how many, since their
    reason is in their log if anywhere."""
    closed = [0]

    def closable(doc: Record) -> Record:
        for name, default in CLOSING_FIELDS.items():
            doc.setdefault(name, list(default) if isinstance(default, list) else default)
        return doc

    def case(doc: Record) -> Record:
        closed[0] += doc.get("stage") == "closed"
        return closable(doc)

    def said() -> list[str]:
        count = closed[0]
        if not count:
            return []
        return [ngettext(
            "{count} case was closed before Pulang kept a reason for closing: it stays closed, "
            "and its page says no reason was recorded.",
            "{count} cases were closed before Pulang kept a reason for closing: they stay "
            "closed, and their pages say no reason was recorded.", count).format(count=count)]

    return Walk({"cases": case, "workers": closable}, said)


def _day(at: Any) -> str:
    """An entry's day (ISO), local, as the app shows its date."""
    return dt.datetime.fromisoformat(str(at)).astimezone().date().isoformat()


# A log entry as the answer to a request reads it: its counterpart's names (folded) and when
# (as stored: read only when the names match, as before).
_Said = tuple[str, str, Any]


def _request_answered(entry: Record, of_case: list[_Said]) -> str | None:
    """The day (ISO) of the first later entry of the same case (`of_case`) with the same
    counterpart, as Today's `answered` rule reads it (folded names), or None."""
    org, person = fold(entry.get("counterpart_org") or ""), fold(
        entry.get("counterpart_person") or "")
    if not org and not person:
        return None
    at = dt.datetime.fromisoformat(str(entry.get("at")))
    later = [when for other_org, other_person, other_at in of_case
             if ((org and other_org == org) or (person and other_person == person))
             and (when := dt.datetime.fromisoformat(str(other_at))) > at]
    return _day(min(later)) if later else None


def _requests_followed(read: Reader) -> Walk:
    """Schema 11: a request to a partner (a log entry awaiting their reply) has a state and
    its changes, dated. One awaiting a reply is "sent", on its day; one already answered (a
    later entry of the case with the same counterpart, as Today read it) "acknowledged", on
    that later entry's day; every other entry has none.

    Whether a request was answered reads the case's other entries: their case, counterpart
    and moment are gathered first, case by case, from the log as it stands before the pass
    (no step since schema 1 changes these fields, so the steps before this one in the same
    pass leave them as read); each entry is then changed in the pass."""
    by_case: dict[Any, list[_Said]] = {}
    for other in read("log"):
        org, person = (fold(other.get("counterpart_org") or ""),
                       fold(other.get("counterpart_person") or ""))
        if org or person:  # an entry naming no one answers no request
            by_case.setdefault(other.get("case_id"), []).append((org, person, other.get("at")))

    def entry(doc: Record) -> Record:
        state, changes = None, []
        if doc.get("awaiting_reply"):
            state, changes = "sent", [{"state": "sent", "on": _day(doc.get("at"))}]
            answered = _request_answered(doc, by_case.get(doc.get("case_id"), []))
            if answered is not None:
                state = "acknowledged"
                changes.append({"state": "acknowledged", "on": answered})
        return _fields_before_due(doc, {"request_state": state, "request_changes": changes,
                                        "request_why": ""})

    return Walk({"log": entry})


def _kept_no_longer_than_needed(read: Reader) -> Walk:
    """Schema 12: a closed case is anonymised once the union's period of keeping is over, and
    says on which day; none has been so far."""
    def case(doc: Record) -> Record:
        doc.setdefault("anonymised_on", None)
        return doc

    return Walk({"cases": case})


# Schema 13: check-ins with a worker after their return; none yet.
CHECKIN_TABLES = ("checkins",)


# Schema 1 is the first; the steps to schema 2 and onward are appended here.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(2, "workers record when their personal data was erased",
              walk=_workers_can_be_erased),
    Migration(3, "screening, consent and the road home", walk=_the_road_home,
              new_tables=("screenings", "consents", "plans")),
    Migration(4, "the union's network: organisations, people, meetings, agreements",
              walk=_the_network, new_tables=NETWORK_TABLES),
    Migration(5, "log entries say whether they were sent or received", walk=_sent_or_received),
    Migration(6, "cases shared with partner organisations", walk=_partners),
    Migration(7, "the registry of places, actors and identifiers",
              new_tables=REGISTRY_TABLES),
    Migration(8, "intakes of lists and families' inquiries", new_tables=TRACING_TABLES),
    Migration(9, "a worker's legal matters and the money in their case",
              new_tables=AFTER_TABLES),
    Migration(10, "cases and workers closed with a reason", walk=_closed_with_a_reason),
    Migration(11, "requests to partners followed through", walk=_requests_followed),
    Migration(12, "closed cases anonymised after the union's period",
              walk=_kept_no_longer_than_needed),
    Migration(13, "check-ins with a worker after their return", new_tables=CHECKIN_TABLES),
)

FIRST_SCHEMA = 1


def schema_of(steps: Sequence[Migration]) -> int:
    """The schema version a program with these steps writes."""
    return steps[-1].to_version if steps else FIRST_SCHEMA


SCHEMA_VERSION = schema_of(MIGRATIONS)


def migrate(tables: Tables, path: object, steps: Sequence[Migration] = MIGRATIONS,
            notices: list[str] | None = None) -> Tables:
    """Return a migrated copy of `tables` (a document shaped as the database file); the
    original is left as it was. What the steps have to say is added to `notices`, each
    prefixed with the schema it came with (`store.engine.migrating.run_steps`)."""
    return _migrate(tables, path, steps, notices)


# What other modules take from here, those of `store.engine.migrating` among them.
__all__ = ["AFTER_TABLES", "CHECKIN_TABLES", "CLOSING_FIELDS", "FIRST_SCHEMA", "FORMAT_MARKER",
           "META_DOC", "META_TABLE", "MIGRATIONS", "NETWORK_TABLES", "REGISTRY_TABLES",
           "SCHEMA_VERSION", "TRACING_TABLES", "Migration", "Tables", "Walk", "migrate",
           "schema_of"]
