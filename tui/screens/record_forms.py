"""The forms for a case, a worker, a log entry and a worker's consent.

Two rules of the domain ask the officer before a save goes through: a case's stage set by hand
against the one its workers' steps give needs a reason (asked in a `ReasonDialog`, written to
the log), and a log entry sent (a referral, a message...) naming workers whose consent does not
cover its kind of counterpart is saved only on the officer's say (`ConfirmDialog`; the override
is recorded in the entry)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.content import Content
from textual.widgets import Input, Select

from store import (
    ConsentNeeded,
    PulangError,
    RuleRefused,
    StageReasonNeeded,
    _,
    clock,
    date_for_input,
    datetime_for_input,
)
from store.db import officer
from store.domain import (
    CONSENTABLE,
    RECIPIENT_OF_ORG,
    Case,
    CaseKind,
    Consent,
    Direction,
    ExploitationType,
    LogEntry,
    LogKind,
    PassportStatus,
    ReachedVia,
    RecipientKind,
    Sector,
    Sex,
    Stage,
    Urgency,
    Worker,
    choices,
    country_name,
    editable,
    format_phone,
    label,
    printable,
)
from tui.screens.dialogs import ConfirmDialog, ReasonDialog
from tui.screens.form import FieldSpec, RecordForm
from tui.screens.pickers import PickField, PickItem

if TYPE_CHECKING:
    from store.db import Database

DATE_HINT = "DD/MM/YYYY"
_NAMES_SHOWN = 5  # workers named in a question; the rest are counted


def _db(form: RecordForm[Any]) -> Database:
    return cast("Database", getattr(form.app, "db"))


class CaseForm(RecordForm[Case]):
    record_type = Case
    draft_kind = "case"

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("title", required=True, placeholder=_("e.g. Ten workers escaped a scam compound")),
            FieldSpec("kind", "select", choices(CaseKind), required=True),
            FieldSpec("destination_country", "country", required=True,
                      placeholder=_("country name or code, e.g. Cambodia or KH")),
            FieldSpec("destination_place", placeholder=_("city or area, e.g. Sihanoukville")),
            FieldSpec("origin_country", "country", placeholder=_("e.g. Indonesia or ID")),
            FieldSpec("exploitation_types", "multi", choices(ExploitationType)),
            FieldSpec("sector", "select", choices(Sector)),
            FieldSpec("reached_via", "select", choices(ReachedVia)),
            FieldSpec("date_reported", placeholder=DATE_HINT),
            FieldSpec("urgency", "select", choices(Urgency), required=True),
            FieldSpec("assigned_officer", placeholder=_("who follows this case")),
            FieldSpec("stage", "select", choices(Stage), required=True),
            FieldSpec("tags", placeholder=_("separated by commas")),
        ]

    def defaults(self) -> dict[str, Any]:
        return {
            "kind": CaseKind.INDIVIDUAL,
            "origin_country": country_name("ID"),
            "date_reported": date_for_input(clock.today()),
            "urgency": Urgency.NORMAL,
            "stage": Stage.REPORTED,
            "assigned_officer": officer(),
        }

    def values_of(self, case: Case) -> dict[str, Any]:
        return {
            "title": case.title,
            "kind": case.kind,
            "destination_country": country_name(case.destination_country),
            "destination_place": case.destination_place,
            "origin_country": country_name(case.origin_country),
            "exploitation_types": list(case.exploitation_types),
            "sector": case.sector,
            "reached_via": case.reached_via,
            "date_reported": date_for_input(case.date_reported),
            "urgency": case.urgency,
            "assigned_officer": case.assigned_officer,
            "stage": case.stage,
            "tags": ", ".join(case.tags),
        }

    def persist(self, record: Case) -> Case:
        return _db(self).save_case(record)

    def refused_by_rule(self, error: RuleRefused, record: Case) -> bool:
        """A stage against the workers' steps: ask why, then save with the reason (it goes
        into the log). Escape leaves the form as it is, unsaved."""
        if not isinstance(error, StageReasonNeeded):
            return False  # CaseNotClosable and the like: the message shows below the form

        def answered(reason: str | None) -> None:
            if reason:
                self.save_with(record, lambda: _db(self).save_case(record, stage_reason=reason))
            else:
                self.not_saved_because(error)

        self.app.push_screen(
            ReasonDialog(_("Why this stage?"), str(error),
                         placeholder=_("e.g. the embassy confirmed the flight by phone")),
            answered,
        )
        return True


class WorkerForm(RecordForm[Worker]):
    record_type = Worker
    draft_kind = "worker"

    def __init__(self, record: Worker | None, title: str, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(record, title)

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("full_name", required=True, placeholder=_("as in the passport, if known")),
            FieldSpec("other_spellings", placeholder=_("other ways the name is written, separated by commas")),
            FieldSpec("sex", "select", choices(Sex), required=True),
            FieldSpec("date_of_birth", placeholder=DATE_HINT),
            FieldSpec("age", placeholder=_("if the date of birth is not known")),
            FieldSpec("nationality", "country"),
            FieldSpec("home_province", placeholder=_("e.g. Sumatera Utara")),
            FieldSpec("home_district", placeholder=_("e.g. Medan")),
            FieldSpec("phone", placeholder=_("e.g. 0812 3456 7890 or +62 812 3456 7890")),
            FieldSpec("passport_number", placeholder=_("e.g. C1234567")),
            FieldSpec("passport_status", "select", choices(PassportStatus), required=True),
            FieldSpec("current_location", placeholder=_("shelter or place where the worker is now"),
                      hint=_("Sensitive: shelters and hiding places stay in Pulang.")),
            FieldSpec("family_contact", placeholder=_("a relative's name and phone")),
            FieldSpec("health", "area"),
            FieldSpec("notes", "area"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {
            "sex": Sex.UNKNOWN,
            "passport_status": PassportStatus.UNKNOWN,
            "nationality": country_name("ID"),
        }

    def values_of(self, worker: Worker) -> dict[str, Any]:
        return {
            "full_name": worker.full_name,
            "other_spellings": ", ".join(worker.other_spellings),
            "sex": worker.sex,
            "date_of_birth": date_for_input(worker.date_of_birth),
            "age": "" if worker.age is None else str(worker.age),
            "nationality": country_name(worker.nationality),
            "home_province": worker.home_province,
            "home_district": worker.home_district,
            "phone": format_phone(worker.phone),
            "passport_number": worker.passport_number,
            "passport_status": worker.passport_status,
            "current_location": worker.current_location,
            "family_contact": worker.family_contact,
            "health": worker.health,
            "notes": worker.notes,
        }

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data["case_id"] = self.case_id
        return data

    def persist(self, record: Worker) -> Worker:
        return _db(self).save_worker(record)


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


class ConsentForm(RecordForm[Consent]):
    """A worker's consent: when, by whom, in which language, and to which kinds of recipient
    their personal data may go. Only kinds a consent can name are offered."""

    record_type = Consent
    draft_kind = "consent"

    def __init__(self, record: Consent | None, title: str, case_id: str, worker_id: str) -> None:
        self.case_id = case_id
        self.worker_id = worker_id
        super().__init__(record, title)

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("given_on", placeholder=DATE_HINT),
            # Not the login name: the person who explained it to the worker says so.
            FieldSpec("taken_by", required=True,
                      placeholder=_("who explained it and took the consent")),
            FieldSpec("language", placeholder=_("e.g. Bahasa Indonesia")),
            FieldSpec("recipients", "multi", [(label(kind), kind) for kind in CONSENTABLE],
                      hint=_("Media and recruiters never receive personal data.")),
            FieldSpec("withdrawn_on", placeholder=DATE_HINT,
                      hint=_("Fill in to withdraw consent; sharing stops.")),
            FieldSpec("notes", "area"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"given_on": date_for_input(clock.today()), "recipients": []}

    def values_of(self, consent: Consent) -> dict[str, Any]:
        return {
            "given_on": date_for_input(consent.given_on),
            "taken_by": consent.taken_by,
            "language": consent.language,
            "recipients": list(consent.recipients),
            "withdrawn_on": date_for_input(consent.withdrawn_on),
            "notes": consent.notes,
        }

    def base_data(self) -> dict[str, Any]:
        data = super().base_data()
        data.update(case_id=self.case_id, worker_id=self.worker_id)
        return data

    def draft(self) -> dict[str, Any]:
        # A new consent has no record yet to say whose it is.
        return {**super().draft(), "worker_id": self.worker_id}

    def persist(self, record: Consent) -> Consent:
        return _db(self).save_consent(record)
