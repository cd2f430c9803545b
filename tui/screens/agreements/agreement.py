"""One agreement, everything about it in one list that the cursor moves through: its parties,
areas and signatories, its dated lifecycle, its draft versions, its commitments and the
meetings that discussed it. From here it is edited, moved along its lifecycle, given a new
version, and two of its versions compared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from store import N_, PulangError, _, format_date
from store.domain import AGREEMENT_MOVES, Agreement, Task, label, printable
from tui.data_changed import DataChanged, follow_data_changes
from tui.screens.agreements.agreement_form import AgreementForm
from tui.screens.agreements.common import LineList, line_count
from tui.screens.agreements.diff import DiffScreen
from tui.screens.agreements.move import MoveDialog
from tui.screens.agreements.version import VersionScreen
from tui.screens.agreements.version_form import VersionForm
from tui.screens.decide import conflict_note
from tui.screens.tasks import TaskForm, task_line
from tui.translate import TranslatedBindings
from tui.widgets import indented

if TYPE_CHECKING:
    from tui.app import PulangApp


def _heading(text: str) -> Option:
    return Option(Text(text, style="bold underline"), disabled=True)


def _fact(text: str, indent: int = 0) -> Option:
    return Option(Text(" " * indent + text), disabled=True)


class AgreementScreen(TranslatedBindings, Screen[None]):
    """One agreement, everything about it in one list that the cursor moves through."""

    NAVIGATION_KEYS = True
    BINDINGS = [
        Binding("escape", "back", N_("Back"), show=False, id="agreement.back"),
        Binding("e", "edit", N_("Edit"), id="agreement.edit"),
        Binding("m", "move", N_("Move"), id="agreement.move"),
        Binding("v", "add_version", N_("New version"), id="agreement.version"),
        Binding("D", "diff", N_("Compare"), id="agreement.diff"),
        Binding("a", "add_task", N_("Add commitment"), id="agreement.task", show=False),
        Binding("x", "toggle_task", N_("Commitment done"), id="agreement.done", show=False),
        Binding("f1", "app.help", N_("Help"), id="agreement.help"),
    ]
    HELP = N_(
        "One cooperation agreement: its parties and areas, where it stands and every change "
        "of status with its date, its signatories, its draft versions, its commitments and the "
        "meetings that discussed it. Up and down move between the lines that lead somewhere; "
        "Enter opens the party, signatory or meeting under the cursor, shows the text of a "
        "version, or edits a commitment. e edits the agreement. m moves it along its "
        "lifecycle: only the next steps allowed are offered, with the date of the change "
        "(today unless you say otherwise) and a note. v adds a draft version: type or paste "
        "its text, Ctrl+S keeps it. Shift+D shows what changed between two versions (the last "
        "two first): lines removed start with -, lines added with +; s switches to two "
        "columns side by side and c chooses other versions. a adds a commitment, x marks the "
        "one under the cursor done (or open again). Escape goes back."
    )

    def __init__(self, agreement_id: str) -> None:
        super().__init__()
        self.agreement_id = agreement_id
        self.agreement: Agreement | None = None
        self.tasks: list[Task] = []
        self.targets: dict[str, tuple[str, str]] = {}  # option id -> (kind, id)

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield LineList(id="agreement-lines")
        yield Footer()

    def on_mount(self) -> None:
        follow_data_changes(self, self.others_changed)
        try:
            self.reload()
        except PulangError as error:  # removed meanwhile: say so, go back
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            self.app.call_later(self.app.pop_screen)
            return
        self.set_focus(self.query_one(LineList))

    def on_screen_resume(self) -> None:
        self._reload_shown()

    def others_changed(self, change: DataChanged) -> None:
        if self is self.app.screen:
            self._reload_shown()

    def _reload_shown(self) -> None:
        try:
            self.reload()
        except PulangError as error:
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        agreement = db.agreement(self.agreement_id)
        self.agreement = agreement
        self.agreement_id = agreement.id
        self.tasks = db.tasks(agreement_id=agreement.id)
        orgs = {o.id: o for o in db.organisations()}
        people = {p.id: p for p in db.people()}
        meetings = db.meetings_with(agreement.id)
        self.title = printable(agreement.title, limit=200)
        self.show_agreement(agreement, orgs, people, meetings)

    def show_agreement(self, agreement: Agreement, orgs: dict[str, Any],
                     people: dict[str, Any], meetings: list[Any]) -> None:
        listing = self.query_one(LineList)
        keep = None
        if listing.highlighted is not None and listing.option_count:
            keep = listing.get_option_at_index(listing.highlighted).id
        options: list[Option] = []
        self.targets = {}

        def link(key: str, kind: str, record_id: str, text: str) -> None:
            self.targets[key] = (kind, record_id)
            options.append(Option(indented(Text(printable(text, limit=300))), id=key))

        since = format_date(agreement.since)
        status = label(agreement.status)
        note = conflict_note(self.app, agreement.id, Agreement.field_label)
        if note:
            options.append(_fact(note))
        options.append(_fact(printable(agreement.title, limit=300)))
        options.append(_fact(_("Status: {status} since {date}").format(status=status, date=since)
                             if since else _("Status: {status}").format(status=status)))
        areas = ", ".join(label(a) for a in agreement.areas) or _("none given")
        options.append(_fact(_("Areas: {areas}").format(areas=areas)))

        options.append(_heading(_("Parties ({count})").format(count=len(agreement.party_ids))))
        for org_id in agreement.party_ids:
            org = orgs.get(org_id)
            if org is None:
                options.append(_fact(_("(removed)"), 2))
            else:
                name = org.name if not org.acronym else f"{org.acronym} · {org.name}"
                link(f"org:{org_id}", "organisation", org_id, name)

        options.append(_heading(_("Signatories ({count})").format(
            count=len(agreement.signatory_ids))))
        for person_id in agreement.signatory_ids:
            person = people.get(person_id)
            if person is None:
                options.append(_fact(_("(removed)"), 2))
            else:
                name = person.name_in_rows
                who = f"{name} — {person.title}" if person.title else name
                link(f"person:{person_id}", "person", person_id, who)

        options.append(_heading(_("Status history ({count})").format(
            count=len(agreement.history))))
        for change in agreement.history:
            line = f"{format_date(change.on)} · {label(change.status)}"
            if change.note:
                line += " · " + printable(change.note, limit=300)
            options.append(Option(indented(Text(line)), disabled=True))

        options.append(_heading(_("Draft versions ({count})").format(
            count=len(agreement.versions))))
        for version in agreement.versions:
            text = _("version {number} · {date} · {lines} lines").format(
                number=version.number, date=format_date(version.on),
                lines=line_count(version.text))
            if version.note:
                text += " · " + version.note
            link(f"version:{version.number}", "version", str(version.number), text)

        owners = {p.id: p.name_in_rows for p in people.values()}
        options.append(_heading(_("Commitments ({count})").format(count=len(self.tasks))))
        for task in self.tasks:
            self.targets[f"task:{task.id}"] = ("task", task.id)
            options.append(Option(indented(Text(task_line(task, owners))), id=f"task:{task.id}"))

        options.append(_heading(_("Meetings that discussed it ({count})").format(
            count=len(meetings))))
        for meeting in meetings:
            link(f"meeting:{meeting.id}", "meeting", meeting.id,
                 f"{format_date(meeting.at.date())} · {label(meeting.kind)} · {meeting.title}")

        if agreement.notes:
            options.append(_heading(_("Notes")))
            options.append(Option(Text(printable(agreement.notes, multiline=True)),
                                  disabled=True))

        listing.clear_options()
        listing.add_options(options)
        listing.cursor_to(keep)

    def current(self) -> tuple[str, str] | None:
        listing = self.query_one(LineList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return self.targets.get(listing.get_option_at_index(listing.highlighted).id or "")

    # -- keys ------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#agreement-lines")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is None or self.agreement is None:
            return
        kind, record_id = target
        if kind == "version":
            version = self.agreement.draft(int(record_id))
            if version is not None:
                self.app.push_screen(VersionScreen(self.agreement, version))
        elif kind == "task":
            task = next((t for t in self.tasks if t.id == record_id), None)
            if task is not None:
                self.app.push_screen(TaskForm(task, _("Commitment")))
        else:
            self.pulang.open_record(kind, record_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        if self.agreement is not None:
            self.app.push_screen(AgreementForm(self.agreement, _("Edit agreement")))

    def action_move(self) -> None:
        agreement = self.agreement
        if agreement is None:
            return
        if not AGREEMENT_MOVES[agreement.status]:
            self.notify(_("The agreement is {status}: it does not move any more.").format(
                status=label(agreement.status)), severity="warning")
            return

        def moved(result: Agreement | None) -> None:
            if result is not None:
                self.notify(_("Now {status}.").format(status=label(result.status)))
                self._reload_shown()

        self.app.push_screen(MoveDialog(agreement), moved)

    def action_add_version(self) -> None:
        if self.agreement is not None:
            self.app.push_screen(VersionForm(self.agreement, _("New draft version")))

    def action_diff(self) -> None:
        agreement = self.agreement
        if agreement is None:
            return
        if len(agreement.versions) < 2:
            self.notify(_("There is nothing to compare: the agreement has fewer than two "
                          "versions. v adds one."), severity="warning")
            return
        old, new = agreement.versions[-2], agreement.versions[-1]
        self.app.push_screen(DiffScreen(agreement, old.number, new.number))

    def action_add_task(self) -> None:
        if self.agreement is not None:
            self.app.push_screen(TaskForm(None, _("New commitment"),
                                          agreement_id=self.agreement.id))

    def action_toggle_task(self) -> None:
        target = self.current()
        if target is None or target[0] != "task":
            self.notify(_("Put the cursor on a commitment first."), severity="warning")
            return
        task = next((t for t in self.tasks if t.id == target[1]), None)
        if task is None:
            return
        db = self.pulang.db

        def failed(error: PulangError) -> None:
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            self._reload_shown()

        self.pulang.run_store(lambda: db.complete_task(task), lambda _t: self._reload_shown(),
                              failed, what="task")
