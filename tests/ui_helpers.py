"""Driving forms from Pilot with keys: go to a field, type, pick from a list."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Select, SelectionList, TextArea


async def focus(pilot: Pilot[None], name: str) -> None:
    """Go straight to a field (a person would press Tab until there)."""
    screen = pilot.app.screen
    screen.set_focus(screen.query_one(f"#f-{name}"))
    await pilot.pause()


async def fill(pilot: Pilot[None], name: str, text: str) -> None:
    """Replace a text field's content by typing, as a person would."""
    await focus(pilot, name)
    widget = pilot.app.screen.query_one(f"#f-{name}")
    if isinstance(widget, Input):
        await pilot.press("end", *(["backspace"] * len(widget.value)))
    elif isinstance(widget, TextArea):
        widget.select_all()
        await pilot.press("backspace")
    if text:
        await pilot.press(*text)


async def choose(pilot: Pilot[None], name: str, label: str) -> None:
    """Pick the option shown as `label` in a Select: Enter opens it, arrows move, Enter picks."""
    await focus(pilot, name)
    select = pilot.app.screen.query_one(f"#f-{name}", Select)
    labels = [str(prompt) for prompt, _value in select._options]  # noqa: SLF001
    await pilot.press("enter", "home", *(["down"] * labels.index(label)), "enter")
    await pilot.pause()


async def tick(pilot: Pilot[None], name: str, label: str) -> None:
    """Tick one item of a list of choices with arrows and Space."""
    await focus(pilot, name)
    selection = pilot.app.screen.query_one(f"#f-{name}", SelectionList)
    prompts = [str(selection.get_option_at_index(i).prompt) for i in range(selection.option_count)]
    await pilot.press("home", *(["down"] * prompts.index(label)), "space")
    await pilot.pause()


def screen_text(app: App[None]) -> str:
    """What the terminal shows now, as plain text (the screen in front and any under it)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      legacy_windows=False, color_system=None)
    console.print(app.screen._compositor.render_update(  # noqa: SLF001
        full=True, screen_stack=app._background_screens))  # noqa: SLF001
    return console.export_text()


async def until(pilot: Pilot[None], condition: Callable[[], object], timeout: float = 20) -> None:
    """Let the app run until `condition()` holds (a generous limit, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the app did not get there"
        await pilot.pause(0.05)


async def to_cases(pilot: Pilot[None]) -> None:
    """From Today, the first screen, to the list of cases, as an officer would: press 2."""
    from tui.screens.cases import CasesScreen

    await pilot.press("2")
    await until(pilot, lambda: isinstance(pilot.app.screen, CasesScreen))
