"""What the directory's three screens share: a list of lines under headings that Enter opens,
the screen that shows one and reloads it on return, and the helpers that fill its columns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList
from textual.widgets.option_list import Option

from store import _
from store.domain import Organisation, country_name
from tui.data_changed import DataChanged, follow_data_changes
from tui.screens.today import TodayList
from tui.translate import TranslatedBindings
from tui.widgets import TextInput
from tui.widgets.caselist import fit

if TYPE_CHECKING:
    from store.db import Database
    from tui.app import PulangApp


# Room the list's border and scrollbar take from the screen's width.
_CHROME = 2
_DATE = 11
_REF = 12


def first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


class SectionList(TodayList):
    """Lines under headings; the headings cannot take the cursor. Enter opens the line."""


class Lines:
    """The options of a `SectionList`, with what Enter does on each."""

    def __init__(self) -> None:
        self.options: list[Option] = []
        self.targets: dict[str, Callable[[], None]] = {}

    def heading(self, text: str, count: int) -> None:
        shown = _("{title} ({count})").format(title=text, count=count) if count else \
            _("{title}: none").format(title=text)
        self.options.append(Option(Text(shown, style="bold underline"), disabled=True))

    def row(self, key: str, target: Callable[[], None] | None, *cells: tuple[str, int]) -> None:
        # Record text goes in as plain text, never as markup.
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append(" ".join(fit(text, width) for text, width in cells))
        if target is not None:
            self.targets[key] = target
        self.options.append(Option(line, id=key))

    def show_in(self, listing: SectionList) -> None:
        keep = None
        if listing.highlighted is not None and listing.option_count:
            keep = listing.get_option_at_index(listing.highlighted).id
        listing.clear_options()
        listing.add_options(self.options)
        listing.cursor_to(keep)


def list_width(listing: SectionList, screen: Screen[Any]) -> int:
    inner = listing.scrollable_content_region.width
    return max(40, (inner or screen.size.width - _CHROME) - 1)


def org_label(org: Organisation | None) -> str:
    """An organisation in a short column: its acronym, else its name."""
    if org is None:
        return ""
    return org.acronym or org.name


def place(city: str, country: str | None) -> str:
    return ", ".join(x for x in (city, country_name(country)) if x)


class _Listing(TranslatedBindings, Screen[None]):
    """What the three screens share: a list whose lines Enter opens, reloaded on return."""

    NAVIGATION_KEYS = True  # 1-5 leave this screen

    def __init__(self) -> None:
        super().__init__()
        self.targets: dict[str, Callable[[], None]] = {}
        self.loaded = False

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    @property
    def db(self) -> Database:
        db = self.pulang.db
        assert db is not None
        return db

    # -- what every such screen is: a filter (if it has one), what goes above the list, the
    # list, followed as other officers change the database ---------------------------------

    SCREEN_TITLE = ""  # its title (a msgid); "" leaves the title to what the screen loads
    FILTER_HINT = ""  # the filter's placeholder (a msgid), when it has a filter (`FILTER`)
    LIST_ID = "record-list"

    def compose(self) -> ComposeResult:
        yield Header()
        if self.FILTER:
            yield TextInput(placeholder=_(self.FILTER_HINT), id=self.FILTER, compact=True,
                            select_on_focus=False)
        yield from self.above_list()
        yield SectionList(id=self.LIST_ID, classes="section-list")
        yield Footer()

    def above_list(self) -> ComposeResult:
        """What a record's page shows above its list (its facts)."""
        return iter(())

    def on_mount(self) -> None:
        follow_data_changes(self, self.others_changed)
        if self.SCREEN_TITLE:
            self.title = _(self.SCREEN_TITLE)
        self.set_focus(self.query_one(SectionList))
        self.pulang.when_loaded(self.reload)

    def on_screen_resume(self) -> None:
        # Back from a form, a merge or another record: what was done there may show here.
        if self.loaded:
            self.reload()

    def others_changed(self, change: DataChanged) -> None:
        """Another officer changed the database: redraw now if in front, else on return."""
        if self is self.app.screen and self.loaded:
            self.reload()

    def on_resize(self) -> None:
        if self.loaded:
            self.render_view()

    # -- the filter above the list (`FILTER`: its id; "" when the screen has none) ----------

    FILTER = ""

    def filter_text(self) -> str:
        return self.query_one(f"#{self.FILTER}", Input).value

    def _is_filter(self, widget: object) -> bool:
        return bool(self.FILTER) and getattr(widget, "id", None) == self.FILTER

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        if self._is_filter(event.input):
            event.stop()
            if self.loaded:
                self.render_view()

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if self._is_filter(event.input):
            event.stop()
            self.set_focus(self.query_one(SectionList))
            self.into_list()

    def into_list(self) -> None:
        """Enter in the filter has put the focus on the list (a screen may move the cursor)."""

    def on_key(self, event: Any) -> None:
        if event.key == "down" and self._is_filter(self.focused):
            self.set_focus(self.query_one(SectionList))
            event.stop()

    def action_filter(self) -> None:
        # What was typed before is selected: the next thing typed replaces it.
        field = self.query_one(f"#{self.FILTER}", Input)
        self.set_focus(field)
        field.select_all()

    def action_back(self) -> None:
        """Escape: clears the filter (or leaves it), then goes back to Today."""
        field = self.query_one(f"#{self.FILTER}", Input) if self.FILTER else None
        if field is not None and (self.focused is field or field.value):
            field.value = ""
            self.set_focus(self.query_one(SectionList))
            return
        self.pulang.show_today()

    def reload(self) -> None:
        raise NotImplementedError

    def render_view(self) -> None:
        raise NotImplementedError

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is not None:
            target()

    # -- where Enter goes ------------------------------------------------------------------

    def open(self, kind: str, record_id: str) -> Callable[[], None]:
        return lambda: self.pulang.open_record(kind, record_id)

    def open_case(self, case_id: str, focus: dict[str, str] | None = None) -> Callable[[], None]:
        # Opening a case closes the screens in front of Today: ask first if a form among
        # them holds typing (a record opened from the likely matches of a new one).
        return self.pulang.after_leaving_forms(lambda: self.pulang.open_case(case_id, focus))
