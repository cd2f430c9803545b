"""Small modal dialogs: a yes/no question, a reason asked for, the F1 help for the screen
in front, and linking a log's free-text counterparts to the directory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static
from textual.widgets.option_list import Option

from store import N_, _
from store.domain import NAME, printable, row_name, text_problem
from tui.translate import TranslatedBindings
from tui.widgets import TextInput
from tui.widgets.caselist import fit
from tui.widgets.today_list import OfferList, TodayList

if TYPE_CHECKING:
    from store import PulangError
    from store.db import Offer


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

    @property
    def is_dirty(self) -> bool:
        """A reason typed, not yet given (Ctrl+Q asks first)."""
        return bool(self.query_one("#reason", Input).value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


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
        rows.append(f"  {'Ctrl+Q':<12} "
                    f"{_('Quit Pulang (asks first if something typed is not saved)')}")
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


class LinkDialog(TranslatedBindings, ModalScreen[int]):
    """The free-text counterparts of a log that look like records of the directory, one line
    each: the text as typed, the record it likely means, and in how many entries. `y` links
    those entries to that record (their text stays as typed), `n` skips the line; nothing
    changes without `y`. Escape closes, giving how many entries were linked."""

    BINDINGS = [
        Binding("y", "link", N_("Link"), id="link.yes"),
        Binding("n", "skip", N_("Skip"), id="link.no"),
        Binding("escape", "close", N_("Close"), id="link.close"),
        Binding("f1", "app.help", N_("Help"), id="link.help"),
    ]
    HELP = N_(
        "Counterparts typed in this case's log that look like an organisation or a person of "
        "the directory. Each line shows the text as it was typed, the record of the directory "
        "it most likely means, and in how many log entries it appears. Up and down move "
        "between the lines; y links those entries to that record, n skips the line. The text "
        "typed in the entries never changes, and nothing is linked without y. Escape closes."
    )

    def __init__(self, offers: list[Offer]) -> None:
        super().__init__()
        self.offers = list(offers)
        self.states: list[str] = ["" for _offer in self.offers]  # "", "linked", "skipped"
        self.linked = 0  # entries linked so far
        self._saving: set[int] = set()
        self._close_asked = False  # Escape pressed while a link was being saved

    def compose(self) -> ComposeResult:
        with Vertical(id="link-dialog"):
            yield Label(_("Link counterparts to the directory"), id="link-title")
            yield Static(_("As typed in the log → the record of the directory it likely "
                           "means. The text typed stays as it is."), id="link-explain",
                         markup=False)
            yield OfferList(id="link-list")
            yield Label(_("y links · n skips · Escape closes"), id="link-keys")

    def on_mount(self) -> None:
        self._refill()
        listing = self.query_one("#link-list", TodayList)
        listing.highlighted = 0 if self.offers else None
        self.set_focus(listing)
        self.call_after_refresh(self._refill)  # cut to the width the list was given

    def _offer_line(self, index: int) -> Text:
        offer = self.offers[index]
        state = self.states[index]
        mark = {"linked": "✓ " + _("linked"), "skipped": "– " + _("skipped")}.get(state, "?")
        what = _("organisation") if offer.field == "org" else _("person")
        count = len(offer.entry_ids)
        where = _("in 1 log entry") if count == 1 else _("in {count} log entries").format(
            count=count)
        listing = self.query_one("#link-list", TodayList)
        width = max(30, listing.scrollable_content_region.width or 74)
        # Record text as plain Text: whatever was typed, never markup. One line each, cut
        # (an option would wrap).
        typed = printable(row_name([offer.text]), limit=200)  # in a row: `fits_a_row`
        text = Text(fit(f"{mark} “{typed}” · {what} · {where}",
                        width) + "\n", end="")
        text.append(fit(f"  → {printable(offer.candidate, limit=200)}", width))
        return text

    def _refill(self) -> None:
        listing = self.query_one("#link-list", TodayList)
        keep = listing.highlighted
        listing.clear_options()
        listing.add_options([Option(self._offer_line(i), id=str(i)) for i in range(len(self.offers))])
        if keep is not None and self.offers:
            listing.highlighted = min(keep, len(self.offers) - 1)

    def _under_cursor(self) -> int | None:
        return self.query_one("#link-list", TodayList).highlighted

    def _next_open(self, after: int) -> None:
        """The cursor to the next line not yet answered, if any."""
        for index in range(after + 1, len(self.offers)):
            if not self.states[index]:
                self.query_one("#link-list", TodayList).highlighted = index
                return

    def action_link(self) -> None:
        index = self._under_cursor()
        if index is None or self.states[index] == "linked" or index in self._saving:
            return
        offer = self.offers[index]
        db = getattr(self.app, "db")
        self._saving.add(index)

        def job() -> object:
            if offer.field == "org":
                return db.link_counterparts(offer.entry_ids, org_id=offer.candidate_id)
            return db.link_counterparts(offer.entry_ids, person_id=offer.candidate_id)

        def done(_saved: object) -> None:
            self._saving.discard(index)
            self.states[index] = "linked"
            self.linked += len(offer.entry_ids)
            if self._close_asked:
                self.action_close()
            elif self.is_attached:
                self._refill()
                self._next_open(index)

        def failed(error: PulangError) -> None:
            self._saving.discard(index)
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            if self._close_asked:
                self.action_close()

        getattr(self.app, "run_store")(job, done, failed, what="link")

    def action_skip(self) -> None:
        index = self._under_cursor()
        if index is None or self.states[index] == "linked":
            return
        self.states[index] = "skipped"
        self._refill()
        self._next_open(index)

    def action_close(self) -> None:
        """Close, once the links being saved are saved (the case shows them then)."""
        self._close_asked = True
        if not self._saving and self.is_attached:
            self.dismiss(self.linked)
