"""The export of the whole database (Export… in the palette, `e` on Today): json, csv or htcds
statistics; what the dialog shares with the brief is `tui.dialogs.out`'s."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from store import N_, _, clock
from store.db import write_recorded
from store.domain import printable
from store.exchange import DEFAULT_K
from tui.dialogs.out import OutDialog, shown, typed_path
from tui.widgets import CheckBox, TextInput

if TYPE_CHECKING:
    from store.exchange import Prepared

EXPORT_FORMATS = ("json", "csv", "htcds")


class ExportDialog(OutDialog):
    """The whole database as json (a backup), csv (a zip, one file per kind of record) or
    htcds statistics (k-anonymised)."""

    HELP = N_(
        "Export the whole database to a file. json: every record with its id and version, a "
        "backup that `pulang import` reads back; it holds the workers' personal data. csv: a "
        ".zip with one file per kind of record, for spreadsheets; personal and sensitive "
        "fields are left out unless \"Include personal data\" is ticked. htcds: statistics "
        "in the HTCDS / CTDC columns, one row per worker whose consent covers statistics, "
        "k-anonymised: every combination of gender, age band, citizenship, country and year "
        "is shared by at least k rows (11 unless you change it; smaller keeps more detail "
        "and protects less), with no names, numbers, exact dates or free text. Choose the "
        "format (Enter opens the list) and the file; Ctrl+S, or Enter in the file's field, "
        "writes it, readable by you only. An export with personal data is written only after "
        "you confirm; from an encrypted database, tick \"Write it unencrypted\" first (Space). "
        "An existing file is replaced only after asking. Every export is recorded in the "
        "audit trail. Escape closes without writing."
    )

    @staticmethod
    def format_labels() -> dict[str, str]:
        return {"json": _("json: every record, a backup"),
                "csv": _("csv: a .zip, one file per table"),
                "htcds": _("htcds: statistics, anonymised")}

    @staticmethod
    def default_path(fmt: str) -> str:
        stem = f"pulang-export-{clock.today().isoformat()}"
        name = {"json": f"{stem}.json", "csv": f"{stem}.zip", "htcds": f"{stem}-htcds.csv"}[fmt]
        return str(Path.cwd() / name)

    def compose(self) -> ComposeResult:
        with Vertical(id="out-dialog"):
            yield Label(_("Export the database"), id="out-title")
            yield self.row(_("Format"), Select(
                [(self.format_labels()[f], f) for f in EXPORT_FORMATS], value="htcds",
                allow_blank=False, id="f-format", compact=True))
            yield self.path_row(self.default_path("htcds"))
            yield self.row(_("k (rows alike)"),
                           TextInput(str(DEFAULT_K), id="f-k", compact=True,
                                     select_on_focus=False), "k-row")
            yield self.row(_("Include personal data"),
                           CheckBox(False, id="f-personal", compact=True), "personal-row")
            yield self.plaintext_row()
            yield Static("", id="out-warning", markup=False)
            yield Static("", id="out-status", markup=False)
            yield Static(_("Ctrl+S write · Tab next field · Esc cancel · F1 help"),
                         classes="out-hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self._show_choices()
        self.set_focus(self.query_one("#f-format", Select))

    @property
    def fmt(self) -> str:
        return str(self.query_one("#f-format", Select).value)

    @property
    def personal(self) -> bool:
        from store.exchange import holds_personal

        return holds_personal(self.fmt, self.fmt == "csv" and
                              self.query_one("#f-personal", CheckBox).value)

    def _show_choices(self) -> None:
        self.query_one("#personal-row").display = self.fmt == "csv"
        self.query_one("#k-row").display = self.fmt == "htcds"
        shown(self.query_one("#out-warning", Static),
              _("! This file will hold the names and personal data of the workers, "
                "unencrypted: keep it safe, and delete it when it is no longer needed.")
              if self.personal else "")

    @on(Select.Changed, "#f-format")
    def _format_changed(self, event: Select.Changed) -> None:
        if event.value in EXPORT_FORMATS:
            self.set_default_path(self.default_path(str(event.value)))
        self._show_choices()

    @on(CheckBox.Changed, "#f-personal")
    def _personal_changed(self) -> None:
        self._show_choices()

    def action_write(self) -> None:
        if self._writing:
            return
        self.status("")  # what an earlier try said no longer holds
        path = typed_path(self.query_one("#f-path", Input).value)
        if path is None:
            self.status(_("Give the file to write."))
            return
        k = DEFAULT_K
        if self.fmt == "htcds":
            typed = self.query_one("#f-k", Input).value.strip()
            if not typed.isdigit() or int(typed) < 2:
                self.status(_("k must be a whole number, 2 or more: with 1, a row could be "
                              "one person. Nothing was written."))
                return
            k = int(typed)
        personal = self.personal
        if personal and not self.plaintext_allowed(_(
                "The database is encrypted and this export would hold personal data "
                "unencrypted: tick \"Write it unencrypted\" to write it anyway. Nothing was "
                "written.")):
            return
        if self.database_file([path]):
            return
        if path.is_dir():
            self.status(_("{path} is a folder: give a file's name.").format(path=path))
            return
        if self.folder_missing(path):
            return
        questions = []
        if path.exists():
            questions.append(_("{path} already exists. Replace it?").format(path=path))
        if personal:
            questions.append(_("{path} will hold the names and personal data of the workers, "
                               "unencrypted. Write it?").format(path=path))
        fmt = self.fmt
        include = fmt == "csv" and self.query_one("#f-personal", CheckBox).value
        self.ask_then(questions, lambda: self._write(fmt, include, path, k))

    def _write(self, fmt: str, include_personal: bool, path: Path, k: int) -> None:
        from store.exchange import prepare_export, record_export

        db = self.pulang.db

        def job() -> Prepared:
            prepared = prepare_export(db, fmt, include_personal=include_personal, k=k,
                                      record=False)
            # Written beside its place, recorded in the trail, then put in place.
            write_recorded([(path, prepared.stream())],  # type: ignore[list-item]
                           lambda: record_export(db, prepared), database=db.path)
            return prepared

        def done(prepared: Prepared) -> None:
            message = _("Exported to {path}.").format(path=path)
            if prepared.report is not None:
                message += "\n" + prepared.report.describe()
            self.pulang.notify(printable(message, multiline=True), timeout=12, markup=False)
            if self.is_attached:
                self.dismiss(True)

        self.run(job, done)
