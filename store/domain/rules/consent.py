"""Consent for a log entry: who may be told what about the workers an entry names.

An entry sent (a referral, a message to the police...) to a kind of counterpart passes on what
it says of the workers it names: each worker's consent must cover that kind, unless the
officer sent it on their own say (then the entry records it). Media and recruiters never get
a worker's personal data. `Database.save_log_entry` gathers the workers' consents and applies
these before the entry is written.
"""

from __future__ import annotations

from collections.abc import Mapping

from store.common.errors import ConsentNeeded, NeverRecipient, RecordInvalid
from store.common.i18n import _
from store.domain.records import Consent, LogEntry
from store.domain.vocab import NEVER_RECIPIENTS, LogKind, label


def refuse_recipient(entry: LogEntry) -> None:
    """An entry naming workers to a kind of counterpart without saying which way it went is
    refused (RecordInvalid), since that decides whether their consent counts; one sent to
    media or recruiters too (NeverRecipient), whatever is said."""
    if (entry.worker_ids and entry.counterpart_kind is not None
            and entry.kind is not LogKind.NOTE and entry.direction is None):
        problem = {"direction": _("say whether it was sent or received: whether the "
                                  "workers' consent is needed depends on it")}
        raise RecordInvalid(problem, {"direction": LogEntry.field_label("direction")})
    if entry.sent and entry.worker_ids and entry.counterpart_kind in NEVER_RECIPIENTS:
        raise NeverRecipient(_(
            "Media and recruiters never receive a worker's personal data: an entry "
            "naming workers cannot be sent to {kind}.").format(
                kind=label(entry.counterpart_kind)))


def asks_consent(entry: LogEntry) -> bool:
    """Whether the entry passes on what it says of its workers: it was sent to a kind of
    counterpart. Not an entry received, a note, or one whose counterpart has no kind (the
    worker themself, a colleague in the union)."""
    return entry.sent and entry.counterpart_kind is not None


def consent_gaps(entry: LogEntry, consents: Mapping[str, Consent]) -> list[str]:
    """The ids of the workers named in the entry whose consent does not cover its kind of
    counterpart (and who were not sent on the officer's say before), in the entry's order.
    `consents`: the workers' consents by worker id (one without consent is not in it)."""
    if not asks_consent(entry):
        return []
    kind = entry.counterpart_kind
    assert kind is not None
    gaps: list[str] = []
    for worker_id in entry.worker_ids:
        if worker_id in entry.consent_override:
            continue
        consent = consents.get(worker_id)
        if consent is None or not consent.allows(kind):
            gaps.append(worker_id)
    return gaps


def sent_without_consent(entry: LogEntry, gaps: Mapping[str, str],
                         without_consent: bool) -> LogEntry:
    """The entry to save, given its consent gaps (id -> name): ConsentNeeded unless the officer
    says `without_consent`; then the entry records those workers as sent without it."""
    if gaps and not without_consent:
        assert entry.counterpart_kind is not None
        raise ConsentNeeded(dict(gaps), label(entry.counterpart_kind))
    if gaps:
        return entry.model_copy(
            update={"consent_override": [*entry.consent_override, *gaps]})
    return entry
