"""Widgets shared by several screens (and by dialogs): the modules hold them by kind, fields
(`inputs`), tables (`tables`), lists (`lists`), Today's list (`today_list`), the cases list
(`caselist`), charts (`chart`) and a record page's following of other officers (`follow`).

Widgets import no screen and no dialog. The names the single module `tui.widgets` offered
before are offered here still, each imported from its module when first asked for (PEP 562):
the app's first frame needs the cases list's filter (`inputs`), not the tables (Textual's
DataTable) nor the rest.
"""

from __future__ import annotations

import importlib
from typing import Any

# The module each public name comes from, imported on first use.
_MODULE_OF: dict[str, str] = {
    "FollowsOtherOfficers": "tui.widgets.follow",
    **dict.fromkeys(("_NEVER_SHOWN", "CheckBox", "ControlCharacterFilter", "DateInput",
                     "TextInput"), "tui.widgets.inputs"),
    **dict.fromkeys(("ChoiceList", "CursorOptionList", "still_listed", "with_cursor"),
                    "tui.widgets.lists"),
    **dict.fromkeys(("DIRECTION_MARKS", "RecordTable", "cell", "direction_words", "indented",
                     "log_kind"), "tui.widgets.tables"),
}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    """The object behind a public name, from its module (imported on first use)."""
    try:
        module = _MODULE_OF[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})
