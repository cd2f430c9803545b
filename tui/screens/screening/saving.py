"""Saving the screening page (`SavingMixin`, a part of `ScreeningScreen`), and what it shows
when another officer saved the screening first.
"""

from __future__ import annotations

from typing import Any

from store import Conflict, PulangError, RecordInvalid, _
from store.domain import Screening, build, printable
from tui.dialogs.conflict import ConflictScreen, Difference, keep_or_drop
from tui.screens.screening.part import ScreeningPart
from tui.screens.screening.rows import CONTENT_FIELDS, shown_value


class SavingMixin(ScreeningPart):
    """Saving `ScreeningScreen`, refused or in conflict."""

    # -- saving -----------------------------------------------------------------------------

    def _record(self) -> Screening:
        base = self.stored.model_dump() if self.stored is not None else {
            "case_id": self.case_id, "worker_id": self.worker_id}
        base.update({n: self.data[n] for n in CONTENT_FIELDS})
        return build(Screening, base)

    def action_save(self) -> None:
        if self._saving:
            return
        if self.editing is not None:  # the line first, with every key typed into it
            self._finish_editing(then=self.action_save)
            return
        if self._when_kept(self.action_save):
            return
        try:
            record = self._record()
        except RecordInvalid as invalid:
            self._refused(invalid)
            return
        self._saving = True
        self.sub_title = _("Saving…")
        db = self.db
        self.app.run_store(lambda: db.save_screening(record),  # type: ignore[attr-defined]
                           self._saved, self._not_saved, what="screening")

    def _saved(self, saved: Screening) -> None:
        self._saving = False
        self.sub_title = ""
        self.saved = saved
        if saved.worker_id == self.worker_id:
            self._load(saved)
        self.notify(_("Saved."))

    def _refused(self, invalid: RecordInvalid) -> None:
        self.error = _("Not saved: {reason}").format(reason=str(invalid))
        self.refresh_page()
        self.notify(printable(self.error), severity="error", timeout=10, markup=False)

    def _not_saved(self, error: PulangError) -> None:
        self._saving = False
        self.sub_title = ""
        if isinstance(error, RecordInvalid):
            self._refused(error)
        elif isinstance(error, Conflict):
            self._conflicted(error)
        else:
            self.error = _("{problem} What you typed is still here.").format(problem=error)
            self.refresh_page()
            self.notify(printable(self.error), title=_("Not saved"), severity="error",
                        timeout=10, markup=False)

    # -- another officer saved it first ------------------------------------------------------

    def shown(self, values: dict[str, Any]) -> dict[str, str]:
        return {n: shown_value(n, values.get(n)) for n in CONTENT_FIELDS}

    def differences(self, theirs: Screening | None) -> list[Difference]:
        mine = self.shown(self.data)
        saved = self.shown(theirs.model_dump()) if theirs is not None else {}
        return [Difference(n, Screening.field_label(n), saved.get(n, ""), mine[n])
                for n in CONTENT_FIELDS
                if (saved[n] != mine[n] if theirs is not None else mine[n])]

    def _mine_over(self, conflict: Conflict) -> Screening:
        """What the page holds, on top of the screening as stored now (their id, links)."""
        if isinstance(conflict.theirs, Screening):
            data = conflict.theirs.model_dump()
            data.update({n: self.data[n] for n in CONTENT_FIELDS})
            try:
                return build(Screening, data)
            except RecordInvalid:
                pass
        if isinstance(conflict.mine, Screening):
            return conflict.mine
        return self._record()

    def _conflicted(self, conflict: Conflict) -> None:
        refresh = getattr(self.app, "check_now", None)
        if refresh is not None:
            refresh()
        theirs = conflict.theirs if isinstance(conflict.theirs, Screening) else None
        mine = self._mine_over(conflict)
        title, choices_ = keep_or_drop(theirs is None)

        def chosen(answer: str | None) -> None:
            if answer == "mine":
                db = self.db
                self._saving = True
                self.sub_title = _("Saving…")
                self.app.run_store(lambda: db.keep_mine(conflict, mine),  # type: ignore[attr-defined]
                                   self._saved, self._not_saved, what="screening")
            elif answer == "drop":
                self._load(theirs)
            # None: back to the page, exactly as it was

        self.app.push_screen(
            ConflictScreen(str(conflict), self.differences(theirs), choices_,
                           back=_("Back to my screening"), theirs_title=_("Theirs (saved)"),
                           mine_title=_("Yours (not saved)"), title=title),
            chosen,
        )
