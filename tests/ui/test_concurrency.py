"""Several officers on one database: real processes writing at once, record-level merge, and
conflicts that lose nothing. The officers in other processes are tests/officer.py."""

from __future__ import annotations

import datetime as dt
import getpass
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Static, TextArea

from store.common.errors import Conflict, NotFound
from store.db.database import Database
from store.domain.records import Case, LogEntry, Worker, build, changed
from store.exchange.check import check
from tests.ui_helpers import fill, find_and_open, focus, screen_text, to_cases, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.conflict import ConflictScreen
from tui.dialogs.help import HelpScreen
from tui.screens.case import CaseScreen
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.worker_form import WorkerForm
from tui.screens.cases import CasesScreen
from tui.widgets.caselist import CaseList

OFFICER = Path(__file__).parent.parent / "officer.py"
ME = getpass.getuser()


def a_case(title: str = "Workers held in Sihanoukville") -> Case:
    return build(Case, {"title": title, "destination_country": "KH",
                        "date_reported": "12/12/2025"})


def a_worker(case: Case, name: str) -> Worker:
    return build(Worker, {"case_id": case.id, "full_name": name})


def an_entry(case: Case, summary: str, workers: list[Worker] | None = None) -> LogEntry:
    return build(LogEntry, {"case_id": case.id, "summary": summary,
                            "worker_ids": [w.id for w in workers or []]})


@pytest.fixture
def seeded(db_path: Path) -> tuple[Case, Worker, Worker]:
    """A case with two workers, written and closed: each test's processes open it afresh."""
    with Database.open(db_path, create=True) as db:
        case = db.save_case(a_case())
        dewi = db.save_worker(a_worker(case, "Dewi Anggraini"))
        agus = db.save_worker(a_worker(case, "Agus Setiawan"))
    return case, dewi, agus


def race(db_path: Path, barrier: Path, officers: dict[str, list[str]]) -> dict[str, Any]:
    """Start one process per officer; once all are ready, let them write at the same moment.

    Returns each officer's JSON answer."""
    barrier.mkdir()
    processes = {
        name: subprocess.Popen(
            [sys.executable, str(OFFICER), str(db_path), str(barrier), name, *command],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        for name, command in officers.items()
    }
    try:
        deadline = time.monotonic() + 60
        while not all((barrier / f"ready-{name}").exists() for name in officers):
            dead = {n: p.returncode for n, p in processes.items() if p.poll() is not None}
            assert not dead, {n: processes[n].stderr.read() for n in dead}  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the officers did not get ready"
            time.sleep(0.01)
        (barrier / "go").touch()
        answers = {}
        for name, process in processes.items():
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err.decode()
            answers[name] = orjson.loads(out)
        return answers
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()


# -- different records: everybody keeps their changes --------------------------------------


def test_two_processes_editing_different_workers_at_once_both_keep_their_changes(
    db_path: Path, tmp_path: Path, seeded: tuple[Case, Worker, Worker]
) -> None:
    case, dewi, agus = seeded
    answers = race(db_path, tmp_path / "barrier", {
        "ani": ["edit-worker", dewi.id, "current_location", "Shelter A, Phnom Penh"],
        "budi": ["edit-worker", agus.id, "current_location", "KBRI Phnom Penh"],
    })
    assert all("saved" in answer for answer in answers.values()), answers
    with Database.open(db_path) as db:
        assert db.get(Worker, dewi.id).current_location == "Shelter A, Phnom Penh"
        assert db.get(Worker, agus.id).current_location == "KBRI Phnom Penh"
        assert db.get(Worker, dewi.id).version == db.get(Worker, agus.id).version == 2
        assert check(db) == []


def test_a_case_edit_and_a_worker_edit_of_that_case_at_once_both_stay(
    db_path: Path, tmp_path: Path, seeded: tuple[Case, Worker, Worker]
) -> None:
    case, dewi, _agus = seeded
    answers = race(db_path, tmp_path / "barrier", {
        "ani": ["edit-case", case.id, "urgency", "critical"],
        "budi": ["edit-worker", dewi.id, "passport_number", "C1234567"],
    })
    assert all("saved" in answer for answer in answers.values()), answers
    with Database.open(db_path) as db:
        assert db.get(Case, case.id).urgency == "critical"
        assert db.get(Case, case.id).ref == case.ref
        assert db.get(Worker, dewi.id).passport_number == "C1234567"


def test_many_saves_from_three_processes_at_once_are_all_kept(
    db_path: Path, tmp_path: Path, seeded: tuple[Case, Worker, Worker]
) -> None:
    case = seeded[0]
    answers = race(db_path, tmp_path / "barrier", {
        name: ["log", case.id, "30"] for name in ("ani", "budi", "citra")
    })
    saved = [entry_id for answer in answers.values() for entry_id in answer["saved"]]
    assert len(saved) == len(set(saved)) == 90
    with Database.open(db_path) as db:
        log = db.log_of(case.id)
        assert {e.id for e in log} == set(saved), "no entry lost, none doubled"
        assert sorted(e.summary for e in log if e.recorded_by == "budi") == sorted(
            f"budi call {n}" for n in range(30))
        assert check(db) == []


def test_cases_recorded_by_three_processes_at_once_get_different_references(
    db_path: Path, tmp_path: Path
) -> None:
    Database.open(db_path, create=True).close()
    answers = race(db_path, tmp_path / "barrier", {
        name: ["cases", "10"] for name in ("ani", "budi", "citra")
    })
    refs = [ref for answer in answers.values() for ref in answer["saved"]]
    assert sorted(refs) == [f"KH-2025-{n:04d}" for n in range(1, 31)]
    with Database.open(db_path) as db:
        assert sorted(c.ref or "" for c in db.cases()) == sorted(refs)
        assert check(db) == []


def test_new_log_entries_from_two_instances_never_conflict(empty_db: Database,
                                                           db_path: Path) -> None:
    case = empty_db.save_case(a_case())
    with Database.open(db_path) as colleague:
        theirs = colleague.save_log_entry(an_entry(case, "Called KBRI"))
        mine = empty_db.save_log_entry(an_entry(case, "Called the union"))
        assert {e.id for e in colleague.log_of(case.id)} == {theirs.id, mine.id}


# -- the same record: the second writer is told, and loses nothing -------------------------


def test_editing_the_same_worker_the_second_writer_sees_who_and_when(
    db_path: Path, tmp_path: Path, seeded: tuple[Case, Worker, Worker]
) -> None:
    _case, dewi, _agus = seeded
    with Database.open(db_path) as colleague:
        # Budi reads Dewi (version 1) and waits; Ani saves her in between.
        barrier = tmp_path / "barrier"
        barrier.mkdir()
        budi = subprocess.Popen(
            [sys.executable, str(OFFICER), str(db_path), str(barrier), "budi",
             "keep-mine-worker", dewi.id, "current_location", "Budi's shelter"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 60
            while not (barrier / "ready-budi").exists():
                assert budi.poll() is None, budi.stderr.read()  # type: ignore[union-attr]
                assert time.monotonic() < deadline
                time.sleep(0.01)
            before = dt.datetime.now(dt.timezone.utc)
            ani = colleague.save_worker(changed(dewi, current_location="Ani's shelter"))
            (barrier / "go").touch()
            out, err = budi.communicate(timeout=60)
        finally:
            if budi.poll() is None:
                budi.kill()
                budi.wait()
    assert budi.returncode == 0, err.decode()
    answer = orjson.loads(out)
    conflict = answer["conflict"]
    assert conflict["record_id"] == dewi.id and conflict["kind"] == "workers"
    assert conflict["by"] == ME
    assert dt.datetime.fromisoformat(conflict["at"]) >= before
    assert conflict["theirs"]["current_location"] == "Ani's shelter"
    assert conflict["theirs"]["version"] == ani.version == 2
    assert conflict["message"].startswith(f"Changed by {ME} at ")
    assert conflict["message"].endswith("since you opened it; nothing was overwritten.")
    # Budi chose to keep his: saved on top of Ani's version, knowingly.
    assert answer["kept"]["current_location"] == "Budi's shelter"
    assert answer["kept"]["version"] == 3
    with Database.open(db_path) as db:
        assert db.get(Worker, dewi.id).current_location == "Budi's shelter"


def test_a_conflict_overwrites_nothing_and_keep_mine_checks_the_version_again(
    empty_db: Database, db_path: Path
) -> None:
    case = empty_db.save_case(a_case())
    opened = empty_db.save_worker(a_worker(case, "Dewi Anggraini"))
    with Database.open(db_path) as colleague:
        theirs = colleague.save_worker(changed(opened, health="Needs insulin"))
        journal = db_path.with_name(db_path.name + ".journal").read_bytes()

        mine = changed(opened, health="Broken wrist, treated")
        with pytest.raises(Conflict) as raised:
            empty_db.save_worker(mine)
        conflict = raised.value
        assert db_path.with_name(db_path.name + ".journal").read_bytes() == journal
        assert conflict.theirs == theirs and conflict.mine == mine
        assert (conflict.by, conflict.at) == (ME, theirs.updated_at)
        assert not conflict.removed
        assert "Needs insulin" not in str(conflict), "the message names no record values"

        # It moved on again before the user chose: keeping mine is refused once more.
        again = colleague.save_worker(changed(theirs, health="Needs insulin daily"))
        with pytest.raises(Conflict) as second:
            empty_db.keep_mine(conflict)
        assert second.value.theirs == again

        kept = empty_db.keep_mine(second.value)
        assert (kept.health, kept.version) == ("Broken wrist, treated", 4)
        assert colleague.get(Worker, opened.id) == kept


def test_editing_a_worker_someone_removed_is_a_conflict_saved_again_only_if_asked(
    empty_db: Database, db_path: Path
) -> None:
    case = empty_db.save_case(a_case())
    opened = empty_db.save_worker(a_worker(case, "Dewi Anggraini"))
    with Database.open(db_path) as colleague:
        before = time.time()
        colleague.remove_worker(opened.id, opened.version)
        mine = changed(opened, phone="0812 3456 7890")
        with pytest.raises(Conflict) as raised:
            empty_db.save_worker(mine)
        conflict = raised.value
        assert conflict.removed and conflict.theirs is None
        assert conflict.by == ME
        assert conflict.at is not None and conflict.at.timestamp() >= before - 1
        assert str(conflict).startswith(f"Removed by {ME} at ")
        assert empty_db.workers_of(case.id) == []

        again = empty_db.keep_mine(conflict)
        assert again.id != opened.id and again.version == 1
        assert (again.full_name, again.phone) == ("Dewi Anggraini", "+6281234567890")
        assert [w.id for w in colleague.workers_of(case.id)] == [again.id]


def test_removing_a_worker_someone_edited_is_a_conflict(empty_db: Database,
                                                        db_path: Path) -> None:
    case = empty_db.save_case(a_case())
    seen = empty_db.save_worker(a_worker(case, "Dewi Anggraini"))
    with Database.open(db_path) as colleague:
        theirs = colleague.save_worker(changed(seen, current_location="Shelter B"))
        with pytest.raises(Conflict) as raised:
            empty_db.remove_worker(seen.id, seen.version)
        assert raised.value.theirs == theirs and raised.value.mine is None
        assert str(raised.value).startswith(f"Changed by {ME} at ")
        assert [w.id for w in colleague.workers_of(case.id)] == [seen.id]
        # Having seen their version, the user removes it after all.
        empty_db.remove_worker(seen.id, theirs.version)
        assert colleague.workers_of(case.id) == []


def test_remove_against_edit_between_real_processes_both_ways(
    db_path: Path, tmp_path: Path, seeded: tuple[Case, Worker, Worker]
) -> None:
    _case, dewi, _agus = seeded
    answers = race(db_path, tmp_path / "barrier", {
        "ani": ["remove-worker", dewi.id],
        "budi": ["edit-worker", dewi.id, "notes", "Called her mother"],
    })
    # Whoever came second was refused and told; the first one's change is the one stored.
    first, second = ("ani", "budi") if "removed" in answers["ani"] else ("budi", "ani")
    assert "conflict" in answers[second], answers
    conflict = answers[second]["conflict"]
    assert conflict["by"] == ME
    with Database.open(db_path) as db:
        if first == "ani":
            assert conflict["theirs"] is None
            assert conflict["message"].startswith(f"Removed by {ME} at ")
            with pytest.raises(NotFound):
                db.get(Worker, dewi.id)
        else:
            assert conflict["theirs"]["notes"] == "Called her mother"
            assert db.get(Worker, dewi.id).notes == "Called her mother"


def test_a_new_log_entry_naming_a_worker_removed_elsewhere_is_kept_without_the_link(
    empty_db: Database, db_path: Path
) -> None:
    case = empty_db.save_case(a_case())
    dewi = empty_db.save_worker(a_worker(case, "Dewi Anggraini"))
    agus = empty_db.save_worker(a_worker(case, "Agus Setiawan"))
    with Database.open(db_path) as colleague:
        colleague.remove_worker(dewi.id)
    saved = empty_db.save_log_entry(an_entry(case, "Called both", [dewi, agus]))
    assert saved.worker_ids == [agus.id]
    with pytest.raises(NotFound):  # a worker that never was in the case is still refused
        empty_db.save_log_entry(an_entry(case, "Nobody", [a_worker(case, "Nobody")]))


# -- noticing others' changes ----------------------------------------------------------------


def test_changed_elsewhere_reports_other_processes_changes_once(empty_db: Database,
                                                                db_path: Path) -> None:
    case = empty_db.save_case(a_case())
    assert not empty_db.changed_elsewhere(), "one's own saves are not news"
    with Database.open(db_path) as colleague:
        assert not empty_db.changed_elsewhere()
        colleague.save_log_entry(an_entry(case, "Called KBRI"))
        assert empty_db.changed_elsewhere()
        assert not empty_db.changed_elsewhere()
        colleague.save_log_entry(an_entry(case, "Called again"))
        assert len(empty_db.log_of(case.id)) == 2  # a query reads it in first
        assert empty_db.changed_elsewhere(), "still reported: the screen has not seen it"
    # The colleague closed: their journal folded into a new snapshot.
    assert empty_db.changed_elsewhere()
    assert len(empty_db.log_of(case.id)) == 2


def test_the_cases_list_follows_a_new_snapshot_written_by_another_process(
    empty_db: Database, db_path: Path
) -> None:
    mine = empty_db.save_case(a_case("Mine"))
    assert [r.id for r in empty_db.case_rows()] == [mine.id]
    with Database.open(db_path) as colleague:
        theirs = colleague.save_case(a_case("Theirs"))
    # Closing folded their journal into the snapshot: the rows must come from it.
    assert {r.id for r in empty_db.case_rows()} == {mine.id, theirs.id}
    after = empty_db.save_case(a_case("After"))
    assert {r.title for r in empty_db.case_rows()} == {"Mine", "Theirs", "After"}
    assert after.ref == "KH-2025-0003"


def test_who_removed_a_record_is_still_known_after_their_journal_was_folded_in(
    empty_db: Database, db_path: Path
) -> None:
    case = empty_db.save_case(a_case())
    opened = empty_db.save_worker(a_worker(case, "Dewi Anggraini"))
    with Database.open(db_path) as colleague:
        colleague.remove_worker(opened.id)
    # Closing compacted: the journal entry of the removal is gone, the snapshot remembers it.
    assert db_path.with_name(db_path.name + ".journal").stat().st_size < 100
    with pytest.raises(Conflict) as raised:
        empty_db.save_worker(changed(opened, notes="Called her mother"))
    assert raised.value.removed
    assert str(raised.value).startswith(f"Removed by {ME} at ")
    assert opened.id.encode() in db_path.read_bytes()  # remembered in the snapshot's _meta
    # ... and nowhere else: a new case's reference counter does not copy it into the journal.
    empty_db.save_case(a_case("Another"))
    assert opened.id.encode() not in db_path.with_name(db_path.name + ".journal").read_bytes()


# -- the app: the conflict screen, and what others change showing up -------------------------


async def open_case(pilot: Any, ref: str) -> CaseScreen:
    await find_and_open(pilot, ref)
    await until(pilot, lambda: isinstance(pilot.app.screen, CaseScreen))
    return pilot.app.screen


async def saved_and_back(pilot: Any) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, CaseScreen))


def app_on(db: Database) -> PulangApp:
    """The app, looking for others' changes only when a conflict asks it to: these tests
    decide exactly when the colleague's change reaches the screen."""
    app = PulangApp(db)
    app.REFRESH_SECONDS = 3600
    return app


@pytest.fixture
def shared(db_path: Path) -> Any:
    """The app's database with one case and one worker, and a colleague's instance of it."""
    db = Database.open(db_path, create=True)
    case = db.save_case(a_case())
    worker = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Dewi Anggraini",
                                           "current_location": "Shelter A"}))
    colleague = Database.open(db_path)
    yield db, colleague, case, worker
    colleague.close()
    db.close()


async def test_the_second_writer_sees_both_versions_and_loses_nothing(shared: Any) -> None:
    db, colleague, case, worker = shared
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, case.ref)
        await pilot.press("enter")  # edit the worker under the cursor
        assert isinstance(app.screen, WorkerForm)
        # Meanwhile a colleague moves her to another shelter and notes her health.
        colleague.save_worker(changed(worker, current_location="Shelter B", health="Asthma"))
        await fill(pilot, "current_location", "KBRI Phnom Penh")
        await fill(pilot, "notes", "Flight booked")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))

        shown = screen_text(app)
        assert f"Changed by {ME} at" in shown
        assert "since you opened it; nothing was" in shown
        assert "Shelter B" in shown and "KBRI Phnom Penh" in shown
        rows = {d.name: (d.theirs, d.mine) for d in app.screen.differences}
        assert rows == {"current_location": ("Shelter B", "KBRI Phnom Penh"),
                        "health": ("Asthma", ""), "notes": ("", "Flight booked")}
        assert colleague.get(Worker, worker.id).current_location == "Shelter B"

        await pilot.press("f1")  # help and the palette work here too
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert "Keep mine" in keys and "Keep theirs" in keys and "Back to my form" in keys
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)

        await pilot.press("escape")  # back to my form: exactly as typed
        await pilot.pause()
        form = app.screen
        assert isinstance(form, WorkerForm)
        assert form.query_one("#f-current_location", Input).value == "KBRI Phnom Penh"
        assert form.query_one("#f-notes", TextArea).text == "Flight booked"

        await pilot.press("ctrl+s")  # still knows theirs: shown again, not overwritten
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("m")  # keep mine
        await saved_and_back(pilot)

    kept = colleague.get(Worker, worker.id)
    assert (kept.current_location, kept.notes, kept.version) == ("KBRI Phnom Penh",
                                                                  "Flight booked", 3)
    # Mine was typed over the whole form, health included: the officer chose it, seeing both.
    assert kept.health == ""


async def test_keeping_mine_over_theirs_keeps_what_the_form_does_not_show(
    db_path: Path,
) -> None:
    db = Database.open(db_path, create=True)
    case = db.save_case(a_case())
    entry = db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "at": "12/12/2025 10:00", "summary": "Called KBRI",
        "next_step": "Call back", "due_date": "15/12/2025"}))
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, case.ref)
        await pilot.press("tab", "enter")  # the log entry under the cursor
        assert isinstance(app.screen, LogEntryForm)
        with Database.open(db_path) as colleague:
            colleague.mark_next_step(entry, True)
        await fill(pilot, "summary", "Called KBRI; they call back on Monday")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        assert [d.name for d in app.screen.differences] == ["summary"]
        await pilot.press("m")
        await saved_and_back(pilot)
    saved = db.log_of(case.id)[0]
    assert saved.summary == "Called KBRI; they call back on Monday"
    assert saved.next_step_done, "their tick stays: the form never showed it"
    assert saved.version == 3
    db.close()


async def test_keep_theirs_asks_first_and_shows_their_version(shared: Any) -> None:
    db, colleague, case, worker = shared
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, case.ref)
        await pilot.press("enter")
        colleague.save_worker(changed(worker, full_name="Dewi Anggraeni"))
        await fill(pilot, "phone", "0812 3456 7890")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # not yet: back to the comparison
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("t", "y")
        await saved_and_back(pilot)
        await until(pilot, lambda: screen.case_workers[0].full_name == "Dewi Anggraeni")
        assert "Dewi Anggraeni" in screen_text(app)
    assert colleague.get(Worker, worker.id).phone is None
    assert colleague.get(Worker, worker.id).version == 2


async def test_saving_a_worker_someone_removed_offers_to_save_it_again(shared: Any) -> None:
    db, colleague, case, worker = shared
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, case.ref)
        await pilot.press("enter")
        colleague.remove_worker(worker.id, worker.version)
        await fill(pilot, "home_district", "Medan")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        shown = screen_text(app)
        assert f"Removed by {ME} at" in shown
        assert "Save mine again" in shown and "Discard mine" in shown
        await pilot.press("m")
        await saved_and_back(pilot)
        await until(pilot, lambda: [w.home_district for w in screen.case_workers] == ["Medan"])
    (again,) = colleague.workers_of(case.id)
    assert again.id != worker.id
    assert (again.full_name, again.current_location, again.home_district) == (
        "Dewi Anggraini", "Shelter A", "Medan")


async def test_removing_a_worker_someone_changed_shows_the_change_first(shared: Any) -> None:
    db, colleague, case, worker = shared
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, case.ref)
        theirs = colleague.save_worker(changed(worker, current_location="Shelter B"))
        await pilot.press("d", "y")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        assert f"Changed by {ME} at" in screen_text(app)
        assert [(d.theirs, d.mine) for d in app.screen.differences] == [("Shelter B", "Shelter A")]
        await pilot.press("escape")  # keep the worker
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        assert [w.version for w in colleague.workers_of(case.id)] == [theirs.version]

        colleague.save_worker(changed(theirs, current_location="Shelter C"))
        await pilot.press("d", "y")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("r")  # remove anyway, having seen it
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and not screen.case_workers)
    assert colleague.workers_of(case.id) == []


async def test_a_case_added_by_another_process_appears_in_the_list(
    db_path: Path, tmp_path: Path
) -> None:
    db = Database.open(db_path, create=True)
    first = db.save_case(a_case("First"))
    second = db.save_case(a_case("Second"))
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_cases(pilot)
        cases = app.screen
        assert isinstance(cases, CasesScreen)
        await pilot.press("down")
        chosen = cases.query_one(CaseList).current
        assert chosen is not None
        answers = race(db_path, tmp_path / "barrier", {"budi": ["cases", "1"]})
        (ref,) = answers["budi"]["saved"]
        await until(pilot, lambda: len(cases.all_rows) == 3)
        assert ref in screen_text(app)
        assert cases.query_one(CaseList).current == chosen, "the cursor stayed on its case"
        assert app.focused is cases.query_one(CaseList)
        assert {first.ref, second.ref, ref} == {r.ref for r in cases.all_rows}
    db.close()


async def test_an_open_case_shows_others_log_entries_and_a_form_is_left_alone(
    db_path: Path, tmp_path: Path
) -> None:
    db = Database.open(db_path, create=True)
    case = db.save_case(a_case())
    db.save_log_entry(an_entry(case, "Called KBRI"))
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, case.ref)
        race(db_path, tmp_path / "one", {"budi": ["log", case.id, "1"]})
        await until(pilot, lambda: len(screen.entries) == 2)
        assert "budi call 0" in screen_text(app)

        await pilot.press("l")  # a form in front while another officer writes
        assert isinstance(app.screen, LogEntryForm)
        form = app.screen
        await fill(pilot, "summary", "Half typed")
        await focus(pilot, "counterpart_org")
        race(db_path, tmp_path / "two", {"budi": ["log", case.id, "2"]})
        await until(pilot, lambda: screen._stale)  # noqa: SLF001 - noticed, not yet shown
        assert app.screen is form
        assert form.query_one("#f-summary", TextArea).text == "Half typed"
        assert app.focused is form.query_one("#f-counterpart_org")
        await pilot.press("ctrl+s")
        await saved_and_back(pilot)
        await until(pilot, lambda: len(screen.entries) == 5)  # theirs and mine
    db.close()
