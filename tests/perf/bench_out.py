"""What the ways out of Pulang cost at scale: the figures (dashboard and `pulang report`), the
dashboard's drawing, the json and csv exports, the HTCDS statistics and a case brief, beside
the cases filter in the same run.

    python -m tests.perf.bench_out [--cases 10000] [--repeat 5]

On one generated database (tests/perf/generate.py), where every worker of one case in three is
given a plan of the road home through the store (`start_plans`), a consent that covers
statistics and the police, and a screening, it times, as medians over `--repeat` runs:

- the baseline: one keystroke of the cases list's filter (a substring test over every row);
- `figures()`: every count of the dashboard and of `pulang report`;
- `dashboard_lines()`: drawing them at 78 columns;
- `prepare_export()` for json and for csv (personal fields left out), as the app and the
  command line make them (the audit event included);
- `export_htcds()` with k = 11;
- `case_brief()` for the police, of the 20-worker group case.

Nothing here is a test: it prints a Markdown table to paste into tests/perf/results-out.md.
Nothing is written to the audit trail but the briefs' and exports' own events, on a copy.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from store.db.database import Database
from store.domain.records import Consent, Screening, build
from store.domain.vocab import RecipientKind
from tests.perf.bench_network import print_table, timed


def add_road_and_consents(db: Database) -> int:
    """Plans, consents and screenings for the workers of every third case; returns how many
    workers got them."""
    given = 0
    with db.transaction():
        for n, case in enumerate(db.cases()):
            if n % 3:
                continue
            db.start_plans(case.id)
            for worker in db.workers_of(case.id):
                db.save_consent(build(Consent, {
                    "case_id": case.id, "worker_id": worker.id, "taken_by": "bench",
                    "recipients": [RecipientKind.STATISTICS, RecipientKind.POLICE]}))
                db.save_screening(build(Screening, {
                    "case_id": case.id, "worker_id": worker.id, "screened_by": "bench"}))
                given += 1
    return given


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from store.exchange.brief import case_brief
    from store.exchange.export import prepare_export
    from store.exchange.htcds import export_htcds
    from store.exchange.report import figures
    from tests.perf.generate import generate_tables, snapshot_bytes
    from tui.screens.dashboard import dashboard_lines

    folder = Path(tempfile.mkdtemp(prefix="pulang-bench-out-"))
    try:
        path = folder / "generated.json"
        path.write_bytes(snapshot_bytes(generate_tables(args.cases)))
        path.chmod(0o600)
        db = Database.open(path)
        given = add_road_and_consents(db)
        group = next(r.id for r in db.case_rows() if r.workers == 20)
        rows = db.case_rows()
        counted = figures(db)
        runs: dict[str, list[float]] = {}

        def run(name: str, action: Callable[[], object]) -> None:
            runs.setdefault(name, []).append(timed(action))

        for _ in range(args.repeat):
            run("filter", lambda: [r for r in rows if "sok" in r.search_text])
            run("figures", lambda: figures(db))
            run("draw", lambda: dashboard_lines(counted, 78))
            run("json", lambda: prepare_export(db, "json"))
            run("csv", lambda: prepare_export(db, "csv"))
            run("htcds", lambda: export_htcds(db, k=11))
            run("brief", lambda: case_brief(db, group, RecipientKind.POLICE))
        workers = counted.workers
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"### Ways out at {args.cases:,} cases ({workers:,} workers, {given:,} with a plan, "
          f"a consent and a screening), {args.repeat} runs, medians\n")
    labels = {
        "filter": "Baseline: one keystroke of the cases filter",
        "figures": "The figures (dashboard, `pulang report`)",
        "draw": "Drawing the dashboard at 78 columns",
        "json": "Export json (everything)",
        "csv": "Export csv (personal fields left out)",
        "htcds": "Export htcds, k = 11",
        "brief": "Brief of the 20-worker case for the police",
    }
    print_table(runs, labels)
    return 0


if __name__ == "__main__":
    sys.exit(main())
