"""Meetings (key 4): recording one with who was there, its follow-up tasks in Today until they
are done, and the demo's working visit with the LFTU officers present.

The real app at 80×24 on a copy of the demo, driven by keys."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from store.common.i18n import date_for_input
from store.db.database import Database
from tests.ui_helpers import fill, focus, paste, screen_text, today_shown, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpScreen
from tui.dialogs.picker import PickerDialog
from tui.screens.meetings import MeetingForm, MeetingLines, MeetingScreen, MeetingsScreen
from tui.screens.tasks import TaskForm
from tui.screens.today import TodayList, TodayScreen

VISIT = "ASEAN TUC working visit to LFTU"
OFFICERS = ["Phonensan Vilaymeing", "Pathoumthong Louangvilay", "Chanthavone Apaiyalath",
            "Chanpen Manyseing", "Alounsieng Vichitvongsa"]


async def pick(pilot, field: str, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Open the picker of a form's field, type part of a name, and choose the first match
    (ticked with Space and confirmed with Enter when the field holds several)."""
    await focus(pilot, field)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, PickerDialog))
    picker = pilot.app.screen
    await paste(pilot, typed)
    await pilot.press("enter")  # Enter in the filter moves into the list
    await pilot.pause()
    if picker.multiple:
        await pilot.press("space", "enter")
    else:
        await pilot.press("enter")
    await until(pilot, lambda: pilot.app.screen is not picker)


async def cursor_to_line(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    """Move down the meeting's lines with the arrow key until the line `key` is current."""
    lines = pilot.app.screen.query_one(MeetingLines)
    await pilot.press("home")
    for _ in range(lines.option_count + 1):
        if lines.highlighted is not None and \
                lines.get_option_at_index(lines.highlighted).id == key:
            return
        await pilot.press("down")
    raise AssertionError(f"no line {key} in the meeting")


async def test_a_new_meeting_s_follow_up_task_is_in_today_until_done(demo_db: Database) -> None:
    due = dt.date.today() + dt.timedelta(days=2)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MeetingForm))
        await fill(pilot, "at", "15/01/2026 09:30")
        await fill(pilot, "title", "LFTU labour department call on Mae Sot")
        await fill(pilot, "country", "Laos")
        await pick(pilot, "org_ids", "LFTU")
        assert "Lao Federation of Trade Unions" in screen_text(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        meeting = next(m for m in demo_db.meetings() if m.title.startswith("LFTU labour"))
        assert meeting.at.astimezone().strftime("%d/%m/%Y %H:%M") == "15/01/2026 09:30"
        assert meeting.country == "LA"
        assert [demo_db.organisation(o).acronym for o in meeting.org_ids] == ["LFTU"]
        assert app.screen.meeting_id == meeting.id
        assert "Press a to add a follow-up task." in screen_text(app)

        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, TaskForm))
        await fill(pilot, "text", "Send the list of Lao workers held near Mae Sot")
        await pick(pilot, "owner_id", "Chanpen")
        await fill(pilot, "due", date_for_input(due))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        task = demo_db.tasks(meeting_id=meeting.id)[0]
        assert demo_db.person(task.owner_id).full_name == "Chanpen Manyseing"
        assert task.due == due and task.open

        await pilot.press("1")
        today = await today_shown(pilot)
        listing = today.query_one(TodayList)
        await until(pilot, lambda: any(
            listing.get_option_at_index(i).id == f"t:{task.id}"
            for i in range(listing.option_count)))
        # Counted in the header with the others.
        count = len(demo_db.today().tasks)
        assert f"{count} task{'s' if count != 1 else ''} " in " ".join(screen_text(app).split())
        while listing.get_option_at_index(listing.highlighted).id != f"t:{task.id}":
            await pilot.press("down")
        await pilot.pause()
        line = next(s for s in screen_text(app).splitlines() if "Send the list" in s)
        assert "Chanpen Manyseing" in line and "overdue" not in line
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert app.screen.meeting_id == meeting.id

        await cursor_to_line(pilot, f"task:{task.id}")
        await pilot.press("x")  # done: it leaves Today
        await until(pilot, lambda: not demo_db.tasks(meeting_id=meeting.id)[0].open)
        await until(pilot, lambda: "✓ done" in screen_text(app))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is today and today.view is not None and
                    all(t.task_id != task.id for t in today.view.tasks))
        await pilot.pause()
        assert "Send the list of Lao workers" not in screen_text(app)


async def test_the_demo_visit_shows_the_lftu_officers_found_by_organisation(
        demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        meetings = app.screen
        assert VISIT in screen_text(app)
        # The title does not say "Lao Federation": the organisation present does.
        await pilot.press("slash")
        await paste(pilot, "lao federation")
        await pilot.pause()
        assert [m.title for m in meetings.shown()] == [VISIT]
        await paste(pilot, " xyz")
        await pilot.pause()
        assert meetings.query_one("#meetings-filter", Input).value == "lao federation xyz"
        assert meetings.shown() == [] and VISIT not in screen_text(app)
        await pilot.press("escape")  # clears the filter; a second Escape would go to Today
        await pilot.pause()
        assert meetings.query_one("#meetings-filter", Input).value == ""
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        text = screen_text(app)
        assert "12 Dec 2025 10:00 · working visit · Vientiane, Laos" in text
        for name in OFFICERS:
            line = next(s for s in text.splitlines() if name in s)
            assert "LFTU" in line
        assert "Chanpen Manyseing — Director of Labor Department, LFTU" in text

        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "follow-up tasks" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is meetings)
        await pilot.press("escape")
        await today_shown(pilot)


async def test_removing_a_meeting_says_its_tasks_go_with_it(demo_db: Database) -> None:
    meeting = next(m for m in demo_db.meetings() if m.title == VISIT)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        app.open_record("meeting", meeting.id)
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Its 3 follow-up tasks are removed with it." in screen_text(app)
        await pilot.press("n")  # kept
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert demo_db.tasks(meeting_id=meeting.id)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert all(m.id != meeting.id for m in demo_db.meetings())
        assert demo_db.tasks(meeting_id=meeting.id) == []
