"""Meetings (key 4): every meeting and working visit with partners, newest first, narrowed by
`/`; `n` records a new one, which then opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from store import N_, PulangError, _, format_date
from store.domain import Meeting, country_name, fold, label, printable, shorten
from tui.data_changed import DataChanged, follow_data_changes
from tui.screens.meetings.meeting import MeetingScreen
from tui.screens.meetings.meeting_form import MeetingForm
from tui.translate import TranslatedBindings
from tui.widgets import RecordTable, TextInput, cell

if TYPE_CHECKING:
    from tui.app import PulangApp


_DATE, _KIND, _CITY = 12, 14, 14  # widths of the list's columns; the title takes the rest
_CHROME = 2 * 4 + 1  # a space each side of four columns, and the scrollbar


class MeetingsScreen(TranslatedBindings, Screen[None]):
    NAVIGATION_KEYS = True  # 1-5 go to the other top screens
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="meetings.back"),
        # priority: keys typed right after it go to the filter, not to the table
        Binding("slash", "filter", N_("Filter"), id="meetings.filter", priority=True),
        Binding("n", "new_meeting", N_("New meeting"), id="meetings.new"),
        Binding("f1", "app.help", N_("Help"), id="meetings.help"),
    ]
    HELP = N_(
        "Meetings: every meeting, working visit, conference and call with partners, the most "
        "recent first. / and part of a title, a city, a country or an organisation's name (any "
        "of its names or its acronym) narrow the list; Escape clears the filter, and Escape "
        "again goes back to Today. Enter opens the meeting under the cursor: who was there, "
        "the agenda, the decisions and the follow-up tasks. n records a new meeting. 1 Today, "
        "2 cases, 3 people and organisations, 4 meetings, 5 agreements, 6 dashboard."
    )

    def __init__(self) -> None:
        super().__init__()
        self.meetings: list[Meeting] = []
        self.search_texts: dict[str, str] = {}  # meeting id -> its folded searchable text
        self.query_text = ""

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextInput(placeholder=_("/ to filter by title, place or organisation"),
                        id="meetings-filter", select_on_focus=False)
        yield RecordTable(enter_label=_("Open"), id="meetings")
        yield Static("", id="meetings-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        follow_data_changes(self, self.others_changed)
        self.title = _("Meetings")
        self.set_focus(self.query_one("#meetings", RecordTable))
        self.pulang.when_loaded(self.reload)

    def on_screen_resume(self) -> None:
        if self.pulang.db is not None:
            self.reload()

    def others_changed(self, change: DataChanged) -> None:
        if self is self.app.screen:
            self.reload()

    def on_resize(self) -> None:
        if self.pulang.db is not None:
            self.render_table()

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked or not self.is_attached:
            return
        try:
            self.meetings = db.meetings()
            orgs = {o.id: o for o in db.organisations()}
        except PulangError as error:
            self.query_one("#meetings-status", Static).update(printable(str(error)))
            return
        self.search_texts = {}
        for m in self.meetings:
            names = [n for oid in m.org_ids if oid in orgs for n in orgs[oid].all_names]
            self.search_texts[m.id] = fold(" ".join(
                [m.title, m.city, country_name(m.country), label(m.kind), *names]))
        self.render_table()

    def shown(self) -> list[Meeting]:
        words = fold(self.query_text).split()
        return [m for m in self.meetings
                if all(w in self.search_texts.get(m.id, "") for w in words)]

    def render_table(self) -> None:
        table = self.query_one("#meetings", RecordTable)
        keep = table.current_key
        title_width = max(12, self.size.width - _DATE - _KIND - _CITY - _CHROME)
        table.clear(columns=True)
        table.add_column(_("Date"), width=_DATE)
        table.add_column(_("Kind"), width=_KIND)
        table.add_column(_("Title"), width=title_width)
        table.add_column(_("City"), width=_CITY)
        shown = self.shown()
        for m in shown:
            table.add_row(cell(format_date(m.at.astimezone().date())), cell(label(m.kind)),
                          cell(m.title), cell(m.city), key=m.id)
        table.move_to_key(keep)
        status = self.query_one("#meetings-status", Static)
        if not self.meetings:
            status.update(_("No meetings yet. Press n to record the first one."))
        elif self.query_text.strip():
            status.update(_("{shown} of {total} meetings match “{text}”. Escape clears the "
                            "filter.").format(shown=len(shown), total=len(self.meetings),
                                              text=shorten(self.query_text.strip())))
        else:
            status.update(_("Meetings: {total}, the most recent first.").format(
                total=len(self.meetings)))

    @on(Input.Changed, "#meetings-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self.pulang.db is not None:
            self.render_table()

    @on(Input.Submitted, "#meetings-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_focus(self.query_one("#meetings", RecordTable))

    def on_key(self, event: Any) -> None:
        if event.key == "down" and self.query_one("#meetings-filter", Input).has_focus:
            event.stop()
            self.set_focus(self.query_one("#meetings", RecordTable))

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#meetings-filter", Input))

    def action_back(self) -> None:
        filter_input = self.query_one("#meetings-filter", Input)
        if filter_input.has_focus or self.query_text:
            filter_input.value = ""
            self.query_text = ""
            self.render_table()
            self.set_focus(self.query_one("#meetings", RecordTable))
            return
        self.pulang.show_today()

    @on(DataTable.RowSelected, "#meetings")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.pulang.open_record("meeting", event.row_key.value)

    def action_new_meeting(self) -> None:
        self.pulang.when_loaded(lambda: new_meeting(self.pulang))


def new_meeting(app: PulangApp) -> None:
    """The form for a new meeting; once saved, the meeting opens, ready for its tasks."""

    def saved(meeting: Meeting | None) -> None:
        if meeting is not None:
            app.push_screen(MeetingScreen(meeting.id, offer_task=True))

    app.push_screen(MeetingForm(None, _("New meeting")), saved)
