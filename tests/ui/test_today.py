"""Today: the first screen, what needs chasing across every open case, and where Enter goes.

The real app at 80×24 on the real demo database, driven by keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from store.common.i18n import format_date
from store.db.database import Database
from store.domain.records import Case, LogEntry, Meeting, Task, Worker, build
from store.domain.today import Deadline, FollowUp, TaskDue, Today
from store.domain.vocab import LogKind, StepStatus
from tests.ui_helpers import fill, palette_offers, paste, screen_text, to_cases, today_shown, until
from tui.app import PulangApp
from tui.dialogs.help import HelpScreen
from tui.screens.case import CaseScreen
from tui.screens.case.case_form import CaseForm
from tui.screens.cases import CasesScreen
from tui.screens.today import TodayList, TodayScreen
from tui.screens.today_inquiries import waiting_matches

OVERDUE_STEP = "Send the recruiters' Telegram handles to the labour desk"


def expected_counts(view: Today, inquiries: int = 0, signs: int = 0, checkins: int = 0) -> str:
    """The header line, worked out here from the store's own figures (`inquiries`: the family
    inquiries waiting to be confirmed, `signs` the workers showing signs of re-recruitment,
    `checkins` the check-ins due this week: each counted once there are some; the cases to
    anonymise likewise, from the view)."""
    overdue = [f for f in view.follow_ups if f.due < view.day] + [
        d for d in view.deadlines if d.deadline < view.day] + [
        t for t in view.tasks if t.due < view.day] + [
        h for h in view.hearings if h.due < view.day]
    this_week = [f for f in view.follow_ups if f.due >= view.day]
    hearings = len(view.hearings)
    keeping = len(view.keeping)
    return ((f"⚠ {signs} worker{'' if signs == 1 else 's'} with signs of re-recruitment · "
             if signs else "")
            + f"{len(overdue)} overdue · {len(this_week)} due this week · "
            + (f"{inquiries} family inquir{'y' if inquiries == 1 else 'ies'} · "
               if inquiries else "")
            + f"{len(view.deadlines)} step deadlines · "
            f"{hearings} hearing{'' if hearings == 1 else 's'} · "
            f"{len(view.awaiting)} awaiting reply · "
            f"{len(view.tasks)} tasks · "
            + (f"{checkins} check-in{'' if checkins == 1 else 's'} due · " if checkins else "")
            + (f"{keeping} case{'' if keeping == 1 else 's'} to anonymise · " if keeping else "")
            + f"{len(view.coming_up)} coming up · "
            f"{view.missing_count} without screening or consent")


async def cursor_to(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    """Move down the list with the arrow key until the line `key` is under the cursor."""
    listing = pilot.app.screen.query_one(TodayList)
    for _ in range(listing.option_count + 1):
        if listing.get_option_at_index(listing.highlighted).id == key:
            return
        await pilot.press("down")
    raise AssertionError(f"no line {key} in Today")


def counts_text(screen: TodayScreen) -> str:
    return str(screen.query_one("#today-counts", Static).render())


# -- the store's side: the demo has something in every section ---------------------------


def test_the_demo_has_something_to_chase_today(demo_db: Database) -> None:
    view = demo_db.today()
    overdue = [f for f in view.follow_ups if f.due < view.day]
    assert OVERDUE_STEP in [f.next_step for f in overdue]
    assert any(a.counterpart.startswith("Cambodian union confederation") and
               (view.day - a.since).days == 5 for a in view.awaiting)
    assert {d.step for d in view.deadlines} >= {"immigration", "flight"}
    assert all(view.day <= d.deadline <= view.day + dt.timedelta(days=7) for d in view.deadlines)
    assert view.missing_count == len(view.missing) > 0


def test_reply_days_come_from_the_environment(demo_db: Database,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert demo_db.today().reply_days == 3
    monkeypatch.setenv("PULANG_REPLY_DAYS", "6")  # the partner asked 5 days ago: not yet
    # (The embassy, which answers the next day as a rule, is chased after its own usual
    # time, whatever the setting: store/exchange/demo_requests.py.)
    assert [a.counterpart for a in demo_db.today().awaiting] == ["KBRI Phnom Penh"]
    monkeypatch.setenv("PULANG_REPLY_DAYS", "5")
    assert len(demo_db.today().awaiting) == 2


# -- the screen ---------------------------------------------------------------------------


async def test_the_app_opens_on_today_with_the_store_s_counts(demo_db: Database) -> None:
    expected = demo_db.today()
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        assert isinstance(app.screen_stack[1], CasesScreen), "the list stays under Today"
        # the inquiries' matches, the signs and check-ins due: each worked out apart
        await until(pilot, lambda: screen.waiting and screen.signs)
        await pilot.pause()
        week_end = expected.day + dt.timedelta(days=7)
        assert " ".join(counts_text(screen).split()) == expected_counts(
            expected, len(waiting_matches(demo_db)), len(demo_db.signs_to_follow()),
            len(demo_db.checkins_due(until=week_end)))
        text = screen_text(app)
        overdue_line = next(line for line in text.splitlines() if "Telegram handles" in line)
        # Marked in the characters, not only by colour or style (NO_COLOR, monochrome).
        assert "! overdue" in overdue_line and "KH-2025-0001" in overdue_line
        # Signs of re-recruitment first of all, at once: the demo's Ratna Juwita.
        assert "Signs of re-recruitment (1)" in text and "Ratna Juwita" in text
        listed = [str(option.prompt) for option in screen.query_one(TodayList)._options]
        assert "Awaiting reply (2)" in listed  # the union's message, the embassy's referral
        assert any("5 days" in line for line in listed)  # waited since the message


async def test_enter_on_an_overdue_step_opens_its_case_on_that_entry(demo_db: Database) -> None:
    view = demo_db.today()
    overdue = next(f for f in view.follow_ups if f.next_step == OVERDUE_STEP)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await cursor_to(pilot, f"f:{overdue.entry_id}")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.pause()
        case = app.screen
        assert case.case_id == overdue.case_id
        log = case.query_one("#log")
        assert log.current_key == overdue.entry_id
        assert app.focused is log
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen), "back where the case was opened from"


async def test_enter_on_a_deadline_or_a_missing_worker_opens_the_case_on_that_worker(
        demo_db: Database) -> None:
    view = demo_db.today()
    flight = next(d for d in view.deadlines if d.step == "flight")
    missing = next(m for m in view.missing if m.case_id == flight.case_id)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await cursor_to(pilot, f"d:{flight.worker_id}:flight")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.pause()
        case = app.screen
        assert case.focus_on == {"worker": flight.worker_id, "step": "flight"}
        workers = case.query_one("#workers")
        assert workers.current_key == flight.worker_id
        assert app.focused is workers
        assert workers.cursor_coordinate.column > 0, "on the step, not on the name"

        await pilot.press("escape")
        await today_shown(pilot)
        await cursor_to(pilot, f"m:{missing.worker_id}")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.pause()
        assert app.screen.query_one("#workers").current_key == missing.worker_id


async def test_an_overdue_task_of_a_meeting_is_marked_and_enter_opens_the_meeting(
        demo_db: Database) -> None:
    from tui.screens.meetings import MeetingScreen

    view = demo_db.today()
    task = next(t for t in view.tasks if t.due < view.day)
    assert task.meeting_id is not None and task.owner == "Chanpen Manyseing"
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        await cursor_to(pilot, f"t:{task.task_id}")
        line = next(s for s in screen_text(app).splitlines() if "Chanpen" in s)
        assert line.startswith("! overdue") and format_date(task.due) in line
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert app.screen.meeting_id == task.meeting_id
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)


async def test_2_shows_the_list_and_1_or_t_today_but_digits_stay_in_the_filter(
        demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, CasesScreen))
        await pilot.press("1")
        await today_shown(pilot)
        await pilot.press("escape")  # Escape on Today: the list, nothing lost
        await until(pilot, lambda: isinstance(app.screen, CasesScreen))
        await pilot.press("t")
        await today_shown(pilot)

        await pilot.press("slash", *"2025 1")  # "/" on Today goes to the list's filter
        await pilot.pause()
        cases = app.screen
        assert isinstance(cases, CasesScreen)
        assert cases.query_one("#filter", Input).value == "2025 1"
        assert [r.ref for r in cases.shown] == ["KH-2025-0001"]

        await pilot.press("enter")  # a case opened from the list goes back to the list
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.press("1")
        await today_shown(pilot)
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, CasesScreen))
        assert len(app.screen_stack) == 2


async def test_digits_in_a_form_are_typed_not_taken_as_leaving_it(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("n")  # n on Today: a new case
        assert isinstance(app.screen, CaseForm)
        await fill(pilot, "title", "12 workers")
        await pilot.press("tab", "1", "2", "t")  # on the kind: not a text field
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        assert app.screen.query_one("#f-title", Input).value == "12 workers"


async def test_coming_back_to_today_shows_what_was_done_meanwhile(demo_db: Database) -> None:
    overdue = next(f for f in demo_db.today().follow_ups if f.next_step == OVERDUE_STEP)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        before = screen.view
        await cursor_to(pilot, f"f:{overdue.entry_id}")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.press("x")  # the next step of the entry under the cursor is done
        await until(pilot, lambda: demo_db.get(LogEntry, overdue.entry_id).next_step_done)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen and screen.view is not before)
        await pilot.pause()
        assert OVERDUE_STEP not in screen_text(app)
        await until(pilot, lambda: screen.waiting and screen.signs)
        view = demo_db.today()
        assert " ".join(counts_text(screen).split()) == expected_counts(
            view, len(waiting_matches(demo_db)), len(demo_db.signs_to_follow()),
            len(demo_db.checkins_due(until=view.day + dt.timedelta(days=7))))


async def test_another_officer_s_change_shows_in_today(demo_db: Database) -> None:
    case = demo_db.case_by_ref("KH-2026-0001")
    assert case is not None
    colleague = Database.open(demo_db.path)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        colleague.save_log_entry(build(LogEntry, {
            "case_id": case.id, "kind": LogKind.CALL, "summary": "BP3MI Pontianak called",
            "next_step": "Visit Ratna's family with BP3MI", "due_date": dt.date.today()}))
        await until(pilot, lambda: "Visit Ratna" in screen_text(app))
        line = next(s for s in screen_text(app).splitlines() if "Visit Ratna" in s)
        assert "today" in line and "KH-2026-0001" in line
        assert screen.view is not None and len(screen.view.follow_ups) == 6
    colleague.close()


async def test_help_and_palette_know_today(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = [line.split(maxsplit=1) for line in str(
            app.screen.query_one("#help-keys", Static).render()).splitlines()]
        assert ["2", "Cases"] in keys and ["n", "New case"] in keys
        await pilot.press("escape")
        await to_cases(pilot)
        await pilot.press("ctrl+p")
        await paste(pilot, "Today")
        await until(pilot, lambda: palette_offers(app, "Today"))
        await pilot.press("enter")
        await today_shown(pilot)


async def test_a_database_with_nothing_due_says_so(db_path: Path) -> None:
    db = Database.open(db_path, create=True)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        assert "No cases yet. Press n to record the first one." in counts_text(screen)
        assert screen.query_one(TodayList).highlighted is None
        await pilot.press("enter")  # nothing to open: nothing happens
        await pilot.pause()
        assert app.screen is screen
    db.save_case(build(Case, {"title": "Quiet case", "destination_country": "KH"}))
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        text = " ".join(counts_text(screen).split())
        assert text.startswith("Nothing to chase today")
        assert "Awaiting reply: none" in screen_text(app)
    db.close()


async def test_keys_typed_while_loading_work_on_today(db_path: Path) -> None:
    from store.exchange.demo import write_demo

    write_demo(db_path).close()
    app = PulangApp(db_path)  # opened by the app itself, after its first frame
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("n")  # perhaps before the data is there: kept until it is
        await until(pilot, lambda: isinstance(app.screen, CaseForm))
        await pilot.press("escape")
        await today_shown(pilot)
    if app.db is not None:
        app.db.close()


async def test_no_color_shows_the_cursor_and_the_overdue_mark(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        assert app.no_color
        listing = app.screen.query_one(TodayList)

        def shown(y: int) -> list[tuple[str, object]]:
            """Line y of the list as it goes to the terminal: text and style of each part."""
            segments = list(listing.render_line(y))
            for line_filter in app.get_line_filters():
                segments = line_filter.apply(segments, app.screen.background_colors[1])
            for segment in segments:  # the terminal's own colours, never black on black
                assert segment.style.color is None or segment.style.color.is_default
            return [(s.text, s.style) for s in segments]

        # The signs of re-recruitment come first (the cursor starts on them); then the week's
        # part, its title a line above its first overdue line, one line an option.
        first = next(i for i in range(listing.option_count)
                     if "! overdue" in str(listing.get_option_at_index(i).prompt))
        while listing.highlighted != first:
            await pilot.press("down")
        await pilot.pause()
        cursor, other_overdue = shown(first), shown(first + 1)
        assert "! overdue" in cursor[0][0] and "! overdue" in other_overdue[0][0]
        assert all(style.reverse for text, style in cursor if text.strip())
        mark, *rest = [(text, style) for text, style in other_overdue if text.strip()]
        assert mark[1].reverse and mark[1].bold
        assert not any(style.reverse for _text, style in rest)


async def test_in_indonesian_the_marks_are_whole_at_80_columns(demo_db: Database) -> None:
    from store.common.i18n import set_language

    set_language("id")  # the fixture sets English back afterwards
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        text = screen_text(app)
        overdue_line = next(line for line in text.splitlines() if "Telegram" in line)
        assert overdue_line.startswith("! lewat tenggat ")
        # Below the first screen since the demo's family inquiry is listed: the row itself.
        listing = app.screen.query_one(TodayList)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any(row.rstrip().endswith("belum diskrining, tanpa persetujuan") for row in rows)


async def test_a_long_section_lists_its_first_rows_and_counts_the_rest(db_path: Path) -> None:
    """Hundreds of next steps due: the header counts them all, the list shows the first 60
    (drawing more would stall the screen: each line is laid out as it is added) and says how
    many more there are."""
    db = Database.open(db_path, create=True)
    today = dt.date.today()
    with db.transaction():
        case = db.save_case(build(Case, {"title": "Busy", "destination_country": "KH"}))
        for n in range(230):
            db.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": f"Call {n}",
                                               "next_step": f"Call back {n}",
                                               "due_date": today}))
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen)
                    and app.screen.view is not None)
        listing = app.screen.query_one(TodayList)
        texts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert "230 due this week" in screen_text(app)
        assert sum("Call back" in t for t in texts) == 60
        assert any("… and 170 more" in t for t in texts)


# -- coming up: what is due after the week, within PULANG_TODAY_DAYS (30 by default) -----


def due_in(db: Database, days: dict[str, int]) -> dict[str, str]:
    """A case with a next step, a step deadline and a meeting's task due in each number of
    days given (by name); their ids by name."""
    today = dt.date.today()
    case = db.save_case(build(Case, {"title": "Coming up", "destination_country": "KH"}))
    worker = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Dewi Lestari",
                                           "nationality": "ID"}))
    db.start_plans(case.id)
    meeting = db.save_meeting(build(Meeting, {"at": "12/12/2025 10:00",
                                              "title": "Working visit to LFTU"}))
    ids = {}
    steps = iter(["rescue", "shelter", "registration", "health", "travel_document",
                  "immigration", "flight", "handover"])
    for name, ahead in days.items():
        due = today + dt.timedelta(days=ahead)
        if name.startswith("step"):
            key = next(steps)
            db.set_step(case.id, [worker.id], key, StepStatus.TODO, deadline=due)
            ids[name] = f"{worker.id}:{key}"
        elif name.startswith("task"):
            ids[name] = db.save_task(build(Task, {"text": f"Task {name}", "due": due,
                                                  "meeting_id": meeting.id})).id
        else:
            ids[name] = db.save_log_entry(build(LogEntry, {
                "case_id": case.id, "summary": "Asked", "next_step": f"Next {name}",
                "due_date": due})).id
    return ids


def key_of(item: object) -> str:
    if isinstance(item, FollowUp):
        return item.entry_id
    if isinstance(item, Deadline):
        return f"{item.worker_id}:{item.step}"
    assert isinstance(item, TaskDue)
    return item.task_id


def test_coming_up_holds_every_kind_due_after_the_week_and_within_30_days(
        empty_db: Database) -> None:
    ids = due_in(empty_db, {"next_week": 7, "task_week": 7, "step_week": 7,
                            "next_later": 20, "task_14": 14, "step_10": 10,
                            "next_30": 30, "task_31": 31, "step_45": 45})
    view = empty_db.today()
    assert view.days == 30 and view.warnings == []
    # Within the week, each stays in its own part.
    assert [f.entry_id for f in view.follow_ups] == [ids["next_week"]]
    assert [key_of(d) for d in view.deadlines] == [ids["step_week"]]
    assert [t.task_id for t in view.tasks] == [ids["task_week"]]
    # After it: coming up, soonest first, whatever their kind; after the 30 days, nowhere.
    assert [(c.due - view.day).days for c in view.coming_up] == [10, 14, 20, 30]
    assert [key_of(c.item) for c in view.coming_up] == [
        ids["step_10"], ids["task_14"], ids["next_later"], ids["next_30"]]
    assert view.overdue == 0


def test_the_window_comes_from_pulang_today_days_and_a_bad_value_says_so(
        empty_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    due_in(empty_db, {"task_14": 14, "next_40": 40})
    monkeypatch.setenv("PULANG_TODAY_DAYS", "10")
    assert empty_db.today().coming_up == []
    monkeypatch.setenv("PULANG_TODAY_DAYS", "45")
    assert len(empty_db.today().coming_up) == 2
    for bad in ("a month", "-5", "1.5", "100000"):
        monkeypatch.setenv("PULANG_TODAY_DAYS", bad)
        view = empty_db.today()
        assert view.days == 30 and len(view.coming_up) == 1, bad
        assert view.warnings == ["PULANG_TODAY_DAYS must be a whole number of days from 0 to "
                                 "366; using 30."]
    monkeypatch.setenv("PULANG_TODAY_DAYS", "0")  # nothing beyond the week
    assert empty_db.today().coming_up == [] and empty_db.today().warnings == []
    monkeypatch.setenv("PULANG_REPLY_DAYS", "three")  # that setting says so too now
    view = empty_db.today()
    assert view.reply_days == 3
    assert view.warnings == ["PULANG_REPLY_DAYS must be a whole number of days from 0 to "
                             "366; using 3."]


async def test_a_meeting_task_due_in_14_days_is_on_today_and_enter_opens_it(
        empty_db: Database) -> None:
    from tui.screens.meetings import MeetingScreen

    ids = due_in(empty_db, {"task_14": 14})
    task = empty_db.get(Task, ids["task_14"])
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        text = screen_text(app)
        assert "Coming up within 30 days (1)" in text
        line = next(s for s in text.splitlines() if "Task task_14" in s)
        assert line.startswith("in 14 days") and format_date(task.due) in line
        assert "meeting" in line and "nobody yet" in line
        assert "1 coming up" in " ".join(counts_text(screen).split())
        await cursor_to(pilot, f"t:{task.id}")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert app.screen.meeting_id == task.meeting_id


async def test_a_long_coming_up_is_folded_and_plus_or_enter_shows_it_all(
        empty_db: Database) -> None:
    ids = due_in(empty_db, {f"next_{n}": 8 + n for n in range(9)})
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        text = screen_text(app)
        assert "Coming up within 30 days (9)" in text
        assert [f"Next next_{n}" in text for n in range(9)] == [True] * 5 + [False] * 4
        assert "4 more: + or Enter shows them all" in text
        # Reached with the keys: down to that line, Enter.
        await cursor_to(pilot, "coming:more")
        await pilot.press("enter")
        await pilot.pause()
        listing = screen.query_one(TodayList)
        assert listing.get_option_at_index(listing.highlighted).id == ids["next_5"].join(
            ["f:", ""]), "on the first line that was folded"
        text = screen_text(app)
        assert all(f"Next next_{n}" in text for n in range(9))
        assert "+ or Enter shows only the first 5" in text
        await pilot.press("plus")  # folds them again
        await pilot.pause()
        assert "Next next_8" not in screen_text(app)
        assert listing.get_option_at_index(listing.highlighted).id == "coming:more"
        await pilot.press("plus")
        await pilot.pause()
        assert "Next next_8" in screen_text(app)
        await pilot.press("f1")
        await pilot.pause()
        assert "Show all coming up, or fewer" in str(
            app.screen.query_one("#help-keys", Static).render())
        assert "PULANG_TODAY_DAYS" in str(app.screen.query_one("#help-text", Static).render())


async def test_a_bad_pulang_today_days_is_told_on_today(
        empty_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PULANG_TODAY_DAYS", "soon")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await today_shown(pilot)
        await pilot.pause()
        toast = " ".join(line.split("▌", 1)[1].strip()
                         for line in screen_text(app).splitlines() if "▌" in line)
        assert ("PULANG_TODAY_DAYS must be a whole number of days from 0 to 366; using 30."
                in " ".join(toast.split()))
