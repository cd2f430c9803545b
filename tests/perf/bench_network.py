"""What the union's network costs at scale: search, likely matches, an organisation's cases,
offers of links, and Today with tasks, beside the cases filter in the same run.

    python -m tests.perf.bench_network [--cases 10000] [--repeat 7]

On one generated database (tests/perf/generate.py) with a directory added through the store
(300 organisations, 2,000 people spelled the ways tests/perf/generate.py spells workers, 300
meetings with 3 tasks each, 50 agreements, and 2% of the log entries linked to a person and
their organisation), it times, as medians over `--repeat` runs:

- the baseline: one keystroke of the cases list's filter (a substring test over every row);
- `search()`, the global search (Ctrl+F), for a person's family name and for a word that
  matches many cases;
- `similar_people()`, the likely matches a new person's form looks for before saving;
- `cases_of()`, an organisation's cases (its people's log entries included);
- `counterpart_offers()` for the 20-worker group case (the case screen's L) and for the whole
  log;
- `today()`, which now lists the tasks too.

The first run of each is shown apart: it builds what the store keeps until the directory
changes (the parsed directory, its name index, the log's index of links).

Nothing here is a test: it prints a Markdown table to paste into tests/perf/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from store.db.database import Database
from store.domain.records import Agreement, Meeting, Organisation, Person, Task, build
from store.domain.vocab import OrgKind


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def add_directory(db: Database, rng: random.Random) -> tuple[str, str]:
    """The directory; returns (the id of the organisation with most people, a family name)."""
    from tests.perf.generate import NAMES

    today = dt.date.today()
    kinds = list(OrgKind)
    with db.transaction():
        orgs = [db.save_organisation(build(Organisation, {
            "name": f"Workers' Union {n} of {rng.choice(['Vientiane', 'Phnom Penh', 'Yangon'])}",
            "acronym": f"WU{n}", "kind": rng.choice(kinds)})) for n in range(300)]
        people = []
        for n in range(2000):
            given, family = NAMES[rng.choice(list(NAMES))]
            org = orgs[0] if n % 10 == 0 else rng.choice(orgs)
            people.append(db.save_person(build(Person, {
                "full_name": f"{rng.choice(given)} {rng.choice(family)}",
                "org_id": org.id, "title": "Officer"})))
        for n in range(300):
            meeting = db.save_meeting(build(Meeting, {
                "at": dt.datetime.combine(today - dt.timedelta(days=n), dt.time(10)),
                "title": f"Coordination meeting {n}",
                "org_ids": [rng.choice(orgs).id for _ in range(3)],
                "person_ids": [rng.choice(people).id for _ in range(5)]}))
            for k in range(3):
                db.save_task(build(Task, {
                    "text": f"Follow-up {k} of meeting {n}", "owner_id": rng.choice(people).id,
                    "due": today + dt.timedelta(days=rng.randint(-10, 30)),
                    "meeting_id": meeting.id}))
        for n in range(50):
            db.save_agreement(build(Agreement, {
                "title": f"Cooperation {n}",
                "party_ids": [o.id for o in rng.sample(orgs, 2)]}))
    log_ids = db._engine.ids("log")  # noqa: SLF001 - choosing entries to link, not reading them
    linked = rng.sample(log_ids, len(log_ids) // 50)
    with db.transaction():
        for entry_id in linked:
            person = rng.choice(people)
            db.link_counterparts([entry_id], org_id=person.org_id, person_id=person.id)
    family = people[0].full_name.split()[-1]
    return orgs[0].id, family


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    from tests.perf.generate import GROUP_CASE_NUMBER, generate_tables, snapshot_bytes

    folder = Path(tempfile.mkdtemp(prefix="pulang-bench-network-"))
    try:
        path = folder / "generated.json"
        path.write_bytes(snapshot_bytes(generate_tables(args.cases)))
        path.chmod(0o600)
        db = Database.open(path)
        org_id, family = add_directory(db, random.Random(7))
        group = next(r.id for r in db.case_rows() if r.workers == 20) \
            if GROUP_CASE_NUMBER else None
        rows = db.case_rows()
        runs: dict[str, list[float]] = {}

        def run(name: str, action: Callable[[], object]) -> None:
            runs.setdefault(name, []).append(timed(action))

        for _ in range(args.repeat):
            run("filter", lambda: [r for r in rows if "sok" in r.search_text])
            run("search_family", lambda: db.search(family))
            run("search_common", lambda: db.search("sok"))
            run("similar", lambda: db.similar_people(f"{family}a Somchay"))
            run("cases_of", lambda: db.cases_of(org_id))
            run("offers_case", lambda: db.counterpart_offers(group))
            run("today", db.today)
        run("offers_all", db.counterpart_offers)
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"### The network at {args.cases:,} cases (300 organisations, 2,000 people, 300 "
          f"meetings, 900 tasks), {args.repeat} runs, medians\n")
    labels = {
        "filter": "Baseline: one keystroke of the cases filter",
        "search_family": f"Global search for a family name (\"{family}\")",
        "search_common": "Global search for \"sok\" (many cases, workers and people)",
        "similar": "Likely matches for a new person's name (the form's check)",
        "cases_of": "An organisation's cases (itself and its 200 people)",
        "offers_case": "Offers of links for the 20-worker case (L)",
        "offers_all": "Offers of links for the whole log (once)",
        "today": "Today, with the tasks",
    }
    print_table(runs, labels, first_run="First run (cold caches)")
    return 0


def print_table(runs: dict[str, list[float]], labels: dict[str, str],
                first_run: str = "First run") -> None:
    """A Markdown table of the runs (seconds): the first, the median, and the median as a
    multiple of the baseline's ("filter"), measured in the same run."""
    med = {name: statistics.median(values) * 1000 for name, values in runs.items()}
    base = med["filter"]
    print(f"| Measurement | {first_run} | Median | × the cases filter's keystroke |")
    print("|---|---:|---:|---:|")
    for name, label in labels.items():
        first = runs[name][0] * 1000
        print(f"| {label} | {first:.1f} ms | {med[name]:.1f} ms | {med[name] / base:.1f}× |")


if __name__ == "__main__":
    sys.exit(main())
