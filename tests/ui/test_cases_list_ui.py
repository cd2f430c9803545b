"""The cases list's columns at 80, 60 and 120 columns: the reference is never cut (it is how
officers talk about a case); the title gives way first, and at 60 columns the list keeps the
reference, the stage and the next due date.

The real app on a real database whose references run to five digits (as after ten thousand
cases in a year), driven by keys."""

from __future__ import annotations

import datetime as dt

import pytest

from store.common.i18n import format_date
from store.db.database import Database
from store.domain.records import Case, LogEntry, build
from tests.ui_helpers import screen_text, to_cases, today_shown, until
from tui.app import PulangApp
from tui.screens.cases import CasesScreen

LONG_TITLE = "Forty workers held in an online-scam compound near the Myawaddy crossing"
PLACE = "Mae Sot, Tak"
DUE = dt.date.today() + dt.timedelta(days=3)
STAGES = ("awaiting_rescue", "immigration_clearance", "in_shelter")
STAGE_NAMES = ("awaiting rescue", "immigration clearance", "in shelter")


@pytest.fixture
def long_refs(empty_db: Database) -> tuple[Database, list[str]]:
    # As an export of a large database read into this one: ten thousand cases before these.
    empty_db.restore_records({}, {"TH-2021": 10822})
    refs = []
    for n, stage in enumerate(STAGES):
        case = empty_db.save_case(build(Case, {
            "title": f"{LONG_TITLE} ({n})", "destination_country": "TH",
            "destination_place": PLACE, "date_reported": "03/05/2021", "stage": stage}))
        empty_db.save_log_entry(build(LogEntry, {
            "case_id": case.id, "summary": "Asked the labour desk",
            "next_step": "Call back", "due_date": DUE}))
        refs.append(case.ref or "")
    assert refs == ["TH-2021-10823", "TH-2021-10824", "TH-2021-10825"]
    return empty_db, refs


async def shown_at(db: Database, width: int, refs: list[str]) -> tuple[PulangApp, list[str]]:
    app = PulangApp(db)
    async with app.run_test(size=(width, 24)) as pilot:
        await to_cases(pilot)
        await until(pilot, lambda: isinstance(app.screen, CasesScreen) and app.screen.loaded)
        await pilot.pause()
        text = screen_text(app)
    return app, text.splitlines()


def line_of(lines: list[str], ref: str) -> str:
    """The list's line of the case `ref`, its next due date under the heading's."""
    found = [line for line in lines if line.strip().startswith(ref)]
    assert found, f"{ref} is not shown whole:\n" + "\n".join(lines)
    heading = next(line for line in lines if "Reference" in line)
    assert found[0].index(format_date(DUE)) == heading.index("Next due"), [heading, found[0]]
    return found[0]


async def test_at_80_columns_the_reference_is_whole_and_the_title_gives_way(
        long_refs: tuple[Database, list[str]]) -> None:
    db, refs = long_refs
    _app, lines = await shown_at(db, 80, refs)
    for ref in refs:
        line = line_of(lines, ref)
        assert LONG_TITLE[:12] in line and "…" in line, line
        assert format_date(DUE) in line, "the next due date stays on screen"
        assert len(line.rstrip()) <= 80


async def test_at_60_columns_reference_stage_and_next_due_stay(
        long_refs: tuple[Database, list[str]]) -> None:
    db, refs = long_refs
    _app, lines = await shown_at(db, 60, refs)
    for ref, stage in zip(refs, STAGE_NAMES, strict=True):
        line = line_of(lines, ref)
        assert stage in line, line  # the widest ("immigration clearance") whole too
        assert format_date(DUE) in line, line
        assert LONG_TITLE[:12] not in line, "the title is the column that goes"


async def test_a_wide_terminal_gives_room_to_stage_and_destination_too(
        long_refs: tuple[Database, list[str]]) -> None:
    db, refs = long_refs
    _app, lines = await shown_at(db, 120, refs)
    for ref, stage in zip(refs, STAGE_NAMES, strict=True):
        line = line_of(lines, ref)
        assert stage in line, line
        assert f"TH {PLACE}" in line, line
        assert LONG_TITLE[:40] in line, "and the title has the rest"
        assert format_date(DUE) in line


async def test_today_shows_long_references_whole_too(
        long_refs: tuple[Database, list[str]]) -> None:

    db, refs = long_refs
    app = PulangApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        lines = screen_text(app).splitlines()
        for ref in refs:
            assert any(ref in line and "Call back" in line for line in lines), ref
