"""One worker's legal status and money (issue 34): their legal matters (detention, fines,
deportation, charges they face, legal aid, statements, the case against the recruiters) and the
money in their case (fees, debts, ransom, wages, fines, compensation), two tables, and under
them this worker's totals per status and currency.

Opened from the case page (w on the worker under the cursor), from the palette, and from a
hearing on Today (`open_worker_after`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from store import N_, PulangError, _, format_date, format_money, ngettext
from store.domain import (
    LegalKind,
    LegalMatter,
    MoneyEntry,
    MoneyKind,
    MoneyStatus,
    Worker,
    label,
    printable,
    worker_numbers,
)
from tui.data_changed import first_load
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.picker import PickerDialog, PickItem
from tui.screens.after.legal_form import LegalMatterForm
from tui.screens.after.money_form import MoneyForm
from tui.screens.after.words import (
    NON_PUNISHMENT,
    by_status,
    matter_about,
    next_mark,
    totals_line,
    who_paid,
)
from tui.screens.worker_page import OneWorkersPage
from tui.translate import TranslatedBindings
from tui.widgets import FollowsOtherOfficers, RecordTable, cell

if TYPE_CHECKING:
    from collections.abc import Callable

    from tui.app import PulangApp


class WorkerAfterScreen(OneWorkersPage, FollowsOtherOfficers, TranslatedBindings, Screen[None]):
    """A worker's legal matters and money, one page per worker."""

    NAVIGATION_KEYS = True
    DEFAULT_CSS = """
    WorkerAfterScreen #after-who { height: auto; max-height: 2; padding: 0 1; }
    WorkerAfterScreen #legal-box { height: 1fr; }
    WorkerAfterScreen #money-box { height: 1fr; }
    WorkerAfterScreen #legal, WorkerAfterScreen #money { height: 1fr; }
    WorkerAfterScreen #after-detail { height: auto; max-height: 3; padding: 0 1;
                                      color: $text-muted; }
    WorkerAfterScreen #after-totals { height: auto; max-height: 4; padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="after.back"),
        Binding("n", "new_legal", N_("New legal matter"), id="after.new_legal"),
        Binding("m", "new_money", N_("New money entry"), id="after.new_money"),
        Binding("d", "remove", N_("Remove"), id="after.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="after.help"),
    ]
    HELP = N_(
        "One worker's legal status and money. Above, their legal matters: detention, "
        "immigration fines, deportation or blacklisting, charges they face, legal aid, "
        "statements given and the case against the recruiters, each with its stage, the "
        "authority (or what it is about) and the next hearing or deadline, marked ! when it is "
        "within a week or passed (Today lists it then). Below, the money in their case: "
        "recruitment fees, travel debt, ransom demanded and paid (and by whom), unpaid wages, "
        "fines, compensation claimed, awarded and recovered, each one sum at one status, with "
        "its currency. Under them, this worker's totals per status and currency (sums in "
        "different currencies are never added up). n records a new legal matter (its kind "
        "first), m a new money entry; Enter edits the line under the cursor; d removes it, "
        "after asking; Tab moves between the two tables; Escape goes back to the case."
    )

    def __init__(self, case_id: str, worker_id: str, matter_id: str | None = None) -> None:
        super().__init__()
        self.case_id = case_id
        self.worker_id = worker_id
        self.matter_id = matter_id  # the legal matter under the cursor first (a hearing's)
        self.matters: list[LegalMatter] = []
        self.entries: list[MoneyEntry] = []

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def help_more(self) -> str:
        return _(NON_PUNISHMENT)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="after-who", markup=False)
        with Vertical(id="legal-box"):
            yield Label("", id="legal-title", classes="section-title")
            yield RecordTable(enter_label=_("Edit"), id="legal")
        with Vertical(id="money-box"):
            yield Label("", id="money-title", classes="section-title")
            yield RecordTable(enter_label=_("Edit"), id="money")
        yield Static("", id="after-detail", markup=False)
        yield Static("", id="after-totals", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        if not first_load(self, self.reload, self.others_changed):
            return
        legal = self.query_one("#legal", RecordTable)
        if self.matter_id:
            legal.move_to_key(self.matter_id)
        self.set_focus(legal)

    def reload(self) -> None:
        db = self.pulang.db
        case, workers, worker = self.case_and_worker(db)
        # In an order that never depends on the records' random ids: the next date first (the
        # store's order), then the kinds and statuses in their own order.
        kinds, statuses = list(LegalKind), list(MoneyStatus)
        self.matters = sorted(db.legal_of(self.case_id, self.worker_id), key=lambda m: (
            m.next_date or dt.date.max, m.since or dt.date.max, kinds.index(m.kind)))
        money_kinds = list(MoneyKind)
        self.entries = sorted(db.money_of(self.case_id, self.worker_id), key=lambda e: (
            e.on or dt.date.max, money_kinds.index(e.kind), statuses.index(e.status),
            e.currency, e.value))
        number = worker_numbers(workers).get(worker.id, 0)
        self.title = printable(f"{case.ref} · " + _("Legal status and money"), limit=200)
        self.query_one("#after-who", Static).update(self._who(worker, number))
        self.render_legal()
        self.render_money()
        self.render_totals()
        self.show_detail()

    def _who(self, worker: Worker, number: int) -> str:
        if worker.erased_at is not None:
            return _("Worker {number}").format(number=number) + " " + \
                _("(personal data erased)")
        return _("Worker {number}: {name}").format(
            number=number, name=printable(worker.name_in_rows, limit=120))

    def _flexible(self, fixed: int, columns: int) -> int:
        return max(10, self.size.width - fixed - 2 * columns - 3)

    def render_legal(self) -> None:
        table = self.query_one("#legal", RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        widths = (25, 14, 0, 13)
        flex = self._flexible(sum(widths), len(widths))
        for title, width in zip((N_("Legal matter"), N_("Stage"), N_("Authority or subject"),
                                 N_("Next")), widths, strict=True):
            table.add_column(_(title), width=width or flex)
        for matter in self.matters:
            table.add_row(cell(label(matter.kind)),
                          cell(label(matter.stage) if matter.stage else "–"),
                          cell(matter_about(matter)), cell(next_mark(matter)), key=matter.id)
        table.move_to_key(keep)
        self.query_one("#legal-title", Label).update(
            _("Legal matters ({count}) · n new").format(count=len(self.matters)))

    def render_money(self) -> None:
        table = self.query_one("#money", RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        widths = (20, 10, 15, 11, 0)  # a date in 11: '10 Feb 2026'
        flex = self._flexible(sum(widths), len(widths))
        for title, width in zip((N_("Money"), N_("Status"), N_("Amount"), N_("Date"),
                                 N_("Who paid")), widths, strict=True):
            table.add_column(_(title), width=width or flex)
        for entry in self.entries:
            amount = cell(format_money(entry.value, entry.currency))
            amount.justify = "right"
            table.add_row(cell(label(entry.kind)), cell(label(entry.status)), amount,
                          format_date(entry.on) if entry.on else "–", cell(who_paid(entry)),
                          key=entry.id)
        table.move_to_key(keep)
        self.query_one("#money-title", Label).update(
            _("Money ({count}) · m new").format(count=len(self.entries)))

    def render_totals(self) -> None:
        line = totals_line(by_status(self.entries))
        self.query_one("#after-totals", Static).update(
            _("Totals: {totals}").format(totals=line) if line else
            _("No money recorded for this worker: m adds an entry."))

    @on(RecordTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    def on_descendant_focus(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """The whole of the line under the cursor of the focused table, which cuts it."""
        detail = self.query_one("#after-detail", Static)
        record = self._current()
        if isinstance(record, LegalMatter):
            parts = []
            if record.next_date:  # what is due first: the line is cut at three lines
                parts.append(_("next {date}: {what}").format(date=next_mark(record),
                                                             what=record.next_what))
            parts += [x for x in (record.subject, record.authority, record.reference,
                                  record.place, record.organisation, record.lawyer) if x]
            if record.role is not None:
                parts.append(label(record.role))
            if record.since:
                parts.append(_("since {date}").format(date=format_date(record.since)))
            if record.until:
                parts.append(_("until {date}").format(date=format_date(record.until)))
            if record.non_punishment:
                parts.append(_("non-punishment argued"))
            if record.actor_ids:
                parts.append(ngettext("{count} actor of the registry",
                                      "{count} actors of the registry",
                                      len(record.actor_ids)).format(
                                          count=len(record.actor_ids)))
            detail.update(printable(" · ".join(parts), limit=400))
        elif isinstance(record, MoneyEntry):
            parts = [format_money(record.value, record.currency), label(record.status)]
            paid = who_paid(record)
            if paid:
                parts.append(_("paid by {who}").format(who=paid))
            if record.evidence:
                parts.append(_("evidence: {what}").format(what=record.evidence))
            detail.update(printable(" · ".join(parts), limit=400))
        else:
            detail.update("")

    def _current(self) -> LegalMatter | MoneyEntry | None:
        focused = self.focused
        if not isinstance(focused, RecordTable) or focused.current_key is None:
            return None
        records: list[Any] = self.matters if focused.id == "legal" else self.entries
        return next((r for r in records if r.id == focused.current_key), None)

    # -- actions ----------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_new_legal(self) -> None:
        """The kind first: the form then shows only the fields that kind uses."""
        items = [PickItem(kind.value, label(kind)) for kind in LegalKind]

        def chosen(ids: list[str] | None) -> None:
            if ids:
                self._open(LegalMatterForm(None, LegalKind(ids[0]), self.case_id,
                                           self.worker_id))

        self.app.push_screen(PickerDialog(_("Kind of legal matter"), items, filter=False),
                             chosen)

    def action_new_money(self) -> None:
        self._open(MoneyForm(None, self.case_id, self.worker_id))

    @on(RecordTable.RowSelected)
    def _selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        record = self._current()
        if isinstance(record, LegalMatter):
            self._open(LegalMatterForm(record, record.kind, self.case_id, self.worker_id))
        elif isinstance(record, MoneyEntry):
            self._open(MoneyForm(record, self.case_id, self.worker_id))

    def _open(self, form: LegalMatterForm | MoneyForm) -> None:
        self.app.push_screen(form, self._after_edit)

    def _after_edit(self, saved: object) -> None:
        if saved is None:
            return
        self.notify(_("Saved."))
        self._reload_shown()
        table = self.query_one("#legal" if isinstance(saved, LegalMatter) else "#money",
                               RecordTable)
        table.move_to_key(getattr(saved, "id", None))
        self.set_focus(table)

    def action_remove(self) -> None:
        record = self._current()
        if record is None:
            self.notify(_("Move to a line of either table first."), severity="warning")
            return
        if isinstance(record, LegalMatter):
            question = _("Remove this legal matter ({kind})?").format(kind=label(record.kind))
            job: Callable[[], None] = lambda: self.pulang.db.remove_legal(  # noqa: E731
                record.id, record.version)
        else:
            question = _("Remove this money entry ({kind}, {amount})?").format(
                kind=label(record.kind), amount=format_money(record.value, record.currency))
            job = lambda: self.pulang.db.remove_money(record.id, record.version)  # noqa: E731

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(job, self._removed, self._remove_failed, what="remove")

        self.app.push_screen(ConfirmDialog(question, _("Remove"), _("Keep")), answered)

    def _removed(self, _result: object) -> None:
        self.notify(_("Removed."))
        self._reload_shown()

    def _remove_failed(self, error: PulangError) -> None:
        self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        self._reload_shown()

    def reopen_draft(self, draft: dict[str, Any]) -> None:
        """A form of this page open when the app locked, opened again as it was."""
        form = form_from_draft(draft)
        form.restore_values = draft["values"]
        form.restore_focus = draft.get("focus")
        self._open(form)


def form_from_draft(draft: dict[str, Any]) -> LegalMatterForm | MoneyForm:
    record = draft.get("record")
    if draft["kind"] == LegalMatterForm.draft_kind:
        matter = LegalMatter.model_validate(record) if record else None
        return LegalMatterForm(matter, LegalKind(draft["legal_kind"]), draft["case_id"],
                               draft["worker_id"])
    entry = MoneyEntry.model_validate(record) if record else None
    return MoneyForm(entry, draft["case_id"], draft["worker_id"])


def open_worker_after(app: PulangApp, case_id: str, worker_id: str,
                      done: Callable[[None], object] | None = None,
                      matter_id: str | None = None) -> None:
    """Push the worker's legal status and money (for Today's hearings, on the hearing's
    matter, and the palette)."""
    app.push_screen(WorkerAfterScreen(case_id, worker_id, matter_id), done)
