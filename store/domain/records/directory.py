"""The union's directory: organisations (partners and counterparts) and the people at them,
with the roles a person held before."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public
from store.domain.parse import InputProblem, parse_list, parse_phone
from store.domain.records.base import (
    _E164,
    Record,
    _country,
    _date,
    _ids,
    _listed,
    _problem,
    _required,
)
from store.domain.text import LINE, NAME, NOTES, row_name, shorten
from store.domain.vocab import OrgKind

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


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
