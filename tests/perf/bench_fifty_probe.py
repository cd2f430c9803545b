"""What tests/perf/bench_fifty.py runs in a fresh process, one JSON line on stdout each.

    python -m tests.perf.bench_fifty_probe load FILE        # one json.load of the file
    python -m tests.perf.bench_fifty_probe load-audit FILE  # json.load, then the audit trail
    python -m tests.perf.bench_fifty_probe open FILE        # Database.open (upgrades if older)
    python -m tests.perf.bench_fifty_probe figures FILE     # Database.open, then the figures
    python -m tests.perf.bench_fifty_probe schema12 FILE OUT   # OUT: FILE rewritten as schema 12

Times are time.perf_counter() around the step alone, in ms (the process's start and imports are
not in them: bench_fifty.py times whole processes from outside). `load` imports nothing of
Pulang: it is the baseline, a process that does nothing but read the file.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


def load(path: Path, audit: bool) -> dict[str, Any]:
    """One json.load of the file; with `audit`, then one read of its audit trail's lines (the
    file beside it, `<db>.audit`: a generated database has none until the app has run)."""
    started = time.perf_counter()
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    loaded = time.perf_counter()
    trail = path.with_name(path.name + ".audit")
    lines = 0
    if audit and trail.exists():
        with open(trail, "rb") as handle:
            for _line in handle:
                lines += 1
    done = time.perf_counter()
    return {"load_ms": (loaded - started) * 1000, "audit_ms": (done - loaded) * 1000,
            "audit_lines": lines, "cases": len(data.get("cases", {}))}


def open_database(path: Path) -> dict[str, Any]:
    """Database.open, with a progress callback counting what it hears (an upgrade from an older
    schema happens inside it: backup copy, migration, the file rewritten)."""
    from store.db.database import Database

    heard: list[float] = []  # the moments progress was heard
    started = time.perf_counter()
    db = Database.open(path, progress=lambda _share: heard.append(time.perf_counter()))
    opened = time.perf_counter()
    try:
        schema, upgraded = db.schema, db.backup_path is not None
    finally:
        db.close()
    took = opened - started
    return {"open_ms": took * 1000, "progress_calls": len(heard),
            # how far into the opening progress was last heard: 1.0, all the way through
            "progress_till": (heard[-1] - started) / took if heard else 0.0,
            "schema": schema, "upgraded": upgraded}


def figures(path: Path) -> dict[str, Any]:
    """The dashboard's figures (store.exchange.report.figures), the first computation after
    open and a second one (a cache, if there is one, shows in the second)."""
    from store.db.database import Database
    from store.exchange.report import figures as compute

    started = time.perf_counter()
    db = Database.open(path)
    opened = time.perf_counter()
    try:
        first = compute(db)
        computed = time.perf_counter()
        compute(db)
        again = time.perf_counter()
    finally:
        db.close()
    return {"open_ms": (opened - started) * 1000, "figures_ms": (computed - opened) * 1000,
            "figures_again_ms": (again - computed) * 1000, "cases": first.cases}


def schema12(path: Path, out: Path) -> dict[str, Any]:
    """The database as schema 12 wrote it: no `checkins` table, meta schema 12, laid out and
    sealed by store.engine.snapshot.render as Pulang writes a snapshot."""
    import orjson

    from store.engine.snapshot import ROWS_TABLE, render

    data = orjson.loads(path.read_bytes())
    meta = data.pop("_meta")["1"]
    data.pop("_seal", None)
    rows = data.pop(ROWS_TABLE, None)
    dropped = len(data.pop("checkins", {}))
    meta["schema"] = 12
    tables = {name: [(key, orjson.dumps(doc)) for key, doc in docs.items()]
              for name, docs in data.items()}
    listed = None if rows is None else [(key, orjson.dumps(row)) for key, row in rows.items()]
    out.write_bytes(render(meta, tables, listed))
    out.chmod(0o600)
    return {"checkins_dropped": dropped, "bytes": out.stat().st_size}


def session(path: Path) -> dict[str, Any]:
    """The database as Pulang leaves it after an officer's first session on it: the closed
    cases due anonymised, Today worked out (its items stored with the snapshot), closed. A
    generated file has never been opened; a database in use has been, every day."""
    from store.db import Database

    started = time.perf_counter()
    db = Database.open(path)
    anonymised = len(db.anonymise_due())
    db.today()
    db.close()
    return {"ms": (time.perf_counter() - started) * 1000, "anonymised": anonymised}


def main(argv: list[str]) -> int:
    what, path = argv[0], Path(argv[1])
    if what in ("load", "load-audit"):
        result = load(path, audit=what == "load-audit")
    elif what == "open":
        result = open_database(path)
    elif what == "figures":
        result = figures(path)
    elif what == "session":
        result = session(path)
    elif what == "schema12":
        result = schema12(path, Path(argv[2]))
    else:
        print(f"unknown probe {what!r}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
