"""The real app, driven by keys through Pilot, on a real database in a temporary file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Static

from store.db.database import Database
from store.domain.records import Case, LogEntry
from store.domain.vocab import CaseKind, ExploitationType, LogKind
from tests.ui_helpers import (
    choose,
    fill,
    find_and_open,
    palette_offers,
    paste,
    screen_text,
    tick,
    to_cases,
    until,
)
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpScreen
from tui.screens.case import CaseScreen
from tui.screens.case.case_form import CaseForm
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.worker_form import WorkerForm
from tui.screens.cases import CasesScreen
from tui.screens.today import TodayScreen

SEED_WORKERS = ["Rahmat Hidayat", "Siti Nurhaliza Putri", "Joko Susanto"]


def error_of(app: PulangApp, name: str) -> str:
    return str(app.screen.query_one(f"#e-{name}", Static).render())


async def test_record_the_seed_group_case_with_workers_and_a_log_entry(db_path: Path) -> None:
    db = Database.open(db_path, create=True)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("n")
        assert isinstance(app.screen, CaseForm)
        await fill(pilot, "title", "Ten workers escaped an online-gambling network")
        await choose(pilot, "kind", "group")
        await fill(pilot, "destination_country", "Cambodia")
        await fill(pilot, "destination_place", "Phnom Penh")
        await tick(pilot, "exploitation_types", "forced criminality (scam work)")
        await fill(pilot, "date_reported", "12/12/2025")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen), "a saved case opens at once"

        for name in SEED_WORKERS:
            await pilot.press("a")
            assert isinstance(app.screen, WorkerForm)
            await fill(pilot, "full_name", name)
            await fill(pilot, "phone", "0812 3456 7890")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, CaseScreen)

        await pilot.press("l")
        assert isinstance(app.screen, LogEntryForm)
        await fill(pilot, "at", "12/12/2025 14:00")
        await fill(pilot, "counterpart_org", "Cambodian union confederation")
        await fill(pilot, "summary", "Asked the union president to secure the group")
        await fill(pilot, "next_step", "Confirm shelter placement")
        await fill(pilot, "due_date", "14/12/2025")
        await tick(pilot, "worker_ids", SEED_WORKERS[1])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen), "back where the case was started from"
    db.close()

    # Everything is in the file, as a fresh process would read it.
    with Database.open(db_path) as again:
        (case,) = again.cases()
        assert case.ref == "KH-2025-0001"
        assert case.kind is CaseKind.GROUP
        assert case.destination_country == "KH"
        assert case.exploitation_types == [ExploitationType.FORCED_CRIMINALITY]
        workers = again.workers_of(case.id)
        assert sorted(w.full_name for w in workers) == sorted(SEED_WORKERS)
        assert {w.phone for w in workers} == {"+6281234567890"}
        (entry,) = again.log_of(case.id)
        assert entry.kind is LogKind.CALL
        assert entry.due_date == dt.date(2025, 12, 14)
        siti = next(w for w in workers if w.full_name == SEED_WORKERS[1])
        assert entry.worker_ids == [siti.id]


async def test_a_refused_form_keeps_what_was_typed(empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await fill(pilot, "destination_country", "Atlantis")
        await fill(pilot, "destination_place", "Somewhere safe")
        await fill(pilot, "date_reported", "31/02/2025")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseForm), "the form stays open"
        assert "must not be empty" in error_of(app, "title")
        assert "Atlantis" in error_of(app, "destination_country")
        assert "no such date" in error_of(app, "date_reported")
        form = app.screen
        assert form.query_one("#f-destination_country", Input).value == "Atlantis"
        assert form.query_one("#f-destination_place", Input).value == "Somewhere safe"
        assert form.query_one("#f-date_reported", Input).value == "31/02/2025"
        # The cursor stays in the refused field it was in (not sent back to the top); the
        # line at the bottom names every field refused.
        assert app.focused is form.query_one("#f-date_reported")
        assert ("Not saved: correct Title, Destination country, Date reported (marked in red)."
                in " ".join(screen_text(app).split()))
        assert empty_db.cases() == []

        await fill(pilot, "title", "Deceived by a customer-service job advert")
        await fill(pilot, "destination_country", "KH")
        await fill(pilot, "date_reported", "01/02/2025")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert [c.destination_place for c in empty_db.cases()] == ["Somewhere safe"]


async def test_due_date_before_the_entry_is_refused_beside_the_field(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await find_and_open(pilot, "Rizky")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        before = len(demo_db.log_of(app.screen.case_id))
        await pilot.press("l")
        await fill(pilot, "at", "10/12/2025 09:00")
        await fill(pilot, "summary", "Called the embassy")
        await fill(pilot, "next_step", "Call again")
        await fill(pilot, "due_date", "01/12/2025")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryForm)
        assert "before the entry" in error_of(app, "due_date")
        assert len(demo_db.log_of(app.screen.case_id)) == before


async def test_escape_asks_before_discarding_changes(empty_db: Database) -> None:
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await fill(pilot, "title", "Half typed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        assert app.screen.query_one("#f-title", Input).value == "Half typed"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert empty_db.cases() == []

        # An untouched form closes without asking, from the list too.
        await to_cases(pilot)
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, CasesScreen)


async def test_filter_finds_a_case_by_any_spelling_of_a_worker_name(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_cases(pilot)
        table = app.screen.query_one("#cases")
        assert len(table.rows) == 6  # the demo (5) and its case to anonymise soon
        await pilot.press("slash")
        await paste(pilot, "souksavan")  # the other spelling of Souksavanh
        await pilot.pause()
        assert len(table.rows) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert len(table.rows) == 6
        await pilot.press("slash")
        await paste(pilot, "PHNOM penh")
        await pilot.pause()
        assert len(table.rows) == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case is not None and app.screen.case.ref == "KH-2025-0001"


async def test_removing_a_worker_asks_first(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await find_and_open(pilot, "Souksavanh")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        case_id = screen.case_id
        before = len(demo_db.workers_of(case_id))
        assert screen.query_one("#workers").row_count == before >= 2
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert len(demo_db.workers_of(case_id)) == before
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(demo_db.workers_of(case_id)) == before - 1
        assert screen.query_one("#workers").row_count == before - 1


async def test_marking_a_next_step_done_clears_the_next_due_date(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await find_and_open(pilot, "Myawaddy")
        await pilot.pause()
        case_id = app.screen.case_id
        await pilot.press("tab")  # from the workers to the log
        await pilot.press("x")
        await pilot.pause()
        (entry,) = demo_db.log_of(case_id)
        assert entry.next_step_done
        row = next(r for r in demo_db.case_rows() if r.id == case_id)
        assert row.next_due is None


async def test_help_and_palette_on_every_screen(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        for opener in ([], ["2"], ["enter"], ["e"]):  # Today, the list, a case, a form
            await pilot.press(*opener)
            await pilot.pause()
            screen = app.screen
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            keys = str(app.screen.query_one("#help-keys", Static).render())
            assert "Ctrl+P" in keys
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen


async def test_palette_goes_to_a_case_by_reference(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await paste(pilot, "LA-2026-0001")
        await until(pilot, lambda: palette_offers(app, "LA-2026-0001"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case is not None and app.screen.case.ref == "LA-2026-0001"


async def test_editing_a_case_keeps_its_reference(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await find_and_open(pilot, "KH-2025-0001")
        await pilot.pause()
        case_id = app.screen.case_id
        await pilot.press("e")
        await fill(pilot, "destination_country", "Thailand")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    case = demo_db.get(Case, case_id)
    assert (case.ref, case.destination_country, case.version) == ("KH-2025-0001", "TH", 2)


async def test_log_entry_added_with_tab_alone_survives_a_restart(demo_db: Database) -> None:
    """The log form can be filled moving with Tab only, as a person with a keyboard would."""
    path = demo_db.path
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await find_and_open(pilot, "Golden")
        await pilot.press("l")
        await pilot.pause()
        # When, Kind, Sent or received (left unset), Counterpart organisation, Counterpart
        # person, the same two from the directory (left empty), Kind of counterpart, Summary,
        # Next step, Due.
        await pilot.press("tab", "tab", "tab")
        await paste(pilot, "KBRI Vientiane")
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        await paste(pilot, "Embassy confirms travel documents")
        await pilot.press("tab")
        await paste(pilot, "Book the flight")
        await pilot.press("tab")
        await paste(pilot, "15/12/2099")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        case_id = app.screen.case_id
    demo_db.close()
    with Database.open(path) as again:
        newest = again.log_of(case_id)[0]
        assert isinstance(newest, LogEntry)
        assert (newest.counterpart_org, newest.summary, newest.next_step) == (
            "KBRI Vientiane", "Embassy confirms travel documents", "Book the flight")
        assert newest.due_date == dt.date(2099, 12, 15)


async def test_no_color_is_honoured_and_choices_stay_readable(
    empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await pilot.press("n")
        await tick(pilot, "exploitation_types", "forced criminality (scam work)")
        choices = app.screen.query_one("#f-exploitation_types")
        lines = ["".join(seg.text for seg in choices.render_line(y)) for y in range(3)]
        # Ticked or not must show in the characters themselves, not only in colour.
        assert "X" not in lines[0][:4] and "forced labour" in lines[0]
        assert "X" in lines[1][:4] and "forced criminality" in lines[1]


async def test_keys_typed_while_the_database_loads_are_kept(db_path: Path) -> None:
    from store.exchange.demo import write_demo

    write_demo(db_path).close()
    app = PulangApp(db_path)  # opened by the app itself, after its first frame
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"souksavan", "enter")  # typed before the data is there
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case is not None and app.screen.case.ref == "TH-2026-0001"


async def test_a_damaged_file_found_while_loading_ends_the_app_with_its_error(
    db_path: Path,
) -> None:
    db_path.write_bytes(b'{"_meta": {"1": {"format": "pulang-db", "schema": 1}}, "cases": {')
    db_path.chmod(0o600)  # refused for what it holds, not for its mode
    before = db_path.read_bytes()
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.load_error is not None and app.return_code == 2
    assert db_path.read_bytes() == before


async def test_a_case_with_a_damaged_record_says_so_instead_of_crashing(db_path: Path) -> None:
    import orjson

    from store.exchange.demo import write_demo

    write_demo(db_path).close()
    data = orjson.loads(db_path.read_bytes())
    worker = next(iter(data["workers"].values()))
    worker["sex"] = "not a sex"  # changed outside Pulang; the file is otherwise sound
    db_path.write_bytes(orjson.dumps(data))
    db = Database.open(db_path)
    case_ref = next(c.ref for c in db.cases() if c.id == worker["case_id"])
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await find_and_open(pilot, str(case_ref))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CasesScreen), "back on the list, not crashed"


async def test_the_palette_asks_before_leaving_a_form_with_typing(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, CaseForm)
        await fill(pilot, "title", "Half typed")
        app.after_leaving_forms(app.show_cases)()  # what the palette's "Cases" runs
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        assert app.screen.query_one("#f-title", Input).value == "Half typed"
        app.after_leaving_forms(app.show_cases)()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CasesScreen)
