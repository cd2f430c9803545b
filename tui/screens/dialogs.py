"""Small modal dialogs: a yes/no question, a reason asked for, and the F1 help for the screen
in front."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static

from store.i18n import N_, _
from store.text import printable
from tui.translate import TranslatedBindings
from tui.widgets import TextInput


class ConfirmDialog(TranslatedBindings, ModalScreen[bool]):
    """Ask a yes/no question; `y` or the first button says yes, `n` or escape says no."""

    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n", "answer(False)", N_("No"), id="confirm.no"),
        Binding("escape", "answer(False)", N_("No"), show=False, id="confirm.escape"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            # The question may quote a record (a worker's name): never read it as markup.
            yield Label(printable(self.question), id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self.yes_label} (y)", variant="error", id="yes")
                yield Button(f"{self.no_label} (n)", variant="primary", id="no")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#no", Button))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


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

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(TranslatedBindings, ModalScreen[None]):
    """F1: what the screen in front is for, and every key it answers to."""

    BINDINGS = [
        Binding("escape,f1,q", "close", N_("Close help"), id="help.close"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.for_screen = screen

    def compose(self) -> ComposeResult:
        screen = self.for_screen
        text = _(getattr(screen, "HELP", "")) if getattr(screen, "HELP", "") else ""
        rows: list[str] = []
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            own = active.node is screen or active.node is self.app
            # The focused table's Enter (Open / Edit) is shown in the footer, so list it too.
            if not own and not binding.show:
                continue
            if not binding.description:
                continue
            if binding.description in seen or key.startswith("super+"):
                continue
            seen.add(binding.description)
            shown = self.app.get_key_display(binding)
            rows.append(f"  {shown:<12} {binding.description}")
        rows.append(f"  {'F1':<12} {_('Help for this screen')}")
        rows.append(f"  {'Ctrl+P':<12} {_('Command palette: search every command')}")
        rows.append(f"  {'Ctrl+Q':<12} {_('Quit Pulang')}")
        with Vertical(id="help-dialog"):
            yield Label(_("Help"), id="help-title")
            with VerticalScroll(id="help-body"):
                if text:
                    yield Static(text, id="help-text", markup=False)
                yield Static(_("Keys"), classes="help-heading")
                yield Static("\n".join(rows), id="help-keys", markup=False)
            yield Label(_("Press Escape to close."), id="help-close")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#help-body"))

    def action_close(self) -> None:
        self.dismiss(None)
