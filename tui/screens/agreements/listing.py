"""Cooperation agreements (key 5): every agreement with its parties, its status and since
when, narrowed by `/`; `n` records a new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from store import N_, PulangError, _, format_date
from store.domain import Agreement, fold, label, printable
from tui.data_changed import DataChanged, follow_data_changes
from tui.screens.agreements.agreement_form import AgreementForm
from tui.translate import TranslatedBindings
from tui.widgets import RecordTable, TextInput, cell

if TYPE_CHECKING:
    from store.db import Database
    from tui.app import PulangApp


def party_names(agreement: Agreement, orgs: dict[str, str]) -> str:
    """The parties by acronym (or name), in the order the agreement names them."""
    return ", ".join(orgs.get(i, _("(removed)")) for i in agreement.party_ids)


def short_names(db: Database) -> dict[str, str]:
    return {o.id: o.acronym or o.name for o in db.organisations()}


_PARTIES, _STATUS, _SINCE = 16, 11, 11


class AgreementsScreen(TranslatedBindings, Screen[None]):
    """Every agreement: its title, parties, status and since when."""

    NAVIGATION_KEYS = True
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="agreements.back"),
        Binding("slash", "filter", N_("Filter"), id="agreements.filter"),
        Binding("n", "new", N_("New agreement"), id="agreements.new"),
        Binding("f1", "app.help", N_("Help"), id="agreements.help"),
    ]
    HELP = N_(
        "Cooperation agreements between organisations: each with its parties, where it stands "
        "in its lifecycle (idea, drafting, negotiation, signed, in force; expired or "
        "terminated) and since when. / and part of a title, a party or a status narrows the "
        "list; Escape clears the filter, and again goes back to Today. Enter opens the "
        "agreement under the cursor; n records a new one."
    )

    def __init__(self) -> None:
        super().__init__()
        self.agreements: list[Agreement] = []
        self.orgs: dict[str, str] = {}

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextInput(placeholder=_("/ to filter by title, party or status"),
                        id="agreements-filter", select_on_focus=False, compact=True)
        yield RecordTable(enter_label=_("Open"), id="agreements")
        yield Static("", id="agreements-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        follow_data_changes(self, self.others_changed)
        self.title = _("Agreements")
        self.set_focus(self.query_one(RecordTable))
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def others_changed(self, change: DataChanged) -> None:
        if self is self.app.screen:
            self.reload()

    def on_resize(self) -> None:
        self.render_table()

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            self.agreements = db.agreements()
            self.orgs = short_names(db)
        except PulangError as error:
            self.query_one("#agreements-status", Static).update(printable(str(error)))
            return
        self.render_table()

    def shown(self) -> list[Agreement]:
        words = fold(self.query_one("#agreements-filter", Input).value).split()
        if not words:
            return self.agreements
        found = []
        for agreement in self.agreements:
            text = fold(" ".join([agreement.title, party_names(agreement, self.orgs),
                                  label(agreement.status)]))
            if all(word in text for word in words):
                found.append(agreement)
        return found

    def render_table(self) -> None:
        table = self.query_one(RecordTable)
        keep = table.current_key
        table.clear(columns=True)
        title_width = max(12, self.size.width - _PARTIES - _STATUS - _SINCE - 4 * 2 - 2)
        table.add_column(_("Title"), width=title_width, key="title")
        table.add_column(_("Parties"), width=_PARTIES, key="parties")
        table.add_column(_("Status"), width=_STATUS, key="status")
        table.add_column(_("Since"), width=_SINCE, key="since")
        shown = self.shown()
        for agreement in shown:
            table.add_row(cell(agreement.title), cell(party_names(agreement, self.orgs)),
                          cell(label(agreement.status)), cell(format_date(agreement.since)),
                          key=agreement.id)
        table.move_to_key(keep)
        status = self.query_one("#agreements-status", Static)
        if not self.agreements:
            status.update(_("No agreements yet. Press n to record the first one."))
        elif len(shown) < len(self.agreements):
            status.update(_("{shown} of {total} agreements. Escape clears the filter.").format(
                shown=len(shown), total=len(self.agreements)))
        else:
            status.update(_("Agreements: {total}").format(total=len(self.agreements)))

    @on(Input.Changed, "#agreements-filter")
    def _filtered(self, event: Input.Changed) -> None:
        event.stop()
        self.render_table()

    @on(Input.Submitted, "#agreements-filter")
    def _into_table(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_focus(self.query_one(RecordTable))

    @on(RecordTable.RowSelected, "#agreements")
    def _open(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.pulang.open_record("agreement", event.row_key.value)

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#agreements-filter", Input))

    def action_back(self) -> None:
        box = self.query_one("#agreements-filter", Input)
        if box.has_focus or box.value:
            box.value = ""
            self.set_focus(self.query_one(RecordTable))
            return
        self.pulang.show_today()

    def action_new(self) -> None:
        def saved(agreement: Agreement | None) -> None:
            if agreement is not None:
                self.notify(_("Agreement recorded."))
                self.pulang.open_record("agreement", agreement.id)

        self.app.push_screen(AgreementForm(None, _("New agreement")), saved)
