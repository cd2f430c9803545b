"""A case and the registry (Shift+R on a case): the handles and numbers its log and its
workers' answers mention, each linked with y (made an identifier of the registry first when it
is not one yet) or skipped with n; then what the case is linked to already, opened by Enter;
p and a link a place or an actor of the registry (the case page asks which, and the worker
and dates)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
from tui.translate import TranslatedBindings
from tui.widgets.caselist import fit
from tui.widgets.today_list import TodayList

if TYPE_CHECKING:
    from store import PulangError


@dataclass
class MentionLine:
    """A handle or number the case's text mentions: how it is shown, and the job that links
    it (run off the event loop)."""

    text: str  # "Telegram recruiter_budi · log entry of 2 Dec 2026"
    state: str  # "new", "known" (in the registry), "linked"
    seen: str  # "seen in 2 cases", for one in the registry
    link: Callable[[], Any]


# What Escape gives back: how many links were made, and what the case page does next
# ("" nothing, "place" or "actor": link one; "open:KIND:ID": open that record's page).
Answer = tuple[int, str]


class RegistryLinksDialog(TranslatedBindings, ModalScreen[Answer]):
    BINDINGS = [
        Binding("y", "link", N_("Link"), id="registry_links.yes"),
        Binding("n", "skip", N_("Skip"), id="registry_links.no"),
        Binding("p", "answer('place')", N_("Link a place"), id="registry_links.place"),
        Binding("a", "answer('actor')", N_("Link an actor"), id="registry_links.actor"),
        Binding("escape", "answer('')", N_("Close"), id="registry_links.close"),
        Binding("f1", "app.help", N_("Help"), id="registry_links.help"),
    ]
    HELP = N_(
        "This case and the registry. First the handles, phone numbers and addresses typed in "
        "its log or in its workers' screening answers: \"new\" is not in the registry yet, "
        "\"in the registry\" is, and says in how many cases it is seen. y (or Enter) links the "
        "line under the cursor to this case: one not in the registry yet is added to it first, "
        "alleged, with the source of the entry or the worker's statement; n skips it. Then "
        "what the case is linked to already: Enter opens it. p links a place of the registry "
        "(a compound: with the worker held there, from and until when), a an actor (with its "
        "role). The text typed in the case never changes. Escape closes."
    )

    def __init__(self, mentions: list[MentionLine], linked: list[tuple[str, str]]) -> None:
        super().__init__()
        self.mentions = mentions
        self.linked_lines = linked  # (open:KIND:ID, text)
        self.done = 0
        self._saving: set[int] = set()
        self._close_with: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="link-dialog"):
            yield Label(_("Link this case to the registry"), id="link-title")
            yield Static(_("Handles and numbers typed in this case, then what it is linked to "
                           "already."), id="link-explain", markup=False)
            yield TodayList(id="link-list")
            yield Label(_("y links · n skips · p a place · a an actor · Escape closes"),
                        id="link-keys")

    def on_mount(self) -> None:
        self._refill()
        listing = self.query_one("#link-list", TodayList)
        first = next((i for i in range(listing.option_count)
                      if not listing.get_option_at_index(i).disabled), None)
        listing.highlighted = first
        self.set_focus(listing)
        self.call_after_refresh(self._refill)  # cut to the width the list was given

    def _line(self, index: int, width: int) -> Text:
        mention = self.mentions[index]
        mark, said = {"linked": ("✓", _("linked")), "skipped": ("–", _("skipped")),
                      "known": ("?", _("in the registry, {seen}").format(seen=mention.seen)),
                      "new": ("?", _("new"))}[mention.state]
        return Text(fit(printable(f"{mark} {mention.text} · {said}", limit=300), width), end="")

    def _refill(self) -> None:
        listing = self.query_one("#link-list", TodayList)
        width = max(30, listing.scrollable_content_region.width or 74)
        keep = listing.highlighted
        options: list[Option] = []
        title = _("Typed in this case ({count})").format(count=len(self.mentions)) \
            if self.mentions else _("Typed in this case: nothing the registry could hold")
        options.append(Option(Text(title, style="bold underline"), disabled=True))
        options += [Option(self._line(i, width), id=f"m:{i}") for i in range(len(self.mentions))]
        title = _("Linked to this case ({count})").format(count=len(self.linked_lines)) \
            if self.linked_lines else _("Linked to this case: nothing yet")
        options.append(Option(Text(title, style="bold underline"), disabled=True))
        options += [Option(Text(fit(printable(text, limit=300), width), end=""), id=key)
                    for key, text in self.linked_lines]
        listing.clear_options()
        listing.add_options(options)
        if keep is not None:
            listing.highlighted = keep

    def _under_cursor(self) -> int | None:
        listing = self.query_one("#link-list", TodayList)
        if listing.highlighted is None:
            return None
        key = listing.get_option_at_index(listing.highlighted).id or ""
        return int(key[2:]) if key.startswith("m:") else None

    @on(OptionList.OptionSelected, "#link-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id or ""
        if key.startswith("open:"):
            self.action_answer(key)
        else:
            self.action_link()

    def action_link(self) -> None:
        index = self._under_cursor()
        if index is None or index in self._saving or self.mentions[index].state == "linked":
            return
        mention = self.mentions[index]
        self._saving.add(index)

        def done(_saved: object) -> None:
            self._saving.discard(index)
            mention.state = "linked"
            self.done += 1
            if self._close_with is not None:
                self.action_answer(self._close_with)
            elif self.is_attached:
                self._refill()
                self._next_open(index)

        def failed(error: PulangError) -> None:
            self._saving.discard(index)
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            if self._close_with is not None:
                self.action_answer(self._close_with)

        getattr(self.app, "run_store")(mention.link, done, failed, what="link")

    def _next_open(self, after: int) -> None:
        for index in range(after + 1, len(self.mentions)):
            if self.mentions[index].state in ("new", "known"):
                listing = self.query_one("#link-list", TodayList)
                listing.highlighted = index + 1  # after the heading
                return

    def action_skip(self) -> None:
        index = self._under_cursor()
        if index is None or self.mentions[index].state == "linked":
            return
        self.mentions[index].state = "skipped"
        self._refill()
        self._next_open(index)

    def action_answer(self, then: str) -> None:
        """Close (once the links being saved are saved), saying what to do next."""
        self._close_with = then
        if not self._saving and self.is_attached:
            self.dismiss((self.done, then))
