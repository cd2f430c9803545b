"""The brief of one case for one kind of recipient (`b` on a case), written as FILE.md and
FILE.html: what the dialog shares with the export is `tui.dialogs.out`'s."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from store import N_, _
from store.db import write_recorded
from store.domain import CONSENTABLE, RecipientKind, label, printable
from tui.dialogs.out import OutDialog, typed_path

if TYPE_CHECKING:
    from store.exchange import Brief

BRIEF_KINDS: tuple[RecipientKind, ...] = tuple(
    kind for kind in CONSENTABLE if kind is not RecipientKind.STATISTICS)


class BriefDialog(OutDialog):
    """A brief of one case for one kind of recipient, as PATH.md and PATH.html."""

    HELP = N_(
        "A brief of this case for one kind of recipient: the case's facts, each worker's step "
        "on the road home, the open requests to that recipient and the recent log entries with "
        "them. A worker's personal data is in it only when their consent covers that kind of "
        "recipient; the others appear as \"details withheld\". So are their legal matters and "
        "money: for a covered worker, the kinds that recipient needs (never the notes), with "
        "the principle of non-punishment for the police or an embassy where one faces a "
        "charge; for any other worker, nothing. Choose the recipient (Enter "
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
