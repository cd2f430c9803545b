"""Dates typed relative to today (+2, -1w, besok...): one parser in the store, the day shown
back in the field; and which date fields start as today.

The store's today is fixed (`store.clock.set_today`), so the answers are the same any day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from store import clock
from store.database import Database
from store.parse import InputProblem, parse_date, parse_datetime
from store.records import Case, build
from store.vocab import StepStatus
from tests.ui_helpers import fill, group_case, open_case, screen_text, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.meetings import MeetingForm, MeetingsScreen
from tui.screens.record_forms import CaseForm
from tui.screens.step import StepDialog

TUESDAY = dt.date(2025, 12, 9)


@pytest.fixture
def tuesday() -> Iterator[dt.date]:
    clock.set_today(TUESDAY)
    yield TUESDAY
    clock.set_today(None)


@pytest.mark.parametrize(("typed", "meant"), [
    ("today", TUESDAY), ("hari ini", TUESDAY), ("Hari  Ini", TUESDAY),
    ("tomorrow", dt.date(2025, 12, 10)), ("besok", dt.date(2025, 12, 10)),
    ("yesterday", dt.date(2025, 12, 8)), ("kemarin", dt.date(2025, 12, 8)),
    ("lusa", dt.date(2025, 12, 11)),
    ("+2", dt.date(2025, 12, 11)), ("-3", dt.date(2025, 12, 6)), ("+ 2", dt.date(2025, 12, 11)),
    ("+1w", dt.date(2025, 12, 16)), ("+1mg", dt.date(2025, 12, 16)),
    ("-2h", dt.date(2025, 12, 7)), ("+30d", dt.date(2026, 1, 8)),
    ("12/12/2025", dt.date(2025, 12, 12)),  # the usual ways, as before
])
def test_a_date_counted_from_today(tuesday: dt.date, typed: str, meant: dt.date) -> None:
    assert parse_date(typed) == meant


def test_relative_dates_with_a_time_and_what_is_refused(tuesday: dt.date) -> None:
    at = parse_datetime("kemarin 14:30")
    assert at is not None and (at.date(), at.hour, at.minute) == (dt.date(2025, 12, 8), 14, 30)
    # No months: "m" is minggu (week) to many; the refusal says what is read.
    for typed in ("+2m", "++2", "+", "2"):
        with pytest.raises(InputProblem) as refused:
            parse_date(typed)
        assert "+2, -1, +1w, today" in str(refused.value)


def test_a_record_takes_a_relative_date(tuesday: dt.date) -> None:
    case = build(Case, {"title": "Ten workers", "destination_country": "KH",
                        "date_reported": "-3"})
    assert case.date_reported == dt.date(2025, 12, 6)


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
