"""What is done to the check-ins on a worker's page besides the form: what was done about the
signs of re-recruitment of a check-in, asked in one line (a note is needed; the day is today's),
after which the worker leaves Today's list of signs; and a check-in removed, after asking."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from store import N_, PulangError, _, format_date
from store.domain import CheckIn, indicators, printable, re_recruitment
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.reason import ReasonDialog
from tui.screens.checkins.words import sign_names, which
from tui.widgets import RecordTable


class FollowUpDialog(ReasonDialog):
    """ReasonDialog's one line, asking what was done rather than why."""

    HELP = N_(
        "Signs of re-recruitment were found at this check-in. Say in one line what was done "
        "about them (the worker and their family warned, the recruiter reported to the police "
        "or the labour office, a safe job offer followed up...) and press Enter: it is saved "
        "with today's date, and the worker leaves Today's list of signs. Escape goes back "
        "without saving."
    )

    def __init__(self, signs: str) -> None:
        super().__init__(_("Follow up the signs of re-recruitment"),
                         _("Signs: {signs}. What was done about them?").format(signs=signs),
                         placeholder=_("e.g. called the family; the broker reported to the "
                                       "police"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """An empty note is refused in these words; a note given goes on to ReasonDialog's
        handler (Textual calls each class's handler in turn), which gives it."""
        if not event.value.strip():
            event.stop()
            event.prevent_default()
            self.query_one("#reason-error", Static).update(_("Say what was done: a note is "
                                                             "needed."))


class CheckInActions:
    """Part of `CheckInsScreen` (a mix-in): the follow-up of signs (f) and the removal (d).
    `self` is the page: its `current()`, `unfollowed()`, `worker_name`, `show_detail()`."""

    app: Any

    def action_follow_up(self) -> None:
        """What was done about the signs of the check-in under the cursor (or of the latest,
        when the cursor is on one without)."""
        checkin = self.current()
        if checkin is None or not re_recruitment(checkin.answers, indicators()):
            checkin = self.unfollowed()
        if checkin is None:
            self.notify(_("No check-in with signs of re-recruitment to follow up."),
                        severity="warning")
            return
        db = self.app.db
        chosen = checkin

        def given(note: str | None) -> None:
            if note:
                self.app.run_store(lambda: db.follow_up_signs(chosen.id, note),
                                   self._followed, self._failed, what="checkin")

        self.app.push_screen(FollowUpDialog(sign_names(re_recruitment(chosen.answers,
                                                                      indicators()))), given)

    def _followed(self, checkin: CheckIn) -> None:
        self.notify(_("Follow-up recorded: {name} leaves Today's signs.").format(
            name=self.worker_name), markup=False)
        self._reload_shown()
        self.query_one("#checkins", RecordTable).move_to_key(checkin.id)
        self.show_detail()

    def action_remove(self) -> None:
        checkin = self.current()
        if checkin is None:
            self.notify(_("Move to a check-in first."), severity="warning")
            return
        db = self.app.db

        def job() -> None:
            db.remove_checkin(checkin.id, checkin.version)

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.run_store(job, self._removed, self._failed, what="remove")

        self.app.push_screen(ConfirmDialog(
            _("Remove the check-in of {date} ({which})?").format(
                date=format_date(checkin.on), which=which(checkin.month)),
            _("Remove"), _("Keep")), answered)

    def _removed(self, _result: object) -> None:
        self.notify(_("Removed."))
        self._reload_shown()

    def _failed(self, error: PulangError) -> None:
        self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        self._reload_shown()

