"""Shim: the old path of `tui.widgets.caselist`, removed once the moves of issue 26 are merged."""

from tui.widgets.caselist import CaseList, Column, fit

__all__ = ["CaseList", "Column", "fit"]
