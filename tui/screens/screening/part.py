"""The base of the screening page's parts: `ScreeningScreen` (screen.py) is made of the rows
(answering.py), the suggestion and decision (decision.py), the line at the bottom (line.py)
and saving (saving.py). `ScreeningPart` declares the state `ScreeningScreen.__init__` sets up
and, for type checkers only, the screen's methods and properties one part uses of another
(each defined in the module named beside it); at run time it is a plain class, with the one
thing every part does alike: `_pick`, a choice from a list over the page (the app's one picker,
`PickerDialog`, without its filter line).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui.dialogs.picker import PickerDialog, PickItem

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

    def _pick(self, title: str, options: list[tuple[str, Any]], current: list[Any],
              then: Callable[[Any], None], *, multiple: bool = False) -> None:
        """Choose from `options` ((text, value) pairs) over the page, the `current` value(s)
        under the cursor or ticked. `then` gets the value picked as a 1-tuple (with `multiple`,
        the values ticked, in the options' order), or None when Escape left it as it was."""
        values = [value for _text, value in options]
        items = [PickItem(str(index), text) for index, (text, _value) in enumerate(options)]
        chosen = [str(values.index(value)) for value in current if value in values]

        def picked(ids: list[str] | None) -> None:
            if ids is None:
                then(None)
            elif multiple:
                then([value for index, value in enumerate(values) if str(index) in ids])
            else:
                then((values[int(ids[0])],))

        self.app.push_screen(PickerDialog(title, items, multiple=multiple, chosen=chosen,
                                          filter=False), picked)
