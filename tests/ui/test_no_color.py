"""Under NO_COLOR every focus and cursor shows in reverse video or underlined, never in colour:
the field in front, the text cursor, the highlighted line of an open list and of the palette."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.command import CommandList
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from store.db.database import Database
from tests.ui_helpers import paste, today_shown, until
from tui.app import PulangApp
from tui.screens.case import CaseScreen
from tui.screens.form import RecordForm


def shown(app: PulangApp, region: Region) -> list[Segment]:
    """What the terminal is sent for a region of one line: after the app's line filters
    (which take the colours out under NO_COLOR), without colour codes."""
    strip = app.screen._compositor.render_strips()[region.y]  # noqa: SLF001
    segments = list(strip.crop(region.x, region.right))
    for line_filter in app.get_line_filters():
        segments = line_filter.apply(segments, app.screen.background_colors[1])
    for segment in segments:
        style = segment.style
        assert style is None or ((style.color is None or style.color.is_default)
                                 and (style.bgcolor is None or style.bgcolor.is_default))
    return segments


def marked(segments: list[Segment], underline: bool = True) -> str:
    """The text of the segments shown in reverse video (or underlined)."""
    return "".join(s.text for s in segments if s.style is not None
                   and (s.style.reverse or (underline and s.style.underline)))


def line_of(app: PulangApp, widget: Widget, y: int = 0) -> Region:
    region = widget.region
    return Region(region.x, region.y + y, region.width, 1)


@pytest.fixture
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


async def new_case_form(pilot) -> RecordForm:  # type: ignore[no-untyped-def]
    app = pilot.app
    await today_shown(pilot)
    await pilot.press("n")
    await until(pilot, lambda: isinstance(app.screen, RecordForm))
    await pilot.pause()
    return app.screen


async def test_the_field_in_front_and_the_text_cursor_show_without_colours(
        demo_db: Database, no_color: None) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        form = await new_case_form(pilot)
        title = form.query_one("#f-title", Input)
        assert app.focused is title
        await paste(pilot, "abc")
        await until(pilot, lambda: title._cursor_visible)  # noqa: SLF001 - between blinks
        # The cursor: the cell after "abc", in reverse video.
        cursor = title.region.x + title.styles.gutter.left + 3
        assert marked(shown(app, Region(cursor, title.region.y, 1, 1))) == " "
        # The field in front: its label in reverse video, and only its label.
        assert marked(shown(app, line_of(app, form.query_one("#l-title")))).strip() == "Title *"
        assert not marked(shown(app, line_of(app, form.query_one("#l-kind"))))
        # Tab moves the mark to the next field's label, whatever kind of field it is.
        for name in ("kind", "destination_country", "destination_place", "origin_country",
                     "exploitation_types", "sector"):
            await pilot.press("tab")
            await pilot.pause()
            assert app.focused is form.query_one(f"#f-{name}")
            label = form.query_one(f"#l-{name}")
            form.scroll_to_widget(label)
            await pilot.pause()
            assert marked(shown(app, line_of(app, label))).strip().rstrip(" *") == str(
                label.render()).rstrip(" *"), name
            assert not marked(shown(app, line_of(app, form.query_one("#l-title"))))


async def test_the_highlighted_line_of_an_open_list_shows_without_colours(
        demo_db: Database, no_color: None) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_case_form(pilot)
        await pilot.press("tab", "enter")  # Kind: its list opens
        await pilot.pause()
        select = form.query_one("#f-kind", Select)
        assert select.expanded
        overlay = select.query_one("SelectOverlay")
        first, second = line_of(app, overlay, 0), line_of(app, overlay, 1)
        assert "individual" in marked(shown(app, first))
        assert not marked(shown(app, second))
        await pilot.press("down")
        await pilot.pause()
        assert "group" in marked(shown(app, second)) and not marked(shown(app, first))


async def test_the_cursor_of_a_log_entry_s_summary_shows_without_colours(
        demo_db: Database, no_color: None) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        case = demo_db.case_by_ref("TH-2026-0001")
        assert case is not None
        app.open_case(case.id)
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, RecordForm))
        summary = app.screen.query_one("#f-summary", TextArea)
        app.screen.set_focus(summary)
        await paste(pilot, "Called")
        await until(pilot, lambda: summary._cursor_visible)  # noqa: SLF001 - between blinks
        x = summary.region.x + summary.styles.gutter.left + summary.gutter_width + 6
        assert marked(shown(app, Region(x, summary.region.y, 1, 1))) == " "


async def test_the_highlighted_command_of_the_palette_shows_without_colours(
        demo_db: Database, no_color: None) -> None:
    app = PulangApp(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_shown(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen.query(CommandList))
        await paste(pilot, "case")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 1
                    and commands.highlighted is not None)
        await pilot.pause()
        # (The letters that match what was typed are underlined on every line.)
        lines = [marked(shown(app, line_of(app, commands, y)), underline=False)
                 for y in range(commands.region.height)]
        highlighted = [n for n, text in enumerate(lines) if text.strip()]
        # One command (of one or two lines: its name and its help) is marked, not the others.
        assert highlighted and highlighted[0] <= 1 and len(highlighted) <= 2, lines
