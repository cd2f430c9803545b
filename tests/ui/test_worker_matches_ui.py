"""A worker added by hand who is likely a worker of another case, at 80x24 through Pilot: the
dialog says who, in which case, with which number, score and why; `l` links (nothing new is
saved, both cases' logs say it, by reference and number only), `s` saves anyway. A list (or
a pasted chat) with rows likely to be workers of other cases: each row is added anyway, linked
or skipped, as the officer chooses."""

from __future__ import annotations

from textual.widgets import TextArea

from store.db.database import Database
from store.domain.records import Case, Worker, build
from tests.ui_helpers import fill, open_case, screen_text, set_text, until
from tui.app import PulangApp
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.case import CaseScreen
from tui.screens.case.worker_form import WorkerForm
from tui.screens.case.worker_matches import WorkerMatchesDialog
from tui.screens.import_workers import ImportWorkersScreen
from tui.widgets import RecordTable

SAVED = "Souksavanh Phommachanh"
TYPED = "Souksavan Phommachan"  # another spelling of the same name


def two_cases(db: Database) -> tuple[Case, Case, Worker]:
    """Case TH-2026-0001 with Souksavanh Phommachanh, born 3 April 1998 (and another worker,
    so that he is number 2 of it), and case TH-2026-0002, where he is reported again."""
    first = db.save_case(build(Case, {"title": "Workers out of a Mae Sot compound",
                                      "destination_country": "TH", "kind": "group",
                                      "date_reported": "2026-01-10"}))
    db.save_worker(build(Worker, {"case_id": first.id, "full_name": "Bounmy Keomany",
                                  "nationality": "LA"}))
    worker = db.save_worker(build(Worker, {
        "case_id": first.id, "full_name": SAVED, "date_of_birth": "1998-04-03",
        "nationality": "LA", "sex": "male"}))
    second = db.save_case(build(Case, {"title": "A shelter's list", "destination_country": "TH",
                                       "date_reported": "2026-01-20"}))
    return first, second, worker


async def _dialog(pilot, app, case: Case) -> WorkerMatchesDialog:  # type: ignore[no-untyped-def]
    await open_case(pilot, app, case)
    await pilot.press("a")
    await until(pilot, lambda: isinstance(app.screen, WorkerForm))
    await fill(pilot, "full_name", TYPED)
    await fill(pilot, "date_of_birth", "03/04/1998")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, WorkerMatchesDialog))
    return app.screen


async def test_the_dialog_says_why_and_l_links_without_a_new_worker(empty_db: Database) -> None:
    first, second, worker = two_cases(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _dialog(pilot, app, second)
        shown = screen_text(app)
        assert "Already registered?" in shown
        assert f"{SAVED} · {first.ref}, worker 2" in shown
        assert "★ likely, score " in shown and ": same name, same date of birth" in shown
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await until(pilot, lambda: "The person being added is…" in screen_text(app))  # the log
    assert empty_db.workers_of(second.id) == []  # nothing new
    here = [e.summary for e in empty_db.log_of(second.id)]
    assert here == [f"The person being added is already worker 2 of case {first.ref}: linked, "
                    "not added again"]
    there = empty_db.log_of(first.id)
    assert [(e.summary, e.worker_ids) for e in there] == [
        (f"Also reported in case {second.ref}", [worker.id])]
    assert not any(name in entry.summary for name in (SAVED, TYPED)
                   for entry in [*empty_db.log_of(second.id), *there])


async def test_s_saves_a_new_worker_anyway(empty_db: Database) -> None:
    first, second, _worker = two_cases(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _dialog(pilot, app, second)
        await pilot.press("escape")  # back to the form, as typed
        await until(pilot, lambda: isinstance(app.screen, WorkerForm))
        assert empty_db.workers_of(second.id) == []
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, WorkerMatchesDialog))
        await pilot.press("s")
        await until(pilot, lambda: len(empty_db.workers_of(second.id)) == 1)
    assert empty_db.workers_of(second.id)[0].full_name == TYPED
    assert empty_db.log_of(first.id) == [] and empty_db.log_of(second.id) == []


def with_phone_and_dewi(db: Database) -> tuple[Case, Case]:
    """Two cases as `two_cases` makes them; Souksavanh has a phone, and Dewi Lestari, born
    1 February 1990, is a worker of the first case too."""
    first, second, worker = two_cases(db)
    db.save_worker(worker.model_copy(update={"phone": "0812 3456 7890", "nationality": "ID"}))
    db.save_worker(build(Worker, {"case_id": first.id, "full_name": "Dewi Lestari",
                                  "date_of_birth": "1990-02-01", "nationality": "ID"}))
    return first, second


async def _read(pilot, app, case: Case, text: str) -> ImportWorkersScreen:  # type: ignore[no-untyped-def]
    await open_case(pilot, app, case)
    await pilot.press("I")
    await until(pilot, lambda: isinstance(app.screen, ImportWorkersScreen))
    screen = app.screen
    screen.set_focus(screen.query_one("#import-paste", TextArea))
    await set_text(pilot, screen.query_one("#import-paste", TextArea), text)
    await pilot.press("ctrl+r")
    await until(pilot, lambda: bool(screen.rows))
    return screen


async def test_a_list_row_is_linked_and_another_skipped(empty_db: Database) -> None:
    first, second = with_phone_and_dewi(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _read(pilot, app, second, "Nama;Tgl. Lahir\n"
                             "Souksavan Phommachan;03/04/1998\nDewi Lestary;01/02/1990\n"
                             "Siti Aminah;\n")
        assert sorted(screen.choices) == [0, 1]  # Siti Aminah is no one's
        table = screen.query_one("#import-rows", RecordTable)
        screen.set_focus(table)
        await pilot.pause()
        assert "ADD anyway (a/l/s) · check: likely" in screen_text(app)
        await pilot.press("l")  # row 1: Souksavanh, worker 3 of the first case
        assert f"LINK to {first.ref}, worker 3" in screen_text(app)
        await pilot.press("down", "s")  # row 2: Dewi, skipped
        await until(pilot, lambda: "SKIP (a/l/s)" in screen_text(app))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert app.screen.question == (
            "Add 1 worker to this case? 1 row is linked to a worker of another case instead. "
            "1 row is skipped.")
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    assert [w.full_name for w in empty_db.workers_of(second.id)] == ["Siti Aminah"]
    assert [e.summary for e in empty_db.log_of(second.id)] == [
        f"The person being added is already worker 3 of case {first.ref}: linked, not added "
        "again"]
    assert [e.summary for e in empty_db.log_of(first.id)] == [
        f"Also reported in case {second.ref}"]


async def test_a_pasted_chat_is_checked_the_same(empty_db: Database) -> None:
    first, second = with_phone_and_dewi(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _read(pilot, app, second, "Souksavan Phommachan 0812 3456 7890\n"
                             "Siti Aminah\n")
        assert list(screen.choices) == [0]
        row = screen.rows[0]
        assert row.match is not None and row.match.ref == first.ref
        assert "same phone" in row.match.why
        await pilot.press("ctrl+s")  # added anyway: the default
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    assert len(empty_db.workers_of(second.id)) == 2
    assert empty_db.log_of(first.id) == []


async def test_a_list_that_only_links_shows_its_log_entry_at_once(empty_db: Database) -> None:
    """No worker added, one linked: the case page comes back with the link's log entry."""
    first, second = with_phone_and_dewi(empty_db)
    app = PulangApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _read(pilot, app, second, "Nama;Tgl. Lahir\n"
                             "Souksavan Phommachan;03/04/1998\n")
        table = screen.query_one("#import-rows", RecordTable)
        screen.set_focus(table)
        await pilot.pause()
        await pilot.press("l")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                    and "already worker 3" in screen_text(app))
    assert empty_db.workers_of(second.id) == []
