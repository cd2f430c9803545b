"""Today: what needs chasing this morning, across every open case, and where to go for each.

The first screen after opening (the cases list stays under it). Its content comes from
`Database.today()`, computed in a thread; until the data is loaded it says so, and keys pressed
meanwhile still work (n, /, 2).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, DatabaseLocked, PulangError, _, format_date
from store.domain import printable
from tui import perf
from tui.data_changed import DataChanged, follow_data_changes
from tui.screens.decide_marks import DECIDE
from tui.screens.intake.start import IntakeKey
from tui.screens.to_decide import Pending, conflict_options, decisions, open_decision
from tui.screens.today_checkins import CheckInsOnToday
from tui.screens.today_coming import UNFOLD, ComingUpOnToday
from tui.screens.today_inquiries import InquiriesOnToday
from tui.screens.today_keeping import KeepingOnToday
from tui.screens.today_legal import HearingsOnToday
from tui.store_work import run_store
from tui.translate import TranslatedBindings, date_cells
from tui.widgets.caselist import fit
from tui.widgets.sync_line import SyncLine
from tui.widgets.today_list import (
    TodayList,
    awaiting_text,
    deadline_text,
    task_source,
    today_counts,
)

if TYPE_CHECKING:
    from store.domain import Missing, Today
    from tui.app import PulangApp

# Widths of the columns the rows share: a mark (at least), a date, the case reference (at
# least: never cut, it is how officers name a case); and a task's owner.
_MARK, _REF, _OWNER = 10, 12, 18
# Rows listed per section at most (the header counts them all): a large database can have tens
# of thousands of next steps due, and drawing them all would stall the screen (drawing 200 a
# section took 0.7 s on the benchmark's 10,000 cases: each line is laid out as it is added).
# Three screens' worth at 80x24; the rest are on each case.
_MOST_ROWS = 60
# Room the list's scrollbar takes from the screen's width, before the list is laid out.
_CHROME = 2


class TodayScreen(IntakeKey, CheckInsOnToday, InquiriesOnToday, HearingsOnToday,
                  ComingUpOnToday, KeepingOnToday, TranslatedBindings, Screen[None]):
    NAVIGATION_KEYS = True  # 1 (Today) and 2 (the cases list) leave this screen
    BINDINGS = [
        Binding("2", "app.show_cases", N_("Cases"), show=False, id="today.cases"),
        Binding("escape", "app.show_cases", N_("Cases"), show=False, id="today.back"),
        Binding("n", "new_case", N_("New case"), id="today.new"),
        Binding("i", "intake", N_("Intake"), id="today.intake"),
        Binding("e", "export", N_("Export…"), show=False, id="today.export"),
        # priority: keys typed right after it go to the cases filter, not to this list
        Binding("slash", "filter", N_("Find a case"), id="today.filter", priority=True),
        Binding("plus", "unfold", N_("Show all coming up, or fewer"), show=False,
                id="today.unfold"),
        Binding("f1", "app.help", N_("Help"), id="today.help"),
        Binding("ctrl+y", "app.sync", N_("Sync"), id="today.sync"),
        Binding("Y", "app.sync_file", N_("Sync by file…"), show=False, id="today.sync_file"),
    ]
    HELP = N_(
        "Today: what needs chasing across every open case. First, when a sync found any: "
        "conflicts to decide, records two sites changed while apart, or a partner "
        "organisation changed in a case shared with it (Enter shows both). "
        "Next steps of the log that are "
        "overdue (marked ! overdue) or due within a week; family inquiries that may have found "
        "a worker, to confirm (Enter opens the inquiry); steps home whose deadline is within a "
        "week; hearings and legal deadlines of workers' legal matters (a hearing, an appeal or "
        "a fine due), overdue ones first, each with the worker, the kind of matter and what is "
        "due, until the matter is closed; partners who have not answered for a few days (set "
        "how many with PULANG_REPLY_DAYS, 3 by default); tasks from meetings and agreements "
        "that are overdue or due within a week, until they are marked done; workers without a "
        "screening or a consent; last, coming up: next steps, step deadlines, hearings and "
        "tasks due after the week, within 30 days (set how many with PULANG_TODAY_DAYS), the "
        "first five shown: + (or Enter on the line that says how many more) shows them all, + "
        "again only the first five. Up and down move between the lines, Enter opens the case "
        "at that entry, worker or step (a hearing: the worker's legal status and money), or "
        "the meeting or agreement "
        "a task comes from. 2 or Escape shows the list of all cases, and 1 or t comes back "
        "here from the list or a case. n starts a new case; i takes in a list of people "
        "released or found (an embassy's, a shelter's, the police's), each row checked against "
        "the workers recorded; / finds a case by reference, title, place or name. e exports "
        "the database "
        "to a file (json, csv or htcds statistics). Ctrl+Y syncs with the union's hub; Y "
        "(shift+y) syncs by file where there is no link."
    )

    def __init__(self) -> None:
        super().__init__()
        self.view: Today | None = None
        self.cases = 0  # how many cases there are, open or closed
        # Where Enter goes from each line: option id -> (case id, focus for the case screen).
        self.targets: dict[str, tuple[str, dict[str, str]]] = {}
        self.records: dict[str, tuple[str, str]] = {}  # ...or a task's, an inquiry's record
        self.hearing_lines = {}  # ...or a hearing's (today_legal.py)
        self._started = 0.0
        self._painted = False
        self.to_decide: list[Pending] = []  # records a sync left in conflict
        self._had_conflicts = False
        self._warned = False  # the settings' warnings are told once
        self.drawn_early = False  # drawn from the stored items, before the records were read

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Opening the database…"), id="today-counts", markup=False)
        yield TodayList(id="today")
        yield SyncLine()
        yield Footer()

    def on_mount(self) -> None:
        follow_data_changes(self, self.others_changed)
        self.title = _("Today")
        self.set_focus(self.query_one(TodayList))
        self.pulang.when_loaded(self.reload)

    def on_screen_resume(self) -> None:
        # Back from a case or a form: what was done there may have changed what is due.
        if self.view is not None:
            self.reload()

    conflicts_found = on_screen_resume  # the app read which records a sync left in conflict

    def others_changed(self, change: DataChanged) -> None:
        """Another officer changed the database: redraw now if in front, else on return."""
        if self is self.app.screen and self.view is not None:
            self.reload()

    def on_resize(self) -> None:
        if self.view is not None:
            self.render_view()

    def show_status(self, text: str) -> None:
        """While the database opens: how far it has got."""
        if self.view is None:
            self.query_one("#today-counts", Static).update(text)

    # -- data ------------------------------------------------------------------------------

    def show_early(self, view: Today, cases: int) -> None:
        """Today drawn from the items stored with the snapshot, before the records are read
        (`store.engine.agenda`); the view worked out once they are replaces it."""
        if self.view is not None or not self.is_attached or not self.query("#today-counts"):
            return
        self._started = self._started or time.monotonic()
        self.drawn_early = True
        self._computed((view, cases, []))

    def reload(self) -> None:
        """Ask the store for today's list, in a thread (never on the event loop)."""
        self._started = time.monotonic()
        db = self.pulang.db
        if db is None or db.locked:
            return
        marked = bool(self.pulang.sync_conflicts)
        run_store(self, lambda: (db.today(), len(db.case_rows()), decisions(db, marked)),
                  self._computed, self._not_computed, group="today", exclusive=True)

    def _not_computed(self, error: PulangError) -> None:
        if isinstance(error, DatabaseLocked):
            return  # locked meanwhile: this screen is on its way out
        self.query_one("#today-counts", Static).update(printable(str(error)))

    def _computed(self, computed: tuple[Today, int, list[Pending]]) -> None:
        view, cases, to_decide = computed
        if not self.is_attached or not self.query("#today-counts"):
            return  # on its way out: its widgets are going
        if (view, cases, to_decide) == (self.view, self.cases, self.to_decide):
            # As drawn already (from the items read before the records, say): not drawn
            # again (a second or so at 50,000 cases); the inquiries' matches asked anew.
            self.view = view
            self.ask_inquiries()
            return
        self.view, self.cases, self.to_decide = view, cases, to_decide
        if not self._warned:
            self._warned = True
            for warning in view.warnings:
                self.notify(warning, severity="warning", timeout=15, markup=False)
        self.render_view()
        if perf.enabled() and not self._painted:
            self._painted = True
            ms = round((time.monotonic() - self._started) * 1000, 2)
            self.call_after_refresh(perf.mark, "today_shown", ms=ms,
                                    lines=self.query_one(TodayList).option_count)

    # -- drawing ---------------------------------------------------------------------------

    def counts(self) -> str:
        assert self.view is not None
        return today_counts(self.view, len(self.waiting), len(self.signs),
                            len(self.checkins_due))

    def render_view(self) -> None:
        view = self.view
        assert view is not None
        listing = self.query_one(TodayList)
        keep = None
        if listing.highlighted is not None and listing.option_count:
            keep = listing.get_option_at_index(listing.highlighted).id
        # The scrollbar's column kept free whether it shows yet or not: the lines are laid out
        # once the rows are known, often before the list has grown its scrollbar, and a width
        # taken from the region left beside it depended on which came first.
        room = listing.size.width
        inner = room - listing.styles.scrollbar_size_vertical if room else 0
        width = max(40, (inner or self.size.width - _CHROME) - 1)
        # The mark column as wide as its longest word in this language (within reason).
        late_mark = "! " + _("overdue")
        mark_width = max(_MARK, min(16, max(cell_len(t) for t in (
            late_mark, _("today"), _("{days} days").format(days=99),
            _("in {days} days").format(days=99)))))
        ref_width = max([_REF, *(len(ref) for ref in self.refs())])  # references are ASCII
        self.date_width = date_cells()  # as wide as this language's widest date
        rest = width - mark_width - self.date_width - ref_width - 3
        options: list[Option] = []
        self.targets, self.records, self.hearing_lines = {}, {}, {}

        def title(text: str, count: int) -> None:
            shown = _("{title} ({count})").format(title=text, count=count) if count else \
                _("{title}: none").format(title=text)
            options.append(Option(Text(shown, style="bold underline"), disabled=True))

        def row(key: str, case_id: str, focus: dict[str, str], mark: Text,
                *cells: tuple[str, int]) -> None:
            # Record text (a name, a next step) goes in as plain text, never as markup.
            line = Text(no_wrap=True, overflow="ellipsis", end="")
            line.append(mark)
            for text, cell_width in cells:
                line.append(" " + fit(text, cell_width))
            self.targets[key] = (case_id, focus)
            options.append(Option(line, id=key))

        def mark(overdue: bool, other: str = "") -> Text:
            if overdue:  # in the characters, not only in the style: NO_COLOR, monochrome
                return Text(fit(late_mark, mark_width), style="bold reverse")
            return Text(fit(other, mark_width))

        def more(total: int) -> None:
            if total > _MOST_ROWS:
                options.append(Option(Text(_("… and {count} more: see each case").format(
                    count=total - _MOST_ROWS)), disabled=True))

        keep = self.newly_signed() or keep  # signs newly found: the cursor goes to them
        self.signs_section(title, row, mark_width, ref_width, rest,  # signs of re-recruitment
                           _MOST_ROWS, options)
        if self.to_decide:  # first: what the officer reads elsewhere may not be the last word
            if not self._had_conflicts:  # newly found: the cursor goes to them
                keep = self.to_decide[0].key
            title(_("Conflicts to decide"), len(self.to_decide))
            options += conflict_options(self.to_decide, self.records, mark_width, ref_width,
                                        width)
        self._had_conflicts = bool(self.to_decide)
        day = view.day
        title(_("Overdue and due this week"), len(view.follow_ups))
        for f in view.follow_ups[:_MOST_ROWS]:
            row(f"f:{f.entry_id}", f.case_id, {"entry": f.entry_id},
                mark(f.due < day, _("today") if f.due == day else ""),
                (format_date(f.due), self.date_width), (f.ref, ref_width), (f.next_step, rest))
        more(len(view.follow_ups))
        self.inquiry_section(title, options, mark_width, ref_width, width)  # to confirm
        title(_("Step deadlines within 7 days"), len(view.deadlines))
        for d in view.deadlines[:_MOST_ROWS]:
            row(f"d:{d.worker_id}:{d.step}", d.case_id, {"worker": d.worker_id, "step": d.step},
                mark(d.deadline < day, _("today") if d.deadline == day else ""),
                (format_date(d.deadline), self.date_width), (d.ref, ref_width),
                (deadline_text(d), rest))
        more(len(view.deadlines))
        self.hearing_section(title, options, mark, ref_width, rest, _MOST_ROWS)
        title(_("Awaiting reply"), len(view.awaiting))
        for a in view.awaiting[:_MOST_ROWS]:
            row(f"a:{a.entry_id}", a.case_id, {"entry": a.entry_id},
                mark(False, _("{days} days").format(days=(day - a.since).days)),
                (format_date(a.since), self.date_width), (a.ref, ref_width),
                (awaiting_text(a), rest))
        more(len(view.awaiting))
        title(_("Tasks from meetings and agreements"), len(view.tasks))
        task_rest = width - mark_width - self.date_width - _OWNER - 3
        for t in view.tasks[:_MOST_ROWS]:
            key = f"t:{t.task_id}"
            self.records[key] = task_source(t)
            line = Text(no_wrap=True, overflow="ellipsis", end="")
            line.append(mark(t.due < day, _("today") if t.due == day else ""))
            what = f"{t.text} · {t.source}" if t.source else t.text
            for text, cell_width in ((format_date(t.due), self.date_width),
                                     (t.owner or _("nobody yet"), _OWNER), (what, task_rest)):
                line.append(" " + fit(text, cell_width))
            options.append(Option(line, id=key))
        if len(view.tasks) > _MOST_ROWS:
            options.append(Option(Text(_("… and {count} more: see each meeting or "
                                         "agreement").format(count=len(view.tasks) - _MOST_ROWS)),
                                  disabled=True))
        self.checkins_due_section(title, row, mark, options, ref_width, rest, _MOST_ROWS)
        title(_("Without screening or consent"), view.missing_count)
        def lacking_of(m: Missing) -> str:
            return ", ".join([*([] if m.screening else [_("no screening")]),
                              *([] if m.consent else [_("no consent")])])

        lacking_width = min(max((cell_len(lacking_of(m)) for m in view.missing), default=0),
                            width - ref_width - 2 - 20)
        for m in view.missing:
            lacking = lacking_of(m)
            row(f"m:{m.worker_id}", m.case_id, {"worker": m.worker_id}, Text(""),
                (m.ref, ref_width), (m.worker, width - ref_width - lacking_width - 3),
                (lacking, lacking_width))
        if (hidden := view.missing_count - len(view.missing)) > 0:
            options.append(Option(Text(_("… and {count} more: see each case").format(
                count=hidden)), disabled=True))
        self.keeping_section(title, row, options, mark, ref_width, rest, _MOST_ROWS)
        # Last: what is not due this week yet.
        self.coming_up_section(title, row, options, mark_width, ref_width, rest, _MOST_ROWS)

        listing.clear_options()
        listing.add_options(options)
        counts = self.query_one("#today-counts", Static)
        if self.targets or self.records or self.hearing_lines or self.signs:
            counts.update(self.counts())
        elif self.cases == 0:
            counts.update(_("No cases yet. Press n to record the first one."))
        else:
            counts.update(_("Nothing to chase today: no next step or deadline this week, no "
                            "partner to chase, every worker screened and with a consent. "
                            "Press 2 for all cases."))
        self._move_to(keep)

    def refs(self) -> set[str]:
        """Every case reference the view shows."""
        view = self.view
        assert view is not None
        items: list[object] = [*view.follow_ups, *view.deadlines, *view.hearings,
                               *view.awaiting, *view.missing, *view.keeping,
                               *(c.item for c in view.coming_up)]
        return {ref for item in items if (ref := getattr(item, "ref", None))}

    def _move_to(self, key: str | None) -> None:
        self.query_one(TodayList).cursor_to(key)

    # -- keys ------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#today")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id or ""
        if chosen == UNFOLD:
            self.action_unfold()
        elif self.pulang.db is None:  # drawn from the stored items: the records come next
            self.notify(_("Still reading the database: this opens as soon as it is read."),
                        timeout=5, markup=False)
            self.pulang.when_loaded(lambda: self._open_line(chosen))
        else:
            self._open_line(chosen)

    def _open_line(self, chosen: str) -> None:
        if self.hearing_chosen(chosen):
            return
        record = self.records.get(chosen)
        if record is not None and record[0] == DECIDE:
            open_decision(self.app, self.to_decide, record[1])
        elif record is not None:
            self.pulang.open_record(*record)
            return
        target = self.targets.get(chosen)
        if target is not None:
            case_id, focus = target
            self.pulang.open_case(case_id, focus=focus)

    def action_new_case(self) -> None:
        self.pulang.when_loaded(self.pulang.new_case)

    def action_export(self) -> None:
        # Imported here for start-up time: the export loads pydantic and TinyDB.
        from tui.dialogs.export import ExportDialog

        self.pulang.when_loaded(lambda: self.app.push_screen(ExportDialog()))

    def action_filter(self) -> None:
        self.pulang.go_to_cases_filter()

