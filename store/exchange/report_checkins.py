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
from typing import TYPE_CHECKING, Any

from store.common.i18n import _, format_number, ngettext
from store.common.reintegration import DIMENSIONS, checkin_months, indicators
from store.domain.checkins import FLIGHT_STEP, latest, schedule
from store.domain.records import CheckIn
from store.domain.rules.closing import is_closed
from store.domain.rules.reintegration import (
    OVERALL,
    UNWEIGHTED,
    WEIGHTED,
    re_recruitment,
    score,
)

if TYPE_CHECKING:
    from store.db.database import Database

# What `Database.figures_source` gives: each case with its workers and their plans, as stored.
Source = list[tuple[dict[str, Any], list[tuple[dict[str, Any], dict[str, Any] | None]]]]

SCORED = (*DIMENSIONS, OVERALL)


def dimension_labels() -> dict[str, str]:
    """The dimensions' names and the whole's, in the user's language."""
    return {"economic": _("economic"), "social": _("social"),
            "psychosocial": _("psychosocial"), OVERALL: _("overall")}


def method_labels() -> dict[str, str]:
    """How the scores were reached (`METHOD_LABELS`' words), in the user's language."""
    return {WEIGHTED: _("weighted as the source publishes"),
            UNWEIGHTED: _("unweighted: the mean of the answers")}


def _means(checkins: list[CheckIn]) -> dict[str, dict[str, Any]]:
    known = indicators()
    methods = score({}, known)
    values: dict[str, list[float]] = {name: [] for name in SCORED}
    for checkin in checkins:
        for name, found in score(checkin.answers, known).items():
            if found.value is not None:
                values[name].append(found.value)
    return {name: {"mean": round(sum(v) / len(v), 2) if v else None, "checkins": len(v),
                   "method": methods[name].method}
            for name, v in values.items()}


def _flown(plan: dict[str, Any] | None) -> dt.date | None:
    """The day a stored plan's flight home was done (`home_on`, read off the stored plan)."""
    for step in (plan or {}).get("steps") or []:
        if step.get("key") == FLIGHT_STEP and step.get("status") == "done":
            try:
                return dt.date.fromisoformat(str(step.get("done_on"))[:10])
            except ValueError:
                return None
    return None


def checkin_figures(db: Database, today: dt.date, source: Source | None = None
                    ) -> dict[str, Any]:
    """The check-ins' figures (see the module); `source`: `db.figures_source()` when the
    caller has read it already (the report has: it reads every case)."""
    source = db.figures_source() if source is None else source
    months = checkin_months()
    checkins: list[CheckIn] = []
    homes: dict[str, dt.date] = {}  # the workers still followed, flown home: when
    followed: set[str] = set()
    for case, members in source:
        checkins += db.checkins_of(case["id"])
        if is_closed(case) or case.get("anonymised_on"):
            continue
        for worker, plan in members:
            if worker.get("erased_at") or is_closed(worker):
                continue
            followed.add(worker["id"])
            home = _flown(plan)
            if home is not None:
                homes[worker["id"]] = home
    by_worker: dict[str, list[CheckIn]] = {}
    for checkin in checkins:
        by_worker.setdefault(checkin.worker_id, []).append(checkin)
    due = [d for worker_id, home in homes.items()
           for d in schedule(home, months, by_worker.get(worker_id, []))
           if d.done is None and d.due <= today]
    by_month: dict[int, dict[str, int]] = {m: {"due": 0, "done": 0} for m in months}
    for item in due:
        by_month[item.month]["due"] += 1
    for checkin in checkins:
        if checkin.month is not None:
            by_month.setdefault(checkin.month, {"due": 0, "done": 0})["done"] += 1
    latest_ones = [c for c in (latest(group) for group in by_worker.values()) if c is not None]
    known = indicators()
    signed = [c for c in latest_ones
              if c.worker_id in followed and re_recruitment(c.answers, known)]
    return {
        "due": len(due),
        "overdue": sum(1 for item in due if item.due < today),
        "done": len(checkins),
        "answering_schedule": sum(1 for c in checkins if c.month is not None),
        "by_month": {str(m): counts for m, counts in sorted(by_month.items())},
        "scores": _means(checkins),
        "scores_latest": _means(latest_ones),
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
