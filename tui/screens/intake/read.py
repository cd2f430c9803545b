"""A new intake: a list of people released or found, from a file (CSV, Excel) or pasted, who
sent it and its title (by default the file's name and today); its columns shown mapped to
worker fields as soon as the list is given (guessed from the header, the compound column
among them; correctable), then Ctrl+R reads and proposes: every row checked, matched against
every worker and open family inquiry, grouped by compound (`store.exchange.intake`, off the
event loop), and saved as an open intake: from then on the triage is saved and can be resumed.
Nothing is written before that.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Select, Static, TextArea

from store import N_, PulangError, _, clock
from store.domain import IntakeSource, label, printable
from store.exchange import (
    FIELDS,
    default_title,
    intake_of,
    pasted_path,
    propose,
    read_file,
    read_intake,
)
from tui.translate import TranslatedBindings
from tui.widgets import TextInput

if TYPE_CHECKING:
    from tui.app import PulangApp

_LEFT_OUT = "-"  # a column no field takes
_COMPOUND = "compound"  # the column that says where the row's people were held


class IntakeReadScreen(TranslatedBindings, Screen[None]):
    """Reads a new list and opens its triage (see the module's doc)."""

    DEFAULT_CSS = """
    IntakeReadScreen .intake-line { height: 1; }
    IntakeReadScreen .intake-line Label { width: 10; padding: 0 1; }
    IntakeReadScreen #intake-source { width: 20; }
    IntakeReadScreen #intake-paste { height: 5; border: none; background: $panel; }
    IntakeReadScreen #intake-status { height: auto; padding: 0 1; }
    IntakeReadScreen #intake-mapping { height: 1fr; }
    IntakeReadScreen #intake-mapping .field-row { height: 1; }
    IntakeReadScreen #intake-mapping Label { width: 36; padding: 0 1; }
    """
    BINDINGS = [
        Binding("ctrl+r", "read", N_("Read and match"), id="intake.read", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="intake.cancel"),
        Binding("f1", "app.help", N_("Help"), id="intake.help"),
    ]
    HELP = N_(
        "Take in a list of people released or found: an embassy's, a shelter's, the police's. "
        "Write the path of a CSV file or an Excel workbook on the File line and press Enter, "
        "or paste the list into the box (rows copied from a spreadsheet, any script). Say who "
        "sent it, and give it a title (by default the file's name and today). The columns "
        "are shown with the field each fills, guessed from the header: the column that says "
        "where the people were held (Compound, Tempat...) groups the rows; change a column's "
        "field with its list. Ctrl+R reads the list and checks every row against every worker "
        "of every case and every open family inquiry; the list is then saved as an open "
        "intake and its triage opens: nothing else is made of it until you confirm it there. "
        "Escape goes back without saving anything."
    )

    def __init__(self) -> None:
        super().__init__()
        self._columns_for: bytes | None = None  # the list the columns shown are of
        self._name = ""  # the file's name, for the default title

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="intake-line"):
            yield Label(_("File"))
            yield TextInput(placeholder=_("path of a CSV or Excel (.xlsx) file, or paste "
                                          "below"), id="intake-file", compact=True,
                            select_on_focus=False)
        with Horizontal(classes="intake-line"):
            yield Label(_("Sent by"))
            yield Select([(label(s), s.value) for s in IntakeSource],
                         value=IntakeSource.EMBASSY.value, allow_blank=False, compact=True,
                         id="intake-source")
            yield Label(_("Title"))
            yield TextInput(placeholder=_("the file's name and today"), id="intake-title",
                            compact=True)
        yield TextArea("", id="intake-paste", soft_wrap=False, tab_behavior="focus",
                       compact=True)
        yield Static(_("Give a file or paste a list; Ctrl+R reads it and matches every row."),
                     id="intake-status", markup=False)
        yield VerticalScroll(id="intake-mapping")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Intake a list")
        self.set_focus(self.query_one("#intake-file", Input))

    # -- the list and its columns ---------------------------------------------------------

    def _data(self) -> bytes | None:
        """The file's bytes or the pasted text's (PulangError for a file that cannot be
        read); None when there is neither."""
        path = self.query_one("#intake-file", Input).value.strip()
        if path:
            self._name = Path(path).name
            return read_file(Path(path).expanduser())
        paste = self.query_one("#intake-paste", TextArea)
        named = pasted_path(paste.text) if paste.text.strip() else None
        if named is not None:  # a path pasted: read as the file
            self.query_one("#intake-file", Input).value = str(named)
            paste.text = ""
            self._name = named.name
            return read_file(named)
        if not paste.text.strip():
            return None
        self._name = _("pasted list")
        return re.sub("[\ud800-\udfff]", "\ufffd", paste.text).encode("utf-8")

    @on(Input.Submitted, "#intake-file")
    def _file_given(self, event: Input.Submitted) -> None:
        event.stop()
        self.show_columns()

    @on(TextArea.Changed, "#intake-paste")
    def _pasted(self) -> None:
        self.show_columns()

    def show_columns(self) -> None:
        """The list's columns with the field each fills (guessed); reads nothing of the
        database."""
        try:
            data = self._data()
            if data is None:
                return
            listed, mapping, compound = read_intake(data)
        except PulangError as error:
            self._status(str(error))
            return
        self._columns_for = data
        box = self.query_one("#intake-mapping", VerticalScroll)
        box.remove_children()
        from store.domain import Worker

        options = [(_("(left out)"), _LEFT_OUT), (_("compound (groups the rows)"), _COMPOUND)]
        options += [(Worker.field_label(name), name) for name in FIELDS]
        header = listed.header or []
        lines = []
        for column, name in enumerate(mapping):
            title = header[column] if column < len(header) else ""
            said = _("Column {number}").format(number=column + 1) + (
                f" “{printable(title, limit=20)}”" if title else "")
            value = _COMPOUND if column == compound and name is None else name or _LEFT_OUT
            lines.append(Horizontal(Label(said, markup=False),
                                    Select(options, value=value, allow_blank=False,
                                           compact=True, id=f"intake-map-{column}"),
                                    classes="field-row"))
        box.mount_all(lines)
        self._status(_("{rows} rows read. Check the field of each column, then Ctrl+R matches "
                       "every row.").format(rows=len(listed.rows)))

    def _chosen(self, width: int) -> tuple[list[str | None], int | None] | None:
        """The mapping and compound column the officer sees (None: none shown for it)."""
        selects = sorted(self.query("#intake-mapping Select").results(Select),
                         key=lambda s: int(str(s.id).rsplit("-", 1)[1]))
        if len(selects) != width:
            return None
        values = [str(s.value) for s in selects]
        compound = values.index(_COMPOUND) if _COMPOUND in values else None
        mapping = [None if v in (_LEFT_OUT, _COMPOUND) else v for v in values]
        if compound is None and "current_location" in mapping:
            compound = mapping.index("current_location")
        return mapping, compound

    # -- reading and proposing ----------------------------------------------------------

    def action_read(self) -> None:
        db = self.pulang.db
        if db is None:
            return
        try:
            data = self._data()
            if data is None:
                self._status(_("Give a file or paste a list first."))
                return
            listed, mapping, compound = read_intake(data)
        except PulangError as error:
            self._status(str(error))
            return
        if data == self._columns_for:
            chosen = self._chosen(len(mapping))
            if chosen is not None:
                mapping, compound = chosen
        source = IntakeSource(str(self.query_one("#intake-source", Select).value))
        title = (self.query_one("#intake-title", Input).value.strip()
                 or default_title(source, clock.today(), self._name))

        def work() -> Any:
            proposals = propose(db, listed, mapping, compound)
            return proposals, db.save_intake(intake_of(proposals, title, source))

        def done(outcome: Any) -> None:
            from tui.screens.intake.triage import TriageScreen

            proposals, intake = outcome
            self.app.switch_screen(TriageScreen(intake.id, proposals))

        self._status(_("Matching {rows} rows against every case…").format(
            rows=len(listed.rows)))
        self.pulang.run_store(work, done, lambda error: self._status(str(error)),
                              what="intake")

    def _status(self, text: str) -> None:
        self.query_one("#intake-status", Static).update(printable(text))

    def action_cancel(self) -> None:
        self.dismiss(None)
