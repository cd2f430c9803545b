"""The generated databases' check-ins after return (schema 13, issue 35), for
tests/perf/generate.py: for each worker whose plan has the flight home done, the check-ins of
the schedule (`store.common.reintegration.checkin_months`: 1, 3, 6 and 12 months after it)
already due on the generator's day, four in five of them done (the others overdue: Today
lists them), a few days either side of their day, by visit, phone or messages. Each answers
every indicator of `store.common.reintegration.indicators()`, the better answers likelier;
one in twenty has a sign of re-recruitment (a recruiter's call, an offer abroad, a debt to a
recruiter, the wish to go again without papers), and three in five of those were followed up
within two weeks. One worker home in thirty also has a check-in between the schedule's.
Drawn from a random stream of its own, so that the other tables stay those of before.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from store.common.reintegration import Indicator, checkin_months, indicators
from store.domain.checkins import FLIGHT_STEP, CheckInHow, add_months

DONE_SHARE, SIGN_SHARE, FOLLOWED_SHARE, BETWEEN_SHARE = 0.8, 0.05, 0.6, 1 / 30
HOW = [CheckInHow.VISIT] * 3 + [CheckInHow.PHONE] * 4 + [CheckInHow.MESSAGE] * 2 + [
    CheckInHow.OTHER]
OFFICERS = ["Rina", "Dewi", "Somchai"]
FOLLOWED = ["Warned the worker about the recruiter and told the police labour desk",
            "Visited the family; the worker agreed to talk to us before any offer",
            "Referred to BP3MI's safe migration desk"]


def home_on(plan: dict[str, Any]) -> dt.date | None:
    """The day the plan's flight home was done (as stored), or None."""
    for step in plan["steps"]:
        if step["key"] == FLIGHT_STEP and step["status"] == "done" and step["done_on"]:
            return dt.date.fromisoformat(step["done_on"])
    return None


def _answers(rng: random.Random, asked: tuple[Indicator, ...], sign: bool) -> dict[str, str]:
    answers = {}
    for indicator in asked:
        calm = [a for a in indicator.answers if not a.sign]
        if not calm:
            continue
        weights = [len(calm) - n + 1 for n in range(len(calm))]  # the better answers first
        answers[indicator.id] = rng.choices(calm, weights=weights)[0].code
    if sign:
        signed = [i for i in asked if any(a.sign for a in i.answers)]
        for indicator in rng.sample(signed, rng.choice([1, 1, 2])):
            answers[indicator.id] = rng.choice([a for a in indicator.answers if a.sign]).code
    return answers


def _checkin(rng: random.Random, plan: dict[str, Any], month: int | None, on: dt.date,
             today: dt.date, asked: tuple[Indicator, ...],
             stamp: Callable[[random.Random, dt.datetime], dict[str, Any]]) -> dict[str, Any]:
    sign = rng.random() < SIGN_SHARE
    followed = None
    if sign and rng.random() < FOLLOWED_SHARE:
        followed = min(today, on + dt.timedelta(days=rng.randrange(0, 15)))
    when = dt.datetime.combine(on, dt.time(15, 0), tzinfo=dt.timezone.utc)
    return {**stamp(rng, when), "case_id": plan["case_id"], "worker_id": plan["worker_id"],
            "month": month, "on": on.isoformat(), "how": rng.choice(HOW).value,
            "by": rng.choice(OFFICERS), "answers": _answers(rng, asked, sign),
            "notes": rng.choice(["", "", "", "Working at a relative's shop; wants training."]),
            "followed_on": followed.isoformat() if followed else None,
            "followed_note": rng.choice(FOLLOWED) if followed else ""}


def make_checkins(rng: random.Random, plans: list[dict[str, Any]], today: dt.date,
                  stamp: Callable[[random.Random, dt.datetime], dict[str, Any]],
                  ) -> list[dict[str, Any]]:
    """The check-ins of the workers of `plans` who are home (see the module's doc)."""
    months, asked = checkin_months(), indicators()
    found = []
    for plan in plans:
        home = home_on(plan)
        if home is None:
            continue
        for month in months:
            due = add_months(home, month)
            if due > today or rng.random() >= DONE_SHARE:
                continue
            on = min(today, max(home + dt.timedelta(days=1),
                                due + dt.timedelta(days=rng.randrange(-5, 21))))
            found.append(_checkin(rng, plan, month, on, today, asked, stamp))
        if home < today and rng.random() < BETWEEN_SHARE:
            on = home + dt.timedelta(days=rng.randrange(1, (today - home).days + 1))
            found.append(_checkin(rng, plan, None, on, today, asked, stamp))
    return found
