"""One step of the road home, for one worker or several at once (a group action).

The dialog opens on the status that comes next (`store.domain.road.next_status`); the keys 1–5
choose another. The organisation responsible, the date done, the deadline and a note are typed; a
field left as it opened changes nothing. Saving goes through `Database.set_step`, as one change for
every worker chosen; a save that changes nothing says so. A step marked done before the steps
it depends on is refused with the reason, naming every worker refused; the dialog then asks why
(the answer is kept on the step) and everything typed stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store import N_, PulangError, StepOrderRefused, _, clock, date_for_input
from store.domain import (
    InputProblem,
    Plan,
    StepStatus,
    Template,
    label,
    next_status,
    parse_date,
    printable,
)
from tui.translate import TranslatedBindings
from tui.widgets import DateInput, TextInput

if TYPE_CHECKING:
    from tui.app import PulangApp

STATUS_KEYS: dict[str, StepStatus] = {
    "1": StepStatus.TODO,
    "2": StepStatus.IN_PROGRESS,
    "3": StepStatus.DONE,
    "4": StepStatus.NOT_NEEDED,
    "5": StepStatus.BLOCKED,
}


class StepDialog(TranslatedBindings, ModalScreen[list[Plan] | None]):
    """Set one step for the workers named; dismisses with the plans that changed, or None."""

    AUTO_FOCUS = ""  # no field: the keys 1-5 set the status until Tab goes into one
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="step.save"),
        Binding("escape", "cancel", N_("Cancel"), id="step.cancel"),
        Binding("f1", "app.help", N_("Help"), id="step.help"),
    ]
    HELP = N_(
        "One step of the road home, for the workers named at the top; the line under them says "
        "where the step stands now. The dialog opens on the status that comes next (to do or "
        "blocked: in progress; in progress: done), for one worker as for several, so Ctrl+S "
        "moves the step one forward. The keys 1 to 5 (Alt+1 to Alt+5 while the cursor is in a "
        "field) set another: 1 to do, 2 in progress, 3 done, 4 not needed, 5 blocked. Tab "
        "moves between the organisation responsible, the date done (today when left empty), "
        "the deadline (e.g. a visa overstay date or a flight) and a note; dates are DD/MM/YYYY, "
        "or +2, -1, +1w, today, besok. For several workers a field shows a value only when "
        "they all have it; a field left as it opened changes nothing, a field changed is set "
        "for every worker named. Ctrl+S saves, as one change; a save that would change nothing "
        "says so and keeps the dialog open. Escape closes without saving. A step marked done "
        "before the steps it depends on is refused, naming every worker concerned: write why "
        "in the field that appears, and save again."
    )

    def __init__(self, case_id: str, template: Template, key: str,
                 workers: list[tuple[str, str]], plans: Mapping[str, Plan]) -> None:
        """`workers`: (id, name) of each worker to set; `plans`: their plans, whose step fills
        the fields (a value they all share) and gives the status to open on."""
        super().__init__()
        self.case_id = case_id
        self.template = template
        self.key = key
        self.chosen = workers
        states = [plans[w].state(key) for w, _name in workers if w in plans]
        notes = [plans[w].notes.get(key, "") for w, _name in workers if w in plans]
        self.now = [state.status for state in states]
        self.status = next_status(self.now)

        def shared(values: list[str]) -> str:
            return values[0] if values and len(set(values)) == 1 else ""

        self.start = {
            "org": shared([state.org for state in states]),
            "done_on": shared([date_for_input(state.done_on) for state in states]),
            "deadline": shared([date_for_input(state.deadline) for state in states]),
            "note": shared(notes),
        }
        # Fields whose workers differ: empty, and left so they keep each worker's own.
        self.mixed = {"org": len({s.org for s in states}) > 1,
                      "done_on": len({s.done_on for s in states}) > 1,
                      "deadline": len({s.deadline for s in states}) > 1,
                      "note": len(set(notes)) > 1}
        self._saving = False
        self._need_reason = False
        self._start_status = self.status

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        step = self.template.step(self.key)
        number = self.template.keys.index(self.key) + 1
        names = ", ".join(printable(name, limit=40) for _id, name in self.chosen[:4])
        if len(self.chosen) > 4:
            names += " " + _("and {count} more").format(count=len(self.chosen) - 4)
        with Vertical(id="step-dialog"):
            yield Label(printable(f"{number}. {step.shown}"), id="step-title", markup=False)
            yield Static(_("For: {names}").format(names=names), id="step-for", markup=False)
            yield Static(_("Now: {statuses}").format(statuses=self._now()), id="step-now",
                         markup=False)
            if step.by:
                yield Static(_("Usually done by: {who}").format(who=_(step.by)),
                             classes="step-hint", markup=False)
            yield Static("", id="step-status", markup=False)
            for name, title in (("org", N_("Organisation responsible")),
                                ("done_on", N_("Date done")), ("deadline", N_("Deadline")),
                                ("note", N_("Note"))):
                placeholder = {"done_on": _("empty: today, once done"),
                               "deadline": _("DD/MM/YYYY")}.get(name, "")
                if self.mixed[name]:
                    placeholder = _("differs: left empty, each keeps theirs")
                with Horizontal(classes="step-row"):
                    yield Label(_(title), classes="step-label")
                    if name in ("done_on", "deadline"):
                        yield DateInput(self.start[name], id=f"s-{name}",
                                        echo=f"s-{name}-echo", placeholder=placeholder)
                    else:
                        yield TextInput(self.start[name], id=f"s-{name}",
                                        placeholder=placeholder)
                if name in ("done_on", "deadline"):  # what "+2" or "besok" means
                    yield Static("", id=f"s-{name}-echo", classes="step-echo", markup=False)
            with Horizontal(classes="step-row", id="reason-row"):
                yield Label(_("Why out of order"), classes="step-label")
                yield TextInput("", id="s-reason")
            yield Static("", id="step-error", markup=False)
            yield Static(_("1–5 status (Alt+1–5 in a field) · Tab fields · Ctrl+S save · Esc "
                           "cancel"), classes="step-hint", markup=False)

    def _now(self) -> str:
        """Where the step stands for the workers named: "to do", or "7 to do · 3 done"."""
        if len(self.now) == 1:
            return label(self.now[0])
        return " · ".join(f"{self.now.count(status)} {label(status)}"
                          for status in STATUS_KEYS.values() if status in self.now)

    def on_mount(self) -> None:
        self.query_one("#reason-row").display = False
        self._show_status()

    def _show_status(self) -> None:
        marks = " ".join(f"[{k} {label(s)}]" if s is self.status else f" {k} {label(s)} "
                         for k, s in STATUS_KEYS.items())
        self.query_one("#step-status", Static).update(_("Status: {choices}").format(choices=marks))

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        number = key.removeprefix("alt+")
        focused_input = isinstance(self.focused, Input)
        if number in STATUS_KEYS and (key.startswith("alt+") or not focused_input):
            self.status = STATUS_KEYS[number]
            self._show_status()
            event.stop()  # type: ignore[attr-defined]
            event.prevent_default()  # type: ignore[attr-defined]

    @on(Input.Submitted)
    def _next(self) -> None:
        self.focus_next()

    def _date(self, name: str, label_text: str) -> dt.date | None:
        text = self.query_one(f"#s-{name}", Input).value
        try:
            return parse_date(text)
        except InputProblem as problem:
            raise PulangError(f"{label_text}: {problem}") from None

    def _typed(self, name: str) -> str | None:
        """What a field holds, or None when it is as it opened (it changes nothing)."""
        text = self.query_one(f"#s-{name}", Input).value.strip()
        return None if text == self.start[name] else text

    def action_save(self) -> None:
        if self._saving:
            return
        try:
            done_on = self._date("done_on", _("Date done"))
            deadline: dt.date | None | str = (
                "keep" if self._typed("deadline") is None else self._date("deadline",
                                                                          _("Deadline")))
        except PulangError as error:
            self._error(str(error))
            return
        if done_on is not None and done_on > clock.today():
            self._error(_("Date done: must not be in the future"))
            return
        org = self._typed("org")
        note = self._typed("note")
        reason = self.query_one("#s-reason", Input).value.strip() or None
        if self._need_reason and reason is None:
            self._error(_("Write why the step is done before the steps it depends on."))
            self.set_focus(self.query_one("#s-reason", Input))
            return
        ids = [worker_id for worker_id, _name in self.chosen]
        db = self.pulang.db
        assert db is not None
        status = self.status
        self._saving = True
        self.pulang.run_store(
            lambda: db.set_step(self.case_id, ids, self.key, status, org=org,
                                done_on=done_on, deadline=deadline, note=note, reason=reason),
            self._saved, self._refused, what="step")

    def _saved(self, plans: list[Plan]) -> None:
        self._saving = False
        if not plans:  # every worker named has the step so already
            self._error(_("Nothing changed: the step is already so for every worker named. "
                          "Choose another status (1–5) or change a field, or Escape."))
            return
        self.dismiss(plans)

    def _refused(self, error: PulangError) -> None:
        self._saving = False
        if isinstance(error, StepOrderRefused):
            self._need_reason = True
            self.query_one("#reason-row").display = True
            message = printable(str(error), limit=400)
            if len(self.chosen) > 1:  # who, every one of them
                message += " (" + ", ".join(printable(name, limit=30)
                                            for name in error.names.values()) + ")"
            self.query_one("#step-error", Static).update(message)
            self.set_focus(self.query_one("#s-reason", Input))
            return
        self._error(str(error))

    def _error(self, message: str) -> None:
        self.query_one("#step-error", Static).update(printable(message, limit=400))

    @property
    def is_dirty(self) -> bool:
        """A status chosen or a field typed, not yet saved (Ctrl+Q asks first then)."""
        typed = {name: self.query_one(f"#s-{name}", Input).value for name in self.start}
        return (self.status is not self._start_status or typed != self.start
                or bool(self.query_one("#s-reason", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
