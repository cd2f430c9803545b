"""The domain records: a case, the workers in it and its log, with the domain's validation.

Records accept what a form or an import holds (text for dates, phones, countries, lists) and
store clean values: dates, E.164 phones, ISO 3166-1 alpha-2 codes. Every field is classified in
its metadata (see `store.domain.classification`). `build()` turns pydantic's errors into a
`RecordInvalid` whose messages name the field in the user's language.

Every text field follows the one input policy of `store.domain.text` (control characters refused,
a length limit per kind of field, everything else kept as typed). A free-text field names its
kind (`text=NAME.name`, `LINE.name` or `NOTES.name`); any other text (ids, codes) is held to a
line's rules. Records read back from the file (`STORED`) are taken as saved, so text written by
an older version stays readable; `pulang check` and the next save through a form apply the
policy again.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from store.common import clock
from store.common.errors import RecordInvalid
from store.common.i18n import N_, _
from store.domain.classification import label_msgid, personal, public, sensitive
from store.domain.parse import (
    InputProblem,
    parse_country,
    parse_date,
    parse_datetime,
    parse_list,
    parse_phone,
)
from store.domain.text import (
    DOCUMENT,
    LINE,
    NAME,
    NOTES,
    RULES,
    list_problem,
    normalise_line_breaks,
    row_name,
    shorten,
    text_problem,
)
from store.domain.vocab import (
    AGREEMENT_MOVES,
    CONSENTABLE,
    AgreementArea,
    AgreementStatus,
    Answer,
    CaseKind,
    DecidedBy,
    Direction,
    ExploitationType,
    IloIndicator,
    LogKind,
    MeansOfControl,
    MeetingKind,
    OrgKind,
    PassportStatus,
    Platform,
    ReachedVia,
    RecipientKind,
    RecruiterRelation,
    RecruitmentMethod,
    Sector,
    Sex,
    Stage,
    StepStatus,
    TraffickingStatus,
    Urgency,
)

R = TypeVar("R", bound="Record")

REF_PATTERN = re.compile(r"^[A-Z]{2}-[0-9]{4}-[0-9]{4,}$")
_E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")  # ASCII digits only: \d also matches Lao or Thai

# Validation context for a record read back from the file: its text is taken as it was saved.
STORED: dict[str, Any] = {"stored": True}


def new_id() -> str:
    return uuid.uuid4().hex


def _problem(message: str) -> PydanticCustomError:
    # The message is already translated; pydantic shows it as it is.
    return PydanticCustomError("pulang", message)


class Record(BaseModel):
    """What every record carries: a stable identity and who changed it when."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = public(N_("Id"), default_factory=new_id)
    created_at: dt.datetime | None = public(N_("Created"), None)
    updated_at: dt.datetime | None = public(N_("Updated"), None)
    changed_by: str = personal(N_("Changed by"), "", text=NAME.name)
    version: int = public(N_("Version"), 0, ge=0)

    @classmethod
    def field_label(cls, name: str) -> str:
        return _(label_msgid(cls, name))

    def checks(self) -> dict[str, str]:
        """Rules across fields; field name -> message. Overridden by records that have them."""
        return {}

    @model_validator(mode="after")
    def _cross_field_rules(self) -> Record:
        problems = self.checks()
        if problems:
            # Not a ValueError, so pydantic lets it through unwrapped, field names intact.
            raise RecordInvalid(problems, {n: self.field_label(n) for n in problems})
        return self

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any, info: ValidationInfo) -> Any:
        # Runs for every field of every record read: test the value before the field.
        if isinstance(value, str) and not value.strip():
            if cls.__pydantic_fields__[info.field_name or ""].default is None:
                return None
        return value

    @field_validator("*")
    @classmethod
    def _text_policy(cls, value: Any, info: ValidationInfo) -> Any:
        """The input policy of `store.domain.text`, for every text field and list of texts."""
        if isinstance(value, str):
            pass
        elif not (isinstance(value, list) and value and isinstance(value[0], str)):
            return value
        if info.context is not None and info.context.get("stored"):
            return value  # as saved: read back exactly, whatever an older version let in
        extra = cls.__pydantic_fields__[info.field_name or ""].json_schema_extra
        rule = RULES[str(extra.get("text", LINE.name))] if isinstance(extra, dict) else LINE
        if isinstance(value, str):
            if rule.multiline:
                value = normalise_line_breaks(value)
            problem = text_problem(value, rule)
        else:
            problem = list_problem(value, rule)
        if problem:
            raise _problem(problem)
        return value


def _date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return parse_date(value)
        except InputProblem as problem:
            raise _problem(str(problem)) from None
    return value


def _date_or_today(value: Any) -> Any:
    """A date field that defaults to today when left empty."""
    value = _date(value)
    return clock.today() if value is None else value


def _country(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return parse_country(value)
        except InputProblem as problem:
            raise _problem(str(problem)) from None
    return value


def _listed(value: Any) -> Any:
    return parse_list(value) if isinstance(value, str) else value


class Case(Record):
    ref: str | None = public(N_("Reference"), None)
    title: str = public(N_("Title"), text=LINE.name)
    kind: CaseKind = public(N_("Kind"), CaseKind.INDIVIDUAL)
    destination_country: str = public(N_("Destination country"))
    destination_place: str = public(N_("Destination place"), "", text=LINE.name)
    origin_country: str | None = public(N_("Origin country"), None)
    exploitation_types: list[ExploitationType] = public(N_("Exploitation"), default_factory=list)
    sector: Sector | None = public(N_("Sector"), None)
    reached_via: ReachedVia | None = public(N_("Reached the union via"), None)
    date_reported: dt.date = public(N_("Date reported"), default_factory=clock.today)
    urgency: Urgency = public(N_("Urgency"), Urgency.NORMAL)
    assigned_officer: str = personal(N_("Assigned officer"), "", text=NAME.name)
    stage: Stage = public(N_("Stage"), Stage.REPORTED)
    # Set when the officer chose a stage other than the one the workers' steps give; the
    # reason is in the case's log. Without plans the stage is always set by hand.
    stage_override: bool = public(N_("Stage set by hand"), False)
    tags: list[str] = public(N_("Tags"), default_factory=list, text=NAME.name)

    @field_validator("title", mode="before")
    @classmethod
    def _title_required(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _problem(_("must not be empty"))
        return value

    @field_validator("destination_country", mode="before")
    @classmethod
    def _destination_required(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _problem(_("must not be empty"))
        return _country(value)

    @field_validator("origin_country", mode="before")
    @classmethod
    def _origin(cls, value: Any) -> Any:
        return _country(value)

    @field_validator("destination_country", "origin_country")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value is not None and parse_country(value) is None:
            raise _problem(_("Unknown country: {text}").format(text=shorten(value)))
        return value

    @field_validator("date_reported", mode="before")
    @classmethod
    def _reported(cls, value: Any) -> Any:
        return _date_or_today(value)

    @field_validator("exploitation_types", "tags", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("ref")
    @classmethod
    def _ref_shape(cls, value: str | None) -> str | None:
        if value is not None and not REF_PATTERN.match(value):
            raise _problem(_("not a case reference such as KH-2025-0001"))
        return value

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.date_reported > clock.today():
            problems["date_reported"] = _("must not be in the future")
        return problems


class Worker(Record):
    case_id: str = public(N_("Case"))
    full_name: str = personal(N_("Full name"), text=NAME.name)
    other_spellings: list[str] = personal(N_("Other spellings"), default_factory=list,
                                          text=NAME.name)
    sex: Sex = public(N_("Sex"), Sex.UNKNOWN)
    date_of_birth: dt.date | None = personal(N_("Date of birth"), None)
    age: int | None = personal(N_("Age"), None, ge=0, le=120)
    nationality: str | None = public(N_("Nationality"), None)
    home_province: str = personal(N_("Home province"), "", text=NAME.name)
    home_district: str = personal(N_("Home district"), "", text=NAME.name)
    phone: str | None = personal(N_("Phone"), None)
    passport_number: str = sensitive(N_("Passport number"), "", text=NAME.name)
    passport_status: PassportStatus = sensitive(N_("Passport is"), PassportStatus.UNKNOWN)
    current_location: str = sensitive(N_("Current location or shelter"), "", text=LINE.name)
    family_contact: str = sensitive(N_("Family contact"), "", text=LINE.name)
    health: str = sensitive(N_("Health"), "", text=NOTES.name)
    notes: str = personal(N_("Notes"), "", text=NOTES.name)
    # When the worker's personal and sensitive data was erased (withdrawn consent, or a
    # request under the data protection law); what is left is the bare record for the counts.
    erased_at: dt.datetime | None = public(N_("Erased"), None)

    @field_validator("full_name", mode="before")
    @classmethod
    def _name_required(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _problem(_("must not be empty"))
        return value

    @field_validator("other_spellings", mode="before")
    @classmethod
    def _spellings(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("date_of_birth", mode="before")
    @classmethod
    def _dob(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("nationality", mode="before")
    @classmethod
    def _nationality(cls, value: Any) -> Any:
        return _country(value)

    @field_validator("age", mode="before")
    @classmethod
    def _age(cls, value: Any) -> Any:
        if isinstance(value, str):
            if not value.strip():
                return None
            if not value.strip().isdecimal():  # isdigit() takes "²", which int() refuses
                raise _problem(_("Enter the age in whole years"))
            return int(value)
        return value

    @field_validator("phone", mode="before")
    @classmethod
    def _phone(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str) and _E164.match(value):
            return value  # as stored: already checked when it was typed
        if isinstance(value, str):
            try:
                return parse_phone(value, info.data.get("nationality") or "ID")
            except InputProblem as problem:
                raise _problem(str(problem)) from None
        return value

    @field_validator("passport_number", mode="before")
    @classmethod
    def _passport(cls, value: Any) -> Any:
        # Before the text policy, which then sees (and limits) what is stored.
        return re.sub(r"\s+", "", value).upper() if isinstance(value, str) else value

    @property
    def display_age(self) -> int | None:
        if self.date_of_birth is not None:
            today = clock.today()
            dob = self.date_of_birth
            return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
        return self.age

    @property
    def all_names(self) -> list[str]:
        return [self.full_name, *self.other_spellings]

    @property
    def name_in_rows(self) -> str:
        """The name as a row of a list or table shows it (`store.domain.text.row_name`)."""
        return row_name(self.all_names, self.id)

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.date_of_birth is not None and self.date_of_birth > clock.today():
            problems["date_of_birth"] = _("must not be in the future")
        return problems


def case_order(workers: Iterable[Worker]) -> list[Worker]:
    """A case's workers in the order its page lists them: by the name as rows show it
    (`Worker.name_in_rows`: a Khmer or Burmese name by its Latin spelling)."""
    return sorted(workers, key=lambda w: (w.name_in_rows.casefold(), w.id))


def worker_numbers(workers: Iterable[Worker]) -> dict[str, int]:
    """Each worker's number in their case, from 1: as the case page shows it beside the name,
    and as a brief names a worker whose details it withholds (their place in `case_order`)."""
    return {w.id: n for n, w in enumerate(case_order(workers), start=1)}


class LogEntry(Record):
    case_id: str = public(N_("Case"))
    worker_ids: list[str] = public(N_("Workers"), default_factory=list)
    at: dt.datetime = public(N_("When"), default_factory=clock.now)
    recorded_by: str = personal(N_("Recorded by"), "", text=NAME.name)
    kind: LogKind = public(N_("Kind"), LogKind.NOTE)
    counterpart_org: str = public(N_("Counterpart organisation"), "", text=LINE.name)
    counterpart_person: str = personal(N_("Counterpart person"), "", text=NAME.name)
    summary: str = personal(N_("Summary"), text=NOTES.name)
    next_step: str = personal(N_("Next step"), "", text=LINE.name)
    # Before due_date: the loader picks due_date and next_step_done out of a line's end.
    counterpart_kind: RecipientKind | None = public(N_("Kind of counterpart"), None)
    awaiting_reply: bool = public(N_("Awaiting reply"), False)
    # Workers named in an entry sent (a referral, a message...) whose consent did not cover
    # its kind of counterpart, sent on the officer's say.
    consent_override: list[str] = public(N_("Sent without consent"), default_factory=list)
    # The counterpart in the directory, when linked; the free text above stays as typed.
    counterpart_org_id: str | None = public(N_("Linked organisation"), None)
    counterpart_person_id: str | None = public(N_("Linked person"), None)
    # Sent to the counterpart or received from them; None for a note, and for entries kept
    # from before schema 5 whose kind did not tell (the migration counted them).
    direction: Direction | None = public(N_("Sent or received"), None)
    due_date: dt.date | None = public(N_("Due date"), None)
    next_step_done: bool = public(N_("Next step done"), False)

    @field_validator("at", mode="before")
    @classmethod
    def _when(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass
            try:
                parsed = parse_datetime(value)
            except InputProblem as problem:
                raise _problem(str(problem)) from None
            except (ValueError, OverflowError):  # 01/01/0001 00:00 has no local time
                raise _problem(_("is too far in the past or the future")) from None
            return clock.now() if parsed is None else parsed
        return value

    @field_validator("at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        try:
            aware = value if value.tzinfo else value.astimezone()
            aware.astimezone()  # every screen shows it in local time: that must exist
        except (ValueError, OverflowError):
            raise _problem(_("is too far in the past or the future")) from None
        return aware

    @field_validator("summary", mode="before")
    @classmethod
    def _summary_required(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _problem(_("must not be empty"))
        return value

    @field_validator("due_date", mode="before")
    @classmethod
    def _due(cls, value: Any) -> Any:
        return _date(value)

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.due_date is not None and self.due_date < self.at.astimezone().date():
            problems["due_date"] = _("is before the entry's date")
        if self.due_date is not None and not self.next_step.strip():
            problems["next_step"] = _("say what is due on the due date")
        if self.kind is LogKind.REFERRAL and self.worker_ids and self.counterpart_kind is None:
            problems["counterpart_kind"] = _("say to what kind of organisation the workers are "
                                             "referred: their consent depends on it")
        if self.awaiting_reply and self.kind not in AWAITING_KINDS:
            problems["awaiting_reply"] = _("only a call, message, letter or referral awaits a "
                                           "reply")
        if self.kind is LogKind.REFERRAL and self.direction is Direction.RECEIVED:
            problems["direction"] = _("a referral is sent by the union; record one that came "
                                      "in as a call, message or letter")
        if self.kind is LogKind.NOTE and self.direction is not None:
            problems["direction"] = _("a note stays in the union: it is neither sent nor "
                                      "received")
        return problems

    @model_validator(mode="after")
    def _referral_is_sent(self) -> LogEntry:
        if self.kind is LogKind.REFERRAL and self.direction is None:
            self.direction = Direction.SENT
        return self

    @property
    def sent(self) -> bool:
        """Went from the union to the counterpart, with whatever it says of the workers it
        names: a referral always; a note never; another entry when marked sent."""
        return self.kind is LogKind.REFERRAL or (
            self.kind is not LogKind.NOTE and self.direction is Direction.SENT)


# Log entries that can wait for a partner's answer.
AWAITING_KINDS = (LogKind.CALL, LogKind.MESSAGE, LogKind.LETTER, LogKind.REFERRAL)


# -- screening, consent and the road home (one of each per worker) --------------------------

# The ILO indicator -> (field with the answer, field with the evidence).
INDICATOR_FIELDS: dict[IloIndicator, tuple[str, str]] = {
    ind: (f"ilo_{ind.value}", f"ilo_{ind.value}_evidence") for ind in IloIndicator
}


def _answer(label: str) -> Any:
    return public(label, Answer.UNKNOWN)


def _evidence(label: str) -> Any:
    return sensitive(label, "", text=LINE.name)


class Screening(Record):
    """Is this forced labour, is this trafficking? Act, means and purpose (UN Trafficking
    Protocol, Art. 3) and the eleven ILO indicators, each with a short evidence note."""

    case_id: str = public(N_("Case"))
    worker_id: str = public(N_("Worker"))
    screened_on: dt.date = public(N_("Screened on"), default_factory=clock.today)
    screened_by: str = personal(N_("Screened by"), "", text=NAME.name)
    act: Answer = _answer(N_("Act (recruited, moved, harboured)"))
    act_evidence: str = _evidence(N_("Act: evidence"))
    means: Answer = _answer(N_("Means (force, deception, abuse of vulnerability)"))
    means_evidence: str = _evidence(N_("Means: evidence"))
    purpose: Answer = _answer(N_("Purpose (exploitation)"))
    purpose_evidence: str = _evidence(N_("Purpose: evidence"))
    minor: Answer = _answer(N_("Under 18 when recruited"))
    ilo_vulnerability: Answer = _answer(N_("abuse of vulnerability"))
    ilo_vulnerability_evidence: str = _evidence(N_("Abuse of vulnerability: evidence"))
    ilo_deception: Answer = _answer(N_("deception"))
    ilo_deception_evidence: str = _evidence(N_("Deception: evidence"))
    ilo_movement: Answer = _answer(N_("restriction of movement"))
    ilo_movement_evidence: str = _evidence(N_("Restriction of movement: evidence"))
    ilo_isolation: Answer = _answer(N_("isolation"))
    ilo_isolation_evidence: str = _evidence(N_("Isolation: evidence"))
    ilo_violence: Answer = _answer(N_("physical and sexual violence"))
    ilo_violence_evidence: str = _evidence(N_("Violence: evidence"))
    ilo_threats: Answer = _answer(N_("intimidation and threats"))
    ilo_threats_evidence: str = _evidence(N_("Intimidation and threats: evidence"))
    ilo_documents: Answer = _answer(N_("retention of identity documents"))
    ilo_documents_evidence: str = _evidence(N_("Retention of documents: evidence"))
    ilo_wages: Answer = _answer(N_("withholding of wages"))
    ilo_wages_evidence: str = _evidence(N_("Withholding of wages: evidence"))
    ilo_debt: Answer = _answer(N_("debt bondage"))
    ilo_debt_evidence: str = _evidence(N_("Debt bondage: evidence"))
    ilo_conditions: Answer = _answer(N_("abusive working and living conditions"))
    ilo_conditions_evidence: str = _evidence(N_("Abusive conditions: evidence"))
    ilo_overtime: Answer = _answer(N_("excessive overtime"))
    ilo_overtime_evidence: str = _evidence(N_("Excessive overtime: evidence"))
    means_of_control: list[MeansOfControl] = public(N_("Means of control"),
                                                   default_factory=list)
    recruitment_method: RecruitmentMethod | None = public(N_("Recruited"), None)
    platform: Platform | None = public(N_("Platform"), None)
    recruiter_relation: RecruiterRelation | None = public(N_("Recruiter was"), None)
    # The officer's decision: the suggestion confirmed, or another status, and who decided.
    status: TraffickingStatus | None = public(N_("Trafficking status"), None)
    decided_by: DecidedBy | None = public(N_("Decided by"), None)
    status_note: str = sensitive(N_("Why this status"), "", text=LINE.name)

    @field_validator("screened_on", mode="before")
    @classmethod
    def _on(cls, value: Any) -> Any:
        return _date_or_today(value)

    @field_validator("means_of_control", mode="before")
    @classmethod
    def _means_list(cls, value: Any) -> Any:
        return _listed(value)

    def indicator(self, indicator: IloIndicator) -> Answer:
        return getattr(self, INDICATOR_FIELDS[indicator][0])

    def indicators_present(self) -> list[IloIndicator]:
        return [i for i in IloIndicator if self.indicator(i) is Answer.YES]

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.screened_on > clock.today():
            problems["screened_on"] = _("must not be in the future")
        if self.status is not None and self.decided_by is None:
            problems["decided_by"] = _("say who decided the trafficking status")
        return problems


def is_child(screening: Screening | None, worker: Worker | None) -> bool:
    """Under 18 when recruited: as the screening says, else from the worker's age now."""
    if screening is not None and screening.minor is not Answer.UNKNOWN:
        return screening.minor is Answer.YES
    age = worker.display_age if worker is not None else None
    return age is not None and age < 18


def suggested_status(screening: Screening, child: bool | None) -> TraffickingStatus | None:
    """The Protocol's rule: act + means + purpose, and for a child no means needed.

    `child` None reads it from the screening alone. Actual when every element needed is yes;
    not a victim when one of them is no; possible while one is still unknown; None while
    nothing at all is known (nothing to suggest yet)."""
    if child is None:
        child = screening.minor is Answer.YES
    needed = [screening.act, screening.purpose] + ([] if child else [screening.means])
    if all(a is Answer.YES for a in needed):
        return TraffickingStatus.ACTUAL
    if any(a is Answer.NO for a in needed):
        return TraffickingStatus.NOT_A_VICTIM
    known = [screening.act, screening.means, screening.purpose]
    if all(a is Answer.UNKNOWN for a in known) and not screening.indicators_present():
        return None
    return TraffickingStatus.POSSIBLE


def status_reason(screening: Screening, child: bool) -> str:
    """Why the rule suggests what it suggests, in the user's language."""
    suggested = suggested_status(screening, child)
    missing = [name for name, answer in ((_("act"), screening.act),
                                         (_("means"), None if child else screening.means),
                                         (_("purpose"), screening.purpose))
               if answer is not None and answer is not Answer.YES]
    if suggested is TraffickingStatus.ACTUAL:
        return (_("act and purpose established; a child needs no means") if child
                else _("act, means and purpose established"))
    if suggested is TraffickingStatus.NOT_A_VICTIM:
        return _("not established: {elements}").format(elements=", ".join(
            name for name, answer in ((_("act"), screening.act),
                                      (_("means"), None if child else screening.means),
                                      (_("purpose"), screening.purpose))
            if answer is Answer.NO))
    if suggested is None:
        return _("nothing answered yet")
    return _("not yet: {elements} still unknown").format(elements=", ".join(missing))


class Consent(Record):
    """A worker's consent: to which kinds of recipient their personal data may go."""

    case_id: str = public(N_("Case"))
    worker_id: str = public(N_("Worker"))
    given_on: dt.date = public(N_("Consent given on"), default_factory=clock.today)
    taken_by: str = personal(N_("Taken by"), text=NAME.name)
    language: str = public(N_("In which language"), "", text=NAME.name)
    recipients: list[RecipientKind] = public(N_("May be shared with"), default_factory=list)
    withdrawn_on: dt.date | None = public(N_("Withdrawn on"), None)
    notes: str = personal(N_("Notes"), "", text=NOTES.name)

    @field_validator("given_on", mode="before")
    @classmethod
    def _given(cls, value: Any) -> Any:
        return _date_or_today(value)

    @field_validator("withdrawn_on", mode="before")
    @classmethod
    def _withdrawn(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("taken_by", mode="before")
    @classmethod
    def _taker_required(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _problem(_("say who took the consent"))
        return value

    @field_validator("recipients", mode="before")
    @classmethod
    def _recipient_list(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("recipients")
    @classmethod
    def _never_media(cls, value: list[RecipientKind]) -> list[RecipientKind]:
        if any(kind not in CONSENTABLE for kind in value):
            raise _problem(_("media, recruiters and others not listed can never receive a "
                             "worker's personal data"))
        return list(dict.fromkeys(value))

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None

    def allows(self, kind: RecipientKind) -> bool:
        return self.active and kind in self.recipients

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        today = clock.today()
        if self.given_on > today:
            problems["given_on"] = _("must not be in the future")
        if self.withdrawn_on is not None:
            if self.withdrawn_on > today:
                problems["withdrawn_on"] = _("must not be in the future")
            elif self.withdrawn_on < self.given_on:
                problems["withdrawn_on"] = _("is before the consent was given")
        return problems


class StepState(BaseModel):
    """One step of a worker's plan (its note lives in `Plan.notes`, classified apart)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    key: str
    status: StepStatus = StepStatus.TODO
    org: str = ""  # the organisation responsible
    done_on: dt.date | None = None
    deadline: dt.date | None = None

    @field_validator("done_on", "deadline", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return _date(value)

    @field_validator("org")
    @classmethod
    def _org_text(cls, value: str, info: ValidationInfo) -> str:
        if info.context is not None and info.context.get("stored"):
            return value
        problem = text_problem(value, LINE)
        if problem:
            raise _problem(_("Organisation responsible: {problem}").format(problem=problem))
        return value


class Plan(Record):
    """A worker's road home: the steps of a template, each with its state."""

    case_id: str = public(N_("Case"))
    worker_id: str = public(N_("Worker"))
    template: str = public(N_("Template"), "ID")
    steps: list[StepState] = public(N_("Steps"), default_factory=list)
    # Step key -> a note about this worker's step (may say where they are, or their health).
    notes: dict[str, str] = sensitive(N_("Step notes"), default_factory=dict, text=LINE.name)
    # Step key -> why it was marked done before the steps it depends on.
    reasons: dict[str, str] = personal(N_("Why out of order"), default_factory=dict,
                                       text=LINE.name)

    @field_validator("notes", "reasons")
    @classmethod
    def _texts(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        if info.context is not None and info.context.get("stored"):
            return value
        for text in value.values():
            problem = text_problem(text, LINE)
            if problem:
                raise _problem(problem)
        return {k: v for k, v in value.items() if v.strip()}

    @property
    def statuses(self) -> dict[str, StepStatus]:
        return {step.key: step.status for step in self.steps}

    def state(self, key: str) -> StepState:
        for step in self.steps:
            if step.key == key:
                return step
        return StepState(key=key)

    def checks(self) -> dict[str, str]:
        from store.domain.road import TEMPLATES

        problems: dict[str, str] = {}
        template = TEMPLATES.get(self.template)
        if template is None:
            problems["template"] = _("no such template: {key}").format(key=shorten(self.template))
            return problems
        keys = [step.key for step in self.steps]
        if len(set(keys)) != len(keys) or any(k not in template.keys for k in keys):
            problems["steps"] = _("the steps do not match the template")
        today = clock.today()
        for step in self.steps:
            if step.done_on is not None and step.done_on > today:
                problems["steps"] = _("{step}: the date done must not be in the future").format(
                    step=template.label(step.key) if step.key in template.keys
                    else step.key)
        return problems


# -- the union's network: organisations, people, meetings, agreements and their tasks -----

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _required(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _problem(_("must not be empty"))
    return value


def _ids(value: Any) -> Any:
    """A list of record ids, each once, order kept."""
    value = _listed(value)
    return list(dict.fromkeys(value)) if isinstance(value, list) else value


class Organisation(Record):
    """A partner or counterpart: a union, a federation, a police desk, an embassy..."""

    name: str = public(N_("Name"), text=LINE.name)
    other_names: list[str] = public(N_("Other names and spellings"), default_factory=list,
                                    text=LINE.name)
    acronym: str = public(N_("Acronym"), "", text=NAME.name)
    kind: OrgKind = public(N_("Type"), OrgKind.OTHER)
    country: str | None = public(N_("Country"), None)
    city: str = public(N_("City"), "", text=NAME.name)
    # The organisation it belongs to or is a member of (LFTU is a member of ASEAN TUC).
    parent_id: str | None = public(N_("Member of"), None)
    notes: str = personal(N_("Notes"), "", text=NOTES.name)
    # Records merged into this one: links to them still lead here.
    merged_ids: list[str] = public(N_("Merged records"), default_factory=list)

    @field_validator("name", mode="before")
    @classmethod
    def _name_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("country", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        return _country(value)

    @field_validator("other_names", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("merged_ids", mode="before")
    @classmethod
    def _merged(cls, value: Any) -> Any:
        return _ids(value)

    @property
    def all_names(self) -> list[str]:
        names = [self.name, *self.other_names]
        if self.acronym and self.acronym not in names:
            names.append(self.acronym)
        return names

    @property
    def shown_name(self) -> str:
        """The name with its acronym: "Lao Federation of Trade Unions (LFTU)"."""
        if self.acronym and self.acronym.casefold() != self.name.casefold():
            return f"{self.name} ({self.acronym})"
        return self.name

    def checks(self) -> dict[str, str]:
        if self.parent_id is not None and self.parent_id == self.id:
            return {"parent_id": _("an organisation cannot be a member of itself")}
        return {}


class Role(BaseModel):
    """A title a person held, at an organisation, from and until when (their history)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    org_id: str | None = None
    title: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


class Person(Record):
    """A contact at a partner or counterpart organisation (never a worker: they are in cases)."""

    full_name: str = personal(N_("Full name"), text=NAME.name)
    other_spellings: list[str] = personal(N_("Other spellings"), default_factory=list,
                                          text=NAME.name)
    org_id: str | None = public(N_("Organisation"), None)
    title: str = public(N_("Title or role"), "", text=LINE.name)
    title_since: dt.date | None = public(N_("In this role since"), None)
    # Where they are based: a phone number written without a country code is read there.
    country: str | None = public(N_("Country"), None)
    phones: list[str] = personal(N_("Phones"), default_factory=list)
    emails: list[str] = personal(N_("E-mail"), default_factory=list, text=NAME.name)
    languages: list[str] = public(N_("Languages"), default_factory=list, text=NAME.name)
    notes: str = personal(N_("Notes"), "", text=NOTES.name)
    # Earlier organisations and titles, oldest first (kept by the store when they change).
    history: list[Role] = public(N_("Earlier roles"), default_factory=list)
    merged_ids: list[str] = public(N_("Merged records"), default_factory=list)

    @field_validator("full_name", mode="before")
    @classmethod
    def _name_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("other_spellings", "languages", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("merged_ids", mode="before")
    @classmethod
    def _merged(cls, value: Any) -> Any:
        return _ids(value)

    @field_validator("title_since", mode="before")
    @classmethod
    def _since(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("country", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        return _country(value)

    @field_validator("phones", mode="before")
    @classmethod
    def _phones(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str):
            value = parse_list(value)
        if not isinstance(value, list):
            return value
        region = info.data.get("country") or "ID"
        parsed: list[str] = []
        for number in value:
            if isinstance(number, str) and _E164.match(number):
                e164: str | None = number  # as stored: already checked when it was typed
            elif isinstance(number, str):
                try:
                    e164 = parse_phone(number, region)
                except InputProblem as problem:
                    raise _problem(_("{number}: {problem}").format(
                        number=shorten(number), problem=problem)) from None
            else:
                return value  # let the type check say so
            if e164 and e164 not in parsed:
                parsed.append(e164)
        return parsed

    @field_validator("emails", mode="before")
    @classmethod
    def _emails(cls, value: Any) -> Any:
        value = _listed(value)
        if isinstance(value, list):
            for address in value:
                if isinstance(address, str) and not _EMAIL.match(address):
                    raise _problem(_("{address}: not an e-mail address").format(
                        address=shorten(address)))
        return value

    @property
    def all_names(self) -> list[str]:
        return [self.full_name, *self.other_spellings]

    @property
    def name_in_rows(self) -> str:
        """The name as a row of a list or table shows it (`store.domain.text.row_name`)."""
        return row_name(self.all_names, self.id)

    def checks(self) -> dict[str, str]:
        if self.title_since is not None and self.title_since > clock.today():
            return {"title_since": _("must not be in the future")}
        return {}


class Meeting(Record):
    """A meeting, working visit, conference or call with partners."""

    at: dt.datetime = public(N_("Date and time"))
    kind: MeetingKind = public(N_("Kind"), MeetingKind.MEETING)
    title: str = public(N_("Title"), text=LINE.name)
    city: str = public(N_("City"), "", text=NAME.name)
    country: str | None = public(N_("Country"), None)
    org_ids: list[str] = public(N_("Organisations present"), default_factory=list)
    person_ids: list[str] = public(N_("People present"), default_factory=list)
    agenda: str = personal(N_("Agenda"), "", text=NOTES.name)
    decisions: str = personal(N_("Decisions"), "", text=NOTES.name)
    case_ids: list[str] = public(N_("Cases discussed"), default_factory=list)
    agreement_ids: list[str] = public(N_("Agreements discussed"), default_factory=list)

    @field_validator("title", mode="before")
    @classmethod
    def _title_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("at", mode="before")
    @classmethod
    def _when(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _problem(_("must not be empty"))
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass
            try:
                return parse_datetime(value)
            except InputProblem as problem:
                raise _problem(str(problem)) from None
            except (ValueError, OverflowError):
                raise _problem(_("is too far in the past or the future")) from None
        return value

    @field_validator("at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        try:
            aware = value if value.tzinfo else value.astimezone()
            aware.astimezone()
        except (ValueError, OverflowError):
            raise _problem(_("is too far in the past or the future")) from None
        return aware

    @field_validator("country", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        return _country(value)

    @field_validator("org_ids", "person_ids", "case_ids", "agreement_ids", mode="before")
    @classmethod
    def _links(cls, value: Any) -> Any:
        return _ids(value)


class StatusChange(BaseModel):
    """One move of an agreement along its lifecycle."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    status: AgreementStatus
    on: dt.date
    note: str = ""


class DraftVersion(BaseModel):
    """The text of one version of an agreement, as plain text."""

    model_config = ConfigDict(extra="forbid")

    number: int = Field(ge=1)
    on: dt.date
    text: str = ""
    note: str = ""


class Agreement(Record):
    """A cooperation agreement between two or more organisations."""

    title: str = public(N_("Title"), text=LINE.name)
    party_ids: list[str] = public(N_("Parties"), default_factory=list)
    areas: list[AgreementArea] = public(N_("Areas"), default_factory=list)
    status: AgreementStatus = public(N_("Status"), AgreementStatus.IDEA)
    # Each change of status, oldest first; the first is when the idea was recorded.
    history: list[StatusChange] = public(N_("Status history"), default_factory=list)
    signatory_ids: list[str] = public(N_("Signatories"), default_factory=list)
    versions: list[DraftVersion] = public(N_("Draft versions"), default_factory=list,
                                          text=DOCUMENT.name)
    notes: str = personal(N_("Notes"), "", text=NOTES.name)

    @field_validator("title", mode="before")
    @classmethod
    def _title_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("party_ids", "signatory_ids", mode="before")
    @classmethod
    def _links(cls, value: Any) -> Any:
        return _ids(value)

    @field_validator("areas", mode="before")
    @classmethod
    def _area_list(cls, value: Any) -> Any:
        value = _listed(value)
        return list(dict.fromkeys(value)) if isinstance(value, list) else value

    @field_validator("versions")
    @classmethod
    def _version_texts(cls, value: list[DraftVersion], info: ValidationInfo) -> Any:
        if info.context is not None and info.context.get("stored"):
            return value
        for version in value:
            version.text = normalise_line_breaks(version.text)
            problem = text_problem(version.text, DOCUMENT) or text_problem(version.note, LINE)
            if problem:
                raise _problem(_("version {number}: {problem}").format(
                    number=version.number, problem=problem))
        return value

    @property
    def since(self) -> dt.date | None:
        """When it reached its present status."""
        for change in reversed(self.history):
            if change.status is self.status:
                return change.on
        return None

    @property
    def latest(self) -> DraftVersion | None:
        """The current draft version (the highest number), if there is one."""
        return max(self.versions, key=lambda v: v.number, default=None)

    def draft(self, number: int) -> DraftVersion | None:
        for version in self.versions:
            if version.number == number:
                return version
        return None

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if len(self.party_ids) < 2:
            problems["party_ids"] = _("an agreement has at least two parties")
        numbers = [v.number for v in self.versions]
        if numbers != sorted(set(numbers)):
            problems["versions"] = _("the versions are not numbered in order")
        today = clock.today()
        if any(change.on > today for change in self.history):
            problems["history"] = _("a change of status must not be in the future")
        return problems


def allowed_moves(status: AgreementStatus) -> tuple[AgreementStatus, ...]:
    return AGREEMENT_MOVES[status]


class Task(Record):
    """A follow-up from a meeting, or a commitment under an agreement: who does what by when."""

    text: str = personal(N_("Task"), text=LINE.name)
    owner_id: str | None = public(N_("Owner"), None)
    due: dt.date | None = public(N_("Due"), None)
    done_on: dt.date | None = public(N_("Done on"), None)
    meeting_id: str | None = public(N_("Meeting"), None)
    agreement_id: str | None = public(N_("Agreement"), None)

    @field_validator("text", mode="before")
    @classmethod
    def _text_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("due", "done_on", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return _date(value)

    @property
    def open(self) -> bool:
        return self.done_on is None

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.meeting_id is None and self.agreement_id is None:
            problems["meeting_id"] = _("a task comes from a meeting or an agreement")
        if self.done_on is not None and self.done_on > clock.today():
            problems["done_on"] = _("must not be in the future")
        return problems


NETWORK_TYPES: tuple[type[Record], ...] = (Organisation, Person, Meeting, Agreement, Task)
RECORD_TYPES: tuple[type[Record], ...] = (Case, Worker, LogEntry, Screening, Consent, Plan,
                                          *NETWORK_TYPES)

_PYDANTIC_MESSAGES = {
    "missing": N_("must not be empty"),
    "int_parsing": N_("Enter a whole number"),
    "int_from_float": N_("Enter a whole number"),
    "greater_than_equal": N_("is too small"),
    "less_than_equal": N_("is too large"),
    "enum": N_("choose one of the listed values"),
    "extra_forbidden": N_("is not a field of this record"),
    "date_from_datetime_parsing": N_("Not a date; write it as DD/MM/YYYY, e.g. 12/12/2025"),
    "date_parsing": N_("Not a date; write it as DD/MM/YYYY, e.g. 12/12/2025"),
    "string_unicode": N_("contains a character that cannot be stored; remove it"),
}


def build(cls: type[R], data: dict[str, Any]) -> R:
    """Validate `data` into a record, or raise `RecordInvalid` naming each bad field."""
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        problems: dict[str, str] = {}
        for item in error.errors():
            name = str(item["loc"][0]) if item["loc"] else "record"
            if item["type"] == "pulang":
                message = item["msg"]
            elif item["type"] == "value_error":
                message = str(item.get("ctx", {}).get("error", item["msg"]))
            else:
                message = _(_PYDANTIC_MESSAGES.get(item["type"], N_("is not a valid value")))
            problems.setdefault(name, message)
        labels = {n: cls.field_label(n) for n in problems if n in cls.model_fields}
        raise RecordInvalid(problems, labels) from None


def changed(record: R, **changes: Any) -> R:
    """A copy of `record` with `changes`, validated as a whole."""
    data = record.model_dump()
    data.update(changes)
    return build(type(record), data)
