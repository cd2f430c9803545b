"""Requests to partners followed through (issue 35): their states, moved one dated, audited
change at a time, and what the log says of a partner (open requests, usual days to reply)."""

from __future__ import annotations

import datetime as dt

import pytest

from store.common.errors import RecordInvalid, RuleRefused
from store.db.database import Database
from store.domain.records import Case, LogEntry, Organisation, build
from store.domain.requests import RequestState

DAY = dt.timedelta(days=1)


@pytest.fixture
def case(empty_db: Database) -> Case:
    return empty_db.save_case(build(Case, {"title": "Three workers", "destination_country": "KH",
                                           "date_reported": "01/11/2026"}))


def request(db: Database, case: Case, days_ago: int, org: str = "KBRI Phnom Penh",
            org_id: str | None = None, **more: object) -> LogEntry:
    at = dt.datetime.now().astimezone() - days_ago * DAY
    return db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "at": at, "kind": "referral", "summary": "Referred for papers",
        "counterpart_org": org, "counterpart_kind": "embassy_ministry",
        "counterpart_org_id": org_id, **more}))


def test_a_new_referral_is_sent_on_its_day_and_a_note_is_no_request(
        empty_db: Database, case: Case) -> None:
    sent = request(empty_db, case, 3)
    assert sent.request_state is RequestState.SENT
    assert [(c.state, c.on) for c in sent.request_changes] == [
        (RequestState.SENT, sent.at.astimezone().date())]
    note = empty_db.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": "Thought"}))
    received = empty_db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "kind": "call", "direction": "received", "summary": "They called",
        "counterpart_org": "KBRI Phnom Penh"}))
    assert note.request_state is None and received.request_state is None
    asked = empty_db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "kind": "message", "direction": "sent", "awaiting_reply": True,
        "summary": "Asked for the list", "counterpart_org": "Police"}))
    assert asked.request_state is RequestState.SENT


def test_a_request_moves_only_where_its_state_leads_each_change_dated_and_audited(
        empty_db: Database, case: Case) -> None:
    db = empty_db
    sent = request(db, case, 10)
    today = dt.date.today()
    accepted = db.set_request_state(sent.id, RequestState.ACCEPTED, on=today - 2 * DAY)
    assert accepted.request_state is RequestState.ACCEPTED
    with pytest.raises(RuleRefused, match="From accepted a request moves to done, withdrawn, "
                                          "not to acknowledged"):
        db.set_request_state(sent.id, RequestState.ACKNOWLEDGED)
    with pytest.raises(RuleRefused, match="before the last one"):
        db.set_request_state(sent.id, RequestState.DONE, on=today - 5 * DAY)
    with pytest.raises(RuleRefused, match="future"):
        db.set_request_state(sent.id, RequestState.DONE, on=today + DAY)
    done = db.set_request_state(sent.id, "done")
    assert [c.state for c in done.request_changes] == ["sent", "accepted", "done"]
    assert [c.on for c in done.request_changes][1:] == [today - 2 * DAY, today]
    with pytest.raises(RuleRefused, match="The request is done: it does not change any more"):
        db.set_request_state(sent.id, RequestState.WITHDRAWN)
    changes = [e for e in db.history(sent.id) if e.action == "update"]
    assert len(changes) == 2  # one audited change a move
    assert db.get(LogEntry, sent.id).version == sent.version + 2


def test_a_decline_says_why_and_the_why_is_personal(empty_db: Database, case: Case) -> None:
    db = empty_db
    sent = request(db, case, 4)
    with pytest.raises(RuleRefused, match="Say why the partner declined"):
        db.set_request_state(sent.id, RequestState.DECLINED, why="  ")
    declined = db.set_request_state(sent.id, RequestState.DECLINED, why="Not their district")
    assert declined.request_state is RequestState.DECLINED
    assert declined.request_why == "Not their district"
    from store.domain.classification import Classification, classification_of
    assert classification_of(LogEntry, "request_why") is Classification.PERSONAL
    assert classification_of(LogEntry, "request_changes") is Classification.PUBLIC
    with pytest.raises(RecordInvalid):  # a declined one without why is not kept
        db.save_log_entry(declined.model_copy(update={"request_why": ""}))
    with pytest.raises(RuleRefused, match="not a request"):
        note = db.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": "Thought"}))
        db.set_request_state(note.id, RequestState.ACKNOWLEDGED)


def test_a_partners_median_days_to_reply_and_open_requests_come_from_the_log(
        empty_db: Database, case: Case) -> None:
    db = empty_db
    org = db.save_organisation(build(Organisation, {"name": "KBRI Phnom Penh",
                                                    "kind": "Embassy"}))
    today = dt.date.today()
    first = request(db, case, 20, org_id=org.id)
    db.set_request_state(first.id, RequestState.ACKNOWLEDGED, on=today - 18 * DAY)  # 2 days
    second = request(db, case, 15, org_id=org.id)
    db.save_log_entry(build(LogEntry, {  # they wrote back 6 days later: 6 days
        "case_id": case.id, "at": dt.datetime.now().astimezone() - 9 * DAY, "kind": "letter",
        "direction": "received", "summary": "Reply", "counterpart_org": "KBRI",
        "counterpart_org_id": org.id}))
    assert db.partner_replies(org.id) == [2, 6]
    assert db.partner_reply_days(org.id) is None  # fewer than 3 answered: not computed
    third = request(db, case, 8, org_id=org.id)
    db.set_request_state(third.id, RequestState.ACCEPTED, on=today - 5 * DAY)  # 3 days
    open_now = request(db, case, 1, org_id=org.id)
    assert sorted(db.partner_replies(org.id)) == [2, 3, 6]
    assert db.partner_reply_days(org.id) == 3
    assert [e.id for e in db.open_requests(org.id)] == [first.id, second.id, third.id,
                                                        open_now.id]
    db.set_request_state(first.id, RequestState.WITHDRAWN)
    assert first.id not in {e.id for e in db.open_requests(org.id)}
    # A partner typed but not linked is found by its name, folded.
    typed = request(db, case, 6, org="Shelter Mekong")
    db.set_request_state(typed.id, RequestState.ACKNOWLEDGED, on=today - 2 * DAY)
    assert db.partner_replies("shelter  MEKONG") == [4]


def test_today_chases_a_request_past_the_partners_usual_reply_time_or_accepted_and_overdue(
        empty_db: Database, case: Case) -> None:
    db = empty_db
    org = db.save_organisation(build(Organisation, {"name": "KBRI Phnom Penh",
                                                    "kind": "Embassy"}))
    today = dt.date.today()
    for days_ago in (40, 30, 20):  # answered in 2, 3 and 3 days: usually 3
        answered = request(db, case, days_ago, org_id=org.id)
        db.set_request_state(answered.id, RequestState.ACKNOWLEDGED,
                             on=today - (days_ago - (2 if days_ago == 40 else 3)) * DAY)
        db.set_request_state(answered.id, RequestState.WITHDRAWN)
    late = request(db, case, 4, org_id=org.id)  # past their 3 days
    recent = request(db, case, 2, org_id=org.id)  # within them
    other = request(db, case, 4, org="Shelter Mekong")  # no usual time: $PULANG_REPLY_DAYS
    accepted = request(db, case, 9, org_id=org.id, next_step="Travel document",
                       due_date=today - DAY)
    db.set_request_state(accepted.id, RequestState.ACCEPTED, on=today - 6 * DAY)
    not_due = request(db, case, 9, org_id=org.id, next_step="Travel document",
                      due_date=today + DAY)
    db.set_request_state(not_due.id, RequestState.ACCEPTED, on=today - 6 * DAY)
    finished = []
    for state, why in ((RequestState.DECLINED, "Full"), (RequestState.ACKNOWLEDGED, ""),
                       (RequestState.WITHDRAWN, "")):
        old = request(db, case, 30, org="Police", awaiting_reply=True)
        db.set_request_state(old.id, state, on=today - DAY, why=why)
        finished.append(old.id)
    assert db.partner_reply_days(org.id) == 3

    chased = {a.entry_id: a for a in db.today(reply_days=10).awaiting}
    assert set(chased) == {late.id, accepted.id}
    assert chased[late.id].state == "sent" and chased[late.id].since == today - 4 * DAY
    assert chased[accepted.id].state == "accepted" and chased[accepted.id].since == today - DAY
    assert {recent.id, other.id, not_due.id, *finished}.isdisjoint(chased)
    assert other.id in {a.entry_id for a in db.today(reply_days=3).awaiting}
    # A partner who wrote back is no longer chased for it, as before.
    db.save_log_entry(build(LogEntry, {"case_id": case.id, "kind": "call", "summary": "Called",
                                       "direction": "received",
                                       "counterpart_org": "KBRI Phnom Penh"}))
    assert late.id not in {a.entry_id for a in db.today(reply_days=10).awaiting}


def test_an_entry_kept_without_a_state_gets_one_only_when_marked_awaiting_a_reply(
        empty_db: Database, case: Case) -> None:
    """As the upgrade to schema 11 left a referral that awaited nothing: saved again, it stays
    without a state (Today would chase a year-old referral); marked awaiting, it is sent."""
    db = empty_db
    kept = request(db, case, 300)
    kept = db.save_log_entry(kept.model_copy(update={"request_state": None,
                                                     "request_changes": []}))
    edited = db.save_log_entry(kept.model_copy(update={"summary": "Referred, typo fixed"}))
    assert edited.request_state is None
    assert kept.id not in {a.entry_id for a in db.today().awaiting}
    marked = db.save_log_entry(edited.model_copy(update={"awaiting_reply": True}))
    assert marked.request_state is RequestState.SENT
    assert [c.on for c in marked.request_changes] == [marked.at.astimezone().date()]


def test_erasing_a_worker_blanks_their_name_out_of_why_a_request_was_declined(
        empty_db: Database, case: Case) -> None:
    from store.domain.records import Worker

    db = empty_db
    worker = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Siti Rahayu"}))
    sent = request(db, case, 5)
    db.set_request_state(sent.id, RequestState.DECLINED, why="Siti Rahayu is not registered")
    db.erase_worker(worker.id)
    kept = db.get(LogEntry, sent.id)
    assert "Siti" not in kept.request_why and kept.request_state is RequestState.DECLINED
    assert [c.state for c in kept.request_changes] == ["sent", "declined"]  # public: kept
