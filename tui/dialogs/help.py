"""F1: the help for the screen in front, what it is for and every key it answers to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from store import N_, _, current_language, language_name, translation_state
from tui.translate import TranslatedBindings


def translation_said() -> str:
    """What F1 says of the translation in front of the officer, in its own language: a draft
    not yet reviewed by a native-speaking officer, a translation still partial. Nothing for
    English (the source) or a reviewed, whole translation."""
    translator, reviewed, share = translation_state()
    name = language_name(current_language())
    said = []
    if not reviewed:
        said.append(_("This {language} translation is a draft ({translator}): a native-speaking "
                      "officer has not reviewed it yet. A word may be wrong or unclear: where it "
                      "matters, check it with pulang --lang en.").format(
                          language=name, translator=translator))
    if share < 100:
        said.append(_("Only part of Pulang is in {language} yet ({share}% translated); "
                      "the rest is shown in English.").format(language=name, share=share))
    return "\n\n".join(said)


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
        # A part of the screen (a mix-in) may add a paragraph of its own, translated.
        more = getattr(screen, "help_more", None)
        text = "\n\n".join(x for x in (text, more() if callable(more) else "") if x)
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
        for key, what in (
                ("F1", _("Help for this screen")),
                ("Ctrl+P", _("Command palette: search every command")),
                ("Ctrl+Q", _("Quit Pulang (asks first if something typed is not saved)"))):
            rows.append(f"  {key:<12} {what}")
        with Vertical(id="help-dialog"):
            yield Label(_("Help"), id="help-title")
            with VerticalScroll(id="help-body"):
                if text:
                    yield Static(text, id="help-text", markup=False)
                yield Static(_("Keys"), classes="help-heading")
                yield Static("\n".join(rows), id="help-keys", markup=False)
                said = translation_said()
                if said:
                    yield Static(_("Translation"), classes="help-heading")
                    yield Static(said, id="help-translation", markup=False)
            yield Label(_("Press Escape to close."), id="help-close")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#help-body"))

    def action_close(self) -> None:
        self.dismiss(None)
