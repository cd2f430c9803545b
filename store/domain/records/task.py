"""A task: a follow-up from a meeting, or a commitment under an agreement."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public
from store.domain.records.base import Record, _date, _required
from store.domain.text import LINE


class Task(Record):
    """A follow-up from a meeting, or a commitment under an agreement: who does what by when."""

    text: str = personal(N_("Task"), text=LINE.name)
    owner_id: str | None = public(N_("Owner"), None)
    due: dt.date | None = public(N_("Due"), None)
    done_on: dt.date | None = public(N_("Done on"), None)
    meeting_id: str | None = public(N_("Meeting"), None)
    agreement_id: str | None = public(N_("Agreement"), None)

    @field_validator("text", mode="before")
    @classmethod
    def _text_required(cls, value: Any) -> Any:
        return _required(value)

    @field_validator("due", "done_on", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return _date(value)

    @property
    def open(self) -> bool:
        return self.done_on is None

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.meeting_id is None and self.agreement_id is None:
            problems["meeting_id"] = _("a task comes from a meeting or an agreement")
        if self.done_on is not None and self.done_on > clock.today():
            problems["done_on"] = _("must not be in the future")
        return problems
