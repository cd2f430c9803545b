"""A check-in after return (issue 35): an officer's visit, call or messages with a worker who
is home, answering one of the check-ins of their schedule (`store.domain.checkins`) or none.

It records the answers to the indicators of `store.common.reintegration` (work and income,
debts, family, health and wellbeing, contact from recruiters, the wish to migrate again):
indicator id -> answer code. Its scores are computed from them when shown
(`store.domain.rules.reintegration.score`), never stored, so a corrected weight rescores
every check-in. An answer that is a sign of re-recruitment puts the worker back on Today until
an officer records what was done about it (`followed_on`, `followed_note`).

The whole record is about one worker (`about_one_worker`): it goes to a recipient only where
that worker's consent covers it, and then without its answers (health, debts, family: they
are sensitive and never go) or notes; its days are public, as the road home's are.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import ConfigDict, field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.common.reintegration import indicators
from store.domain.checkins import CheckInHow
from store.domain.classification import personal, public, sensitive
from store.domain.records.base import Record, _date, _problem
from store.domain.text import LINE, NAME, NOTES

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class CheckIn(Record):
    """One check-in with a worker after their return."""

    model_config = ConfigDict(json_schema_extra={"about_one_worker": True})

    case_id: str = public(N_("Case"))
    worker_id: str = public(N_("Worker"))
    # The check-in of the schedule it answers: months after the flight home; None for one
    # between.
    month: int | None = public(N_("Check-in of month"), None, ge=1, le=120)
    on: dt.date = public(N_("Date"))
    how: CheckInHow = public(N_("How"), CheckInHow.VISIT)
    by: str = personal(N_("Officer"), "", text=NAME.name, local=True)
    answers: dict[str, str] = sensitive(N_("Answers"), default_factory=dict)
    notes: str = sensitive(N_("Notes"), "", text=NOTES.name)
    # A sign of re-recruitment followed up: when, and what was done.
    followed_on: dt.date | None = public(N_("Followed up on"), None)
    # What was done may say what was answered ("warned him about the recruiter who called"):
    # it stays in the union, as the answers do.
    followed_note: str = personal(N_("What was done"), "", text=LINE.name, shared=False)

    @field_validator("on", "followed_on", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("answers", mode="before")
    @classmethod
    def _codes(cls, value: Any) -> Any:
        """Indicator ids and answer codes (lower-case letters, digits and _); an empty
        answer is no answer."""
        if not isinstance(value, dict):
            return value
        kept = {str(k).strip(): str(v).strip() for k, v in value.items()
                if v is not None and str(v).strip()}
        for key, code in kept.items():
            if not _CODE.match(key) or not _CODE.match(code):
                raise _problem(_("not an answer of the check-in: {key}").format(key=key[:40]))
        return kept

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        today = clock.today()
        if self.on > today:
            problems["on"] = _("must not be in the future")
        if self.followed_on is not None:
            if self.followed_on > today:
                problems["followed_on"] = _("must not be in the future")
            elif self.followed_on < self.on:
                problems["followed_on"] = _("is before the check-in")
            if not self.followed_note.strip():
                problems["followed_note"] = _("say what was done")
        return problems

    def unknown_answers(self) -> list[str]:
        """The indicators answered that the union's check-in no longer asks, or with an
        answer it does not offer: refused when saved (`Database.save_checkin`), kept and left
        unscored when read (a union may change its file after a check-in was recorded)."""
        known = {i.id: i for i in indicators()}
        return [key for key, code in self.answers.items()
                if key not in known or known[key].answer(code) is None]
