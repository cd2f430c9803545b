"""Today's section "Family inquiries to confirm" (issue 33): one line per worker an open
family inquiry may have found, for an officer to check; Enter opens the inquiry's page. It shows
only when there are some, and it is the officer's alone: nothing here is ever told to a family
(`Database.tell_family` is the only way, from the inquiry's page).

A mix-in of `tui.screens.today.TodayScreen` (kept apart: that module is full). The matches are
worked out in a thread once per view Today computes (`Database.inquiry_matches` compares every
open inquiry with every worker), then the section is drawn again.

`waiting_matches` is the list's source too (tui/screens/inquiries): it imports nothing of the
screens, so that Today, which every screen imports, does not import them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets.option_list import Option

from store import PulangError, _, format_date
from tui.store_work import run_store
from tui.widgets.caselist import fit

if TYPE_CHECKING:
    from store.db import Database

INQUIRY = "inquiry"  # the kind `open_record` opens (tui/registry.py)
WARNED = "⚠"  # the mark of an inquirer whose phone or handle is in the registry


@dataclass(frozen=True)
class Waiting:
    """A worker an open inquiry may have found, waiting for an officer."""

    inquiry_id: str
    inquirer: str
    sought: str
    worker_id: str
    number: int | None
    ref: str
    warned: bool  # the one asking is in the registry
    received_on: dt.date

    @property
    def said(self) -> str:
        """"Yohanis Kristianto Manek, sought by Maria Goreti Bria"."""
        return _("{sought}, sought by {who}").format(sought=self.sought, who=self.inquirer)

    @property
    def worker(self) -> str:
        return _("worker {number}").format(number=self.number or "?")

    @property
    def short(self) -> str:
        """"may be worker 6 of KH-2025-0001", for the list of inquiries."""
        return _("may be worker {number} of {ref}").format(number=self.number or "?",
                                                           ref=self.ref)


def waiting_matches(db: Database) -> list[Waiting]:
    """Every worker an open inquiry may have found (a match an intake proposed first), in the
    order of `Database.inquiry_lines`. Reads the store: run it off the event loop."""
    # Not on the first frame: the records load pydantic (tests/test_layers.py).
    from store.domain import Case, Worker, worker_numbers

    out: list[Waiting] = []
    for found in db.inquiry_matches():
        inquiry = found.inquiry
        said = {m.worker_id: (m.number, m.ref) for m in found.workers}
        ids = [inquiry.pending_worker_id] if inquiry.pending_worker_id else []
        ids += [m.worker_id for m in found.workers if m.worker_id not in ids]
        for worker_id in ids:
            if worker_id not in said:
                try:
                    worker = db.get(Worker, worker_id)
                except PulangError:  # removed meanwhile
                    continue
                number = worker_numbers(db.workers_of(worker.case_id)).get(worker_id)
                said[worker_id] = (number, db.get(Case, worker.case_id).ref)
            number, ref = said[worker_id]
            out.append(Waiting(inquiry.id, inquiry.inquirer_name, inquiry.sought_name,
                               worker_id, number, ref, bool(found.inquirer_hits),
                               inquiry.received_on))
    return out


class InquiriesOnToday:
    """Today's section of inquiries to confirm (see the module's doc)."""

    waiting: list[Waiting] = []  # noqa: RUF012 - replaced, never changed in place
    _inquiries_of: object = None  # the view the matches were asked for

    def inquiry_section(self, title: Any, options: list[Option], mark_width: int,
                        ref_width: int, width: int) -> None:
        """The section: a line per match, "⚠ worker 6", when the inquiry came, the worker's
        case, whom the family seeks and who asks."""
        # From the matches found so far; asked for again for a new view.
        screen: Any = self
        self.ask_inquiries()
        if not self.waiting:
            return
        title(_("Family inquiries to confirm"), len(self.waiting))
        rest = width - mark_width - screen.date_width - ref_width - 3
        for waiting in self.waiting:
            key = f"q:{waiting.inquiry_id}:{waiting.worker_id}"
            screen.records[key] = (INQUIRY, waiting.inquiry_id)
            line = Text(no_wrap=True, overflow="ellipsis", end="")
            mark = f"{WARNED} {waiting.worker}" if waiting.warned else waiting.worker
            line.append(Text(fit(mark, mark_width), style="bold" if waiting.warned else ""))
            for text, cell_width in ((format_date(waiting.received_on), screen.date_width),
                                     (waiting.ref, ref_width), (waiting.said, rest)):
                line.append(" " + fit(text, cell_width))
            options.append(Option(line, id=key))

    def ask_inquiries(self) -> None:
        """Work the matches out again, in a thread, once for each view Today computes (and
        once the database is read: a view drawn before it cannot)."""
        screen: Any = self
        db = screen.app.db
        if screen.view is not self._inquiries_of and db is not None and not db.locked:
            self._inquiries_of = screen.view
            run_store(screen, lambda: waiting_matches(db), self._inquiries_found,
                      lambda _error: None, group="today-inquiries", exclusive=True)

    def _inquiries_found(self, waiting: list[Waiting]) -> None:
        screen: Any = self
        changed = waiting != self.waiting
        self.waiting = waiting
        if changed and screen.view is not None and screen.is_attached:
            screen.render_view()


__all__ = ["INQUIRY", "WARNED", "InquiriesOnToday", "Waiting", "waiting_matches"]
