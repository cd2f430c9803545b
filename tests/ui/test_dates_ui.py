"""Dates typed relative to today in the app's forms: the day meant shown under the field,
written in on leaving; and which date fields start empty.

The rule itself (what `-3` or `besok` means) is tested without the app, in
tests/domain/test_dates.py."""

from __future__ import annotations

import datetime as dt

from store.common import clock
from store.db.database import Database
from store.domain.vocab import StepStatus
from tests.ui_helpers import fill, group_case, open_case, screen_text, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.case_form import CaseForm
from tui.screens.case.step import StepDialog
from tui.screens.meetings import MeetingForm, MeetingsScreen


async def test_a_form_shows_the_day_meant_and_writes_it_in_on_leaving(tuesday: dt.date, empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, CaseForm))
        form = app.screen
        await fill(pilot, "title", "Ten workers held in Sihanoukville")
        await fill(pilot, "destination_country", "KH")
        await fill(pilot, "date_reported", "-3")
        # Just under the field, while in it: the day "-3" means, weekday and all.
        assert "= Sat 6 Dec 2025" in screen_text(app)
        await pilot.press("tab")
        await until(pilot, lambda: form.query_one("#f-date_reported").value == "06/12/2025")
        assert "= Sat" not in screen_text(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        (case,) = empty_db.cases()
        assert case.date_reported == dt.date(2025, 12, 6)


async def test_a_deadline_typed_as_besok_is_saved_as_the_day_after(tuesday: dt.date, empty_db: Database) -> None:
    db = empty_db
    clock.set_today(dt.date(2025, 12, 12))  # group_case reports it on 12/12, after this Tuesday
    case, workers = group_case(db, workers=2)
    db.save_case(case.model_copy(update={"date_reported": dt.date(2025, 12, 1)}))
    clock.set_today(tuesday)
    db.start_plans(case.id)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case.id)
        screen.move_to({"worker": workers[0].id, "step": "registration"})
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        await pilot.press("tab", "tab", "tab", *"besok")
        await until(pilot, lambda: "= Wed 10 Dec 2025" in screen_text(app))
        await pilot.press("ctrl+s")  # still in the field: saved as the day it means
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        plan = db.plan_of(workers[0].id)
        assert plan.statuses["registration"] is StepStatus.IN_PROGRESS
        assert plan.state("registration").deadline == dt.date(2025, 12, 10)


async def test_a_new_meeting_starts_without_a_date(empty_db: Database) -> None:
    """A meeting is written up after it, or before it is held: the minute the form opens is
    seldom its time, and a date that looks filled in is easily saved wrong."""
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MeetingForm))
        assert app.screen.query_one("#f-at").value == ""
