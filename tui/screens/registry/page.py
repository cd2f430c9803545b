"""One record of the registry, a place, an actor or an identifier: what the three pages share.
Its facts on top (with where they came from and whether alleged or confirmed), then the list of
what it is linked to; Enter opens the line under the cursor, `e` edits the record, `d` removes
it (refused while anything links to it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static
from textual.widgets.option_list import Option

from store import PulangError, _
from store.domain import printable, shorten
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.directory.base import _REF, Lines, SectionList, _Listing, list_width
from tui.screens.form import RecordForm
from tui.screens.registry.words import Names, certainty, seen_in

if TYPE_CHECKING:
    from collections.abc import Callable

    from store.db import Database
    from store.domain import Identifier

SURE = 10  # the width of "alleged" / "confirmed"


def heading(lines: Lines, text: str) -> None:
    """A heading said in full ("Seen in 3 cases"), not "title (count)"."""
    lines.options.append(Option(Text(text, style="bold underline"), disabled=True))


class RegistryPage(_Listing):
    """A place, an actor or an identifier: facts, then what it is linked to."""

    kind: str  # "place", "actor" or "identifier": what open_record opens

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id
        self.record: Any = None
        self.names: Names | None = None

    @property  # type: ignore[override]
    def NAVIGATION_KEYS(self) -> bool:  # noqa: N802 - the name the app reads
        """1-7 leave this screen, unless it was opened over a form (leaving would lose what
        was typed there)."""
        return not any(isinstance(s, RecordForm) for s in self.app.screen_stack)

    def above_list(self) -> ComposeResult:
        yield Static("", id="record-facts", markup=False)

    def reload(self) -> None:
        db = self.pulang.db
        if db is None or db.locked:
            return
        try:
            self.names = Names(db)
            self.load(db, self.names)
        except PulangError as error:  # removed by another officer meanwhile
            self.notify(printable(str(error)), severity="error", timeout=10, markup=False)
            if self.is_current:
                self.app.call_later(self.app.pop_screen)
            return
        self.loaded = True
        self.render_view()

    def render_view(self) -> None:
        lines = Lines()
        assert self.names is not None
        self.fill(lines, list_width(self.query_one(SectionList), self), self.names)
        self.targets = lines.targets
        lines.show_in(self.query_one(SectionList))

    def load(self, db: Database, names: Names) -> None:
        raise NotImplementedError

    def fill(self, lines: Lines, width: int, names: Names) -> None:
        raise NotImplementedError

    def show_facts(self, facts: list[str]) -> None:
        self.query_one("#record-facts", Static).update(
            "\n".join(printable(f, limit=400) for f in facts if f))

    # -- lines every page has ----------------------------------------------------------------

    def open_case_here(self, case_id: str, worker_id: str | None = None) -> Callable[[], None]:
        """Enter on a case: it opens over this page, and Escape comes back here (to the next
        case the handle touches)."""
        def opened() -> None:
            from tui.screens.case import CaseScreen  # not on the first frame

            self.app.push_screen(CaseScreen(case_id, focus={"worker": worker_id}
                                            if worker_id else None))

        return opened

    def identifier_rows(self, lines: Lines, title: str, identifiers: list[Identifier],
                        width: int) -> None:
        from store.domain import label

        db = self.db
        lines.heading(title, len(identifiers))
        for identifier in identifiers:
            lines.row(f"i:{identifier.id}", self.open("identifier", identifier.id),
                      (label(identifier.kind), 12),
                      (identifier.value, width - 12 - 16 - SURE - 3),
                      (seen_in(len(db.seen_in_cases(identifier.id))), 16),
                      (certainty(identifier), SURE))

    def case_rows(self, lines: Lines, case_ids: list[str], width: int, names: Names,
                  sure: dict[str, str]) -> None:
        """"Seen in N cases", then each case (ref, title, how sure), Enter opening it."""
        heading(lines, seen_in(len(case_ids)).capitalize())
        for case_id in case_ids:
            row = names.case(case_id)
            lines.row(f"c:{case_id}", self.open_case_here(case_id),
                      (names.case_ref(case_id), _REF),
                      (row.title if row is not None else "", width - _REF - SURE - 2),
                      (sure.get(case_id, ""), SURE))

    # -- edit and remove ---------------------------------------------------------------------

    def form(self) -> RecordForm[Any]:
        raise NotImplementedError

    def action_edit(self) -> None:
        if self.record is not None:
            self.app.push_screen(self.form())

    def action_remove(self) -> None:
        record = self.record
        if record is None:
            return
        db = self.db
        name = getattr(record, "name", "") or getattr(record, "value", "")

        def answered(yes: bool | None) -> None:
            if yes:
                self.pulang.run_store(
                    lambda: db.remove_registry_record(type(record), record.id, record.version),
                    self._removed, self._refused, what="remove")

        self.app.push_screen(ConfirmDialog(
            _("Remove «{name}» from the registry?").format(name=shorten(name)),
            _("Remove"), _("Keep")), answered)

    def _removed(self, _result: object) -> None:
        self.notify(_("Removed from the registry."))
        if self.is_current:
            self.dismiss()

    def _refused(self, error: PulangError) -> None:
        self.notify(printable(str(error)), title=_("Not done"), severity="error", timeout=10,
                    markup=False)

    def action_back(self) -> None:
        self.dismiss()
