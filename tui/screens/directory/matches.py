"""The records a new one of the directory looks like, listed before it is saved: save it as
new anyway, open one of them on top of the form, or go back to the form.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, _
from store.domain import printable
from tui.dialogs.picker import PickItem
from tui.screens.directory.base import SectionList
from tui.translate import TranslatedBindings


class LikelyMatchesDialog(TranslatedBindings, ModalScreen[tuple[str, str] | None]):
    """The records a new one looks like. Answers ("save", "") to save it anyway, ("open",
    id) to open one of them, None to go back to the form."""

    BINDINGS = [
        Binding("s", "save_anyway", N_("Save as new"), id="matches.save"),
        Binding("o", "open", N_("Open this one"), id="matches.open"),
        Binding("escape", "back", N_("Back to the form"), id="matches.back"),
        Binding("f1", "app.help", N_("Help"), id="matches.help"),
    ]
    HELP = N_(
        "The directory already holds records much like the one you are adding: the same "
        "person or organisation under another spelling, perhaps. Up and down choose one; "
        "Enter or o opens it, on top of your form, which keeps what you typed (Escape comes "
        "back to it). s saves yours as a new record anyway: two people may share a name. "
        "Escape goes back to the form without saving."
    )

    def __init__(self, name: str, items: list[PickItem]) -> None:
        super().__init__()
        self.typed_name = name
        self.items = items

    def heading(self) -> str:
        """The dialog's title, in the user's language."""
        return _("Already in the directory?")

    def compose(self) -> ComposeResult:
        with Vertical(id="matches-dialog"):
            yield Label(self.heading(), id="matches-title")
            yield Static(_("«{name}» looks like:").format(
                name=printable(self.typed_name, limit=80)), id="matches-intro", markup=False)
            # The cursor's line in reverse video: seen without colours too (NO_COLOR).
            yield SectionList(id="matches-list", compact=True)
            yield Label(_("Enter/o opens it · s saves as new · Escape back to the form"),
                        id="matches-keys")

    def on_mount(self) -> None:
        options = self.query_one(SectionList)
        options.add_options([Option(Text(item.shown()), id=item.id) for item in self.items])
        options.highlighted = 0
        self.set_focus(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(("open", event.option.id))

    def action_open(self) -> None:
        options = self.query_one(SectionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id:
                self.dismiss(("open", option.id))

    def action_save_anyway(self) -> None:
        self.dismiss(("save", ""))

    def action_back(self) -> None:
        self.dismiss(None)
