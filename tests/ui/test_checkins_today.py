"""Check-ins after return (issue 35) on Today and on the case page, through the real app at
80x24 on a temporary database: "Signs of re-recruitment" first of all, "Check-ins due" with the
overdue ones marked as Today marks what is overdue, Enter on either opening the worker's
check-ins over their case; the notice when a flight home is marked done; and the same in
Indonesian, and without colours.

The clock is fixed (tests/conftest.py `fixed_clock`): today is Sunday 6 December 2026."""

from __future__ import annotations

import datetime as dt

from store.common.i18n import set_language
from store.db.database import Database
from store.domain import StepStatus
from tests.ui.test_checkins_ui import checkin, flown
from tests.ui_helpers import notes, open_case, paste, screen_text, today_shown, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.step import StepDialog
from tui.screens.checkins import CheckInsScreen
from tui.screens.today import TodayScreen
from tui.widgets.today_list import TodayList


def lines(app: PulangApp) -> list[str]:
    """Today's lines, as shown."""
    listing = app.screen.query_one(TodayList)
    return [" ".join(str(listing.get_option_at_index(i).prompt).split())
            for i in range(listing.option_count)]


def signs_and_due(db: Database):  # type: ignore[no-untyped-def]
    """Rizky home since 1 October (his 1-month check-in overdue, then one between with a
    recruiter's contact); Dewi home since 10 November (her 1-month one due on 10 December)."""
    case, rizky, dewi = flown(db)
    db.set_step(case.id, [dewi.id], "flight", StepStatus.DONE, done_on=dt.date(2026, 11, 10),
                reason="flown home by the embassy")
    checkin(db, rizky, dt.date(2026, 12, 1), None, recruiter_contact="yes", income_source="none")
    return case, rizky, dewi


async def test_signs_come_first_on_today_and_check_ins_due_with_the_overdue_marked(
        empty_db: Database, fixed_clock) -> None:
    db = empty_db
    case, rizky, _dewi = signs_and_due(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await until(pilot, lambda: any("Signs of re-recruitment" in x for x in lines(app)))
        shown = lines(app)
        assert shown[0] == "Signs of re-recruitment (1)"  # first of all
        assert shown[1].startswith("⚠ signs 1 Dec 2026 KH-2026-0001 Rizky Pratama: a "
                                   "recruiter made contact")
        due = shown.index("Check-ins due (2)")
        assert shown[due + 1] == ("! overdue 1 Nov 2026 KH-2026-0001 Rizky Pratama: 1-month "
                                  "check-in")
        assert shown[due + 2] == "10 Dec 2026 KH-2026-0001 Dewi Anggraini: 1-month check-in"
        # Enter on the signs (the cursor is on the first line): the worker's check-ins, over
        # the case; Escape comes back through the case.
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CheckInsScreen))
        assert app.screen.worker_id == rizky.id
        assert isinstance(app.screen_stack[-2], CaseScreen)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        # Followed up: off Today's signs; the check-in due stays.
        (last,) = db.checkins_of(case.id, rizky.id)
        db.follow_up_signs(last.id, "Family warned")
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        await until(pilot, lambda: not any("Signs of re-recruitment" in x for x in lines(app)))
        assert "Check-ins due (2)" in lines(app)


async def test_a_flight_home_marked_done_says_when_the_check_ins_fall_due(
        empty_db: Database, fixed_clock) -> None:
    db = empty_db
    case, _rizky, dewi = flown(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_case(pilot, app, case)
        screen.move_to({"worker": dewi.id, "step": "flight"})
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        await pilot.press("3")  # done, today
        await pilot.press("ctrl+s")
        # Before the steps it depends on: the dialog asks why, as it does for any step.
        await until(pilot, lambda: "cannot be done before" in screen_text(app))
        await paste(pilot, "deported straight from detention")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: any("is home" in n for n in notes(app)))
        said = [n for n in notes(app) if "is home" in n]
        assert said == ["Dewi Anggraini is home: check-ins due at 1, 3, 6 and 12 months "
                        "(6 Jan 2027, 6 Mar 2027, 6 Jun 2027, 6 Dec 2027)"]
        # The worker's line says the next one, and the key.
        screen.move_to({"worker": dewi.id})
        screen.query_one("#workers").move_cursor(column=0)
        await pilot.pause()
        line = " ".join(str(screen.query_one("#worker-detail").render()).split())
        assert line == "Dewi Anggraini · 1-month check-in due 6 Jan 2027 (i)"


async def test_today_and_the_page_in_indonesian_and_without_colours(
        empty_db: Database, fixed_clock, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    set_language("id")  # isolated_environment sets English back afterwards
    db = empty_db
    case, rizky, _dewi = signs_and_due(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await until(pilot, lambda: any("Tanda" in x for x in lines(app)))
        shown = lines(app)
        assert shown[0] == "Tanda perekrutan ulang (1)"
        assert shown[1].startswith("⚠ tanda")  # loud in its characters, not only its colour
        assert any(x.startswith("! lewat tenggat") and "Rizky Pratama: pemantauan 1 bulan" in x
                   for x in shown)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CheckInsScreen))
        await pilot.pause()
        page = " ".join(screen_text(app).split())
        assert "⚠ TANDA PEREKRUTAN ULANG" in page
        assert "tanpa bobot: rata-rata jawaban" in page
        # The 1-month one, overdue, in the schedule; the dates as Indonesian writes them.
        assert "pemantauan 1 bulan 1 Nov 2026 ! lewat tenggat" in page
        assert "di rumah sejak 1 Okt 2026" in page
