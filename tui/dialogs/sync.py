"""The first sync from the app: the hub's address and the credentials, asked once.

The credentials file (`user:password`, readable by its owner only) is remembered by its path,
as `pulang sync --credentials` does; a user and password typed here are kept in memory for
this session only, never written anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store import N_, _
from tui.translate import TranslatedBindings
from tui.widgets import TextInput


@dataclass
class SyncAsk:
    """What the dialog asked: the hub, and a credentials file or a user and password."""

    hub: str
    credentials: str = ""
    user: str = ""
    password: str = ""


class SyncDialog(TranslatedBindings, ModalScreen[SyncAsk | None]):
    """Enter (in any field) syncs with what is given; Escape gives None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="sync.cancel"),
        Binding("f1", "app.help", N_("Help"), id="sync.help"),
    ]
    HELP = N_(
        "The first sync: the address of the union's hub, as whoever runs it gave it "
        "(https://host:port/database), and its credentials: the path of a file holding "
        "user:password on one line, readable by you only (chmod 600), which is remembered; "
        "or a user and a password, kept only until Pulang closes. Enter syncs, Escape goes "
        "back. The database must be encrypted; only the hub named here is ever reached, and "
        "only when you sync (Ctrl+Y)."
    )

    def compose(self) -> ComposeResult:
        with Vertical(id="sync-dialog"):
            yield Label(_("Sync with the union's hub"), id="sync-title")
            yield Label(_("Hub address"), classes="sync-label")
            yield TextInput(placeholder="https://hub.example.org:6984/union", id="sync-hub",
                            compact=True)
            yield Label(_("Credentials file (user:password, mode 0600)"),
                        classes="sync-label")
            yield TextInput(placeholder="~/.config/pulang/hub", id="sync-credentials",
                            compact=True)
            yield Label(_("…or a user and password, for this session only"),
                        classes="sync-label")
            yield TextInput(placeholder=_("User"), id="sync-user", compact=True)
            yield TextInput(placeholder=_("Password"), id="sync-password", password=True,
                            compact=True)
            yield Static("", id="sync-error", markup=False)
            yield Label(_("Enter syncs · Tab next field · Escape cancels"), id="sync-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#sync-hub", Input))

    def _value(self, name: str) -> str:
        return self.query_one(f"#sync-{name}", Input).value.strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        hub, credentials, user = self._value("hub"), self._value("credentials"), self._value("user")
        error = ""
        if not hub:
            error = _("Give the hub's address.")
        elif credentials and user:
            error = _("Give a credentials file or a user, not both.")
        if error:
            self.query_one("#sync-error", Static).update(error)
            return
        password = self.query_one("#sync-password", Input).value
        self.dismiss(SyncAsk(hub, credentials, user, password))

    @property
    def is_dirty(self) -> bool:
        """Something typed, not yet used (Ctrl+Q asks first)."""
        return any(self._value(n) for n in ("hub", "credentials", "user", "password"))

    def action_cancel(self) -> None:
        self.dismiss(None)
