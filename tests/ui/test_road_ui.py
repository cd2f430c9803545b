"""The road home in the app: the case's grid, a step set for several workers at once."""

from __future__ import annotations

import datetime as dt

from store.db.database import Database
from store.domain.vocab import StepStatus, label
from tests.ui_helpers import group_case, open_case, paste, screen_text, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.step import StepDialog


async def test_start_the_road_home_and_mark_a_step_for_seven_of_ten(empty_db: Database) -> None:
    db = empty_db
    case, workers = group_case(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case.id)
        await pilot.press("p")  # start the road home: asks first
        await pilot.press("y")
        await until(pilot, lambda: len(db.plans_of(case.id)) == 10 and screen.grid_template)
        await until(pilot, lambda: "4/10" not in screen_text(app) and "13" in screen_text(app))
        text = screen_text(app)
        assert "0/10 home" in text and "Worker 01" in text
        # Registration first, for everyone: * selects all; from the name, six steps right
        # past consent and screening to step 4.
        assert screen.query_one("#workers").cursor_coordinate.column == 1
        await pilot.press("asterisk", *["right"] * 6)
        assert screen._cursor_step() == "registration"  # noqa: SLF001
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        assert "and 6 more" in screen_text(app)
        await pilot.press("3", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: all(p.statuses["registration"] is StepStatus.DONE
                                       for p in db.plans_of(case.id).values()))
        # The selection stays for the next step, and says so; Escape clears it (the case
        # stays open).
        assert len(screen.selected) == 10
        assert "10 selected · Esc unselects" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: not screen.selected)
        assert app.screen is screen
        # Seven of ten get their SPLP: select them with Space, two steps right, Enter.
        table = screen.query_one("#workers")
        assert table.cursor_coordinate.column == 7  # still on registration
        table.move_cursor(row=0)
        await pilot.press(*["space"] * 7, "right", "right")
        assert screen._cursor_step() == "travel_document"  # noqa: SLF001
        assert len(screen.selected) == 7
        assert table.cursor_row == 7  # each Space moved down to the next worker
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        # To do for all seven: the dialog opens on in progress, the status that comes next.
        assert app.screen.status is StepStatus.IN_PROGRESS
        assert "Now: 7 to do" in screen_text(app)
        await pilot.press("3", "tab")
        await paste(pilot, "KBRI Phnom Penh")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: sum(p.statuses["travel_document"] is StepStatus.DONE
                                       for p in db.plans_of(case.id).values()) == 7)
        plans = db.plans_of(case.id)
        done = sorted(w.full_name for w in workers
                      if plans[w.id].statuses["travel_document"] is StepStatus.DONE)
        assert done == [f"Worker {n:02d}" for n in range(1, 8)]
        assert {plans[w.id].state("travel_document").org for w in workers[:7]} == \
            {"KBRI Phnom Penh"}
        assert plans[workers[0].id].state("travel_document").done_on == dt.date.today()
        assert len(screen.selected) == 7
        await pilot.press("escape")  # the selection first, then back
        await until(pilot, lambda: not screen.selected)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen))


async def test_a_step_before_its_dependencies_asks_why_and_keeps_the_input(empty_db: Database) -> None:
    db = empty_db
    case, workers = group_case(db, workers=2)
    db.start_plans(case.id)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case.id)
        screen.move_to({"worker": workers[0].id, "step": "flight"})
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        await pilot.press("3", "tab")
        await paste(pilot, "Garuda")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "cannot be done before" in screen_text(app))
        dialog = app.screen
        assert isinstance(dialog, StepDialog)
        assert dialog.query_one("#s-org").value == "Garuda"  # kept
        assert db.plan_of(workers[0].id).statuses["flight"] is StepStatus.TODO
        await paste(pilot, "deported straight from detention")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        plan = db.plan_of(workers[0].id)
        assert plan.statuses["flight"] is StepStatus.DONE
        assert plan.reasons["flight"] == "deported straight from detention"
        await until(pilot, lambda: "out of order: deported" in screen_text(app))


async def test_the_step_opens_on_the_next_status_and_a_save_that_changes_nothing_says_so(empty_db: Database) -> None:
    db = empty_db
    case, workers = group_case(db, workers=2)
    db.start_plans(case.id)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case.id)
        screen.move_to({"worker": workers[0].id, "step": "registration"})
        await pilot.pause()
        # One worker, as for several: to do opens on in progress, in progress on done, so
        # Enter then Ctrl+S moves the step one forward.
        for now, then in ((StepStatus.TODO, StepStatus.IN_PROGRESS),
                          (StepStatus.IN_PROGRESS, StepStatus.DONE)):
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, StepDialog))
            assert app.screen.status is then
            assert f"Now: {label(now)}" in screen_text(app)
            await pilot.press("ctrl+s")
            await until(pilot, lambda: isinstance(app.screen, CaseScreen))
            await until(pilot, lambda: db.plan_of(workers[0].id).statuses["registration"]
                        is then)
        # Done is as far as it goes: saving it again changes nothing, and says so.
        version = db.plan_of(workers[0].id).version
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        assert app.screen.status is StepStatus.DONE
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Nothing changed" in screen_text(app))
        assert isinstance(app.screen, StepDialog)  # still open, to choose another status
        assert db.plan_of(workers[0].id).version == version  # nothing written
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        # The F1 help says what Space does and how long a selection lasts.
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        help_text = " ".join(str(app.screen.query_one("#help-text").render()).split())
        assert "and moves down to the next" in help_text
        assert "until Escape clears it" in help_text
        assert "the status that comes next" in help_text


async def test_a_refusal_for_five_workers_names_all_five(empty_db: Database) -> None:
    db = empty_db
    case, workers = group_case(db, workers=5)
    db.start_plans(case.id)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case.id)
        screen.move_to({"worker": workers[0].id, "step": "flight"})
        await pilot.pause()
        await pilot.press("asterisk", "m")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        await pilot.press("3", "ctrl+s")
        await until(pilot, lambda: "cannot be done before" in screen_text(app))
        error = " ".join(str(app.screen.query_one("#step-error").render()).split())
        assert error.startswith("5 workers: Flight home cannot be done before")
        for worker in workers:
            assert worker.full_name in error
        # On screen at 80x24: the fifth is named nowhere else (the dialog's top line names
        # four "and 1 more").
        assert "Worker 05" in screen_text(app)


async def test_a_group_save_keeps_each_worker_s_own_deadline_and_note(empty_db: Database) -> None:
    db = empty_db
    case, workers = group_case(db, workers=2)
    db.start_plans(case.id)
    first, second = dt.date(2027, 1, 10), dt.date(2027, 2, 20)
    db.set_step(case.id, [workers[0].id], "health", StepStatus.IN_PROGRESS, deadline=first,
                note="clinic in Sihanoukville")
    db.set_step(case.id, [workers[1].id], "health", StepStatus.IN_PROGRESS, deadline=second,
                note="needs a counsellor")
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case.id)
        screen.move_to({"worker": workers[0].id, "step": "health"})
        await pilot.pause()
        await pilot.press("asterisk", "m")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        dialog = app.screen
        # They differ: the fields are empty (not the first worker's, offered for both).
        assert dialog.query_one("#s-deadline").value == ""
        assert dialog.query_one("#s-note").value == ""
        assert "differs" in screen_text(app)
        await pilot.press("ctrl+s")  # in progress -> done, nothing else typed
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: all(p.statuses["health"] is StepStatus.DONE
                                       for p in db.plans_of(case.id).values()))
        plans = db.plans_of(case.id)
        assert plans[workers[0].id].state("health").deadline == first
        assert plans[workers[1].id].state("health").deadline == second
        assert plans[workers[0].id].notes["health"] == "clinic in Sihanoukville"
        assert plans[workers[1].id].notes["health"] == "needs a counsellor"
