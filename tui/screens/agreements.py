"""Cooperation agreements (key 5): the list, one agreement with its dated lifecycle, its draft
versions and what changed between two of them, its commitments and the meetings that
discussed it.

An agreement's text is kept plain: it is shown through `printable` as Rich `Text`, never read as
markup. The difference between two versions reads without colour (every line starts with `-`,
`+` or a space); with colour, added lines are green and removed ones red.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from itertools import zip_longest
from typing import TYPE_CHECKING, Any, cast

from rich.cells import cell_len, chop_cells
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from store import N_, PulangError, VersionUnchanged, _, clock, date_for_input, format_date
from store.domain import (
    AGREEMENT_MOVES,
    Agreement,
    AgreementArea,
    AgreementStatus,
    DraftVersion,
    InputProblem,
    Task,
    choices,
    editable,
    fold,
    label,
    parse_date,
    printable,
)
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.pickers import PickerDialog, PickField, PickItem
from tui.screens.tasks import TaskForm, organisation_items, people_items, task_line
from tui.screens.today import TodayList
from tui.translate import TranslatedBindings
from tui.widgets import DateInput, RecordTable, TextInput, cell, indented

if TYPE_CHECKING:
    from store.db import Database
    from tui.app import PulangApp

DATE_HINT = "DD/MM/YYYY"


def _db(node: Any) -> Database:
    return cast("Database", getattr(node.app, "db"))


def party_names(agreement: Agreement, orgs: dict[str, str]) -> str:
    """The parties by acronym (or name), in the order the agreement names them."""
    return ", ".join(orgs.get(i, _("(removed)")) for i in agreement.party_ids)


def short_names(db: Database) -> dict[str, str]:
    return {o.id: o.acronym or o.name for o in db.organisations()}


def line_count(text: str) -> int:
    return len(text.splitlines())


# -- the difference between two versions ------------------------------------------------------

ADDED, REMOVED, SAME, HUNK = "+", "-", " ", "@"


def unified_lines(old: str, new: str, context: int = 3) -> list[tuple[str, str]]:
    """The unified difference of two texts, line by line: (kind, text) with kind one of
    ADDED, REMOVED, SAME or HUNK (where a stretch of changes starts, as "@@ ... @@")."""
    lines: list[tuple[str, str]] = []
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=context)
    for line in diff:
        if line.startswith(("---", "+++")):
            continue  # the header says which versions these are
        if line.startswith("@@"):
            lines.append((HUNK, line))
        elif line.startswith("+"):
            lines.append((ADDED, line[1:]))
        elif line.startswith("-"):
            lines.append((REMOVED, line[1:]))
        else:
            lines.append((SAME, line[1:]))
    return lines


def side_rows(old: str, new: str) -> list[tuple[str, str, str, str]]:
    """The two texts side by side: (left mark, left line, right mark, right line), marks
    "-" (removed or changed on the left), "+" (added or changed on the right) or " "."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[tuple[str, str, str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            rows += [(SAME, x, SAME, y) for x, y in zip(a[i1:i2], b[j1:j2])]
            continue
        for x, y in zip_longest(a[i1:i2], b[j1:j2]):
            rows.append((REMOVED if x is not None else SAME, x or "",
                         ADDED if y is not None else SAME, y or ""))
    return rows


def wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """`text` (one line) in lines of at most `width` cells (the first line `first`, when
    given), broken between words where it can."""
    width = max(1, width)
    first = max(1, first) if first is not None else width
    text = printable(text)
    if cell_len(text) <= first:
        return [text]
    lines: list[str] = []
    current = ""

    def room() -> int:
        return first if not lines else width

    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= room():
            current = candidate
            continue
        if current:
            lines.append(current)
        while cell_len(word) > room():
            head = chop_cells(word, room())[0] or word[0]  # a wide character in one cell
            lines.append(head)
            word = word[len(head):]
        current = word
    if current or not lines:
        lines.append(current)
    return lines


_STYLES = {ADDED: "green bold", REMOVED: "red", SAME: "", HUNK: "bold"}


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def unified_text(lines: Sequence[tuple[str, str]], width: int) -> Text:
    """The unified difference, each line led by its mark (continuations too, indented)."""
    out = Text(no_wrap=True, overflow="crop", end="")
    for kind, line in lines:
        if kind == HUNK:
            out.append(printable(line) + "\n", style=_STYLES[HUNK])
            continue
        for n, part in enumerate(wrap(line, width - 4, first=width - 2)):
            lead = f"{kind} " if n == 0 else f"{kind}   "
            out.append(lead + part + "\n", style=_STYLES[kind])
    out.rstrip()
    return out


def side_text(rows: Sequence[tuple[str, str, str, str]], width: int) -> Text:
    """The two versions in two columns of equal width, with "│" between them; each changed
    line marked (- on the left, + on the right), long lines wrapped within their column."""
    side = max(8, (width - 1) // 2)  # each column: its mark, a space, the text
    inner = side - 2
    out = Text(no_wrap=True, overflow="crop", end="")
    for left_mark, left, right_mark, right in rows:
        lefts, rights = wrap(left, inner), wrap(right, inner)
        for n, (x, y) in enumerate(zip_longest(lefts, rights, fillvalue="")):
            lm = left_mark if n == 0 or x else " "
            rm = right_mark if n == 0 or y else " "
            if not left and left_mark == SAME and right_mark == ADDED:
                lm = " "
            out.append(pad(f"{lm} {x}", side), style=_STYLES[left_mark] if left else "")
            out.append("│")
            out.append(f"{rm} {y}\n", style=_STYLES[right_mark] if right else "")
    out.rstrip()
    return out


# -- the list ---------------------------------------------------------------------------------

_PARTIES, _STATUS, _SINCE = 16, 11, 11


class AgreementsScreen(TranslatedBindings, Screen[None]):
    """Every agreement: its title, parties, status and since when."""

    NAVIGATION_KEYS = True
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="agreements.back"),
        Binding("slash", "filter", N_("Filter"), id="agreements.filter"),
        Binding("n", "new", N_("New agreement"), id="agreements.new"),
        Binding("f1", "app.help", N_("Help"), id="agreements.help"),
    ]
    HELP = N_(
        "Cooperation agreements between organisations: each with its parties, where it stands "
        "in its lifecycle (idea, drafting, negotiation, signed, in force; expired or "
        "terminated) and since when. / and part of a title, a party or a status narrows the "
        "list; Escape clears the filter, and again goes back to Today. Enter opens the "
        "agreement under the cursor; n records a new one."
    )

    def __init__(self) -> None:
        super().__init__()
        self.agreements: list[Agreement] = []
        self.orgs: dict[str, str] = {}

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextInput(placeholder=_("/ to filter by title, party or status"),
                        id="agreements-filter", select_on_focus=False, compact=True)
        yield RecordTable(enter_label=_("Open"), id="agreements")
        yield Static("", id="agreements-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Agreements")
        self.set_focus(self.query_one(RecordTable))
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def others_changed(self, is_current: bool) -> None:
        if is_current:
            self.reload()

    def on_resize(self) -> None:
        self.render_table()

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            self.agreements = db.agreements()
            self.orgs = short_names(db)
        except PulangError as error:
            self.query_one("#agreements-status", Static).update(printable(str(error)))
            return
        self.render_table()

    def shown(self) -> list[Agreement]:
        words = fold(self.query_one("#agreements-filter", Input).value).split()
        if not words:
            return self.agreements
        found = []
        for agreement in self.agreements:
            text = fold(" ".join([agreement.title, party_names(agreement, self.orgs),
                                  label(agreement.status)]))
            if all(word in text for word in words):
                found.append(agreement)
        return found

    def render_table(self) -> None:
        table = self.query_one(RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        title_width = max(12, self.size.width - _PARTIES - _STATUS - _SINCE - 4 * 2 - 2)
        table.add_column(_("Title"), width=title_width, key="title")
        table.add_column(_("Parties"), width=_PARTIES, key="parties")
        table.add_column(_("Status"), width=_STATUS, key="status")
        table.add_column(_("Since"), width=_SINCE, key="since")
        shown = self.shown()
        for agreement in shown:
            table.add_row(cell(agreement.title), cell(party_names(agreement, self.orgs)),
                          cell(label(agreement.status)), cell(format_date(agreement.since)),
                          key=agreement.id)
        table.move_to_key(keep)
        status = self.query_one("#agreements-status", Static)
        if not self.agreements:
            status.update(_("No agreements yet. Press n to record the first one."))
        elif len(shown) < len(self.agreements):
            status.update(_("{shown} of {total} agreements. Escape clears the filter.").format(
                shown=len(shown), total=len(self.agreements)))
        else:
            status.update(_("Agreements: {total}").format(total=len(self.agreements)))

    @on(Input.Changed, "#agreements-filter")
    def _filtered(self, event: Input.Changed) -> None:
        event.stop()
        self.render_table()

    @on(Input.Submitted, "#agreements-filter")
    def _into_table(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_focus(self.query_one(RecordTable))

    @on(RecordTable.RowSelected, "#agreements")
    def _open(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.pulang.open_record("agreement", event.row_key.value)

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#agreements-filter", Input))

    def action_back(self) -> None:
        box = self.query_one("#agreements-filter", Input)
        if box.has_focus or box.value:
            box.value = ""
            self.set_focus(self.query_one(RecordTable))
            return
        self.pulang.show_today()

    def action_new(self) -> None:
        def saved(agreement: Agreement | None) -> None:
            if agreement is not None:
                self.notify(_("Agreement recorded."))
                self.pulang.open_record("agreement", agreement.id)

        self.app.push_screen(AgreementForm(None, _("New agreement")), saved)


# -- one agreement ----------------------------------------------------------------------------


class LineList(TodayList):
    """The lines of one agreement: headings and facts cannot take the cursor, the linked
    records can (the cursor's line in reverse video, as in Today)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._bindings.key_to_bindings["enter"] = [  # noqa: SLF001
            Binding("enter", "select", _("Open"), id="agreement.open")
        ]


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
        try:
            self.reload()
        except PulangError as error:  # removed meanwhile: say so, go back
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            self.app.call_later(self.app.pop_screen)
            return
        self.set_focus(self.query_one(LineList))

    def on_screen_resume(self) -> None:
        self._reload_shown()

    def others_changed(self, is_current: bool) -> None:
        if is_current:
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


# -- moving along the lifecycle ---------------------------------------------------------------


class MoveDialog(TranslatedBindings, ModalScreen[Agreement | None]):
    """Where the agreement goes next (only the moves allowed from where it is), when, and a
    note. A refusal is shown here, with what was typed kept."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="move.cancel"),
        Binding("ctrl+s", "confirm", N_("Move"), id="move.confirm"),
        Binding("f1", "app.help", N_("Help"), id="move.help"),
    ]
    HELP = N_(
        "Choose where the agreement goes: press its number, or move with the arrows and press "
        "Enter. Only the moves its present status allows are offered. The date of the change "
        "is today unless you write another (DD/MM/YYYY, not in the future). The note says why "
        "or how, e.g. who signed. Enter in the note, or Ctrl+S, moves it; Escape goes back."
    )

    def __init__(self, agreement: Agreement) -> None:
        super().__init__()
        self.agreement = agreement
        self.moves: tuple[AgreementStatus, ...] = AGREEMENT_MOVES[agreement.status]
        self._busy = False
        self._today = date_for_input(clock.today())  # the date offered

    def compose(self) -> ComposeResult:
        with Vertical(id="move-dialog"):
            yield Label(_("Move from {status} to:").format(status=label(self.agreement.status)),
                        id="move-title", markup=False)
            yield LineList(id="move-list")
            yield Label(_("Date of the change"), classes="move-label")
            yield DateInput(self._today, placeholder=DATE_HINT,
                            id="move-date", echo="move-date-echo", compact=True,
                            select_on_focus=False)
            yield Static("", id="move-date-echo", classes="date-echo", markup=False)
            yield Label(_("Note"), classes="move-label")
            yield TextInput(placeholder=_("optional, e.g. signed in Jakarta by both presidents"),
                            id="move-note", compact=True, select_on_focus=False)
            yield Static("", id="move-error", markup=False)
            yield Label(_("Number or Enter chooses · Ctrl+S moves · Escape cancels"),
                        id="move-keys")

    def on_mount(self) -> None:
        listing = self.query_one("#move-list", LineList)
        listing.add_options([Option(Text(f"{n} {label(s)}"), id=s.value)
                             for n, s in enumerate(self.moves, start=1)])
        listing.highlighted = 0
        self.set_focus(listing)

    def chosen(self) -> AgreementStatus | None:
        listing = self.query_one("#move-list", LineList)
        if listing.highlighted is None:
            return None
        return self.moves[listing.highlighted]

    def on_key(self, event: Any) -> None:
        listing = self.query_one("#move-list", LineList)
        key = getattr(event, "character", None) or ""
        if listing.has_focus and key.isdigit() and 1 <= int(key) <= len(self.moves):
            event.stop()
            event.prevent_default()
            listing.highlighted = int(key) - 1
            self.set_focus(self.query_one("#move-date", Input))

    @on(OptionList.OptionSelected, "#move-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.set_focus(self.query_one("#move-date", Input))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "move-date":
            self.set_focus(self.query_one("#move-note", Input))
        else:
            self.action_confirm()

    def _error(self, message: str) -> None:
        self.query_one("#move-error", Static).update(printable(message))

    def action_confirm(self) -> None:
        status = self.chosen()
        if status is None or self._busy:
            return
        try:
            on_day = parse_date(self.query_one("#move-date", Input).value) or clock.today()
        except InputProblem as problem:
            self._error(str(problem))
            self.set_focus(self.query_one("#move-date", Input))
            return
        note = self.query_one("#move-note", Input).value.strip()
        db = _db(self)
        agreement_id = self.agreement.id
        self._busy = True
        self._error("")

        def failed(error: PulangError) -> None:
            self._busy = False
            self._error(str(error))

        def done(moved: Agreement) -> None:
            self._busy = False
            self.dismiss(moved)

        # As stored now: another officer's change to its notes or parties is kept.
        self.app.run_store(  # type: ignore[attr-defined]
            lambda: db.move_agreement(db.agreement(agreement_id), status, on_day, note),
            done, failed, what="agreement")

    @property
    def is_dirty(self) -> bool:
        """A date or a note typed, the move not yet made (Ctrl+Q asks first)."""
        return (self.query_one("#move-date", Input).value != self._today
                or bool(self.query_one("#move-note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)


# -- the agreement's form ---------------------------------------------------------------------


class AgreementForm(RecordForm[Agreement]):
    """Title, parties, areas, signatories and notes; a new one also where it starts."""

    record_type = Agreement
    draft_kind = "agreement"

    def fields(self) -> list[FieldSpec]:
        specs = [
            FieldSpec("title", required=True,
                      placeholder=_("e.g. KSPSI–LFTU cooperation on migrant workers")),
            FieldSpec("party_ids", "picks", required=True,
                      source=lambda: organisation_items(_db(self)),
                      hint=_("At least two. Enter chooses organisations of the directory.")),
            FieldSpec("areas", "multi", choices(AgreementArea)),
            FieldSpec("signatory_ids", "picks", source=lambda: people_items(_db(self)),
                      hint=_("Enter chooses people of the directory.")),
            FieldSpec("notes", "area"),
        ]
        if self.record is None:
            specs.insert(1, FieldSpec(
                "status", "select",
                [(label(s), s) for s in (AgreementStatus.IDEA, AgreementStatus.DRAFTING)],
                required=True, hint=_("Where it starts; later moves are dated on its screen.")))
        return specs

    def on_mount(self) -> None:
        super().on_mount()
        db = _db(self)
        for name, items in (("party_ids", organisation_items(db)),
                            ("signatory_ids", people_items(db))):
            field = self.query_one(f"#f-{name}", PickField)
            field.names.update({item.id: item.label for item in items
                                if item.id in field.chosen})
            field.set_value(field.value)

    def defaults(self) -> dict[str, Any]:
        return {"status": AgreementStatus.IDEA, "party_ids": [], "signatory_ids": [],
                "areas": []}

    def values_of(self, agreement: Agreement) -> dict[str, Any]:
        return {
            "title": agreement.title,
            "party_ids": list(agreement.party_ids),
            "areas": list(agreement.areas),
            "signatory_ids": list(agreement.signatory_ids),
            "notes": agreement.notes,
        }

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> AgreementForm:
        record = Agreement.model_validate(draft["record"]) if draft.get("record") else None
        return cls(record, draft["title"])

    def persist(self, record: Agreement) -> Agreement:
        return _db(self).save_agreement(record)


# -- draft versions ---------------------------------------------------------------------------


class VersionForm(RecordForm[Agreement]):
    """A new draft version: its whole text, starting from the latest version's, and a note.
    Ctrl+S keeps it as the next version (the latest text unchanged is refused, and said so);
    Escape asks before throwing away what was typed."""

    record_type = Agreement
    draft_kind = "agreement_version"
    HELP = N_(
        "The new draft version starts from the text of the latest one: change what changes, "
        "or replace it all with a pasted text (F7 selects everything first). It is plain text; "
        "long lines wrap on the screen but are kept as typed. Tab moves to the note: what this "
        "version changes, or whose it is. Ctrl+S keeps it as the next version, dated today; "
        "the same text as the latest version is not kept again. Escape asks before throwing "
        "away what you typed."
    )

    def fields(self) -> list[FieldSpec]:
        return [FieldSpec("text", "area"), FieldSpec("note")]

    def compose(self) -> ComposeResult:
        assert self.record is not None
        yield Header()
        number = max((v.number for v in self.record.versions), default=0) + 1
        yield Label(_("Version {number} of “{title}”").format(
            number=number, title=printable(self.record.title, limit=100)),
            id="version-heading", markup=False)
        area = TextArea(self.values_of(self.record)["text"], id="f-text", soft_wrap=True,
                        tab_behavior="focus")
        area.show_line_numbers = False
        yield area
        yield Static("", classes="field-error", id="e-text", markup=False)
        with Vertical(id="version-note-row"):
            yield Label(_("Note"), classes="field-label")
            yield TextInput(placeholder=_("e.g. with LFTU's comments on article 3"),
                            id="f-note", compact=True, select_on_focus=False)
        yield Static("", classes="field-error", id="e-note", markup=False)
        yield Static("", id="form-status", markup=False)
        yield Footer()

    def values_of(self, agreement: Agreement) -> dict[str, Any]:
        latest = agreement.latest
        return {"text": "" if latest is None else editable(latest.text, multiline=True),
                "note": ""}

    def refused_by_rule(self, error: Any, record: Agreement) -> bool:
        if not isinstance(error, VersionUnchanged):
            return False
        self._show_status(str(error))
        self.notify(str(error), severity="warning", markup=False)
        self.set_focus(self.query_one("#f-text"))
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        errors = dict(errors)
        if "versions" in errors:
            errors["text"] = errors.pop("versions")
        super().show_errors(errors)

    def action_save(self) -> None:
        if self._saving or self.record is None:
            return
        values = self.values()
        text = editable(values["text"], multiline=True)
        if not text.strip():
            self.show_errors({"text": _("The text of the version is empty.")})
            return
        note = values["note"].strip()
        db = _db(self)
        agreement_id = self.record.id
        # As stored now: the number follows the versions another officer may have added.
        self.save_with(self.record,
                       lambda: db.add_draft_version(db.agreement(agreement_id), text, note))

    def _conflicted(self, conflict: Any) -> None:
        self.not_saved_because(conflict)

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> VersionForm:
        return cls(Agreement.model_validate(draft["record"]), draft["title"])


class VersionScreen(TranslatedBindings, Screen[None]):
    """The text of one version, read-only and scrollable."""

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="version.back"),
        Binding("f1", "app.help", N_("Help"), id="version.help"),
    ]
    HELP = N_(
        "The text of one draft version, as it was kept; it cannot be changed (a new version "
        "is added with v on the agreement). Arrows, Page Up and Page Down scroll; text can be "
        "selected with Shift and the arrows and copied. Escape goes back."
    )

    def __init__(self, agreement: Agreement, version: DraftVersion) -> None:
        super().__init__()
        self.agreement = agreement
        self.version = version

    def compose(self) -> ComposeResult:
        yield Header()
        version = self.version
        about = _("version {number} · {date} · {lines} lines").format(
            number=version.number, date=format_date(version.on), lines=line_count(version.text))
        if version.note:
            about += " · " + printable(version.note, limit=200)
        yield Static(about, id="version-about", markup=False)
        area = TextArea(printable(version.text, multiline=True), id="version-text",
                        read_only=True, soft_wrap=True, compact=True)
        area.show_line_numbers = False
        yield area
        yield Footer()

    def on_mount(self) -> None:
        self.title = printable(self.agreement.title, limit=200)
        self.set_focus(self.query_one("#version-text"))

    def action_back(self) -> None:
        self.app.pop_screen()


class DiffScreen(TranslatedBindings, Screen[None]):
    """What changed between two versions: unified (one column), or side by side."""

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="diff.back"),
        Binding("s", "toggle_side", N_("Side by side"), id="diff.side"),
        Binding("c", "choose", N_("Choose versions"), id="diff.choose"),
        Binding("f1", "app.help", N_("Help"), id="diff.help"),
    ]
    HELP = N_(
        "What changed from one draft version to another. In one column, lines removed start "
        "with -, lines added with +, and unchanged lines around them with a space; @@ marks "
        "where each stretch of changes begins (its line numbers in each version). With "
        "colours, added lines are green and removed ones red. s shows the two versions side "
        "by side instead: the earlier on the left, the later on the right, changed lines "
        "marked - and +; s again goes back to one column. c chooses the two versions to "
        "compare. Arrows, Page Up and Page Down scroll. Escape goes back."
    )

    def __init__(self, agreement: Agreement, old: int, new: int) -> None:
        super().__init__()
        self.agreement = agreement
        self.old, self.new = old, new
        self.side_by_side = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="diff-about", markup=False)
        with VerticalScroll(id="diff-scroll"):
            yield Static("", id="diff-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = printable(self.agreement.title, limit=200)
        self.set_focus(self.query_one("#diff-scroll"))
        self.render_diff()

    def on_resize(self) -> None:
        self.render_diff()

    def _version(self, number: int) -> DraftVersion:
        version = self.agreement.draft(number)
        assert version is not None
        return version

    def render_diff(self) -> None:
        old, new = self._version(self.old), self._version(self.new)
        scroll = self.query_one("#diff-scroll", VerticalScroll)
        width = max(20, (scroll.scrollable_content_region.width or self.size.width) - 1)
        lines = unified_lines(old.text, new.text)
        removed = sum(1 for kind, _line in lines if kind == REMOVED)
        added = sum(1 for kind, _line in lines if kind == ADDED)
        about = _("Version {old} ({old_date}) → version {new} ({new_date}): {removed} lines "
                  "removed, {added} added").format(
            old=old.number, old_date=format_date(old.on), new=new.number,
            new_date=format_date(new.on), removed=removed, added=added)
        if self.side_by_side:
            about += "\n" + _("Side by side: version {old} left, {new} right · s one "
                              "column").format(old=old.number, new=new.number)
        else:
            about += "\n" + _("- removed · + added · s side by side · c other versions")
        self.query_one("#diff-about", Static).update(about)
        body = self.query_one("#diff-body", Static)
        if old.text == new.text:
            body.update(Text(_("The two versions are the same.")))
        elif self.side_by_side:
            body.update(side_text(side_rows(old.text, new.text), width))
        else:
            body.update(unified_text(lines, width))

    def action_toggle_side(self) -> None:
        self.side_by_side = not self.side_by_side
        self.render_diff()
        self.query_one("#diff-scroll", VerticalScroll).scroll_home(animate=False)

    def action_choose(self) -> None:
        items = [PickItem(str(v.number), _("version {number}").format(number=v.number),
                          f"{format_date(v.on)} · {v.note}" if v.note else format_date(v.on))
                 for v in self.agreement.versions]

        def later(ids: list[str] | None, first: int) -> None:
            if not ids:
                return
            second = int(ids[0])
            self.old, self.new = sorted((first, second))
            self.render_diff()

        def earlier(ids: list[str] | None) -> None:
            if not ids:
                return
            first = int(ids[0])
            self.app.push_screen(PickerDialog(_("Compare with which version?"), items),
                                 lambda chosen: later(chosen, first))

        self.app.push_screen(PickerDialog(_("Compare which version?"), items), earlier)

    def action_back(self) -> None:
        self.app.pop_screen()
