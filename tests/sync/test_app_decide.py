"""A conflict decided in the app: listed on Today, opened with Enter, decided with one key,
gone from Today and sent at the next sync. The real app through Pilot, the real store and hub."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from store.db.database import Database
from store.domain import row_spellings
from store.domain.records import Worker
from store.engine import audit
from store.sync import conflicts
from tests.sync.test_deciding import _phones_apart
from tests.sync.test_sync import _sync, removed_and_edited
from tests.ui_helpers import open_case, screen_text, until


def _lines(app: object) -> list[str]:
    from tui.widgets.today_list import TodayList

    listing = app.screen.query_one(TodayList)  # type: ignore[attr-defined]
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def _to_decide(pilot: object, app: object) -> None:
    from tui.screens.today import TodayScreen
    from tui.widgets.today_list import TodayList

    await until(pilot, lambda: isinstance(app.screen, TodayScreen)  # type: ignore[attr-defined]
                and any("Conflicts to decide" in line for line in _lines(app)))
    listing = app.screen.query_one(TodayList)  # type: ignore[attr-defined]
    listing.cursor_to(next(listing.get_option_at_index(i).id for i in range(
        listing.option_count) if (listing.get_option_at_index(i).id or "").startswith("c:")))


async def _open_decision(pilot: object, app: object) -> None:
    """Enter on the line under the cursor: "Changed by another officer", both versions read."""
    from tui.screens.decide import DecideScreen

    await pilot.press("enter")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, DecideScreen)  # type: ignore
                and app.screen.found is not None)  # type: ignore[attr-defined]


async def test_a_phone_changed_at_two_sites_is_decided_from_today(
        make_site: Callable[..., Database], hub_url: str) -> None:
    from tui.app import PulangApp
    from tui.screens.decide import DecideScreen

    jakarta, field, worker = _phones_apart(make_site, hub_url)
    app = PulangApp(field)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_decide(pilot, app)
        lines = _lines(app)
        assert any("Conflicts to decide (1)" in line for line in lines)
        assert any("⚠ decide" in line and "Phone" in line for line in lines)
        await _open_decision(pilot, app)
        message = str(app.screen.query_one("#decide-message", Static).render())
        assert "Mine:" in message and "at Field" in message and "at Jakarta" in message
        await pilot.press("t")  # keep theirs: Jakarta's number
        await until(pilot, lambda: not isinstance(app.screen, DecideScreen))
        await until(pilot, lambda: not any("Conflicts to decide" in line
                                           for line in _lines(app)))
        assert app.sync_conflicts == {}
    assert field.get(Worker, worker.id).phone == "+6281234500001"
    assert [e for e in field.history(worker.id) if e.action == audit.DECIDED]
    _sync(field, hub_url, "Field")
    _sync(jakarta, hub_url, "Jakarta")
    assert conflicts(jakarta) == {}
    assert jakarta.get(Worker, worker.id).phone == "+6281234500001"


async def test_a_removal_against_an_edit_is_said_in_words(
        make_site: Callable[..., Database], hub_url: str) -> None:
    from tui.app import PulangApp
    from tui.screens.decide import DecideScreen

    jakarta, field, task_id = removed_and_edited(make_site, hub_url)
    app = PulangApp(jakarta)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_decide(pilot, app)
        assert any("removed at one site, edited at the other" in line for line in _lines(app))
        await _open_decision(pilot, app)
        message = " ".join(str(app.screen.query_one("#decide-message", Static).render()).split())
        assert "Removed at Jakarta" in message and "edited" in message and "at Field" in message
        await pilot.press("b")  # not a list: nothing happens
        assert isinstance(app.screen, DecideScreen)
        await pilot.press("m")  # mine: removed
        await until(pilot, lambda: not isinstance(app.screen, DecideScreen))
    assert task_id not in {i for i, (t, _b) in jakarta.replica_records().items()}


async def test_until_decided_the_field_is_marked_where_it_is_shown(
        make_site: Callable[..., Database], hub_url: str) -> None:
    from tui.app import PulangApp
    from tui.screens.case.worker_form import WorkerForm

    jakarta, field, worker = _phones_apart(make_site, hub_url)
    app = PulangApp(field)
    async with app.run_test(size=(100, 30)) as pilot:
        await _to_decide(pilot, app)  # the marks are read
        screen = await open_case(pilot, app, worker.case_id)
        await until(pilot, lambda: "⚠" in screen_text(app))
        shown = screen_text(app)
        assert "⚠ Changed at two sites while apart" in shown and "Decide on Today" in shown
        # The worker's row, by the spelling that fits a row (the demo has Khmer names too).
        assert f"⚠ {row_spellings(worker.all_names, worker.id)[0]}" in shown
        screen.query_one("#workers").move_to_key(worker.id)
        await pilot.press("enter")  # the worker's form
        await until(pilot, lambda: isinstance(app.screen, WorkerForm))
        await pilot.pause()
        form = screen_text(app)
        assert "⚠ Phone" in form and "⚠ marks a field changed at two sites" in form
        assert "⚠ Full name" not in form
