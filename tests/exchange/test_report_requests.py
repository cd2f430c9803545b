"""`pulang report`'s requests to partners: by state, and partners' median days to reply,
recomputed here from the records (the log entries and the directory), not from the report's
own code."""

from __future__ import annotations

import datetime as dt
import json
import statistics
from pathlib import Path
from typing import Any

from store.db.database import Database
from store.domain.records import Case, LogEntry, Organisation, build
from store.domain.requests import RequestState
from tests.conftest import Run

DAY = dt.timedelta(days=1)


def recomputed(db: Database) -> tuple[dict[str, int], dict[str, dict[str, Any]]]:
    entries = [e for case in db.cases() for e in db.log_of(case.id)]
    states = {s.value: 0 for s in RequestState}
    days: dict[str, list[int]] = {}
    asked: dict[str, int] = {}
    for entry in entries:
        if entry.request_state is None:
            continue
        states[entry.request_state.value] += 1
        name = (db.get(Organisation, entry.counterpart_org_id).name
                if entry.counterpart_org_id else entry.counterpart_org)
        asked[name] = asked.get(name, 0) + 1
        answers = [c.on for c in entry.request_changes if c.state != "sent"] + [
            o.at.astimezone().date() for o in entries
            if o.case_id == entry.case_id and o.at > entry.at and o.direction == "received"
            and o.counterpart_org_id == entry.counterpart_org_id
            and (entry.counterpart_org_id or o.counterpart_org.casefold()
                 == entry.counterpart_org.casefold())]
        if answers:
            days.setdefault(name, []).append((min(answers) - entry.at.astimezone().date()).days)
    partners = {name: {"requests": count, "answered": len(days.get(name, [])),
                       "median_days": statistics.median(days[name])
                       if len(days.get(name, [])) >= 3 else None}
                for name, count in asked.items()}
    return states, partners


def test_the_requests_figures_are_those_of_the_records(cli: Run, db_path: Path) -> None:
    with Database.open(db_path, create=True) as db:
        case = db.save_case(build(Case, {"title": "Five workers", "destination_country": "KH",
                                         "date_reported": "01/10/2026"}))
        embassy = db.save_organisation(build(Organisation, {"name": "KBRI Phnom Penh",
                                                            "kind": "Embassy"}))
        now = dt.datetime.now().astimezone()
        today = now.date()

        def ask(days_ago: int, **more: Any) -> LogEntry:
            return db.save_log_entry(build(LogEntry, {
                "case_id": case.id, "at": now - days_ago * DAY, "kind": "referral",
                "summary": "Referred", "counterpart_kind": "embassy_ministry", **more}))

        for days_ago, answer in ((50, 47), (40, 33), (30, 26), (20, None)):
            sent = ask(days_ago, counterpart_org="KBRI", counterpart_org_id=embassy.id)
            if answer is not None:
                db.set_request_state(sent.id, RequestState.ACCEPTED, on=today - answer * DAY)
        db.save_log_entry(build(LogEntry, {  # an answer by letter to the one of 20 days ago
            "case_id": case.id, "at": now - 15 * DAY, "kind": "letter", "summary": "Reply",
            "direction": "received", "counterpart_org": "KBRI", "counterpart_org_id": embassy.id}))
        shelter = ask(12, counterpart_org="Shelter Mekong")
        db.set_request_state(shelter.id, RequestState.DECLINED, on=today - 10 * DAY,
                             why="No room for men")
        ask(3, counterpart_org="Shelter Mekong")
        want_states, want_partners = recomputed(db)
    done = cli("report", "--format", "json", "--db", db_path)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["requests_by_state"] == want_states
    assert got["partner_reply_days"] == want_partners
    assert want_states == {"sent": 2, "acknowledged": 0, "accepted": 3, "declined": 1,
                           "done": 0, "withdrawn": 0}
    assert want_partners == {
        "KBRI Phnom Penh": {"requests": 4, "answered": 4, "median_days": 4.5},
        "Shelter Mekong": {"requests": 2, "answered": 1, "median_days": None}}
    assert "No room" not in done.stdout  # why it was declined is personal
    text = cli("report", "--db", db_path).stdout
    assert "Requests to partners by state" in text
    assert "KBRI Phnom Penh  median 4.5 days, from 4 answered" in text
    assert "Shelter Mekong   not computed: 1 answered" in text
