"""What the case area's forms share: the hint in a date field, and the database a form saves
to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from store.db import Database
    from tui.screens.form import RecordForm

DATE_HINT = "DD/MM/YYYY"


def _db(form: RecordForm[Any]) -> Database:
    return cast("Database", getattr(form.app, "db"))
