"""The case area: one case's page (its facts, its workers and its log), the forms for a case, a
worker, a log entry and a consent, and the dialog that sets a step of the road home.

`from tui.screens.case import CaseScreen` keeps working as before the page became a package."""

from tui.screens.case.case_form import CaseForm
from tui.screens.case.consent_form import ConsentForm
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.screen import CaseScreen
from tui.screens.case.step import StepDialog
from tui.screens.case.text import shown
from tui.screens.case.worker_form import WorkerForm

__all__ = ["CaseForm", "CaseScreen", "ConsentForm", "LogEntryForm", "StepDialog", "WorkerForm",
           "shown"]
