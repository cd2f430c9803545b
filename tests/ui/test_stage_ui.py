"""A case's stage on its page follows the road home, or says why not: at 80×24, by keys."""

from __future__ import annotations

import re

from store.common.i18n import format_date
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.domain.vocab import Stage, StepStatus
from tests.ui_helpers import open_case, screen_text, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.case import CaseScreen
from tui.screens.case.step import StepDialog


def held(db: Database) -> tuple[Case, list[Worker]]:
    """Three workers held in a compound, their road home started."""
    case = db.save_case(build(Case, {"title": "Three held in a compound", "kind": "group",
                                     "destination_country": "MM", "stage": "awaiting_rescue"}))
    workers = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": f"Worker {n}",
                                             "nationality": "ID"})) for n in range(1, 4)]
    db.start_plans(case.id)
    return case, workers


def facts(app: PulangApp) -> list[str]:
    return str(app.screen.query_one("#facts").render()).splitlines()


async def test_marking_everyone_rescued_moves_the_stage_on(empty_db: Database) -> None:
    db = empty_db
    case, workers = held(db)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case.id)
        assert "stage: awaiting rescue · 0/3 home" in facts(app)[0]
        screen.move_to({"worker": workers[0].id, "step": "rescue"})
        await pilot.press("asterisk", "m")  # every worker, this step
        await until(pilot, lambda: isinstance(app.screen, StepDialog))
        await pilot.press("3", "ctrl+s")  # done
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: "stage: in shelter · 0/3 home" in facts(app)[0])
        assert "stage: in shelter" in screen_text(app)
    assert db.get(Case, case.id).stage is Stage.IN_SHELTER


async def test_a_stage_set_by_hand_says_when_and_why_and_f_follows_the_steps(
        empty_db: Database) -> None:
    db = empty_db
    case, workers = held(db)
    ids = [w.id for w in workers]
    db.save_case(db.get(Case, case.id).model_copy(update={"stage": Stage.DOCUMENTS}),
                 stage_reason="the embassy has their SPLP under way")
    for key in ("rescue", "shelter", "registration", "health", "travel_document"):
        db.set_step(case.id, ids, key, StepStatus.DONE)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case.id)
        lines = facts(app)
        assert "stage: documents (set by hand)" in lines[0]
        text = screen_text(app)
        set_on = format_date(db.log_of(case.id)[0].at.astimezone().date())
        assert (f"Stage set by hand on {set_on}: the embassy has their SPLP under way"
                in text)
        assert "The workers' steps give “immigration clearance”: f follows them." in text
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "stage: immigration clearance · 0/3 home" in facts(app)[0])
        text = screen_text(app)
        assert "set by hand" not in facts(app)[0] and "f follows them" not in text
        assert re.search(r"note +Stage follows", text)  # the log's newest entry
        await pilot.press("f")  # nothing more to follow: it says so
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    saved = db.get(Case, case.id)
    assert saved.stage is Stage.IMMIGRATION_CLEARANCE and not saved.stage_override
