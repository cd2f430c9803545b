"""After the flight home (issue 34): a worker's legal matters (detention, immigration fines,
deportation, charges they face, legal aid, statements given, the case against the recruiters)
and the money in their case (recruitment fees, travel debt, ransom, unpaid wages, fines,
compensation), many of each per worker.

Everything in them is about one worker: each kind is declared so (`about_one_worker` in the
classification), and a record goes to a recipient only where that worker's consent covers it,
whole or not at all; a plain export holds none. What it says (its kind, stage, sums, who and
where) is personal or sensitive; its dates are public, as every date of a worker's road home
is; what is the database's own (a link to its directory or registry) never goes to a partner.
Free notes stay in the office. The codes are `store.domain.legal_codes`'.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from pydantic import ConfigDict, field_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public, sensitive
from store.domain.legal_codes import (
    CLOSED_STAGES,
    STAGES_OF,
    STATUSES_OF,
    LegalKind,
    LegalStage,
    MoneyKind,
    MoneyStatus,
    Payer,
    WitnessRole,
)
from store.domain.money import AmountProblem, currency_code
from store.domain.records.base import Record, _date, _ids, _problem
from store.domain.text import LINE, NAME, NOTES
from store.domain.vocab import label

_CANONICAL = re.compile(r"^[0-9]{1,15}(\.[0-9]{1,10})?$")  # ASCII digits only


class LegalMatter(Record):
    """One legal matter of a worker's; which fields a kind uses is the form's business, which
    stages it takes is `STAGES_OF`."""

    model_config = ConfigDict(json_schema_extra={"about_one_worker": True})

    case_id: str = public(N_("Case"))
    worker_id: str = public(N_("Worker"))
    kind: LegalKind = sensitive(N_("Legal matter"), shared=True)
    stage: LegalStage | None = sensitive(N_("Stage"), None, shared=True)
    # Who holds it: the immigration office, police unit, prosecutor or court.
    authority: str = sensitive(N_("Authority"), "", text=LINE.name, shared=True)
    reference: str = sensitive(N_("Report or case number"), "", text=LINE.name, shared=True)
    # What the worker is charged with, or what the statement or the case is about.
    subject: str = sensitive(N_("Charge or subject"), "", text=LINE.name, shared=True)
    # Where the worker is (was) detained: what an embassy or a lawyer needs to reach them.
    place: str = sensitive(N_("Where detained"), "", text=LINE.name, shared=True)
    since: dt.date | None = public(N_("Since"), None)
    until: dt.date | None = public(N_("Until"), None)
    # The next hearing or deadline, and what it is: shown on Today.
    next_date: dt.date | None = public(N_("Next hearing or deadline"), None)
    next_what: str = personal(N_("What is due then"), "", text=LINE.name)
    # Legal aid: the organisation (as written, and linked to this directory) and the lawyer.
    organisation: str = personal(N_("Legal aid organisation"), "", text=LINE.name)
    org_id: str | None = public(N_("Linked organisation"), None, local=True)
    lawyer: str = personal(N_("Lawyer"), "", text=NAME.name)
    # The case against the recruiters: the worker's part, and the registry's actors in it.
    role: WitnessRole | None = personal(N_("The worker's role"), None)
    actor_ids: list[str] = public(N_("Actors in the registry"), default_factory=list,
                                  local=True)
    # Whether the non-punishment of victims was argued for the worker (ACTIP Art. 14(7)).
    non_punishment: bool = personal(N_("Non-punishment argued"), False)
    notes: str = personal(N_("Notes"), "", text=NOTES.name)

    @field_validator("since", "until", "next_date", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("actor_ids", mode="before")
    @classmethod
    def _actor_list(cls, value: Any) -> Any:
        return _ids(value)

    @property
    def is_open(self) -> bool:
        return self.stage is None or self.stage not in CLOSED_STAGES

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.stage is not None and self.stage not in STAGES_OF[self.kind]:
            problems["stage"] = _("{stage} is not a stage of {kind}").format(
                stage=label(self.stage), kind=label(self.kind))
        today = clock.today()
        if self.since is not None and self.since > today:
            problems["since"] = _("must not be in the future")
        if self.until is not None and self.since is not None and self.until < self.since:
            problems["until"] = _("is before the date it started")
        if (self.kind is LegalKind.DETENTION and self.stage is LegalStage.DETAINED
                and self.until is not None):
            problems["stage"] = _("released on a date: set the stage to released, or clear "
                                  "the date")
        if self.next_date is not None and not self.next_what.strip():
            problems["next_what"] = _("say what is due on that date")
        return problems


class MoneyEntry(Record):
    """One sum in a worker's case, at one status (`store.domain.legal_codes.MoneyStatus`)."""

    model_config = ConfigDict(json_schema_extra={"about_one_worker": True})

    case_id: str = public(N_("Case"))
    worker_id: str = public(N_("Worker"))
    kind: MoneyKind = personal(N_("Money"))
    status: MoneyStatus = personal(N_("Status"))
    # A decimal kept as its text ("1500000.50"), never a float.
    amount: str = personal(N_("Amount"))
    currency: str = personal(N_("Currency"))
    on: dt.date | None = public(N_("Date"), None)
    paid_by: Payer | None = personal(N_("Paid by"), None)
    payer: str = personal(N_("Who paid"), "", text=NAME.name)
    evidence: str = personal(N_("Evidence"), "", text=LINE.name)

    @field_validator("on", mode="before")
    @classmethod
    def _on(cls, value: Any) -> Any:
        return _date(value)

    @field_validator("amount", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> Any:
        """A Decimal, or its text as stored ("1500000.50"). What an officer types is read by
        `store.domain.money.parse_amount` with the language's decimal sign first (a form's
        "1.500" is 1500 in Indonesian): the record never guesses a language."""
        if isinstance(value, Decimal):
            if not value.is_finite() or value < 0:
                raise _problem(_("Not an amount"))
            return format(value, "f")
        if isinstance(value, str) and _CANONICAL.match(value.strip()):
            return value.strip()
        raise _problem(_("Not an amount"))

    @field_validator("currency", mode="before")
    @classmethod
    def _currency(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return currency_code(value)
            except AmountProblem as problem:
                raise _problem(str(problem)) from None
        return value

    @property
    def value(self) -> Decimal:
        return Decimal(self.amount)

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.status not in STATUSES_OF[self.kind]:
            problems["status"] = _("{status} is not a status of {kind}").format(
                status=label(self.status), kind=label(self.kind))
        if self.on is not None and self.on > clock.today():
            problems["on"] = _("must not be in the future")
        if self.paid_by is not None and self.status is not MoneyStatus.PAID:
            problems["paid_by"] = _("say who paid only for a sum paid")
        return problems
