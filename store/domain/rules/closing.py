"""Closing a case or a worker with a reason of the union's list, and reopening it with one.

A record (`Case` or `Worker`) keeps its last closing (`closed_reason`, `closed_on`,
`closed_by`, `closed_note`), its last reopening (`reopened_on`, `reopened_reason`,
`reopened_by`) and, in `closings`, every closing and reopening in order: one line each,
"2026-03-01 closed lost_contact" or "2026-03-05 reopened" (a case's closing also keeps the
stage it stood at, which a reopening without plans goes back to: "... closed duplicate
verifying"). Public codes and dates only, so that the report counts them. Whether a record is
closed now is what its last line says (a case closed by hand before schema 10 has no line: its
stage says it).

The rules: a reason must be one of the list (`store.common.closing`); what is closed is not
closed again, what is open is not reopened, and a reopening needs a reason. A case is closed
while workers have open steps only where each of those workers is closed first (lost contact,
asked to stop: their steps will not be done), or where the reason is a referral (the other
organisation carries the steps on); else CaseNotClosable as before (`store.domain.rules.stage`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from store.common.closing import Reason, reason, reason_label, reasons
from store.common.errors import RuleRefused
from store.common.i18n import _
from store.domain.vocab import Stage

CLOSED, REOPENED = "closed", "reopened"


@dataclass(frozen=True)
class Event:
    """One line of a record's `closings`."""

    on: dt.date
    what: str  # CLOSED or REOPENED
    reason: str = ""  # a closing's reason code
    stage: str = ""  # a case's stage when it was closed

    def line(self) -> str:
        return " ".join(p for p in (self.on.isoformat(), self.what, self.reason, self.stage) if p)


def history(record: Any) -> list[Event]:
    """The record's closings and reopenings, oldest first (a line this version cannot read
    is left out); `record` a record or its stored document."""
    events = []
    lines = record.get("closings") or [] if isinstance(record, dict) else record.closings
    for line in lines:
        parts = line.split()
        try:
            on = dt.date.fromisoformat(parts[0])
        except (IndexError, ValueError):
            continue
        if len(parts) >= 2 and parts[1] in (CLOSED, REOPENED):
            events.append(Event(on, parts[1], *parts[2:4]))
    return events


def is_closed(record: Any) -> bool:
    """Closed now: its last closing not reopened since (a case: or its stage is closed)."""
    events = history(record)
    if events:
        return events[-1].what == CLOSED
    stage = record.get("stage") if isinstance(record, dict) else getattr(record, "stage", None)
    return stage == Stage.CLOSED.value


def closing_reasons() -> tuple[Reason, ...]:
    """The union's list in use (`store.common.closing`), for the app's picker."""
    return reasons()


def reason_text(code: str | None) -> str:
    """What a closing reason reads as in the officer's language (`reason_label`)."""
    return reason_label(code)


def closed_as_stored(raw: bytes) -> bool:
    """`is_closed` for a worker as stored (its JSON bytes), read without parsing the record:
    Today asks it of every worker on each refresh. Its `closings` hold only dates, the two
    words and codes, so the last of the words is the last event."""
    at = raw.find(b'"closings":[')
    if at < 0:
        return False
    held = raw[at:raw.find(b"]", at)]
    return held.rfind(b" closed") > held.rfind(b" reopened")


def times_reopened(record: Any) -> int:
    return sum(1 for event in history(record) if event.what == REOPENED)


def known_reason(code: str) -> Reason:
    """The reason of the list with this code; RuleRefused naming the list's codes."""
    found = reason(code)
    if found is None:
        raise RuleRefused(_("\u201c{code}\u201d is not a reason of the union's list of "
                            "closing reasons ({codes}).").format(
            code=code, codes=", ".join(r.code for r in reasons())))
    return found


def closing(record: Any, code: str, note: str, by: str, on: dt.date,
            stage: Stage | None = None) -> dict[str, Any]:
    """The changes that close `record` for the reason `code` (a case at `stage`)."""
    known_reason(code)
    if is_closed(record):
        raise RuleRefused(_("It is closed already; reopen it first to close it again."))
    event = Event(on, CLOSED, code, stage.value if stage is not None else "")
    return {"closed_reason": code, "closed_on": on, "closed_by": by,
            "closed_note": note.strip(), "closings": [*record.closings, event.line()]}


def reopening(record: Any, why: str, by: str, on: dt.date) -> dict[str, Any]:
    """The changes that reopen `record` for the reason `why` (the last closing is kept)."""
    if not is_closed(record):
        raise RuleRefused(_("It is not closed, so it cannot be reopened."))
    if not why.strip():
        raise RuleRefused(_("Say why it is reopened; the reason is kept with it."))
    return {"reopened_on": on, "reopened_reason": why.strip(), "reopened_by": by,
            "closings": [*record.closings, Event(on, REOPENED).line()]}


def stage_before(record: Any) -> Stage | None:
    """The stage a case stood at when it was last closed, if its history says."""
    closings = [e for e in history(record) if e.what == CLOSED and e.stage]
    if closings and closings[-1].stage in Stage._value2member_map_:
        return Stage(closings[-1].stage)
    return None


def closing_note(code: str) -> str:
    """The log entry's summary when a case is closed (the note stays in the case, never in
    the log, which may go to a partner)."""
    return _("Case closed: {reason}.").format(reason=known_reason(code).label)


def worker_closing_note(name: str, code: str) -> str:
    return _("{name} closed: {reason}.").format(name=name, reason=known_reason(code).label)


def reopening_note(why: str) -> str:
    return _("Case reopened: {reason}").format(reason=why.strip())


def worker_reopening_note(name: str, why: str) -> str:
    return _("{name} reopened: {reason}").format(name=name, reason=why.strip())
