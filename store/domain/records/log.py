"""A case's log: each call, message, letter, visit, referral or note, with its next step."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from store.common import clock
from store.common.i18n import N_, _
from store.domain.classification import personal, public
from store.domain.parse import InputProblem, parse_datetime
from store.domain.records.base import Record, _date, _problem
from store.domain.requests import RequestState
from store.domain.text import LINE, NAME, NOTES
from store.domain.vocab import Direction, LogKind, RecipientKind


class RequestChange(BaseModel):
    """One change of a request's state, dated (why it was declined is kept apart, personal:
    `LogEntry.request_why`)."""

    model_config = ConfigDict(extra="forbid")

    state: RequestState
    on: dt.date


class LogEntry(Record):
    case_id: str = public(N_("Case"))
    worker_ids: list[str] = public(N_("Workers"), default_factory=list)
    at: dt.datetime = public(N_("When"), default_factory=clock.now)
    recorded_by: str = personal(N_("Recorded by"), "", text=NAME.name)
    kind: LogKind = public(N_("Kind"), LogKind.NOTE)
    counterpart_org: str = public(N_("Counterpart organisation"), "", text=LINE.name)
    counterpart_person: str = personal(N_("Counterpart person"), "", text=NAME.name)
    # What passed with the counterpart: it goes where every worker it names consents.
    summary: str = personal(N_("Summary"), text=NOTES.name, shared=True)
    next_step: str = personal(N_("Next step"), "", text=LINE.name)
    # Before due_date: the loader picks due_date and next_step_done out of a line's end.
    counterpart_kind: RecipientKind | None = public(N_("Kind of counterpart"), None)
    awaiting_reply: bool = public(N_("Awaiting reply"), False)
    # Workers named in an entry sent (a referral, a message...) whose consent did not cover
    # its kind of counterpart, sent on the officer's say.
    consent_override: list[str] = public(N_("Sent without consent"), default_factory=list)
    # The counterpart in the directory, when linked; the free text above stays as typed. A
    # link is to this database's directory: a partner's copy gets the text only.
    counterpart_org_id: str | None = public(N_("Linked organisation"), None, local=True)
    counterpart_person_id: str | None = public(N_("Linked person"), None, local=True)
    # Sent to the counterpart or received from them; None for a note, and for entries kept
    # from before schema 5 whose kind did not tell (the migration counted them).
    direction: Direction | None = public(N_("Sent or received"), None)
    # The partner organisation (in the directory) whose copy of a shared case it came from.
    from_org_id: str | None = public(N_("From partner"), None, local=True)
    # A request to the partner (`store.domain.requests`: a referral, or another entry sent
    # awaiting a reply) is followed through: its state and each change, dated, are public;
    # why it was declined (or withdrawn) is personal.
    request_state: RequestState | None = public(N_("Request state"), None)
    request_changes: list[RequestChange] = public(N_("Request history"), default_factory=list)
    request_why: str = personal(N_("Why declined or withdrawn"), "", text=LINE.name)
    due_date: dt.date | None = public(N_("Due date"), None)
    next_step_done: bool = public(N_("Next step done"), False)

    @field_validator("at", mode="before")
    @classmethod
    def _when(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass
            try:
                parsed = parse_datetime(value)
            except InputProblem as problem:
                raise _problem(str(problem)) from None
            except (ValueError, OverflowError):  # 01/01/0001 00:00 has no local time
                raise _problem(_("is too far in the past or the future")) from None
            return clock.now() if parsed is None else parsed
        return value

    @field_validator("at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        try:
            aware = value if value.tzinfo else value.astimezone()
            aware.astimezone()  # every screen shows it in local time: that must exist
        except (ValueError, OverflowError):
            raise _problem(_("is too far in the past or the future")) from None
        return aware

    @field_validator("summary", mode="before")
    @classmethod
    def _summary_required(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _problem(_("must not be empty"))
        return value

    @field_validator("due_date", mode="before")
    @classmethod
    def _due(cls, value: Any) -> Any:
        return _date(value)

    def checks(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.due_date is not None and self.due_date < self.at.astimezone().date():
            problems["due_date"] = _("is before the entry's date")
        if self.due_date is not None and not self.next_step.strip():
            problems["next_step"] = _("say what is due on the due date")
        if self.kind is LogKind.REFERRAL and self.worker_ids and self.counterpart_kind is None:
            problems["counterpart_kind"] = _("say to what kind of organisation the workers are "
                                             "referred: their consent depends on it")
        if self.awaiting_reply and self.kind not in AWAITING_KINDS:
            problems["awaiting_reply"] = _("only a call, message, letter or referral awaits a "
                                           "reply")
        if self.kind is LogKind.REFERRAL and self.direction is Direction.RECEIVED:
            problems["direction"] = _("a referral is sent by the union; record one that came "
                                      "in as a call, message or letter")
        if self.kind is LogKind.NOTE and self.direction is not None:
            problems["direction"] = _("a note stays in the union: it is neither sent nor "
                                      "received")
        if self.request_state is RequestState.DECLINED and not self.request_why.strip():
            problems["request_why"] = _("say why the partner declined")
        return problems

    @model_validator(mode="after")
    def _referral_is_sent(self) -> LogEntry:
        if self.kind is LogKind.REFERRAL and self.direction is None:
            self.direction = Direction.SENT
        return self

    @property
    def sent(self) -> bool:
        """Went from the union to the counterpart, with whatever it says of the workers it
        names: a referral always; a note never; another entry when marked sent."""
        return self.kind is LogKind.REFERRAL or (
            self.kind is not LogKind.NOTE and self.direction is Direction.SENT)


# Log entries that can wait for a partner's answer.
AWAITING_KINDS = (LogKind.CALL, LogKind.MESSAGE, LogKind.LETTER, LogKind.REFERRAL)
