"""Adding a list of workers to a case from the case screen (`I`): pasted from a chat or a
spreadsheet, or read from a CSV file; each column mapped to a field (guessed from the header,
correctable; a column with data that fills no field is named in the status line, with how
many values it holds, until it is given a field or skipped), every row checked and shown with
its problems, and nothing written until the officer confirms. Then every row without a
problem goes in, in one change. The screen opens on the File line: a path typed at once goes
there, and a path pasted into the list box is read as the file, and said.

A row likely to be a worker of another case (`ImportRow.match`, from every case's workers:
`check_rows`) says who and why on its row, and the officer chooses for it, on the table: `a`
adds it anyway (the default), `l` links it to that worker (nothing new is saved; both cases'
logs say it, `Database.link_workers`), `s` skips it. A list pasted from a chat goes the same way.

The reading and checking are `store.exchange.worker_import`'s, the same as `pulang import-workers`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Select, Static, TextArea

from store import N_, PulangError, _, ngettext
from store.db import officer
from store.domain import printable, row_name
from store.exchange import (
    FIELDS,
    ImportRow,
    LeftOut,
    WorkerList,
    above_header_said,
    check_rows,
    guess_mapping,
    left_out_columns,
    pasted_path,
    read_file,
    read_list,
    row_label,
    workers_to_add,
)
from tui.dialogs.confirm import ConfirmDialog
from tui.translate import TranslatedBindings
from tui.widgets import RecordTable, TextInput, cell

if TYPE_CHECKING:
    from tui.app import PulangApp

_LEFT_OUT = "-"  # the Select value of a column left out (warned about when it holds data)
_SKIP = "skip"  # the Select value of a column the officer leaves out on purpose
# What is done with a row likely to be a worker of another case (the officer's choice).
ADD, LINK, SKIP_ROW = "add", "link", "skip"


class ImportWorkersScreen(TranslatedBindings, Screen[int | None]):
    """Returns the number of workers added (0: only links were made; None: nothing was)."""

    BINDINGS = [
        Binding("ctrl+r", "read", N_("Read the list"), id="import.read", priority=True),
        Binding("ctrl+s", "import", N_("Add the workers"), id="import.save"),
        Binding("escape", "cancel", N_("Cancel"), id="import.cancel"),
        Binding("a", "choose('add')", N_("Add anyway"), id="import.add_anyway"),
        Binding("l", "choose('link')", N_("Link"), id="import.link"),
        Binding("s", "choose('skip')", N_("Skip"), id="import.skip"),
        Binding("f1", "app.help", N_("Help"), id="import.help"),
    ]
    HELP = N_(
        "Add a list of workers to this case. Write the path of a CSV file or an Excel "
        "workbook (.xlsx, its first sheet) on the File line and press Enter, or paste the list "
        "into the box below it (one worker a line, or rows copied from a spreadsheet; a file's "
        "path pasted there is read as the file); then Ctrl+R reads it. Each column is matched "
        "to a field from its header (English or Indonesian, as offices write them: Nama "
        "Lengkap, No. Paspor/SPLP, Asal (Kab/Kota), No HP/WA, Tgl. Lahir, L/P, Alamat goes to "
        "the notes); change a column's field with its list. A column that holds data and "
        "fills no field is named in the status line with how many values it holds: give it a "
        "field (several can go to the notes), or choose (skip) if it is not needed. Rows are "
        "numbered as the spreadsheet numbers them (and by its No column when it has one). "
        "Every row is checked as a save would check it and listed with its problems (left "
        "out) and what to check (it goes in). A row likely to be a worker of another case says "
        "who, in which case, and why: on the table, a adds it anyway (the default), l links it "
        "to that worker (nothing new is saved; both cases' logs say it, by case and number) and "
        "s skips it. Nothing is written until Ctrl+S and a yes: then every row without a "
        "problem is added (or linked), all at once. Escape goes back without adding anything."
    )

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.listed: WorkerList | None = None
        self.rows: list[ImportRow] = []
        self.lost: list[LeftOut] = []  # columns with data that no field takes
        self.choices: dict[int, str] = {}  # row index -> ADD, LINK or SKIP_ROW (flagged rows)
        self._read_note = ""  # said before the status: the paste box held a file's path

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="import-file-row"):
            yield Label(_("File"), classes="field-label")
            yield TextInput(placeholder=_("path of a CSV or Excel (.xlsx) file, or paste "
                                          "below"),
                            id="import-file", compact=True, select_on_focus=False)
        yield Label(_("Or paste the list here, one worker a line (or rows copied from a "
                      "spreadsheet):"), id="import-paste-label")
        yield TextArea("", id="import-paste", soft_wrap=False, tab_behavior="focus",
                       compact=True)
        yield Static(_("Paste a list, or give a file; then Ctrl+R reads it."),
                     id="import-status", markup=False)
        yield VerticalScroll(id="import-mapping")
        yield RecordTable(id="import-rows")
        yield Static("", id="import-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Add workers from a list")
        # On the File line: a path typed first goes there, not into the list as a name.
        self.set_focus(self.query_one("#import-file", Input))
        table = self.query_one("#import-rows", RecordTable)
        table.add_columns(_("Row"), _("Name"), _("Result"))

    # -- reading ------------------------------------------------------------------------

    @on(Input.Submitted, "#import-file")
    def _file_given(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_read()

    def _data(self) -> bytes | None:
        """The file's bytes (read no further than the limit) or the pasted text's; both go
        through `read_list`'s limits. PulangError for a file that cannot be read."""
        self._read_note = ""
        path = self.query_one("#import-file", Input).value.strip()
        if path:
            return read_file(Path(path).expanduser())
        paste = self.query_one("#import-paste", TextArea)
        text = paste.text
        if not text.strip():
            self._status(_("Paste a list, or give a file; then Ctrl+R reads it."))
            return None
        named = pasted_path(text)
        if named is not None:  # a path, not a worker: moved to the File line and read
            self.query_one("#import-file", Input).value = str(named)
            paste.text = ""
            self._read_note = _("The box held a file's path, not a list: {path} is read as "
                                "the file.").format(path=named)
            return read_file(named)
        # A lone surrogate (no file can hold one) is shown as � on its row, not a crash.
        return re.sub("[\ud800-\udfff]", "\ufffd", text).encode("utf-8")

    def action_read(self) -> None:
        try:
            data = self._data()
            self.listed = read_list(data) if data is not None else None
        except PulangError as error:  # not a file, too large, binary, an .xls: said, and how
            self.listed = None
            self._status(" ".join(filter(None, (self._read_note, str(error)))))
        if self.listed is None:  # nothing from an earlier list is left to add by mistake
            self.rows = []
            self.lost = []
            self.query_one("#import-mapping", VerticalScroll).remove_children()
            self.query_one("#import-rows", RecordTable).clear()
            self.query_one("#import-detail", Static).update("")
            return
        self._show_mapping(guess_mapping(self.listed))
        self._check()

    def _show_mapping(self, mapping: list[str | None]) -> None:
        from store.domain import Worker

        box = self.query_one("#import-mapping", VerticalScroll)
        box.remove_children()
        header = (self.listed.header if self.listed is not None else None) or []
        options: list[tuple[str, str]] = [(_("(left out)"), _LEFT_OUT), (_("(skip)"), _SKIP)] + [
            (Worker.field_label(name), name) for name in FIELDS]
        rows = []
        for column, name in enumerate(mapping):
            title = header[column] if column < len(header) else ""
            label = _("Column {number}").format(number=column + 1) + (
                f" “{printable(title, limit=24)}”" if title else "")
            rows.append(Horizontal(
                Label(label, classes="field-label", markup=False),
                Select(options, value=name or _LEFT_OUT, allow_blank=False, compact=True,
                       id=f"map-{column}"),
                classes="field-row"))
        box.mount_all(rows)

    def _mapping(self) -> list[str | None]:
        selects = sorted(self.query("#import-mapping Select").results(Select),
                         key=lambda s: int(str(s.id).split("-")[1]))
        return [None if s.value in (_LEFT_OUT, _SKIP, Select.NULL) else str(s.value)
                for s in selects]

    def _skipped(self) -> set[int]:
        """The columns the officer chose to leave out: (skip)."""
        return {int(str(s.id).split("-")[1])
                for s in self.query("#import-mapping Select").results(Select) if s.value == _SKIP}

    @on(Select.Changed)
    def _remapped(self, event: Select.Changed) -> None:
        if str(event.select.id or "").startswith("map-") and self.listed is not None:
            event.stop()
            self._check()

    def _check(self, mapping: list[str | None] | None = None) -> None:
        if self.listed is None:
            return
        db = self.pulang.db
        assert db is not None
        if mapping is None:
            mapping = self._mapping() if self.query("#import-mapping Select") else \
                guess_mapping(self.listed)
        self.rows = check_rows(db, self.listed, mapping, self.case_id)
        self.choices = {index: ADD for index, row in enumerate(self.rows)
                        if row.ok and row.match is not None}
        self.refresh_bindings()
        self.lost = left_out_columns(self.listed, mapping, self._skipped())
        table = self.query_one("#import-rows", RecordTable)
        table.clear()
        for index, row in enumerate(self.rows):
            # In a row, a spelling that fits one (`fits_a_row`), or a marker.
            name = row.worker.name_in_rows if row.worker is not None else row_name([row.name])
            number = _("{row} (No. {number})").format(row=row.row, number=row.number) \
                if row.number else str(row.row)
            table.add_row(cell(number, 16), cell(name, 40), cell(self._result(index), 200),
                          key=str(index))
        good = sum(1 for r in self.rows if r.ok)
        said = [self._read_note, _("Read as {encoding}: {good} of {rows} rows can be added; "
                                   "Ctrl+S adds them.").format(
            encoding=self.listed.encoding_label, good=good, rows=len(self.rows))]
        if self.lost:
            said.append(_("Not imported, with their values: {columns}. Give each a field "
                          "below, or (skip).").format(
                columns="; ".join(lost.said for lost in self.lost)))
        said.append(above_header_said(self.listed))
        self._status(" ".join(filter(None, said)))

    def _result(self, index: int) -> str:
        """A row's last column: left out and why, the choice made for a row likely to be a
        worker of another case (first, to be seen at 80 columns), what to check, or ok."""
        row = self.rows[index]
        if not row.ok:
            return _("left out: {why}").format(why="; ".join(row.problems))
        warnings = row.warnings
        if row.match is not None and warnings:  # `check_rows` says the match last: seen first
            warnings = [warnings[-1], *warnings[:-1]]
        result = _("check: {what}").format(what="; ".join(warnings)) if warnings else _("ok")
        choice = self.choices.get(index)
        if choice is None or row.match is None:
            return result
        if choice == LINK:
            said = _("LINK to {ref}, worker {number}").format(
                ref=row.match.ref, number=row.match.number or "?")
        elif choice == SKIP_ROW:
            said = _("SKIP")
        else:
            said = _("ADD anyway")
        return _("{choice} (a/l/s) · {result}").format(choice=said, result=result)

    def on_data_table_row_highlighted(self, event: RecordTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.rows):
            self._detail(event.cursor_row)

    def _detail(self, index: int) -> None:
        row = self.rows[index]
        said = [*row.problems, *row.warnings] or [_("ok")]
        text = _("{row}: {said}").format(row=row_label(row.row, row.number, True),
                                         said="; ".join(said))
        if index in self.choices:
            text += " " + _("a adds it anyway, l links it to that worker, s skips it.")
        self.query_one("#import-detail", Static).update(printable(text, limit=400))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """a, l and s only while a row is likely a worker of another case."""
        return bool(self.choices) if action == "choose" else True

    def action_choose(self, choice: str) -> None:
        """For the row under the cursor, likely a worker of another case: add it anyway, link
        it to that worker, or skip it (see the module's doc)."""
        table = self.query_one("#import-rows", RecordTable)
        if self.focused is not table or not self.rows:
            return
        index = table.cursor_row
        if index not in self.choices:
            self.notify(_("Only a row likely to be a worker of another case is chosen for: "
                          "this one is added as it is, or left out."), markup=False)
            return
        self.choices[index] = choice
        table.update_cell(str(index), table.ordered_columns[2].key,
                          cell(self._result(index), 200))
        self._detail(index)

    def _status(self, text: str) -> None:
        self.query_one("#import-status", Static).update(printable(text))

    # -- writing ------------------------------------------------------------------------

    def _chosen(self) -> tuple[list[str], int]:
        """The workers of other cases the rows chosen to be linked are, and how many rows are
        skipped."""
        linked = [row.match.worker_id for index, row in enumerate(self.rows)
                  if self.choices.get(index) == LINK and row.match is not None]
        skipped = sum(1 for choice in self.choices.values() if choice == SKIP_ROW)
        return list(dict.fromkeys(linked)), skipped

    def action_import(self) -> None:
        chosen = {index for index, choice in self.choices.items() if choice != ADD}
        good = workers_to_add([row for index, row in enumerate(self.rows)
                               if index not in chosen])
        linked, skipped = self._chosen()
        if not good and not linked:
            self._status(_("Nothing to add: read a list first (Ctrl+R), with at least one row "
                           "without problems."))
            return
        left_out = sum(1 for row in self.rows if not row.ok)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            db = self.pulang.db
            assert db is not None
            self.pulang.run_store(
                lambda: db.import_workers(self.case_id, good, linked, officer()),
                lambda saved: self._done(len(saved), len(linked)), self._refused, what="import")

        question = ngettext("Add {count} worker to this case?",
                            "Add {count} workers to this case?", len(good)).format(count=len(good))
        if linked:
            question += " " + ngettext(
                "{count} row is linked to a worker of another case instead.",
                "{count} rows are linked to workers of other cases instead.",
                len(linked)).format(count=len(linked))
        if skipped:
            question += " " + ngettext("{count} row is skipped.", "{count} rows are skipped.",
                                       skipped).format(count=skipped)
        if left_out:
            question += " " + ngettext("{count} row with problems is left out.",
                                       "{count} rows with problems are left out.",
                                       left_out).format(count=left_out)
        if self.lost:  # a last look before values are lost
            question += " " + _("Not imported: {columns}.").format(
                columns="; ".join(lost.said for lost in self.lost))
        self.app.push_screen(ConfirmDialog(question, _("Add"), _("Not yet")), answered)

    def _done(self, added: int, linked: int) -> None:
        if linked:
            self.notify(ngettext("{count} row linked to a worker of another case.",
                                 "{count} rows linked to workers of other cases.",
                                 linked).format(count=linked))
        # 0 when only links were made: nothing added, but the case's log has new entries.
        self.dismiss(added if added or linked else None)

    def _refused(self, error: PulangError) -> None:
        self._status(str(error))

    def action_cancel(self) -> None:
        """Back to the case; a pasted list or a file's path is not thrown away unasked."""
        if not self.is_dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog(_("Discard this list? Nothing was added."),
                                           _("Discard"), _("Keep it")), answered)

    @property
    def is_dirty(self) -> bool:
        """Pasted text or a file's path, not yet added."""
        return bool(self.query_one("#import-paste", TextArea).text.strip()
                    or self.query_one("#import-file", Input).value.strip())
