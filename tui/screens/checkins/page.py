"""One worker's check-ins after return (issue 35), their page: the schedule of the union's
check-ins (1, 3, 6 and 12 months after the flight home by default: each due date, and done on
which date, or overdue), then every check-in recorded with its scores (economic, social,
psychosocial, overall, 0-100, unweighted, how many answered of how many under the cursor) and
its signs of re-recruitment, shown loud until someone records what was done about them.

Opened from the case page (i on the worker under the cursor), the palette, and Today's lines
of signs and of check-ins due (`open_worker_checkins`). A page of its own rather than a part of
the worker's legal status and money (w): that page already holds two tables at 80x24, and a
check-in is about the worker's life at home, not their case against anyone."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from store import N_, _, clock, format_date, ngettext
from store.domain import (
    DIMENSIONS,
    OVERALL,
    CheckIn,
    Due,
    Worker,
    home_on,
    indicators,
    label,
    printable,
    re_recruitment,
    worker_numbers,
)
from tui.data_changed import first_load
from tui.screens.checkins.follow import CheckInActions
from tui.screens.checkins.form import CheckInForm
from tui.screens.checkins.words import (
    method_note,
    score_value,
    scores_line,
    scores_of,
    sign_names,
    which,
    which_short,
)
from tui.screens.worker_page import OneWorkersPage
from tui.translate import TranslatedBindings
from tui.widgets import FollowsOtherOfficers, RecordTable, cell

if TYPE_CHECKING:
    from collections.abc import Callable

    from tui.app import PulangApp

_LOUD = "bold reverse"  # in the characters too (⚠): read without colours (NO_COLOR)


class CheckInsScreen(CheckInActions, OneWorkersPage, FollowsOtherOfficers, TranslatedBindings,
                     Screen[None]):
    """A worker's schedule of check-ins and the check-ins recorded."""

    NAVIGATION_KEYS = True
    DEFAULT_CSS = """
    CheckInsScreen #ci-who { height: auto; max-height: 2; padding: 0 1; }
    CheckInsScreen #ci-alert { height: auto; max-height: 3; padding: 0 1; display: none; }
    CheckInsScreen #ci-alert.shown { display: block; }
    CheckInsScreen #schedule-box { height: auto; }
    CheckInsScreen #schedule { height: auto; max-height: 8; }
    CheckInsScreen #ci-before { height: auto; padding: 0 1; color: $text-muted; }
    CheckInsScreen #checkins-box { height: 1fr; }
    CheckInsScreen #checkins { height: 1fr; }
    CheckInsScreen #ci-detail { height: auto; max-height: 5; padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="checkins.back"),
        Binding("n", "new_checkin", N_("New check-in"), id="checkins.new"),
        Binding("f", "follow_up", N_("Follow up signs"), id="checkins.follow"),
        Binding("d", "remove", N_("Remove"), id="checkins.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="checkins.help"),
    ]
    HELP = N_(
        "One worker's check-ins after their return. Above, the schedule: a check-in is due 1, "
        "3, 6 and 12 months after the day the flight home was marked done (the union may "
        "change the months with PULANG_CHECKINS), each with its due date and the day it was "
        "done, or ! overdue. Before the flight home is marked done there is no schedule. "
        "Below, every check-in recorded, newest last, with the check-in of the schedule it "
        "answers (or between check-ins), how the worker was reached, and its scores from 0 to "
        "100: economic, social, psychosocial and overall. The scores are unweighted, the mean "
        "of the answers given: no published weight could be used, so they are not IOM's "
        "weighted scores. The line under the table says, for the check-in under the cursor, "
        "how many questions of each dimension were answered. A check-in with signs of "
        "re-recruitment is marked ⚠ and the worker is on Today until f records what was done "
        "(a note, dated today). n records a new check-in; Enter edits the one under the "
        "cursor; d removes it, after asking; Escape goes back."
    )

    def __init__(self, case_id: str, worker_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.worker_id = worker_id
        self.worker_name = ""
        self.checkins: list[CheckIn] = []
        self.schedule: list[Due] = []
        self.home: dt.date | None = None
        self._draft: dict[str, Any] | None = None  # a form to open again once mounted
        self._loaded = False

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="ci-who", markup=False)
        yield Static("", id="ci-alert", markup=False)
        with Vertical(id="schedule-box"):
            yield Label("", id="schedule-title", classes="section-title")
            yield RecordTable(id="schedule")
            yield Static("", id="ci-before", markup=False)
        with Vertical(id="checkins-box"):
            yield Label("", id="checkins-title", classes="section-title")
            yield RecordTable(enter_label=_("Edit"), id="checkins")
        yield Static("", id="ci-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        if not first_load(self, self.reload, self.others_changed):
            return
        table = self.query_one("#checkins", RecordTable)
        if self.checkins:
            table.move_to_key(self.checkins[-1].id)
        self.set_focus(table)
        self.show_detail()
        self._loaded = True
        draft, self._draft = self._draft, None
        if draft is not None:
            self.reopen_draft(draft)

    def reload(self) -> None:
        db = self.pulang.db
        case, workers, worker = self.case_and_worker(db)
        self.worker_name = worker.name_in_rows if worker.erased_at is None else \
            _("Worker {number}").format(number=worker_numbers(workers).get(worker.id, 0))
        self.checkins = sorted(db.checkins_of(self.case_id, self.worker_id),
                               key=lambda c: (c.on, c.created_at.isoformat()
                                              if c.created_at else "", c.id))
        self.schedule = db.checkin_schedule(self.worker_id)
        self.home = home_on(db.plans_of(self.case_id).get(self.worker_id))
        self.title = printable(f"{case.ref} · " + _("Check-ins after return"), limit=200)
        self.query_one("#ci-who", Static).update(self._who(worker, workers))
        self.render_alert()
        self.render_schedule()
        self.render_checkins()
        self.show_detail()

    def _who(self, worker: Worker, workers: list[Worker]) -> str:
        number = worker_numbers(workers).get(worker.id, 0)
        who = _("Worker {number}: {name}").format(
            number=number, name=printable(worker.name_in_rows, limit=120)) \
            if worker.erased_at is None else _("Worker {number}").format(number=number)
        if self.home is None:
            return who
        return _("{who} · home since {date}").format(who=who, date=format_date(self.home))

    def unfollowed(self) -> CheckIn | None:
        """The latest check-in, when it shows signs no one has followed up (Today's rule)."""
        last = self.checkins[-1] if self.checkins else None
        if last is None or last.followed_on is not None:
            return None
        return last if re_recruitment(last.answers, indicators()) else None

    def render_alert(self) -> None:
        alert = self.query_one("#ci-alert", Static)
        last = self.unfollowed()
        alert.set_class(last is not None, "shown")
        if last is None:
            alert.update("")
            return
        said = _("⚠ SIGNS OF RE-RECRUITMENT ({date}): {signs}. Not followed up yet: f records "
                 "what was done.").format(date=format_date(last.on),
                                          signs=sign_names(re_recruitment(last.answers,
                                                                          indicators())))
        alert.update(Text(printable(said, limit=400), style=_LOUD))

    def render_schedule(self) -> None:
        table = self.query_one("#schedule", RecordTable)
        before = self.query_one("#ci-before", Static)
        table.clear(columns=True)
        table.display = bool(self.schedule)
        if not self.schedule:
            self.query_one("#schedule-title", Label).update(_("Schedule"))
            before.display = True
            before.update(_("Check-ins start when the flight home is marked done (the road "
                            "home's step on the case page): then they fall due at the union's "
                            "months after that day."))
            return
        before.display = False
        today = clock.today()
        for title, width in ((N_("Check-in"), 22), (N_("Due"), 12), (N_("Done"), 36)):
            table.add_column(_(title), width=width)
        for due in self.schedule:
            if due.done is not None:
                state = Text(_("done on {date}").format(date=format_date(due.done.on)))
            elif due.overdue(today):
                state = Text("! " + _("overdue"), style=_LOUD)
            elif due.due == today:
                state = Text(_("due today"))
            else:
                state = Text(_("not yet"))
            table.add_row(cell(which(due.month)), format_date(due.due), state,
                          key=str(due.month))
        done = sum(d.done is not None for d in self.schedule)
        self.query_one("#schedule-title", Label).update(
            _("Schedule: {done} of {count} done").format(done=done, count=len(self.schedule)))

    def render_checkins(self) -> None:
        table = self.query_one("#checkins", RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        heads = [(N_("Date"), 11), (N_("Check-in"), 10), (N_("How"), 11)]
        heads += [(N_("Econ."), 5), (N_("Soc."), 5), (N_("Psy."), 5), (N_("All"), 5),
                  (N_("Signs"), 8)]
        for title, width in heads:
            table.add_column(_(title), width=width)
        for checkin in self.checkins:
            found = scores_of(checkin)
            scores = []
            for name in (*DIMENSIONS, OVERALL):
                shown = Text(score_value(found[name]))
                shown.justify = "right"
                scores.append(shown)
            table.add_row(format_date(checkin.on), cell(which_short(checkin.month)),
                          cell(label(checkin.how)), *scores, self._signs_cell(checkin),
                          key=checkin.id)
        table.move_to_key(keep)
        self.query_one("#checkins-title", Label).update(
            _("Check-ins ({count}) · n new · {method}").format(count=len(self.checkins),
                                                               method=method_note()))

    def _signs_cell(self, checkin: CheckIn) -> Text:
        signs = re_recruitment(checkin.answers, indicators())
        if not signs:
            return Text("")
        if checkin.followed_on is not None:
            return Text(f"⚠ {len(signs)} ✓")
        return Text(f"⚠ {len(signs)} !", style=_LOUD)

    @on(RecordTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    def on_descendant_focus(self) -> None:
        self.show_detail()

    def current(self) -> CheckIn | None:
        table = self.query_one("#checkins", RecordTable)
        return next((c for c in self.checkins if c.id == table.current_key), None)

    def show_detail(self) -> None:
        """The check-in under the cursor: its scores, each with how many were answered, the
        method beside them; its signs, and whether (when, how) they were followed up."""
        detail = self.query_one("#ci-detail", Static)
        checkin = self.current()
        if checkin is None:
            detail.update(_("No check-in recorded yet: n records one.") if not self.checkins
                          else "")
            return
        text = Text(printable(scores_line(checkin), limit=400))
        signs = re_recruitment(checkin.answers, indicators())
        if signs:
            text.append("\n")
            text.append(printable("⚠ " + ngettext(
                "Sign of re-recruitment: {signs}", "Signs of re-recruitment: {signs}",
                len(signs)).format(signs=sign_names(signs)), limit=200), style=_LOUD)
            if checkin.followed_on is not None:
                text.append("\n" + printable(_("Followed up on {date}: {what}").format(
                    date=format_date(checkin.followed_on), what=checkin.followed_note),
                    limit=200))
            else:
                text.append("\n" + _("Not followed up yet: f records what was done."))
        if checkin.notes.strip():
            text.append("\n" + printable(checkin.notes, limit=200))
        detail.update(text)

    # -- actions ----------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_new_checkin(self) -> None:
        self._open(CheckInForm(None, self.case_id, self.worker_id, self.worker_name,
                               self.schedule))

    @on(RecordTable.RowSelected, "#checkins")
    def _selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        checkin = self.current()
        if checkin is not None:
            self._open(CheckInForm(checkin, self.case_id, self.worker_id, self.worker_name,
                                   self.schedule))

    def _open(self, form: CheckInForm) -> None:
        self.app.push_screen(form, self._after_edit)

    def _after_edit(self, saved: object) -> None:
        """The scores of what was saved, said; a sign of re-recruitment, said loud."""
        if not isinstance(saved, CheckIn):
            return
        self._reload_shown()
        table = self.query_one("#checkins", RecordTable)
        table.move_to_key(saved.id)
        self.set_focus(table)
        self.show_detail()
        # Short: the scores stay on the line under the table, the signs in the banner; the
        # notices cover the table's right-hand columns while they are shown.
        self.notify(printable(scores_line(saved), limit=400), title=_("Check-in saved"),
                    timeout=5, markup=False)
        signs = re_recruitment(saved.answers, indicators())
        if signs and saved.followed_on is None:
            self.notify(printable(_("Signs of re-recruitment ({signs}): {name} is now on "
                                    "Today, until f records what was done.").format(
                signs=sign_names(signs), name=self.worker_name), limit=400),
                title=_("Warning"), severity="warning", timeout=8, markup=False)

    def reopen_draft(self, draft: dict[str, Any]) -> None:
        """The form of this page open when the app locked, opened again as it was."""
        record = draft.get("record")
        if not self._loaded:  # the schedule and the name are read on mounting: then
            self._draft = draft
            return
        form = CheckInForm(CheckIn.model_validate(record) if record else None, self.case_id,
                           self.worker_id, self.worker_name, self.schedule)
        form.restore_values = draft["values"]
        form.restore_focus = draft.get("focus")
        self._open(form)


def open_worker_checkins(app: PulangApp, case_id: str, worker_id: str,
                         done: Callable[[None], object] | None = None) -> CheckInsScreen:
    """Push the worker's check-ins (from the case page, the palette, Today)."""
    screen = CheckInsScreen(case_id, worker_id)
    app.push_screen(screen, done)
    return screen
