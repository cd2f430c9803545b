"""The demo's requests to a partner (issue 35): four referrals of the ten-worker case to the
Indonesian embassy in Phnom Penh, followed through. It answered the first three in 1, 2 and 1
days (usually the next day): one accepted then done, one declined with why, one accepted and
under way. The fourth, sent two days ago (after the embassy's call about the SPLPs), has had
no answer: past the embassy's usual reply time, though within $PULANG_REPLY_DAYS (3), so Today
chases it."""

from __future__ import annotations

import datetime as dt

from store.db.database import Database
from store.domain.records import Case, LogEntry, build
from store.domain.requests import RequestState
from store.domain.vocab import LogKind, RecipientKind
from store.exchange.demo_seed import at_hour

EMBASSY = "KBRI Phnom Penh"


def seed_requests(db: Database, case: Case, today: dt.date) -> None:
    """The four referrals (see the module's doc), dated back from `today`."""
    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    def refer(days: int, summary: str, **fields: object) -> LogEntry:
        return db.save_log_entry(build(LogEntry, {
            "case_id": case.id, "at": at_hour(ago(days), 10), "kind": LogKind.REFERRAL,
            "recorded_by": "International desk", "counterpart_org": EMBASSY,
            "counterpart_kind": RecipientKind.EMBASSY, "summary": summary, **fields}))

    papers = refer(40, "Referred two workers for SPLP travel documents, passports lost.")
    db.set_request_state(papers.id, RequestState.ACCEPTED, on=ago(39))
    db.set_request_state(papers.id, RequestState.DONE, on=ago(20))
    lawyer = refer(30, "Asked the embassy's lawyer to defend a worker charged with overstay.")
    db.set_request_state(lawyer.id, RequestState.DECLINED, on=ago(28),
                         why="Charges in Cambodia need a Cambodian lawyer: they gave us the "
                             "bar association's number")
    flights = refer(20, "Asked the embassy to fund the flights home of the whole group.",
                    next_step="Flight dates from the embassy", due_date=ago(-10))
    db.set_request_state(flights.id, RequestState.ACKNOWLEDGED, on=ago(19))
    db.set_request_state(flights.id, RequestState.ACCEPTED, on=ago(12))
    refer(2, "Asked for exit letters for the workers still without papers.")
    # Linked to the embassy of the directory, as Shift+L on the case page would: its page
    # then lists its open requests and its usual days to reply.
    embassy = next((o for o in db.organisations() if o.acronym == EMBASSY), None)
    if embassy is not None:
        db.link_counterparts([e.id for e in db.log_of(case.id)
                              if e.counterpart_org == EMBASSY and not e.counterpart_org_id],
                             org_id=embassy.id)
