"""The Database's case log: reading it, saving an entry (with the workers' consent for what
it passes on), and marking an entry's next step done.

A part of `store.db.database.Database` (see `store.db.base`). The consent rules are
`store.domain.rules.consent`'s.
"""

from __future__ import annotations

from store.common.errors import NotFound
from store.common.i18n import _
from store.db.base import LOG, WORKERS, Part, valid
from store.domain.records import Case, Consent, LogEntry, RequestChange
from store.domain.requests import RequestState, is_request
from store.domain.rules.consent import (
    asks_consent,
    consent_gaps,
    refuse_recipient,
    sent_without_consent,
)
from store.domain.text import row_name


class LogPart(Part):
    """The case's log."""

    def log_of(self, case_id: str) -> list[LogEntry]:
        """The case's log, newest first."""
        with self._lock:
            self._engine.refresh()
            docs = self._engine.children_of(LOG, case_id)
            entries = [valid(LogEntry, d) for d in docs]
        return sorted(entries, key=lambda e: e.at, reverse=True)

    def save_log_entry(self, entry: LogEntry, without_consent: bool = False) -> LogEntry:
        """Save a log entry. One sent (a referral, or another entry marked sent) naming workers
        whose consent does not cover its kind of counterpart raises ConsentNeeded, unless
        `without_consent`: then it is saved with those workers recorded as sent without
        consent (in the entry, and so in the audit trail). Media and recruiters are refused
        whatever is said (NeverRecipient). An entry received asks nothing; one naming workers
        to a kind of counterpart without saying which way it went is refused (RecordInvalid),
        since that decides whether their consent counts."""
        with self.transaction():
            if self._doc(Case, entry.case_id) is None:
                raise NotFound(_("case of this log entry"))
            refuse_recipient(entry)
            entry = sent_without_consent(entry, self.consent_gaps(entry), without_consent)
            workers = self._engine.children[WORKERS].get(entry.case_id, {})
            gone = [w for w in entry.worker_ids if w not in workers]
            if any(w not in self._engine.removed for w in gone):
                raise NotFound(_("worker in this case"))
            if gone:
                # Removed by someone else meanwhile: the entry stays, without the link, as if
                # it had been saved before the removal.
                kept = [w for w in entry.worker_ids if w in workers]
                entry = entry.model_copy(update={"worker_ids": kept})
            stored = self._engine.get(LOG, entry.id)
            if entry.request_state is None and is_request(entry) and (
                    stored is None or (entry.awaiting_reply and not stored.get("awaiting_reply"))):
                # A request to a partner, new or now awaiting a reply: sent, on its day
                # (`store.domain.requests`). An old referral saved again stays without.
                entry = entry.model_copy(update={
                    "request_state": RequestState.SENT,
                    "request_changes": [RequestChange(state=RequestState.SENT,
                                                      on=entry.at.astimezone().date())]})
            return self._save(entry)

    def mark_next_step(self, entry: LogEntry, done: bool) -> LogEntry:
        with self.transaction():
            return self._save(entry.model_copy(update={"next_step_done": done}))

    def consent_gaps(self, entry: LogEntry) -> dict[str, str]:
        """The workers named in an entry sent to a kind of counterpart (a referral, a message
        to the police...) whose consent does not cover that kind (and who were not sent on the
        officer's say before): id -> name. Nothing for an entry received, a note, or one whose
        counterpart has no kind (the worker themself, a colleague in the union): the rule is
        `store.domain.rules.consent`'s."""
        if not asks_consent(entry):
            return {}
        with self._lock:
            consents: dict[str, Consent] = {}
            for worker_id in entry.worker_ids:
                if worker_id in entry.consent_override:
                    continue
                consent = self._per_worker(Consent, worker_id)
                if consent is not None:
                    consents[worker_id] = consent
            names = self._engine.names
            return {worker_id: row_name(names.get(worker_id) or ["?"], worker_id)
                    for worker_id in consent_gaps(entry, consents)}
