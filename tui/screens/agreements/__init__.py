"""Cooperation agreements (key 5): the list, one agreement with its dated lifecycle, its draft
versions and what changed between two of them, its commitments and the meetings that
discussed it.

An agreement's text is kept plain: it is shown through `printable` as Rich `Text`, never read as
markup. The difference between two versions reads without colour (every line starts with `-`,
`+` or a space); with colour, added lines are green and removed ones red.

The modules, one screen, dialog or form each: listing.py (`AgreementsScreen`), agreement.py
(`AgreementScreen`), move.py (`MoveDialog`), agreement_form.py (`AgreementForm`),
version_form.py (`VersionForm`), version.py (`VersionScreen`), diff.py (`DiffScreen`); the
difference between two texts in differences.py, and what several share in common.py.
"""

from __future__ import annotations

from tui.screens.agreements.agreement import AgreementScreen
from tui.screens.agreements.agreement_form import AgreementForm
from tui.screens.agreements.common import LineList, line_count
from tui.screens.agreements.diff import DiffScreen
from tui.screens.agreements.differences import (
    ADDED,
    HUNK,
    REMOVED,
    SAME,
    pad,
    side_rows,
    side_text,
    unified_lines,
    unified_text,
    wrap,
)
from tui.screens.agreements.listing import AgreementsScreen, party_names, short_names
from tui.screens.agreements.move import DATE_HINT, MoveDialog
from tui.screens.agreements.version import VersionScreen
from tui.screens.agreements.version_form import VersionForm

__all__ = ["ADDED", "DATE_HINT", "HUNK", "REMOVED", "SAME", "AgreementForm", "AgreementScreen",
           "AgreementsScreen", "DiffScreen", "LineList", "MoveDialog", "VersionForm",
           "VersionScreen", "line_count", "pad", "party_names", "short_names", "side_rows",
           "side_text", "unified_lines", "unified_text", "wrap"]
