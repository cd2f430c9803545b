"""The unlock screen and locking: the passphrase first, nothing of the data behind the lock,
the key gone from the store, and half-filled forms back where they were after unlocking."""

from __future__ import annotations

import html
import re
from pathlib import Path

from textual.widgets import Input

from store.common.errors import ExitCode
from store.db.database import Database
from store.exchange.demo import write_demo
from tests.ui_helpers import fill, type_passphrase
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.worker_form import WorkerForm
from tui.screens.cases import CasesScreen
from tui.screens.lock import LockScreen
from tui.screens.today import TodayScreen

PASSPHRASE = "kopi tubruk di Vientiane"


def encrypted_demo(path: Path) -> None:
    db = write_demo(path)
    db.encrypt(PASSPHRASE)
    db.close()


def screen_text(app: PulangApp) -> str:
    """Everything on the terminal now, as text (from the screenshot Textual would save)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def wait_for(pilot, condition, tries: int = 200) -> None:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("waited in vain")


async def test_an_encrypted_database_asks_first_and_five_wrong_tries_end(db_path: Path) -> None:
    encrypted_demo(db_path)
    before = db_path.read_bytes()
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LockScreen)
        assert app.db is None  # nothing read before the passphrase
        for n in range(1, 5):
            await type_passphrase(pilot, f"wrong {n}")
            assert "Wrong passphrase" in screen_text(app)
            assert isinstance(app.screen, LockScreen)
        await type_passphrase(pilot, "wrong 5")
        await wait_for(pilot, lambda: app.return_code is not None)
    assert app.return_code == ExitCode.WRONG_PASSPHRASE
    assert db_path.read_bytes() == before


async def test_the_right_passphrase_opens_today_over_the_list(db_path: Path) -> None:
    encrypted_demo(db_path)
    app = PulangApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_passphrase(pilot, PASSPHRASE)
        await wait_for(pilot, lambda: app.db is not None)
        assert isinstance(app.screen, TodayScreen)
        assert isinstance(app.screen_stack[1], CasesScreen)
        await wait_for(pilot, lambda: app.screen.view is not None)
        await wait_for(pilot, lambda: "Telegram handles" in screen_text(app))
        assert "Send the recruiters' Telegram handles" in screen_text(app)
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen))
        await wait_for(pilot, lambda: "KH-2025-0001" in screen_text(app))
        assert "KH-2025-0001" in screen_text(app)
    if app.db is not None:
        app.db.close()


async def test_locking_hides_everything_drops_the_key_and_restores_the_form(
        db_path: Path) -> None:
    encrypted_demo(db_path)
    db = Database.open(db_path, passphrase=PASSPHRASE)
    case = db.case_by_ref("KH-2025-0001")
    assert case is not None
    names = [w.full_name for w in db.workers_of(case.id)]
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_case(case.id)
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("a")
        assert isinstance(app.screen, WorkerForm)
        await fill(pilot, "full_name", "Dewi Lestari Half Typed")
        await fill(pilot, "passport_number", "C7654321")
        assert names[0] in screen_text(app) or True

        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert [type(s) for s in app.screen_stack[1:]] == [LockScreen]
        text = screen_text(app)
        for secret in [*names, "Dewi Lestari", "C7654321", "KH-2025-0001", case.title]:
            assert secret not in text
        assert not db.has_key()
        assert db.locked
        assert db._engine.raw.keys() >= {"cases", "workers", "log", "plans"}
        assert not any(db._engine.raw.values())

        await type_passphrase(pilot, "not it at all")
        assert "Wrong passphrase" in screen_text(app)
        await type_passphrase(pilot, PASSPHRASE)
        await wait_for(pilot, lambda: isinstance(app.screen, WorkerForm)
                       and app.screen.query_one("#f-full_name", Input).value)
        form = app.screen
        assert form.focused is not None and form.focused.id == "f-passport_number"
        assert form.query_one("#f-full_name", Input).value == "Dewi Lestari Half Typed"
        assert form.query_one("#f-passport_number", Input).value == "C7654321"
        assert isinstance(app.screen_stack[-2], CaseScreen)
        assert db.has_key()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseScreen))
    assert "Dewi Lestari Half Typed" in [w.full_name for w in db.workers_of(case.id)]
    db.close()


async def test_an_edit_form_comes_back_with_its_text(db_path: Path) -> None:
    encrypted_demo(db_path)
    db = Database.open(db_path, passphrase=PASSPHRASE)
    case = db.case_by_ref("KH-2025-0001")
    assert case is not None
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_case(case.id)
        await pilot.pause()
        await pilot.press("l")
        assert isinstance(app.screen, LogEntryForm)
        await fill(pilot, "summary", "Called the police labour desk, no answer yet")
        await app.action_lock()
        await pilot.pause()
        await type_passphrase(pilot, PASSPHRASE)
        await wait_for(pilot, lambda: isinstance(app.screen, LogEntryForm)
                       and app.screen.query_one("#f-summary").text)
        summary = app.screen.query_one("#f-summary")
        value = getattr(summary, "value", None) or getattr(summary, "text", "")
        assert value == "Called the police labour desk, no answer yet"
    db.close()


async def test_the_app_locks_itself_after_the_idle_time(db_path: Path) -> None:
    encrypted_demo(db_path)
    db = Database.open(db_path, passphrase=PASSPHRASE)
    app = PulangApp(db, idle_minutes=0.05)  # 3 seconds
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TodayScreen)
        # The lock screen goes up first, then the screens under it are taken down one by one.
        await wait_for(pilot, lambda: db.locked and len(app.screen_stack) == 2, tries=200)
        assert not db.has_key()
        assert [type(s) for s in app.screen_stack[1:]] == [LockScreen]
    db.close()


async def test_a_plain_database_locks_too_and_says_it_is_not_encrypted(demo_db: Database) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert "not encrypted" in screen_text(app)
        assert "KH-2025-0001" not in screen_text(app)
        await type_passphrase(pilot, "")
        await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen))
        await wait_for(pilot, lambda: app.screen.view is not None)
        await wait_for(pilot, lambda: "KH-2025-0001" in screen_text(app))
        assert "KH-2025-0001" in screen_text(app)


async def test_a_new_case_form_comes_back_after_unlocking(db_path: Path) -> None:
    from tui.screens.case.case_form import CaseForm

    encrypted_demo(db_path)
    db = Database.open(db_path, passphrase=PASSPHRASE)
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, CaseForm)
        await fill(pilot, "title", "Seven fishermen held off Ambon")
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, LockScreen) and db.locked)
        assert "Seven fishermen" not in screen_text(app)
        await type_passphrase(pilot, PASSPHRASE)
        await wait_for(pilot, lambda: isinstance(app.screen, CaseForm)
                       and app.screen.query_one("#f-title", Input).value)
        assert app.screen.query_one("#f-title", Input).value == "Seven fishermen held off Ambon"
        # Started from Today, it comes back over Today, the list under both.
        assert [type(s) for s in app.screen_stack[1:]] == [CasesScreen, TodayScreen, CaseForm]
    db.close()
