"""One worker's screening on one page: act, means, purpose, the ILO indicators, how they were
recruited, the status the answers suggest and the officer's decision.

Everything is reached with the keyboard alone and fits 80×24 without scrolling: one list of
rows (the questions, then the means of control and the recruitment), with the suggestion, the
decision and a one-line editor below. `y`/`n`/`u` answer the row under the cursor; Enter edits
its evidence note, or opens a picker for a choice. The rule is the domain's
(`store.domain.rules.screening.suggested_status`); the screen only shows it, live. `ctrl+s` saves
and stays, so a group can be screened one worker after another with PageDown; Escape leaves with the
last screening saved here (None if none was).

The page is a package, one module a part (it was tui/screens/screening.py, and everything
importable from there is importable from here): screen.py the screen, made of the parts over
part.py's base: answering.py the rows as the screen draws, moves through and answers them,
decision.py the suggestion and the decision, line.py the one-line editor at the bottom,
saving.py saving and another officer's changes; rows.py the rows themselves and the list that
draws them. The choices from a list open the app's one picker, `tui.dialogs.picker`.
"""

from tui.dialogs.picker import POINTER
from tui.screens.screening.rows import (
    CONTENT_FIELDS,
    CYCLE,
    FIRST_CHOICE,
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
           "TEXT_FIELDS", "Row", "RowKind", "ScreeningList", "ScreeningScreen", "fit",
           "long_label", "mark", "short_label", "shown_value"]
