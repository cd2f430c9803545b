"""Today's hearings and legal deadlines (issue 34): the real app on the demo database, driven by
keys. The demo's Rizky has a hearing in 3 days, Fajar an appeal due in 25 (coming up)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from store.common.i18n import format_date, set_language
from store.db.database import Database
from store.domain.legal_codes import LegalKind, LegalStage
from store.domain.records import LegalMatter, build
from store.domain.today import Hearing
from tests.ui.test_today import counts_text, cursor_to
from tests.ui_helpers import screen_text, today_shown, until
from tui.app import PulangApp
from tui.dialogs.help import HelpScreen
from tui.screens.after.page import WorkerAfterScreen
from tui.screens.case import CaseScreen
from tui.screens.today import TodayList


def demo_hearings(db: Database) -> tuple[Hearing, Hearing]:
    """Rizky's hearing (this week) and Fajar's appeal (coming up)."""
    view = db.today()
    (rizky,) = view.hearings
    (fajar,) = [c.item for c in view.coming_up if isinstance(c.item, Hearing)]
    return rizky, fajar


def lines_of(app: PulangApp, key: str) -> list[str]:
    """The terminal's lines of the list's line `key` (a hearing can take two)."""
    listing = app.screen.query_one(TodayList)
    prompt = str(listing.get_option(key).prompt)
    return [" ".join(part.split()) for part in prompt.splitlines()]


def test_the_demo_has_a_hearing_this_week_and_an_appeal_coming_up(demo_db: Database) -> None:
    rizky, fajar = demo_hearings(demo_db)
    day = demo_db.today().day
    assert rizky.worker.startswith("Rizky") and rizky.due == day + dt.timedelta(days=3)
    assert rizky.kind == LegalKind.CHARGE and rizky.what.startswith("Hearing at the Phnom")
    assert fajar.worker.startswith("Muhammad Fajar") and fajar.due == day + dt.timedelta(days=25)


async def test_today_shows_the_hearings_part_and_the_appeal_coming_up(
        demo_db: Database) -> None:
    rizky, fajar = demo_hearings(demo_db)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        await cursor_to(pilot, f"h:{rizky.matter_id}")
        await pilot.pause()
        text = screen_text(app)
        assert "Hearings and legal deadlines (1)" in text
        first, second = lines_of(app, f"h:{rizky.matter_id}")
        assert first == f"{format_date(rizky.due)} KH-2025-0001 {rizky.worker}"
        # At 80 columns the kind and what is due go below, under the date.
        assert second.startswith("charge against the worker · Hearing at the Phnom Penh")
        assert "charge against the worker · Hearing at the Phnom Penh" in text
        # Coming up: the same way, "in 25 days" where the mark goes.
        first, second = lines_of(app, f"h:{fajar.matter_id}")
        assert first == f"in 25 days {format_date(fajar.due)} KH-2025-0001 {fajar.worker}"
        assert second == "deportation or blacklisting · Appeal of the five-year entry ban due"
        assert "1 hearing ·" in counts_text(screen)


async def test_a_wide_terminal_holds_a_hearing_on_one_line(demo_db: Database) -> None:
    rizky, _fajar = demo_hearings(demo_db)
    app = PulangApp(demo_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await today_shown(pilot)
        (line,) = lines_of(app, f"h:{rizky.matter_id}")
        assert line.endswith(f"KH-2025-0001 {rizky.worker} · charge against the worker · "
                             f"{rizky.what}")


async def test_an_overdue_hearing_is_marked_first_and_counted(demo_db: Database) -> None:
    rizky, _fajar = demo_hearings(demo_db)
    passed = demo_db.save_legal(build(LegalMatter, {
        "case_id": rizky.case_id, "worker_id": rizky.worker_id,
        "kind": LegalKind.IMMIGRATION_FINE, "stage": LegalStage.IMPOSED,
        "next_date": demo_db.today().day - dt.timedelta(days=2),
        "next_what": "Overstay fine to be paid"}))
    view = demo_db.today()
    assert [h.matter_id for h in view.hearings] == [passed.id, rizky.matter_id]
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        await cursor_to(pilot, f"h:{passed.id}")
        first, second = lines_of(app, f"h:{passed.id}")
        assert first.startswith("! overdue ")
        # The worker and the kind fit on the line: only what is due goes below.
        assert first.endswith(f"KH-2025-0001 {rizky.worker} · immigration fine")
        assert second == "Overstay fine to be paid"
        assert "Hearings and legal deadlines (2)" in screen_text(app)
        counts = " ".join(counts_text(screen).split())
        # After the demo's worker with signs of re-recruitment, counted first.
        assert f" · {view.overdue} overdue · " in counts and "2 hearings ·" in counts


async def test_enter_on_a_hearing_opens_the_workers_legal_page_over_their_case(
        demo_db: Database) -> None:
    rizky, fajar = demo_hearings(demo_db)
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        for hearing in (rizky, fajar):
            await cursor_to(pilot, f"h:{hearing.matter_id}")
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, WorkerAfterScreen))
            page = app.screen
            assert (page.case_id, page.worker_id) == (hearing.case_id, hearing.worker_id)
            await pilot.pause()
            # On the hearing's matter, what is due said whole under the tables.
            assert page.query_one("#legal").current_key == hearing.matter_id
            assert hearing.what in " ".join(screen_text(app).split())
            # Escape comes back through the case, on the worker, then to Today.
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, CaseScreen))
            await pilot.pause()
            case = app.screen
            assert case.case_id == hearing.case_id
            assert case.focus_on == {"worker": hearing.worker_id}
            workers = case.query_one("#workers")
            assert workers.current_key == hearing.worker_id and app.focused is workers
            await pilot.press("escape")
            await today_shown(pilot)


async def test_f1_names_the_hearings_the_inquiries_and_i(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        text = " ".join(text.split())
        assert "hearings and legal deadlines of workers' legal matters" in text
        assert "family inquiries that may have found a worker, to confirm" in text
        assert "i takes in a list of people released or found" in text
        keys = [line.split(maxsplit=1) for line in str(
            app.screen.query_one("#help-keys", Static).render()).splitlines()]
        assert ["i", "Intake"] in keys


async def test_in_indonesian_the_hearings_part_is_translated(demo_db: Database) -> None:
    rizky, _fajar = demo_hearings(demo_db)
    set_language("id")  # isolated_environment sets English back afterwards
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await today_shown(pilot)
        await until(pilot, lambda: screen.waiting)
        await pilot.pause()
        text = screen_text(app)
        assert "Hearings and legal deadlines" not in text
        assert "Sidang dan tenggat hukum (1)" in text
        assert "1 sidang ·" in counts_text(screen)
        assert "1 permintaan keluarga" in counts_text(screen)
        assert "tuduhan terhadap pekerja" in lines_of(app, f"h:{rizky.matter_id}")[1]
