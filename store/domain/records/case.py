"""A case: what happened, where, how urgent it is and at which stage it stands."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public
from store.domain.parse import parse_country
from store.domain.records.base import Record, _country, _date_or_today, _ids, _listed, _problem
from store.domain.text import LINE, NAME, NOTES, shorten
from store.domain.vocab import CaseKind, ExploitationType, ReachedVia, Sector, Stage, Urgency

REF_PATTERN = re.compile(r"^[A-Z]{2}-[0-9]{4}-[0-9]{4,}$")


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
    assigned_officer: str = personal(N_("Assigned officer"), "", text=NAME.name, local=True)
    stage: Stage = public(N_("Stage"), Stage.REPORTED)
    # Set when the officer chose a stage other than the one the workers' steps give; the
    # reason is in the case's log. Without plans the stage is always set by hand.
    stage_override: bool = public(N_("Stage set by hand"), False)
    tags: list[str] = public(N_("Tags"), default_factory=list, text=NAME.name)
    # The partner organisations (of the directory) this case is shared with, by sync under
    # a cooperation agreement covering data sharing (`store.sync.partners`).
    shared_with: list[str] = public(N_("Shared with"), default_factory=list, local=True)
    # Closed with a reason of the union's list (`store.common.closing`), and reopened
    # (`store.domain.rules.closing`): the reason's code and the dates are public, who and the
    # note this office's own; `closings` keeps every closing and reopening, for the counts.
    closed_reason: str | None = public(N_("Closing reason"), None)
    closed_on: dt.date | None = public(N_("Closed on"), None)
    closed_by: str = personal(N_("Closed by"), "", text=NAME.name, local=True)
    closed_note: str = personal(N_("Closing note"), "", text=NOTES.name, local=True)
    reopened_on: dt.date | None = public(N_("Reopened on"), None)
    reopened_reason: str = personal(N_("Reason for reopening"), "", text=LINE.name, local=True)
    reopened_by: str = personal(N_("Reopened by"), "", text=NAME.name, local=True)
    closings: list[str] = public(N_("Closed and reopened"), default_factory=list)
    # When this closed case was anonymised, its period of keeping over (the union's, in
    # `store.common.closing`): what is left is what the counts need.
    anonymised_on: dt.date | None = public(N_("Anonymised on"), None)

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

    @field_validator("shared_with", mode="before")
    @classmethod
    def _partners(cls, value: Any) -> Any:
        return _ids(value)

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
