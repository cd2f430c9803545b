"""Meetings (key 4): every meeting and working visit with partners, one meeting in full, and the
form that records one.

`MeetingsScreen` lists them, newest first, narrowed by `/`; `MeetingScreen` shows one: when,
where, who was there (organisations, people with their titles), agenda and decisions, the cases
and agreements discussed, and its follow-up tasks (which Today lists when due); `MeetingForm`
edits one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, PulangError, _, clock, datetime_for_input, format_date, format_datetime
from store.domain import (
    Case,
    Meeting,
    MeetingKind,
    Task,
    choices,
    country_name,
    fold,
    label,
    printable,
    shorten,
)
from tui.screens.dialogs import ConfirmDialog
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.pickers import PickField, PickItem
from tui.screens.tasks import TaskForm, organisation_items, people_items, task_line
from tui.screens.today import TodayList
from tui.translate import TranslatedBindings
from tui.widgets import FollowsOtherOfficers, RecordTable, TextInput, cell, indented

if TYPE_CHECKING:
    from store.db import Database
    from tui.app import PulangApp

DATETIME_HINT = "DD/MM/YYYY HH:MM"
_DATE, _KIND, _CITY = 12, 14, 14  # widths of the list's columns; the title takes the rest
_CHROME = 2 * 4 + 1  # a space each side of four columns, and the scrollbar


def _db(node: Any) -> Database:
    return cast("Database", getattr(node.app, "db"))


def case_items(db: Database) -> list[PickItem]:
    """Every case, by reference, with its title, for a picker."""
    return [PickItem(r.id, r.ref, r.title) for r in db.case_rows()]


def agreement_items(db: Database) -> list[PickItem]:
    """Every agreement, by title, with its status."""
    return [PickItem(a.id, a.title, label(a.status)) for a in db.agreements()]


# -- the list -------------------------------------------------------------------------------


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
        self.title = _("Meetings")
        self.set_focus(self.query_one("#meetings", RecordTable))
        self.pulang.when_loaded(self.reload)

    def on_screen_resume(self) -> None:
        if self.pulang.db is not None:
            self.reload()

    def others_changed(self, is_current: bool) -> None:
        if is_current:
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


# -- one meeting ----------------------------------------------------------------------------


class MeetingLines(TodayList):
    """The lines of one meeting: section titles, people, cases, agreements and tasks."""


class MeetingScreen(FollowsOtherOfficers, TranslatedBindings, Screen[None]):
    NAVIGATION_KEYS = True
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="meeting.back"),
        Binding("e", "edit", N_("Edit"), id="meeting.edit"),
        Binding("a", "add_task", N_("Add task"), id="meeting.add_task"),
        Binding("x", "toggle_task", N_("Task done"), id="meeting.task_done"),
        Binding("d", "remove", N_("Remove meeting"), id="meeting.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="meeting.help"),
    ]
    HELP = N_(
        "One meeting: when and where, the organisations and people present (with their "
        "titles), the agenda and the decisions, the cases and agreements discussed, and the "
        "follow-up tasks. Up and down move between the lines; Enter opens the organisation, "
        "person, case or agreement under the cursor, or edits the task under the cursor. a "
        "adds a follow-up task, with who does it and by when: Today lists it when it is due "
        "within a week or overdue, until it is done. x marks the task under the cursor as "
        "done, or open again. e edits the task under the cursor, or, anywhere else, the "
        "meeting. d removes the meeting and its follow-up tasks, after asking. Escape goes "
        "back."
    )

    def __init__(self, meeting_id: str, *, offer_task: bool = False) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.offer_task = offer_task  # just recorded: say that a follows up with a task
        self.meeting: Meeting | None = None
        self.tasks: list[Task] = []
        # What each line of the list is: option id -> (kind, record id).
        self.lines: dict[str, tuple[str, str]] = {}

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="meeting-facts", markup=False)
        yield MeetingLines(id="meeting-lines")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.reload()
        except PulangError as error:  # removed meanwhile, or damaged: say so, go back
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            self.app.call_later(self.app.pop_screen)
            return
        self.set_focus(self.query_one(MeetingLines))
        if self.offer_task:
            self.notify(_("Meeting recorded. Press a to add a follow-up task."), timeout=8)
            self._move_to("tasks")

    def reload_failed(self, error: Exception) -> None:
        super().reload_failed(error)
        self.app.pop_screen()  # the meeting is gone: nothing to show

    def reload(self) -> None:
        db = self.pulang.db
        assert db is not None
        self.meeting = meeting = db.meeting(self.meeting_id)
        self.tasks = db.tasks(meeting_id=meeting.id)
        self.title = printable(meeting.title, limit=200)
        place = ", ".join(p for p in (printable(meeting.city, limit=100),
                                      country_name(meeting.country)) if p)
        facts = [format_datetime(meeting.at), label(meeting.kind)]
        if place:
            facts.append(place)
        self.query_one("#meeting-facts", Static).update(" · ".join(facts))
        self.show_lines(db)

    def show_lines(self, db: Database) -> None:
        meeting = self.meeting
        assert meeting is not None
        listing = self.query_one(MeetingLines)
        keep = None
        if listing.highlighted is not None and listing.option_count:
            keep = listing.get_option_at_index(listing.highlighted).id
        orgs = {o.id: o for o in db.organisations()}
        people = {p.id: p for p in db.people()}
        options: list[Option] = []
        self.lines = {}

        def title(text: str, count: int | None = None, key: str | None = None) -> None:
            shown = text if count is None else (
                _("{title} ({count})").format(title=text, count=count) if count
                else _("{title}: none").format(title=text))
            options.append(Option(Text(shown, style="bold underline"), id=key, disabled=True))

        def row(kind: str, record_id: str, text: str, key: str | None = None) -> None:
            key = key or f"{kind}:{record_id}"
            self.lines[key] = (kind, record_id)
            # Record text goes in as plain text, never as markup.
            options.append(Option(indented(Text(printable(text, limit=300))), id=key))

        def gone(text: str) -> None:
            options.append(Option(indented(Text(text)), disabled=True))

        title(_("Organisations present"), len(meeting.org_ids))
        for oid in meeting.org_ids:
            if oid in orgs:
                row("organisation", oid, orgs[oid].shown_name)
            else:
                gone(_("(removed)"))
        title(_("People present"), len(meeting.person_ids))
        for pid in meeting.person_ids:
            person = people.get(pid)
            if person is None:
                gone(_("(removed)"))
                continue
            org = orgs.get(person.org_id or "")
            role = ", ".join(x for x in (person.title, (org.acronym or org.name) if org else "")
                             if x)
            name = person.name_in_rows
            row("person", pid, f"{name} — {role}" if role else name)
        for heading, text in ((_("Agenda"), meeting.agenda), (_("Decisions"), meeting.decisions)):
            title(heading)
            body = printable(text, multiline=True, limit=4000).strip() or "–"
            # Indented as a block, wrapped lines too.
            options.append(Option(indented(Text(body)), disabled=True))
        title(_("Cases discussed"), len(meeting.case_ids))
        for cid in meeting.case_ids:
            try:
                case = db.get(Case, cid)
            except PulangError:
                gone(_("(removed)"))
                continue
            row("case", cid, f"{case.ref} · {case.title}")
        title(_("Agreements discussed"), len(meeting.agreement_ids))
        for aid in meeting.agreement_ids:
            try:
                agreement = db.agreement(aid)
            except PulangError:
                gone(_("(removed)"))
                continue
            row("agreement", aid, f"{agreement.title} · {label(agreement.status)}")
        title(_("Follow-up tasks"), len(self.tasks), key="tasks")
        owners = {p.id: p.name_in_rows for p in people.values()}
        today = clock.today()
        for task in self.tasks:
            self.lines[f"task:{task.id}"] = ("task", task.id)
            line = Text(task_line(task, owners, today))
            if task.open and task.due is not None and task.due < today:
                line.stylize("bold", 0, 1)  # the ! mark says it; bold only adds to it
            options.append(Option(indented(line), id=f"task:{task.id}"))
        if not self.tasks:
            gone(_("Press a to add a follow-up task."))
        listing.clear_options()
        listing.add_options(options)
        self._move_to(keep)

    def _move_to(self, key: str | None) -> None:
        """The cursor on line `key` (or, for "tasks", the first task), else the first line
        that can take it."""
        listing = self.query_one(MeetingLines)
        index = None
        if key is not None:
            try:
                index = listing.get_option_index(key)
            except Exception:  # noqa: BLE001 - that line is gone
                index = None
        if index is not None and listing.get_option_at_index(index).disabled:
            index = next((i for i in range(index, listing.option_count)
                          if not listing.get_option_at_index(i).disabled), None)
            if key == "tasks" and index is None:  # no task yet: show the offer to add one
                listing.scroll_end(animate=False)
        if index is None and key != "tasks":
            index = listing.first_line()
        listing.highlighted = index
        if index is not None and index <= 1:
            listing.scroll_home(animate=False)

    def current(self) -> tuple[str, str] | None:
        listing = self.query_one(MeetingLines)
        if listing.highlighted is None or not listing.option_count:
            return None
        return self.lines.get(listing.get_option_at_index(listing.highlighted).id or "")

    def current_task(self) -> Task | None:
        line = self.current()
        if line is None or line[0] != "task":
            return None
        return next((t for t in self.tasks if t.id == line[1]), None)

    # -- keys ------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#meeting-lines")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        line = self.lines.get(event.option.id or "")
        if line is None:
            return
        kind, record_id = line
        if kind == "task":
            self.action_edit()
        elif kind == "case":
            self.pulang.open_case(record_id)
        else:
            self.pulang.open_record(kind, record_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def _after_edit(self, saved: object) -> None:
        if saved is not None:
            self._reload_shown()

    def action_edit(self) -> None:
        task = self.current_task()
        if task is not None:
            self.app.push_screen(TaskForm(task, _("Edit task")), self._after_edit)
        elif self.meeting is not None:
            self.app.push_screen(MeetingForm(self.meeting, _("Edit meeting")), self._after_edit)

    def action_add_task(self) -> None:
        def added(task: Task | None) -> None:
            if task is not None:
                self._reload_shown()
                self._move_to(f"task:{task.id}")

        self.app.push_screen(TaskForm(None, _("New follow-up task"),
                                      meeting_id=self.meeting_id), added)

    def action_toggle_task(self) -> None:
        task = self.current_task()
        if task is None:
            self.notify(_("Put the cursor on a task first."))
            return
        db = _db(self)
        self.pulang.run_store(lambda: db.complete_task(task), self._after_edit,
                              self._failed, what="task")

    def _failed(self, error: PulangError) -> None:
        self.notify(printable(str(error)), title=_("Not saved"), severity="error", timeout=10,
                    markup=False)
        self._reload_shown()

    def action_remove(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        count = len(self.tasks)
        question = _("Remove the meeting “{title}”?").format(title=shorten(meeting.title, 80))
        if count:
            question += " " + _("Its {count} follow-up tasks are removed with it.").format(
                count=count)
        db = _db(self)

        def removed(_result: object) -> None:
            self.notify(_("Meeting removed."))
            if self.is_current:
                self.app.pop_screen()

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: db.remove_meeting(meeting.id, meeting.version),
                                      removed, self._failed, what="meeting")

        self.app.push_screen(ConfirmDialog(question, _("Remove"), _("Keep it")), answered)


# -- the form -------------------------------------------------------------------------------


class MeetingForm(RecordForm[Meeting]):
    """When and where, who was there, what was said and decided, which cases and agreements."""

    record_type = Meeting
    draft_kind = "meeting"

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("at", required=True, placeholder=DATETIME_HINT),
            FieldSpec("kind", "select", choices(MeetingKind), required=True),
            FieldSpec("title", required=True,
                      placeholder=_("e.g. ASEAN TUC working visit to LFTU")),
            FieldSpec("city", placeholder=_("e.g. Vientiane")),
            FieldSpec("country", "country", placeholder=_("country name or code, e.g. Laos or LA")),
            FieldSpec("org_ids", "picks", source=lambda: organisation_items(_db(self)),
                      hint=_("Enter chooses organisations of the directory.")),
            FieldSpec("person_ids", "picks", source=lambda: people_items(_db(self)),
                      hint=_("Enter chooses people of the directory.")),
            FieldSpec("agenda", "area"),
            FieldSpec("decisions", "area"),
            FieldSpec("case_ids", "picks", source=lambda: case_items(_db(self))),
            FieldSpec("agreement_ids", "picks", source=lambda: agreement_items(_db(self))),
        ]

    def _sources(self) -> dict[str, list[PickItem]]:
        db = _db(self)
        return {"org_ids": organisation_items(db), "person_ids": people_items(db),
                "case_ids": case_items(db), "agreement_ids": agreement_items(db)}

    def on_mount(self) -> None:
        # The names of what the meeting holds, before any draft is put back into the fields.
        for name, items in self._sources().items():
            self.query_one(f"#f-{name}", PickField).names.update(
                {item.id: item.label for item in items})
        super().on_mount()
        for name in ("org_ids", "person_ids", "case_ids", "agreement_ids"):
            field = self.query_one(f"#f-{name}", PickField)
            field.set_value(field.value)

    def defaults(self) -> dict[str, Any]:
        # No date to start with: a meeting is written up after it, or before it is held,
        # seldom at the minute the form opens ("-1 10:00" or "today 14:00" is quick to type).
        return {"kind": MeetingKind.MEETING}

    def values_of(self, meeting: Meeting) -> dict[str, Any]:
        return {
            "at": datetime_for_input(meeting.at),
            "kind": meeting.kind,
            "title": meeting.title,
            "city": meeting.city,
            "country": country_name(meeting.country),
            "org_ids": list(meeting.org_ids),
            "person_ids": list(meeting.person_ids),
            "agenda": meeting.agenda,
            "decisions": meeting.decisions,
            "case_ids": list(meeting.case_ids),
            "agreement_ids": list(meeting.agreement_ids),
        }

    def shown(self, record: Meeting) -> dict[str, str]:
        """As the form shows it: chosen records by their names, not their ids (another
        officer's version beside this one)."""
        result = super().shown(record)
        values = self.values_of(record)
        for spec in self.specs:
            if spec.kind == "picks":
                names = self.query_one(f"#f-{spec.name}", PickField).names
                result[spec.name] = "; ".join(names.get(i, _("(removed)"))
                                              for i in values[spec.name])
        return result

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> MeetingForm:
        record = Meeting.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"])

    def persist(self, record: Meeting) -> Meeting:
        return _db(self).save_meeting(record)
