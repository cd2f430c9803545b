"""A list of people released or found (an embassy's, a shelter's, the police's), taken in as
one intake (issue 33): its rows, each matched against every worker and open family inquiry and
decided by an officer (already a worker, a new one, skip), and turned in one confirmed step
into group cases (`Database.confirm_intake`).

Until it is confirmed, an intake holds the rows as the list wrote them (names, numbers,
dates: sensitive, like a worker's); once confirmed, a row keeps only its decision and ids:
the workers now hold what it said, and nothing personal is kept twice (`blank_row`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public, sensitive
from store.domain.records.base import (
    Record,
    _country,
    _date,
    _date_or_today,
    _ids,
    _listed,
    _required,
)
from store.domain.registry_codes import IntakeSource, IntakeStatus, RowDecision
from store.domain.text import LINE, NAME, NOTES
from store.domain.vocab import Sex


class IntakeRow(BaseModel):
    """One row of an intake's list, as the list wrote it, with what the officer decided."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    label: str = public(N_("Row"), "")  # as the spreadsheet numbers it: "row 5 (No. 4)"
    name: str = sensitive(N_("Full name"), "", text=NAME.name)
    other_names: list[str] = sensitive(N_("Other spellings"), default_factory=list,
                                       text=NAME.name)
    date_of_birth: dt.date | None = sensitive(N_("Date of birth"), None)
    age: int | None = sensitive(N_("Age"), None, ge=0, le=120)
    sex: Sex = public(N_("Sex"), Sex.UNKNOWN)
    nationality: str | None = public(N_("Nationality"), None)
    phone: str = sensitive(N_("Phone"), "", text=NAME.name)
    passport: str = sensitive(N_("Passport number"), "", text=NAME.name)
    home_province: str = sensitive(N_("Home province"), "", text=NAME.name)
    compound: str = sensitive(N_("Compound, as written"), "", text=LINE.name)
    notes: str = sensitive(N_("Notes"), "", text=NOTES.name)
    # What the list's matching proposed, and what the officer decided (None: not reviewed).
    proposed: RowDecision | None = public(N_("Proposed"), None)
    decision: RowDecision | None = public(N_("Decision"), None)
    worker_id: str | None = public(N_("Worker"), None)  # matched, or made once confirmed
    inquiry_id: str | None = public(N_("Family inquiry"), None)  # the inquiry it may answer
    case_id: str | None = public(N_("Case"), None)  # the group case it went into

    @field_validator("other_names", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("date_of_birth", mode="before")
    @classmethod
    def _dob(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("nationality", mode="before")
    @classmethod
    def _nationality(cls, value: Any) -> Any:
        return _country(value)

    @property
    def all_names(self) -> list[str]:
        return [n for n in (self.name, *self.other_names) if n]

    def blanked(self) -> IntakeRow:
        """The row once its intake is confirmed: its decision and ids only."""
        return IntakeRow(label=self.label, sex=self.sex, nationality=self.nationality,
                         proposed=self.proposed, decision=self.decision,
                         worker_id=self.worker_id, inquiry_id=self.inquiry_id,
                         case_id=self.case_id)


class Intake(Record):
    """A list taken in (see the module's doc)."""

    title: str = public(N_("Title"), text=LINE.name)
    source: IntakeSource = public(N_("Sent by"), IntakeSource.EMBASSY)
    source_org_id: str | None = public(N_("Sending organisation"), None)  # of the directory
    received_on: dt.date = public(N_("Received on"), default_factory=clock.today)
    status: IntakeStatus = public(N_("Status"), IntakeStatus.OPEN)
    # The country its group cases are in when no registry place says it.
    destination_country: str | None = public(N_("Destination country"), None)
    rows: list[IntakeRow] = sensitive(N_("Rows"), default_factory=list)
    case_ids: list[str] = public(N_("Cases made"), default_factory=list)
    confirmed_on: dt.date | None = public(N_("Confirmed on"), None)
    confirmed_by: str = personal(N_("Confirmed by"), "", text=NAME.name)

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("received_on", mode="before")
    @classmethod
    def _received(cls, value: Any) -> Any:
        return _date_or_today(value)

    @field_validator("confirmed_on", mode="before")
    @classmethod
    def _confirmed(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("destination_country", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        return _country(value)

    @field_validator("case_ids", mode="before")
    @classmethod
    def _cases(cls, value: Any) -> Any:
        return _ids(value)

    @property
    def reviewed(self) -> int:
        return sum(1 for row in self.rows if row.decision is not None)

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.received_on > clock.today():
            problems["received_on"] = _("must not be in the future")
        for row in self.rows:
            if row.decision is RowDecision.MATCH and row.worker_id is None:
                problems["rows"] = _("{row}: say which worker it is").format(row=row.label)
        return problems
