"""Officers who share one computer account: the app asks who is working, once, and the audit
trail and the conflict screen say "officer name (account)" rather than the account alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from store.common.errors import Conflict
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.engine.officer import current_user, needs_officer_name
from tests.ui_helpers import fill, find_and_open, paste, screen_text, until
from tui.app import PulangApp
from tui.dialogs.conflict import ConflictScreen
from tui.dialogs.officer import OfficerDialog
from tui.screens.case import CaseScreen
from tui.screens.case.worker_form import WorkerForm
from tui.screens.today import TodayScreen

ME = current_user()


@pytest.fixture
def one_worker(db_path: Path) -> Any:
    db = Database.open(db_path, create=True)
    case = db.save_case(build(Case, {"title": "Workers held in Sihanoukville",
                                     "destination_country": "KH",
                                     "date_reported": "12/12/2025"}))
    worker = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Dewi Anggraini",
                                           "current_location": "Shelter A"}))
    yield db, case, worker
    db.close()


def colleague(db_path: Path, worker_id: str, officer: str, remove: bool = False) -> None:
    """Another officer, in their own process under the same account, named by PULANG_OFFICER,
    moves the worker to Shelter B (or removes her)."""
    script = (
        "import sys\n"
        "from store.db.database import Database\n"
        "from store.domain.records import Worker, changed\n"
        "with Database.open(sys.argv[1]) as db:\n"
        "    w = db.get(Worker, sys.argv[2])\n"
        "    if sys.argv[3] == 'remove':\n"
        "        db.remove_worker(w.id, w.version)\n"
        "    else:\n"
        "        db.save_worker(changed(w, current_location='Shelter B'))\n")
    env = {**os.environ, "PULANG_OFFICER": officer}
    done = subprocess.run([sys.executable, "-c", script, str(db_path), worker_id,
                           "remove" if remove else "move"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


async def test_asked_once_the_name_goes_beside_the_account(one_worker: Any) -> None:
    db, case, worker = one_worker
    app = PulangApp(db, ask_officer=True)
    app.REFRESH_SECONDS = 3600  # the colleague's change reaches the screen through the save
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, OfficerDialog))
        shown = screen_text(app)
        assert "Who is working?" in shown and f"account {ME}" in shown
        await paste(pilot, "Siti Rahma")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)

        await find_and_open(pilot, case.ref)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.press("enter")  # the worker under the cursor
        await until(pilot, lambda: isinstance(app.screen, WorkerForm))
        colleague(db.path, worker.id, "Dewi Lestari")
        await fill(pilot, "current_location", "KBRI Phnom Penh")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        assert f"Changed by Dewi Lestari ({ME}) at" in screen_text(app)
        await pilot.press("m")  # keep mine
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        assert not any(isinstance(s, OfficerDialog) for s in app.screen_stack)  # once only

    saved = db.get(Worker, worker.id)
    assert saved.current_location == "KBRI Phnom Penh"
    assert saved.changed_by == f"Siti Rahma ({ME})"
    trail = [e for e in db.audit_trail().entries if e.record == worker.id]
    assert [e.who for e in trail] == [ME, f"Dewi Lestari ({ME})", f"Siti Rahma ({ME})"]


async def test_escape_keeps_the_account_alone(one_worker: Any) -> None:
    db, case, _worker = one_worker
    app = PulangApp(db, ask_officer=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, OfficerDialog))
        await paste(pilot, "Siti")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
    saved = db.save_case(db.get(Case, case.id).model_copy(update={"title": "Renamed"}))
    assert saved.changed_by == ME
    assert db.audit_trail().entries[-1].who == ME


async def test_not_asked_unless_the_account_is_shared(one_worker: Any) -> None:
    db, _case, _worker = one_worker
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
        await pilot.pause()
        assert not any(isinstance(s, OfficerDialog) for s in app.screen_stack)


def test_pulang_officer_names_who_is_working(one_worker: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db, case, _worker = one_worker
    monkeypatch.setenv("PULANG_OFFICER", "  Siti   Rahma ")
    saved = db.save_case(db.get(Case, case.id).model_copy(update={"title": "Renamed"}))
    assert saved.changed_by == f"Siti Rahma ({ME})"
    assert db.audit_trail().entries[-1].who == f"Siti Rahma ({ME})"
    monkeypatch.setenv("PULANG_OFFICER", "Siti\x1b[31m")  # not a name: the account alone
    saved = db.save_case(saved.model_copy(update={"title": "Renamed again"}))
    assert saved.changed_by == ME


def test_who_removed_a_record_is_named_too(one_worker: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db, _case, worker = one_worker
    colleague(db.path, worker.id, "Dewi Lestari", remove=True)
    monkeypatch.setenv("PULANG_OFFICER", "Siti Rahma")
    with pytest.raises(Conflict, match=rf"^Removed by Dewi Lestari \({ME}\) at "):
        db.save_worker(worker.model_copy(update={"notes": "Flight booked"}))


def test_who_is_asked(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked on an account several officers may share, or on a database shared with a group;
    never when PULANG_OFFICER says who it is."""
    Database.open(db_path, create=True).close()
    monkeypatch.setenv("LOGNAME", "root")  # what getpass reads first
    assert needs_officer_name(db_path)
    monkeypatch.setenv("LOGNAME", "pulang")
    assert needs_officer_name(db_path)
    monkeypatch.setenv("LOGNAME", "siti")
    assert not needs_officer_name(db_path)  # her own account, her own database
    db_path.chmod(0o660)  # shared with a group (`pulang share`)
    assert needs_officer_name(db_path)
    monkeypatch.setenv("PULANG_OFFICER", "Siti Rahma")
    assert not needs_officer_name(db_path)
    monkeypatch.setenv("LOGNAME", "root")
    assert not needs_officer_name(db_path)
