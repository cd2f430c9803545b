"""A meeting, working visit, conference or call with partners: who was there, what was decided."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import field_validator

from store.common.i18n import N_, _
from store.domain.classification import personal, public
from store.domain.parse import InputProblem, parse_datetime
from store.domain.records.base import Record, _country, _ids, _problem, _required
from store.domain.text import LINE, NAME, NOTES
from store.domain.vocab import MeetingKind


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
