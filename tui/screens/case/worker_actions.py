"""What the case page does to a worker, after asking: remove them from the case, or erase their
personal data for good. A removal of a worker another officer changed meanwhile shows what they
changed first."""

from __future__ import annotations

from store import Conflict, PulangError, _
from store.db import ERASED_BACKUP_DAYS
from store.domain import Worker, printable
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.conflict import Choice, ConflictScreen
from tui.screens.case.worker_form import WorkerForm


class WorkerActions:
    """Part of `CaseScreen` (a mix-in): a worker removed or erased."""

    def action_remove_worker(self) -> None:
        worker = self._under_cursor(
            "workers", self.case_workers, _("Move to a worker in the workers list first.")
        )
        if worker is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(
                    lambda: self.pulang.db.remove_worker(worker.id, worker.version),
                    self._worker_removed, lambda error: self._remove_failed(worker, error),
                    what="remove",
                )

        self.app.push_screen(
            ConfirmDialog(
                _("Remove {name} from this case? Log entries stay, without the link to this "
                  "worker.")
                .format(name=printable(worker.name_in_rows, limit=200)),
                _("Remove"),
                _("Keep"),
            ),
            answered,
        )

    def action_erase_worker(self) -> None:
        worker = self._under_cursor(
            "workers", self.case_workers, _("Move to a worker in the workers list first.")
        )
        if worker is None:
            return
        if worker.erased_at is not None:
            self.notify(_("This worker's personal data is already erased."))
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: self.pulang.db.erase_worker(worker.id),
                                      self._worker_erased, self._store_failed, what="erase")

        self.app.push_screen(
            ConfirmDialog(
                _("Erase every personal detail of {name} for good? The record stays for the "
                  "counts, without name, contacts, passport or location; their name is blanked "
                  "out of the log. This cannot be undone; backups from before today are deleted "
                  "after {days} days.").format(name=printable(worker.name_in_rows, limit=200),
                                               days=ERASED_BACKUP_DAYS),
                _("Erase"),
                _("Keep"),
            ),
            answered,
        )

    def _worker_erased(self, _result: object) -> None:
        self.notify(_("Personal data erased."))
        self.reload()

    def _worker_removed(self, _result: object) -> None:
        self.notify(_("Worker removed."))
        self._reload_shown()

    def _remove_failed(self, worker: Worker, error: PulangError) -> None:
        """Removing a worker another officer changed meanwhile: show what they changed, and
        remove only if asked again."""
        if not isinstance(error, Conflict) or not isinstance(error.theirs, Worker):
            self._store_failed(error)
            return
        theirs: Worker = error.theirs
        form = WorkerForm(worker, "", self.case_id)  # only to show the fields as forms do

        def chosen(answer: str | None) -> None:
            if answer == "remove":
                self.pulang.run_store(lambda: self.pulang.db.remove_worker(theirs.id,
                                                                           theirs.version),
                                      self._worker_removed,
                                      lambda again: self._remove_failed(theirs, again),
                                      what="remove")
            else:
                self._reload_shown()

        self.app.push_screen(
            ConflictScreen(str(error), form.differences(theirs, worker),
                           [Choice("r", "remove", _("Remove anyway"))],
                           back=_("Keep the worker"), theirs_title=_("Theirs (saved)"),
                           mine_title=_("As you saw it"), title=_("Changed by another officer")),
            chosen,
        )
