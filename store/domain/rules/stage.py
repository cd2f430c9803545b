"""The case's stage: when it follows the workers' steps, when an officer sets it by hand, and
when the case may close.

What the steps give (`store.domain.road.derive_stage`, `Derived`) is read from the workers'
plans; these rules decide what the Database does with it before a case is written: a stage
other than the derived one needs a reason, which goes into the case's log, and is then kept
(`stage_override`) until the officer has the case follow its steps again; a case whose
workers still have open steps is not closed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from store.common.errors import CaseNotClosable, StageReasonNeeded
from store.common.i18n import _
from store.domain.records import Plan
from store.domain.road import OPEN, TEMPLATES, Derived, hand_set_note
from store.domain.text import row_name
from store.domain.vocab import Stage, label


@dataclass(frozen=True)
class StageChoice:
    """What saving a case at a stage means for its override."""

    override: bool  # the stage is set by hand: it no longer follows the workers' steps
    note: str | None = None  # the log entry to write (its summary): newly set by hand


def choose_stage(stage: Stage, derived: Derived | None, stored_stage: str | None,
                 stored_override: bool, reason: str | None) -> StageChoice:
    """Saving a case (stored at `stored_stage`, set by hand or not) at `stage` when its workers'
    steps give `derived` (None: no plans yet). A stage other than the derived one is set by
    hand: it needs `reason` (StageReasonNeeded without it), which goes into the log, unless the
    case was already set by hand to that stage."""
    if derived is None or stage is derived.stage:
        return StageChoice(override=False)
    if stored_stage == stage.value and stored_override:
        return StageChoice(override=True)
    if not (reason or "").strip():
        raise StageReasonNeeded(_(
            "The workers' steps put this case at \u201c{derived}\u201d. Say why "
            "it should be \u201c{stage}\u201d instead; the reason goes into "
            "the log.").format(derived=label(derived.stage), stage=label(stage)))
    return StageChoice(override=True, note=hand_set_note(stage, derived.stage, reason or ""))


def stage_to_follow(stored_stage: str | None, stored_override: bool,
                    derived: Derived | None) -> Stage | None:
    """The stage a case stored at `stored_stage` moves to after its workers' steps changed:
    the one they give, unless the officer set it by hand; None when it stays."""
    if derived is None or stored_override:
        return None
    if stored_stage != derived.stage.value:
        return derived.stage
    return None


def following_again_note(derived: Derived, stage: Stage) -> str:
    """The log entry's summary when a case set by hand (at `stage`) follows its workers'
    steps again."""
    return _("Stage follows the workers' steps again: \u201c{derived}\u201d "
             "(it was set by hand to \u201c{stage}\u201d).").format(
        derived=label(derived.stage), stage=label(stage))


def refuse_closing(plans: Iterable[Plan], names: Mapping[str, Sequence[str]]) -> None:
    """CaseNotClosable naming the workers with steps neither done nor marked not needed.
    `plans`: the case's plans; `names`: each worker's names (the first as shown in rows)."""
    waiting: list[str] = []
    for plan in plans:
        template = TEMPLATES[plan.template]
        open_steps = [template.label(s.key) for s in plan.steps
                      if s.status in OPEN]
        missing = [k for k in template.keys if k not in plan.statuses]
        open_steps += [template.label(k) for k in missing]
        if open_steps:
            name = row_name(names.get(plan.worker_id) or ["?"], plan.worker_id)
            waiting.append(f"{name} ({', '.join(open_steps[:2])}"
                           f"{', …' if len(open_steps) > 2 else ''})")
    if waiting:
        raise CaseNotClosable(
            _("The case cannot be closed: {count} workers still have open steps: {who}. "
              "Mark each step done or not needed first.").format(
                count=len(waiting), who="; ".join(waiting[:3]) + (
                    "; " + _("and {count} more").format(count=len(waiting) - 3)
                    if len(waiting) > 3 else "")))
