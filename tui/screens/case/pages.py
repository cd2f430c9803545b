"""What the case page opens in front of itself, besides its forms: the case's history, the
screening and the consent of the worker under the cursor, an import of a list of workers, and
a brief of the case for a partner; and the forms open when the app locked, opened again."""

from __future__ import annotations

from typing import Any

from store import _, format_datetime, ngettext
from store.domain import Case, Consent, LogEntry, Worker, printable
from tui.screens.after import WorkerAfterScreen
from tui.screens.case.case_form import CaseForm
from tui.screens.case.consent_form import ConsentForm
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.worker_form import WorkerForm
from tui.screens.checkins import CheckInForm, open_worker_checkins
from tui.screens.form import RecordForm
from tui.screens.history import HistoryScreen


class CasePages:
    """Part of `CaseScreen` (a mix-in): the pages and dialogs it opens."""

    def reopen_draft(self, draft: dict[str, Any]) -> None:
        """Open a form again as it was when the app locked, with what had been typed."""
        record = draft.get("record")
        form: RecordForm[Any]
        if draft["kind"] in ("legal", "money"):  # over the worker's page, as it was opened
            page = WorkerAfterScreen(self.case_id, draft["worker_id"])
            self.app.push_screen(page, self._after_after)
            page.reopen_draft(draft)
            return
        if draft["kind"] == CheckInForm.draft_kind:  # over the worker's check-ins, likewise
            checkins = open_worker_checkins(self.app, self.case_id, draft["worker_id"],
                                            self._after_checkins)
            checkins.reopen_draft(draft)
            return
        if draft["kind"] == "case":
            form = CaseForm(Case.model_validate(record) if record else self.case, draft["title"])
        elif draft["kind"] == "worker":
            form = WorkerForm(Worker.model_validate(record) if record else None, draft["title"],
                              self.case_id)
        elif draft["kind"] == "consent":
            consent = Consent.model_validate(record) if record else None
            form = ConsentForm(consent, draft["title"], self.case_id,
                               consent.worker_id if consent else draft["worker_id"])
        else:
            form = LogEntryForm(LogEntry.model_validate(record) if record else None,
                                draft["title"], self.case_id, self.case_workers)
        form.restore_values = draft["values"]
        form.restore_focus = draft.get("focus")
        self.app.push_screen(form, self._after_edit)

    def action_history(self) -> None:
        if self.case is None:
            return
        names = {w.id: w.name_in_rows for w in self.case_workers}
        names.update({e.id: format_datetime(e.at) for e in self.entries})
        self.app.push_screen(HistoryScreen(self.case_id, self.case.ref or "", names),
                             self._after_history)

    def action_screening(self) -> None:
        """The screening of the worker under the cursor: act, means, purpose, ILO indicators."""
        # Loaded when first used: the case page opens without it.
        from tui.screens.screening import ScreeningScreen

        worker = self._under_cursor("workers", self.case_workers,
                                    _("Move to a worker in the workers list first."))
        if worker is not None:
            self.app.push_screen(ScreeningScreen(self.case_id, worker.id), self._after_edit)

    def action_consent(self) -> None:
        """The consent of the worker under the cursor: to whom their data may go."""
        worker = self._under_cursor("workers", self.case_workers,
                                    _("Move to a worker in the workers list first."))
        if worker is None:
            return
        consent = self.pulang.db.consent_of(worker.id)
        title = _("Consent of {name}").format(name=printable(worker.name_in_rows, limit=60))
        self.app.push_screen(ConsentForm(consent, title, self.case_id, worker.id),
                             self._after_edit)

    def action_import_workers(self) -> None:
        """Add a list of workers (pasted, or a CSV file), checked row by row first."""
        # Loaded when first used: the case page opens without it.
        from tui.screens.import_workers import ImportWorkersScreen

        def added(count: int | None) -> None:
            if count:
                self.notify(ngettext("{count} worker added.", "{count} workers added.",
                                     count).format(count=count))
            if count is not None:  # added, or only linked: the log has new entries
                self.reload()

        self.app.push_screen(ImportWorkersScreen(self.case_id), added)

    def action_brief(self) -> None:
        """A brief of this case for one kind of recipient, written to a file."""
        # Loaded when first used: the case page opens without it.
        from tui.dialogs.brief import BriefDialog

        if self.case is not None:
            self.app.push_screen(BriefDialog(self.case_id, self.case.ref or ""))

    def _after_history(self, brought_back: object) -> None:
        if brought_back:  # a removal was undone there: show the record here again
            self.reload()
