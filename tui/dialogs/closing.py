"""Closing a case or a worker: the reason from the union's list (a picker), then a note (one
line, which may stay empty); reopening: a reason (`ReasonDialog`)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.widgets import Input, Static

from store import N_, _
from store.domain import closing_reasons
from tui.dialogs.picker import PickerDialog, PickItem
from tui.dialogs.reason import ReasonDialog


class NoteDialog(ReasonDialog):
    """A note in one line, which may be left empty: Enter gives it (""), Escape None."""

    HELP = N_(
        "A note on the closing, for this office: it is kept with the record, never in the log "
        "nor in what goes to a partner. Enter closes (the note may stay empty); Escape goes "
        "back without closing."
    )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.prevent_default()  # ReasonDialog's own handler (which refuses "") does not run
        self.query_one("#reason-error", Static).update("")
        self.dismiss(event.value.strip())


def ask_closing(app: App[object], what: str, then: Callable[[str, str], None],
                referrals_only: bool = False) -> None:
    """Ask why `what` (a case, a worker's name) is closed, from the list, then a note; `then`
    gets the reason's code and the note. Escape at either step closes nothing.
    `referrals_only`: the case has open steps, which only a referral carries on elsewhere."""
    items = [PickItem(r.code, r.label, "") for r in closing_reasons()
             if r.referred or not referrals_only]

    def picked(chosen: list[str] | None) -> None:
        if not chosen:
            return
        code = chosen[0]

        def noted(note: str | None) -> None:
            if note is not None:
                then(code, note)

        app.push_screen(NoteDialog(
            _("Close {what}").format(what=what),
            _("Closing reason: {reason}. A note for this office, if any (Enter closes).")
            .format(reason=next(i.label for i in items if i.id == code)),
            placeholder=_("e.g. her phone is off since March")), noted)

    title = (_("Why is {what} closed? Open steps: only a referral closes it now.")
             if referrals_only else _("Why is {what} closed?")).format(what=what)
    app.push_screen(PickerDialog(title, items, filter=False), picked)


def ask_reopening(app: App[object], what: str, then: Callable[[str], None]) -> None:
    """Ask why `what` is reopened; `then` gets the reason. Escape reopens nothing."""

    def answered(reason: str | None) -> None:
        if reason:
            then(reason)

    app.push_screen(ReasonDialog(
        _("Reopen {what}").format(what=what),
        _("Say why it is reopened: the reason is kept with it, and in the log."),
        placeholder=_("e.g. she called the office again")), answered)
