"""The screening page's screen (`ScreeningScreen`): its keys, help and layout, a worker's
screening loaded and shown (the line at the top, the others through the parts), the keys that
act while the line at the bottom is edited, and leaving or going to another worker of the case.
The rest of the page is in its parts, which the screen is made of (see part.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from store import N_, PulangError, _, format_date
from store.db import officer
from store.domain import (
    LINE,
    Screening,
    Worker,
    case_order,
    editable,
    is_child,
    printable,
    status_reason,
    suggested_status,
)
from tui.data_changed import DataChanged, follow_data_changes
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.screening.answering import RowsMixin
from tui.screens.screening.decision import DecisionMixin
from tui.screens.screening.line import LineMixin
from tui.screens.screening.rows import CONTENT_FIELDS, ROWS, TEXT_FIELDS, Row, ScreeningList, fit
from tui.screens.screening.saving import SavingMixin
from tui.translate import TranslatedBindings
from tui.widgets import TextInput

if TYPE_CHECKING:
    from store.db import Database


class ScreeningScreen(TranslatedBindings, RowsMixin, DecisionMixin, LineMixin, SavingMixin,
                      Screen[Screening | None]):
    """One worker's screening; dismissed with the screening saved here last (or None)."""

    # Every key of the page acts the moment it arrives, in the order keys come (see the line
    # at the bottom, below); while the line is being edited, only Enter, Escape, Ctrl+S and
    # F1 do, and every other key is typed into it.
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="screening.save"),
        Binding("escape", "back", N_("Back"), id="screening.back"),
        Binding("c", "confirm", N_("Confirm"), id="screening.confirm"),
        Binding("o", "override", N_("Other status"), id="screening.override"),
        Binding("f1", "app.help", N_("Help"), id="screening.help"),
        Binding("up,k", "move(-1)", N_("Up"), show=False, id="screening.up"),
        Binding("down,j", "move(1)", N_("Down"), show=False, id="screening.down"),
        Binding("home,g", "move_to(0)", N_("First"), show=False, id="screening.first"),
        Binding("end,G", "move_to(-1)", N_("Last"), show=False, id="screening.last"),
        Binding("y", "answer('yes')", N_("Yes"), show=False, id="screening.yes"),
        Binding("n", "answer('no')", N_("No"), show=False, id="screening.no"),
        Binding("u", "answer('unknown')", N_("Unknown"), show=False, id="screening.unknown"),
        Binding("space", "cycle", N_("Next answer"), show=False, id="screening.cycle"),
        Binding("enter", "enter", N_("Evidence or choice"), show=False, id="screening.enter"),
        Binding("e", "edit", N_("Evidence or choice"), show=False, id="screening.edit"),
        Binding("tab", "jump", N_("Questions / recruitment"), show=False,
                id="screening.jump"),
        Binding("m", "pick_field('means_of_control')", N_("Means of control"), show=False,
                id="screening.control"),
        Binding("r", "recruitment", N_("Recruitment"), show=False, id="screening.recruitment"),
        Binding("w", "why", N_("Why this status"), show=False, id="screening.why"),
        Binding("d", "edit_field('screened_on')", N_("Screened on"), show=False,
                id="screening.date"),
        Binding("b", "edit_field('screened_by')", N_("Screened by"), show=False,
                id="screening.by"),
        Binding("pagedown,right_square_bracket", "other_worker(1)", N_("Next worker"),
                show=False, id="screening.next"),
        Binding("pageup,left_square_bracket", "other_worker(-1)", N_("Previous worker"),
                show=False, id="screening.previous"),
    ]
    BINDINGS = [dataclasses.replace(b, priority=True) for b in BINDINGS]
    HELP = N_(
        "One worker's screening: is this forced labour, is this trafficking? Up and Down (or j "
        "and k) move through the questions: act, means and purpose (UN Trafficking Protocol), "
        "under 18 when recruited, then the eleven ILO indicators of forced labour, then how "
        "the worker was controlled and recruited. y, n and u answer yes, no or unknown; Space "
        "goes to the next answer. Enter or e writes the evidence note of a question on the "
        "line at the bottom (Enter keeps it, Escape drops the edit), or opens the list of a "
        "choice; m goes straight to the means of control and r to the recruitment (how, on "
        "which platform, by whom), Tab between the questions and these two. [Y], [N] and [?] "
        "show the answers. The status the answers suggest is shown as they change: act, "
        "means and purpose make a victim of trafficking; for a "
        "child no means is needed. c confirms the suggestion, o chooses another status (or "
        "none); both ask who decided. Another status than the one suggested needs a reason: "
        "w writes it. d changes the date of the screening, b who screened. Ctrl+S saves and "
        "stays on the page; PageDown and PageUp (or ] and [) go to the next or previous "
        "worker of the case. Escape goes back; unsaved changes are asked about first."
    )
    DEFAULT_CSS = """
    #sc-head, #sc-suggest, #sc-reason, #sc-decision, #sc-by, #sc-line {
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    #sc-head { height: 1; text-style: bold; background: $panel; padding: 0 1; }
    #sc-suggest, #sc-decision, #sc-by { height: 1; padding: 0 1; }
    #sc-reason { height: 1; padding: 0 3; }
    #sc-line { height: 1; padding: 0 1; color: $text-muted; }
    #sc-line.error {
        height: auto; max-height: 3; color: $error; text-style: bold; text-wrap: wrap;
    }
    #sc-edit-box { height: 1; display: none; padding: 0 1; }
    #sc-edit-box.shown { display: block; }
    #sc-edit-label { width: auto; max-width: 40; text-style: bold; padding-right: 1; }
    #sc-edit { width: 1fr; background: $panel; }
    """

    def __init__(self, case_id: str, worker_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.worker_id = worker_id
        self.worker: Worker | None = None
        self.case_workers: list[Worker] = []
        self.stored: Screening | None = None  # as saved, when this page last read or saved it
        self.data: dict[str, Any] = {}  # what the page holds now
        self._initial: dict[str, Any] = {}
        self.saved: Screening | None = None  # the last one saved here: what the screen returns
        self.editing: str | None = None  # the field the line at the bottom edits
        self._prompt = ""
        self._pending = 0  # lines kept but not yet read (see `_finish_editing`)
        self.error = ""
        self._saving = False

    @property
    def db(self) -> Database:
        return getattr(self.app, "db")  # type: ignore[no-any-return]

    # -- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="sc-head", markup=False)
        yield ScreeningList(self._row_line, len(ROWS), id="sc-rows")
        yield Static("", id="sc-suggest", markup=False)
        yield Static("", id="sc-reason", markup=False)
        yield Static("", id="sc-decision", markup=False)
        yield Static("", id="sc-by", markup=False)
        with Horizontal(id="sc-edit-box"):
            yield Label("", id="sc-edit-label", markup=False)
            yield TextInput("", id="sc-edit", compact=True, select_on_focus=False,
                            max_length=LINE.limit)
        yield Static("", id="sc-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        follow_data_changes(self, self.others_changed)
        self.title = _("Screening")  # never the worker's name: the title may leave the screen
        try:
            self.case_workers = case_order(self.db.workers_of(self.case_id))
            self._show_worker(self.worker_id)
        except PulangError as error:  # a damaged or vanished record: say so, go back
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            self.app.call_later(self.dismiss, None)
            return
        self.set_focus(self.rows)

    def _show_worker(self, worker_id: str) -> None:
        worker = next((w for w in self.case_workers if w.id == worker_id), None)
        if worker is None:
            worker = self.db.get(Worker, worker_id)
        self.worker_id = worker_id
        self.worker = worker
        self._load(self.db.screening_of(worker_id))
        self.rows.move(0)

    def _load(self, screening: Screening | None) -> None:
        """Show `screening` (None: a new one) as it is stored, nothing typed on top."""
        self.stored = screening
        if screening is None:
            screening = Screening(case_id=self.case_id, worker_id=self.worker_id,
                                  screened_by=officer())
        data = screening.model_dump()
        for name in TEXT_FIELDS:  # as a form shows text an older version let in
            data[name] = editable(data[name])
        self.data = data
        self._initial = dict(data)
        self.error = ""
        self._stop_editing()
        self.refresh_page()

    def on_resize(self) -> None:
        if self.worker is not None:
            self.refresh_page()  # the line at the top is laid out for the width

    @property
    def rows(self) -> ScreeningList:
        return self.query_one("#sc-rows", ScreeningList)

    @property
    def row(self) -> Row:
        return ROWS[self.rows.cursor]

    @property
    def is_dirty(self) -> bool:
        """Changes on the page not saved, or text in the line at the bottom that its field
        does not hold yet (Ctrl+Q asks before quitting then)."""
        return (any(self.data.get(n) != self._initial.get(n) for n in CONTENT_FIELDS)
                or self.editing is not None and self.line.value != self._as_line(self.editing))

    # -- what the page shows ----------------------------------------------------------------

    def current(self) -> Screening:
        """The screening as the page holds it, for the rule only (not validated)."""
        return Screening.model_construct(**self.data)

    def child(self) -> bool:
        return is_child(self.current(), self.worker)

    def refresh_page(self) -> None:
        self.query_one("#sc-head", Static).update(self._head())
        self.rows.refresh()
        screening, child = self.current(), self.child()
        suggested = suggested_status(screening, child)
        self.query_one("#sc-suggest", Static).update(self._suggestion(suggested))
        self.query_one("#sc-reason", Static).update(status_reason(screening, child))
        self.query_one("#sc-decision", Static).update(self._decision())
        by = printable(self.data["screened_by"], limit=60) or "–"
        self.query_one("#sc-by", Static).update(_("Screened on {date} by {officer}").format(
            date=format_date(self.data["screened_on"]), officer=by))
        line = self.query_one("#sc-line", Static)
        line.set_class(bool(self.error), "error")
        # An error may take a second line or a third for a moment: the rows above make room.
        line.update(Text(printable(self.error, limit=300)) if self.error
                    else self._row_hint())

    def _head(self) -> Text:
        """Whose screening this is, and whether what is shown is saved."""
        worker = self.worker
        if worker is None:
            return Text("")
        name = (printable(worker.name_in_rows, limit=200) if worker.erased_at is None
                else _("(personal data erased)"))
        facts = []
        if worker.display_age is not None:
            facts.append(_("age {age}").format(age=worker.display_age))
        if self.child():
            facts.append(_("child"))
        state = (_("not saved") if self.is_dirty else _("new") if self.stored is None
                 else _("saved"))
        width = max(10, self.size.width - 2)
        right = Text(" · ".join([*facts, state]))
        left = fit(Text(_("Screening: {name}").format(name=name)),
                   max(4, width - right.cell_len - 1))
        return Text.assemble(left, " ", right)

    # -- the keys that act, and changing what the page holds --------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the line at the bottom is being edited, keys belong to it.
        # Tab too, so that it does not take the focus from the line.
        return self.editing is None or action in ("save", "back", "enter", "help", "jump")

    def _change(self, **changes: Any) -> None:
        self.data.update(changes)
        self.error = ""
        self.refresh_page()

    # -- leaving, and the other workers -----------------------------------------------------

    def action_back(self) -> None:
        if self.editing is not None:
            self._stop_editing()  # the edit is dropped; the page keeps what it had
            self.refresh_page()
            return
        if self._when_kept(self.action_back):
            return
        self._unless_unsaved(lambda: self.dismiss(self.saved))

    def _unless_unsaved(self, then: Callable[[], object]) -> None:
        if not self.is_dirty:
            then()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                then()

        self.app.push_screen(
            ConfirmDialog(_("Discard your changes?"), _("Discard"), _("Keep editing")), answered)

    def action_other_worker(self, step: int) -> None:
        ids = [w.id for w in self.case_workers]
        at = ids.index(self.worker_id) if self.worker_id in ids else -1
        if not 0 <= at + step < len(ids):
            self.notify(_("This is the last worker of the case.") if step > 0
                        else _("This is the first worker of the case."))
            return

        def go() -> None:
            try:
                self._show_worker(ids[at + step])
            except PulangError as error:
                self.notify(printable(str(error)), severity="error", timeout=10, markup=False)

        self._unless_unsaved(go)

    def others_changed(self, change: DataChanged) -> None:
        """Another officer changed the database: show their screening if nothing is typed
        here (what is typed is never replaced; saving it then shows both)."""
        if self.is_dirty or self.editing is not None or self._saving:
            return
        try:
            stored = self.db.screening_of(self.worker_id)
        except PulangError:
            return
        if stored != self.stored:
            self._load(stored)
