"""Driving the app from Pilot: go to a field, put text in it, pick from a list; and the small
setups and waits the UI tests share (a case to open, Today shown, the unlock screen...).

Text goes into a field at once (as a paste or an import would), not key by key: Pilot takes
about 85 ms a key, and a test of what a form does with a title is not a test of typing. The
tests whose point is typing itself (tests/ui/test_typing_burst.py, key bindings, bursts) press
their keys, or queue them with `send_at_once`."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from rich.console import Console
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea

from store.db.database import Database
from store.domain.records import Case, Worker, build


async def focus(pilot: Pilot[None], name: str) -> None:
    """Go straight to a field (a person would press Tab until there)."""
    screen = pilot.app.screen
    screen.set_focus(screen.query_one(f"#f-{name}"))
    await pilot.pause()


async def fill(pilot: Pilot[None], name: str, text: str) -> None:
    """Go to a form's text field and replace what it holds with `text`."""
    await focus(pilot, name)
    await set_text(pilot, pilot.app.screen.query_one(f"#f-{name}"), text)


async def set_text(pilot: Pilot[None], widget: Widget, text: str) -> None:
    """Replace what a text field holds with `text`, the cursor after it, as if the officer
    had cleared it and typed (the field sends the same Changed message)."""
    if isinstance(widget, Input):
        widget.value = text
        widget.cursor_position = len(text)
    else:
        assert isinstance(widget, TextArea), type(widget)
        widget.text = text
        widget.move_cursor(widget.document.end)
    await pilot.pause()


async def paste(pilot: Pilot[None], text: str) -> None:
    """Put `text` where the cursor is, in the field in front, as the terminal delivers a
    paste: all at once, through the app's own handling of input (once the screen in front
    has settled, so that the field the officer would type into has the focus)."""
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def send_at_once(app: App[None], *keys: str) -> None:
    """Keys as a terminal delivers a burst: all queued before the app handles the first.
    A key of one character is typed; a longer one is a named key (tab, ctrl+u...)."""
    driver = app._driver  # noqa: SLF001
    assert driver is not None
    for key in keys:
        for char in (key if len(key) == 1 or " " in key else [key]):
            named = "space" if char == " " else char
            event = events.Key(named, char if len(char) == 1 else None)
            event.set_sender(app)
            driver.send_message(event)


async def choose(pilot: Pilot[None], name: str, label: str) -> None:
    """Go to a Select and pick the option shown as `label` (as Enter, the arrows and Enter on
    its open list would: the Select sends the same Changed message). Opening the list by keys
    is tested where it is the point (tests/ui/test_no_color.py, test_language_ui.py)."""
    await focus(pilot, name)
    select = pilot.app.screen.query_one(f"#f-{name}", Select)
    values = {str(prompt): value for prompt, value in select._options}  # noqa: SLF001
    select.value = values[label]
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


def notes(app: App[None]) -> list[str]:
    """The notifications shown so far (the app run with notifications=True)."""
    return [str(n.message) for n in app._notifications]  # noqa: SLF001


async def until(pilot: Pilot[None], condition: Callable[[], object], timeout: float = 20) -> None:
    """Let the app run until `condition()` holds (a generous limit, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the app did not get there"
        await pilot.pause(0.05)


# -- where the tests start from ------------------------------------------------------------


async def to_cases(pilot: Pilot[None]) -> None:
    """From Today, the first screen, to the list of cases, as an officer would: press 2."""
    from tui.screens.cases import CasesScreen

    await pilot.press("2")
    await until(pilot, lambda: isinstance(pilot.app.screen, CasesScreen))


async def today_shown(pilot: Pilot[None]):  # type: ignore[no-untyped-def]
    """Today in front with its content (worked out in a thread)."""
    from tui.screens.today import TodayScreen

    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.screen.view)
    await pilot.pause()
    return app.screen


def a_case(db: Database, *names: str) -> tuple[Case, list[Worker]]:
    """A group case in Cambodia with a worker of each name."""
    case = db.save_case(build(Case, {"title": "Eleven workers out of a Bavet compound",
                                     "kind": "group", "destination_country": "KH",
                                     "date_reported": "2026-01-10"}))
    workers = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": name}))
               for name in names]
    return case, workers


def group_case(db: Database, workers: int = 10) -> tuple[Case, list[Worker]]:
    """A group case in shelter with `workers` workers, "Worker 01" on."""
    case = db.save_case(build(Case, {"title": "Ten workers", "destination_country": "KH",
                                     "kind": "group", "date_reported": "12/12/2025",
                                     "stage": "in_shelter"}))
    people = [db.save_worker(build(Worker, {"case_id": case.id, "full_name": f"Worker {n:02d}",
                                            "nationality": "ID"}))
              for n in range(1, workers + 1)]
    return case, people


def a_case_to_screen(db: Database) -> tuple[Case, Worker, Worker]:
    """A case with two workers to screen: Rahmat, 24, and Siti, 16."""
    case = db.save_case(build(Case, {"title": "Ten workers escaped an online-gambling network",
                                     "destination_country": "KH"}))
    rahmat = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Rahmat Hidayat",
                                           "age": "24"}))
    siti = db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Siti Nurhaliza",
                                         "age": "16"}))
    return case, rahmat, siti


async def open_case(pilot, app, case: Case | str):  # type: ignore[no-untyped-def]
    """Open a case's page (a Case or its id) once the data is there and Today, the first
    screen, is up; wait until the page shows the case."""
    from tui.screens.case import CaseScreen
    from tui.screens.today import TodayScreen

    await until(pilot, lambda: app.db is not None and isinstance(app.screen, TodayScreen))
    app.open_case(case if isinstance(case, str) else case.id)
    await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case is not None)
    screen = app.screen
    assert isinstance(screen, CaseScreen)
    return screen


async def open_seed_case(pilot, ref: str = "KH-2025-0001"):  # type: ignore[no-untyped-def]
    """From Today, as an officer would: / and the reference, Enter."""
    from tui.screens.case import CaseScreen
    from tui.screens.today import TodayScreen

    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, TodayScreen) and app.db is not None)
    await find_and_open(pilot, ref)
    await until(pilot, lambda: isinstance(app.screen, CaseScreen) and app.screen.case)
    return app.screen


async def find_and_open(pilot: Pilot[None], text: str) -> None:
    """/ to the list's filter, the text in it, Enter on the first case shown (kept until the
    data is there, as typed keys are)."""
    app = pilot.app
    await pilot.press("slash")
    await until(pilot, lambda: app.focused is not None and app.focused.id == "filter")
    await paste(pilot, text)
    await pilot.press("enter")


def palette_offers(app: App[None], text: str) -> bool:
    """Whether the command palette is up with a command naming `text` under its cursor."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists:
        return False
    commands = lists.first()
    if commands.highlighted is None or commands.option_count == 0:
        return False
    return text in str(commands.get_option_at_index(commands.highlighted).prompt)


async def open_screening(app, pilot: Pilot[None], case: Case, worker: Worker):  # type: ignore[no-untyped-def]
    """Open the case with the cursor on `worker`, and press s as an officer would."""
    from tui.screens.case import CaseScreen
    from tui.screens.screening import ScreeningScreen

    app.open_case(case.id, focus={"worker": worker.id})
    await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    await pilot.pause()
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, ScreeningScreen))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ScreeningScreen)
    return screen


async def type_passphrase(pilot: Pilot[None], text: str) -> None:
    """On the unlock screen: the passphrase in its field, Enter, and the answer of the key
    derivation (it runs in a thread): refused (the screen no longer busy) or taken (the
    unlock screen gone)."""
    app = pilot.app
    screen = app.screen
    field = screen.query_one("#passphrase", Input)
    field.value = text
    await pilot.press("enter")
    await until(pilot, lambda: not screen._busy or app.screen is not screen)  # noqa: SLF001
    await pilot.pause()
