"""Widgets shared by several screens (and by dialogs): the modules hold them by kind, fields
(`inputs`), tables (`tables`), lists (`lists`), Today's list (`today_list`), the cases list
(`caselist`), charts (`chart`) and a record page's following of other officers (`follow`).

Widgets import no screen and no dialog. The names the single module `tui.widgets` offered
before are offered here still.
"""

from tui.widgets.follow import FollowsOtherOfficers
from tui.widgets.inputs import _NEVER_SHOWN, CheckBox, ControlCharacterFilter, DateInput, TextInput
from tui.widgets.lists import ChoiceList, CursorOptionList, still_listed, with_cursor
from tui.widgets.tables import (
    DIRECTION_MARKS,
    RecordTable,
    cell,
    direction_words,
    indented,
    log_kind,
)

__all__ = [
    "DIRECTION_MARKS",
    "_NEVER_SHOWN",
    "CheckBox",
    "ChoiceList",
    "ControlCharacterFilter",
    "CursorOptionList",
    "DateInput",
    "FollowsOtherOfficers",
    "RecordTable",
    "TextInput",
    "cell",
    "direction_words",
    "indented",
    "log_kind",
    "still_listed",
    "with_cursor",
]
