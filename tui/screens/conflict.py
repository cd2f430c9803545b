"""Shim: the old path of `tui.dialogs.conflict`, removed once the moves of issue 26 are
merged."""

from tui.dialogs.conflict import Choice, ConflictScreen, Difference, keep_or_drop

__all__ = ["Choice", "ConflictScreen", "Difference", "keep_or_drop"]
