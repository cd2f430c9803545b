"""One case: its facts, its workers and its log, newest first."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from store import N_, Conflict, PulangError, _, clock, format_date, format_datetime, plural
from store.db import ERASED_BACKUP_DAYS
from store.domain import (
    CONSENTABLE,
    OPEN,
    TEMPLATES,
    Case,
    Consent,
    Derived,
    LogEntry,
    Plan,
    RecipientKind,
    Screening,
    StepStatus,
    Template,
    TraffickingStatus,
    Worker,
    case_order,
    country_name,
    derive_from_plans,
    fits_a_row,
    hand_set_reason,
    is_child,
    label,
    printable,
    row_name,
    row_spellings,
    suggested_status,
    template_for,
    worker_numbers,
)
from tui import perf
from tui.screens.case.case_form import CaseForm
from tui.screens.case.consent_form import ConsentForm
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.step import StepDialog
from tui.screens.case.worker_form import WorkerForm
from tui.screens.conflict import Choice, ConflictScreen
from tui.screens.dialogs import ConfirmDialog
from tui.screens.form import RecordForm
from tui.translate import TranslatedBindings
from tui.widgets import FollowsOtherOfficers, RecordTable, cell, direction_words, log_kind

if TYPE_CHECKING:
    from tui.app import PulangApp

R = TypeVar("R", Worker, LogEntry)

_DETAIL_LIMIT = 2000

# The grid's glyphs: told apart without colour.
_GLYPHS = {
    StepStatus.DONE: " ✓",
    StepStatus.NOT_NEEDED: " –",
    StepStatus.IN_PROGRESS: " »",
    StepStatus.BLOCKED: " ✗",
    StepStatus.TODO: " ·",
}
_GRID_LEAD = 4  # columns before the steps: selection, name, consent, screening
_CONSENT_LETTERS = {
    RecipientKind.PARTNER_UNION: "U",
    RecipientKind.POLICE: "P",
    RecipientKind.EMBASSY: "E",
    RecipientKind.FAMILY: "F",
    RecipientKind.SHELTER_HEALTH: "H",
    RecipientKind.STATISTICS: "S",
}
_STATUS_SHORT = {
    TraffickingStatus.ACTUAL: N_("VoT"),
    TraffickingStatus.POSSIBLE: N_("pos"),
    TraffickingStatus.NOT_A_VICTIM: N_("not"),
}  # characters of a summary the three lines below the log can show at most


def shown(text: str) -> str:
    """A record's one-line text for a line of the screen: printable and of sane length."""
    return printable(text, limit=500)


def _screen_title(case: Case) -> str:
    return printable(f"{case.ref} · {case.title}", limit=200)


class CaseScreen(FollowsOtherOfficers, TranslatedBindings, Screen[None]):
    NAVIGATION_KEYS = True  # 1 (Today) and 2 (the cases list) leave this screen
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="case.back"),
        Binding("e", "edit_case", N_("Edit case"), id="case.edit"),
        Binding("a", "add_worker", N_("Add worker"), id="case.add_worker"),
        Binding("l", "add_log", N_("Log entry"), id="case.add_log"),
        Binding("d", "remove_worker", N_("Remove worker"), id="case.remove_worker", show=False),
        Binding("x", "toggle_done", N_("Step done"), id="case.step_done", show=False),
        Binding("E", "erase_worker", N_("Erase worker"), id="case.erase_worker", show=False),
        # Not in the footer: at 80 columns it would push F1 out. F1 and Ctrl+P list it.
        Binding("h", "history", N_("History"), id="case.history", show=False),
        Binding("s", "screening", N_("Screening"), id="case.screening", show=False),
        Binding("c", "consent", N_("Consent"), id="case.consent", show=False),
        Binding("p", "start_road", N_("Start the road home"), id="case.start_road",
                show=False),
        Binding("space", "toggle_worker", N_("Select worker"), id="case.select", show=False),
        Binding("asterisk", "toggle_all", N_("Select all or none"), id="case.select_all",
                show=False),
        Binding("m", "mark_step", N_("Mark step"), id="case.mark_step", show=False),
        Binding("f", "follow_steps", N_("Stage: follow the workers' steps"),
                id="case.follow_steps", show=False),
        Binding("L", "link_counterparts", N_("Link counterparts"), id="case.link",
                show=False),
        Binding("I", "import_workers", N_("Import workers"), id="case.import", show=False),
        Binding("b", "brief", N_("Brief"), id="case.brief", show=False),
        Binding("f1", "app.help", N_("Help"), id="case.help"),
    ]
    HELP = N_(
        "A case: its facts at the top, its workers, then its log with the newest entry first. "
        "Tab moves between the workers and the log. e edits the case; a adds a worker; Enter "
        "edits the worker or log entry under the cursor; d removes the worker under the cursor "
        "(after asking); l adds a log entry, with a next step and its due date; x marks the next "
        "step of the log entry under the cursor as done, or open again. h shows the history of "
        "the case: who changed what, and when. Shift+E erases the personal data of the worker "
        "under the cursor for good (consent withdrawn, or a request under the data protection "
        "law), after asking. Escape goes back to the list.\n\n"
        "The log's Kind column shows which way each entry went: → sent, ← received, ? not yet "
        "said (an entry kept from before Pulang asked: edit it and say which). An entry sent "
        "naming workers whose consent does not cover its kind of counterpart asks first, and "
        "what the officer decides is recorded.\n\n"
        "The road home: p gives every worker without one a plan of the steps home (the "
        "thirteen steps for Indonesians). The workers list then becomes a grid: workers down, "
        "steps across, numbered as in the plan; ✓ done, » in progress, ✗ blocked, · to do, "
        "– not needed, and ! a deadline within a week. Left and right move between steps; the "
        "line under the grid names the step under the cursor and what is known about it. "
        "Enter on a step, or m, sets it: for the worker under the cursor, or for every worker "
        "selected, at once. Space selects the worker under the cursor (● in the first column), "
        "or unselects them, and moves down to the next; * selects all or none. The selection "
        "stays after a step is saved, for the next step of the same workers, until Escape "
        "clears it (a second Escape goes back). The step opens on the status that comes next "
        "for the least advanced of them (to do: in progress; in progress: done). The Consent "
        "column shows to "
        "whom each worker's data may go (U partner union, P police, E embassy or ministry, F "
        "family, H shelter or health, S statistics; W withdrawn); Scr shows the screening "
        "(VoT victim, pos possible, not, ? open). s opens the screening of the worker under "
        "the cursor, c their consent. The case's stage follows the steps of the least advanced "
        "worker still on the road.\n\n"
        "The directory: a log entry can name its counterpart from People & organisations (the "
        "line under the log then shows → and the name). Shift+L offers to link the counterparts "
        "typed as free text to the directory records they most likely are: y links one, n "
        "skips it; the text as typed is never changed.\n\n"
        "A brief for a partner: b writes a brief of this case for one kind of recipient (a "
        "partner union, the police, the embassy...), as Markdown and as HTML to print, with "
        "each worker's personal data only when their consent covers that recipient."
    )

    def __init__(self, case_id: str, drafts: list[dict[str, Any]] | None = None,
                 focus: dict[str, str] | None = None) -> None:
        super().__init__()
        self.case_id = case_id
        # Where to put the cursor on opening: {"worker": id}, {"entry": id} (a log entry), or
        # {"worker": id, "step": key} (a step of that worker's road home).
        self.focus_on = focus or {}
        self.drafts = drafts or []  # forms open when the app locked, to open again
        self.case: Case | None = None
        self.case_workers: list[Worker] = []
        self._numbers: dict[str, int] = {}  # each worker's number, shown before the name
        self.entries: list[LogEntry] = []
        self.plans: dict[str, Plan] = {}
        self.consents: dict[str, Consent] = {}
        self.screenings: dict[str, Screening] = {}
        self.derived: Derived | None = None
        self.selected: set[str] = set()  # workers chosen for a group action
        self.grid_template: Template | None = None  # the steps across, when plans exist
        # The directory's names of the records the log links to (read when first shown).
        self._directory_names: dict[str, str] = {}
        self.link_offers = 0  # counterparts of this log that could be linked (L)
        self._offers_told = False  # said once, in a notification, when the case opens

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="facts", markup=False)
        with Vertical(id="workers-box"):
            yield Label("", id="workers-title", classes="section-title")
            yield RecordTable(enter_label=_("Edit"), id="workers")
            yield Static("", id="worker-detail", markup=False)
        with Vertical(id="log-box"):
            yield Label("", id="log-title", classes="section-title")
            yield RecordTable(enter_label=_("Edit"), id="log")
            yield Static("", id="log-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        started = time.monotonic()
        try:
            self.reload()
        except PulangError as error:  # a damaged or vanished record: say so, go back
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            self.app.call_later(self.app.pop_screen)
            return
        if perf.enabled():
            self.call_after_refresh(
                lambda: perf.mark("case_opened", workers=len(self.case_workers),
                                  ms=round((time.monotonic() - started) * 1000, 2))
            )
        self.set_focus(self.query_one("#workers", RecordTable))
        self.move_to(self.focus_on)
        drafts, self.drafts = self.drafts, []
        for draft in drafts:
            self.reopen_draft(draft)

    def move_to(self, where: dict[str, str]) -> None:
        """Put the cursor on a worker (and step) or a log entry, and focus that table."""
        if "entry" in where:
            table = self.query_one("#log", RecordTable)
            table.move_to_key(where["entry"])
            self.set_focus(table)
        elif "worker" in where:
            table = self.query_one("#workers", RecordTable)
            table.move_to_key(where["worker"])
            template = self.grid_template
            if "step" in where and template is not None and where["step"] in template.keys:
                table.move_cursor(column=_GRID_LEAD + template.keys.index(where["step"]))
            self.set_focus(table)

    def reopen_draft(self, draft: dict[str, Any]) -> None:
        """Open a form again as it was when the app locked, with what had been typed."""
        record = draft.get("record")
        form: RecordForm[Any]
        if draft["kind"] == "case":
            form = CaseForm(Case.model_validate(record) if record else self.case, draft["title"])
        elif draft["kind"] == "worker":
            form = WorkerForm(Worker.model_validate(record) if record else None, draft["title"],
                              self.case_id)
        elif draft["kind"] == "consent":
            consent = Consent.model_validate(record) if record else None
            form = ConsentForm(consent, draft["title"], self.case_id,
                               consent.worker_id if consent else draft["worker_id"])
        else:
            form = LogEntryForm(LogEntry.model_validate(record) if record else None,
                                draft["title"], self.case_id, self.case_workers)
        form.restore_values = draft["values"]
        form.restore_focus = draft.get("focus")
        self.app.push_screen(form, self._after_edit)

    def reload(self) -> None:
        db = self.pulang.db
        self.case = db.get(Case, self.case_id)
        self.case_workers = case_order(db.workers_of(self.case_id))
        self.entries = db.log_of(self.case_id)
        self.plans = db.plans_of(self.case_id)
        self.consents = db.consents_of(self.case_id)
        self.screenings = db.screenings_of(self.case_id)
        self.derived = derive_from_plans(self.plans.values())  # the plans just read
        self.selected &= {w.id for w in self.case_workers}
        self.title = _screen_title(self.case)
        self._directory_names = {}
        self.render_facts()
        self.render_workers()
        self.render_log()
        self.count_link_offers()

    def render_facts(self) -> None:
        case = self.case
        assert case is not None
        place = ", ".join(p for p in (shown(case.destination_place),
                                      country_name(case.destination_country)) if p)
        kinds = ", ".join(label(t) for t in case.exploitation_types) or "–"
        stage = label(case.stage)
        by_hand: list[str] = []
        if self.derived is not None:
            if case.stage_override and case.stage is not self.derived.stage:
                stage = _("{stage} (set by hand)").format(stage=stage)
                by_hand = self._set_by_hand(self.derived)
            else:
                stage = self.derived.describe()
        first = _("{kind} case · {place} · stage: {stage} · urgency: {urgency}").format(
            kind=label(case.kind), place=place, stage=stage,
            urgency=label(case.urgency),
        )
        second = _("Exploitation: {kinds} · sector: {sector}").format(
            kinds=kinds, sector=label(case.sector) if case.sector else "–"
        )
        third = _("Reported {date}{via} · from {origin} · officer: {officer}").format(
            date=format_date(case.date_reported),
            via=(" " + _("via {how}").format(how=label(case.reached_via))) if case.reached_via else "",
            origin=country_name(case.origin_country) or "–",
            officer=shown(case.assigned_officer) or "–",
        )
        lines = [first, *by_hand, second, third]
        if case.tags:
            lines.append(_("Tags: {tags}").format(tags=shown(", ".join(case.tags))))
        # One line each, cut short rather than wrapped (app.tcss): the workers and the log
        # need the rows.
        self.query_one("#facts", Static).update("\n".join(lines))

    def _set_by_hand(self, derived: Derived) -> list[str]:
        """Two lines on a stage set by hand that the workers' steps no longer agree with: when
        and why (from the log entry that says so, the newest), and the offer to follow them."""
        when = None
        for entry in self.entries:  # newest first
            reason = hand_set_reason(entry.summary)
            if reason is not None:
                when = _("Stage set by hand on {date}: {reason}").format(
                    date=format_date(entry.at.astimezone().date()),
                    reason=shown(" ".join(reason.split())))  # on its one line
                break
        return [when or _("Stage set by hand (the reason is not in the log any more)."),
                _("The workers' steps give \u201c{derived}\u201d: f follows them.").format(
                    derived=label(derived.stage))]

    def render_workers(self) -> None:
        table = self.query_one("#workers", RecordTable)
        keep = table.current_key
        keep_column = table.cursor_coordinate.column
        table.clear(columns=True)
        templates = {p.template for p in self.plans.values() if p.template in TEMPLATES}
        # One template across: the most common one of the case's plans.
        self.grid_template = None
        if templates:
            counts = {t: sum(p.template == t for p in self.plans.values()) for t in templates}
            self.grid_template = TEMPLATES[max(sorted(counts), key=counts.__getitem__)]
        self._numbers = worker_numbers(self.case_workers)
        if self.grid_template is not None:
            self._render_grid(table, self.grid_template)
        else:
            self._render_list(table)
        table.move_to_key(keep)
        if self.grid_template is not None:
            # On the name at first (not the selection mark), else where it was.
            table.move_cursor(column=min(max(keep_column, 1), len(table.columns) - 1))
        self.query_one("#workers-title", Label).update(
            _("Workers ({count}) · a add · s screening · c consent · p road home").format(
                count=len(self.case_workers))
            if self.grid_template is None else
            _("Workers ({count}) · {stage} · Space select · m mark step · F1 keys").format(
                count=len(self.case_workers),
                stage=self.derived.describe() if self.derived else "")
            if not self.selected else
            _("Workers ({count}) · {stage} · {selected} selected · Esc unselects").format(
                count=len(self.case_workers), selected=len(self.selected),
                stage=self.derived.describe() if self.derived else "")
        )
        self._show_worker_detail()

    def _worker_name(self, worker: Worker) -> str:
        """The worker's number in the case (the one a brief names a worker by when it
        withholds their details), then the spellings of their name that fit in a row
        (`row_spellings`); the name as written is on the line under the table."""
        numbers = self._numbers
        number = f"{numbers.get(worker.id, 0):>{len(str(len(numbers)))}}"
        if worker.erased_at is not None:
            return f"{number} " + _("(personal data erased)")
        name, *others = row_spellings(worker.all_names, worker.id)
        return f"{number} {name} ({', '.join(others)})" if others else f"{number} {name}"

    def _selection_mark(self, worker: Worker) -> str:
        return "●" if worker.id in self.selected else " "

    def consent_glance(self, worker_id: str) -> str:
        """Six letters, one per kind of recipient the consent covers; W when withdrawn."""
        consent = self.consents.get(worker_id)
        if consent is None:
            return "–"
        if not consent.active:
            return _("W") + " " + _("withdrawn")
        return "".join(_CONSENT_LETTERS[k] if k in consent.recipients else "·"
                       for k in CONSENTABLE)

    def screening_glance(self, worker: Worker) -> str:
        screening = self.screenings.get(worker.id)
        if screening is None:
            return "–"
        status = screening.status or suggested_status(screening, is_child(screening, worker))
        return _(_STATUS_SHORT[status]) if status is not None else "?"

    def _render_list(self, table: RecordTable) -> None:
        """Before any plan: the workers' facts, with their consent and screening."""
        table.cursor_type = "row"
        table.cell_padding = 1
        fixed = 1 + 9 + 4 + 6 + 4 + 14
        name_width = self._flexible_width(fixed, columns=7)
        for title, width in (("", 1), (N_("Name"), name_width), (N_("Sex"), 9), (N_("Age"), 4),
                             (N_("Cons."), 6), (N_("Scr"), 4), (N_("Passport is"), 14)):
            table.add_column(_(title) if title else "", width=width)
        for worker in self.case_workers:
            age = worker.display_age
            # Text cells: a str cell is read as markup, and a name is whatever was typed.
            table.add_row(
                self._selection_mark(worker),
                cell(self._worker_name(worker)),
                label(worker.sex),
                "" if age is None else str(age),
                self.consent_glance(worker.id),
                self.screening_glance(worker),
                label(worker.passport_status),
                key=worker.id,
            )

    def _render_grid(self, table: RecordTable, template: Template) -> None:
        """Workers down, the template's steps across (numbered), one glyph each."""
        table.cursor_type = "cell"
        table.cell_padding = 0  # thirteen steps across 80 columns: the spacing is in the cells
        steps = template.keys
        fixed = 2 + 7 + 4 + 3 * len(steps)
        name_width = max(10, self.size.width - fixed - 2)
        table.add_column("", width=2)
        table.add_column(_("Name"), width=name_width)
        table.add_column(" " + _("Cons."), width=7)
        table.add_column(" " + _("Scr"), width=4)
        for number in range(1, len(steps) + 1):
            table.add_column(f"{number:>2} ", width=3)
        today = clock.today()
        for worker in self.case_workers:
            plan = self.plans.get(worker.id)
            cells: list[Text | str] = [self._selection_mark(worker) + " ",
                                       cell(self._worker_name(worker)),
                                       " " + self.consent_glance(worker.id),
                                       " " + self.screening_glance(worker)]
            for key in steps:
                if plan is None or plan.template != template.key:
                    cells.append("")
                    continue
                state = plan.state(key)
                glyph = Text(_GLYPHS[state.status])
                if state.deadline is not None and state.status in OPEN:
                    days = (state.deadline - today).days
                    if days <= 7:
                        glyph = Text("!" + _GLYPHS[state.status][-1])
                        if days < 0:
                            glyph.stylize("bold reverse")
                        else:
                            glyph.stylize("bold")
                cells.append(glyph)
            table.add_row(*cells, key=worker.id)

    def _cursor_step(self) -> str | None:
        """The step under the grid's cursor, if the cursor is on a step."""
        template = self.grid_template
        if template is None:
            return None
        column = self.query_one("#workers", RecordTable).cursor_coordinate.column - _GRID_LEAD
        return template.keys[column] if 0 <= column < len(template.keys) else None

    def _show_worker_detail(self) -> None:
        """The line under the workers: what the cell under the cursor stands for, in words."""
        detail = self.query_one("#worker-detail", Static)
        table = self.query_one("#workers", RecordTable)
        worker = next((w for w in self.case_workers if w.id == table.current_key), None)
        if worker is None:
            detail.update("")
            return
        name = printable(worker.name_in_rows, limit=40)
        column = table.cursor_coordinate.column
        key = self._cursor_step()
        if key is not None and self.grid_template is not None:
            plan = self.plans.get(worker.id)
            number = self.grid_template.keys.index(key) + 1
            parts = [f"{number}. {self.grid_template.label(key)}"]
            if plan is not None:
                state = plan.state(key)
                if state.status is StepStatus.DONE and state.done_on:
                    parts.append(_("done {date}").format(date=format_date(state.done_on)))
                else:
                    parts.append(label(state.status))
                if state.org:
                    parts.append(shown(state.org))
                if state.deadline:
                    parts.append(_("deadline {date}").format(date=format_date(state.deadline)))
                if plan.notes.get(key):
                    parts.append(shown(plan.notes[key]))
                if plan.reasons.get(key):
                    parts.append(_("out of order: {why}").format(why=shown(plan.reasons[key])))
            self._worker_detail(worker, f"{name}: " + " · ".join(parts))
            return
        consent_column = 2 if self.grid_template is not None else 4
        if column in (consent_column, consent_column + 1):
            consent = self.consents.get(worker.id)
            screening = self.screenings.get(worker.id)
            parts = []
            if consent is None:
                parts.append(_("no consent recorded (c)"))
            elif not consent.active:
                parts.append(_("consent withdrawn {date}").format(
                    date=format_date(consent.withdrawn_on)))
            else:
                parts.append(_("consent {date}: {kinds}").format(
                    date=format_date(consent.given_on),
                    kinds=", ".join(label(k) for k in consent.recipients) or "–"))
            if screening is None:
                parts.append(_("not screened (s)"))
            else:
                status = screening.status or suggested_status(screening,
                                                              is_child(screening, worker))
                parts.append(_("screening {date}: {status}").format(
                    date=format_date(screening.screened_on),
                    status=label(status) if status else "?"))
            self._worker_detail(worker, f"{name}: " + " · ".join(parts))
            return
        self._worker_detail(worker, name)

    def _worker_detail(self, worker: Worker, line: str) -> None:
        """The line under the workers; below it, a name in a script that does not fit a row
        (`fits_a_row`) as it is written, with nothing to its right to push out of place."""
        detail = self.query_one("#worker-detail", Static)
        if fits_a_row(worker.full_name):
            detail.update(line)
        else:
            detail.update(Text(f"{line}\n{printable(worker.full_name, limit=60)}",
                               no_wrap=True, overflow="ellipsis"))

    @on(RecordTable.CellHighlighted, "#workers")
    @on(RecordTable.RowHighlighted, "#workers")
    def _worker_highlighted(self) -> None:
        self._show_worker_detail()

    def _flexible_width(self, fixed: int, columns: int) -> int:
        """What is left for the one wide column, so that no table scrolls sideways."""
        return max(12, self.size.width - fixed - 2 * columns - 1)

    def on_resize(self) -> None:
        if self.case is not None:
            self.render_workers()
            self.render_log()

    def render_log(self) -> None:
        table = self.query_one("#log", RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        fixed = 17 + 10 + 14 + 13
        summary_width = self._flexible_width(fixed, columns=5)
        for title, width in ((N_("When"), 17), (N_("Kind"), 10), (N_("Summary"), summary_width),
                             (N_("Next step"), 14), (N_("Due"), 13)):
            table.add_column(_(title), width=width)
        today = clock.today()
        for entry in self.entries:
            due = Text(format_date(entry.due_date))
            if entry.due_date and entry.next_step_done:
                due = Text("✓ " + format_date(entry.due_date), style="dim")
            elif entry.due_date and entry.due_date < today:
                due.stylize("bold reverse")
            who = entry.counterpart_org or row_name([entry.counterpart_person])
            summary = f"{who}: {entry.summary}" if who else entry.summary
            if entry.consent_override:
                summary = _("[no consent]") + " " + summary
            next_step = entry.next_step
            if entry.awaiting_reply and not next_step:
                next_step = _("awaiting reply")
            table.add_row(
                format_datetime(entry.at),
                cell(log_kind(entry)),
                cell(summary),
                cell(next_step),
                due,
                key=entry.id,
            )
        table.move_to_key(keep)
        title = _("Log ({count}), newest first · l add · Enter edit · x step done").format(
            count=len(self.entries))
        if self.link_offers:
            title += " · " + _("L link {count}").format(count=self.link_offers)
        self.query_one("#log-title", Label).update(title)

    # -- the log's counterparts and the directory ------------------------------------------

    def count_link_offers(self) -> None:
        """How many counterparts of this log could be linked to the directory: worked out in
        a thread, shown in the log's title (and, the first time, said in a notification)."""
        self.run_worker(self._count_offers, group="link-offers", exclusive=True)

    async def _count_offers(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            offers = await asyncio.to_thread(db.counterpart_offers, self.case_id)
        except PulangError:
            return  # only a hint: the log itself shows what is there
        if not self.is_attached:
            return
        if len(offers) != self.link_offers:
            self.link_offers = len(offers)
            self.render_log()
        if offers and not self._offers_told:
            self.notify(_("{count} counterparts can be linked to the directory: L").format(
                count=len(offers)) if len(offers) > 1 else
                _("1 counterpart can be linked to the directory: L"), timeout=6)
        self._offers_told = True

    def directory_name(self, kind: str, record_id: str) -> str:
        """The name of an organisation or person of the directory the log links to."""
        if record_id not in self._directory_names:
            db = self.pulang.db
            try:
                name = (db.organisation(record_id).shown_name if kind == "org"
                        else db.person(record_id).name_in_rows)
            except PulangError:
                name = _("(removed)")
            self._directory_names[record_id] = name
        return self._directory_names[record_id]

    def linked_names(self, entry: LogEntry) -> str:
        """The directory records an entry is linked to, in words: "Person (Organisation)"."""
        org = (self.directory_name("org", entry.counterpart_org_id)
               if entry.counterpart_org_id else "")
        person = (self.directory_name("person", entry.counterpart_person_id)
                  if entry.counterpart_person_id else "")
        if org and person:
            return f"{person} ({org})"
        return org or person

    def action_link_counterparts(self) -> None:
        """Offer to link the log's free-text counterparts to the directory, line by line."""
        from tui.screens.dialogs import LinkDialog

        try:
            offers = self.pulang.db.counterpart_offers(self.case_id)
        except PulangError as error:
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            return
        if not offers:
            self.notify(_("Every counterpart in this log is linked, or matches nobody in the "
                          "directory"))
            return

        def closed(linked: int | None) -> None:
            if linked:
                self.notify(_("{count} log entries linked to the directory.").format(
                    count=linked) if linked > 1 else
                    _("1 log entry linked to the directory."))
            self._reload_shown()

        self.app.push_screen(LinkDialog(offers), closed)

    # -- actions ----------------------------------------------------------------------------

    def _focused_table(self) -> RecordTable | None:
        focused = self.focused
        return focused if isinstance(focused, RecordTable) else None

    def action_back(self) -> None:
        if self.selected:  # first Escape: the workers selected for a group action, unselected
            self.selected = set()
            self.render_workers()
            self.notify(_("Selection cleared."))
            return
        self.dismiss(None)

    def action_edit_case(self) -> None:
        self.app.push_screen(CaseForm(self.case, _("Edit case {ref}").format(ref=self.case.ref if self.case else "")),
                             self._after_edit)

    def action_add_worker(self) -> None:
        self.app.push_screen(
            WorkerForm(None, _("New worker in {ref}").format(ref=self.case.ref if self.case else ""),
                       self.case_id),
            self._after_edit,
        )

    def action_add_log(self) -> None:
        self.app.push_screen(
            LogEntryForm(None, _("New log entry in {ref}").format(ref=self.case.ref if self.case else ""),
                         self.case_id, self.case_workers),
            self._after_edit,
        )

    def action_edit_selected(self) -> None:
        table = self._focused_table()
        if table is None or table.current_key is None:
            return
        key = table.current_key
        if table.id == "workers":
            worker = next(w for w in self.case_workers if w.id == key)
            self.app.push_screen(WorkerForm(worker, _("Edit worker"), self.case_id), self._after_edit)
        else:
            entry = next(e for e in self.entries if e.id == key)
            self.app.push_screen(LogEntryForm(entry, _("Edit log entry"), self.case_id, self.case_workers),
                                 self._after_edit)

    def action_history(self) -> None:
        from tui.screens.history import HistoryScreen

        if self.case is None:
            return
        names = {w.id: w.name_in_rows for w in self.case_workers}
        names.update({e.id: format_datetime(e.at) for e in self.entries})
        self.app.push_screen(HistoryScreen(self.case_id, self.case.ref or "", names),
                             self._after_history)

    def action_screening(self) -> None:
        """The screening of the worker under the cursor: act, means, purpose, ILO indicators."""
        from tui.screens.screening import ScreeningScreen

        worker = self._under_cursor("workers", self.case_workers,
                                    _("Move to a worker in the workers list first."))
        if worker is not None:
            self.app.push_screen(ScreeningScreen(self.case_id, worker.id), self._after_edit)

    def action_consent(self) -> None:
        """The consent of the worker under the cursor: to whom their data may go."""
        worker = self._under_cursor("workers", self.case_workers,
                                    _("Move to a worker in the workers list first."))
        if worker is None:
            return
        consent = self.pulang.db.consent_of(worker.id)
        title = _("Consent of {name}").format(name=printable(worker.name_in_rows, limit=60))
        self.app.push_screen(ConsentForm(consent, title, self.case_id, worker.id),
                             self._after_edit)

    def action_import_workers(self) -> None:
        """Add a list of workers (pasted, or a CSV file), checked row by row first."""
        from tui.screens.import_workers import ImportWorkersScreen

        def added(count: int | None) -> None:
            if count:
                self.notify(plural(count, N_("{count} worker added."),
                                   N_("{count} workers added.")).format(count=count))
                self.reload()

        self.app.push_screen(ImportWorkersScreen(self.case_id), added)

    def action_brief(self) -> None:
        """A brief of this case for one kind of recipient, written to a file."""
        from tui.screens.output import BriefDialog

        if self.case is not None:
            self.app.push_screen(BriefDialog(self.case_id, self.case.ref or ""))

    def _after_history(self, brought_back: object) -> None:
        if brought_back:  # a removal was undone there: show the record here again
            self.reload()

    def _after_edit(self, saved: object) -> None:
        """Show what was saved by redrawing only the part it belongs to: the save returned
        the record, so nothing needs reading back (this runs on the event loop)."""
        if saved is None:
            return
        self.notify(_("Saved."))
        if isinstance(saved, Case):
            self.case = saved
            self.title = _screen_title(saved)
            self.render_facts()
        elif isinstance(saved, Worker):
            others = [w for w in self.case_workers if w.id != saved.id]
            self.case_workers = case_order([*others, saved])
            self.render_workers()
        elif isinstance(saved, LogEntry):
            others = [e for e in self.entries if e.id != saved.id]
            self.entries = sorted([*others, saved], key=lambda e: e.at, reverse=True)
            self.render_log()
            self.count_link_offers()  # a counterpart typed or linked there
        else:
            self.reload()

    def _under_cursor(self, table_id: str, records: list[R], hint: str) -> R | None:
        """The record under the cursor of the focused table `table_id`, or a hint why not."""
        table = self.query_one(f"#{table_id}", RecordTable)
        key = table.current_key
        if key is None or self.focused is not table:
            self.notify(hint, severity="warning")
            return None
        return next(r for r in records if r.id == key)

    def action_remove_worker(self) -> None:
        worker = self._under_cursor(
            "workers", self.case_workers, _("Move to a worker in the workers list first.")
        )
        if worker is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(
                    lambda: self.pulang.db.remove_worker(worker.id, worker.version),
                    self._worker_removed, lambda error: self._remove_failed(worker, error),
                    what="remove",
                )

        self.app.push_screen(
            ConfirmDialog(
                _("Remove {name} from this case? Log entries stay, without the link to this worker.")
                .format(name=printable(worker.name_in_rows, limit=200)),
                _("Remove"),
                _("Keep"),
            ),
            answered,
        )

    def action_erase_worker(self) -> None:
        worker = self._under_cursor(
            "workers", self.case_workers, _("Move to a worker in the workers list first.")
        )
        if worker is None:
            return
        if worker.erased_at is not None:
            self.notify(_("This worker's personal data is already erased."))
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: self.pulang.db.erase_worker(worker.id),
                                      self._worker_erased, self._store_failed, what="erase")

        self.app.push_screen(
            ConfirmDialog(
                _("Erase every personal detail of {name} for good? The record stays for the "
                  "counts, without name, contacts, passport or location; their name is blanked "
                  "out of the log. This cannot be undone; backups from before today are deleted "
                  "after {days} days.").format(name=printable(worker.name_in_rows, limit=200),
                                               days=ERASED_BACKUP_DAYS),
                _("Erase"),
                _("Keep"),
            ),
            answered,
        )

    def _worker_erased(self, _result: object) -> None:
        self.notify(_("Personal data erased."))
        self.reload()

    def action_toggle_done(self) -> None:
        entry = self._under_cursor("log", self.entries, _("Move to a log entry in the log first."))
        if entry is None:
            return
        if not entry.next_step:
            self.notify(_("This log entry has no next step."), severity="warning")
            return
        done = not entry.next_step_done
        self.pulang.run_store(lambda: self.pulang.db.mark_next_step(entry, done),
                              lambda _saved: self._step_marked(done), self._store_failed,
                              what="step")

    def _step_marked(self, done: bool) -> None:
        self.notify(_("Next step marked done.") if done else _("Next step open again."))
        self.reload()

    def _worker_removed(self, _result: object) -> None:
        self.notify(_("Worker removed."))
        self._reload_shown()

    def _store_failed(self, error: PulangError) -> None:
        self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        self._reload_shown()

    def _remove_failed(self, worker: Worker, error: PulangError) -> None:
        """Removing a worker another officer changed meanwhile: show what they changed, and
        remove only if asked again."""
        if not isinstance(error, Conflict) or not isinstance(error.theirs, Worker):
            self._store_failed(error)
            return
        theirs: Worker = error.theirs
        form = WorkerForm(worker, "", self.case_id)  # only to show the fields as forms do

        def chosen(answer: str | None) -> None:
            if answer == "remove":
                self.pulang.run_store(lambda: self.pulang.db.remove_worker(theirs.id, theirs.version),
                                      self._worker_removed,
                                      lambda again: self._remove_failed(theirs, again),
                                      what="remove")
            else:
                self._reload_shown()

        self.app.push_screen(
            ConflictScreen(str(error), form.differences(theirs, worker),
                           [Choice("r", "remove", _("Remove anyway"))],
                           back=_("Keep the worker"), theirs_title=_("Theirs (saved)"),
                           mine_title=_("As you saw it"), title=_("Changed by another officer")),
            chosen,
        )

    @on(RecordTable.RowHighlighted, "#log")
    def _show_entry(self, event: RecordTable.RowHighlighted) -> None:
        """The whole of the highlighted entry, since the table cuts long text short."""
        entry = next((e for e in self.entries if e.id == event.row_key.value), None)
        detail = self.query_one("#log-detail", Static)
        if entry is None:
            detail.update("")
            return
        who = shown(" · ".join(row_name([p]) for p in (entry.counterpart_org,
                                                        entry.counterpart_person) if p))
        linked = self.linked_names(entry)
        if linked:  # the directory's record, after the text as it was typed
            who = f"{who} → {shown(linked)}" if who else f"→ {shown(linked)}"
        summary = printable(entry.summary, multiline=True, limit=_DETAIL_LIMIT)
        text = f"{who}: {summary}" if who else summary
        way = direction_words(entry)
        if way:
            text = f"{way} · {text}"
        if entry.consent_override:
            names = {w.id: w.name_in_rows for w in self.case_workers}
            text += "\n" + _("Sent without consent, on the officer's say: {names}").format(
                names=shown(", ".join(names.get(w, "?") for w in entry.consent_override)))
        if entry.awaiting_reply:
            text += "\n" + _("Awaiting a reply")
        if entry.next_step:
            text += "\n" + _("Next step: {step}").format(step=shown(entry.next_step))
            if entry.due_date:
                text += " · " + _("due {date}").format(date=format_date(entry.due_date))
        detail.update(text)

    @on(RecordTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_edit_selected()

    @on(RecordTable.CellSelected, "#workers")
    def _cell_selected(self) -> None:
        """Enter in the grid: on a step, set it; elsewhere, edit the worker."""
        if self._cursor_step() is not None:
            self.action_mark_step()
        else:
            self.action_edit_selected()

    # -- the road home ----------------------------------------------------------------------

    def action_toggle_worker(self) -> None:
        worker = self._under_cursor("workers", self.case_workers,
                                    _("Move to a worker in the workers list first."))
        if worker is None:
            return
        self.selected ^= {worker.id}
        self.render_workers()
        table = self.query_one("#workers", RecordTable)
        table.action_cursor_down()

    def action_toggle_all(self) -> None:
        everyone = {w.id for w in self.case_workers}
        self.selected = set() if self.selected >= everyone else everyone
        self.render_workers()

    def action_start_road(self) -> None:
        """Give every worker without one a plan of the steps home, after asking."""
        without = [w for w in self.case_workers if w.id not in self.plans]
        if not without:
            self.notify(_("Every worker of this case already has a plan for the road home."))
            return
        templates = sorted({template_for(w.nationality).shown_name for w in without})

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: self.pulang.db.start_plans(self.case_id),
                                      self._road_started, self._store_failed, what="plans")

        self.app.push_screen(
            ConfirmDialog(
                _("Start the road home for {count} workers ({templates})? The steps of the "
                  "stages the case has passed are marked done.").format(
                    count=len(without), templates="; ".join(templates)),
                _("Start"), _("Not now")),
            answered)

    def action_follow_steps(self) -> None:
        """The stage set by hand back to following the workers' steps, after asking."""
        case, derived = self.case, self.derived
        if case is None:
            return
        if derived is None:
            self.notify(_("Start the road home first (p)."), severity="warning")
            return
        if not case.stage_override:
            self.notify(_("The stage already follows the workers' steps."))
            return
        if case.stage is derived.stage:  # they agree again: nothing to ask, it follows on
            self.pulang.run_store(lambda: self.pulang.db.follow_steps(case), self._followed,
                                  self._store_failed, what="case")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: self.pulang.db.follow_steps(case),
                                      self._followed, self._store_failed, what="case")

        self.app.push_screen(
            ConfirmDialog(
                _("Follow the workers' steps: stage \u201c{derived}\u201d instead of "
                  "\u201c{stage}\u201d, set by hand? The log will say so.").format(
                    derived=label(derived.stage), stage=label(case.stage)),
                _("Follow"), _("Not now")),
            answered)

    def _followed(self, case: Case) -> None:
        self.notify(_("The stage follows the workers' steps again: {stage}.").format(
            stage=label(case.stage)))
        self.reload()

    def _road_started(self, plans: list[Plan]) -> None:
        self.notify(_("Road home started for {count} workers.").format(count=len(plans)))
        self.reload()

    def action_mark_step(self) -> None:
        """Set the step under the cursor: for the selected workers, or the one under it."""
        template = self.grid_template
        if template is None:
            self.notify(_("Start the road home first (p)."), severity="warning")
            return
        table = self.query_one("#workers", RecordTable)
        key = self._cursor_step()
        if key is None or self.focused is not table:
            self.notify(_("Move to a step in the grid first (left and right)."),
                        severity="warning")
            return
        chosen = [w for w in self.case_workers if w.id in self.selected] or [
            w for w in self.case_workers if w.id == table.current_key]
        chosen = [w for w in chosen if w.id in self.plans
                  and self.plans[w.id].template == template.key]
        if not chosen:
            self.notify(_("This worker has no plan yet: p starts one."), severity="warning")
            return
        dialog = StepDialog(self.case_id, template, key,
                            [(w.id, w.name_in_rows) for w in chosen],
                            {w.id: self.plans[w.id] for w in chosen})
        self.app.push_screen(dialog, lambda plans: self._steps_set(plans, len(chosen)))

    def _steps_set(self, plans: list[Plan] | None, chosen: int) -> None:
        """The selection stays, for the next step of the same workers: Escape clears it."""
        if plans:
            if chosen == 1:
                self.notify(_("Saved."))
            elif len(plans) == chosen:
                self.notify(_("Step saved for {count} workers.").format(count=len(plans)))
            else:
                self.notify(_("Step saved for {count} workers; {same} had it so already.")
                            .format(count=len(plans), same=chosen - len(plans)))
            self.reload()
