"""The generated databases' closings (schema 10, issue 35), for tests/perf/generate.py.

A case at stage "closed" gets a reason of store/common/closing.toml's (most returned home,
some referred, lost contact, duplicates...), the stage it stood at, a day and who closed it,
as `store.domain.rules.closing` writes them ("2026-03-01 closed returned_home reintegration").
One closed case in twenty was closed once before and reopened (the worker was recruited
again, or the closing was a mistake); two open cases in a hundred of the late stages were
closed and reopened, and stand open. One closed case in twelve, where its report is old
enough, was closed 23 to 24 months before the generator's day: Today warns that it falls due
to be anonymised within the month (`store.domain.rules.keeping`). Every other closing is less
than 23 months old, so that on the generator's day no case is due yet (see `closed_window`).
Drawn from a random stream of its own, so that the other tables stay those of before.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from store.common.closing import reasons
from store.domain.rules.keeping import add_months
from store.domain.vocab import Stage

# Reason code -> weight; a reason the union's list lacks is left out.
REASON_SHARES = {"returned_home": 46, "referred": 14, "worker_asked": 7, "lost_contact": 13,
                 "died": 1, "duplicate": 7, "not_trafficking": 7, "other": 5}
# The stages a case stood at when closed for each reason (the last: the usual one).
STOOD_AT = {"returned_home": ("handed_over", "reintegration", "reintegration"),
            "referred": ("verifying", "in_shelter", "documents", "legal_follow_up"),
            "lost_contact": ("awaiting_rescue", "in_shelter", "repatriated", "reintegration"),
            "worker_asked": ("verifying", "in_shelter", "reintegration"),
            "died": ("in_shelter", "awaiting_rescue"), "duplicate": ("reported", "verifying"),
            "not_trafficking": ("reported", "verifying"), "other": ("verifying", "documents")}
REOPEN_WHY = ["New report: a recruiter contacted the worker again",
              "Closed by mistake", "The family asked the union to take it up again",
              "A legal matter against the recruiter began"]
OFFICERS = ["Rina", "Dewi", "Somchai", "International desk"]
LATE_STAGES = (Stage.REINTEGRATION.value, Stage.LEGAL_FOLLOW_UP.value)
WARNED_SHARE, REOPENED_SHARE, OPEN_REOPENED_SHARE = 1 / 12, 1 / 20, 1 / 50


def closed_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The days of the closings Today warns of on `today`: 23 to 24 months before it (due on
    their day plus 24 months, that is from the day after `today` to a month after it)."""
    return add_months(today, -24) + dt.timedelta(days=1), add_months(today, -23)


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange(max(1, (last - first).days + 1)))


def _reason(rng: random.Random) -> str:
    known = {r.code for r in reasons()}
    codes = [code for code in REASON_SHARES if code in known]
    return rng.choices(codes, weights=[REASON_SHARES[c] for c in codes])[0]


def _line(on: dt.date, what: str, *rest: str) -> str:
    return " ".join([on.isoformat(), what, *rest])


def close_case(rng: random.Random, case: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The case with its closing fields (every field of schema 10 and 12, as the store writes
    them): closed for a reason when at stage closed, perhaps closed and reopened before."""
    fields: dict[str, Any] = {"closed_reason": None, "closed_on": None, "closed_by": "",
                              "closed_note": "", "reopened_on": None, "reopened_reason": "",
                              "reopened_by": "", "closings": [], "anonymised_on": None}
    reported = dt.date.fromisoformat(case["date_reported"])
    first = reported + dt.timedelta(days=7)
    recent = max(first, closed_window(today)[1] + dt.timedelta(days=1))
    stage = case["stage"]
    if stage == Stage.CLOSED.value and first <= today:
        reason = _reason(rng)
        stood = rng.choice(STOOD_AT[reason])
        warned_from, warned_to = closed_window(today)
        if first <= warned_to and rng.random() < WARNED_SHARE:
            closed_on = _day(rng, max(first, warned_from), warned_to)
        else:
            closed_on = _day(rng, min(recent, today), today)
        lines = []
        if closed_on - first > dt.timedelta(days=60) and rng.random() < REOPENED_SHARE:
            before = _day(rng, first, closed_on - dt.timedelta(days=40))
            back = before + dt.timedelta(days=rng.randrange(5, 30))
            lines = [_line(before, "closed", "returned_home", "reintegration"),
                     _line(back, "reopened")]
            fields.update(reopened_on=back.isoformat(), reopened_reason=rng.choice(REOPEN_WHY),
                          reopened_by=rng.choice(OFFICERS))
        fields.update(closed_reason=reason, closed_on=closed_on.isoformat(),
                      closed_by=rng.choice(OFFICERS),
                      closed_note=rng.choice(["", "", "Family informed; file kept."]),
                      closings=[*lines, _line(closed_on, "closed", reason, stood)])
    elif stage in LATE_STAGES and today - first > dt.timedelta(days=90) \
            and rng.random() < OPEN_REOPENED_SHARE:
        closed_on = _day(rng, first, today - dt.timedelta(days=60))
        back = closed_on + dt.timedelta(days=rng.randrange(5, 50))
        fields.update(closed_reason="returned_home", closed_on=closed_on.isoformat(),
                      closed_by=rng.choice(OFFICERS), reopened_on=back.isoformat(),
                      reopened_reason=rng.choice(REOPEN_WHY), reopened_by=rng.choice(OFFICERS),
                      closings=[_line(closed_on, "closed", "returned_home", "reintegration"),
                                _line(back, "reopened")])
    return {**case, **fields}
