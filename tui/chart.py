"""Shim: the old path of `tui.widgets.chart`, removed once the moves of issue 26 are merged."""

from tui.widgets.chart import BASE, FULL, RIGHT, UPPER, bars, column_step, columns

__all__ = ["BASE", "FULL", "RIGHT", "UPPER", "bars", "column_step", "columns"]
