"""One case: its facts, its workers and its log, newest first."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from store.countries import country_name
from store.backups import ERASED_BACKUP_DAYS
from store.errors import Conflict, PulangError
from store.i18n import N_, _, format_date, format_datetime
from store.records import Case, LogEntry, Worker
from store.text import printable
from store.vocab import label
from tui import perf
from tui.screens.conflict import Choice, ConflictScreen
from tui.screens.dialogs import ConfirmDialog
from tui.screens.form import RecordForm
from tui.screens.record_forms import CaseForm, LogEntryForm, WorkerForm
from tui.translate import TranslatedBindings
from tui.widgets import RecordTable, cell

if TYPE_CHECKING:
    from tui.app import PulangApp

R = TypeVar("R", Worker, LogEntry)

_DETAIL_LIMIT = 2000  # characters of a summary the three lines below the log can show at most


def shown(text: str) -> str:
    """A record's one-line text for a line of the screen: printable and of sane length."""
    return printable(text, limit=500)


def _screen_title(case: Case) -> str:
    return printable(f"{case.ref} · {case.title}", limit=200)


class CaseScreen(TranslatedBindings, Screen[None]):
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
        "law), after asking. Escape goes back to the list."
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
        self.entries: list[LogEntry] = []
        self._stale = False  # another officer changed the database while a form was in front

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="facts", markup=False)
        with Vertical(id="workers-box"):
            yield Label("", id="workers-title", classes="section-title")
            yield RecordTable(enter_label=_("Edit"), id="workers")
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
        else:
            form = LogEntryForm(LogEntry.model_validate(record) if record else None,
                                draft["title"], self.case_id, self.case_workers)
        form.restore_values = draft["values"]
        form.restore_focus = draft.get("focus")
        self.app.push_screen(form, self._after_edit)

    def others_changed(self, is_current: bool) -> None:
        """Another officer changed the database: show it now if nothing is in front of this
        screen (the cursor stays on its record), else when it comes back."""
        if is_current:
            self._reload_shown()
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale:
            self._reload_shown()

    def _reload_shown(self) -> None:
        self._stale = False
        try:
            self.reload()
        except PulangError as error:
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)

    def reload(self) -> None:
        db = self.pulang.db
        self.case = db.get(Case, self.case_id)
        self.case_workers = sorted(db.workers_of(self.case_id), key=lambda w: w.full_name.casefold())
        self.entries = db.log_of(self.case_id)
        self.title = _screen_title(self.case)
        self.render_facts()
        self.render_workers()
        self.render_log()

    def render_facts(self) -> None:
        case = self.case
        assert case is not None
        place = ", ".join(p for p in (shown(case.destination_place),
                                      country_name(case.destination_country)) if p)
        kinds = ", ".join(label(t) for t in case.exploitation_types) or "–"
        first = _("{kind} case · {place} · stage: {stage} · urgency: {urgency}").format(
            kind=label(case.kind), place=place, stage=label(case.stage),
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
        lines = [first, second, third]
        if case.tags:
            lines.append(_("Tags: {tags}").format(tags=shown(", ".join(case.tags))))
        self.query_one("#facts", Static).update("\n".join(lines))

    def render_workers(self) -> None:
        table = self.query_one("#workers", RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        fixed = 9 + 4 + 14 + 16
        name_width = self._flexible_width(fixed, columns=5)
        for title, width in ((N_("Name"), name_width), (N_("Sex"), 9), (N_("Age"), 4),
                             (N_("Home"), 14), (N_("Passport is"), 16)):
            table.add_column(_(title), width=width)
        for worker in self.case_workers:
            name = worker.full_name if worker.erased_at is None else _("(personal data erased)")
            if worker.other_spellings:
                name += f" ({', '.join(worker.other_spellings)})"
            age = worker.display_age
            # Text cells: a str cell is read as markup, and a name is whatever was typed.
            table.add_row(
                cell(name),
                label(worker.sex),
                "" if age is None else str(age),
                cell(worker.home_district or worker.home_province),
                label(worker.passport_status),
                key=worker.id,
            )
        table.move_to_key(keep)
        self.query_one("#workers-title", Label).update(
            _("Workers ({count}) · a add · Enter edit · d remove").format(count=len(self.case_workers))
        )

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
        fixed = 17 + 7 + 14 + 13
        summary_width = self._flexible_width(fixed, columns=5)
        for title, width in ((N_("When"), 17), (N_("Kind"), 7), (N_("Summary"), summary_width),
                             (N_("Next step"), 14), (N_("Due"), 13)):
            table.add_column(_(title), width=width)
        today = dt.date.today()
        for entry in self.entries:
            due = Text(format_date(entry.due_date))
            if entry.due_date and entry.next_step_done:
                due = Text("✓ " + format_date(entry.due_date), style="dim")
            elif entry.due_date and entry.due_date < today:
                due.stylize("bold reverse")
            who = entry.counterpart_org or entry.counterpart_person
            summary = f"{who}: {entry.summary}" if who else entry.summary
            table.add_row(
                format_datetime(entry.at),
                label(entry.kind),
                cell(summary),
                cell(entry.next_step),
                due,
                key=entry.id,
            )
        table.move_to_key(keep)
        self.query_one("#log-title", Label).update(
            _("Log ({count}), newest first · l add · Enter edit · x step done").format(
                count=len(self.entries)
            )
        )

    # -- actions ----------------------------------------------------------------------------

    def _focused_table(self) -> RecordTable | None:
        focused = self.focused
        return focused if isinstance(focused, RecordTable) else None

    def action_back(self) -> None:
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
        names = {w.id: w.full_name for w in self.case_workers}
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
        from tui.screens.record_forms import ConsentForm

        worker = self._under_cursor("workers", self.case_workers,
                                    _("Move to a worker in the workers list first."))
        if worker is None:
            return
        consent = self.pulang.db.consent_of(worker.id)
        title = _("Consent of {name}").format(name=printable(worker.full_name, limit=60))
        self.app.push_screen(ConsentForm(consent, title, self.case_id, worker.id),
                             self._after_edit)

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
            self.case_workers = sorted([*others, saved], key=lambda w: w.full_name.casefold())
            self.render_workers()
        elif isinstance(saved, LogEntry):
            others = [e for e in self.entries if e.id != saved.id]
            self.entries = sorted([*others, saved], key=lambda e: e.at, reverse=True)
            self.render_log()
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
                .format(name=printable(worker.full_name, limit=200)),
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
                  "after {days} days.").format(name=printable(worker.full_name, limit=200),
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
        who = " · ".join(p for p in (entry.counterpart_org, entry.counterpart_person) if p)
        summary = printable(entry.summary, multiline=True, limit=_DETAIL_LIMIT)
        text = f"{shown(who)}: {summary}" if who else summary
        if entry.next_step:
            text += "\n" + _("Next step: {step}").format(step=shown(entry.next_step))
            if entry.due_date:
                text += " · " + _("due {date}").format(date=format_date(entry.due_date))
        detail.update(text)

    @on(RecordTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_edit_selected()
