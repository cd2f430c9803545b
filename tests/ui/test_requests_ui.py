"""Requests to partners in the app (issue 35): r on a log entry that is a request changes its
state through a picker of the states its present one leads to (why asked for when declined);
the state in the log's row and detail; an organisation's page lists its open requests and its
usual days to reply. The real app at 80×24, driven by keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from store.db.database import Database
from store.domain.records import Case, LogEntry, Organisation, build
from store.domain.requests import RequestState
from tests.ui_helpers import notes, open_case, screen_text, set_text, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.request_state import RequestStateDialog
from tui.screens.directory import OrganisationScreen
from tui.widgets import RecordTable

DAY = dt.timedelta(days=1)


def _setup(db: Database) -> tuple[Case, Organisation, LogEntry]:
    case = db.save_case(build(Case, {"title": "Three workers", "destination_country": "KH",
                                     "date_reported": "01/11/2026"}))
    org = db.save_organisation(build(Organisation, {"name": "KBRI Phnom Penh",
                                                    "kind": "Embassy"}))
    now = dt.datetime.now().astimezone()
    for days_ago, answered in ((30, 27), (20, 16), (12, 10)):
        old = db.save_log_entry(build(LogEntry, {
            "case_id": case.id, "at": now - days_ago * DAY, "kind": "referral",
            "summary": f"Earlier referral {days_ago}", "counterpart_org": "KBRI",
            "counterpart_org_id": org.id, "counterpart_kind": "embassy_ministry"}))
        db.set_request_state(old.id, RequestState.ACKNOWLEDGED, on=now.date() - answered * DAY)
        db.set_request_state(old.id, RequestState.WITHDRAWN)
    sent = db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "at": now - 2 * DAY, "kind": "referral",
        "summary": "Asked for travel documents", "counterpart_org": "KBRI",
        "counterpart_org_id": org.id, "counterpart_kind": "embassy_ministry"}))
    return case, org, sent


async def test_r_declines_a_request_with_why_and_its_state_shows_in_the_log(
        empty_db: Database) -> None:
    case, _org, sent = _setup(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_case(pilot, app, case)
        await pilot.press("tab")
        log = screen.query_one("#log", RecordTable)
        assert screen.focused is log and log.current_key == sent.id  # newest first
        await until(pilot, lambda: "[sent] KBRI: Asked for t" in screen_text(app))
        detail = str(screen.query_one("#log-detail", Static).render())
        assert "Request: sent " in detail
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RequestStateDialog))
        text = screen_text(app)
        assert "Request sent: change to" in text
        for n, state in enumerate(("acknowledged", "accepted", "declined", "withdrawn"), 1):
            assert f"{n} {state}" in text
        assert "done" not in text.split("change to")[1].split("Date")[0]
        await pilot.press("3")  # declined: why is asked for, and required
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Say why the partner declined." in screen_text(app))
        assert empty_db.get(LogEntry, sent.id).request_state is RequestState.SENT
        await set_text(pilot, app.screen.query_one("#request-why"), "Not their district")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "Request declined." in notes(app))
        await until(pilot, lambda: "[declined] KBRI" in screen_text(app))
        stored = empty_db.get(LogEntry, sent.id)
        assert stored.request_state is RequestState.DECLINED
        assert stored.request_why == "Not their district"
        await until(pilot, lambda: "Why: Not their district" in str(
            screen.query_one("#log-detail", Static).render()))
        await pilot.press("r")  # final: it says so, no picker
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert "The request is declined: it does not change any more." in notes(app)


async def test_an_organisations_page_lists_its_open_requests_and_usual_reply_days(
        empty_db: Database, tmp_path: Path) -> None:
    case, org, sent = _setup(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        app.push_screen(OrganisationScreen(org.id))
        await until(pilot, lambda: isinstance(app.screen, OrganisationScreen)
                    and app.screen.loaded)
        text = screen_text(app)
        assert "Usually replies in 3 days (median of 3 answered requests)" in text
        assert "Open requests (1)" in text
        row = next(line for line in text.splitlines() if "Asked for travel" in line)
        assert case.ref in row and "sent" in row
