"""Shim: the old path of the case area's forms (tui/screens/case/case_form.py, worker_form.py,
log_form.py, consent_form.py), removed once the moves of issue 26 are merged."""

from tui.screens.case.case_form import CaseForm
from tui.screens.case.consent_form import ConsentForm
from tui.screens.case.fields import DATE_HINT
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.worker_form import WorkerForm

__all__ = ["DATE_HINT", "CaseForm", "ConsentForm", "LogEntryForm", "WorkerForm"]
