"""The road home in the app: the case's grid, a step set for several workers at once."""

from __future__ import annotations

import datetime as dt

from store.database import Database
from store.records import Case, Worker, build
from store.vocab import StepStatus
from tests.ui_helpers import screen_text, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.step import StepDialog


def group_case(db: Database, workers: int = 10) -> tuple[Case, list[Worker]]:
    case = db.save_case(build(Case, {"title": "Ten workers", "destination_country": "KH",
                                     "kind": "group", "date_reported": "12/12/2025",
                                     "stage": "in_shelter"}))
    people = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": f"Worker {n:02d}",
                                            "nationality": "ID"}))
              for n in range(1, workers + 1)]
    return case, people


async def open_case(pilot, app: PulangApp, case_id: str) -> CaseScreen:  # type: ignore[no-untyped-def]
    await until(pilot, lambda: app.db is not None)
    app.open_case(case_id)
    await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case is not None)
    return app.screen  # type: ignore[return-value]


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
        # Seven of ten get their SPLP: select them with Space, two steps right, Enter.
        table = screen.query_one("#workers")
        assert table.cursor_coordinate.column == 7  # still on registration
        table.move_cursor(row=0)
        await pilot.press(*["space"] * 7, "right", "right")
        assert screen._cursor_step() == "travel_document"  # noqa: SLF001
        assert len(screen.selected) == 7
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        await pilot.press("tab", *"KBRI Phnom Penh", "ctrl+s")
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
        assert screen.selected == set()


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
        await pilot.press("3", "tab", *"Garuda", "ctrl+s")
        await until(pilot, lambda: "cannot be done before" in screen_text(app))
        dialog = app.screen
        assert isinstance(dialog, StepDialog)
        assert dialog.query_one("#s-org").value == "Garuda"  # kept
        assert db.plan_of(workers[0].id).statuses["flight"] is StepStatus.TODO
        await pilot.press(*"deported straight from detention", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        plan = db.plan_of(workers[0].id)
        assert plan.statuses["flight"] is StepStatus.DONE
        assert plan.reasons["flight"] == "deported straight from detention"
        await until(pilot, lambda: "out of order: deported" in screen_text(app))
