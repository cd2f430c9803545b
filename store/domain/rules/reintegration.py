"""A check-in's scores, in the manner of IOM's Reintegration Sustainability Survey: each of
the three dimensions (economic, social, psychosocial) and the whole scored from 0 to 1 from
the answers given; and the answers that are signs of re-recruitment.

Pure: the indicators come from store/common/reintegration.py (its `Indicator`, or anything
shaped like it), the answers from the check-in (indicator id -> answer code).

- An indicator not answered, or answered with an answer that has no score ("no school-age
  children"), is left out: never counted as 0. How many were answered is part of the score.
- A dimension is "weighted" when every indicator of it has a published weight: the score is
  the weighted mean of its answered indicators. Otherwise it is "unweighted": the plain mean,
  and says so. The whole is weighted likewise when every scored indicator has an
  overall_weight, else it is the plain mean of all answered indicators.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from store.common.i18n import N_
from store.common.reintegration import DIMENSIONS

OVERALL = "overall"
WEIGHTED = "weighted"
UNWEIGHTED = "unweighted"
# How a score was reached, said beside it (msgids: the screen translates them).
METHOD_LABELS = {
    WEIGHTED: N_("weighted as the source publishes"),
    UNWEIGHTED: N_("unweighted: the mean of the answers"),
}


class AnswerLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def score(self) -> float | None: ...
    @property
    def sign(self) -> bool: ...


class IndicatorLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def dimension(self) -> str | None: ...
    @property
    def weight(self) -> float | None: ...
    @property
    def overall_weight(self) -> float | None: ...
    @property
    def answers(self) -> Sequence[AnswerLike]: ...


@dataclass(frozen=True)
class Score:
    """One dimension's score (or the whole's): `value` from 0 to 1, None when nothing of it
    was answered; `answered` of `of` indicators counted."""

    dimension: str
    value: float | None
    weighted: bool
    answered: int
    of: int

    @property
    def method(self) -> str:
        return WEIGHTED if self.weighted else UNWEIGHTED


def _answer(indicator: IndicatorLike, code: str | None) -> AnswerLike | None:
    return next((a for a in indicator.answers if a.code == code), None)


def _mean(pairs: list[tuple[float, float]]) -> float | None:
    """The weighted mean of (score, weight) pairs; None for none."""
    total = sum(weight for _score, weight in pairs)
    return sum(score * weight for score, weight in pairs) / total if total else None


def _score(name: str, counted: Sequence[IndicatorLike], answers: Mapping[str, str],
           weight_of: str) -> Score:
    weights = [getattr(i, weight_of) for i in counted]
    weighted = bool(counted) and all(w is not None and w > 0 for w in weights)
    pairs: list[tuple[float, float]] = []
    for indicator, weight in zip(counted, weights, strict=True):
        given = _answer(indicator, answers.get(indicator.id))
        if given is not None and given.score is not None:
            pairs.append((given.score, weight if weighted else 1.0))
    return Score(name, _mean(pairs), weighted, len(pairs), len(counted))


def score(answers: Mapping[str, str], indicators: Iterable[IndicatorLike]) -> dict[str, Score]:
    """Each dimension's score and the whole's ("overall"), from `answers` (indicator id ->
    answer code). An answer code the indicator does not know counts as not answered."""
    scored = [i for i in indicators if i.dimension in DIMENSIONS]
    found = {name: _score(name, [i for i in scored if i.dimension == name], answers, "weight")
             for name in DIMENSIONS}
    found[OVERALL] = _score(OVERALL, scored, answers, "overall_weight")
    return found


def re_recruitment(answers: Mapping[str, str],
                   indicators: Iterable[IndicatorLike]) -> list[tuple[str, str]]:
    """The signs of re-recruitment among `answers`: (indicator id, answer code) for each
    answer marked a sign (a recruiter's contact, an offer of work abroad, the plan to leave
    again without papers, a debt to a recruiter), in the indicators' order. Any one puts the
    worker back on Today at once."""
    signs: list[tuple[str, str]] = []
    for indicator in indicators:
        given = _answer(indicator, answers.get(indicator.id))
        if given is not None and given.sign:
            signs.append((indicator.id, given.code))
    return signs
