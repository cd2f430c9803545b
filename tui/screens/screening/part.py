"""The base of the screening page's parts: `ScreeningScreen` (screen.py) is made of the rows
(answering.py), the suggestion and decision (decision.py), the line at the bottom (line.py)
and saving (saving.py). `ScreeningPart` declares the state `ScreeningScreen.__init__` sets up
and, for type checkers only, the screen's methods and properties one part uses of another
(each defined in the module named beside it); at run time it is a plain class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

    from store.db import Database
    from store.domain import Screening, Worker
    from tui.screens.screening.rows import Row, ScreeningList

    _Base = Screen[Screening | None]  # what the parts are part of, for type checkers
else:
    _Base = object


class ScreeningPart(_Base):
    """What every part of `ScreeningScreen` may use of the others."""

    # The state, as ScreeningScreen.__init__ sets it up (and says what each is).
    case_id: str
    worker_id: str
    worker: Worker | None
    case_workers: list[Worker]
    stored: Screening | None
    data: dict[str, Any]
    _initial: dict[str, Any]
    saved: Screening | None
    editing: str | None
    _prompt: str
    _pending: int
    error: str
    _saving: bool

    if TYPE_CHECKING:
        # screen.py
        @property
        def db(self) -> Database: ...
        @property
        def rows(self) -> ScreeningList: ...
        @property
        def row(self) -> Row: ...
        def current(self) -> Screening: ...
        def child(self) -> bool: ...
        def refresh_page(self) -> None: ...
        def _load(self, screening: Screening | None) -> None: ...
        def _change(self, **changes: Any) -> None: ...

        # line.py
        def _start_editing(self, name: str, prompt: str, text: str | None = None) -> None: ...
        def _finish_editing(self, then: Callable[[], object] | None = None) -> None: ...
        def _when_kept(self, action: Callable[[], object]) -> bool: ...
