"""Driving forms from Pilot with keys: go to a field, type, pick from a list."""

from __future__ import annotations

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
