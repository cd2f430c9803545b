"""One meeting in full: when, where, who was there (organisations, people with their titles),
agenda and decisions, the cases and agreements discussed, and its follow-up tasks (which Today
lists when due), each line opening what it names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, PulangError, _, clock, format_datetime
from store.domain import Case, Meeting, Task, country_name, label, printable, shorten
from tui.data_changed import follow_data_changes
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.decide import conflict_note
from tui.screens.meetings.meeting_form import MeetingForm, _db
from tui.screens.tasks import TaskForm, task_line
from tui.screens.today import TodayList
from tui.translate import TranslatedBindings
from tui.widgets import FollowsOtherOfficers, indented

if TYPE_CHECKING:
    from store.db import Database
    from tui.app import PulangApp


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
        follow_data_changes(self, self.others_changed)
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
        note = conflict_note(self.app, meeting.id, Meeting.field_label)
        self.query_one("#meeting-facts", Static).update(
            " · ".join(facts) + (f"\n{note}" if note else ""))
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
