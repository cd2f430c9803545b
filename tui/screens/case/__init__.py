"""The case area: one case's page (its facts, its workers and its log), the forms for a case, a
worker, a log entry and a consent, and the dialog that sets a step of the road home.

`from tui.screens.case import CaseScreen` keeps working as before the page became a package."""

from tui.screens.case.screen import CaseScreen, shown

__all__ = ["CaseScreen", "shown"]
