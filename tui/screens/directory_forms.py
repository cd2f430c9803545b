"""Shim: the old path of the directory's forms (now tui/screens/directory/form.py,
matches.py, organisation_form.py and person_form.py), removed once the moves of issue 26 are
merged.
"""

from __future__ import annotations

from tui.screens.directory.form import R
from tui.screens.directory.matches import LikelyMatchesDialog
from tui.screens.directory.organisation_form import OrganisationForm
from tui.screens.directory.person_form import DATE_HINT, PersonForm

__all__ = ["DATE_HINT", "LikelyMatchesDialog", "OrganisationForm", "PersonForm", "R"]
