"""Closing and reopening, on the case page: the case (Shift+C: closes an open case, reopens a
closed one) and the worker under the cursor (Shift+K, likewise), each asking the reason."""

from __future__ import annotations

from store import PulangError, _, format_date
from store.domain import (
    Case,
    Worker,
    closing_reasons,
    due_on,
    history,
    is_closed,
    keeping_months,
    printable,
    reason_text,
)
from tui.dialogs.closing import ask_closing, ask_reopening
from tui.screens.case.text import shown


class CaseClosing:
    """Part of `CaseScreen` (a mix-in): closing and reopening the case and its workers."""

    def help_more(self) -> str:
        """A paragraph of F1 after the page's own help (then the legal status's, the
        registry's)."""
        own = _(
            "Closing: Shift+C closes the case, asking the reason from the union's list and a "
            "note for this office (kept with the case, never in the log); on a closed case it "
            "reopens it, asking why. Shift+K closes the worker under the cursor the same way "
            "(lost contact, asked to stop...), or reopens them: a worker closed stays in the "
            "case, marked (closed), and leaves Today's lists. A case with open steps closes "
            "once the workers holding them are closed, or for a referral. Both show in the "
            "history and in the report."
        )
        more = super().help_more()  # type: ignore[misc]
        return f"{own}\n\n{more}" if more else own

    def action_close_case(self) -> None:
        case = self.case
        if case is None:
            return
        what = _("case {ref}").format(ref=case.ref or "")
        db = self.pulang.db
        if is_closed(case):
            ask_reopening(self.app, what, lambda why: self.pulang.run_store(
                lambda: db.reopen_case(case.id, why), self._closing_done, self._store_failed))
            return
        referrals_only = False
        try:  # open steps: said at once, and only a referral (which carries them on) offered
            db.closable(case.id)
        except PulangError as error:
            if not any(reason.referred for reason in closing_reasons()):
                self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
                return
            self.notify(printable(str(error)), severity="warning", timeout=10, markup=False)
            referrals_only = True
        ask_closing(self.app, what, lambda code, note: self.pulang.run_store(
            lambda: db.close_case(case.id, code, note), self._closing_done,
            self._store_failed), referrals_only)

    def action_close_worker(self) -> None:
        worker = self._under_cursor(
            "workers", self.case_workers, _("Move to a worker in the workers list first."))
        if worker is None:
            return
        what = printable(worker.name_in_rows, limit=60)
        db = self.pulang.db
        if is_closed(worker):
            ask_reopening(self.app, what, lambda why: self.pulang.run_store(
                lambda: db.reopen_worker(worker.id, why), self._closing_done,
                self._store_failed))
            return
        ask_closing(self.app, what, lambda code, note: self.pulang.run_store(
            lambda: db.close_worker(worker.id, code, note), self._closing_done,
            self._store_failed))

    def _closing_done(self, saved: Case | Worker) -> None:
        self.notify(_("Reopened.") if not is_closed(saved) else _("Closed."))
        self.reload()  # the stage, the log, the workers: all may have moved

    def closing_lines(self, case: Case) -> list[str]:
        """The facts' line on the case's closing: closed (when, why, the note), or reopened
        (when, why) after its last closing."""
        events = history(case)
        if is_closed(case):
            if case.closed_on is None:
                return [_("Closed before Pulang kept a reason: no reason recorded.")]
            line = _("Closed {date}: {reason}").format(
                date=format_date(case.closed_on), reason=reason_text(case.closed_reason))
            note = shown(" ".join(case.closed_note.split()))
            keeping = self.keeping_line(case)
            return [f"{line} · {note}" if note else line, *([keeping] if keeping else [])]
        if events and case.reopened_on is not None:
            return [_("Reopened {date}: {reason} (closed {date_closed}: {why_closed})").format(
                date=format_date(case.reopened_on), reason=shown(case.reopened_reason),
                date_closed=format_date(case.closed_on),
                why_closed=reason_text(case.closed_reason))]
        return []

    def keeping_line(self, case: Case) -> str:
        """When the closed case is anonymised (the union's period after closing), or that
        it was: its people's names and personal data are gone."""
        months = keeping_months()
        if case.anonymised_on is not None:
            return _("Anonymised {date}: kept {months} months after closing; the names and "
                     "personal data of its people are gone.").format(
                date=format_date(case.anonymised_on), months=months)
        due = due_on(case, months)
        if due is None:
            return ""
        return _("To be anonymised on {date}, {months} months after closing.").format(
            date=format_date(due), months=months)

    def worker_closing(self, worker: Worker) -> str:
        """What the line under the workers says of a worker closed ("" when open)."""
        if not is_closed(worker) or worker.closed_on is None:
            return ""
        return _("closed {date}: {reason}").format(
            date=format_date(worker.closed_on), reason=reason_text(worker.closed_reason))
