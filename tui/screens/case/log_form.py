"""The form for an entry of a case's log, with its counterpart (as typed, and as a record of
the directory) and its next step; an entry from a partner's copy says which partner, above.

A rule of the domain asks the officer before a save goes through: a log entry sent (a
referral, a message...) naming workers whose consent does not cover its kind of counterpart is
saved only on the officer's say (`ConfirmDialog`; the override is recorded in the entry)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.content import Content
from textual.widgets import Input, Select, Static

from store import (
    ConsentNeeded,
    PulangError,
    RuleRefused,
    _,
    clock,
    date_for_input,
    datetime_for_input,
)
from store.db import officer
from store.domain import (
    RECIPIENT_OF_ORG,
    Direction,
    LogEntry,
    LogKind,
    RecipientKind,
    Worker,
    choices,
    editable,
    label,
    printable,
)
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.picker import PickItem
from tui.screens.case.fields import DATE_HINT, _db
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.form.fields import PickField

_NAMES_SHOWN = 5  # workers named in a question; the rest are counted


class LogEntryForm(RecordForm[LogEntry]):
    record_type = LogEntry
    draft_kind = "log"

    def __init__(
        self, record: LogEntry | None, title: str, case_id: str, workers: list[Worker]
    ) -> None:
        self.case_id = case_id
        self.case_workers = workers
        super().__init__(record, title)

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("at", placeholder="DD/MM/YYYY HH:MM"),
            FieldSpec("kind", "select", choices(LogKind), required=True),
            FieldSpec("direction", "select", choices(Direction),
                      hint=_("sent: what it says about the workers it names went to the "
                             "counterpart, so their consent is checked")),
            FieldSpec("counterpart_org", placeholder=_("e.g. KBRI Phnom Penh")),
            FieldSpec("counterpart_person", placeholder=_("name and title")),
            # The same counterparts as records of the directory (the text above stays as
            # typed; picking fills it only when empty).
            FieldSpec("counterpart_org_id", "pick", source=self._organisations,
                      hint=_("Enter chooses an organisation of the directory.")),
            FieldSpec("counterpart_person_id", "pick", source=self._people,
                      hint=_("Enter chooses a person of the directory.")),
            FieldSpec("counterpart_kind", "select", choices(RecipientKind),
                      hint=_("for an entry sent: decides whose consent is needed")),
            FieldSpec("summary", "area", required=True),
            FieldSpec("next_step", placeholder=_("what must happen next, and who does it")),
            FieldSpec("due_date", placeholder=DATE_HINT),
            FieldSpec("awaiting_reply", "check",
                      hint=_("Space ticks it until the counterpart answers.")),
            # A name is never read as markup in the list of choices.
            FieldSpec("worker_ids", "multi",
                      [(Content(printable(w.name_in_rows, limit=200)), w.id)
                       for w in self.case_workers],
                      hint=_("Space ticks the workers this entry is about.")),
            FieldSpec("recorded_by", placeholder=_("who recorded this entry")),
        ]

    def defaults(self) -> dict[str, Any]:
        return {
            "at": datetime_for_input(clock.now()),
            "kind": LogKind.CALL,
            "recorded_by": officer(),
            "worker_ids": [],
            "awaiting_reply": False,
            "counterpart_org_id": None,
            "counterpart_person_id": None,
        }

    def values_of(self, entry: LogEntry) -> dict[str, Any]:
        return {
            "at": datetime_for_input(entry.at),
            "kind": entry.kind,
            "direction": entry.direction,
            "counterpart_org": entry.counterpart_org,
            "counterpart_person": entry.counterpart_person,
            "counterpart_org_id": entry.counterpart_org_id,
            "counterpart_person_id": entry.counterpart_person_id,
            "counterpart_kind": entry.counterpart_kind,
            "summary": entry.summary,
            "next_step": entry.next_step,
            "due_date": date_for_input(entry.due_date),
            "awaiting_reply": entry.awaiting_reply,
            "worker_ids": list(entry.worker_ids),
            "recorded_by": entry.recorded_by,
        }

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data["case_id"] = self.case_id
        return data

    def persist(self, record: LogEntry) -> LogEntry:
        return _db(self).save_log_entry(record)

    # -- the counterpart in the directory --------------------------------------------------

    def _organisations(self) -> list[PickItem]:
        from tui.screens.tasks import organisation_items

        return organisation_items(_db(self))

    def _people(self) -> list[PickItem]:
        from tui.screens.tasks import people_items

        return people_items(_db(self))

    def on_mount(self) -> None:
        super().on_mount()
        if self.record is not None and self.record.from_org_id:
            self._say_partner(self.record.from_org_id)
        # The names of the records linked now (or in a draft put back), for the fields.
        db = _db(self)
        for name, read in (("counterpart_org_id", lambda i: db.organisation(i).shown_name),
                           ("counterpart_person_id", lambda i: db.person(i).name_in_rows)):
            pick = self.query_one(f"#f-{name}", PickField)
            for record_id in pick.chosen:
                try:
                    pick.names[record_id] = read(record_id)
                except PulangError:
                    pass  # shown as removed
            pick.set_value(pick.value)

    def _say_partner(self, org_id: str) -> None:
        """Above the fields, read-only: the partner whose copy of the case the entry came
        from (a sync brought it, attributed to that partner; no field changes it)."""
        try:
            org = _db(self).organisation(org_id).shown_name
        except PulangError:
            org = _("(removed)")
        said = _("From partner: {org}").format(org=printable(org, limit=120))
        self.mount(Static(said, id="from-partner", classes="field-hint", markup=False),
                   before="#form")

    @on(PickField.Changed)
    def _picked(self, event: PickField.Changed) -> None:
        """A record of the directory chosen: fill the free text from it where nothing was
        typed, and the kind of counterpart from the organisation's kind if not set. What
        was typed is never overwritten."""
        chosen = event.field.value
        if not isinstance(chosen, str):
            return
        db = _db(self)
        try:
            if event.field.id == "f-counterpart_org_id":
                org = db.organisation(chosen)
                self._fill_if_empty("counterpart_org", org.shown_name)
                kind = self.query_one("#f-counterpart_kind", Select)
                if kind.value is Select.NULL and org.kind in RECIPIENT_OF_ORG:
                    kind.value = RECIPIENT_OF_ORG[org.kind]
            elif event.field.id == "f-counterpart_person_id":
                self._fill_if_empty("counterpart_person", db.person(chosen).full_name)
        except PulangError:
            return  # removed meanwhile: the save says so

    def _fill_if_empty(self, name: str, text: str) -> None:
        field = self.query_one(f"#f-{name}", Input)
        if not field.value.strip():
            field.value = editable(text)

    def refused_by_rule(self, error: RuleRefused, record: LogEntry) -> bool:
        """An entry sent (a referral, a message...) naming workers whose consent does not
        cover its kind of counterpart: ask, and on yes save it with the override recorded; on
        no, back to the form as it was. (NeverRecipient is not asked about: its message shows
        below the form.)"""
        if not isinstance(error, ConsentNeeded):
            return False
        names = [printable(name, limit=60) for name in error.workers.values()]
        who = ", ".join(names[:_NAMES_SHOWN])
        if len(names) > _NAMES_SHOWN:
            who = _("{names} and {count} more").format(names=who,
                                                      count=len(names) - _NAMES_SHOWN)
        kind = label(record.counterpart_kind) if record.counterpart_kind else ""
        if record.kind is LogKind.REFERRAL:
            question = _("{names}: no consent to share personal data with {kind}. Refer "
                         "anyway? The override is recorded in the log.")
            yes, refused = _("Refer anyway"), _("Not referred: {names} gave no consent to "
                                                "share personal data with {kind}.")
        else:
            question = _("{names}: no consent to share personal data with {kind}. Share "
                         "anyway? The override is recorded in the log.")
            yes, refused = _("Share anyway"), _("Not saved: {names} gave no consent to share "
                                               "personal data with {kind}.")

        def answered(anyway: bool | None) -> None:
            if anyway:
                self.save_with(record, lambda: _db(self).save_log_entry(
                    record, without_consent=True))
            else:
                self.not_saved_because(refused.format(names=who, kind=kind))

        self.app.push_screen(ConfirmDialog(question.format(names=who, kind=kind), yes,
                                           _("Back to the form")), answered)
        return True
