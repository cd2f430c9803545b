"""One step of the road home, for one worker or several at once (a group action).

Status is chosen with the keys 1–5; the organisation responsible, the date done, the deadline
and a note are typed. Saving goes through `Database.set_step`, as one change for every worker
chosen. A step marked done before the steps it depends on is refused with the reason; the
dialog then asks why (the answer is kept on the step) and everything typed stays.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store.errors import PulangError, StepOrderRefused
from store.i18n import N_, _, date_for_input
from store.parse import InputProblem, parse_date
from store.records import Plan
from store.road import Template
from store.text import printable
from store.vocab import StepStatus, label
from tui.translate import TranslatedBindings
from tui.widgets import TextInput

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
    """Set one step for the workers named; dismisses with the plans saved, or None."""

    AUTO_FOCUS = ""  # no field: the keys 1-5 set the status until Tab goes into one
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="step.save"),
        Binding("escape", "cancel", N_("Cancel"), id="step.cancel"),
        Binding("f1", "app.help", N_("Help"), id="step.help"),
    ]
    HELP = N_(
        "One step of the road home, for the workers named at the top. The keys 1 to 5 (Alt+1 "
        "to Alt+5 while the cursor is in a field) set the status: 1 to do, 2 in progress, "
        "3 done, 4 not needed, 5 blocked. Tab moves between the organisation responsible, the "
        "date done, the deadline (e.g. a visa overstay date or a flight) and a note; dates are "
        "DD/MM/YYYY. Ctrl+S saves for every worker named, as one change; Escape closes without "
        "saving. A step marked done before the steps it depends on is refused: write why in the "
        "field that appears, and save again."
    )

    def __init__(self, case_id: str, template: Template, key: str,
                 workers: list[tuple[str, str]], plan: Plan | None) -> None:
        """`workers`: (id, name) of each worker to set; `plan`: the one whose values fill the
        fields (the worker under the cursor), if any."""
        super().__init__()
        self.case_id = case_id
        self.template = template
        self.key = key
        self.chosen = workers
        state = plan.state(key) if plan is not None else None
        # A group action asks most often for "done"; one worker's step starts as it is.
        self.status = StepStatus.DONE if len(workers) > 1 else (
            state.status if state is not None else StepStatus.TODO)
        # One worker: the fields show their step as it is. Several: the organisation and the
        # deadline of the one under the cursor are offered; the date done is today by default.
        self.start = {
            "org": state.org if state is not None else "",
            "done_on": date_for_input(state.done_on) if state and len(workers) == 1 else "",
            "deadline": date_for_input(state.deadline) if state else "",
            "note": (plan.notes.get(key, "") if plan is not None and len(workers) == 1 else ""),
        }
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
            if step.by:
                yield Static(_("Usually done by: {who}").format(who=_(step.by)),
                             classes="step-hint", markup=False)
            yield Static("", id="step-status", markup=False)
            for name, title, value in (("org", N_("Organisation responsible"), self.start["org"]),
                                       ("done_on", N_("Date done"), self.start["done_on"]),
                                       ("deadline", N_("Deadline"), self.start["deadline"]),
                                       ("note", N_("Note"), self.start["note"])):
                with Horizontal(classes="step-row"):
                    yield Label(_(title), classes="step-label")
                    yield TextInput(value, id=f"s-{name}",
                                    placeholder=_("DD/MM/YYYY") if "on" in name or
                                    name == "deadline" else "")
            with Horizontal(classes="step-row", id="reason-row"):
                yield Label(_("Why out of order"), classes="step-label")
                yield TextInput("", id="s-reason")
            yield Static("", id="step-error", markup=False)
            yield Static(_("1–5 status (Alt+1–5 in a field) · Tab fields · Ctrl+S save · Esc "
                           "cancel"), classes="step-hint", markup=False)

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

    def action_save(self) -> None:
        if self._saving:
            return
        try:
            done_on = self._date("done_on", _("Date done"))
            deadline = self._date("deadline", _("Deadline"))
        except PulangError as error:
            self._error(str(error))
            return
        if done_on is not None and done_on > dt.date.today():
            self._error(_("Date done: must not be in the future"))
            return
        org = self.query_one("#s-org", Input).value.strip()
        note = self.query_one("#s-note", Input).value.strip()
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
        self.dismiss(plans)

    def _refused(self, error: PulangError) -> None:
        self._saving = False
        if isinstance(error, StepOrderRefused):
            self._need_reason = True
            self.query_one("#reason-row").display = True
            if len(error.problems) > 1:
                names = ", ".join(printable(n, limit=40) for n in list(error.names.values())[:4])
                self._error(f"{error} ({names})")
            else:
                self._error(str(error))
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
