"""The workers' search in the app at 80x24, through Pilot, on the demo database: the cases filter
finds a name spelt another way and says by which spelling, best first; Ctrl+F finds a worker by
another spelling, by the last digits of a phone, by a passport number, and says which field;
a worker being added who is likely one already saved is shown first."""

from __future__ import annotations

from store.db.database import Database
from store.domain.records import Case, Worker, build
from tests.ui_helpers import (
    fill,
    open_case,
    paste,
    screen_text,
    set_text,
    to_cases,
    until,
)
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.worker_form import WorkerForm
from tui.screens.case.worker_matches import WorkerMatchesDialog
from tui.screens.cases import CasesScreen
from tui.screens.search import SearchScreen
from tui.screens.today import TodayScreen
from tui.widgets import RecordTable
from tui.widgets.caselist import CaseList

SEED_REF = "KH-2025-0001"


async def _filter(pilot, text: str) -> CasesScreen:  # type: ignore[no-untyped-def]
    app = pilot.app
    await until(pilot, lambda: app.db is not None and isinstance(app.screen, TodayScreen))
    await to_cases(pilot)
    screen = app.screen
    assert isinstance(screen, CasesScreen)
    await pilot.press("slash")
    await until(pilot, lambda: app.focused is not None and app.focused.id == "filter")
    await paste(pilot, text)
    return screen


async def test_the_cases_filter_finds_a_name_spelt_another_way(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _filter(pilot, "Rizki Pratama")
        # As typed, no case holds "rizki": the name spelt so is found a moment later.
        await until(pilot, lambda: screen.matches is not None)
        assert [row.ref for row in screen.shown] == [SEED_REF]
        shown = screen_text(app)
        assert "Rizky Pratama Nugroho (name, 97)" in shown
        assert "1 of 6 cases match “Rizki Pratama”" in shown
        # Another spelling, said as such.
        await set_text(pilot, screen.query_one("#filter"), "Mohammad Fadjar")
        await until(pilot, lambda: screen.query_text == "Mohammad Fadjar"
                    and screen.matches is not None)
        assert ("Muhammad Fajar Hidayat ≈ “Mohammad Fadjar Hidajat” (other spelling, 97)"
                in screen_text(app))
        # Escape clears it: every case, no line about a worker.
        await pilot.press("escape")
        await until(pilot, lambda: len(screen.shown) == 6)
        assert not screen.query_one("#cases-match").display


async def test_the_cases_filter_puts_the_best_name_first(demo_db: Database) -> None:
    # Six cases of Muhammads, one of them Rizky, reported last (the list shows it last).
    for n, given in enumerate(["Ali", "Yusuf", "Hasan", "Ilham", "Akbar", "Rizky"]):
        case = demo_db.save_case(build(Case, {
            "title": f"Muhammad {n}", "destination_country": "MY",
            "date_reported": f"2026-0{n + 1}-01"}))
        demo_db.save_worker(build(Worker, {"case_id": case.id,
                                           "full_name": f"Muhammad {given} Siregar"}))
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _filter(pilot, "Muhammad Rizki")
        await until(pilot, lambda: screen.matches is not None)
        assert screen.shown[0].title == "Muhammad 5"
        # The Muhammads that are not Rizky (nor Fajar of the demo) are not listed.
        assert [r.title for r in screen.shown] == ["Muhammad 5"]
        assert "Muhammad Rizky Siregar (name, 97)" in screen_text(app)
        # One word: every Muhammad, the demo's among them; the line follows the cursor.
        await set_text(pilot, screen.query_one("#filter"), "Muhammad")
        await until(pilot, lambda: screen.query_text == "Muhammad"
                    and screen.matches is not None)
        assert len(screen.shown) == 7
        cases = screen.query_one(CaseList)
        assert cases.current is not None and cases.current.title == "Muhammad 5"  # kept
        assert "Muhammad Rizky Siregar (name, 94)" in screen_text(app)
        await pilot.press("down", "home")  # into the list, then to its first case
        await until(pilot, lambda: "Muhammad Fajar Hidayat (name, 94)" in screen_text(app))
        assert cases.current is not None and cases.current.ref == SEED_REF


async def _search(pilot, text: str) -> SearchScreen:  # type: ignore[no-untyped-def]
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
    await pilot.press("ctrl+f")
    await until(pilot, lambda: isinstance(app.screen, SearchScreen))
    search = app.screen
    assert isinstance(search, SearchScreen)
    await paste(pilot, text)
    await until(pilot, lambda: search.searched == text)
    return search


async def test_ctrl_f_finds_a_phone_by_its_last_digits(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        search = await _search(pilot, "5550 1037")
        shown = screen_text(app)
        assert "Workers (1)" in shown
        assert f"Rizky Pratama Nugroho · {SEED_REF} · phone: +62 812-5550-1037" in shown
        await set_text(pilot, search.query_one("#search-line"), "0812-5550-1037")
        await until(pilot, lambda: search.searched == "0812-5550-1037")
        assert f"Rizky Pratama Nugroho · {SEED_REF} · phone: +62 812-5550-1037" in \
            screen_text(app)
        # Enter opens the worker in their case.
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        worker = next(w for w in demo_db.workers_of(app.screen.case.id)
                      if w.full_name == "Rizky Pratama Nugroho")
        assert app.screen.query_one("#workers", RecordTable).current_key == worker.id


async def test_ctrl_f_finds_a_passport_and_a_spelling_and_says_which(demo_db: Database) -> None:
    rizky = next(w for c in demo_db.cases() for w in demo_db.workers_of(c.id)
                 if w.full_name == "Rizky Pratama Nugroho")
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        search = await _search(pilot, rizky.passport_number.lower())
        assert f"Rizky Pratama Nugroho · {SEED_REF} · passport: {rizky.passport_number}" in \
            screen_text(app)
        await set_text(pilot, search.query_one("#search-line"), "Mohammad Fadjar")
        await until(pilot, lambda: search.searched == "Mohammad Fadjar")
        shown = screen_text(app)
        assert "Workers (1)" in shown
        # The line is cut at the screen's width.
        assert f"Muhammad Fajar Hidayat · {SEED_REF} · other spelling: Mohammad Fadjar" in shown


async def test_a_worker_likely_saved_already_is_shown_before_saving(demo_db: Database) -> None:
    case = demo_db.case_by_ref("KH-2026-0001")
    assert case is not None
    before = len(demo_db.workers_of(case.id))
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, WorkerForm))
        await fill(pilot, "full_name", "Rizki Pratama Nugroho")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, WorkerMatchesDialog))
        shown = screen_text(app)
        assert "Already registered?" in shown
        assert "Rizky Pratama Nugroho · KH-2025-0001, worker 8 · name · 100" in shown
        await pilot.press("escape")  # back to the form, as typed
        await until(pilot, lambda: isinstance(app.screen, WorkerForm))
        assert len(demo_db.workers_of(case.id)) == before
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, WorkerMatchesDialog))
        await pilot.press("s")  # two people may share a name: saved as new
        await until(pilot, lambda: len(demo_db.workers_of(case.id)) == before + 1)


async def test_the_worker_already_saved_opens_in_their_case(demo_db: Database) -> None:
    case = demo_db.case_by_ref("KH-2026-0001")
    assert case is not None
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, app, case)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, WorkerForm))
        await fill(pilot, "full_name", "Souksavan Phommachan")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, WorkerMatchesDialog))
        assert "Souksavanh Phommachanh · TH-2026-0001" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")  # the form holds typing: discard it
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case
                    and app.screen.case.ref == "TH-2026-0001")
        worker = next(w for w in demo_db.workers_of(app.screen.case.id)
                      if w.full_name == "Souksavanh Phommachanh")
        assert app.screen.query_one("#workers", RecordTable).current_key == worker.id
