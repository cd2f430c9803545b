"""The triage of an open intake, at 80x24: its rows grouped by compound (a heading a group: the
compound as the list wrote it, and the registry's place when one matches), two lines a row
(label, name, decision or proposal, the best match with its case, number and score; then why,
and the family inquiry it may answer), the row under the cursor in full on the line below the
list, and a line counting what is decided. m (match), n (new), s (skip), u (undecided) decide
the row under the cursor, saved at once (`Database.decide_row`): a triage left with Escape is
resumed with `i`. a accepts every proposal not decided yet; Ctrl+S confirms the intake into
group cases (`tui.screens.intake.confirm`, then `Database.confirm_intake`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from store import N_, PulangError, _, ngettext
from store.db import current_user, group_rows, row_person
from store.domain import Case, Intake, RowDecision, build, printable
from store.exchange import RowProposal
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.picker import PickerDialog, PickItem, PointedOptionList
from tui.screens.intake.confirm import ConfirmIntakeDialog
from tui.screens.intake.rows import Shown, counts_said, detail_said, heading, row_lines
from tui.translate import TranslatedBindings

if TYPE_CHECKING:
    from tui.app import PulangApp


def shown_of(db: Any, intake: Intake, proposals: Sequence[RowProposal] | None) -> Shown:
    """The matches (from the proposals just made, else matched again), inquiries, groups."""
    if proposals is not None:
        matches = [p.matches for p in proposals]
    else:
        people = [row_person(r) for r in intake.rows]
        matches = db.match_people(people) if people else []
    inquiries = {q.id: q for q in db.inquiries()}
    return Shown(matches, inquiries, group_rows(intake.rows, db.places()))


class TriageScreen(TranslatedBindings, Screen[None]):
    """See the module's doc."""

    DEFAULT_CSS = """
    TriageScreen #triage-counts, TriageScreen #triage-detail { height: auto; padding: 0 1; }
    TriageScreen #triage-detail { max-height: 4; }
    TriageScreen #triage-rows { height: 1fr; }
    """
    BINDINGS = [
        Binding("m", "decide('match')", N_("Match"), id="triage.match"),
        Binding("n", "decide('new')", N_("New"), id="triage.new"),
        Binding("s", "decide('skip')", N_("Skip"), id="triage.skip"),
        Binding("u", "decide('')", N_("Undecided"), id="triage.undecided"),
        Binding("a", "accept_all", N_("Accept all"), id="triage.accept"),
        Binding("ctrl+s", "confirm", N_("Confirm"), id="triage.confirm"),
        Binding("escape", "leave", N_("Later"), id="triage.leave"),
        Binding("f1", "app.help", N_("Help"), id="triage.help"),
    ]
    HELP = N_(
        "The triage of a list taken in: its rows grouped by the compound the list names (and "
        "the registry's place when one has that name), each with what was proposed (marked "
        "?) or decided (marked ✓): match (already a worker in Pulang: the case, the worker's "
        "number and how alike they are, 0 to 100, and why), new (a new worker) or skip. A row "
        "that may answer a family inquiry says so. Up and down move between rows; the line "
        "under the list shows the row under the cursor in full. m links the row to the worker "
        "it is (with several alike, choose one), n makes it a new worker, s skips it, u makes "
        "it undecided again; each decision is saved at once. a accepts every proposal not "
        "decided yet. Ctrl+S confirms: it says what will be made, asks the country of a group "
        "whose compound says none, and makes a group case per compound, each worker new or "
        "linked (a log entry in their own case). Escape leaves the triage open: i on Today or "
        "the cases list resumes it."
    )

    def __init__(self, intake_id: str, proposals: Sequence[RowProposal] | None = None) -> None:
        super().__init__()
        self.intake_id = intake_id
        self.proposals = proposals
        self.intake: Intake | None = None
        self.shown = Shown()
        self.loaded = False

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Matching the list…"), id="triage-counts", markup=False)
        yield PointedOptionList(id="triage-rows")
        yield Static("", id="triage-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Triage")
        db = self.pulang.db
        assert db is not None

        def load() -> tuple[Intake, Shown]:
            intake = db.intake(self.intake_id)
            return intake, shown_of(db, intake, self.proposals)

        def loaded(outcome: tuple[Intake, Shown]) -> None:
            self.intake, self.shown = outcome
            self.sub_title = self.intake.title
            self.render_rows()
            self.set_focus(self.query_one("#triage-rows"))
            self.loaded = True

        self.pulang.run_store(load, loaded, self._say, what="intake")

    # -- showing --------------------------------------------------------------------------

    def render_rows(self) -> None:
        intake = self.intake
        assert intake is not None
        listing = self.query_one("#triage-rows", OptionList)
        highlighted = listing.highlighted
        options: list[Option] = []
        for number, group in enumerate(self.shown.groups):
            options.append(Option(heading(group, intake.rows), id=f"g{number}", disabled=True))
            for index in group.rows:
                options.append(Option(row_lines(intake.rows[index], self._matches(index),
                                                self.shown), id=f"r{index}"))
        listing.clear_options()
        listing.add_options(options)
        if highlighted is not None and highlighted < len(options):
            listing.highlighted = highlighted
        elif len(options) > 1:
            listing.highlighted = 1
        self.query_one("#triage-counts", Static).update(printable(counts_said(intake)))
        self._show_detail()

    def _matches(self, index: int) -> list[Any]:
        return self.shown.matches[index] if index < len(self.shown.matches) else []

    def current(self) -> int | None:
        """The index of the row under the cursor."""
        listing = self.query_one("#triage-rows", OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id or ""
        return int(option_id[1:]) if option_id.startswith("r") else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        index = self.current()
        if self.intake is None or index is None:
            return
        said = detail_said(self.intake.rows[index], self._matches(index), self.shown)
        self.query_one("#triage-detail", Static).update(printable(said, limit=300))

    def _say(self, error: PulangError | str) -> None:
        self.query_one("#triage-detail", Static).update(printable(str(error), limit=300))

    # -- deciding -------------------------------------------------------------------------

    def action_decide(self, decision: str) -> None:
        index = self.current()
        if self.intake is None or index is None:
            return
        chosen = RowDecision(decision) if decision else None
        if chosen is not RowDecision.MATCH:
            self._decide(index, chosen, None)
            return
        row, matches = self.intake.rows[index], self._matches(index)
        if not matches:
            self._say(_("No worker in Pulang looks like this row: n makes it a new worker."))
            return
        if len(matches) == 1:
            self._decide(index, chosen, matches[0].worker_id)
            return
        items = [PickItem(m.worker_id, m.name, _("{ref} No. {number}, {score:.0f}").format(
            ref=m.ref, number=m.number or "?", score=m.score)) for m in matches]
        self.app.push_screen(
            PickerDialog(_("Which worker is this row?"), items, filter=False,
                         chosen=[row.worker_id or matches[0].worker_id]),
            lambda ids: self._decide(index, chosen, ids[0]) if ids else None)

    def _decide(self, index: int, decision: RowDecision | None, worker_id: str | None) -> None:
        db = self.pulang.db
        assert db is not None
        self.pulang.run_store(lambda: db.decide_row(self.intake_id, index, decision, worker_id),
                              self._saved, self._say, what="intake")
        listing = self.query_one("#triage-rows", OptionList)
        if decision is not None and listing.highlighted is not None:
            listing.action_cursor_down()

    def _saved(self, intake: Intake) -> None:
        self.intake = intake
        self.render_rows()

    def action_accept_all(self) -> None:
        intake = self.intake
        if intake is None:
            return
        open_rows = [r for r in intake.rows if r.decision is None]
        if not open_rows:
            self._say(_("Every row is decided: Ctrl+S confirms."))
            return

        def answered(yes: bool | None) -> None:
            db = self.pulang.db
            if not yes or db is None:
                return

            def accept() -> Intake:
                now = db.intake(self.intake_id)
                rows = [r if r.decision is not None else r.model_copy(
                    update={"decision": r.proposed}) for r in now.rows]
                return db.save_intake(build(Intake, {**now.model_dump(), "rows": rows}))

            self.pulang.run_store(accept, self._saved, self._say, what="intake")

        self.app.push_screen(ConfirmDialog(ngettext(
            "Accept the proposal of the {count} row not decided yet?",
            "Accept the proposals of the {count} rows not decided yet?",
            len(open_rows)).format(count=len(open_rows)), _("Accept"), _("Not yet")), answered)

    # -- confirming -----------------------------------------------------------------------

    def action_confirm(self) -> None:
        intake = self.intake
        db = self.pulang.db
        if intake is None or db is None:
            return
        undecided = len(intake.rows) - intake.reviewed
        if undecided:
            self._say(ngettext("{count} row is not decided yet: decide it, or a accepts the "
                               "proposals.", "{count} rows are not decided yet: decide them, "
                               "or a accepts the proposals.", undecided).format(count=undecided))
            return
        skip = RowDecision.SKIP
        kept = [r if r.decision is not skip else r.model_copy(update={"compound": ""})
                for r in intake.rows]
        groups = [g for g in group_rows(kept, db.places())
                  if any(intake.rows[i].decision is not skip for i in g.rows)]
        count = {d: sum(1 for r in intake.rows if r.decision is d) for d in RowDecision}
        said = _("Make {cases} group cases: {new} new workers, {linked} linked to workers "
                 "already in Pulang, {skipped} rows skipped. This cannot be undone.").format(
            cases=len(groups), new=count[RowDecision.NEW], linked=count[RowDecision.MATCH],
            skipped=count[skip])
        ask = [g for g in groups if not (g.place and g.place.country)]

        def answered(countries: dict[str, str] | None) -> None:
            if countries is None:
                return
            self._say(_("Making the cases…"))
            self.pulang.run_store(
                lambda: db.confirm_intake(self.intake_id, current_user(), countries=countries),
                self._confirmed, self._say, what="intake")

        self.app.push_screen(ConfirmIntakeDialog(said, ask, intake.destination_country),
                             answered)

    def _confirmed(self, intake: Intake) -> None:
        db = self.pulang.db
        assert db is not None
        refs = [db.get(Case, c).ref for c in intake.case_ids]
        self.app.notify(ngettext("{count} case made: {refs}.", "{count} cases made: {refs}.",
                                 len(refs)).format(count=len(refs), refs=", ".join(refs)))
        if intake.case_ids:
            self.pulang.open_case(intake.case_ids[0])
        else:
            self.dismiss(None)

    def action_leave(self) -> None:
        if self.intake is not None and self.intake.status.value == "open":
            self.app.notify(_("The triage is saved as it is: i on Today or the cases list "
                              "resumes it."))
        self.dismiss(None)
