"""A worker's plan on the road home: the steps a new plan starts with, and setting one step for
several workers at once.

The templates and what a plan's steps give are `store.domain.road`'s; these rules decide what
`Database.start_plans` and `Database.set_step` write: a new plan does not move the case's stage
back, and a step is not marked done before the steps it depends on without a reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from store.common.errors import NotFound, StepOrderRefused
from store.common.i18n import _
from store.domain.records import Plan, StepState, build
from store.domain.road import TEMPLATES, Template, order_problem, passed_at
from store.domain.text import row_name
from store.domain.vocab import Stage, StepStatus


def first_steps(template: Template, stage: Stage, reported: dt.date) -> list[StepState]:
    """The steps of a new plan for a worker of a case at `stage`: the report step done on the
    day the case was `reported`, and so are the steps of the stages the case has already
    passed (on a day not recorded), so that its stage does not move back."""
    steps = [StepState(key=k, status=StepStatus.DONE)
             if passed_at(k, stage) else StepState(key=k)
             for k in template.keys]
    steps[0] = StepState(key=steps[0].key, status=StepStatus.DONE, done_on=reported)
    return steps


def plans_to_set(plans: Mapping[str, Plan], worker_ids: Sequence[str], key: str,
                 status: StepStatus, reason: str | None,
                 names: Mapping[str, Sequence[str]]) -> list[Plan]:
    """The plans of `worker_ids` (from the case's `plans`, by worker id) whose step `key` is to
    be set to `status`. NotFound for a worker without a plan or a step not in their plan;
    marking it done before the steps it depends on are settled needs `reason`: without it,
    StepOrderRefused names each worker concerned (`names`: each worker's names)."""
    problems: dict[str, str] = {}
    shown: dict[str, str] = {}
    chosen: list[Plan] = []
    for worker_id in worker_ids:
        plan = plans.get(worker_id)
        if plan is None:
            raise NotFound(_("plan of this worker (start the road home first)"))
        template = TEMPLATES[plan.template]
        if key not in template.keys:
            raise NotFound(_("step {key} in this worker's plan").format(key=key))
        chosen.append(plan)
        if status is StepStatus.DONE and not (reason or "").strip():
            problem = order_problem(template, plan.statuses, key)
            if problem:
                problems[worker_id] = problem
                shown[worker_id] = row_name(names.get(worker_id) or ["?"], worker_id)
    if problems:
        raise StepOrderRefused(problems, shown)
    return chosen


def with_step(plan: Plan, key: str, status: StepStatus, *, today: dt.date,
              org: str | None = None, done_on: dt.date | None = None,
              deadline: dt.date | None | str = "keep", note: str | None = None,
              reason: str | None = None) -> Plan | None:
    """The plan with step `key` set (see `Database.set_step`); None when that leaves it as it
    was. A step marked done gets `done_on`, else the day it was done before, else `today`."""
    old = plan.state(key)
    new = old.model_copy(update={
        "status": status,
        "org": old.org if org is None else org,
        "done_on": (done_on or old.done_on or today)
        if status is StepStatus.DONE else None,
        "deadline": old.deadline if deadline == "keep" else deadline,
    })
    steps = [new if s.key == key else s for s in plan.steps]
    if key not in plan.statuses:
        steps.append(new)
    notes = dict(plan.notes)
    if note:
        notes[key] = note
    elif note is not None:  # an empty note is no note
        notes.pop(key, None)
    reasons = dict(plan.reasons)
    if status is StepStatus.DONE and reason and reason.strip():
        if order_problem(TEMPLATES[plan.template], plan.statuses, key):
            reasons[key] = reason.strip()
    elif status is not StepStatus.DONE:
        reasons.pop(key, None)
    if (steps, notes, reasons) == (plan.steps, plan.notes, plan.reasons):
        return None  # already so: nothing to write, nothing in the audit trail
    return build(Plan, {
        **plan.model_dump(), "steps": [s.model_dump() for s in steps],
        "notes": notes, "reasons": reasons})
