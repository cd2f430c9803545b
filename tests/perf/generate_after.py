"""The records of the kinds added after the first benchmark, for tests/perf/generate.py: a case's
closing (tests/perf/generate_closing.py), its workers' roads home (generate_plans.py) and
check-ins after return (generate_checkins.py), and its log's directions and requests to
partners (generate_requests.py). Each kind draws from a random stream of its own (`Streams`),
so that the cases, workers and log entries drawn before stay as they were, and adding a kind
later changes no other kind's draws.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from store.common import clock
from store.domain.records import Case, CheckIn, Plan
from store.domain.records.base import STORED
from store.engine.migrations import CLOSING_FIELDS
from tests.perf.generate_checkins import make_checkins
from tests.perf.generate_closing import close_case
from tests.perf.generate_plans import make_plans
from tests.perf.generate_requests import follow_requests

# The tables this module adds to the generator's, in the order written.
TABLES = ("plans", "checkins")

Doc = dict[str, Any]


@dataclass
class Streams:
    closing: random.Random
    plans: random.Random
    checkins: random.Random
    requests: random.Random

    @classmethod
    def of(cls, seed: int) -> Streams:
        return cls(*(random.Random(f"{kind}-{seed}")
                     for kind in ("closing", "plans", "checkins", "requests")))


def after_kinds(streams: Streams, case: Doc, workers: list[Doc], entries: list[Doc],
                today: dt.date, stamp: Callable[[random.Random, dt.datetime], Doc],
                ) -> tuple[Doc, list[Doc], dict[str, list[Doc]]]:
    """The case closed or not, its log entries with their direction and requests' states,
    and the records of `TABLES` (table -> documents). The case and its workers get every
    field of the current schema, in the store's order, as the store writes them (the worker's
    `"erased_at":null` is what the check-ins' fast path looks for); the workers in place."""
    for worker in workers:
        worker.update(erased_at=None, **{k: _fresh(v) for k, v in CLOSING_FIELDS.items()})
    case = close_case(streams.closing, case, today)
    plans = make_plans(streams.plans, case, workers, today, stamp)
    full = {"stage_override": False, "shared_with": [], **case}
    case = {name: full[name] for name in Case.model_fields if name in full}
    checkins = make_checkins(streams.checkins, plans, today, stamp)
    entries = follow_requests(streams.requests, entries, today)
    return case, entries, {"plans": plans, "checkins": checkins}


def _fresh(default: Any) -> Any:
    return list(default) if isinstance(default, list) else default


def validate(added: dict[str, list[Doc]], today: dt.date) -> None:
    """Put the added records through the real models (a sample: the shape stays true), as
    read on the generator's day `today` (no day done after it)."""
    clock.set_today(today)
    try:
        for kind, name in ((Plan, "plans"), (CheckIn, "checkins")):
            for doc in added[name]:
                kind.model_validate(doc, context=STORED)
    finally:
        clock.set_today(None)
