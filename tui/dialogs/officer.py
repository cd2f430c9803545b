"""Who is working: the officer's name, asked once as the app starts on a computer account
several officers share."""

from __future__ import annotations

from textual.widgets import Input, Label, Static

from store import N_, _
from store.domain import NAME, printable, text_problem
from tui.dialogs.reason import ReasonDialog


class OfficerDialog(ReasonDialog):
    """Who is working? Asked once as the app starts on an account several officers share
    (`store.engine.officer.needs_officer_name`): Enter gives the name, for this session only;
    Escape, or Enter with nothing typed, gives None (the account alone is recorded)."""

    HELP = N_(
        "Several officers may work under this computer account. Type your name and press "
        "Enter: until you quit, your changes are recorded in the audit trail as your name "
        "with the account, and a colleague whose save meets yours sees who changed the "
        "record. Escape skips it: your changes are recorded under the account only. To be "
        "asked no more, set PULANG_OFFICER to your name before starting Pulang."
    )

    def __init__(self, account: str) -> None:
        super().__init__(
            _("Who is working?"),
            _("Several officers may work under the account {account}. Your name goes beside "
              "it in the audit trail and on what you change, until you quit.").format(
                account=account),
            placeholder=_("your name"))

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#reason-keys", Label).update(_("Enter confirms · Escape skips"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.prevent_default()  # the reason dialog's own handler (an empty reason) is not run
        name = " ".join(event.value.split())
        problem = text_problem(name, NAME) if name else None
        if problem:
            self.query_one("#reason-error", Static).update(printable(problem))
            return
        self.dismiss(name or None)
