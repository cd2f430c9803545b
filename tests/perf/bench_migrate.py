"""Migration on open against one json.load of the same file, in the same run (issue 36: <= 3x,
with progress; the app's peak memory <= 0.6x a process that json.loads the file).

    .venv/bin/python tests/perf/bench_migrate.py --db /tmp/p36/10k/pulang.json [--from 12]
        [--runs 3]

From a database of this schema (13; it is only read), a copy at schema 12 (no `checkins`
table) or 10 (neither are cases' `anonymised_on` nor log entries' request fields, so that the
steps walking the log run too) is written once, sealed by `store.engine.snapshot.render`. Each
run then times, each in a fresh process on a fresh copy: `json.load` of that file, and
`Database.open` of it (which upgrades it), with the peak memory of each; medians of the runs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson

from store.engine import snapshot

# The peak of the process itself (VmHWM: ru_maxrss would keep this script's own, which the
# child had at its fork, across the exec).
PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
LOAD = ("import json, sys, time\n"
        "t = time.perf_counter(); json.load(open(sys.argv[1], 'rb'))\n"
        f"print(time.perf_counter() - t, {PEAK})")
OPEN = ("import sys, time\n"
        "from store.db import Database\n"
        "heard = []\n"
        "t = time.perf_counter()\n"
        "db = Database.open(sys.argv[1], upgrading=lambda done, of: heard.append((done, of)))\n"
        "took = time.perf_counter() - t\n"
        "assert heard and heard[-1][0] == heard[-1][1], heard\n"
        f"print(took, {PEAK}, len(heard))")
# What the steps after each older schema added, taken away again.
LATER_TABLES = {12: ("checkins",), 10: ("checkins",)}
LATER_FIELDS = {10: {"cases": ("anonymised_on",),
                     "log": ("request_state", "request_changes", "request_why")}}


def older(source: Path, target: Path, schema: int) -> None:
    read = snapshot.read_lines(source)
    if read is None:
        sys.exit(f"{source}: not a sealed snapshot of this Pulang")
    meta, tables = read
    meta["schema"] = schema
    rows = [(case_id.decode(), raw) for case_id, raw in tables.pop(snapshot.ROWS_TABLE, [])]
    for name in LATER_TABLES[schema]:
        tables.pop(name, None)
    for name, fields in LATER_FIELDS.get(schema, {}).items():
        tables[name] = [orjson.dumps({k: v for k, v in orjson.loads(raw).items()
                                      if k not in fields}) for raw in tables[name]]
    target.write_bytes(snapshot.render(meta, {
        name: [(str(n), raw) for n, raw in enumerate(items, start=1)]
        for name, items in tables.items()}, rows))
    target.chmod(0o600)


def measure(code: str, path: Path) -> tuple[float, float, str]:
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True)
    if done.returncode:
        sys.exit(done.stderr)
    took, peak, *rest = done.stdout.split()
    return float(took), int(peak) / 1024, " ".join(rest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--from", dest="schema", type=int, choices=sorted(LATER_TABLES),
                        default=12)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pulang-migrate-") as folder:
        kept = Path(folder) / "older.json"
        older(args.db, kept, args.schema)
        path = Path(folder) / "run" / "pulang.json"
        loads, opens = [], []
        for n in range(1, args.runs + 1):
            shutil.rmtree(path.parent, ignore_errors=True)
            path.parent.mkdir()
            shutil.copyfile(kept, path)
            path.chmod(0o600)
            loads.append(measure(LOAD, path)[:2])
            opens.append(measure(OPEN, path))
            (lt, lm), (ot, om, said) = loads[-1], opens[-1]
            print(f"run {n}: json.load {lt:.2f} s, {lm:.0f} MB; open and upgrade from schema "
                  f"{args.schema} {ot:.2f} s ({ot / lt:.2f}x), {om:.0f} MB ({om / lm:.2f}x); "
                  f"progress said {said} times", flush=True)
    ratio = statistics.median(o[0] / lo[0] for o, lo in zip(opens, loads))
    memory = statistics.median(o[1] / lo[1] for o, lo in zip(opens, loads))
    print(f"median: json.load {statistics.median(t for t, _m in loads):.2f} s; open and "
          f"upgrade {statistics.median(o[0] for o in opens):.2f} s; time {ratio:.2f}x "
          f"(target <= 3x); peak memory {memory:.2f}x (target <= 0.6x)")


if __name__ == "__main__":
    main()
