"""A case's history from the audit trail: every change to it, its workers and its log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from store import N_, PulangError, _, format_datetime
from store.domain import printable
from tui.translate import TranslatedBindings
from tui.widgets import RecordTable, cell

if TYPE_CHECKING:
    from store.db import AuditEntry
    from tui.app import PulangApp

_WHEN, _WHO, _WHAT = 17, 12, 22


class HistoryScreen(TranslatedBindings, Screen[bool]):
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="history.back"),
        Binding("u", "bring_back", N_("Undo removal"), id="history.bring_back"),
        Binding("f1", "app.help", N_("Help"), id="history.help"),
    ]
    HELP = N_(
        "The history of a case, newest first: every change to the case, its workers and its "
        "log, when it was made, by whom (and from where, over SSH), and which fields changed. "
        "Personal and sensitive values are never kept in the history, only that they changed. "
        "The lines under the table show the whole change under the cursor. On a removal, u "
        "brings the worker or log entry back as it was last saved, while the journal or a "
        "backup still holds it. Escape goes back to the case."
    )

    def __init__(self, case_id: str, ref: str, names: dict[str, str]) -> None:
        """`names`: how to call the case's records now (a worker's name, a log entry's date);
        removed ones are shown by the start of their id."""
        super().__init__()
        self.case_id = case_id
        self.ref = ref
        self.names = names
        self.entries: list[AuditEntry] = []
        self.brought_back = False

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        # A reference, a worker's name or an account as the file holds them: never markup.
        yield Label(printable(_("History of {ref}").format(ref=self.ref)), id="history-title",
                    classes="section-title", markup=False)
        yield RecordTable(id="history")
        yield Static("", id="history-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = printable(_("History of {ref}").format(ref=self.ref), limit=200)
        self.set_focus(self.query_one("#history", RecordTable))
        self.pulang.run_store(lambda: self.pulang.db.history(self.case_id), self._show,
                              self._failed, what="history")

    def _show(self, entries: list[AuditEntry]) -> None:
        self.entries = sorted(entries, key=lambda e: e.seq, reverse=True)
        self.query_one("#history-title", Label).update(printable(
            _("History of {ref}: {count} changes, newest first").format(
                ref=self.ref, count=len(self.entries))
        ))
        self.render_table()

    def _failed(self, error: PulangError) -> None:
        self.notify(printable(str(error)), severity="error", timeout=10, markup=False)

    def on_resize(self) -> None:
        if self.entries:
            self.render_table()

    def describe(self, entry: AuditEntry) -> str:
        """What was done to which record: "changed worker Dewi A.", "created case"."""
        if entry.table is None:
            return entry.action_label
        if entry.table == "cases":
            # TRANSLATORS: what was done to which kind of record: "closed case".
            return _("{action} {record}").format(action=entry.action_label,
                                                 record=entry.table_label)
        name = self.names.get(entry.record or "") or (entry.record or "")[:8]
        # TRANSLATORS: what was done to which record: "changed worker Dewi A.".
        return _("{action} {record} {name}").format(action=entry.action_label,
                                                    record=entry.table_label, name=name)

    def render_table(self) -> None:
        table = self.query_one("#history", RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        changes_width = max(12, self.size.width - (_WHEN + _WHO + _WHAT) - 2 * 4 - 1)
        for title, width in ((N_("When"), _WHEN), (N_("Who"), _WHO), (N_("What"), _WHAT),
                             (N_("Fields changed"), changes_width)):
            table.add_column(_(title), width=width)
        for entry in self.entries:
            table.add_row(
                format_datetime(entry.at),
                cell(entry.who_from),
                cell(self.describe(entry)),
                cell(self.changes(entry)),
                key=str(entry.seq),
            )
        table.move_to_key(keep)

    def changes(self, entry: AuditEntry) -> str:
        text = "; ".join(entry.changes(self.names))
        if entry.note:
            text = f"{text} ({entry.note})" if text else entry.note
        return text

    def action_back(self) -> None:
        self.dismiss(self.brought_back)

    def action_bring_back(self) -> None:
        """Undo the removal under the cursor: the record as it was last saved."""
        from store.domain import Case, LogEntry, Worker

        table = self.query_one("#history", RecordTable)
        entry = next((e for e in self.entries if str(e.seq) == table.current_key), None)
        kinds = {"workers": Worker, "log": LogEntry, "cases": Case}
        if entry is None or entry.action != "delete" or entry.table not in kinds:
            self.notify(_("Move to a removal first (a line that says removed)."),
                        severity="warning")
            return
        kind, record_id = kinds[entry.table], entry.record or ""
        self.pulang.run_store(lambda: self.pulang.db.bring_back(kind, record_id),
                              self._brought_back, self._failed, what="bring back")

    def _brought_back(self, _record: object) -> None:
        self.brought_back = True
        self.notify(_("Brought back as it was last saved."))
        self.pulang.run_store(lambda: self.pulang.db.history(self.case_id), self._show,
                              self._failed, what="history")

    @on(RecordTable.RowHighlighted, "#history")
    def _show_entry(self, event: RecordTable.RowHighlighted) -> None:
        """The whole of the highlighted change, since the table cuts long text short."""
        entry = next((e for e in self.entries if str(e.seq) == event.row_key.value), None)
        detail = self.query_one("#history-detail", Static)
        if entry is None:
            detail.update("")
            return
        head = " · ".join((format_datetime(entry.at), entry.who_from, self.describe(entry)))
        detail.update(printable(f"{head}\n{self.changes(entry)}", multiline=True, limit=2000))
