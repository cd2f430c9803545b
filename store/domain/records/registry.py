"""The registry: the places where workers were held (compounds above all), the actors who
trafficked them (recruiters, agencies, brokers, employers, transporters) and the identifiers
they use (phones, handles, accounts, websites, adverts), with the links that tie them to cases
and workers. Compounds move after raids and recruiters reuse one handle across dozens of
victims: these records let a union see that one handle is in three other cases.

Every record of the registry says where its fact came from (`source`), who reported it, when,
and whether it is alleged or confirmed: an allegation is never passed on as a fact. What names
or locates someone is sensitive (`store.domain.classification`); the codes (kind, status,
role, country) are public, for the statistics.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator, model_validator

from store.common import clock
from store.common.errors import RecordInvalid
from store.common.i18n import N_, _
from store.domain.classification import personal, public, sensitive
from store.domain.parse import InputProblem
from store.domain.records.base import Record, _country, _date, _date_or_today, _listed, _required
from store.domain.registry_codes import (
    ActorRole,
    Certainty,
    IdentifierKind,
    PlaceKind,
    PlaceStatus,
    SourceKind,
)
from store.domain.rules.identifiers import normalise
from store.domain.text import LINE, NAME, NOTES


class Sourced(Record):
    """Who reported a fact, when, from what, and how sure it is (every registry record)."""

    source: SourceKind = public(N_("Source"), SourceKind.OFFICER)
    reported_by: str = personal(N_("Reported by"), "", text=NAME.name)
    reported_on: dt.date = public(N_("Reported on"), default_factory=clock.today)
    certainty: Certainty = public(N_("Alleged or confirmed"), Certainty.ALLEGED)

    @field_validator("reported_on", mode="before")
    @classmethod
    def _reported(cls, value: Any) -> Any:
        return _date_or_today(value)

    def checks(self) -> dict[str, str]:
        if self.reported_on > clock.today():
            return {"reported_on": _("must not be in the future")}
        return {}


class PlaceChange(BaseModel):
    """One change of a place's status (a raid, a move), dated."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    status: PlaceStatus
    on: dt.date
    note: str = ""


class Place(Sourced):
    """A compound, or another place of exploitation, transit or recruitment."""

    name: str = sensitive(N_("Name"), text=LINE.name)
    other_names: list[str] = sensitive(N_("Other names"), default_factory=list, text=LINE.name)
    kind: PlaceKind = public(N_("Kind of place"), PlaceKind.COMPOUND)
    city: str = sensitive(N_("City or town"), "", text=NAME.name)
    province: str = sensitive(N_("Province"), "", text=NAME.name)
    country: str | None = public(N_("Country"), None)
    # A map position, typed or pasted from a map link (store.domain.rules.identifiers).
    latitude: float | None = sensitive(N_("Latitude"), None, ge=-90, le=90)
    longitude: float | None = sensitive(N_("Longitude"), None, ge=-180, le=180)
    operator_id: str | None = public(N_("Operated by"), None)  # an actor of the registry
    status: PlaceStatus = public(N_("Status"), PlaceStatus.UNKNOWN)
    history: list[PlaceChange] = public(N_("Status history"), default_factory=list)
    moved_to_id: str | None = public(N_("Moved to"), None)  # where it went after a raid
    notes: str = sensitive(N_("Notes"), "", text=NOTES.name)

    @field_validator("name", mode="before")
    @classmethod
    def _name_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("other_names", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("country", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        return _country(value)

    @property
    def all_names(self) -> list[str]:
        return [self.name, *self.other_names]

    @property
    def since(self) -> dt.date | None:
        """When it reached its present status."""
        for change in reversed(self.history):
            if change.status is self.status:
                return change.on
        return None

    def checks(self) -> dict[str, str]:
        problems = super().checks()
        if (self.latitude is None) != (self.longitude is None):
            problems["longitude" if self.longitude is None else "latitude"] = _(
                "give both latitude and longitude, or neither")
        if any(change.on > clock.today() for change in self.history):
            problems["history"] = _("a change of status must not be in the future")
        if self.moved_to_id is not None and self.moved_to_id == self.id:
            problems["moved_to_id"] = _("a place cannot move to itself")
        return problems


class Actor(Sourced):
    """Someone who trafficked: a recruiter, an agency, a broker, an employer, a transporter.
    Never an organisation the union works with, and never a recipient of anything."""

    name: str = sensitive(N_("Name or alias"), text=NAME.name)
    other_names: list[str] = sensitive(N_("Other names and aliases"), default_factory=list,
                                       text=NAME.name)
    role: ActorRole = public(N_("Role"), ActorRole.RECRUITER)
    country: str | None = public(N_("Country"), None)
    notes: str = sensitive(N_("Notes"), "", text=NOTES.name)

    @field_validator("name", mode="before")
    @classmethod
    def _name_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("other_names", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("country", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        return _country(value)

    @property
    def all_names(self) -> list[str]:
        return [self.name, *self.other_names]


class Sighting(BaseModel):
    """Where and when an identifier was seen (a worker's phone, an advert, a raid's haul)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    where: str = ""
    on: dt.date | None = None


class Identifier(Sourced):
    """A phone number, a handle, an account, a website or an advert, as its platform writes it
    (`value`, normalised on save by `store.domain.rules.identifiers`), attached to an actor or a
    place."""

    kind: IdentifierKind = public(N_("Kind"), IdentifierKind.PHONE)
    value: str = sensitive(N_("Number, handle or address"), text=LINE.name)
    bank: str = sensitive(N_("Bank or wallet"), "", text=NAME.name)
    actor_id: str | None = public(N_("Used by"), None)
    place_id: str | None = public(N_("Used at"), None)
    seen: list[Sighting] = sensitive(N_("Where and when seen"), default_factory=list)
    notes: str = sensitive(N_("Notes"), "", text=NOTES.name)

    @field_validator("value", mode="before")
    @classmethod
    def _value_required(cls, value: Any) -> Any:
        return _required(value)

    @model_validator(mode="after")
    def _as_its_platform_writes_it(self, info: ValidationInfo) -> Identifier:
        if info.context is not None and info.context.get("stored"):
            return self  # saved normalised already
        try:
            self.value = normalise(self.kind, self.value)
        except InputProblem as problem:
            raise RecordInvalid({"value": str(problem)},
                                {"value": self.field_label("value")}) from None
        return self


class RegistryLink(Sourced):
    """What ties a place, an actor or an identifier to a case: a worker held at a compound
    (from, to), an actor's role with a worker, an identifier seen in a case or a log entry."""

    case_id: str = public(N_("Case"))
    worker_id: str | None = public(N_("Worker"), None)
    entry_id: str | None = public(N_("Log entry"), None)
    place_id: str | None = public(N_("Place"), None)
    actor_id: str | None = public(N_("Actor"), None)
    identifier_id: str | None = public(N_("Identifier"), None)
    role: ActorRole | None = public(N_("Role in this case"), None)
    held_from: dt.date | None = personal(N_("Held from"), None)
    held_to: dt.date | None = personal(N_("Held until"), None)
    note: str = sensitive(N_("Note"), "", text=LINE.name)

    @field_validator("held_from", "held_to", mode="before")
    @classmethod
    def _held(cls, value: Any) -> Any:
        return _date(value)

    @property
    def target(self) -> str | None:
        return self.place_id or self.actor_id or self.identifier_id

    def checks(self) -> dict[str, str]:
        problems = super().checks()
        targets = [t for t in (self.place_id, self.actor_id, self.identifier_id) if t]
        if len(targets) != 1:
            problems["place_id"] = _("a link ties one place, actor or identifier to the case")
        if self.held_from and self.held_to and self.held_to < self.held_from:
            problems["held_to"] = _("is before the day they were held from")
        if (self.held_from or self.held_to) and self.place_id is None:
            problems["held_from"] = _("only a place holds someone")
        return problems
