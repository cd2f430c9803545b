"""The last look before an intake is confirmed: what will be made (group cases, new workers,
workers linked, rows skipped) and, for each group whose compound says no country, the country
of its case. Returns {group key: country code}, or None: not confirmed."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from store import N_, _
from store.db import Group
from store.domain import country_code, printable
from tui.translate import TranslatedBindings
from tui.widgets import TextInput


class ConfirmIntakeDialog(TranslatedBindings, ModalScreen[dict[str, str] | None]):
    """See the module's doc."""

    DEFAULT_CSS = """
    ConfirmIntakeDialog { align: center middle; }
    ConfirmIntakeDialog #intake-confirm { width: 76; max-width: 100%; height: auto;
        max-height: 100%; border: round $primary; padding: 0 1; }
    ConfirmIntakeDialog #intake-countries { height: auto; max-height: 10; }
    ConfirmIntakeDialog .field-row { height: 1; }
    ConfirmIntakeDialog .field-row Label { width: 40; }
    ConfirmIntakeDialog #intake-confirm-error { height: auto; }
    ConfirmIntakeDialog Horizontal#intake-confirm-buttons { height: auto; }
    """
    BINDINGS = [
        Binding("ctrl+s", "confirm", N_("Confirm"), id="intake_confirm.yes", priority=True),
        Binding("escape", "cancel", N_("Not yet"), id="intake_confirm.no"),
    ]

    def __init__(self, said: str, groups: Sequence[Group], country: str | None) -> None:
        super().__init__()
        self.said = said
        self.groups = list(groups)  # those whose case has no country yet
        self.country = country or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="intake-confirm"):
            yield Static(printable(self.said), markup=False)
            if self.groups:
                yield Label(_("Country of the group case (a code: KH, MM, LA, TH...):"))
                with VerticalScroll(id="intake-countries"):
                    for index, group in enumerate(self.groups):
                        name = group.name or _("the rows without a compound")
                        with Horizontal(classes="field-row"):
                            yield Label(printable(name, limit=38), markup=False)
                            yield TextInput(self.country, placeholder=_("country code"),
                                            id=f"intake-country-{index}", compact=True)
            yield Static("", id="intake-confirm-error", markup=False)
            with Horizontal(id="intake-confirm-buttons"):
                yield Button(_("Confirm (Ctrl+S)"), variant="error", id="yes")
                yield Button(_("Not yet (Esc)"), variant="primary", id="no")

    def on_mount(self) -> None:
        inputs = list(self.query(Input).results(Input))
        self.set_focus(inputs[0] if inputs else self.query_one("#no", Button))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "yes":
            self.action_confirm()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        countries = {}
        for index, group in enumerate(self.groups):
            # A name or a code, as every country field of the app reads one.
            code = country_code(self.query_one(f"#intake-country-{index}", Input).value)
            if code is None:
                self.query_one("#intake-confirm-error", Static).update(
                    _("Say the country of each group case by its two-letter code."))
                return
            countries[group.key] = code
        self.dismiss(countries)

    def action_cancel(self) -> None:
        self.dismiss(None)
