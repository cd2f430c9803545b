"""Keeping a closed case no longer than needed, in the app: Today's "To be anonymised" (the
demo's fishing case, due within the month), the case page's word on it, F1, and the cases due
anonymised when the app opens the database, with a notice."""

from __future__ import annotations

from store.common.i18n import format_date
from store.db.database import ERASED_NAME, Database
from store.domain.records import Case, LegalMatter, Worker, build
from store.domain.rules.keeping import add_months
from tests.ui.test_today import cursor_to
from tests.ui_helpers import notes, screen_text, today_shown, until
from tui.app import PulangApp
from tui.dialogs.help import HelpScreen
from tui.screens.case import CaseScreen
from tui.screens.today import TodayList


def demo_keeping(db: Database):  # type: ignore[no-untyped-def]
    (item,) = db.today().keeping
    return item


def closed_long_ago(db: Database, name: str, months: int = 25) -> Case:
    today = db.today().day
    case = db.save_case(build(Case, {"title": "Construction site", "destination_country": "MY",
                                     "date_reported": add_months(today, -months - 1)}))
    db.save_worker(build(Worker, {"case_id": case.id, "full_name": name, "nationality": "ID"}))
    return db.close_case(case.id, "returned_home", on=add_months(today, -months))


async def test_today_warns_of_the_demo_case_and_enter_opens_it(demo_db: Database) -> None:
    item = demo_keeping(demo_db)
    assert item.ref.startswith("MU-") and not item.held
    assert 0 < (item.due - demo_db.today().day).days <= 31
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await cursor_to(pilot, f"k:{item.case_id}")
        await pilot.pause()
        text = screen_text(app)
        assert "To be anonymised (1)" in text
        line = " ".join(str(app.screen.query_one(TodayList).get_option(
            f"k:{item.case_id}").prompt).split())
        days = (item.due - demo_db.today().day).days
        assert line == (f"in {days} days {item.ref} anonymised on {format_date(item.due)}, "
                        "24 months after closing")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "UU 27/2022" in str(app.screen.query_one("#help-text").render())
        await pilot.press("escape")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await pilot.pause()
        facts = str(app.screen.query_one("#facts").render())
        assert f"To be anonymised on {format_date(item.due)}, 24 months after closing" in facts


async def test_a_held_case_says_why(demo_db: Database) -> None:
    case = closed_long_ago(demo_db, "Yanti Susilowati")
    worker = demo_db.workers_of(case.id)[0]
    demo_db.save_legal(build(LegalMatter, {"case_id": case.id, "worker_id": worker.id,
                                           "kind": "detention"}))
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await cursor_to(pilot, f"k:{case.id}")
        line = " ".join(str(app.screen.query_one(TodayList).get_option(
            f"k:{case.id}").prompt).split())
        assert line.endswith(f"{case.ref} held: a legal matter is open")
        assert line.startswith("held ")
        assert "To be anonymised (2)" in screen_text(app)
    assert demo_db.get(Worker, worker.id).full_name == "Yanti Susilowati"  # not anonymised


async def test_opening_the_app_anonymises_the_cases_due_and_says_so(
        demo_db: Database) -> None:
    case = closed_long_ago(demo_db, "Sri Wahyuningsih")
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await today_shown(pilot)
        await until(pilot, lambda: demo_db.get(Case, case.id).anonymised_on is not None)
        await until(pilot, lambda: any("anonymised" in n for n in notes(app)))
        assert ("1 closed case anonymised: kept 24 months after closing."
                in notes(app))
        await until(pilot, lambda: f"k:{case.id}" not in app.screen.targets)
        # The demo's case, due within the month, is warned of, not anonymised.
        assert f"k:{demo_keeping(demo_db).case_id}" in app.screen.targets
        app.open_case(case.id)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await pilot.pause()
        text = screen_text(app)
        assert "Anonymised " in text and "Sri Wahyuningsih" not in text
        assert ERASED_NAME in text
