"""The base of every record form (`RecordForm`, `record_form`), the fields it is made of
(`FieldSpec` and the fields that open the picker, `fields`), and what it does when another
officer saved the record first (`both_versions`).

A form is a screen that opens dialogs (the picker, a yes/no question, both versions side by
side), so it sits with the screens, above `tui.dialogs`. The names the single module
`tui.screens.form` offered are offered here still.
"""

from tui.screens.form.fields import FieldKind, FieldSpec, R
from tui.screens.form.record_form import RecordForm

__all__ = ["FieldKind", "FieldSpec", "R", "RecordForm"]
