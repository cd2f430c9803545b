"""Linking a log's free-text counterparts to the directory: a line for each text that looks
like a record of it, linked with y or skipped with n."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static
from textual.widgets.option_list import Option

from store import N_, _
from store.domain import printable, row_name
from tui.translate import TranslatedBindings
from tui.widgets.caselist import fit
from tui.widgets.today_list import OfferList, TodayList

if TYPE_CHECKING:
    from store import PulangError
    from store.db import Offer


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
        listing.add_options([Option(self._offer_line(i), id=str(i))
                             for i in range(len(self.offers))])
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
