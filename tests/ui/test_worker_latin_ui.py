"""A worker's name typed in Lao, Thai, Khmer or Burmese script: the form offers its Latin
spellings under the name, and F3 adds the first to the other spellings, where search finds it."""

from __future__ import annotations

from textual.widgets import Input, Static

from store.db.database import Database
from store.domain import latin_spellings
from store.domain.records import Case, build
from tests.ui_helpers import fill, open_case, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.worker_form import WorkerForm

LAO = "ສົມຊາຍ ພົມມະຈັນ"
KHMER = "សុខ ចាន់ដារ៉ា"


def a_case(db: Database) -> str:
    return db.save_case(build(Case, {"title": "Workers held near Mae Sot", "kind": "group",
                                     "destination_country": "TH"})).id


async def new_worker(pilot, app: PulangApp, case_id: str) -> WorkerForm:  # type: ignore[no-untyped-def]
    """The form for a new worker of the case, as an officer opens it (a on the case page)."""
    await open_case(pilot, app, case_id)
    await pilot.press("a")
    await until(pilot, lambda: isinstance(app.screen, WorkerForm))
    assert isinstance(app.screen, WorkerForm)
    return app.screen


async def test_a_name_in_lao_script_is_offered_in_latin_letters(
        empty_db: Database) -> None:
    case_id = a_case(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_worker(pilot, app, case_id)
        hint = form.query_one("#h-full_name", Static)
        await fill(pilot, "full_name", "Budi Santoso")
        assert not hint.display  # a Latin name: nothing to offer
        await fill(pilot, "full_name", LAO)
        offered = latin_spellings(LAO)[:3]
        assert offered and hint.display
        assert all(spelling in str(hint.render()) for spelling in offered)
        await pilot.press("f3")
        assert form.query_one("#f-other_spellings", Input).value == offered[0]
        assert offered[0] not in str(hint.render())  # once added, no longer offered
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    (worker,) = empty_db.workers_of(case_id)
    assert worker.full_name == LAO and worker.other_spellings == [offered[0]]


async def test_f3_on_a_latin_name_says_there_is_nothing_to_add(
        empty_db: Database) -> None:
    case_id = a_case(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_worker(pilot, app, case_id)
        await fill(pilot, "full_name", "Budi Santoso")
        await pilot.press("f3")
        await pilot.pause()
        assert form.query_one("#f-other_spellings", Input).value == ""
        assert any("no Latin spelling" in str(n.message) for n in app._notifications)


def test_khmer_and_lao_names_have_latin_spellings() -> None:
    assert latin_spellings(KHMER) and latin_spellings(LAO)
