"""A worker's check-ins after return (issue 35), through the real app at 80x24 on a temporary
database: their page from the case page (i), F1 and the palette; the schedule before and after
the flight home; a check-in recorded with the form (the next one due chosen to start with, the
answers grouped, scored on saving) and edited; a sign of re-recruitment warned about, shown loud
and followed up; Escape asking before dropping what was typed. Today's sections and the notice
of a flight home are in tests/ui/test_checkins_today.py.

The clock is fixed (tests/conftest.py `fixed_clock`): today is Sunday 6 December 2026."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Select

from store.db.database import Database
from store.domain import StepStatus
from store.domain.records import CheckIn, build
from tests.ui_helpers import a_case, fill, notes, open_case, screen_text, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpScreen
from tui.screens.case import CaseScreen
from tui.screens.checkins import CheckInForm, CheckInsScreen
from tui.screens.checkins.follow import FollowUpDialog

HOME = dt.date(2026, 10, 1)  # the flight home: the 1-month check-in is overdue on 6 December


def flown(db: Database, home: dt.date | None = HOME):  # type: ignore[no-untyped-def]
    """A case of two workers on the road home; Rizky's flight done on `home` (if given)."""
    case, (rizky, dewi) = a_case(db, "Rizky Pratama", "Dewi Anggraini")
    db.start_plans(case.id)
    if home is not None:
        db.set_step(case.id, [rizky.id], "flight", StepStatus.DONE, done_on=home,
                    reason="flown home by the embassy")
    return case, rizky, dewi


def checkin(db: Database, worker, on: dt.date, month: int | None,  # type: ignore[no-untyped-def]
            **answers: str) -> CheckIn:
    return db.save_checkin(build(CheckIn, {"case_id": worker.case_id, "worker_id": worker.id,
                                           "on": on, "month": month, "answers": answers}))


async def checkins_page(pilot, app, case, worker) -> CheckInsScreen:  # type: ignore[no-untyped-def]
    """The case page, the cursor on `worker`, then i."""
    screen = await open_case(pilot, app, case)
    screen.query_one("#workers").move_to_key(worker.id)
    await pilot.pause()
    await pilot.press("i")
    await until(pilot, lambda: isinstance(app.screen, CheckInsScreen))
    await pilot.pause()
    return app.screen


def detail(page: CheckInsScreen) -> str:
    """The lines under the check-ins, about the one under the cursor (a notice may cover
    their end on the screen)."""
    return " ".join(str(page.query_one("#ci-detail").render()).split())


def text(app: PulangApp) -> str:
    return " ".join(screen_text(app).split())


async def answer(pilot, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    """Choose an answer of a question, by its code (as the list opened with Enter would)."""
    select = pilot.app.screen.query_one(f"#f-a_{name}", Select)
    select.value = code
    await pilot.pause()


async def test_before_the_flight_home_the_page_says_when_check_ins_start(
        empty_db: Database, fixed_clock) -> None:
    case, _rizky, dewi = flown(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await checkins_page(pilot, app, case, dewi)
        shown = text(app)
        assert "Check-ins start when the flight home is marked done" in shown
        assert "Worker 1: Dewi Anggraini" in shown
        assert "No check-in recorded yet: n records one." in shown


async def test_the_schedule_says_done_overdue_and_to_come_with_the_scores_and_their_method(
        empty_db: Database, fixed_clock) -> None:
    db = empty_db
    case, rizky, _dewi = flown(db)
    checkin(db, rizky, dt.date(2026, 11, 3), 1, income_source="irregular", debt="smaller",
            housing="good", family="good", support="yes")
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await checkins_page(pilot, app, case, rizky)
        shown = text(app)
        assert "home since 1 Oct 2026" in shown
        assert "Schedule: 1 of 4 done" in shown
        assert "1-month check-in 1 Nov 2026 done on 3 Nov 2026" in shown
        assert "3-month check-in 1 Jan 2027 not yet" in shown
        assert "12-month check-in 1 Oct 2027" in shown
        assert "unweighted: the mean of the answers" in shown  # beside the scores, always
        # The check-in under the cursor: each score with how many were answered.
        assert "economic 50 (2 of 5)" in shown
        assert "scores 0-100" in shown
        # Without a flight home a month later, the 3-month one is overdue.
        assert "! overdue" not in shown
    db.set_step(case.id, [rizky.id], "flight", StepStatus.DONE, done_on=dt.date(2026, 8, 1),
                reason="the date corrected")
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await checkins_page(pilot, app, case, rizky)
        assert "3-month check-in 1 Nov 2026 ! overdue" in text(app)


async def test_a_check_in_recorded_with_the_form_is_scored_and_a_sign_warned_of(
        empty_db: Database, fixed_clock) -> None:
    db = empty_db
    case, rizky, _dewi = flown(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        page = await checkins_page(pilot, app, case, rizky)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, CheckInForm))
        form = app.screen
        await pilot.pause()
        values = form.values()
        assert values["on"] == "06/12/2026"  # today
        assert values["month"] == 1  # the next one due
        assert values["a_income_source"] is None  # not asked, to start with
        shown = text(app)
        assert "Economic: work, income, food, debts" in shown  # the first group's heading
        assert "Do you have work or another regular source of income now?" in shown
        heads = [str(label.render()) for label in form.query(".group-title")]
        assert heads == ["Economic: work, income, food, debts",
                         "Social: housing, school, health care, documents",
                         "Psychosocial: family, support, safety, wellbeing",
                         "Signs of re-recruitment"]
        await answer(pilot, "income_source", "regular")
        await answer(pilot, "debt", "larger")
        await answer(pilot, "recruiter_contact", "yes")
        await fill(pilot, "notes", "A broker from Batam came twice to the house.")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is page)
        await pilot.pause()
        (saved,) = db.checkins_of(case.id, rizky.id)
        assert saved.month == 1 and saved.on == dt.date(2026, 12, 6)
        assert saved.answers == {"income_source": "regular", "debt": "larger",
                                 "recruiter_contact": "yes"}
        said = " ".join(notes(app))
        assert "economic 50 (2 of 5)" in said and "unweighted" in said
        assert "Rizky Pratama is now on Today" in said
        shown = text(app)
        assert "⚠ SIGNS OF RE-RECRUITMENT (6 Dec 2026): a recruiter made contact." in shown
        assert "Schedule: 1 of 4 done" in shown
        assert [s.worker_id for s in db.signs_to_follow()] == [rizky.id]

        # f: what was done, a note required.
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FollowUpDialog))
        await pilot.press("enter")
        await pilot.pause()
        assert "Say what was done" in text(app)
        assert isinstance(app.screen, FollowUpDialog)
        app.screen.query_one("#reason").value = "Family warned; broker reported to police"
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is page and db.signs_to_follow() == [])
        await pilot.pause()
        (followed,) = db.checkins_of(case.id, rizky.id)
        assert followed.followed_on == dt.date(2026, 12, 6)
        assert followed.followed_note == "Family warned; broker reported to police"
        assert "SIGNS OF RE-RECRUITMENT (" not in text(app)  # no longer loud at the top
        assert "Followed up on 6 Dec 2026: Family warned; broker reported to police" in \
            detail(page)


async def test_a_check_in_is_edited_and_between_check_ins_is_no_month(
        empty_db: Database, fixed_clock) -> None:
    db = empty_db
    case, rizky, _dewi = flown(db)
    first = checkin(db, rizky, dt.date(2026, 11, 3), 1, income_source="none")
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await checkins_page(pilot, app, case, rizky)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CheckInForm))
        form = app.screen
        await pilot.pause()
        assert form.values()["a_income_source"] == "none"
        assert form.values()["month"] == 1
        await answer(pilot, "income_source", "irregular")
        form.query_one("#f-month", Select).value = 0  # between check-ins
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is page)
        (saved,) = db.checkins_of(case.id, rizky.id)
        assert saved.id == first.id and saved.month is None
        assert saved.answers == {"income_source": "irregular"}
        shown = text(app)
        assert "3 Nov 2026 between visit" in shown
        assert "Schedule: 0 of 4 done" in shown


async def test_escape_asks_before_dropping_the_answers_chosen(
        empty_db: Database, fixed_clock) -> None:
    db = empty_db
    case, rizky, _dewi = flown(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await checkins_page(pilot, app, case, rizky)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, CheckInForm))
        form = app.screen
        await pilot.pause()
        await answer(pilot, "food", "often")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")  # keep editing
        await until(pilot, lambda: app.screen is form)
        assert form.values()["a_food"] == "often"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")  # discard
        await until(pilot, lambda: app.screen is page)
        assert db.checkins_of(case.id) == []


async def test_the_page_is_named_in_f1_and_the_palette(empty_db: Database, fixed_clock) -> None:
    db = empty_db
    case, rizky, _dewi = flown(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = " ".join(str(app.screen.query_one("#help-text").render()).split())
        assert "i opens the check-ins of the worker under the cursor" in help_text
        keys = str(app.screen.query_one("#help-keys").render())
        assert "Check-ins" in keys
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        screen.query_one("#workers").move_to_key(rizky.id)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Check-ins of")
        await until(pilot, lambda: "Check-ins of the worker under the cursor" in text(app))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CheckInsScreen))

