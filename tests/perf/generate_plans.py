"""The generated databases' roads home (schema 3's plans), for tests/perf/generate.py: the
check-ins after return (tests/perf/generate_checkins.py) count from the day a worker's flight
home was done, which only a plan says.

Four cases in five from "awaiting rescue" on have plans, one for each worker (a case still
reported or verifying has none yet, nor has a duplicate or a case that was no trafficking,
closed), from the template of the worker's nationality. The steps of the
stages the case has passed are done, as `store.domain.rules.plan.first_steps` starts them, each
on a day (the group moves together: its workers' days are the same); the first open step is
often in progress, and the legal step is often not needed. A case closed for a reason has every
step settled: done up to the stage it stood at, the rest done when it closed as returned home,
else not needed. Where the steps give another stage than the case's (a case "handed over"
or "legal follow-up" whose workers' road, that of other countries than Indonesia, has no
rehabilitation or legal step: they give "reintegration" or "closed"), the stage is set by hand
(`stage_override`), as an officer's choice would be. Drawn from a random stream of its own.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from store.domain.road import HOME_STAGE, TEMPLATES, derive_stage, passed_at, template_for
from store.domain.rules.closing import history
from store.domain.vocab import Stage, StepStatus

PLANNED_SHARE = 0.8
NO_PLAN_REASONS = ("duplicate", "not_trafficking")
NO_PLAN_STAGES = (Stage.REPORTED.value, Stage.VERIFYING.value)
ORGS_OF_STEP = {"rescue": "Host police", "shelter": "Partner shelter", "registration": "Embassy",
                "travel_document": "Embassy", "immigration": "Host immigration",
                "flight": "Foreign ministry", "handover": "BP3MI"}


def _stood_at(case: dict[str, Any]) -> Stage:
    """The stage a closed case stood at when it closed (its history's last closing)."""
    closings = [e for e in history(case) if e.what == "closed" and e.stage]
    return Stage(closings[-1].stage) if closings else Stage.REINTEGRATION


def _days(rng: random.Random, first: dt.date, last: dt.date, count: int) -> list[dt.date]:
    """`count` days from `first` to `last`, in order (all `last` when there is no room)."""
    span = max(0, (last - first).days)
    return sorted(first + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(count))


def _statuses(rng: random.Random, keys: list[str], stage: Stage, closed: dict[str, Any] | None,
              ) -> dict[str, StepStatus]:
    if closed is not None:
        stood = _stood_at(closed)
        rest = StepStatus.DONE if closed["closed_reason"] == "returned_home" \
            else StepStatus.NOT_NEEDED
        found = {k: StepStatus.DONE if passed_at(k, stood) else rest for k in keys}
        found["report"] = StepStatus.DONE
        if "legal" in found and rng.random() < 0.7:
            found["legal"] = StepStatus.NOT_NEEDED
        return found
    found = {k: StepStatus.DONE if passed_at(k, stage) else StepStatus.TODO for k in keys}
    found["report"] = StepStatus.DONE
    if found.get("legal") is StepStatus.TODO and stage is not Stage.LEGAL_FOLLOW_UP \
            and rng.random() < 0.6:
        found["legal"] = StepStatus.NOT_NEEDED
    first_open = next((k for k in keys if found[k] is StepStatus.TODO and k != "legal"), None)
    if first_open is not None and rng.random() < 0.5:
        found[first_open] = rng.choice([StepStatus.IN_PROGRESS, StepStatus.IN_PROGRESS,
                                        StepStatus.BLOCKED])
    return found


def _step_days(rng: random.Random, keys: list[str], statuses: dict[str, StepStatus],
               reported: dt.date, last: dt.date) -> dict[str, dt.date]:
    """The days the done steps were done: those up to the flight home within a road of 3 weeks
    to 10 months from the report, the later ones from the flight on to `last`."""
    done = [k for k in keys if statuses[k] is StepStatus.DONE and k != "report"]
    before = [k for k in done if passed_at(k, HOME_STAGE)]
    after = [k for k in done if k not in before]
    home = min(last, reported + dt.timedelta(days=rng.randrange(21, 300)))
    days = _days(rng, min(reported + dt.timedelta(days=1), home), home, len(before))
    days += _days(rng, days[-1] if days else reported, last, len(after))
    return dict(zip(before + after, days, strict=True))


def make_plans(rng: random.Random, case: dict[str, Any], workers: list[dict[str, Any]],
               today: dt.date, stamp: Callable[[random.Random, dt.datetime], dict[str, Any]],
               ) -> list[dict[str, Any]]:
    """The plans of the case's workers (none for one case in five...); sets the case's
    `stage_override` where the steps give another stage (see the module's doc)."""
    closed = case if case.get("closed_on") and case["stage"] == Stage.CLOSED.value else None
    if rng.random() >= PLANNED_SHARE or case["stage"] in NO_PLAN_STAGES or (
            closed and closed["closed_reason"] in NO_PLAN_REASONS):
        return []
    reported = dt.date.fromisoformat(case["date_reported"])
    last = dt.date.fromisoformat(closed["closed_on"]) if closed else today
    stage = Stage(case["stage"])
    by_template: dict[str, tuple[dict[str, StepStatus], dict[str, dt.date]]] = {}
    plans = []
    for worker in workers:
        template = template_for(worker.get("nationality"))
        if template.key not in by_template:  # the group's workers move together
            keys = template.keys
            statuses = _statuses(rng, keys, stage, closed)
            by_template[template.key] = (statuses, _step_days(rng, keys, statuses, reported,
                                                              last))
        statuses, days = by_template[template.key]
        when = dt.datetime.combine(reported, dt.time(10, 0), tzinfo=dt.timezone.utc)
        steps = []
        for key in template.keys:  # as `first_steps` starts them: the report done when made
            status = statuses[key]
            steps.append({"key": key, "status": status.value,
                          "org": ORGS_OF_STEP.get(key, "") if status in (
                              StepStatus.DONE, StepStatus.IN_PROGRESS) else "",
                          "done_on": days.get(key, reported).isoformat()
                          if status is StepStatus.DONE else None,
                          "deadline": None})
        plans.append({**stamp(rng, when), "case_id": case["id"], "worker_id": worker["id"],
                      "template": template.key, "steps": steps, "notes": {}, "reasons": {}})
    derived = derive_stage((TEMPLATES[p["template"]], {s["key"]: StepStatus(s["status"])
                                                        for s in p["steps"]}) for p in plans)
    case["stage_override"] = derived is not None and derived.stage is not stage
    return plans
