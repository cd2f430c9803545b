"""Writing out of the app: a case brief for one kind of recipient (`b` on a case), and an
export of the whole database (Export… in the palette, `e` on Today).

The making is the store's, the same as `pulang brief` and `pulang export`: `store.exchange.brief.
case_brief` and `store.exchange.export.prepare_export` record the brief or the export in the audit
trail before returning it, and only then is a file written. Files are written whole or not at all,
readable by their owner only (mode 0600), never over one of the database's own files (said
before anything is asked), and never over an existing file without asking. From
an encrypted database nothing with personal data is written unless the officer ticks "Write it
unencrypted". A refusal or a failure is said in the dialog, which keeps what was typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from store import N_, PulangError, _, clock
from store.db import write_recorded
from store.domain import CONSENTABLE, RecipientKind, label, printable
from store.exchange import DEFAULT_K
from tui.screens.dialogs import ConfirmDialog
from tui.translate import TranslatedBindings
from tui.widgets import CheckBox, TextInput

if TYPE_CHECKING:
    from store.exchange import Brief, Prepared
    from tui.app import PulangApp

BRIEF_KINDS: tuple[RecipientKind, ...] = tuple(
    kind for kind in CONSENTABLE if kind is not RecipientKind.STATISTICS)
EXPORT_FORMATS = ("json", "csv", "htcds")


def shown(line: Static, text: str) -> None:
    """A message line: takes a row of the dialog only while it says something."""
    line.update(text)
    line.display = bool(text)


def typed_path(value: str) -> Path | None:
    """The path typed, with ~ for the home folder; relative to the folder Pulang runs in."""
    value = value.strip()
    return Path(value).expanduser().absolute() if value else None


class OutDialog(TranslatedBindings, ModalScreen[bool]):
    """What both dialogs share: a path, the tick for an encrypted database, a status line,
    Ctrl+S (or Enter in the path) to write, Escape to close. Dismisses True once written."""

    BINDINGS = [
        Binding("ctrl+s", "write", N_("Write"), id="out.write"),
        Binding("escape", "cancel", N_("Cancel"), id="out.cancel"),
        Binding("f1", "app.help", N_("Help"), id="out.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._writing = False
        self._default_path = ""

    @property
    def pulang(self) -> PulangApp:
        return self.app  # type: ignore[return-value]

    @property
    def encrypted(self) -> bool:
        db = self.pulang.db
        return bool(db is not None and db.encrypted)

    def row(self, title: str, widget: Any, row_id: str = "") -> Horizontal:
        return Horizontal(Label(title, classes="out-label"), widget, classes="out-row",
                          id=row_id or None)

    def path_row(self, path: str) -> Horizontal:
        self._default_path = path
        return self.row(_("File"), TextInput(path, id="f-path", compact=True,
                                             select_on_focus=False))

    def plaintext_row(self) -> Horizontal:
        return self.row(_("Write it unencrypted"), CheckBox(False, id="f-plaintext",
                                                            compact=True), "plaintext-row")

    def on_mount(self) -> None:
        self.query_one("#plaintext-row").display = self.encrypted
        self.query_one("#out-status").display = False

    def on_descendant_focus(self) -> None:
        """Mark the row of the field in front (its label in reverse video without colours)."""
        for row in self.query(".out-row"):
            row.set_class(self.focused is not None and self.focused in row.walk_children(),
                          "-here")

    def set_default_path(self, path: str) -> None:
        """A new default path, put in the field unless the officer has typed their own."""
        field = self.query_one("#f-path", Input)
        if field.value == self._default_path:
            field.value = path
            field.cursor_position = len(path)
        self._default_path = path

    def status(self, message: str) -> None:
        shown(self.query_one("#out-status", Static), printable(message, limit=600))

    @on(Input.Submitted, "#f-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def action_cancel(self) -> None:
        if not self._writing:
            self.dismiss(False)

    @property
    def is_dirty(self) -> bool:
        """A file's path typed (not the one offered), or a k typed (Ctrl+Q asks first)."""
        if self.query_one("#f-path", Input).value != self._default_path:
            return True
        k = self.query("#f-k")
        return bool(k) and k.first(Input).value.strip() != str(DEFAULT_K)

    def folder_missing(self, path: Path) -> bool:
        """Said before anything is made: an export recorded and then not written helps no one."""
        if path.parent.is_dir():
            return False
        self.status(_("There is no folder {folder}. Nothing was written.").format(
            folder=path.parent))
        return True

    def database_file(self, paths: list[Path]) -> bool:
        """Said before anything is asked: nothing is written over one of the database's own
        files (its snapshot, journal, audit trail, backups...), even after a yes."""
        from store import OwnFileRefused
        from store.db import refuse_database_files

        db = self.pulang.db
        if db is None:
            return False
        try:
            refuse_database_files(db.path, paths)
        except OwnFileRefused as refused:
            self.status(str(refused))
            return True
        return False

    def plaintext_allowed(self, refusal: str) -> bool:
        """From an encrypted database, only with the tick; else say `refusal`."""
        if self.encrypted and not self.query_one("#f-plaintext", CheckBox).value:
            self.status(refusal)
            return False
        return True

    def ask_then(self, questions: list[str], then: Any) -> None:
        """Ask each question in turn (yes/no); `then()` after a yes to every one. A no keeps
        the dialog as it is: nothing was written."""
        if not questions:
            then()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.ask_then(questions[1:], then)
            else:
                self.status(_("Nothing was written."))

        self.app.push_screen(ConfirmDialog(questions[0], _("Write"), _("Cancel")), answered)

    def run(self, job: Any, done: Any) -> None:
        """Make and write off the event loop (as every save), then `done(result)`."""
        self._writing = True
        self.status(_("Writing…"))

        def finished(result: Any) -> None:
            self._writing = False
            done(result)

        def failed(error: PulangError) -> None:
            self._writing = False
            if self.is_attached:
                self.status(str(error))
            else:  # the app locked meanwhile: say it where it can be seen
                self.pulang.notify(printable(str(error)), severity="error", timeout=10,
                                   markup=False)

        self.pulang.run_store(job, finished, failed, what="export")

    def action_write(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError


class BriefDialog(OutDialog):
    """A brief of one case for one kind of recipient, as PATH.md and PATH.html."""

    HELP = N_(
        "A brief of this case for one kind of recipient: the case's facts, each worker's step "
        "on the road home, the open requests to that recipient and the recent log entries with "
        "them. A worker's personal data is in it only when their consent covers that kind of "
        "recipient; the others appear as \"details withheld\". Choose the recipient (Enter "
        "opens the list), then the file: the brief is written as FILE.md (Markdown) and "
        "FILE.html (to print), readable by you only. Ctrl+S, or Enter in the file's field, "
        "writes it; an existing file is replaced only after asking. From an encrypted "
        "database, tick \"Write it unencrypted\" first (Space): the brief is plain text. "
        "Writing a brief is recorded in the audit trail. Escape closes without writing."
    )

    def __init__(self, case_id: str, ref: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.ref = ref

    def default_path(self, kind: RecipientKind) -> str:
        return str(Path.cwd() / f"brief-{self.ref}-{kind.value}")

    def compose(self) -> ComposeResult:
        first = BRIEF_KINDS[0]
        with Vertical(id="out-dialog"):
            yield Label(_("Brief of {ref}").format(ref=printable(self.ref, limit=40)),
                        id="out-title", markup=False)
            yield self.row(_("For"), Select([(label(k), k) for k in BRIEF_KINDS], value=first,
                                            allow_blank=False, id="f-recipient", compact=True))
            yield self.path_row(self.default_path(first))
            yield Static(_("Written as FILE.md and FILE.html, readable by you only."),
                         classes="out-hint", markup=False)
            yield self.plaintext_row()
            yield Static("", id="out-status", markup=False)
            yield Static(_("Ctrl+S write · Tab next field · Esc cancel · F1 help"),
                         classes="out-hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.set_focus(self.query_one("#f-recipient", Select))

    @on(Select.Changed, "#f-recipient")
    def _recipient_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, RecipientKind):
            self.set_default_path(self.default_path(event.value))

    def targets(self) -> tuple[Path, Path] | None:
        base = typed_path(self.query_one("#f-path", Input).value)
        if base is None:
            return None
        if base.suffix.lower() in (".md", ".html"):  # "brief.md" typed: not brief.md.md
            base = base.with_suffix("")
        return base.with_name(base.name + ".md"), base.with_name(base.name + ".html")

    def action_write(self) -> None:
        if self._writing:
            return
        self.status("")  # what an earlier try said no longer holds
        kind = self.query_one("#f-recipient", Select).value
        targets = self.targets()
        if targets is None:
            self.status(_("Give the file to write."))
            return
        if not self.plaintext_allowed(_(
                "The database is encrypted and a brief is plain text: tick \"Write it "
                "unencrypted\" to write it anyway. Nothing was written.")):
            return
        assert isinstance(kind, RecipientKind)
        if self.database_file(list(targets)) or self.folder_missing(targets[0]):
            return
        existing = [str(t) for t in targets if t.exists()]
        questions = [] if not existing else [
            _("{path} already exists. Replace it?").format(path=existing[0])
            if len(existing) == 1 else
            _("{paths} already exist. Replace them?").format(paths=" · ".join(existing))]
        self.ask_then(questions, lambda: self._write(kind, targets))

    def _write(self, kind: RecipientKind, targets: tuple[Path, Path]) -> None:
        from store.exchange import case_brief, record_brief

        db = self.pulang.db
        case_id = self.case_id

        def job() -> Brief:
            brief = case_brief(db, case_id, kind, record=False)
            markdown, page = targets
            # Written beside their places, recorded in the trail, then put in place.
            write_recorded([(markdown, brief.markdown.encode("utf-8")),
                            (page, brief.html.encode("utf-8"))],
                           lambda: record_brief(db, brief), database=db.path)
            return brief

        def done(brief: Brief) -> None:
            message = "\n".join((_("Brief written:"), str(targets[0]), str(targets[1])))
            if brief.withheld:
                message += "\n" + _("Details of {withheld} of {count} workers withheld: no "
                                    "consent for {kind}.").format(
                    withheld=brief.withheld, count=brief.workers, kind=label(kind))
            self.pulang.notify(printable(message, multiline=True), timeout=12, markup=False)
            if self.is_attached:
                self.dismiss(True)

        self.run(job, done)


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
            write_recorded([(path, prepared.data)], lambda: record_export(db, prepared),
                           database=db.path)
            return prepared

        def done(prepared: Prepared) -> None:
            message = _("Exported to {path}.").format(path=path)
            if prepared.report is not None:
                message += "\n" + prepared.report.describe()
            self.pulang.notify(printable(message, multiline=True), timeout=12, markup=False)
            if self.is_attached:
                self.dismiss(True)

        self.run(job, done)
