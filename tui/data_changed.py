"""The app's one signal that another officer changed the database (`app.data_changed`): the
app publishes it when its regular look finds a change, and every screen that shows data
subscribes to it as it mounts, with one signature: `others_changed(change: DataChanged)`.
Each screen works out itself whether it is in front (`self is self.app.screen`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from store.domain import CaseRow


@dataclass(frozen=True)
class DataChanged:
    """What the signal carries: the cases list as it is now (nothing screen-specific)."""

    rows: list[CaseRow]


def follow_data_changes(screen: Screen[object], callback: Callable[[DataChanged], None]) -> None:
    """From a screen's `on_mount`: call `callback` each time another officer changes the
    data, at once (in the same turn as the app's look), while the screen is in the stack."""
    signal = getattr(screen.app, "data_changed", None)
    if signal is not None:  # a screen tried on its own, in an app that is not Pulang's
        signal.subscribe(screen, callback, immediate=True)


def first_load(screen: Screen[object], load: Callable[[], None],
               callback: Callable[[DataChanged], None]) -> bool:
    """From a record's page's `on_mount`: follow other officers' changes (`callback`), and
    load what the page shows. When it is gone (the worker or the case removed meanwhile), say
    so and go back: False."""
    from store import PulangError
    from store.domain import printable

    follow_data_changes(screen, callback)
    try:
        load()
    except PulangError as error:
        screen.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        screen.app.call_later(screen.app.pop_screen)
        return False
    return True
