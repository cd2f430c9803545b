"""The lock screen: asks for the passphrase, and has nothing of the data behind it.

It is shown before anything else when an encrypted database is opened, and whenever the app
locks (after the idle time, or at once with Ctrl+L). It is a whole screen, not a dialog over a
dimmed one: when it is up, the screens that showed records are gone and the store has dropped
the records and the key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from store import N_, PulangError, WrongPassphrase, _
from store.domain import printable
from tui.store_work import run_store
from tui.translate import TranslatedBindings

MAX_TRIES = 5


class LockScreen(TranslatedBindings, Screen[None]):
    """Unlock with the passphrase: `unlock(passphrase)` runs in a thread; five wrong tries in a
    row end the program."""

    BINDINGS = [
        Binding("ctrl+q", "app.quit", N_("Quit"), id="lock.quit", priority=True),
    ]
    HELP = N_(
        "Pulang is locked: the records and the key are not in memory. Type the passphrase "
        "and press Enter to unlock; forms you were filling in come back as you left them. "
        "After five wrong tries in a row Pulang closes. Ctrl+Q quits (asking first if a "
        "form you were filling in holds typing not saved)."
    )

    def __init__(self, path: Path, *, encrypted: bool, first: bool,
                 unlock: Callable[[str], Any], unlocked: Callable[[Any], None]) -> None:
        super().__init__()
        self.path = path
        self.encrypted = encrypted
        self.first = first
        self._unlock = unlock
        self._unlocked = unlocked
        self.tries = 0
        self._busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="lock-box"):
            if self.first:
                title = _("This database is encrypted.")
            else:
                title = _("Pulang is locked.")
            yield Static(title, id="lock-title", markup=False)
            if self.encrypted:
                yield Static(_("Type the passphrase and press Enter."), id="lock-hint",
                             markup=False)
                yield Input(password=True, id="passphrase", placeholder=_("passphrase"))
            else:
                yield Static(
                    _("This database is not encrypted, so locking only hides the screen. Press "
                      "Enter to return. Run `pulang encrypt` to protect it with a passphrase."),
                    id="lock-hint", markup=False,
                )
                yield Input(password=True, id="passphrase", placeholder=_("press Enter"))
            yield Static("", id="lock-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Pulang"
        self.sub_title = str(self.path)
        self.set_focus(self.query_one("#passphrase", Input))

    @on(Input.Submitted, "#passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._busy:
            return
        self._busy = True
        self.query_one("#lock-error", Static).update(_("Unlocking…"))
        self._try(event.value)

    def _try(self, passphrase: str) -> None:
        run_store(self, partial(self._unlock, passphrase), self._unlocked, self._refused,
                  group="unlock", exclusive=True)

    def _refused(self, error: PulangError) -> None:
        if isinstance(error, WrongPassphrase):
            self._wrong(error)
        else:
            self._failed(error)

    def _wrong(self, error: WrongPassphrase) -> None:
        self._busy = False
        self.tries += 1
        field = self.query_one("#passphrase", Input)
        field.value = ""
        if self.tries >= MAX_TRIES:
            self.app.exit_for_wrong_passphrase(error)  # type: ignore[attr-defined]
            return
        self.query_one("#lock-error", Static).update(
            _("Wrong passphrase ({tries} of {most} tries). Nothing was changed.").format(
                tries=self.tries, most=MAX_TRIES
            )
        )
        self.set_focus(field)

    def _failed(self, error: PulangError) -> None:
        self._busy = False
        self.query_one("#lock-error", Static).update(printable(str(error)))
