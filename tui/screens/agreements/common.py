"""What the agreements' modules share: the list of lines the agreement's page and the move
dialog show, the database of the app, a text's number of lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.binding import Binding

from store import _
from tui.screens.today import TodayList

if TYPE_CHECKING:
    from store.db import Database


def _db(node: Any) -> Database:
    return cast("Database", getattr(node.app, "db"))


def line_count(text: str) -> int:
    return len(text.splitlines())


class LineList(TodayList):
    """The lines of one agreement: headings and facts cannot take the cursor, the linked
    records can (the cursor's line in reverse video, as in Today)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._bindings.key_to_bindings["enter"] = [  # noqa: SLF001
            Binding("enter", "select", _("Open"), id="agreement.open")
        ]
