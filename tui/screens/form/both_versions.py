"""What a record form does when another officer saved (or removed) the record after the form
was opened: nothing is overwritten; both versions are shown side by side, field by field
(`tui.dialogs.conflict`), and the officer chooses."""

from __future__ import annotations

from typing import Generic

from store import Conflict, RecordInvalid, _
from store.domain import build
from tui.dialogs.conflict import ConflictScreen, Difference, keep_or_drop
from tui.screens.form.fields import R


class ShowsBothVersions(Generic[R]):
    """Mix-in for `RecordForm`: a save refused because another officer changed or removed the
    record meanwhile (`Conflict`) shows both versions, and saves the officer's again, or
    drops it, as they choose. It reads the form's `specs`, `values_of`, `values` and
    `base_data`, and saves with its `save_with`."""

    def shown(self, record: R) -> dict[str, str]:
        """Each field of `record` as the form would show it, choices by their labels."""
        values = self.values_of(record)
        result: dict[str, str] = {}
        for spec in self.specs:
            value = values.get(spec.name)
            if spec.kind == "select":
                result[spec.name] = next((lbl for lbl, v in spec.options if v == value), "")
            elif spec.kind == "check":
                result[spec.name] = _("Yes") if value else _("No")
            elif spec.kind == "multi":
                chosen = set(value or [])
                result[spec.name] = ", ".join(lbl for lbl, v in spec.options if v in chosen)
            else:
                result[spec.name] = "" if value is None else str(value)
        return result

    def differences(self, theirs: R | None, mine: R) -> list[Difference]:
        """The fields where the two differ as the officer sees them (against a removed
        record: every field that holds something)."""
        mine_shown = self.shown(mine)
        theirs_shown = self.shown(theirs) if theirs is not None else {}
        return [
            Difference(spec.name, self.record_type.field_label(spec.name),
                       theirs_shown.get(spec.name, ""), mine_shown[spec.name])
            for spec in self.specs
            if (theirs_shown[spec.name] != mine_shown[spec.name] if theirs is not None
                else mine_shown[spec.name])
        ]

    def _mine_over(self, conflict: Conflict) -> R:
        """What was typed, on top of the record as it is stored now: saving it keeps what
        the form does not show (a case's reference, a next step marked done) as they are."""
        if conflict.theirs is not None:
            data = conflict.theirs.model_dump()
            typed = self.values()
            for spec in self.specs:
                if spec.kind == "multi":  # keep what theirs ticks that this form cannot offer
                    offered = {value for _label, value in spec.options}
                    typed[spec.name] = [*typed[spec.name],
                                        *(v for v in data[spec.name] if v not in offered)]
            data.update(typed)
            try:
                return build(self.record_type, data)
            except RecordInvalid:
                pass
        return conflict.mine if conflict.mine is not None else self._typed()

    def _typed(self) -> R:
        data = self.base_data()
        data.update(self.values())
        return build(self.record_type, data)

    def _conflicted(self, conflict: Conflict) -> None:
        refresh = getattr(self.app, "check_now", None)
        if refresh is not None:
            refresh()  # the screens underneath show what is stored now when they come back
        mine = self._mine_over(conflict)
        title, choices = keep_or_drop(conflict.removed)

        def chosen(answer: str | None) -> None:
            if answer == "mine":
                db = getattr(self.app, "db")
                # keep_mine saves it at their version: a rule that refuses it, and a save
                # again after asking, are about that one.
                saving = mine if conflict.theirs is None else mine.model_copy(
                    update={"version": conflict.theirs.version})
                self.save_with(saving, lambda: db.keep_mine(conflict, mine))
            elif answer == "drop":
                self.dismiss(None)
            # None: back to the form, exactly as it was typed

        self.app.push_screen(
            ConflictScreen(str(conflict), self.differences(conflict.theirs, mine), choices,
                           back=_("Back to my form"), theirs_title=_("Theirs (saved)"),
                           mine_title=_("Yours (not saved)"), title=title),
            chosen,
        )
