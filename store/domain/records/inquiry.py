"""A family's inquiry (issue 33): someone looking for their own ("my son in Poipet, last
message on that date, from that number, the compound's name"), who asked and how to reach
them, with their consent for tracing; matched against workers, intakes and the registry on
every read (`Database.inquiry_matches`), a match shown for an officer to confirm, never told to
the family by itself.

The one asking may be the trafficker: their phone and handles are checked against the
registry before anyone replies, and nothing about a found worker is told without that
worker's consent naming the family (`Database.tell_family`, the only way `told_family_on` is
set). What names, reaches or locates someone is personal or sensitive; the inquirer's data is
never shared (`shared=False`), and an inquiry never goes to a partner organisation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public, sensitive
from store.domain.parse import InputProblem, parse_phone
from store.domain.records.base import (
    _E164,
    Record,
    _country,
    _date,
    _date_or_today,
    _ids,
    _listed,
    _problem,
    _required,
)
from store.domain.registry_codes import IdentifierKind, InquiryStatus
from store.domain.text import LINE, NAME, NOTES
from store.domain.vocab import Sex


class Handle(BaseModel):
    """A way to reach someone on a platform: its kind (the registry's) and the handle."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: IdentifierKind = public(N_("Kind"), IdentifierKind.WHATSAPP)
    value: str = sensitive(N_("Number, handle or address"), text=LINE.name)


class Inquiry(Record):
    """A family's inquiry (see the module's doc)."""

    # Who asks.
    inquirer_name: str = personal(N_("Who asks"), text=NAME.name, shared=False)
    relation: str = personal(N_("Relation to the one sought"), "", text=NAME.name,
                             shared=False)
    inquirer_phone: str = sensitive(N_("Their phone"), "", text=NAME.name)
    handles: list[Handle] = sensitive(N_("Their handles"), default_factory=list)
    reach_by: str = sensitive(N_("How to reach them"), "", text=LINE.name)
    consent_given_on: dt.date | None = public(N_("Consent to tracing given on"), None)
    consent_taken_by: str = personal(N_("Consent taken by"), "", text=NAME.name,
                                     shared=False)
    # The one sought.
    sought_name: str = personal(N_("Name of the one sought"), text=NAME.name, shared=False)
    sought_other_names: list[str] = personal(N_("Other spellings"), default_factory=list,
                                             text=NAME.name, shared=False)
    sought_date_of_birth: dt.date | None = personal(N_("Date of birth"), None, shared=False)
    sought_age: int | None = personal(N_("Age"), None, ge=0, le=120, shared=False)
    sought_sex: Sex = public(N_("Sex"), Sex.UNKNOWN)
    sought_nationality: str | None = public(N_("Nationality"), None)
    sought_home_province: str = personal(N_("Home province"), "", text=NAME.name,
                                         shared=False)
    last_message_on: dt.date | None = personal(N_("Last message on"), None, shared=False)
    last_message_from: str = sensitive(N_("Last message from (number or handle)"), "",
                                       text=LINE.name)
    last_city: str = sensitive(N_("Last heard of in (city)"), "", text=NAME.name)
    last_country: str | None = public(N_("Last heard of in (country)"), None)
    compound_name: str = sensitive(N_("Compound, as the family says it"), "", text=LINE.name)
    place_id: str | None = public(N_("Registry place"), None)
    # The inquiry's course.
    received_on: dt.date = public(N_("Received on"), default_factory=clock.today)
    received_by: str = personal(N_("Received by"), "", text=NAME.name, shared=False)
    status: InquiryStatus = public(N_("Status"), InquiryStatus.OPEN)
    pending_worker_id: str | None = public(N_("Match to confirm"), None)
    worker_id: str | None = public(N_("Found worker"), None)
    rejected_ids: list[str] = public(N_("Matches rejected"), default_factory=list)
    told_family_on: dt.date | None = public(N_("Family told on"), None)
    # Why the family was told although the one asking is in the registry (`tell_family`).
    told_override: str = sensitive(N_("Told despite the registry, because"), "",
                                   text=LINE.name)
    notes: str = personal(N_("Notes"), "", text=NOTES.name)

    @field_validator("inquirer_name", "sought_name", mode="before")
    @classmethod
    def _names_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("inquirer_phone", mode="before")
    @classmethod
    def _inquirer_phone(cls, value: Any) -> Any:
        """A number, read as the worker form reads one (Indonesia when it has no country
        code), kept in E.164: the registry is searched by it before anyone replies."""
        if isinstance(value, str) and value.strip() and not _E164.match(value):
            try:
                return parse_phone(value, "ID") or ""
            except InputProblem as problem:
                raise _problem(str(problem)) from None
        return value

    @field_validator("sought_other_names", mode="before")
    @classmethod
    def _spellings(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("consent_given_on", "sought_date_of_birth", "last_message_on",
                     "told_family_on", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("received_on", mode="before")
    @classmethod
    def _received(cls, value: Any) -> Any:
        return _date_or_today(value)

    @field_validator("sought_nationality", "last_country", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        return _country(value)

    @field_validator("rejected_ids", mode="before")
    @classmethod
    def _rejected(cls, value: Any) -> Any:
        return _ids(value)

    @property
    def sought_names(self) -> list[str]:
        return [self.sought_name, *self.sought_other_names]

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        today = clock.today()
        for name in ("consent_given_on", "sought_date_of_birth", "last_message_on",
                     "received_on"):
            value = getattr(self, name)
            if value is not None and value > today:
                problems[name] = _("must not be in the future")
        if self.consent_given_on is not None and not self.consent_taken_by:
            problems["consent_taken_by"] = _("say who took the consent")
        if self.status.value == "found" and self.worker_id is None:
            problems["worker_id"] = _("a found inquiry names the worker found")
        return problems
