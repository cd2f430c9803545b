"""The road home: templates of repatriation steps, and the rules that read a worker's plan.

A template is data: a corridor's steps in their usual order, each with the steps it depends on.
`TEMPLATES` holds the thirteen steps for Indonesian workers (shared/domain.md §3) and a shorter
road for workers of other countries; another corridor is one more entry here.

One table, `STAGE_OF_STEP`, says at which working stage of a case each step is worked on. A
worker stands at the stage of their least advanced open step; a case stands at the stage of its
least advanced worker still on the road (`derive_stage`), unless an officer set it by hand with
a reason (`hand_set_note`, kept in the case's log); then it stays, and the case's page says
what the steps give and offers to follow them again. When a stage set by hand needs a reason,
when a case follows its steps and when it may close are `store.domain.rules.stage`'s; a new
plan's steps and setting a step `store.domain.rules.plan`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from store.common.i18n import N_, _, in_every_language
from store.domain.vocab import Stage, StepStatus, label

# Steps that still need doing. "Not needed" and "done" are both settled.
OPEN = (StepStatus.TODO, StepStatus.IN_PROGRESS, StepStatus.BLOCKED)
SETTLED = (StepStatus.DONE, StepStatus.NOT_NEEDED)

# The one table from steps to the working stage during which they are worked on.
STAGE_OF_STEP: dict[str, Stage] = {
    "report": Stage.REPORTED,
    "rescue": Stage.AWAITING_RESCUE,
    # Worked on once rescued: a worker rescued is no longer awaiting rescue.
    "shelter": Stage.IN_SHELTER,
    "registration": Stage.IN_SHELTER,
    "health": Stage.IN_SHELTER,
    "travel_document": Stage.DOCUMENTS,
    "immigration": Stage.IMMIGRATION_CLEARANCE,
    "flight": Stage.IMMIGRATION_CLEARANCE,
    "handover": Stage.REPATRIATED,
    "rehabilitation": Stage.HANDED_OVER,
    "reintegration": Stage.REINTEGRATION,
    "legal": Stage.LEGAL_FOLLOW_UP,
    "monitoring": Stage.REINTEGRATION,
}

# A worker is home once every step worked on before this stage is settled: they have flown.
HOME_STAGE = Stage.REPATRIATED

# Steps whose being done is what puts a worker at a stage (besides the steps of the stages
# before it): a case "in shelter" has its workers placed in a shelter.
ENTERED_BY: dict[str, Stage] = {"shelter": Stage.IN_SHELTER}

_STAGE_ORDER = {stage: n for n, stage in enumerate(Stage)}


@dataclass(frozen=True)
class StepDef:
    key: str
    label: str  # untranslated: pass through _() to show
    short: str  # two or three letters for the case's grid (not translated: a code)
    depends_on: tuple[str, ...] = ()
    by: str = ""  # who usually does it, untranslated

    @property
    def shown(self) -> str:
        """The step's name in the user's language."""
        return _(self.label)


@dataclass(frozen=True)
class Template:
    key: str
    name: str  # untranslated
    steps: tuple[StepDef, ...]

    @property
    def shown_name(self) -> str:
        """The template's name in the user's language."""
        return _(self.name)

    def label(self, key: str) -> str:
        """The step's name in the user's language."""
        return self.step(key).shown

    def step(self, key: str) -> StepDef:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [step.key for step in self.steps]


INDONESIA = Template(
    "ID",
    N_("Indonesian workers (embassy, KP2MI, police)"),
    (
        StepDef("report", N_("Report received"), "Rep", by=N_("embassy or union logs it")),
        StepDef("rescue", N_("Rescue or safe exit"), "Res", ("report",),
                by=N_("host police, asked by the embassy")),
        StepDef("shelter", N_("Temporary shelter"), "She", ("rescue",),
                by=N_("embassy, host government, NGO shelter")),
        StepDef("registration", N_("Registration and assessment"), "Ass", ("rescue",),
                by=N_("embassy with ministry team, immigration, police")),
        StepDef("health", N_("Health care and counselling"), "Hea", ("rescue",),
                by=N_("embassy, host authorities")),
        StepDef("travel_document", N_("Travel document (SPLP)"), "Doc", ("registration",),
                by=N_("embassy")),
        StepDef("immigration", N_("Immigration clearance"), "Imm", ("travel_document",),
                by=N_("host immigration; embassy negotiates")),
        StepDef("flight", N_("Flight home"), "Fli", ("immigration",),
                by=N_("foreign ministry or embassy")),
        StepDef("handover", N_("Handover at the arrival airport"), "Han", ("flight",),
                by=N_("ministry, KP2MI/BP3MI, police, social affairs")),
        StepDef("rehabilitation", N_("Health and social rehabilitation"), "Reh", ("handover",),
                by=N_("social affairs (RPTC), health agencies")),
        StepDef("reintegration", N_("Return to home region and family"), "Rei", ("handover",),
                by=N_("social affairs, local government, BP3MI")),
        StepDef("legal", N_("Legal action against recruiters"), "Leg", by=N_("police")),
        StepDef("monitoring", N_("Monitoring after return"), "Mon", ("reintegration",),
                by=N_("union, KP2MI")),
    ),
)

OTHER_CORRIDOR = Template(
    "OTHER",
    N_("Workers of other countries (through their embassy)"),
    (
        StepDef("report", N_("Report received"), "Rep"),
        StepDef("rescue", N_("Rescue or safe exit"), "Res", ("report",)),
        StepDef("shelter", N_("Temporary shelter"), "She", ("rescue",)),
        StepDef("registration", N_("Registration and assessment"), "Ass", ("rescue",)),
        StepDef("travel_document", N_("Travel document"), "Doc", ("registration",)),
        StepDef("immigration", N_("Immigration clearance"), "Imm", ("travel_document",)),
        StepDef("flight", N_("Journey home"), "Fli", ("immigration",)),
        StepDef("handover", N_("Received at home"), "Han", ("flight",)),
        StepDef("reintegration", N_("Return to home region and family"), "Rei", ("handover",)),
        StepDef("monitoring", N_("Monitoring after return"), "Mon", ("reintegration",)),
    ),
)

TEMPLATES: dict[str, Template] = {t.key: t for t in (INDONESIA, OTHER_CORRIDOR)}


def template_for(nationality: str | None) -> Template:
    """The usual template for a worker of this nationality."""
    return INDONESIA if nationality in (None, "ID") else OTHER_CORRIDOR


def check_templates() -> None:
    """Every template's steps have a stage and depend only on its own earlier steps."""
    for template in TEMPLATES.values():
        seen: set[str] = set()
        for step in template.steps:
            if step.key not in STAGE_OF_STEP:
                raise ValueError(f"{template.key}: step {step.key} has no stage")
            missing = [d for d in step.depends_on if d not in seen]
            if missing:
                raise ValueError(f"{template.key}: {step.key} depends on {missing} "
                                 "which do not come before it")
            seen.add(step.key)


check_templates()


# -- reading a plan ------------------------------------------------------------------------


def unmet(template: Template, statuses: Mapping[str, StepStatus], key: str) -> list[StepDef]:
    """The steps `key` depends on that are neither done nor marked not needed."""
    return [template.step(d) for d in template.step(key).depends_on
            if statuses.get(d, StepStatus.TODO) not in SETTLED]


def order_problem(template: Template, statuses: Mapping[str, StepStatus], key: str) -> str | None:
    """Why `key` cannot be marked done yet (in the user's language), or None."""
    missing = unmet(template, statuses, key)
    if not missing:
        return None
    return _("{step} cannot be done before {before}. Record why, to mark it done anyway.").format(
        step=template.label(key), before=", ".join(m.shown for m in missing))


def passed_at(key: str, stage: Stage) -> bool:
    """Whether the workers of a case at `stage` are past step `key`: it is worked on at an
    earlier stage, or being done is what puts them at this one (`ENTERED_BY`)."""
    entered = ENTERED_BY.get(key)
    return (_STAGE_ORDER[STAGE_OF_STEP[key]] < _STAGE_ORDER[stage]
            or (entered is not None and _STAGE_ORDER[entered] <= _STAGE_ORDER[stage]))


# What a step moves on to: the step dialog opens on it, so Enter then Ctrl+S moves a step one
# forward (to do or blocked -> in progress -> done). Done and not needed are as far as it goes.
NEXT_STATUS: dict[StepStatus, StepStatus] = {
    StepStatus.TODO: StepStatus.IN_PROGRESS,
    StepStatus.BLOCKED: StepStatus.IN_PROGRESS,
    StepStatus.IN_PROGRESS: StepStatus.DONE,
    StepStatus.DONE: StepStatus.DONE,
    StepStatus.NOT_NEEDED: StepStatus.NOT_NEEDED,
}
_PROGRESS = (StepStatus.TODO, StepStatus.BLOCKED, StepStatus.IN_PROGRESS,
             StepStatus.NOT_NEEDED, StepStatus.DONE)


def next_status(statuses: Iterable[StepStatus]) -> StepStatus:
    """The status a step moves on to for workers at `statuses` (one or several): the one
    after the least advanced of them, so that a group moves on together."""
    least = min(statuses, key=_PROGRESS.index, default=StepStatus.TODO)
    return NEXT_STATUS[least]


def worker_stage(template: Template, statuses: Mapping[str, StepStatus]) -> Stage:
    """The stage of the worker's least advanced open step; closed when none is open."""
    stages = [STAGE_OF_STEP[k] for k in template.keys
              if statuses.get(k, StepStatus.TODO) in OPEN]
    return min(stages, key=_STAGE_ORDER.__getitem__) if stages else Stage.CLOSED


def is_home(template: Template, statuses: Mapping[str, StepStatus]) -> bool:
    """Every step worked on before the worker flies home is settled."""
    return all(statuses.get(k, StepStatus.TODO) in SETTLED for k in template.keys
               if _STAGE_ORDER[STAGE_OF_STEP[k]] < _STAGE_ORDER[HOME_STAGE])


@dataclass(frozen=True)
class Derived:
    stage: Stage
    home: int  # workers with a plan who are home
    planned: int  # workers with a plan

    def describe(self) -> str:
        return _("{stage} · {home}/{total} home").format(
            stage=label(self.stage), home=self.home, total=self.planned)


def derive_stage(plans: Iterable[tuple[Template, Mapping[str, StepStatus]]]) -> Derived | None:
    """The case's stage from its workers' plans: that of the least advanced worker still on the
    road (or, when all are home, of the least advanced of all). None without any plan."""
    on_road: list[Stage] = []
    everyone: list[Stage] = []
    home = 0
    for template, statuses in plans:
        stage = worker_stage(template, statuses)
        everyone.append(stage)
        if is_home(template, statuses):
            home += 1
        else:
            on_road.append(stage)
    if not everyone:
        return None
    stage = min(on_road or everyone, key=_STAGE_ORDER.__getitem__)
    return Derived(stage, home, len(everyone))


def derive_from_plans(plans: Iterable[Any]) -> Derived | None:
    """`derive_stage` for a case's plans (`store.domain.records.Plan`: template key and statuses);
    a plan whose template this version does not know is left out."""
    return derive_stage((TEMPLATES[p.template], p.statuses) for p in plans
                        if p.template in TEMPLATES)


def stage_order(stage: Stage) -> int:
    return _STAGE_ORDER[stage]


# -- a stage set by hand -------------------------------------------------------------------

# The log entry written when an officer sets a stage other than the one the steps give.
HAND_SET = N_("Stage set by hand to \u201c{stage}\u201d (the workers' steps give "
              "\u201c{derived}\u201d): {reason}")


def hand_set_note(stage: Stage, derived: Stage, reason: str) -> str:
    """The log entry's summary for a stage set by hand, in the user's language."""
    return _(HAND_SET).format(stage=label(stage), derived=label(derived), reason=reason.strip())


def hand_set_reason(summary: str) -> str | None:
    """The reason in a summary `hand_set_note` wrote (in any language Pulang speaks); None
    for any other summary (or one edited since)."""
    for template in in_every_language(HAND_SET):
        parts = re.split(r"\{(\w+)\}", template)
        pattern = "".join(re.escape(part) if n % 2 == 0 else
                          ("(?P<reason>.*)" if part == "reason" else "(?:.*?)")
                          for n, part in enumerate(parts))
        found = re.fullmatch(pattern, summary, flags=re.DOTALL)
        if found:
            return found["reason"]
    return None
