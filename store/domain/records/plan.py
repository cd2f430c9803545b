"""A worker's road home: the plan of their steps, each with its state (one plan per worker).
The templates it follows are in `store.domain.road`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public, sensitive
from store.domain.records.base import Record, _date, _problem
from store.domain.road import TEMPLATES
from store.domain.text import LINE, shorten, text_problem
from store.domain.vocab import StepStatus


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
