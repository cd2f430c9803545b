"""The form of a new draft version of an agreement: its whole text and a note."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Header, Label, Static, TextArea

from store import N_, VersionUnchanged, _
from store.domain import Agreement, editable, printable
from tui.screens.agreements.common import _db
from tui.screens.form import FieldSpec, RecordForm
from tui.widgets import TextInput


class VersionForm(RecordForm[Agreement]):
    """A new draft version: its whole text, starting from the latest version's, and a note.
    Ctrl+S keeps it as the next version (the latest text unchanged is refused, and said so);
    Escape asks before throwing away what was typed."""

    record_type = Agreement
    draft_kind = "agreement_version"
    HELP = N_(
        "The new draft version starts from the text of the latest one: change what changes, "
        "or replace it all with a pasted text (F7 selects everything first). It is plain text; "
        "long lines wrap on the screen but are kept as typed. Tab moves to the note: what this "
        "version changes, or whose it is. Ctrl+S keeps it as the next version, dated today; "
        "the same text as the latest version is not kept again. Escape asks before throwing "
        "away what you typed."
    )

    def fields(self) -> list[FieldSpec]:
        return [FieldSpec("text", "area"), FieldSpec("note")]

    def compose(self) -> ComposeResult:
        assert self.record is not None
        yield Header()
        number = max((v.number for v in self.record.versions), default=0) + 1
        yield Label(_("Version {number} of “{title}”").format(
            number=number, title=printable(self.record.title, limit=100)),
            id="version-heading", markup=False)
        area = TextArea(self.values_of(self.record)["text"], id="f-text", soft_wrap=True,
                        tab_behavior="focus")
        area.show_line_numbers = False
        yield area
        yield Static("", classes="field-error", id="e-text", markup=False)
        with Vertical(id="version-note-row"):
            yield Label(_("Note"), classes="field-label")
            yield TextInput(placeholder=_("e.g. with LFTU's comments on article 3"),
                            id="f-note", compact=True, select_on_focus=False)
        yield Static("", classes="field-error", id="e-note", markup=False)
        yield Static("", id="form-status", markup=False)
        yield Footer()

    def values_of(self, agreement: Agreement) -> dict[str, Any]:
        latest = agreement.latest
        return {"text": "" if latest is None else editable(latest.text, multiline=True),
                "note": ""}

    def refused_by_rule(self, error: Any, record: Agreement) -> bool:
        if not isinstance(error, VersionUnchanged):
            return False
        self._show_status(str(error))
        self.notify(str(error), severity="warning", markup=False)
        self.set_focus(self.query_one("#f-text"))
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        errors = dict(errors)
        if "versions" in errors:
            errors["text"] = errors.pop("versions")
        super().show_errors(errors)

    def action_save(self) -> None:
        if self._saving or self.record is None:
            return
        values = self.values()
        text = editable(values["text"], multiline=True)
        if not text.strip():
            self.show_errors({"text": _("The text of the version is empty.")})
            return
        note = values["note"].strip()
        db = _db(self)
        agreement_id = self.record.id
        # As stored now: the number follows the versions another officer may have added.
        self.save_with(self.record,
                       lambda: db.add_draft_version(db.agreement(agreement_id), text, note))

    def _conflicted(self, conflict: Any) -> None:
        self.not_saved_because(conflict)

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> VersionForm:
        return cls(Agreement.model_validate(draft["record"]), draft["title"])
