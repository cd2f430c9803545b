"""Shim: the old path of the dialog that sets one step of the road home
(tui/screens/case/step.py), removed once the moves of issue 26 are merged."""

from tui.screens.case.step import STATUS_KEYS, StepDialog

__all__ = ["STATUS_KEYS", "StepDialog"]
