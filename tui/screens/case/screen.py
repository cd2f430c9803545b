"""One case: its facts, its workers and its log, newest first."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from store import N_, PulangError, _
from store.domain import (
    Case,
    Consent,
    Derived,
    LogEntry,
    Plan,
    Screening,
    Template,
    Worker,
    case_order,
    derive_from_plans,
    printable,
)
from tui import perf
from tui.data_changed import follow_data_changes
from tui.screens.case.after import CaseAfter
from tui.screens.case.case_form import CaseForm
from tui.screens.case.checkins import CaseCheckIns
from tui.screens.case.closing import CaseClosing
from tui.screens.case.facts import CaseFacts
from tui.screens.case.log import CaseLog
from tui.screens.case.log_form import LogEntryForm
from tui.screens.case.pages import CasePages
from tui.screens.case.registry import CaseRegistry
from tui.screens.case.requests import CaseRequests
from tui.screens.case.road import RoadHome
from tui.screens.case.sharing import CaseSharing
from tui.screens.case.worker_actions import WorkerActions
from tui.screens.case.worker_form import WorkerForm
from tui.screens.case.workers import _GRID_LEAD, CaseWorkers
from tui.translate import TranslatedBindings
from tui.widgets import FollowsOtherOfficers, RecordTable

if TYPE_CHECKING:
    from tui.app import PulangApp

R = TypeVar("R", Worker, LogEntry)


def _screen_title(case: Case) -> str:
    return printable(f"{case.ref} · {case.title}", limit=200)


class CaseScreen(FollowsOtherOfficers, TranslatedBindings, CaseFacts, CaseWorkers, CaseLog,
                 WorkerActions, RoadHome, CasePages, CaseSharing, CaseClosing, CaseCheckIns,
                 CaseAfter, CaseRegistry, CaseRequests, Screen[None]):
    """One case's page. Its parts are mix-ins, one a module beside this one: the facts at the
    top (facts.py), the workers table or grid (workers.py), the log (log.py), what is done to
    a worker (worker_actions.py), the road home (road.py), the pages it opens (pages.py),
    sharing with partners (sharing.py), the check-ins after return (checkins.py), the workers'
    legal status and money (after.py). The
    handlers of its tables' messages (`@on`) are here: Textual finds them only on the screen's
    own classes."""

    NAVIGATION_KEYS = True  # 1 (Today) and 2 (the cases list) leave this screen
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="case.back"),
        Binding("e", "edit_case", N_("Edit case"), id="case.edit"),
        Binding("a", "add_worker", N_("Add worker"), id="case.add_worker"),
        Binding("l", "add_log", N_("Log entry"), id="case.add_log"),
        Binding("d", "remove_worker", N_("Remove worker"), id="case.remove_worker", show=False),
        Binding("x", "toggle_done", N_("Step done"), id="case.step_done", show=False),
        Binding("r", "request_state", N_("Request: change its state"), id="case.request",
                show=False),
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
        Binding("S", "share", N_("Share with a partner"), id="case.share", show=False),
        Binding("R", "registry", N_("Registry"), id="case.registry", show=False),
        Binding("w", "legal_money", N_("Legal status and money"), id="case.legal_money",
                show=False),
        Binding("i", "checkins", N_("Check-ins"), id="case.checkins", show=False),
        Binding("dollar_sign", "convert_money", N_("Convert the money totals"),
                id="case.convert_money", show=False),
        Binding("C", "close_case", N_("Close or reopen the case"), id="case.close",
                show=False),
        Binding("K", "close_worker", N_("Close or reopen the worker"), id="case.close_worker",
                show=False),
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
        "each worker's personal data only when their consent covers that recipient.\n\n"
        "Sharing with a partner organisation: Shift+S chooses an organisation of the directory "
        "(a partner union...) to share this case with, after saying what goes: at the next sync "
        "with it, the case goes to its copy, with the personal data of the workers whose "
        "consent covers that kind of recipient only. Without an agreement with it covering "
        "data sharing, in force, the sync refuses unless given a reason, which is recorded. "
        "Shift+S on an organisation the case is shared with stops sharing: its copy there is "
        "removed at the next sync. The facts at the top say with whom the case is shared; a "
        "log entry that came from a partner's copy says so (« and its name)."
    )

    def __init__(self, case_id: str, drafts: list[dict[str, Any]] | None = None,
                 focus: dict[str, str] | None = None) -> None:
        super().__init__()
        self.case_id = case_id
        # Where to put the cursor on opening: {"worker": id}, {"entry": id} (a log entry), or
        # {"worker": id, "step": key} (a step of that worker's road home); with "open": a page
        # over the case for that worker (checkins.py).
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
        follow_data_changes(self, self.others_changed)
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
        self.open_focused_page(self.focus_on)
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

    def reload(self) -> None:
        db = self.pulang.db
        self.case = db.get(Case, self.case_id)
        self.case_workers = case_order(db.workers_of(self.case_id))
        self.entries = db.log_of(self.case_id)
        self.plans = db.plans_of(self.case_id)
        self.consents = db.consents_of(self.case_id)
        self.screenings = db.screenings_of(self.case_id)
        self.derived = derive_from_plans(self.plans.values())  # the plans just read
        self.load_after()  # the workers' legal matters and money
        self.load_checkins()  # and their check-ins after return
        self.selected &= {w.id for w in self.case_workers}
        self.title = _screen_title(self.case)
        self._directory_names = {}
        self.render_facts()
        self.render_workers()
        self.render_log()
        self.count_link_offers()

    @on(RecordTable.CellHighlighted, "#workers")
    @on(RecordTable.RowHighlighted, "#workers")
    def _worker_highlighted(self) -> None:
        self._show_worker_detail()

    def _flexible_width(self, fixed: int, columns: int) -> int:
        """What is left for the one wide column, so that no table scrolls sideways."""
        return max(12, self.size.width - fixed - 2 * columns - 1)

    def on_resize(self) -> None:
        if self.case is not None:
            self.render_facts()  # the partners' names fitted to the width
            self.render_workers()
            self.render_log()

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
        self.app.push_screen(CaseForm(self.case, _("Edit case {ref}").format(
                                 ref=self.case.ref if self.case else "")),
                             self._after_edit)

    def action_add_worker(self) -> None:
        self.app.push_screen(
            WorkerForm(None, _("New worker in {ref}").format(
                           ref=self.case.ref if self.case else ""),
                       self.case_id),
            self._after_edit,
        )

    def action_add_log(self) -> None:
        self.app.push_screen(
            LogEntryForm(None, _("New log entry in {ref}").format(
                             ref=self.case.ref if self.case else ""),
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
            self.app.push_screen(WorkerForm(worker, _("Edit worker"), self.case_id),
                                 self._after_edit)
        else:
            entry = next(e for e in self.entries if e.id == key)
            self.app.push_screen(LogEntryForm(entry, _("Edit log entry"), self.case_id,
                                              self.case_workers),
                                 self._after_edit)

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

    def _store_failed(self, error: PulangError) -> None:
        self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        self._reload_shown()

    @on(RecordTable.RowHighlighted, "#log")
    def _show_entry(self, event: RecordTable.RowHighlighted) -> None:
        self.show_entry(event.row_key.value)

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
