"""A cooperation agreement between organisations: its status along its lifecycle, with the
history of its moves, and the text of each draft version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public
from store.domain.records.base import Record, _ids, _listed, _problem, _required
from store.domain.text import DOCUMENT, LINE, NOTES, normalise_line_breaks, text_problem
from store.domain.vocab import AGREEMENT_MOVES, AgreementArea, AgreementStatus


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
