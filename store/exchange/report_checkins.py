"""The report's figures of check-ins after return (issue 35), for `pulang report`: what is due
and done, the scores by dimension, and the signs of re-recruitment. Counts and means only: no
name, id, date or answer of anyone.

- "due": the check-ins of the schedule (`store.domain.checkins`) of every worker still
  followed (flown home; neither closed nor erased; case open, not anonymised) due on or
  before the report's day and not done; "overdue": those due before it. The same as Today's
  (`Database.checkins_due`), read off the stored plans the report reads already.
- "done": the check-ins recorded; "answering_schedule": those of them answering a month of
  the schedule. "by_month": for each month of the union's template (and any other month a
  check-in answers), {"due", "done"} counted as above.
- "scores" (and "scores_latest", over each worker's latest check-in only): for each dimension
  and "overall", {"mean": the mean of the scores of the check-ins that have one (2 decimals;
  None when none has), "checkins": how many had one, "method": "weighted" or "unweighted"}
  (`store.domain.rules.reintegration`; every score is unweighted while no weight of IOM's
  method could be read).
- "signs_open" / "signs_followed": the workers still followed whose latest check-in shows a
  sign of re-recruitment, not followed up / followed up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from store.common.i18n import _, format_number, ngettext
from store.common.reintegration import DIMENSIONS, checkin_months, indicators
from store.domain.checkins import FLIGHT_STEP, latest, schedule
from store.domain.rules.closing import is_closed
from store.domain.rules.reintegration import (
    OVERALL,
    UNWEIGHTED,
    WEIGHTED,
    IndicatorLike,
    score,
)

if TYPE_CHECKING:
    from store.exchange.report_stored import Stored

SCORED = (*DIMENSIONS, OVERALL)


def dimension_labels() -> dict[str, str]:
    """The dimensions' names and the whole's, in the user's language."""
    return {"economic": _("economic"), "social": _("social"),
            "psychosocial": _("psychosocial"), OVERALL: _("overall")}


def method_labels() -> dict[str, str]:
    """How the scores were reached (`METHOD_LABELS`' words), in the user's language."""
    return {WEIGHTED: _("weighted as the source publishes"),
            UNWEIGHTED: _("unweighted: the mean of the answers")}


class _Stored:
    """A check-in as stored, with what the figures read of it (the fields `schedule` and
    `latest` sort by, as the record has them): not a model, which would validate it again."""

    __slots__ = ("answers", "created_at", "followed_on", "id", "month", "on", "worker_id")

    def __init__(self, doc: dict[str, Any]) -> None:
        self.id = doc["id"]
        self.worker_id = doc.get("worker_id", "")
        self.month = doc.get("month")
        self.on = dt.date.fromisoformat(doc["on"][:10])
        created = doc.get("created_at")
        self.created_at = dt.datetime.fromisoformat(created) if created else None
        self.answers: dict[str, str] = doc.get("answers") or {}
        self.followed_on = doc.get("followed_on")


class _Scores:
    """`store.domain.rules.reintegration.score`'s values and `re_recruitment`'s yes or no,
    for the indicators `known`, each answer looked up once in a table made here: the same
    numbers, made in the same order (a test holds them to `score`), without a search of each
    indicator's answers for every check-in."""

    def __init__(self, known: Sequence[IndicatorLike]) -> None:
        scored = [i for i in known if i.dimension in DIMENSIONS]
        weighted = {name: self._weighted([i for i in scored if i.dimension == name], "weight")
                    for name in DIMENSIONS}
        overall = self._weighted(scored, "overall_weight")
        # In the indicators' order, as `score` takes them: each one's answer codes -> score
        # (the first answer of a code, as `score` finds it), its dimension (its place in
        # SCORED, the whole's being 3) and its weight in it and in the whole (1.0 where the
        # part is not weighted).
        self.rows: list[tuple[str, dict[str, float | None], int, float, float]] = []
        for indicator in scored:
            codes: dict[str, float | None] = {}
            for answer in indicator.answers:
                codes.setdefault(answer.code, answer.score)
            name = str(indicator.dimension)
            self.rows.append((indicator.id, codes, SCORED.index(name),
                              indicator.weight if weighted[name] else 1.0,  # type: ignore[arg-type]
                              indicator.overall_weight if overall else 1.0))  # type: ignore[arg-type]
        self.signs: list[tuple[str, dict[str, bool]]] = []
        for indicator in known:
            first: dict[str, bool] = {}
            for answer in indicator.answers:
                first.setdefault(answer.code, answer.sign)
            self.signs.append((indicator.id, first))

    @staticmethod
    def _weighted(counted: list[IndicatorLike], weight_of: str) -> bool:
        weights = [getattr(i, weight_of) for i in counted]
        return bool(counted) and all(w is not None and w > 0 for w in weights)

    def values(self, answers: dict[str, str]) -> dict[str, float | None]:
        # The weighted mean of each part as `score` makes it (sum of score x weight over sum
        # of weights, each summed from 0 in the indicators' order): the same floats.
        weights: list[float] = [0, 0, 0, 0]
        weighted: list[float] = [0, 0, 0, 0]
        for indicator_id, codes, part, weight, overall_weight in self.rows:
            code = answers.get(indicator_id)
            given = None if code is None else codes.get(code)
            if given is not None:
                weights[part] += weight
                weighted[part] += given * weight
                weights[3] += overall_weight
                weighted[3] += given * overall_weight
        return {name: weighted[n] / weights[n] if weights[n] else None
                for n, name in enumerate(SCORED)}

    def signed(self, answers: dict[str, str]) -> bool:
        return any(codes.get(answers.get(i, ""), False) for i, codes in self.signs)


def _means(values: list[dict[str, float | None]]) -> dict[str, dict[str, Any]]:
    methods = score({}, indicators())
    found: dict[str, list[float]] = {name: [] for name in SCORED}
    for scores in values:
        for name, value in scores.items():
            if value is not None:
                found[name].append(value)
    return {name: {"mean": round(sum(v) / len(v), 2) if v else None, "checkins": len(v),
                   "method": methods[name].method}
            for name, v in found.items()}


def _flown(plan: dict[str, Any] | None) -> dt.date | None:
    """The day a stored plan's flight home was done (`home_on`, read off the stored plan)."""
    for step in (plan or {}).get("steps") or []:
        if step.get("key") == FLIGHT_STEP and step.get("status") == "done":
            try:
                return dt.date.fromisoformat(str(step.get("done_on"))[:10])
            except ValueError:
                return None
    return None


def checkin_figures(stored: Stored, today: dt.date) -> dict[str, Any]:
    """The check-ins' figures (see the module), from the report's reading of the tables."""
    months = checkin_months()
    of_cases = stored.of_cases("checkins")
    checkins: list[_Stored] = []
    homes: dict[str, dt.date] = {}  # the workers still followed, flown home: when
    followed: set[str] = set()
    for case, members in stored.members():
        found = [_Stored(doc) for doc in of_cases.get(case["id"], [])]
        checkins += sorted(found, key=lambda c: (c.worker_id, c.on, c.id))
        if is_closed(case) or case.get("anonymised_on"):
            continue
        for worker, plan in members:
            if worker.get("erased_at") or is_closed(worker):
                continue
            followed.add(worker["id"])
            home = _flown(plan)
            if home is not None:
                homes[worker["id"]] = home
    by_worker: dict[str, list[_Stored]] = {}
    for checkin in checkins:
        by_worker.setdefault(checkin.worker_id, []).append(checkin)
    due = [d for worker_id, home in homes.items()
           for d in schedule(home, months, by_worker.get(worker_id, []))  # type: ignore[arg-type]
           if d.done is None and d.due <= today]
    by_month: dict[int, dict[str, int]] = {m: {"due": 0, "done": 0} for m in months}
    for item in due:
        by_month[item.month]["due"] += 1
    for checkin in checkins:
        if checkin.month is not None:
            by_month.setdefault(checkin.month, {"due": 0, "done": 0})["done"] += 1
    latest_ones = [c for c in (latest(group) for group in by_worker.values())  # type: ignore[arg-type]
                   if c is not None]
    scores = _Scores(indicators())
    values = {id(c): scores.values(c.answers) for c in checkins}
    signed = [c for c in latest_ones if c.worker_id in followed and scores.signed(c.answers)]
    return {
        "due": len(due),
        "overdue": sum(1 for item in due if item.due < today),
        "done": len(checkins),
        "answering_schedule": sum(1 for c in checkins if c.month is not None),
        "by_month": {str(m): counts for m, counts in sorted(by_month.items())},
        "scores": _means(list(values.values())),
        "scores_latest": _means([values[id(c)] for c in latest_ones]),
        "signs_open": sum(1 for c in signed if c.followed_on is None),
        "signs_followed": sum(1 for c in signed if c.followed_on is not None),
    }


def _mean_text(found: dict[str, Any]) -> str:
    if found["mean"] is None:
        return _("none scored")
    return ngettext("{mean} from {count} check-in", "{mean} from {count} check-ins",
                    found["checkins"]).format(mean=format_number(found["mean"], 2),
                                              count=found["checkins"])


def text_lines(figures: dict[str, Any]) -> list[str]:
    """The check-ins' figures as aligned lines under their heading."""
    if not figures:
        return []
    rows = [(_("Due now, not done"), str(figures["due"])),
            (_("of them overdue"), str(figures["overdue"])),
            (_("Done"), str(figures["done"])),
            (_("of them answering the schedule"), str(figures["answering_schedule"]))]
    rows += [(_("Month {month}: due, done").format(month=month),
              f"{counts['due']}, {counts['done']}")
             for month, counts in figures["by_month"].items()]
    rows += [(_("Signs of re-recruitment not followed up"), str(figures["signs_open"])),
             (_("Signs of re-recruitment followed up"), str(figures["signs_followed"]))]
    width = max(len(name) for name, _value in rows)
    lines = [_("Check-ins after return")]
    lines += [f"  {name:<{width}}  {value:>5}" for name, value in rows]
    methods = {found["method"] for found in figures["scores"].values()}
    said = "; ".join(method_labels()[m] for m in sorted(methods))
    lines.append("  " + _("Scores from 0 to 1 ({method})").format(method=said))
    names = dimension_labels()
    width = max(len(names[name]) for name in SCORED)
    for heading, key in ((_("All check-ins"), "scores"),
                         (_("Each worker's latest check-in"), "scores_latest")):
        lines.append(f"    {heading}")
        lines += [f"      {names[name]:<{width}}  "
                  f"{_mean_text(figures[key][name])}" for name in SCORED]
    return lines + [""]
