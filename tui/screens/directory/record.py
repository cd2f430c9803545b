"""One record of the directory, an organisation or a person: what both pages share. Facts
on top, then the list of everything linked to it; `M` merges a duplicate into the record on
screen and `d` removes it (refused while it is named anywhere), both through `app.run_store`,
off the event loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Static

from store import PulangError, _, format_date
from store.domain import label, printable, shorten
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.picker import PickerDialog, PickItem
from tui.screens.directory.base import _DATE, Lines, SectionList, _Listing, list_width
from tui.screens.form import RecordForm

if TYPE_CHECKING:
    from store.db import Database


class _RecordScreen(_Listing):
    """One organisation or person: facts, the list of what names it, merge and remove."""

    kind: str  # "organisation" or "person"

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    @property  # type: ignore[override]
    def NAVIGATION_KEYS(self) -> bool:  # noqa: N802 - the name the app reads
        """1-5 leave this screen, unless it was opened over a form (from the likely
        matches of a new record, or the search): leaving would lose what was typed there."""
        return not any(isinstance(s, RecordForm) for s in self.app.screen_stack)

    def above_list(self) -> ComposeResult:
        yield Static("", id="record-facts", markup=False)

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            self.load(db)
        except PulangError as error:  # removed or merged away by another officer
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            if self.is_current:
                self.app.call_later(self.app.pop_screen)
            return
        self.loaded = True
        self.render_view()

    def render_view(self) -> None:
        lines = Lines()
        self.fill(lines, list_width(self.query_one(SectionList), self))
        self.targets = lines.targets
        lines.show_in(self.query_one(SectionList))

    def load(self, db: Database) -> None:
        raise NotImplementedError

    def fill(self, lines: Lines, width: int) -> None:
        raise NotImplementedError

    @property
    def record_name(self) -> str:
        raise NotImplementedError

    def show_facts(self, facts: list[str]) -> None:
        from store.domain import Organisation, Person
        from tui.screens.decide import conflict_note

        model = Organisation if self.kind == "organisation" else Person
        facts = [conflict_note(self.app, self.record_id, model.field_label), *facts]
        self.query_one("#record-facts", Static).update(
            "\n".join(printable(f, limit=400) for f in facts if f))

    def meeting_rows(self, lines: Lines, meetings: list[Any], width: int) -> None:
        lines.heading(_("Meetings"), len(meetings))
        for meeting in meetings:
            lines.row(f"m:{meeting.id}", self.open("meeting", meeting.id),
                      (format_date(meeting.at.astimezone().date()), _DATE),
                      (meeting.title, width - _DATE - 20), (meeting.city, 18))

    def agreement_rows(self, lines: Lines, heading: str, agreements: list[Any],
                       width: int) -> None:
        lines.heading(heading, len(agreements))
        for agreement in agreements:
            lines.row(f"a:{agreement.id}", self.open("agreement", agreement.id),
                      (agreement.title, width - 19), (label(agreement.status), 18))

    # -- merge and remove --------------------------------------------------------------------

    def merge_items(self, db: Database) -> list[PickItem]:
        raise NotImplementedError

    def merge_record(self, db: Database, drop_id: str) -> Any:
        raise NotImplementedError

    def merge_question(self, dropped: str) -> str:
        raise NotImplementedError

    def action_merge(self) -> None:
        db = self.db
        items = self.merge_items(db)
        if not items:
            self.notify(_("Nothing to merge with: it is the only one of its kind."))
            return
        names = {item.id: item.label for item in items}

        def picked(ids: list[str] | None) -> None:
            if not ids:
                return
            drop_id = ids[0]

            def answered(yes: bool | None) -> None:
                if yes:
                    self.pulang.run_store(lambda: self.merge_record(db, drop_id),
                                          self._merged, self._refused, what="merge")

            self.app.push_screen(
                ConfirmDialog(self.merge_question(names[drop_id]), _("Merge"), _("Cancel")),
                answered)

        self.app.push_screen(PickerDialog(
            _("Merge which record into «{name}»?").format(name=shorten(self.record_name)), items),
            picked)

    def _merged(self, record: Any) -> None:
        self.record_id = record.id
        self.notify(_("Merged: both records are now one."))
        self.reload()

    def _refused(self, error: PulangError) -> None:
        self.notify(printable(str(error)), title=_("Not done"), severity="error", timeout=10,
                    markup=False)

    def remove_record(self, db: Database) -> None:
        raise NotImplementedError

    def action_remove(self) -> None:
        db = self.db

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(lambda: self.remove_record(db), self._removed,
                                      self._refused, what="remove")

        self.app.push_screen(ConfirmDialog(
            _("Remove «{name}» from the directory?").format(name=shorten(self.record_name)),
            _("Remove"), _("Keep")), answered)

    def _removed(self, _result: object) -> None:
        self.notify(_("Removed from the directory."))
        if self.is_current:  # else it goes when it is back in front (it is not found)
            self.dismiss()

    def action_back(self) -> None:
        self.dismiss()


def _likely_first(items: list[PickItem], scores: dict[str, float]) -> list[PickItem]:
    """The likely matches first, best first, marked in their detail; then the rest."""
    marked = []
    for item in items:
        if item.id in scores:
            mark = _("likely the same ({score}%)").format(score=round(scores[item.id]))
            detail = f"{mark} · {item.detail}" if item.detail else mark
            marked.append(PickItem(item.id, item.label, detail, item.spellings))
    marked.sort(key=lambda item: -scores[item.id])
    return marked + [item for item in items if item.id not in scores]
