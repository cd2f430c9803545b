"""The screening page (`ScreeningScreen`), one module a part: what was tui/screens/screening.py.

Everything importable from `tui.screens.screening` before is importable from here still.
"""

from tui.screens.screening.pick_many import PickMany, PointedChoiceList
from tui.screens.screening.pick_one import PickOne, PointedOptionList
from tui.screens.screening.picker import Picker
from tui.screens.screening.rows import (
    CONTENT_FIELDS,
    CYCLE,
    FIRST_CHOICE,
    POINTER,
    RECRUITMENT,
    ROWS,
    TEXT_FIELDS,
    Row,
    RowKind,
    ScreeningList,
    fit,
    long_label,
    mark,
    short_label,
    shown_value,
)
from tui.screens.screening.screen import ScreeningScreen

__all__ = ["CONTENT_FIELDS", "CYCLE", "FIRST_CHOICE", "POINTER", "RECRUITMENT", "ROWS",
           "TEXT_FIELDS", "PickMany", "PickOne", "Picker", "PointedChoiceList",
           "PointedOptionList", "Row", "RowKind", "ScreeningList", "ScreeningScreen", "fit",
           "long_label", "mark", "short_label", "shown_value"]
