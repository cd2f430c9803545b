"""A worker's screening (is this forced labour, is this trafficking?) and their consent: one of
each per worker. What the screening's answers suggest is a rule, in
`store.domain.rules.screening`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public, sensitive
from store.domain.records.base import Record, _date, _date_or_today, _listed, _problem
from store.domain.text import LINE, NAME, NOTES
from store.domain.vocab import (
    CONSENTABLE,
    Answer,
    DecidedBy,
    IloIndicator,
    MeansOfControl,
    Platform,
    RecipientKind,
    RecruiterRelation,
    RecruitmentMethod,
    TraffickingStatus,
)

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
