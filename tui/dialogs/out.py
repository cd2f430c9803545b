"""Writing out of the app: what the brief of a case (`b` on a case, `tui.dialogs.brief`) and
the export of the whole database (Export… in the palette, `e` on Today, `tui.dialogs.export`)
share.

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
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store import N_, PulangError, _
from store.domain import printable
from store.exchange import DEFAULT_K
from tui.dialogs.confirm import ConfirmDialog
from tui.translate import TranslatedBindings
from tui.widgets import CheckBox, TextInput

if TYPE_CHECKING:
    from tui.app import PulangApp


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
        self.call_after_refresh(self._show_file_name)

    def _show_file_name(self) -> None:
        """A long folder pushes the file's name out of the field: show its end, the name."""
        field = self.query_one("#f-path", Input)
        field.scroll_to(x=field.max_scroll_x, animate=False, immediate=True)

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
