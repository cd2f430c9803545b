"""Family inquiries (key 8): every inquiry, the open ones first, each line saying who asks, whom
they seek, its status and, when a match waits for an officer, "may be worker N of REF"; ⚠ when
the one asking is in the registry. `/` filters, `n` records a new inquiry, Enter opens one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widgets import Input

from store import N_, PulangError, _
from store.domain import Inquiry, InquiryStatus, label, matches_query, printable
from tui.screens.directory.base import Lines, SectionList, _Listing, list_width
from tui.screens.inquiries.form import InquiryForm
from tui.screens.today_inquiries import INQUIRY, WARNED, Waiting, waiting_matches
from tui.store_work import run_store

if TYPE_CHECKING:
    from store.db import Database

_ORDER = {InquiryStatus.OPEN: 0, InquiryStatus.FOUND: 1, InquiryStatus.CLOSED: 2}


@dataclass
class Listed:
    """What the list shows, read in a thread."""

    inquiries: list[Inquiry]
    waiting: dict[str, list[Waiting]] = field(default_factory=dict)  # by inquiry id
    warned: set[str] = field(default_factory=set)  # the ones asking in the registry


def listed(db: Database) -> Listed:
    inquiries = sorted(db.inquiries(), key=lambda q: _ORDER[q.status])  # stable: last first
    out = Listed(inquiries)
    for waiting in waiting_matches(db):
        out.waiting.setdefault(waiting.inquiry_id, []).append(waiting)
    out.warned = {q.id for q in inquiries if db.inquirer_hits(q)}
    return out


class InquiriesScreen(_Listing):
    FILTER = "inquiries-filter"
    FILTER_HINT = N_("/ to filter by a name, a number or a place")
    SCREEN_TITLE = N_("Family inquiries")
    LIST_ID = "inquiries"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="inquiries.back", show=False),
        Binding("slash", "filter", N_("Filter"), id="inquiries.filter"),
        Binding("n", "new", N_("New inquiry"), id="inquiries.new"),
        Binding("f1", "app.help", N_("Help"), id="inquiries.help"),
    ]
    HELP = N_(
        "Family inquiries: families looking for their own, the open ones first. Each line "
        "says who asks, whom they seek and the inquiry's status; \"may be worker N of REF\" "
        "when a worker may be the one sought and an officer has to check (on the inquiry's "
        "page); ⚠ when the phone or a handle of the one asking is in the registry: they may "
        "be the trafficker, check before anyone replies. Nothing is ever told to a family by "
        "itself. / goes to the filter (a name, a number, a place); Enter or Down goes back to "
        "the list, Escape clears it. Enter opens the inquiry under the cursor; n records a new "
        "one. Escape goes back to Today."
    )

    def __init__(self) -> None:
        super().__init__()
        self.listed: Listed | None = None

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        run_store(self, lambda: listed(db), self._listed, self._not_listed,
                  group="inquiries", exclusive=True)

    def _listed(self, found: Listed) -> None:
        self.listed = found
        self.loaded = True
        self.render_view()

    def _not_listed(self, error: PulangError) -> None:
        self.notify(printable(str(error)), severity="error", markup=False)

    def render_view(self) -> None:
        found = self.listed
        if found is None:
            return
        listing = self.query_one(SectionList)
        query = self.query_one("#inquiries-filter", Input).value.strip()
        width = list_width(listing, self)
        shown = [q for q in found.inquiries if not query or matches_query(query, [
            q.inquirer_name, q.sought_name, *q.sought_other_names, q.inquirer_phone,
            *(h.value for h in q.handles), q.compound_name, q.last_city, q.last_message_from])]
        lines = Lines()
        lines.heading(_("Family inquiries"), len(shown))
        mark, who, sought = 2, 18, 22
        for q in shown:
            # A match waits only on an open inquiry: said instead of its status.
            said = "; ".join(w.short for w in found.waiting.get(q.id, [])) or label(q.status)
            lines.row(f"q:{q.id}", self.open(INQUIRY, q.id),
                      (WARNED if q.id in found.warned else "", mark), (q.inquirer_name, who),
                      (q.sought_name, sought), (said, width - mark - who - sought - 3))
        self.targets = lines.targets
        lines.show_in(listing)

    def action_new(self) -> None:
        def created(inquiry: Inquiry | None) -> None:
            if inquiry is not None:
                self.notify(_("Inquiry recorded."))
                self.pulang.open_record(INQUIRY, inquiry.id)

        self.pulang.when_loaded(lambda: self.app.push_screen(
            InquiryForm(None, _("New family inquiry")), created))


__all__ = ["InquiriesScreen", "Listed", "listed"]
