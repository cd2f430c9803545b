"""Checking an intake list against every case: the matcher's time, recall and false matches.

    python -m tests.perf.intake_bench --cases 50000

Generates a database (tests/perf/generate.py, seed 2025) in a temporary folder, builds a list
of 300 rows from it (`generate.intake_list`: half of them workers already there, respelt; half
new people, whose names may exist), opens the database as the app does, builds the indexes the
app builds after opening (`Database.prepare_finding`: every spelling and number; the birth
dates' index is built by the first `match_people` and is timed in the first run only), then
times `Database.match_people` on the whole list (REPEAT runs, median) against one `json.load`
of the same file (median of REPEAT, same run). Writes tests/perf/results-intake.md whole.

- recall: the share of present rows whose first likely match is the right worker;
- false matches: the share of new rows given any likely match.
Targets (issue 33): ratio <= 0.5, recall >= 90%, false matches <= 5%.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from store.domain.matching import Person

REPEAT = 5
RESULTS = Path(__file__).with_name("results-intake.md")


def person_of_row(row: dict[str, Any]) -> Person:
    """A list's row as the person to match."""
    born = row.get("date_of_birth") or None
    return Person(row["name"], date_of_birth=dt.date.fromisoformat(born) if born else None,
                  age=row.get("age") if row.get("age") not in ("", None) else None,
                  sex=row.get("sex") or None, nationality=row.get("nationality") or None,
                  phone=row.get("phone") or "", passport=row.get("passport") or "")


def quality(found: Sequence[Sequence[Any]], rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Recall and false matches of `match_people`'s answer for `rows` (see the module's doc)."""
    present = [(row, matches) for row, matches in zip(rows, found, strict=True)
               if row["expect"] == "present"]
    new = [(row, matches) for row, matches in zip(rows, found, strict=True)
           if row["expect"] == "new"]
    right = [row for row, matches in present
             if matches and matches[0].likely and matches[0].worker_id == row["worker_id"]]
    wrong = [row for row, matches in new if any(m.likely for m in matches)]
    missed = [row for row, matches in present if row not in right]
    return {"present": len(present), "found": len(right), "new": len(new),
            "false": len(wrong), "recall": len(right) / max(len(present), 1),
            "false_share": len(wrong) / max(len(new), 1), "missed": missed, "wrong": wrong}


def make_database(folder: Path, cases: int, seed: int = 2025) -> tuple[Path, dict[str, Any]]:
    from store.engine.storage import write_atomically
    from tests.perf.generate import generate_tables, snapshot_bytes, write_list_rows

    tables = generate_tables(cases, seed)
    path = folder / "pulang.json"
    write_atomically(path, snapshot_bytes(tables), 0o600, None)
    write_list_rows(path)
    return path, tables


def _json_load_ms(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="utf-8") as file:
        json.load(file)
    return (time.perf_counter() - started) * 1000


def run(cases: int, rows: int, repeat: int, seed: int) -> dict[str, Any]:
    from store.db.database import Database
    from tests.perf.generate import distinct_names, intake_list

    with tempfile.TemporaryDirectory(prefix="intake-bench-") as folder:
        path, tables = make_database(Path(folder), cases)
        names = distinct_names(tables)
        listed = intake_list(tables, rows=rows, seed=seed)
        del tables
        people = [person_of_row(row) for row in listed]
        loads = [_json_load_ms(path) for _ in range(repeat)]
        db = Database.open(path)
        try:
            db.prepare_finding()
            times, found = [], []
            for _ in range(repeat):
                started = time.perf_counter()
                found = db.match_people(people)
                times.append((time.perf_counter() - started) * 1000)
        finally:
            db.close()
        size = path.stat().st_size
    measured = quality(found, listed)
    return {"cases": cases, "rows": rows, "repeat": repeat, "size_mb": size / 1e6,
            "names": names,
            "first_ms": times[0], "match_ms": statistics.median(times),
            "load_ms": statistics.median(loads), **measured}


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def report(result: dict[str, Any], command: str) -> str:
    ratio = result["match_ms"] / result["load_ms"]
    met = {True: "met", False: "**missed**"}
    lines = [
        "# Pulang benchmark: an intake list checked against every case (issue 33)",
        "",
        f"- Command: `{command}`",
        f"- Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; code: commit "
        f"{_commit()}; Python {platform.python_version()}",
        f"- Data: `tests/perf/generate.py`, seed 2025: {result['cases']:,} cases, "
        f"{result['size_mb']:.0f} MB file, **{result['names']:,} distinct full names**; the "
        f"list: `generate.intake_list` ({result['rows']} rows: {result['present']} present, "
        f"{result['new']} new)",
        "- Indexes: built after opening as the app does (`Database.prepare_finding`: spellings "
        "and numbers); the birth dates' index by the first `match_people` (in its first run).",
        "",
        "| Measurement | Value | Target | Met |",
        "|---|---:|---|---|",
        f"| `match_people` on the list (median of {result['repeat']}) | "
        f"{result['match_ms']:.0f} ms | – | – |",
        f"| `match_people`, first run (birth dates indexed) | {result['first_ms']:.0f} ms | – "
        "| – |",
        f"| one `json.load` of the same file (median) | {result['load_ms']:.0f} ms | – | – |",
        f"| ratio | {ratio:.2f}× | ≤ 0.5× | {met[ratio <= 0.5]} |",
        f"| present rows matched to the right worker | {result['found']}/{result['present']} "
        f"({result['recall']:.1%}) | ≥ 90% | {met[result['recall'] >= 0.9]} |",
        f"| new rows given a likely match | {result['false']}/{result['new']} "
        f"({result['false_share']:.1%}) | ≤ 5% | {met[result['false_share'] <= 0.05]} |",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1, help="the list's seed")
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--no-write", action="store_true", help="print, do not write results")
    args = parser.parse_args(argv)
    result = run(args.cases, args.rows, args.repeat, args.seed)
    command = f"python -m tests.perf.intake_bench --cases {args.cases}"
    text = report(result, command)
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
