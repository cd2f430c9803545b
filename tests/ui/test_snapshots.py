"""Snapshots of the main screens at 80×24, in English and in Bahasa Indonesia (and the
network's languages, Lao, Khmer and Burmese, on the screens met first).

Each test opens the real app on the demo database built for a fixed day (`fixed_clock`: 10:00
on 6 December 2026, Jakarta time), goes to one screen as an officer would, and compares what
the terminal shows with the SVG kept in tests/ui/__snapshots__/test_snapshots/. A change to a
screen's layout, wording or colours fails here until the snapshot is looked at and accepted:

    pytest tests/ui/test_snapshots.py --snapshot-update

A failing run writes snapshot_report.html (expected and actual side by side).

Nothing on these screens may depend on the machine or the run: the title says "Demo database"
(never a temporary path), the officer is named, the clock and the time zone are fixed, and
notices (which go after a few seconds) and blinking cursors are taken away before the picture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from store.common.i18n import set_language
from store.engine.officer import set_officer
from store.exchange.demo import write_demo
from tests.ui_helpers import screen_text, until
from tui.app import PulangApp
from tui.dialogs.help import HelpScreen
from tui.screens.agreements import DiffScreen
from tui.screens.case import CaseScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.directory import DirectoryScreen
from tui.screens.meetings import MeetingScreen
from tui.screens.screening import ScreeningScreen
from tui.screens.today import TodayScreen

SIZE = (80, 24)


async def steady(pilot: Pilot[None]) -> None:
    """Until two looks at the terminal a moment apart agree."""
    before = None
    while (now := screen_text(pilot.app)) != before:
        before = now
        await pilot.pause(0.1)


async def settle(pilot: Pilot[None], shown: type) -> None:
    """Wait until `shown` is in front, what its workers compute has arrived and the terminal
    is steady; then take away the notices (they go after a few seconds: a slow run would catch
    them, a quick one not) and stop every cursor blinking."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, shown))
    await until(pilot, lambda: all(w.is_finished for w in app.workers if w.node is not app))
    await steady(pilot)
    app.clear_notifications()
    await steady(pilot)
    for screen in app.screen_stack:
        for field in [*screen.query(Input), *screen.query(TextArea)]:
            field.cursor_blink = False
    await pilot.pause()


async def today(pilot: Pilot[None]) -> None:
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.screen.view)
    await settle(pilot, TodayScreen)


async def cases(pilot: Pilot[None]) -> None:
    from tui.screens.cases import CasesScreen

    await today(pilot)
    await pilot.press("2")
    await settle(pilot, CasesScreen)


def open_case(ref: str, worker: str | None = None) -> Callable[[Pilot[None]], Awaitable[None]]:
    """The page of the demo case `ref` (with the cursor on the worker named `worker`)."""

    async def run(pilot: Pilot[None]) -> None:
        app = pilot.app
        await today(pilot)
        db = app.db
        case = db.case_by_ref(ref)
        focus = None
        if worker is not None:
            focus = {"worker": next(w.id for w in db.workers_of(case.id) if w.full_name == worker)}
        app.open_case(case.id, focus=focus)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await settle(pilot, CaseScreen)

    return run


async def screening(pilot: Pilot[None]) -> None:
    """A worker screened as a victim of trafficking: s on them in the case page."""
    await open_case("KH-2025-0001", worker="Dewi Anggraini Siregar")(pilot)
    await pilot.press("s")
    await settle(pilot, ScreeningScreen)


async def directory(pilot: Pilot[None]) -> None:
    await today(pilot)
    await pilot.press("3")
    await settle(pilot, DirectoryScreen)


async def meeting(pilot: Pilot[None]) -> None:
    await today(pilot)
    (visit,) = pilot.app.db.meetings()
    pilot.app.open_record("meeting", visit.id)
    await settle(pilot, MeetingScreen)


async def agreement_diff(pilot: Pilot[None]) -> None:
    """The demo agreement's version 1 against version 2: D on the agreement."""
    from tui.screens.agreements import AgreementScreen

    await today(pilot)
    (agreement,) = pilot.app.db.agreements()
    pilot.app.open_record("agreement", agreement.id)
    await settle(pilot, AgreementScreen)
    await pilot.press("D")
    await settle(pilot, DiffScreen)


async def dashboard(pilot: Pilot[None]) -> None:
    await today(pilot)
    await pilot.press("6")
    await settle(pilot, DashboardScreen)


async def help_over_today(pilot: Pilot[None]) -> None:
    await today(pilot)
    await pilot.press("f1")
    await settle(pilot, HelpScreen)


SCREENS: dict[str, Callable[[Pilot[None]], Awaitable[None]]] = {
    "today": today,
    "cases": cases,
    "case": open_case("TH-2026-0001"),  # two workers, a log entry, no road home yet
    "road_home": open_case("KH-2025-0001"),  # ten workers on their plans: the grid
    "screening": screening,
    "directory": directory,
    "meeting": meeting,
    "agreement_diff": agreement_diff,
    "dashboard": dashboard,
    "help": help_over_today,
}


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_main_screen(screen: str, language: str, snap_compare: Callable[..., bool],
                     fixed_clock: dt.datetime, db_path: Path) -> None:
    set_language(language)  # isolated_environment sets English back afterwards
    set_officer("Ayu Lestari")  # not the account running the tests (forgotten afterwards)
    db = write_demo(db_path)  # built for the fixed day; its title says "Demo database"
    try:
        assert snap_compare(PulangApp(db), run_before=SCREENS[screen], terminal_size=SIZE)
    finally:
        db.close()


# The network's languages: Lao and Khmer on the screens an officer meets first and most, and
# Burmese (begun: Today, the cases and a case translated, the rest in English) on Today.
NETWORK = [(lang, screen) for lang in ("lo", "km")
           for screen in ("today", "cases", "case", "road_home", "dashboard", "help")]
NETWORK.append(("my", "today"))


@pytest.mark.parametrize(("language", "screen"), NETWORK)
def test_main_screen_in_the_networks_languages(
        screen: str, language: str, snap_compare: Callable[..., bool],
        fixed_clock: dt.datetime, db_path: Path) -> None:
    test_main_screen(screen, language, snap_compare, fixed_clock, db_path)


async def after_rizky(pilot: Pilot[None]) -> None:
    """Rizky's legal status and money: w on him in the demo's Cambodian case."""
    from tui.screens.after import WorkerAfterScreen

    await open_case("KH-2025-0001", worker="Rizky Pratama Nugroho")(pilot)
    await pilot.press("w")
    await settle(pilot, WorkerAfterScreen)


def test_worker_legal_status_and_money(snap_compare: Callable[..., bool],
                                       fixed_clock: dt.datetime, db_path: Path) -> None:
    """The worker's page (issue 34): a charge with its hearing in three days marked !, legal
    aid, a statement and the case against the recruiter; fee, ransom demanded and paid by
    his mother, wages and restitution claimed, and the totals per status and currency."""
    set_language("en")
    set_officer("Ayu Lestari")
    db = write_demo(db_path)
    try:
        assert snap_compare(PulangApp(db), run_before=after_rizky, terminal_size=SIZE)
    finally:
        db.close()
