"""The figures: how many cases and workers stand where, for `pulang report` and the dashboard.

Everything here is a count or a median: no name, number, exact date or free text of anyone.

- Cases by stage: every `Stage`, 0 included, from each case's stored stage.
- Workers by step on the road home: for each worker with a plan, their least advanced open
  step (the first open step, in template order, of the stage `road.worker_stage` gives); a
  worker whose steps before the flight home are all settled is counted under "home"
  (`road.is_home`), one without a plan (or with a template this version does not know) under
  "no plan". Keys are the step keys of every template, in template order.
- Workers by destination country (the case's, an ISO code) and by origin province.
- New cases per month: the last 12 months up to `today`, "YYYY-MM", 0 included.
- Median days from report to return: for every worker who is home, the days from the case's
  `date_reported` to the day their return step was done (`return_date`), with the number of
  returns it is based on (a return without a date is counted apart, not guessed).
- Money: totals claimed, awarded, recovered, paid as ransom and owed, per currency, as exact
  decimals (json: "1500000.50"), never converted; and workers by legal status (facing a
  charge, detained, deported, with legal aid, witnesses, a hearing soon), counts below the
  small-number threshold given as "fewer than 5": `store.exchange.report_legal`.
- Closings: cases and workers closed now by the reason of the union's list, and how many
  times they were reopened: `store.exchange.report_closing`.
- Requests to partners by state, and each partner organisation's median days to reply
  (organisations' names are public), not computed below 3 answered requests:
  `store.exchange.report_requests`.
- Check-ins after return: due, overdue and done, by month of the schedule, the scores by
  dimension (all check-ins, and each worker's latest), the signs of re-recruitment open and
  followed up: `store.exchange.report_checkins`.

The origin province rule. A province is read from `Worker.home_province`, which the field
classification marks as private (`is_private`): a province with few workers from it can point
at a person. So when the field is private, only provinces with at least `MIN_PROVINCE_COUNT`
(5) workers are named; every smaller one is merged into "other". Workers with no province
recorded are counted under "unknown". If the classification ever made the field public, every
province would be named.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from store.common import clock
from store.common.closing import reasons
from store.common.i18n import _, format_number
from store.common.reintegration import checkin_months
from store.domain.classification import is_private
from store.domain.countries import country_name
from store.domain.records import Plan, Worker
from store.domain.road import (
    HOME_STAGE,
    OPEN,
    STAGE_OF_STEP,
    TEMPLATES,
    Template,
    is_home,
    stage_order,
    worker_stage,
)
from store.domain.vocab import Stage, StepStatus, label
from store.exchange import report_checkins, report_closing, report_legal, report_requests
from store.exchange.report_stored import Members, Stored, kept, no_collection

if TYPE_CHECKING:
    from store.db.database import Database
    from store.db.views import FiguresSource

HOME = "home"
NO_PLAN = "no plan"
OTHER = "other"
UNKNOWN = "unknown"
MIN_PROVINCE_COUNT = 5
MONTHS = 12



def headings(min_province_count: int = MIN_PROVINCE_COUNT) -> dict[str, str]:
    """The headings of the figures (the text report's and the dashboard's), translated."""
    return {
        "cases_by_stage": _("Cases by stage"),
        "workers_by_step": _("Workers by step on the road home"),
        "workers_by_destination": _("Workers by destination country"),
        "workers_by_province": _("Workers by origin province (provinces with fewer than "
                                 "{count} workers merged into \"other\")").format(
                                     count=min_province_count),
        "new_cases_by_month": _("New cases per month"),
        "median_days_to_return": _("Days from report to return"),
    }


@dataclass
class Figures:  # money and legal: see store.exchange.report_legal
    today: str
    cases: int
    workers: int
    cases_by_stage: dict[str, int]
    workers_by_step: dict[str, int]
    workers_by_destination: dict[str, int]
    workers_by_province: dict[str, int]
    new_cases_by_month: dict[str, int]
    median_days_to_return: float | None
    returns: int  # the returns the median is based on
    returns_without_date: int = 0
    min_province_count: int = MIN_PROVINCE_COUNT
    money: dict[str, dict[str, str]] = field(default_factory=dict)  # total -> currency -> sum
    legal: dict[str, int | str] = field(default_factory=dict)  # a count, or "<5"
    closings: dict[str, Any] = field(default_factory=dict)  # store.exchange.report_closing
    # Requests to partners (store.exchange.report_requests): by state, and each partner's
    # name -> {"requests", "answered", "median_days" (None: fewer than 3 answered)}.
    requests_by_state: dict[str, int] = field(default_factory=dict)
    partner_reply_days: dict[str, dict[str, Any]] = field(default_factory=dict)
    checkins: dict[str, Any] = field(default_factory=dict)  # store.exchange.report_checkins

    def as_json(self) -> dict[str, Any]:
        """Plain dicts, lists, strings and numbers: `json.dumps` takes it as it is."""
        return asdict(self)


def step_keys() -> list[str]:
    """Every template's step keys, in template order, each once."""
    return list(dict.fromkeys(key for t in TEMPLATES.values() for key in t.keys))


def return_step(template: Template) -> str:
    """The step that brings the worker home: the last one worked on before `HOME_STAGE`."""
    before = [k for k in template.keys if stage_order(STAGE_OF_STEP[k]) < stage_order(HOME_STAGE)]
    return before[-1]


def current_step(template: Template, statuses: dict[str, StepStatus]) -> str:
    """The worker's least advanced open step ("home" when home)."""
    if is_home(template, statuses):
        return HOME
    stage = worker_stage(template, statuses)
    for key in template.keys:
        if statuses.get(key, StepStatus.TODO) in OPEN and STAGE_OF_STEP[key] is stage:
            return key
    return HOME  # not reached: a worker not home has an open step before the flight


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _plan_states(plan: dict[str, Any]) -> tuple[dict[str, StepStatus], dict[str, Any]]:
    """A stored plan's step statuses, and the days its steps were done, as stored."""
    statuses: dict[str, StepStatus] = {}
    done_on: dict[str, Any] = {}
    for step in plan.get("steps") or []:
        try:
            statuses[step["key"]] = _STATUS[step.get("status", "todo")]
        except (KeyError, TypeError):
            continue
        done_on[step["key"]] = step.get("done_on")
    return statuses, done_on


_STATUS = {status.value: status for status in StepStatus}


def _returned_on(template: Template, statuses: dict[str, StepStatus],
                 done_on: dict[str, Any]) -> dt.date | None:
    """When the worker came home: the day their return step was done (else the day the step
    after it, the handover at home, was), or None when no date was recorded."""
    key = return_step(template)
    keys = template.keys
    for candidate in (key, *keys[keys.index(key) + 1:keys.index(key) + 2]):
        day = _date(done_on.get(candidate))
        if statuses.get(candidate) is StepStatus.DONE and day is not None:
            return day
    return None


def return_date(plan: Plan) -> dt.date | None:
    """When the worker of `plan` came home (see `_returned_on`)."""
    statuses, done_on = _plan_states({"steps": [s.model_dump() for s in plan.steps]})
    return _returned_on(TEMPLATES[plan.template], statuses, done_on)


def last_months(today: dt.date, count: int = MONTHS) -> list[str]:
    """The `count` months up to today's, oldest first, as "YYYY-MM"."""
    year, month = today.year, today.month
    out = []
    for _n in range(count):
        out.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out[::-1]


def figures(db: Database, today: dt.date | None = None) -> Figures:
    """The figures of the whole database (read only: nothing is written).

    Counted in one pass over the stored documents (`Database.figures_source`, parsed once per
    table, never through the models: they were validated when written); a value this version
    does not know (a stage, a step status) is not counted rather than guessed. Each part is
    kept until a table it reads changes (`report_stored.kept`): the dashboard shown again
    counts nothing. Treat the result as read-only."""
    today = today or clock.today()
    with no_collection():
        return _figures(db, db.figures_source(), today)


def _figures(db: Database, source: FiguresSource, today: dt.date) -> Figures:
    stored = Stored(source)
    road = kept(db, source, "road", ("cases", "workers", "plans"), today.isoformat(),
                lambda: _road(stored.members(), today))
    money, legal = kept(db, source, "legal", ("cases", "legal", "money"), today.isoformat(),
                        lambda: report_legal.money_and_legal(stored, today, MIN_PROVINCE_COUNT))
    requests_by_state, partner_replies = kept(
        db, source, "requests", ("log", "organisations"), None,
        lambda: report_requests.request_figures(db, stored))
    closings = kept(db, source, "closings", ("cases", "workers"),
                    tuple(reason.code for reason in reasons()),
                    lambda: report_closing.closings(stored.members(), MIN_PROVINCE_COUNT))
    checkins = kept(db, source, "checkins", ("cases", "workers", "plans", "checkins"),
                    (today.isoformat(), checkin_months()),
                    lambda: report_checkins.checkin_figures(stored, today))
    return Figures(today=today.isoformat(), **road, money=money, legal=legal,
                   closings=closings, requests_by_state=requests_by_state,
                   partner_reply_days=partner_replies, checkins=checkins)


def _road(source: Members, today: dt.date) -> dict[str, Any]:
    """The cases by stage, the workers by step on the road home, by destination and origin,
    the new cases per month and the days to return (see the module): Figures' fields."""
    by_stage = {stage.value: 0 for stage in Stage}
    by_step = {key: 0 for key in step_keys()} | {HOME: 0, NO_PLAN: 0}
    countries: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    months = dict.fromkeys(last_months(today), 0)
    days: list[int] = []
    undated = 0
    workers = 0
    for case, members in source:
        if case.get("stage") in by_stage:
            by_stage[case["stage"]] += 1
        reported = _date(case.get("date_reported"))
        month = reported.strftime("%Y-%m") if reported else None
        if month in months:
            months[month] += 1
        for worker, plan in members:
            workers += 1
            countries[case.get("destination_country") or ""] += 1
            provinces[(worker.get("home_province") or "").strip() or UNKNOWN] += 1
            if plan is None or plan.get("template") not in TEMPLATES:
                by_step[NO_PLAN] += 1
                continue
            template = TEMPLATES[plan["template"]]
            statuses, done_on = _plan_states(plan)
            step = current_step(template, statuses)
            by_step[step] += 1
            if step == HOME:
                came_home = _returned_on(template, statuses, done_on)
                if came_home is None or reported is None:
                    undated += 1
                else:
                    days.append((came_home - reported).days)
    return {
        "cases": len(source),
        "workers": workers,
        "cases_by_stage": by_stage,
        "workers_by_step": by_step,
        "workers_by_destination": dict(sorted(countries.items(),
                                              key=lambda kv: (-kv[1], kv[0]))),
        "workers_by_province": _provinces(provinces),
        "new_cases_by_month": months,
        "median_days_to_return": float(statistics.median(days)) if days else None,
        "returns": len(days),
        "returns_without_date": undated,
    }


def _provinces(counts: Counter[str]) -> dict[str, int]:
    """Provinces with enough workers named, the rest merged into "other" (see the module)."""
    if not is_private(Worker, "home_province"):
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    shown: dict[str, int] = {}
    other = 0
    for province, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if province == UNKNOWN or count >= MIN_PROVINCE_COUNT:
            shown[province] = count
        else:
            other += count
    if other:
        shown[OTHER] = other
    return shown


def step_label(key: str) -> str:
    if key == HOME:
        # TRANSLATORS: where the road home ends: the worker is already home (not a place).
        return _("home")
    if key == NO_PLAN:
        return _("no plan")
    for template in TEMPLATES.values():
        if key in template.keys:
            return template.label(key)
    return key


def province_label(key: str) -> str:
    return {OTHER: _("other"), UNKNOWN: _("unknown")}.get(key, key)


def _block(heading: str, rows: list[tuple[str, int | str]]) -> list[str]:
    width = max((len(label) for label, _value in rows), default=0)
    lines = [heading]
    lines += [f"  {label:<{width}}  {value:>5}" for label, value in rows]
    return lines + [""]


def as_text(figures: Figures) -> str:
    """The figures as aligned lines under their headings, in the user's language."""
    lines = [_("Pulang figures on {date}: {cases} cases, {workers} workers").format(
        date=figures.today, cases=figures.cases, workers=figures.workers), ""]
    head = headings(figures.min_province_count)
    lines += _block(head["cases_by_stage"],
                    [(label(Stage(k)), v) for k, v in figures.cases_by_stage.items()])
    lines += _block(head["workers_by_step"],
                    [(step_label(k), v) for k, v in figures.workers_by_step.items()])
    lines += _block(head["workers_by_destination"], [(f"{country_name(k)} ({k})", v)
                                     for k, v in figures.workers_by_destination.items()])
    lines += _block(head["workers_by_province"],
                    [(province_label(k), v) for k, v in figures.workers_by_province.items()])
    lines += _block(head["new_cases_by_month"], list(figures.new_cases_by_month.items()))
    lines.append(head["median_days_to_return"])
    if figures.median_days_to_return is None:
        lines.append("  " + _("no dated return yet"))
    else:
        lines.append("  " + _("median {days} days, from {count} returns").format(
            days=format_number(figures.median_days_to_return), count=figures.returns))
    if figures.returns_without_date:
        lines.append("  " + _("{count} returns have no date recorded and are not counted")
                     .format(count=figures.returns_without_date))
    lines += ["", *report_legal.text_lines(figures.money, figures.legal,
                                           figures.min_province_count)]
    lines += ["", *report_closing.text_lines(figures.closings, figures.min_province_count)]
    lines += report_requests.text_lines(figures.requests_by_state, figures.partner_reply_days)
    lines += report_checkins.text_lines(figures.checkins)
    return "\n".join(lines)
