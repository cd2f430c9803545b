"""Issue 36's exports and figures against one `json.load` of the same file, in the same run.

    python -m tests.perf.bench_exports /path/to/a/copy/of/pulang.json [--repeat 3]

On a copy of a database (never the original: the exports are recorded in its audit trail),
each run times, in this process, after the database is opened (its opening timed apart):

- `json.load` of the file (the standard library's), the baseline;
- each export as `pulang export` makes it: `prepare_export` then `write_recorded` to a file
  in a temporary folder (json; csv as a zip; htcds, k = 11), the audit entry included;
- the figures (dashboard, `pulang report`) counted from nothing (what is kept forgotten
  first), then asked again with nothing saved between (kept).

It prints the medians and each one's ratio to the baseline's median, as Markdown. Nothing
here is a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=None,
                        help="json, csv, htcds, figures (default: all)")
    args = parser.parse_args(argv)

    from store.db import write_recorded
    from store.db.database import Database
    from store.exchange.export import prepare_export, record_export
    from store.exchange.report import figures

    wanted = args.only or ["json", "csv", "htcds", "figures"]
    runs: dict[str, list[float]] = {}

    def load() -> None:
        with open(args.path, encoding="utf-8") as handle:
            json.load(handle)

    opened_at = time.perf_counter()
    db = Database.open(args.path)
    opening = time.perf_counter() - opened_at
    out = Path(tempfile.mkdtemp(prefix="pulang-bench-exports-"))
    try:
        def export(fmt: str) -> None:
            prepared = prepare_export(db, fmt, record=False)
            target = out / f"export.{'zip' if fmt == 'csv' else fmt}"
            # Before issue 36 (to measure it the same way) an export was its bytes.
            made = getattr(prepared, "stream", None)
            write_recorded([(target, prepared.data if made is None else made())],
                           lambda: record_export(db, prepared), database=db.path)

        def cold() -> None:
            try:
                from store.exchange import report_stored
            except ImportError:  # before issue 36: nothing was kept
                pass
            else:
                report_stored.forget(db)
            figures(db)

        for _n in range(args.repeat):
            runs.setdefault("json.load", []).append(timed(load))
            for fmt in ("json", "csv", "htcds"):
                if fmt in wanted:
                    runs.setdefault(fmt, []).append(timed(lambda fmt=fmt: export(fmt)))
            if "figures" in wanted:
                runs.setdefault("figures", []).append(timed(cold))
                runs.setdefault("figures kept", []).append(timed(lambda: figures(db)))
        db.close()
    finally:
        for path in out.iterdir():
            path.unlink()
        out.rmdir()

    base = statistics.median(runs["json.load"])
    print(f"{args.path} ({args.path.stat().st_size / 1e6:.0f} MB), {args.repeat} runs, "
          f"medians; opening the database: {opening:.2f} s\n")
    print("| | median (s) | runs (s) | against json.load |")
    print("|---|---|---|---|")
    for name, found in runs.items():
        median = statistics.median(found)
        print(f"| {name} | {median:.3f} | {', '.join(f'{t:.2f}' for t in found)} "
              f"| {median / base:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
