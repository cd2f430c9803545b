"""A reason asked for in one line, when a rule needs one before a change is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store import N_, _
from store.domain import printable
from tui.translate import TranslatedBindings
from tui.widgets import TextInput


class ReasonDialog(TranslatedBindings, ModalScreen[str | None]):
    """Ask why, in one line: Enter gives the reason (an empty one is refused), Escape gives
    None and nothing is saved."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="reason.cancel"),
        # A modal screen hides the app's keys: F1 is named here again.
        Binding("f1", "app.help", N_("Help"), id="reason.help"),
    ]
    HELP = N_(
        "A rule asks for a reason before this can be saved. Type it and press Enter: it is "
        "saved with the change, in the log. Escape goes back without saving."
    )

    def __init__(self, title: str, message: str, placeholder: str = "") -> None:
        super().__init__()
        self.dialog_title = title
        self.message = message
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(printable(self.dialog_title), id="reason-title", markup=False)
            # The message may quote a record: never read it as markup.
            yield Label(printable(self.message), id="question", markup=False)
            yield TextInput(placeholder=self.placeholder, id="reason", compact=True,
                            select_on_focus=False)
            yield Static("", id="reason-error", markup=False)
            yield Label(_("Enter saves · Escape cancels"), id="reason-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#reason", Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        reason = event.value.strip()
        if not reason:
            self.query_one("#reason-error", Static).update(_("Say why: a reason is needed."))
            return
        self.dismiss(reason)

    @property
    def is_dirty(self) -> bool:
        """A reason typed, not yet given (Ctrl+Q asks first)."""
        return bool(self.query_one("#reason", Input).value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
