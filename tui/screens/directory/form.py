"""What the directory's forms share: a new record is checked against the directory before it
is saved.

When the name (or another spelling, the acronym) looks like a record already there,
`LikelyMatchesDialog` lists them and the officer chooses: save it as a new record anyway (`s`),
open the one already there (Enter or `o`: it opens on top of the form, which keeps what was
typed), or go back to the form (Escape). Saving a duplicate is never silent, and never
impossible: two people may share a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from store import _
from store.domain import Organisation, Person
from tui.dialogs.picker import PickItem
from tui.screens.directory.matches import LikelyMatchesDialog
from tui.screens.form import RecordForm
from tui.screens.form.fields import PickField
from tui.screens.tasks import organisation_items

if TYPE_CHECKING:
    from store.db import Database


R = TypeVar("R", Organisation, Person)


class _DirectoryForm(RecordForm[R], Generic[R]):
    """A form of the directory: a new record is checked for likely matches first."""

    record_kind = ""  # "organisation" or "person": what open_record opens

    def _db(self) -> Database:
        return cast("Database", getattr(self.app, "db"))

    def likely(self, db: Database, record: R) -> list[PickItem]:
        """In a thread: the records `record` looks like, best first, as lines to show."""
        raise NotImplementedError

    def typed_name(self, record: R) -> str:
        raise NotImplementedError

    def action_save(self) -> None:
        if self.record is not None or self._saving:
            super().action_save()
            return
        record = self.validated()
        if record is None:
            return
        db = self._db()
        self._saving = True
        self.sub_title = _("Looking for the same name in the directory…")
        self.app.run_store(lambda: self.likely(db, record),  # type: ignore[attr-defined]
                           lambda found: self._matches_found(record, found), self._not_saved,
                           what="match")

    def _matches_found(self, record: R, found: list[PickItem]) -> None:
        self._saving = False
        self.sub_title = ""
        if not found:
            self.save_with(record, lambda: self.persist(record))
            return

        def answered(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return  # back to the form, as typed
            what, record_id = answer
            if what == "save":
                self.save_with(record, lambda: self.persist(record))
            else:
                # On top of the form (which keeps what was typed: Escape comes back). Through
                # the app, which pushes the record's screen: the pages open these forms, so
                # importing the pages here would make a circle.
                self.app.open_record(self.record_kind, record_id)  # type: ignore[attr-defined]

        self.app.push_screen(LikelyMatchesDialog(self.typed_name(record), found), answered)

    def _pick_names(self, field: str) -> None:
        """Show the chosen organisation by its name (the field knows only its id)."""
        pick = self.query_one(f"#f-{field}", PickField)
        pick.names.update({item.id: item.label for item in organisation_items(self._db())
                           if item.id in pick.chosen})
        pick.set_value(pick.value)
