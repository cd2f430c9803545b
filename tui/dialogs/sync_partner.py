"""Syncing with a partner organisation from its page: what the sync needs asked first.

The first time, the partner's own database on the hub (never the union's) and its
credentials, as the union's sync dialog asks them (tui/dialogs/sync.py): a file, remembered by
its path, or a user and password kept in memory for this session only. When no cooperation
agreement with the organisation covers data sharing and is in force, and no override is
recorded, the dialog says so in the store's words and asks a reason to share anyway: that
reason is recorded in the audit trail, and the syncs after it go under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store import N_, _
from tui.dialogs.sync import SyncAsk
from tui.translate import TranslatedBindings
from tui.widgets import TextInput


@dataclass
class PartnerAsk(SyncAsk):
    """What the partner's dialog asked: the hub and credentials as SyncAsk (empty: the ones
    remembered), and the reason to share without an agreement ("" where none was asked)."""

    reason: str = ""


class PartnerSyncDialog(TranslatedBindings, ModalScreen[PartnerAsk | None]):
    """Enter (in any field) syncs with what is given; Escape gives None. It looks as the
    union's sync dialog does (its ids, for app.tcss)."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="sync_partner.cancel"),
        Binding("f1", "app.help", N_("Help"), id="sync_partner.help"),
    ]

    HELP = N_(
        "Syncing with a partner organisation: the cases marked shared with it go to its own "
        "database on the hub, under a key of their own, and what it adds to them comes back. "
        "The first time, give that database's address, as the partner or whoever runs the hub "
        "gave it (https://host:port/database: its own, never the union's), and its "
        "credentials: a file holding user:password, readable by you only (chmod 600), which "
        "is remembered; or a user and a password, kept only until Pulang closes. Without a "
        "cooperation agreement with the organisation that covers data sharing and is in "
        "force, nothing goes unless you give a reason: it is recorded in the audit trail, "
        "and the syncs after it go under it until an agreement covers them. Enter syncs, "
        "Escape goes back with nothing sent."
    )

    DEFAULT_CSS = """
    PartnerSyncDialog { align: center middle; }
    PartnerSyncDialog #sync-dialog { max-height: 100%; }
    PartnerSyncDialog #sync-refusal { margin-top: 1; }
    """

    def __init__(self, org: str, *, hub: str = "", ask_hub: bool = True,
                 refusal: str = "") -> None:
        super().__init__()
        self.org = org
        self.hub = hub  # the one remembered, if any
        self.ask_hub = ask_hub  # the address and credentials asked (else those remembered)
        self.refusal = refusal  # SharingRefused's words: a reason is asked

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sync-dialog", classes="partner-sync"):
            yield Label(_("Sync with {org}").format(org=self.org), id="sync-title",
                        markup=False)
            if self.refusal:
                yield Static(self.refusal, id="sync-refusal", markup=False)
                yield Label(_("Reason to share anyway (recorded in the audit trail)"),
                            classes="sync-label")
                yield TextInput(placeholder=_("Why, in a few words"), id="sync-reason",
                                compact=True)
            if self.ask_hub:
                yield Label(_("Its database on the hub"), classes="sync-label")
                yield TextInput(self.hub, placeholder="https://hub.example.org:6984/partner",
                                id="sync-hub", compact=True)
                yield Label(_("Credentials file (user:password, mode 0600)"),
                            classes="sync-label")
                yield TextInput(placeholder="~/.config/pulang/partner", id="sync-credentials",
                                compact=True)
                yield Label(_("…or a user and password, for this session only"),
                            classes="sync-label")
                yield TextInput(placeholder=_("User"), id="sync-user", compact=True)
                yield TextInput(placeholder=_("Password"), id="sync-password", password=True,
                                compact=True)
            yield Static("", id="sync-error", markup=False)
            yield Label(_("Enter syncs · Tab next field · Escape cancels"), id="sync-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query(Input).first())

    def _value(self, name: str) -> str:
        for field in self.query(f"#sync-{name}").results(Input):
            return field.value.strip()
        return ""  # not asked

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        hub, credentials, user = self._value("hub"), self._value("credentials"), self._value("user")
        error = ""
        if self.refusal and not self._value("reason"):
            error = _("Give a reason to share without an agreement, or Escape: nothing goes "
                      "without one.")
        elif self.ask_hub and not hub:
            error = _("Give the address of its database on the hub.")
        elif credentials and user:
            error = _("Give a credentials file or a user, not both.")
        if error:
            self.query_one("#sync-error", Static).update(error)
            return
        password = self.query_one("#sync-password", Input).value if self.ask_hub else ""
        self.dismiss(PartnerAsk(hub, credentials, user, password, self._value("reason")))

    @property
    def is_dirty(self) -> bool:
        """Something typed, not yet used (Ctrl+Q asks first)."""
        return any(self._value(n) for n in ("credentials", "user", "password", "reason")) or \
            self._value("hub") != self.hub

    def action_cancel(self) -> None:
        self.dismiss(None)
