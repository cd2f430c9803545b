"""One worker's screening on one page: act, means, purpose, the ILO indicators, how they were
recruited, the status the answers suggest and the officer's decision.

Everything is reached with the keyboard alone and fits 80×24 without scrolling: one list of
rows (the questions, then the means of control and the recruitment), with the suggestion, the
decision and a one-line editor below. `y`/`n`/`u` answer the row under the cursor; Enter edits
its evidence note, or opens a picker for a choice. The rule is the domain's
(`store.domain.rules.screening.suggested_status`); the screen only shows it, live. `ctrl+s` saves
and stays, so a group can be screened one worker after another with PageDown; Escape leaves with the
last screening saved here (None if none was).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from store import N_, Conflict, PulangError, RecordInvalid, _, clock, date_for_input, format_date
from store.db import officer
from store.domain import (
    LINE,
    NAME,
    Answer,
    DecidedBy,
    InputProblem,
    MeansOfControl,
    Screening,
    TraffickingStatus,
    Worker,
    build,
    case_order,
    choices,
    editable,
    is_child,
    label,
    parse_date,
    printable,
    status_reason,
    suggested_status,
    text_problem,
)
from tui.screens.conflict import ConflictScreen, Difference, keep_or_drop
from tui.screens.dialogs import ConfirmDialog
from tui.screens.screening.pick_many import PickMany
from tui.screens.screening.pick_one import PickOne
from tui.screens.screening.rows import (
    CONTENT_FIELDS,
    CYCLE,
    FIRST_CHOICE,
    POINTER,
    RECRUITMENT,
    ROWS,
    TEXT_FIELDS,
    Row,
    ScreeningList,
    fit,
    long_label,
    mark,
    short_label,
    shown_value,
)
from tui.translate import TranslatedBindings
from tui.widgets import TextInput

if TYPE_CHECKING:
    from store.db import Database


class ScreeningScreen(TranslatedBindings, Screen[Screening | None]):
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

    def _suggestion(self, suggested: TraffickingStatus | None) -> Text:
        text = Text.assemble((_("Suggested: "), "bold"),
                             (label(suggested), "bold") if suggested is not None
                             else _("nothing yet"))
        status = self.data["status"]
        if status is not None and suggested is not None and status is not suggested:
            if self.data["status_note"].strip():
                text.append(" · " + _("the decision differs"))
            else:  # the store refuses it so: say it before the save does
                text.append(" · ")
                text.append(_("the decision differs: w says why"), style="bold reverse")
        return text

    def _decision(self) -> Text:
        status: TraffickingStatus | None = self.data["status"]
        decided: DecidedBy | None = self.data["decided_by"]
        note = self.data["status_note"]
        text = Text.assemble((_("Decision: "), "bold"))
        if status is None:
            text.append(_("not decided yet (c confirms the suggestion, o another status)"))
            return text
        text.append(label(status))
        if decided is not None:
            text.append(" · " + _("by {who}").format(who=label(decided)))
        if note.strip():
            text.append(" · " + _("why: {why}").format(why=printable(note, limit=200)))
        return text

    def _row_line(self, index: int, width: int, at_cursor: bool) -> Text:
        row = ROWS[index]
        labels = [cell_len(short_label(r)) for r in ROWS]
        label_width = max(12, min(max(labels), 40, width - 6 - 12))
        line = Text(f"{POINTER} " if at_cursor else "  ", no_wrap=True)
        if row.kind == "answer":
            answer: Answer = self.data[row.field]
            line.append(mark(answer) + " ", style="bold" if answer is Answer.YES else "")
        else:
            line.append("    ")
        line.append_text(fit(Text(short_label(row)), label_width))
        line.append(" ")
        rest = width - cell_len(line.plain)
        line.append_text(fit(Text(self._row_value(row), style="dim" if row.kind == "answer"
                                  else ""), rest))
        if at_cursor:
            line.stylize("reverse")
        return line

    def _row_value(self, row: Row) -> str:
        """What follows a row's name: its evidence note, or the choice made."""
        if row.kind == "answer":
            if row.evidence is not None:
                return printable(self.data[row.evidence], limit=500)
            age = self.worker.display_age if self.worker is not None else None
            return "" if age is None else _("age now: {age}").format(age=age)
        if row.kind == "recruitment":
            parts = [shown_value(n, self.data[n]) for n in ("recruitment_method", "platform")]
            if self.data["recruiter_relation"] is not None:
                parts.append(_("recruiter: {who}").format(
                    who=label(self.data["recruiter_relation"])))
            return " · ".join(p for p in parts if p) or "–"
        value = self.data[row.field]
        return shown_value(row.field, value) or "–"

    def _row_hint(self) -> Text:
        """The line at the bottom: the whole name of the row under the cursor, and its note
        (or, without one, the keys that answer it)."""
        row = self.row
        line = Text(long_label(row) + ": ", no_wrap=True, overflow="ellipsis")
        if row.kind == "answer" and row.evidence is not None and self.data[row.evidence]:
            line.append(printable(self.data[row.evidence], limit=500), style="")
        elif row.kind == "answer" and row.evidence is not None:
            line.append(_("y, n, u answer · Enter writes the evidence"), style="italic")
        elif row.kind == "answer":
            line.append(_("y, n, u answer"), style="italic")
        else:
            line.append(_("Enter chooses"), style="italic")
        return line

    # -- moving and answering ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the line at the bottom is being edited, keys belong to it.
        # Tab too, so that it does not take the focus from the line.
        return self.editing is None or action in ("save", "back", "enter", "help", "jump")

    def action_move(self, step: int) -> None:
        self.rows.move(self.rows.cursor + step)
        self.refresh_page()

    def action_move_to(self, index: int) -> None:
        self.rows.move(index if index >= 0 else len(ROWS) - 1)
        self.refresh_page()

    def action_jump(self) -> None:
        """Tab: from the questions to the recruitment, and back."""
        if self.editing is not None:
            return
        self.rows.move(FIRST_CHOICE if self.rows.cursor < FIRST_CHOICE else 0)
        self.refresh_page()

    def _change(self, **changes: Any) -> None:
        self.data.update(changes)
        self.error = ""
        self.refresh_page()

    def action_answer(self, value: str) -> None:
        row = self.row
        if row.kind != "answer":
            self.notify(_("This line is a choice: Enter opens its list."), severity="warning")
            return
        self._change(**{row.field: Answer(value)})

    def action_cycle(self) -> None:
        row = self.row
        if row.kind != "answer":
            self.action_edit()
            return
        self._change(**{row.field: CYCLE[self.data[row.field]]})

    def action_enter(self) -> None:
        if self.editing is not None:
            self._finish_editing()
        else:
            self.action_edit()

    def action_edit(self) -> None:
        row = self.row
        if row.kind == "answer":
            if row.evidence is None:
                self.notify(_("This question has no note: answer it with y, n or u."),
                            severity="warning")
                return
            self._start_editing(row.evidence, short_label(row).strip())
        elif row.kind == "recruitment":
            self.action_recruitment()
        else:
            self.action_pick_field(row.field)

    def _move_to_field(self, name: str) -> None:
        self.rows.move(next(i for i, r in enumerate(ROWS) if r.field == name))
        self.refresh_page()

    def action_pick_field(self, name: str) -> None:
        """The list of a choice: means of control (ticks), or one of the recruitment's."""
        title = Screening.field_label(name)
        if name == "means_of_control":
            self._move_to_field(name)

            def ticked(values: list[Any] | None) -> None:
                if values is not None:
                    self._change(**{name: values})

            self.app.push_screen(PickMany(title, choices(MeansOfControl), self.data[name]),
                                 ticked)
            return

        def picked(value: tuple[Any] | None) -> None:
            if value is not None:
                self._change(**{name: value[0]})

        options: list[tuple[str, Any]] = [(_("(not set)"), None),
                                          *choices(RECRUITMENT[name])]
        self.app.push_screen(PickOne(title, options, self.data[name]), picked)

    def action_recruitment(self) -> None:
        """How, where and by whom the worker was recruited: which of the three to change."""
        self._move_to_field("recruitment")
        options = [(f"{Screening.field_label(n)}: {shown_value(n, self.data[n]) or '–'}", n)
                   for n in RECRUITMENT]

        def which(value: tuple[Any] | None) -> None:
            if value is not None:
                self.action_pick_field(value[0])

        self.app.push_screen(PickOne(_("Recruitment"), options, None), which)

    # -- the decision -----------------------------------------------------------------------

    def action_confirm(self) -> None:
        suggested = suggested_status(self.current(), self.child())
        if suggested is None:
            self.notify(_("Nothing to confirm yet: answer act, means and purpose first."),
                        severity="warning")
            return
        self._ask_who(suggested, _("{status}: who decided?").format(status=label(suggested)))

    def action_override(self) -> None:
        options: list[tuple[str, Any]] = [*choices(TraffickingStatus),
                                          (_("not decided yet"), None)]

        def picked(value: tuple[Any] | None) -> None:
            if value is None:
                return
            status = value[0]
            if status is None:
                self._change(status=None, decided_by=None)
                return
            self._ask_who(status, _("{status}: who decided?").format(status=label(status)),
                          then_why=True)

        self.app.push_screen(PickOne(_("Which trafficking status?"), options,
                                     self.data["status"]), picked)

    def _ask_who(self, status: TraffickingStatus, title: str, then_why: bool = False) -> None:
        def picked(value: tuple[Any] | None) -> None:
            if value is None:
                return
            self._change(status=status, decided_by=value[0])
            suggested = suggested_status(self.current(), self.child())
            if then_why and suggested is not None and status is not suggested:
                self.action_why()

        self.app.push_screen(PickOne(title, choices(DecidedBy), self.data["decided_by"]),
                             picked)

    def action_why(self) -> None:
        self._start_editing("status_note", Screening.field_label("status_note"))

    def action_edit_field(self, name: str) -> None:
        self._start_editing(name, Screening.field_label(name))

    # -- the line at the bottom -------------------------------------------------------------
    #
    # Textual hands each key to the widget that has the focus when the key arrives, and the
    # widget takes it in later. The page's own keys act at once, in the order they come, so
    # the line is filled and read by callbacks queued behind the keys it has still to take
    # in: keys typed faster than the screen draws (a quick typist, a slow connection) end up
    # where they were meant.

    @property
    def line(self) -> TextInput:
        return self.query_one("#sc-edit", TextInput)

    def _start_editing(self, name: str, prompt: str, text: str | None = None) -> None:
        self.editing = name
        self._prompt = prompt
        if text is None:
            text = self._as_line(name)
        self.query_one("#sc-edit-label", Label).update(printable(prompt, limit=38) + ":")
        field = self.line
        field.max_length = (NAME if name == "screened_by" else LINE).limit
        field.call_later(self._fill_line, text)  # after keys still on their way to a past edit
        self.query_one("#sc-edit-box").add_class("shown")
        self.query_one("#sc-line").display = False
        self.set_focus(field)
        self.refresh_bindings()

    def _as_line(self, name: str) -> str:
        """What the page holds for field `name`, as the line shows it."""
        value = self.data[name]
        return date_for_input(value) if isinstance(value, dt.date) else str(value or "")

    def _fill_line(self, text: str) -> None:
        self.line.value = text
        self.line.cursor_position = len(text)

    def _stop_editing(self) -> None:
        """Leave the line: what it holds is dropped (Escape), or kept by `_finish_editing`."""
        self.editing = None
        if not self.is_mounted:
            return
        self.query_one("#sc-edit-box").remove_class("shown")
        self.query_one("#sc-line").display = True
        self.set_focus(self.rows)
        self.refresh_bindings()

    def _finish_editing(self, then: Callable[[], object] | None = None) -> None:
        """Enter: back to the page now; what the line holds goes into it (then `then` runs)
        once the line has every key typed into it."""
        name, prompt = self.editing, self._prompt
        if name is None:
            return
        self._stop_editing()
        self._pending += 1
        self.line.call_later(self._keep_line, name, prompt, then)

    def _keep_line(self, name: str, prompt: str, then: Callable[[], object] | None) -> None:
        self._pending -= 1
        text = self.line.value
        value: Any = text
        problem: str | None = None
        if name == "screened_on":
            try:
                value = parse_date(text) or clock.today()
            except InputProblem as refused:
                problem = str(refused)
            else:
                if value > clock.today():
                    problem = _("must not be in the future")
        else:
            problem = text_problem(text, NAME if name == "screened_by" else LINE)
        if problem:  # the line again, as it was typed, and why it cannot be kept
            self.notify(printable(f"{Screening.field_label(name)}: {problem}"),
                        severity="error", markup=False)
            self._start_editing(name, prompt, text)
            return
        self._change(**{name: value})
        if then is not None:
            then()

    def _when_kept(self, action: Callable[[], object]) -> bool:
        """True if `action` must wait for a line still being kept (it is then queued)."""
        if self._pending:
            self.line.call_later(action)
            return True
        return False

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

    def others_changed(self, in_front: bool) -> None:
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

    # -- saving -----------------------------------------------------------------------------

    def _record(self) -> Screening:
        base = self.stored.model_dump() if self.stored is not None else {
            "case_id": self.case_id, "worker_id": self.worker_id}
        base.update({n: self.data[n] for n in CONTENT_FIELDS})
        return build(Screening, base)

    def action_save(self) -> None:
        if self._saving:
            return
        if self.editing is not None:  # the line first, with every key typed into it
            self._finish_editing(then=self.action_save)
            return
        if self._when_kept(self.action_save):
            return
        try:
            record = self._record()
        except RecordInvalid as invalid:
            self._refused(invalid)
            return
        self._saving = True
        self.sub_title = _("Saving…")
        db = self.db
        self.app.run_store(lambda: db.save_screening(record),  # type: ignore[attr-defined]
                           self._saved, self._not_saved, what="screening")

    def _saved(self, saved: Screening) -> None:
        self._saving = False
        self.sub_title = ""
        self.saved = saved
        if saved.worker_id == self.worker_id:
            self._load(saved)
        self.notify(_("Saved."))

    def _refused(self, invalid: RecordInvalid) -> None:
        self.error = _("Not saved: {reason}").format(reason=str(invalid))
        self.refresh_page()
        self.notify(printable(self.error), severity="error", timeout=10, markup=False)

    def _not_saved(self, error: PulangError) -> None:
        self._saving = False
        self.sub_title = ""
        if isinstance(error, RecordInvalid):
            self._refused(error)
        elif isinstance(error, Conflict):
            self._conflicted(error)
        else:
            self.error = _("{problem} What you typed is still here.").format(problem=error)
            self.refresh_page()
            self.notify(printable(self.error), title=_("Not saved"), severity="error",
                        timeout=10, markup=False)

    # -- another officer saved it first ------------------------------------------------------

    def shown(self, values: dict[str, Any]) -> dict[str, str]:
        return {n: shown_value(n, values.get(n)) for n in CONTENT_FIELDS}

    def differences(self, theirs: Screening | None) -> list[Difference]:
        mine = self.shown(self.data)
        saved = self.shown(theirs.model_dump()) if theirs is not None else {}
        return [Difference(n, Screening.field_label(n), saved.get(n, ""), mine[n])
                for n in CONTENT_FIELDS
                if (saved[n] != mine[n] if theirs is not None else mine[n])]

    def _mine_over(self, conflict: Conflict) -> Screening:
        """What the page holds, on top of the screening as stored now (their id, links)."""
        if isinstance(conflict.theirs, Screening):
            data = conflict.theirs.model_dump()
            data.update({n: self.data[n] for n in CONTENT_FIELDS})
            try:
                return build(Screening, data)
            except RecordInvalid:
                pass
        if isinstance(conflict.mine, Screening):
            return conflict.mine
        return self._record()

    def _conflicted(self, conflict: Conflict) -> None:
        refresh = getattr(self.app, "check_now", None)
        if refresh is not None:
            refresh()
        theirs = conflict.theirs if isinstance(conflict.theirs, Screening) else None
        mine = self._mine_over(conflict)
        title, choices_ = keep_or_drop(theirs is None)

        def chosen(answer: str | None) -> None:
            if answer == "mine":
                db = self.db
                self._saving = True
                self.sub_title = _("Saving…")
                self.app.run_store(lambda: db.keep_mine(conflict, mine),  # type: ignore[attr-defined]
                                   self._saved, self._not_saved, what="screening")
            elif answer == "drop":
                self._load(theirs)
            # None: back to the page, exactly as it was

        self.app.push_screen(
            ConflictScreen(str(conflict), self.differences(theirs), choices_,
                           back=_("Back to my screening"), theirs_title=_("Theirs (saved)"),
                           mine_title=_("Yours (not saved)"), title=title),
            chosen,
        )
