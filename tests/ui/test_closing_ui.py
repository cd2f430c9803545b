"""Closing and reopening on the case page, at 80×24, by keys: the case (Shift+C, and the stage
"closed" in the case form) with a reason from the union's list and a note; a worker
(Shift+K);
the facts, the workers and the cases list say closed and why; F1 and the palette name it.
(k moves up in a table: a worker's closing is Shift+K.)"""

from __future__ import annotations

from store.db.database import Database
from store.domain.records import Case, Worker
from store.domain.rules.closing import is_closed
from store.domain.vocab import Stage
from tests.ui_helpers import (
    a_case,
    choose,
    open_case,
    palette_offers,
    paste,
    screen_text,
    to_cases,
    until,
)
from tui.app import PulangApp
from tui.dialogs.closing import NoteDialog
from tui.dialogs.help import HelpScreen
from tui.dialogs.picker import PickerDialog
from tui.dialogs.reason import ReasonDialog
from tui.screens.case import CaseScreen
from tui.screens.case.case_form import CaseForm


def facts(screen: CaseScreen) -> str:
    return str(screen.query_one("#facts").render())


async def pick(pilot, app: PulangApp, label: str) -> None:  # type: ignore[no-untyped-def]
    """Down the picker's list to `label`, Enter."""
    await until(pilot, lambda: isinstance(app.screen, PickerDialog))
    labels = [item.label for item in app.screen.items]
    await pilot.press("home", *(["down"] * labels.index(label)), "enter")


async def test_shift_c_closes_the_case_with_a_reason_and_a_note_then_reopens_it(
        empty_db: Database) -> None:
    case, _workers = a_case(empty_db, "Siti Aminah")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        await pilot.press("C")
        await pick(pilot, app, "Duplicate case")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press(*"Same as KH-2026-0003", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "Closed" in facts(screen))
        assert "Duplicate case · Same as KH-2026-0003" in facts(screen)
        assert "stage: closed" in facts(screen)
        assert "Case closed: Duplicate case." in screen_text(app)  # the log
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await pilot.press(*"Not the same after all", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "Reopened" in facts(screen))
        assert "Not the same after all (closed" in facts(screen)
    stored = empty_db.get(Case, case.id)
    assert not is_closed(stored) and stored.closed_note == "Same as KH-2026-0003"


async def test_escape_at_the_note_closes_nothing(empty_db: Database) -> None:
    case, _workers = a_case(empty_db, "Siti Aminah")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("C")
        await pick(pilot, app, "Lost contact")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    assert empty_db.get(Case, case.id).closings == []


async def test_the_stage_closed_in_the_form_asks_the_reason(empty_db: Database) -> None:
    case, _workers = a_case(empty_db, "Siti Aminah")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, CaseForm))
        await choose(pilot, "stage", "closed")
        await pilot.press("ctrl+s")
        await pick(pilot, app, "Referred to another organisation")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press("enter")  # no note
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "Closed" in facts(screen))
    stored = empty_db.get(Case, case.id)
    assert stored.stage is Stage.CLOSED and stored.closed_reason == "referred"


async def test_shift_k_closes_the_worker_under_the_cursor_and_the_lists_say_closed(
        empty_db: Database) -> None:
    case, (siti, ayu) = a_case(empty_db, "Siti Aminah", "Ayu Lestari")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        screen.move_to({"worker": ayu.id})
        await pilot.press("K")
        await pick(pilot, app, "Lost contact")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press(*"Phone off", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "(closed) Ayu Lestari" in screen_text(app))
        screen.move_to({"worker": ayu.id})
        await until(pilot, lambda: "Lost contact" in str(
            screen.query_one("#worker-detail").render()))
        await pilot.press("K")  # again: reopens
        await until(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await pilot.press(*"She called", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "(closed)" not in screen_text(app))
    assert not is_closed(empty_db.get(Worker, ayu.id))
    assert not is_closed(empty_db.get(Worker, siti.id))


async def test_the_cases_list_shows_closed_and_why(empty_db: Database) -> None:
    case, _workers = a_case(empty_db, "Siti Aminah")
    empty_db.close_case(case.id, "not_trafficking")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_cases(pilot)  # at 80 columns the reason is cut to the stage's width
        await until(pilot, lambda: "closed: No…" in screen_text(app))
    app = PulangApp(empty_db)
    async with app.run_test(size=(120, 24)) as pilot:
        await to_cases(pilot)
        await until(pilot, lambda: "closed: Not a trafficking" in screen_text(app))


async def test_f1_and_the_palette_name_closing(empty_db: Database) -> None:
    case, _workers = a_case(empty_db, "Siti Aminah")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "Shift+C closes the case" in app.screen.query_one("#help-text").render().plain
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.press("ctrl+p")
        await paste(pilot, "reopen the worker")
        await until(pilot, lambda: palette_offers(app, "Close or reopen the worker under"))


async def test_a_case_with_open_steps_is_closed_only_as_a_referral(demo_db: Database) -> None:
    """Open steps hold the case open, but a referral carries them on elsewhere: Shift+C says
    which workers hold it and offers the referral reasons only (a review found it refused at
    once, though F1 and the README say a referral closes it)."""
    case = demo_db.case_by_ref("KH-2026-0001")
    assert case is not None
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, app, case)
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        assert [item.label for item in app.screen.items] == ["Referred to another organisation"]
        assert "only a referral" in screen_text(app)
        await pick(pilot, app, "Referred to another organisation")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press(*"To LFTU", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "Closed" in facts(screen))
        assert is_closed(demo_db.get(Case, case.id))


async def test_j_and_k_move_in_the_list_of_reasons(empty_db: Database) -> None:
    """As in every other list (a review found only the arrows moved here)."""
    case, _workers = a_case(empty_db, "Siti Aminah")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, PickerDialog))
        codes = [item.id for item in app.screen.items]
        await pilot.press("home", "j", "j", "k", "enter")
        await until(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press("enter")
        await until(pilot, lambda: empty_db.get(Case, case.id).closed_reason is not None)
        assert empty_db.get(Case, case.id).closed_reason == codes[1]
