"""The shares of a generated database's records, as the store reads them (for the docs of
tests/perf/generate_after.py and generate_more.py, and the issues' figures):

    python -m tests.perf.generated_shares /tmp/pulang-10k.json [--day 2026-11-01]

Records per table and the file's size; closings (by reason, reopened, warned of by Today's
keeping, due, held); roads home (stage set by hand, workers home); check-ins (done of those
due, with signs, followed up, overdue on the day, signs on Today); requests to partners by
state and those Today chases (issue 35); screenings and consents (workers with both, with one,
with neither; Today's count of those without), money by kind and status, the registry (places
by status, actors by role, cases linked), the directory (agreements by status, tasks done and
on Today) and the lists taken in and families' inquiries by status (issue 36).

`--day` is the day asked (the generator's by default: on it no case is due to be anonymised
yet; on a later day those warned of become due).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from store.common import clock
from store.domain.rules.closing import history, times_reopened
from tests.perf.generate import TODAY
from tests.perf.generate_checkins import home_on
from tests.perf.generated_more_shares import more_shares


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.1f}%)" if whole else f"{part}"


def shares(path: Path, day: dt.date) -> list[str]:
    """What the module's doc says, one line a figure."""
    from store.db.database import Database

    clock.set_today(day)
    db = Database.open(path)
    try:
        raw = db._engine.raw
        lines = [f"{path}: {path.stat().st_size / 1e6:.1f} MB; day asked {day}",
                 "records: " + ", ".join(f"{name} {len(docs)}" for name, docs in raw.items())]
        tables = {name: [orjson.loads(line) for line in docs.values()]
                  for name, docs in raw.items()}
        lines += _closings(tables["cases"])
        keeping = db.keeping(day)
        lines.append(f"keeping on {day}: {sum(1 for k in keeping if k.held)} held, "
                     f"{len(db.keeping(day)) - sum(1 for k in keeping if k.held)} not held, "
                     f"of which due {sum(1 for k in keeping if k.is_due(day))}, "
                     f"warned {sum(1 for k in keeping if not k.held and day < k.due)}")
        lines += _plans(tables["cases"], tables["plans"])
        lines += _checkins(tables["plans"], tables["checkins"], day)
        lines.append(f"Today on {day}: check-ins due or overdue {len(db.checkins_due(day))}, "
                     f"workers with signs not followed {len(db.signs_to_follow())}")
        lines += _requests(tables["log"])
        today = db.today(day)
        lines.append(f"Today on {day}: requests chased {len(today.awaiting)}")
        lines += more_shares(tables, today)
    finally:
        db.close()
        clock.set_today(None)
    return lines


def _closings(cases: list[dict[str, Any]]) -> list[str]:
    closed = [c for c in cases if c["stage"] == "closed"]
    reasons = Counter(c.get("closed_reason") for c in closed)
    reopened = [c for c in cases if times_reopened(c)]
    again = sum(1 for c in reopened if c["stage"] == "closed")
    return [f"cases closed {_share(len(closed), len(cases))}; by reason "
            + ", ".join(f"{r}: {_share(n, len(closed))}" for r, n in reasons.most_common()),
            f"reopened once: {_share(again, len(closed))} of the closed (closed again), "
            f"{len(reopened) - again} open now",
            "closings lines: " + str(sum(len(history(c)) for c in cases))]


def _plans(cases: list[dict[str, Any]], plans: list[dict[str, Any]]) -> list[str]:
    planned = {p["case_id"] for p in plans}
    home = sum(1 for p in plans if home_on(p))
    hand = sum(1 for c in cases if c["id"] in planned and c.get("stage_override"))
    return [f"cases with plans {_share(len(planned), len(cases))}, stage set by hand "
            f"{_share(hand, len(planned))}; plans {len(plans)}, workers home with a flight day "
            f"{_share(home, len(plans))}"]


def _checkins(plans: list[dict[str, Any]], checkins: list[dict[str, Any]], day: dt.date,
              ) -> list[str]:
    from store.common.reintegration import checkin_months, indicators
    from store.domain.checkins import add_months

    due = sum(1 for p in plans if (home := home_on(p)) for m in checkin_months()
              if add_months(home, m) <= TODAY)
    scheduled = [c for c in checkins if c["month"] is not None]
    signs = {a.code for i in indicators() for a in i.answers if a.sign}
    signed = [c for c in checkins if any(
        code in signs and any(a.code == code and a.sign for i in indicators() if i.id == key
                              for a in i.answers) for key, code in c["answers"].items())]
    followed = sum(1 for c in signed if c["followed_on"])
    return [f"check-ins {len(checkins)}: of the schedule's {due} due on {TODAY}, done "
            f"{_share(len(scheduled), due)}; between {len(checkins) - len(scheduled)}; "
            f"with a sign {_share(len(signed), len(checkins))}, followed up "
            f"{_share(followed, len(signed))}; on {day}"]


def _requests(log: list[dict[str, Any]]) -> list[str]:
    states = Counter(e["request_state"] for e in log if e.get("request_state"))
    total = sum(states.values())
    directions = Counter(e.get("direction") for e in log)
    return [f"log entries: {dict(directions)}; awaiting a reply "
            f"{sum(1 for e in log if e.get('awaiting_reply'))}",
            f"requests {total}: " + ", ".join(f"{s} {_share(n, total)}"
                                              for s, n in states.most_common())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--day", type=dt.date.fromisoformat, default=TODAY)
    args = parser.parse_args(argv)
    print("\n".join(shares(args.path, args.day)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
