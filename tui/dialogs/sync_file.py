"""Sync with no link at all: write a file for another site, or take one it wrote (by USB stick
or a messenger). The file is compressed, then sealed as a whole under the union's shared key
(`store.sync.carrying`); a file cut short, altered or made for another union is refused whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static

from store import N_, _
from tui.translate import TranslatedBindings
from tui.widgets import TextInput


@dataclass
class FileAsk:
    """What the dialog asked: write (`to_file`) or take (`from_file`) the file at `path`."""

    path: str
    write: bool
    everything: bool = False


class SyncFileDialog(TranslatedBindings, ModalScreen[FileAsk | None]):
    """Enter in a field does what that field says; Escape gives None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="syncfile.cancel"),
        Binding("f1", "app.help", N_("Help"), id="syncfile.help"),
    ]
    HELP = N_(
        "Sync with no link: a file carries the changes between two sites, by USB stick or a "
        "messenger. Type where to write a file for another site and press Enter: it holds what "
        "the other sites have not acknowledged yet (tick Everything for all the records, for a "
        "site new to the union). Or type the path of a file another site wrote and press Enter "
        "to take it: what it brings is merged as a sync would, and a field changed at both "
        "sites becomes a conflict to decide on Today. The file is sealed under the union's "
        "shared key: without it nobody can read it, and a file cut short, changed or made for "
        "another union is refused whole, with nothing applied. An existing file is never "
        "overwritten. Escape goes back."
    )

    def compose(self) -> ComposeResult:
        with Vertical(id="sync-dialog"):
            yield Label(_("Sync by file (no link)"), id="sync-title")
            yield Label(_("Write a file for another site, to:"), classes="sync-label")
            yield TextInput(placeholder="/media/usb/jakarta-to-field.pulang", id="file-out",
                            compact=True)
            yield Checkbox(_("Everything, not only what the others lack"), id="file-all",
                           compact=True)
            yield Label(_("…or take a file another site wrote, from:"), classes="sync-label")
            yield TextInput(placeholder="/media/usb/field-to-jakarta.pulang", id="file-in",
                            compact=True)
            yield Static("", id="sync-error", markup=False)
            yield Label(_("Enter does what its field says · Tab next field · Escape cancels"),
                        id="sync-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#file-out", Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        if not path:
            self.query_one("#sync-error", Static).update(_("Type the file's path first."))
            return
        write = event.input.id == "file-out"
        self.dismiss(FileAsk(path, write, write and self.query_one("#file-all", Checkbox).value))

    @property
    def is_dirty(self) -> bool:
        """Something typed, not yet used (Ctrl+Q asks first)."""
        return any(self.query_one(f"#file-{n}", Input).value.strip() for n in ("out", "in"))

    def action_cancel(self) -> None:
        self.dismiss(None)
