"""`pulang report`'s check-ins after return (store/exchange/report_checkins.py): every figure
recomputed here from the records with plain loops, on the demo with check-ins of its own
added (one between the schedule's, one of a closed worker, signs followed up, a worker home a
year); and on the same database, the requests by state and partners' median reply days."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from store.common.reintegration import DIMENSIONS, checkin_months, indicators
from store.db.database import Database
from store.domain.checkins import add_months
from store.domain.records import CheckIn, build
from store.domain.rules.closing import is_closed
from store.domain.vocab import StepStatus
from store.exchange.demo import write_demo
from tests.conftest import Run
from tests.exchange.test_report_requests import recomputed as requests_recomputed

ALL_SCORED = {"income_source": "regular", "economic_satisfaction": "neither", "food": "never",
              "debt": "none", "borrowing": "no", "housing": "fair", "schooling": "some",
              "health_care": "always", "documents": "some", "family": "good",
              "support": "yes", "treated_differently": "never", "safety": "mostly",
              "wellbeing": "never", "migrate_again": "regular"}


def prepared(db_path: Path, today: dt.date) -> None:
    """The demo, and in its ten workers' case: Agus home 40 days (a check-in between, with a
    sign, followed up); Yohanes home 400 days (his 12-month check-in done, the others not);
    Nur Aisyah, closed, home 100 days with a sign not followed (not counted as open)."""
    db = write_demo(db_path)
    try:
        case = db.case_by_ref("KH-2025-0001")
        assert case is not None
        workers = {w.full_name.split()[0]: w for w in db.workers_of(case.id)}
        agus, yohanes, nur = workers["Agus"], workers["Yohanes"], workers["Nur"]
        for worker, days in ((agus, 40), (yohanes, 400), (nur, 100)):
            for key in ("immigration", "flight"):
                db.set_step(case.id, [worker.id], key, StepStatus.DONE,
                            done_on=today - dt.timedelta(days=days), reason="flew home")

        def checkin(worker_id: str, month: int | None, days_ago: int,
                    answers: dict[str, str]) -> CheckIn:
            return db.save_checkin(build(CheckIn, {
                "case_id": case.id, "worker_id": worker_id, "month": month,
                "on": today - dt.timedelta(days=days_ago), "answers": answers}))

        between = checkin(agus.id, None, 5, {"offer_abroad": "yes", "debt": "smaller",
                                             "schooling": "no_children"})
        db.follow_up_signs(between.id, "Talked it through with him and his wife")
        checkin(yohanes.id, 12, 30, ALL_SCORED)
        checkin(nur.id, 1, 60, {"recruiter_contact": "yes", "wellbeing": "always"})
        checkin(nur.id, None, 61, {"family": "conflict"})  # earlier: not her latest
    finally:
        db.close()


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _scores(checkins: list[CheckIn]) -> dict[str, dict[str, Any]]:
    """Each dimension's and the whole's plain mean over the check-ins that have one, each
    check-in's own being the plain mean of its answers' scores."""
    found: dict[str, list[float]] = {name: [] for name in (*DIMENSIONS, "overall")}
    for checkin in checkins:
        every: list[float] = []
        for name in DIMENSIONS:
            mine = []
            for indicator in indicators():
                if indicator.dimension != name or indicator.id not in checkin.answers:
                    continue
                for answer in indicator.answers:
                    if answer.code == checkin.answers[indicator.id] and answer.score is not None:
                        mine.append(answer.score)
            if mine:
                found[name].append(sum(mine) / len(mine))
            every += mine
        if every:
            found["overall"].append(sum(every) / len(every))
    return {name: {"mean": _mean(v), "checkins": len(v), "method": "unweighted"}
            for name, v in found.items()}


def recompute(db: Database, today: dt.date) -> dict[str, Any]:
    months = list(checkin_months())
    signs = {i.id: {a.code for a in i.answers if a.sign} for i in indicators()}
    by_month = {str(m): {"due": 0, "done": 0} for m in months}
    due = overdue = 0
    every: list[CheckIn] = []
    latest: list[CheckIn] = []
    signs_open = signs_followed = 0
    for case in db.cases():
        followed_case = not is_closed(case) and case.anonymised_on is None
        for worker in db.workers_of(case.id):
            mine = db.checkins_of(case.id, worker.id)
            every += mine
            for checkin in mine:
                if checkin.month is not None:
                    by_month[str(checkin.month)]["done"] += 1
            last = max(mine, key=lambda c: (c.on, c.created_at, c.id)) if mine else None
            if last is not None:
                latest.append(last)
            followed = followed_case and not is_closed(worker) and worker.erased_at is None
            if not followed:
                continue
            if last is not None and any(code in signs.get(key, ())
                                        for key, code in last.answers.items()):
                if last.followed_on is None:
                    signs_open += 1
                else:
                    signs_followed += 1
            plan = db.plan_of(worker.id)
            flight = plan.state("flight") if plan else None
            if flight is None or flight.status is not StepStatus.DONE:
                continue
            for month in months:
                if any(c.month == month for c in mine):
                    continue
                day = add_months(flight.done_on, month)
                if day <= today:
                    due += 1
                    by_month[str(month)]["due"] += 1
                    overdue += day < today
    return {"due": due, "overdue": overdue, "done": len(every),
            "answering_schedule": sum(c.month is not None for c in every),
            "by_month": by_month, "scores": _scores(every), "scores_latest": _scores(latest),
            "signs_open": signs_open, "signs_followed": signs_followed}


def test_the_checkins_figures_are_those_of_the_records(cli: Run, db_path: Path) -> None:
    today = dt.date.today()
    prepared(db_path, today)
    done = cli("report", "--format", "json", "--db", db_path)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["today"] == today.isoformat()
    with Database.open(db_path) as db:
        want = recompute(db, today)
        on_today = db.checkins_due(today)  # Today's list: the same check-ins
        signs_on_today = db.signs_to_follow()
        states, partners = requests_recomputed(db)
        people = [w for c in db.cases() for w in db.workers_of(c.id)]
        ids = [c.id for c in db.cases()] + [w.id for w in people] + [
            ci.id for c in db.cases() for ci in db.checkins_of(c.id)]
    assert got["checkins"] == want
    assert want["due"] == len(on_today) and want["signs_open"] == len(signs_on_today)
    # What the records make of it, by hand: the demo's Teguh (6 overdue) and Yohanes (1, 3,
    # 6 overdue; 12 done); Agus's 1-month (a check-in between answers none); Nur, closed,
    # not counted.
    assert (want["due"], want["overdue"]) == (5, 5)
    assert want["by_month"]["12"] == {"due": 0, "done": 1}
    assert (want["done"], want["answering_schedule"]) == (8, 6)
    assert (want["signs_open"], want["signs_followed"]) == (1, 1)  # Ratna; Agus
    assert want["scores"]["social"]["checkins"] == 2  # Teguh's 3rd, Yohanes's 12th
    assert want["scores_latest"]["overall"]["checkins"] == 5  # each worker with one
    # The requests' figures, on the same database.
    assert got["requests_by_state"] == states and got["partner_reply_days"] == partners
    # No name, id or note in the figures.
    shown = json.dumps(got["checkins"])
    for value in [*ids, *(w.full_name for w in people), "Talked it through"]:
        assert value not in shown and value not in done.stdout


def test_the_text_has_the_checkins_section_translated(cli: Run, db_path: Path) -> None:
    prepared(db_path, dt.date.today())
    english = cli("report", "--db", db_path).stdout
    section = english.split("\nCheck-ins after return\n", 1)[1]
    assert "(unweighted: the mean of the answers)" in section
    assert "Signs of re-recruitment not followed up" in section
    indonesian = cli("report", "--db", db_path, "--lang", "id").stdout
    assert "Check-ins after return" not in indonesian
    assert "the mean of the answers" not in indonesian
