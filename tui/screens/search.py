"""One search across everything (Ctrl+F): cases, workers, organisations, people, meetings and
agreements, grouped by kind, as you type.

The search runs in a thread a moment after the last key (`_PAUSE`): on a large database the
cases and workers are a substring scan of tens of thousands of rows, and typing must never
wait for it. A result that arrives after the line changed again is dropped. Enter opens the
record under the cursor; Escape closes the search.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, DatabaseLocked, PulangError, _
from store.domain import printable
from tui.screens.today import TodayList
from tui.store_work import run_store
from tui.translate import TranslatedBindings
from tui.widgets import TextInput, still_listed
from tui.widgets.caselist import fit

if TYPE_CHECKING:
    from store.db import Hit
    from tui.app import PulangApp

# Seconds after the last key before the search runs.
_PAUSE = 0.15

# The kinds of hit, in the order their groups are shown.
KINDS = ("case", "worker", "organisation", "person", "meeting", "agreement")


def heading(kind: str) -> str:
    """The title of a group of results, in the user's language."""
    return {
        "case": _("Cases"), "worker": _("Workers"), "organisation": _("Organisations"),
        "person": _("People"), "meeting": _("Meetings"), "agreement": _("Agreements"),
    }[kind]


def hit_line(hit: Hit, width: int) -> str:
    """One result in words, cut to `width`: what it is called, then where it belongs; for a
    worker, then which field found them and what it holds (the spelling, the number)."""
    title = printable(hit.title, limit=200)
    detail = printable(hit.detail, limit=200)
    line = f"{title} · {detail}" if detail else title
    if hit.field:
        line += " · " + found_by(hit)
    return fit(line, width)


def found_by(hit: Hit) -> str:
    """Which field found a worker, and what it holds: "other spelling: Riski Pratama"."""
    from store.db import field_label
    from store.domain import format_phone

    matched = format_phone(hit.matched) if hit.field == "phone" else hit.matched
    return _("{field}: {text}").format(field=field_label(hit.field),
                                       text=printable(matched, limit=80))


class SearchScreen(TranslatedBindings, Screen[None]):
    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="search.close"),
        Binding("f1", "app.help", N_("Help"), id="search.help"),
    ]
    HELP = N_(
        "Search everything: type part of a case reference or title, a place, a worker's name "
        "(any spelling, small differences of spelling forgiven: best first), the last six "
        "digits or more of a worker's phone number, or a passport number or its beginning, an "
        "organisation's name or acronym, a person's name (small differences of spelling are "
        "forgiven), or a meeting's or agreement's title. A worker's line says what found them: "
        "their name, another spelling, their phone or their passport. Results come grouped "
        "by kind as you type. Down or Enter moves into the results; Enter opens the one under "
        "the cursor (a worker opens in their case); Up from the first result comes back to the "
        "search line. Escape closes the search."
    )

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []
        self.searched = ""  # the line the results shown are for
        self._timer: Timer | None = None

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextInput(placeholder=_("name, phone, passport, reference, title, place…"),
                        id="search-line",
                        compact=True, select_on_focus=False)
        yield Static(_("Type to search cases, workers, organisations, people, meetings and "
                       "agreements."), id="search-status", markup=False)
        yield TodayList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Search everything")
        self.set_focus(self.query_one("#search-line", Input))

    def on_screen_resume(self) -> None:
        """Back from a record opened from here: it may have been changed, merged or removed,
        so the results are looked up again."""
        if self.searched and self.query_one("#search-line", Input).value == self.searched:
            self._search_now()

    # -- searching -------------------------------------------------------------------------

    @on(Input.Changed, "#search-line")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(_PAUSE, self._search_now)

    def _search_now(self) -> None:
        self._timer = None
        query = self.query_one("#search-line", Input).value
        if not query.strip():
            self.run_worker(self._nothing(), group="search", exclusive=True)
            return
        self.query_one("#search-status", Static).update(_("Searching…"))
        db = self.pulang.db
        if db is None or db.locked:
            return
        run_store(self, partial(db.search, query), partial(self._found, query),
                  self._not_searched, group="search", exclusive=True)

    async def _nothing(self) -> None:
        self.show_hits("", [])

    def _not_searched(self, error: PulangError) -> None:
        if isinstance(error, DatabaseLocked):
            return  # locked meanwhile: this screen is on its way out
        self.query_one("#search-status", Static).update(printable(str(error)))

    def _found(self, query: str, hits: list[Hit]) -> None:
        if not self.is_attached or self.query_one("#search-line", Input).value != query:
            return  # typed on meanwhile: the next search shows its own
        self.show_hits(query, hits)

    def show_hits(self, query: str, hits: list[Hit]) -> None:
        from store.db import SEARCH_LIMIT

        self.searched = query
        self.hits = hits
        results = self.query_one("#search-results", TodayList)
        # One line each (an option would wrap): as wide as the list, less its scrollbar.
        width = max(20, (results.scrollable_content_region.width or self.size.width - 2) - 3)
        options: list[Option] = []
        for kind in KINDS:
            found = [(n, h) for n, h in enumerate(hits) if h.kind == kind]
            if not found:
                continue
            count = str(len(found)) if len(found) < SEARCH_LIMIT or kind not in (
                "case", "worker") else _("first {count}").format(count=len(found))
            options.append(Option(Text(_("{title} ({count})").format(
                title=heading(kind), count=count), style="bold underline"), disabled=True))
            for n, hit in found:
                # Record text as plain Text: a name is whatever was typed, never markup.
                options.append(Option(Text("  " + hit_line(hit, width), no_wrap=True,
                                           overflow="ellipsis"), id=str(n)))
        results.clear_options()
        results.add_options(options)
        results.highlighted = results.first_line()
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update(_("Type to search cases, workers, organisations, people, meetings "
                            "and agreements."))
        elif not hits:
            status.update(_("Nothing matches “{query}”.").format(
                query=printable(query, limit=60)))
        else:
            status.update(_("{count} found · Down moves into the results, Enter opens").format(
                count=len(hits)))

    def on_resize(self) -> None:
        if self.searched:
            keep = self.query_one("#search-results", TodayList).highlighted
            self.show_hits(self.searched, self.hits)
            self.query_one("#search-results", TodayList).highlighted = keep

    # -- keys ------------------------------------------------------------------------------

    @on(Input.Submitted, "#search-line")
    def _into_results(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one("#search-results", TodayList)
        if results.highlighted is not None:
            self.set_focus(results)

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        line = self.query_one("#search-line", Input)
        results = self.query_one("#search-results", TodayList)
        if key == "down" and self.focused is line and results.highlighted is not None:
            self.set_focus(results)
            getattr(event, "stop")()
        elif key == "up" and self.focused is results:
            if results.highlighted == results.first_line():
                self.set_focus(line)
                getattr(event, "stop")()

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        # Results shown again meanwhile (a search that finished after Enter): the line's
        # number now names another hit, or none.
        if event.option.id is None or not still_listed(event):
            return
        self.open_hit(self.hits[int(event.option.id)])

    def open_hit(self, hit: Hit) -> None:
        """A case or a worker opens in place of the screens in front (asking first if a form
        there holds typing); any other record opens on top, and Escape comes back here."""
        app = self.pulang
        if hit.kind in ("case", "worker"):
            app.after_leaving_forms(
                lambda: app.open_record(hit.kind, hit.id, hit.case_id))()
        else:
            app.open_record(hit.kind, hit.id, hit.case_id)

    def action_close(self) -> None:
        self.dismiss(None)
