"""One family's inquiry: a ⚠ block first when the one asking is in the registry (they may be
the trafficker), then the facts (who asks and how to reach them, their consent to tracing, whom
they seek and where that one was last heard of); then the compound's place in the registry, the
worker found, the possible matches (workers with their case, number, score and why; rows of open
intakes). `c` confirms the match under the cursor (asking first), `r` rejects it, `t` records
that the family was told (`Database.tell_family`: refused in words without the worker's
consent naming the family; with a registry hit, a reason is asked and passed as override),
`e` edits, `d` removes (asking first); Enter on a worker opens their case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from store import N_, PulangError, _, format_date
from store.domain import (
    Case,
    Inquiry,
    InquiryStatus,
    RecipientKind,
    Worker,
    country_name,
    format_phone,
    label,
    printable,
    shorten,
    worker_numbers,
)
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.reason import ReasonDialog
from tui.screens.directory.base import _REF, Lines, SectionList, _Listing, first_line, list_width
from tui.screens.form import RecordForm
from tui.screens.today_inquiries import WARNED
from tui.store_work import run_store

if TYPE_CHECKING:
    from collections.abc import Callable

    from store.db import Database, RegistryHit, RowHit
    from store.domain import Place


@dataclass(frozen=True)
class WorkerLine:
    """A worker the inquiry found or may have found, as its line says it."""

    worker_id: str
    case_id: str
    ref: str
    number: int | None
    name: str
    score: float | None = None
    why: tuple[str, ...] = ()


@dataclass
class Seen:
    """What the page shows, read in a thread."""

    inquiry: Inquiry
    hits: list[RegistryHit]
    places: list[Place]
    found: WorkerLine | None = None
    matches: list[WorkerLine] = field(default_factory=list)
    rows: list[RowHit] = field(default_factory=list)
    family_consent: bool = False  # the found worker's consent names the family


def _worker_line(db: Database, worker_id: str) -> WorkerLine | None:
    try:
        worker = db.get(Worker, worker_id)
        case = db.get(Case, worker.case_id)
    except PulangError:  # removed meanwhile
        return None
    number = worker_numbers(db.workers_of(case.id)).get(worker_id)
    return WorkerLine(worker_id, case.id, case.ref, number, worker.full_name)


def seen(db: Database, inquiry_id: str) -> Seen:
    """The inquiry and what it may have found (see the module's doc)."""
    inquiry = db.inquiry(inquiry_id)
    out = Seen(inquiry, db.inquirer_hits(inquiry), db.compound_places(inquiry))
    if inquiry.worker_id:
        out.found = _worker_line(db, inquiry.worker_id)
        consent = db.consent_of(inquiry.worker_id)
        out.family_consent = (consent is not None and consent.withdrawn_on is None
                              and RecipientKind.FAMILY in consent.recipients)
    if inquiry.status is InquiryStatus.OPEN:
        found = next((f for f in db.inquiry_matches() if f.inquiry.id == inquiry_id), None)
        if found is not None:
            out.rows = found.rows
            out.matches = [WorkerLine(m.worker_id, m.case_id, m.ref, m.number, m.name,
                                      m.score, tuple(m.why)) for m in found.workers]
        pending = inquiry.pending_worker_id
        if pending and pending not in {m.worker_id for m in out.matches}:
            line = _worker_line(db, pending)
            out.matches[:0] = [line] if line is not None else []
    return out


def warnings(hits: list[RegistryHit]) -> list[str]:
    """"⚠ this number is used by Ken Susanto, recruiter, alleged: check before anyone
    replies"."""
    return [_("{mark} {hit}: check before anyone replies.").format(mark=WARNED, hit=hit.said)
            for hit in hits]


def facts(inquiry: Inquiry) -> list[str]:
    """The inquiry's facts, a line for who asks, their consent, whom they seek, where that one
    was last heard of, and the inquiry's course."""
    q, f = inquiry, Inquiry.field_label

    def joined(*parts: str) -> str:
        return " · ".join(p for p in parts if p)

    handles = ", ".join(f"{label(h.kind)} {h.value}" for h in q.handles)
    lines = [joined(q.inquirer_name, q.relation, format_phone(q.inquirer_phone), handles)]
    if q.reach_by:
        lines.append(f"{f('reach_by')}: {q.reach_by}")
    lines.append(joined(f"{f('consent_given_on')}: {format_date(q.consent_given_on)}",
                        q.consent_taken_by) if q.consent_given_on
                 else _("No consent to tracing recorded."))
    born = format_date(q.sought_date_of_birth) if q.sought_date_of_birth else (
        str(q.sought_age) if q.sought_age is not None else "")
    lines.append(joined(_("Seeks {name}").format(name=q.sought_name),
                        ", ".join(q.sought_other_names), born,
                        label(q.sought_sex) if q.sought_sex.value != "unknown" else "",
                        country_name(q.sought_nationality), q.sought_home_province))
    message = joined(format_date(q.last_message_on) if q.last_message_on else "",
                     q.last_message_from)
    where = ", ".join(x for x in (q.last_city, country_name(q.last_country)) if x)
    lines.append(joined(f"{f('last_message_on')}: {message}" if message else "",
                        f"{f('last_city')}: {where}" if where else "",
                        f"{f('compound_name')}: {q.compound_name}" if q.compound_name else ""))
    lines.append(joined(f"{f('status')}: {label(q.status)}",
                        f"{f('told_family_on')}: {format_date(q.told_family_on)}"
                        if q.told_family_on else ""))
    if q.notes.strip():
        lines.append(f"{f('notes')}: {first_line(q.notes)}")
    return [line for line in lines if line]


class InquiryScreen(_Listing):
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="inquiry.back"),
        Binding("c", "confirm", N_("Confirm match"), id="inquiry.confirm"),
        Binding("r", "reject", N_("Reject match"), id="inquiry.reject"),
        Binding("t", "tell", N_("Tell the family"), id="inquiry.tell"),
        Binding("e", "edit", N_("Edit"), id="inquiry.edit"),
        Binding("d", "remove", N_("Remove"), id="inquiry.remove", show=False),
        Binding("f1", "app.help", N_("Help"), id="inquiry.help"),
    ]
    HELP = N_(
        "A family's inquiry: who asks and how to reach them, their consent to tracing, whom "
        "they seek, the last message and where that one was last heard of. A ⚠ line first "
        "means the phone or a handle of the one asking is in the registry: they may be the "
        "trafficker; check before anyone replies. Then the compound's place in the registry, "
        "the worker found, and the possible matches: workers (case, number, score and why) "
        "and rows of open intakes. c confirms the worker under the cursor as the one sought "
        "(it asks first); r rejects it, never proposed again. Nothing is told to the family "
        "by itself: t records that they were told, refused unless the worker's consent names "
        "their family; when the one asking is in the registry, it asks your reason. Enter on "
        "a worker opens their case. e edits the inquiry; d removes it. Escape goes back."
    )

    SCREEN_TITLE = N_("Family inquiry")

    def __init__(self, inquiry_id: str) -> None:
        super().__init__()
        self.inquiry_id = inquiry_id
        self.seen: Seen | None = None

    @property  # type: ignore[override]
    def NAVIGATION_KEYS(self) -> bool:  # noqa: N802 - the name the app reads
        """1-8 leave this screen, unless it was opened over a form."""
        return not any(isinstance(s, RecordForm) for s in self.app.screen_stack)

    def above_list(self) -> ComposeResult:
        yield Static("", id="inquiry-warning", markup=False)
        yield Static("", id="record-facts", markup=False)

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        run_store(self, lambda: seen(db, self.inquiry_id), self._loaded, self._gone,
                  group="inquiry", exclusive=True)

    def _loaded(self, found: Seen) -> None:
        self.seen = found
        self.loaded = True
        inquiry = found.inquiry
        self.title = _("Inquiry: {who} seeks {sought}").format(
            who=shorten(inquiry.inquirer_name, 30), sought=shorten(inquiry.sought_name, 30))
        warning = self.query_one("#inquiry-warning", Static)
        warning.update(Text("\n".join(printable(w, limit=400) for w in warnings(found.hits)),
                            style="bold"))
        warning.display = bool(found.hits)
        self.query_one("#record-facts", Static).update(
            "\n".join(printable(f, limit=400) for f in facts(inquiry)))
        self.render_view()

    def _gone(self, error: PulangError) -> None:  # removed by another officer meanwhile
        self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        if self.is_current:
            self.app.call_later(self.app.pop_screen)

    def render_view(self) -> None:
        found = self.seen
        if found is None:
            return
        width = list_width(self.query_one(SectionList), self)
        lines = Lines()
        if found.places:
            lines.heading(_("Compound in the registry"), len(found.places))
            for place in found.places:
                lines.row(f"l:{place.id}", self.open("place", place.id),
                          (place.name, width - 22), (label(place.status), 21))
        if found.found is not None:
            lines.heading(_("Found"), 1)
            self._worker_row(lines, found.found, width)
        if found.inquiry.status is InquiryStatus.OPEN:
            lines.heading(_("Possible matches"), len(found.matches))
            for match in found.matches:
                self._worker_row(lines, match, width)
            if found.rows:
                lines.heading(_("Rows of open intakes"), len(found.rows))
            for row in found.rows:
                lines.row(f"x:{row.intake_id}:{row.index}", None, (row.title, 24),
                          (row.label, width - 24 - 6), (f"{row.likeness.score:.0f}", 4))
        self.targets = lines.targets
        lines.show_in(self.query_one(SectionList))

    def _worker_row(self, lines: Lines, worker: WorkerLine, width: int) -> None:
        number = _("worker {number}").format(number=worker.number or "?")
        score = f"{worker.score:.0f}" if worker.score is not None else ""
        name = 22
        lines.row(f"w:{worker.worker_id}", self._open_worker(worker), (worker.ref, _REF),
                  (number, 10), (worker.name, name), (score, 3),
                  ("; ".join(worker.why), width - _REF - 10 - name - 3 - 4))

    def _open_worker(self, worker: WorkerLine) -> Callable[[], None]:
        def opened() -> None:
            from tui.screens.case import CaseScreen  # not on the first frame

            self.app.push_screen(CaseScreen(worker.case_id, focus={"worker": worker.worker_id}))

        return opened

    def _worker_under_cursor(self) -> WorkerLine | None:
        found = self.seen
        listing = self.query_one(SectionList)
        if found is None or listing.highlighted is None:
            return None
        key = listing.get_option_at_index(listing.highlighted).id or ""
        workers = [*([found.found] if found.found else []), *found.matches]
        return next((w for w in workers if f"w:{w.worker_id}" == key), None)

    # -- an officer's decisions -----------------------------------------------------------

    def _run(self, job: Callable[[], Any], said: str) -> None:
        def done(_result: object) -> None:
            self.notify(said)
            self.reload()

        self.pulang.run_store(job, done, self._refused, what="inquiry")

    def _refused(self, error: PulangError) -> None:
        self.notify(printable(str(error)), title=_("Not done"), severity="error", timeout=15,
                    markup=False)

    def action_confirm(self) -> None:
        worker = self._worker_under_cursor()
        if worker is None or self.seen is None:
            self.notify(_("Put the cursor on a worker of the possible matches first."))
            return
        inquiry, db = self.seen.inquiry, self.db

        def answered(yes: bool | None) -> None:
            if yes:
                self._run(lambda: db.confirm_inquiry_match(inquiry.id, worker.worker_id),
                          _("Confirmed. Nothing is told to the family until you press t."))

        self.app.push_screen(ConfirmDialog(
            _("Is {name}, worker {number} of {ref}, the one {who} seeks?").format(
                name=shorten(worker.name), number=worker.number or "?", ref=worker.ref,
                who=shorten(inquiry.inquirer_name)), _("Confirm"), _("Cancel")), answered)

    def action_reject(self) -> None:
        worker = self._worker_under_cursor()
        if worker is None or self.seen is None:
            self.notify(_("Put the cursor on a worker of the possible matches first."))
            return
        inquiry_id, db = self.seen.inquiry.id, self.db
        self._run(lambda: db.reject_inquiry_match(inquiry_id, worker.worker_id),
                  _("Rejected: that worker is not proposed again for this inquiry."))

    def action_tell(self) -> None:
        found = self.seen
        if found is None:
            return
        inquiry_id, db = found.inquiry.id, self.db
        told = _("Recorded: the family was told. Tell them only what the worker agreed to.")
        if not (found.hits and found.found is not None and found.family_consent):
            self._run(lambda: db.tell_family(inquiry_id), told)  # refused in words if not
            return

        def answered(reason: str | None) -> None:
            if reason:
                self._run(lambda: db.tell_family(inquiry_id, override=reason), told)

        self.app.push_screen(ReasonDialog(
            _("Tell the family anyway?"),
            _("The one asking is in the registry ({hits}). They may be the trafficker: say "
              "why they should be told.").format(hits="; ".join(h.said for h in found.hits)),
            _("e.g. checked with the village head: it is the mother")), answered)

    def action_edit(self) -> None:
        if self.seen is not None:
            from tui.screens.inquiries.form import InquiryForm

            self.app.push_screen(InquiryForm(self.seen.inquiry, _("Edit inquiry")))

    def action_remove(self) -> None:
        if self.seen is None:
            return
        inquiry, db = self.seen.inquiry, self.db

        def removed(_result: object) -> None:
            self.notify(_("Inquiry removed."))
            if self.is_current:
                self.dismiss()

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: db.remove_inquiry(inquiry.id, inquiry.version),
                                      removed, self._refused, what="remove")

        self.app.push_screen(ConfirmDialog(
            _("Remove the inquiry of {who}?").format(who=shorten(inquiry.inquirer_name)),
            _("Remove"), _("Keep")), answered)

    def action_back(self) -> None:
        self.dismiss()


__all__ = ["InquiryScreen", "Seen", "WorkerLine", "facts", "seen", "warnings"]
