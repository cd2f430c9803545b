"""The generated databases' legal matters (issue 34), for tests/perf/generate.py: one worker
in five has one or two, a third of them with a next date around the generator's day, some at
a stage that closes the matter. Drawn from a random stream of their own, so that the cases,
workers and log entries stay those of before."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from typing import Any

from store.domain.legal_codes import STAGES_OF, LegalKind

LEGAL_KINDS = list(LegalKind)


def make_legal(rng: random.Random, workers: list[dict[str, Any]], today: dt.date,
               orgs: Sequence[str], sentences: Sequence[str],
               stamp: Callable[[random.Random, dt.datetime], dict[str, Any]],
               ) -> list[dict[str, Any]]:
    """The legal matters of a case's workers: one worker in five has one or two; a third of
    the matters have a next date (`today` - 20 days to `today` + 40 days), some at a closed
    stage. `stamp` gives a record's id, version and times."""
    matters = []
    for worker in workers:
        if rng.random() >= 0.2:
            continue
        for _ in range(rng.choice([1, 1, 2])):
            kind = rng.choice(LEGAL_KINDS)
            since = today - dt.timedelta(days=rng.randrange(10, 400))
            when = dt.datetime.combine(since, dt.time(9, 0), tzinfo=dt.timezone.utc)
            nxt = today + dt.timedelta(days=rng.randrange(-20, 41)) \
                if rng.random() < 1 / 3 else None
            matters.append({
                **stamp(rng, when), "case_id": worker["case_id"], "worker_id": worker["id"],
                "kind": kind.value, "stage": rng.choice(STAGES_OF[kind]).value,
                "authority": rng.choice(orgs), "reference": f"REF-{rng.randrange(10**6)}",
                "subject": rng.choice(sentences)[:60], "place": "", "since": since.isoformat(),
                "until": None, "next_date": nxt.isoformat() if nxt else None,
                "next_what": "Hearing at the district court" if nxt else "",
                "organisation": "", "org_id": None, "lawyer": "", "role": None,
                "actor_ids": [], "non_punishment": rng.random() < 0.3, "notes": ""})
    return matters
