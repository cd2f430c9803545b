"""A worker in a case, and the order and numbers a case's workers are listed in."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationInfo, field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public, sensitive
from store.domain.parse import InputProblem, parse_phone
from store.domain.records.base import _E164, Record, _country, _date, _listed, _problem
from store.domain.text import LINE, NAME, NOTES, row_name
from store.domain.vocab import PassportStatus, Sex


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
    passport_number: str = sensitive(N_("Passport number"), "", text=NAME.name, shared=True)
    passport_status: PassportStatus = sensitive(N_("Passport is"), PassportStatus.UNKNOWN,
                                                shared=True)
    current_location: str = sensitive(N_("Current location or shelter"), "", text=LINE.name)
    family_contact: str = sensitive(N_("Family contact"), "", text=LINE.name)
    health: str = sensitive(N_("Health"), "", text=NOTES.name)
    notes: str = personal(N_("Notes"), "", text=NOTES.name)
    # When the worker's personal and sensitive data was erased (withdrawn consent, or a
    # request under the data protection law); what is left is the bare record for the counts.
    erased_at: dt.datetime | None = public(N_("Erased"), None)
    # Closed with a reason of the union's list, and reopened, as a case is (`Case`): a worker
    # closed is out of Today's lists but stays in the case.
    closed_reason: str | None = public(N_("Closing reason"), None)
    closed_on: dt.date | None = public(N_("Closed on"), None)
    closed_by: str = personal(N_("Closed by"), "", text=NAME.name, local=True)
    closed_note: str = personal(N_("Closing note"), "", text=NOTES.name, local=True)
    reopened_on: dt.date | None = public(N_("Reopened on"), None)
    reopened_reason: str = personal(N_("Reason for reopening"), "", text=LINE.name, local=True)
    reopened_by: str = personal(N_("Reopened by"), "", text=NAME.name, local=True)
    closings: list[str] = public(N_("Closed and reopened"), default_factory=list)

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
