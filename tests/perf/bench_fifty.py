"""Issue 36's table, every row measured against its baseline in the same run.

    python -m tests.perf.bench_fifty --db /tmp/p36/10k/pulang.json --repeat 3
    python -m tests.perf.bench_fifty --sizes 10000,50000      # generated (tests.perf.generate)

Run from the project root with the project's venv; pytest never collects it. Every step works
on a fresh copy of the database (snapshot and journal, in a folder of its own under --scratch),
so the file given is only ever read. Medians over --repeat runs; each ratio is Pulang's median
÷ its baseline's median; the table goes to --out (default tests/perf/results-fifty.md).

First, the database is opened once by Pulang as an officer's first session would
(`after_a_session`: closed cases due anonymised, Today's items worked out and stored, closed):
every row then starts from that copy.

The rows (PULANG_PERF_TRACE lines as tests/perf/bench.py reads them; "wall" is from spawning a
process to its exit, each in a fresh process; "in-process" is time.perf_counter() around the
step alone, printed by tests/perf/bench_fifty_probe.py):
1. first frame: `pulang --db COPY` in a pseudo-terminal 80×24 → its `first_frame` mark, and
   → the first screen text read from the terminal ("Today", the title of the first frame).
   Baseline: tests/perf/minimal_app.py → its `first_frame`, and → "Minimal Textual app".
2. Today usable: the same run → `today_shown` (Today's counts on screen). Baseline: the minimal
   app's `first_frame`.
3. `pulang check --db COPY`, wall. Baseline: a process doing one json.load of the file and one
   read of its audit trail's lines (`<db>.audit`), wall.
4. migration 12 → 13: COPY rewritten as schema 12 (the `checkins` table dropped, meta schema 12,
   laid out and sealed by store.engine.snapshot.render), or --schema12 FILE; Database.open of
   it in a fresh process (it upgrades on open: backup copy, migration, rewrite), in-process.
   Baseline: one json.load, in-process. Database.open of the schema-13 copy is shown beside it.
5. `pulang export --format json|csv|htcds --out SCRATCH --yes`, wall. Baseline: a process doing
   one json.load of the file, wall.
6. dashboard figures: store.exchange.report.figures(db), the first computation after
   Database.open in a fresh process, in-process (a second computation is shown beside it).
   Baseline: one json.load, in-process.
7. peak memory: the app's VmHWM (/proc: read through its whole run, till it has exited after
   Ctrl+Q; also as it was 1 s after Today was shown), and `check`'s ru_maxrss (wait4).
   Baseline: the ru_maxrss of the process doing one json.load.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.perf.bench import (
    CTRL_Q,
    HERE,
    PULANG,
    PYTHON,
    ROOT,
    SEED,
    BenchError,
    PtyProgram,
    code_state,
    fresh_copy,
    generated_database,
    run_in_pty,
)
from tests.perf.bench_fifty_report import report

PROBE = [PYTHON, "-m", "tests.perf.bench_fifty_probe"]
MINIMAL_TEXT, PULANG_TEXT = "Minimal Textual app", "Today"
NOTES: list[str] = []  # what a run saw that the table does not say


# -- running things -------------------------------------------------------------------------


@dataclass
class Ran:
    wall_ms: float
    rss_mb: float
    code: int
    out: str
    err: str


def run_process(argv: list[str], scratch: Path, timeout: float = 3600) -> Ran:
    """A fresh process, its wall time (spawn → exit) and its own peak RSS (wait4's ru_maxrss)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULANG_", "TEXTUAL"))}
    env.update(LC_ALL="C.UTF-8", LANG="C.UTF-8", PULANG_OFFICER="Benchmark")
    with tempfile.TemporaryFile(dir=scratch) as out, tempfile.TemporaryFile(dir=scratch) as err:
        started = time.monotonic()
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=err, start_new_session=True)
        killer = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL))
        killer.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        wall = (time.monotonic() - started) * 1000
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return Ran(wall, usage.ru_maxrss / 1024, process.returncode,
                   out.read().decode(errors="replace"), err.read().decode(errors="replace"))


def probe(what: str, *args: Path, scratch: Path) -> tuple[Ran, dict[str, Any]]:
    ran = run_process([*PROBE, what, *map(str, args)], scratch)
    if ran.code != 0:
        raise BenchError(f"probe {what} exited with {ran.code}: {ran.err[-1500:]}")
    return ran, json.loads(ran.out.strip().splitlines()[-1])


def wait_text(app: PtyProgram, text: str, timeout: float) -> float:
    """ms from the spawn to the moment `text` was first read from the program's terminal:
    call it at once after the spawn (it is timed when seen, polling every millisecond)."""
    wanted, deadline = text.encode(), time.monotonic() + timeout
    while wanted not in app._output_since(0):
        if not app.alive():
            raise BenchError(f"the program exited before {text!r} was on screen")
        if time.monotonic() > deadline:
            raise BenchError(f"{text!r} was not drawn within {timeout:.0f} s")
        time.sleep(0.001)
    return (time.monotonic() - app.started) * 1000


def today_timeout(cases: int) -> float:
    return 120 + cases / 50000 * 900


# -- the measurements -----------------------------------------------------------------------


def measure_minimal(scratch: Path) -> dict[str, float]:
    with run_in_pty([PYTHON, "-m", "tests.perf.minimal_app"], scratch, "minimal") as app:
        text = wait_text(app, MINIMAL_TEXT, timeout=60)  # first: it is timed as it is seen
        first = app.wait("first_frame", timeout=60)  # the trace line carries its own moment
        app.quit(timeout=30)
    return {"first_frame": app.since_start_ms(first), "first_text": text}


def measure_app(database: Path, cases: int, scratch: Path, quit_timeout: float
                ) -> dict[str, float]:
    """`pulang --db COPY`: first frame, first text, Today's counts shown, peak memory, quit."""
    figures: dict[str, float] = {}
    with fresh_copy(database, scratch) as copy, \
            run_in_pty([PULANG, "--db", str(copy)], scratch, "pulang") as app:
        figures["first_text"] = wait_text(app, PULANG_TEXT, timeout=60)  # as for the minimal
        figures["first_frame"] = app.since_start_ms(app.wait("first_frame", timeout=60))
        shown = app.wait("today_shown", timeout=today_timeout(cases))
        figures["today"] = app.since_start_ms(shown)
        figures["today_own"] = shown.get("ms", 0.0)
        loaded = app.wait("loaded", timeout=today_timeout(cases))
        figures["loaded"] = app.since_start_ms(loaded)
        time.sleep(1.0)
        figures["memory_today"] = app.peak_memory_mb()
        quit_ms, figures["memory"] = quit_watching_memory(app, quit_timeout)
        if quit_ms is None:  # killed on the way out of run_in_pty; said, not fatal
            NOTES.append(f"{cases:,} cases: the app did not exit within {quit_timeout:.0f} s "
                         "of Ctrl+Q; it was killed (its peak memory is as of then)")
        else:
            figures["quit"] = quit_ms
    return figures


def quit_watching_memory(app: PtyProgram, timeout: float) -> tuple[float | None, float]:
    """Ctrl+Q, and VmHWM read every 20 ms until the app has exited: (ms from the key to the
    exit, None if it did not within `timeout`; the app's peak memory over its whole run, MB).
    The work started after Today was shown (backup, indexes, anonymising) runs till then."""
    sent = app.send(CTRL_Q)
    peak = app.peak_memory_mb()
    while app.process.poll() is None:
        with contextlib.suppress(OSError, BenchError):  # gone meanwhile, or a zombie
            peak = max(peak, app.peak_memory_mb())
        if time.monotonic() - sent > timeout:
            return None, peak
        time.sleep(0.02)
    if app.process.returncode != 0:
        NOTES.append(f"the app exited with {app.process.returncode} after Ctrl+Q")
    return (time.monotonic() - sent) * 1000, peak


def measure_baselines(database: Path, scratch: Path) -> dict[str, float]:
    """Two processes: json.load alone, and json.load plus one read of the audit trail."""
    with fresh_copy(database, scratch) as copy:
        plain, result = probe("load", copy, scratch=scratch)
        trail, with_trail = probe("load-audit", copy, scratch=scratch)
    return {"load_wall": plain.wall_ms, "load_ms": result["load_ms"],
            "load_rss": plain.rss_mb, "cases": result["cases"],
            "load_audit_wall": trail.wall_ms, "audit_ms": with_trail["audit_ms"],
            "audit_lines": with_trail["audit_lines"]}


def measure_check(database: Path, scratch: Path) -> dict[str, float]:
    with fresh_copy(database, scratch) as copy:
        ran = run_process([PULANG, "check", "--db", str(copy)], scratch)
    if ran.code not in (0, 1):
        raise BenchError(f"pulang check exited with {ran.code}: {ran.err[-1500:]}")
    if ran.code == 1:
        NOTES.append("`pulang check` found problems (exit 1): "
                     + " / ".join((ran.out + ran.err).strip().splitlines()[-3:]))
    return {"check": ran.wall_ms, "check_rss": ran.rss_mb}


def measure_open(database: Path, schema12: Path, scratch: Path) -> dict[str, float]:
    """Database.open of the schema-12 copy (it upgrades) and of the current one."""
    with fresh_copy(schema12, scratch) as copy:
        ran, old = probe("open", copy, scratch=scratch)
    if old["schema"] != 13 or not old["upgraded"]:
        raise BenchError(f"opening the schema-12 copy did not upgrade it: {old}")
    with fresh_copy(database, scratch) as copy:
        _ran, new = probe("open", copy, scratch=scratch)
    return {"migrate": old["open_ms"], "migrate_wall": ran.wall_ms,
            "progress_calls": old["progress_calls"], "progress_till": old["progress_till"],
            "open": new["open_ms"]}


def measure_exports(database: Path, scratch: Path) -> dict[str, float]:
    figures = {}
    for kind, name in (("json", "export.json"), ("csv", "export-csv"), ("htcds", "htcds.csv")):
        with fresh_copy(database, scratch) as copy:
            argv = [PULANG, "export", "--db", str(copy), "--format", kind,
                    "--out", str(copy.parent / name), "--yes"]
            ran = run_process(argv, scratch)
            if ran.code != 0:
                raise BenchError(f"{shlex.join(argv)} exited with {ran.code}: {ran.err[-1500:]}")
        figures[f"export_{kind}"] = ran.wall_ms
    return figures


def measure_figures(database: Path, scratch: Path) -> dict[str, float]:
    with fresh_copy(database, scratch) as copy:
        _ran, result = probe("figures", copy, scratch=scratch)
    return {"figures": result["figures_ms"], "figures_again": result["figures_again_ms"]}


def make_schema12(database: Path, scratch: Path) -> Path:
    folder = scratch / "schema12"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    journal = database.with_name(database.name + ".journal")
    if journal.exists():
        shutil.copyfile(journal, folder / journal.name)
    _ran, made = probe("schema12", database, folder / database.name, scratch=scratch)
    NOTES.append(f"schema-12 copy made from {database} ({made['checkins_dropped']:,} check-ins "
                 f"dropped, {made['bytes'] / 1e6:,.0f} MB)")
    return folder / database.name


# -- one database, all repeats --------------------------------------------------------------


@dataclass
class Result:
    database: Path
    file_mb: float
    runs: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def median(self, key: str) -> float | None:
        """The median of "step.figure" over the runs that have it."""
        step, figure = key.split(".")
        values = [run[figure] for run in self.runs.get(step, []) if figure in run]
        return statistics.median(values) if values else None

    @property
    def cases(self) -> int:
        return int(self.median("baseline.cases") or 0)


def after_a_session(database: Path, scratch: Path) -> Path:
    """A copy of the database as Pulang leaves it after a session (bench_fifty_probe.session):
    what every row measures, as an officer's database is (a generated one was never opened)."""
    folder = scratch / "session"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for part in database.parent.glob(database.name + "*"):
        shutil.copy2(part, folder / part.name)
    _ran, done = probe("session", folder / database.name, scratch=scratch)
    print(f"  a session first ({done['ms'] / 1000:.1f} s, {done['anonymised']} anonymised)",
          flush=True)
    return folder / database.name


def bench_database(database: Path, repeat: int, scratch: Path, schema12: Path | None,
                   quit_timeout: float) -> Result:
    scratch.mkdir(parents=True, exist_ok=True)
    old = schema12 or make_schema12(database, scratch)
    database = after_a_session(database, scratch)
    result = Result(database, database.stat().st_size / 1e6)
    steps: list[tuple[str, Callable[[], dict[str, float]]]] = [
        ("baseline", lambda: measure_baselines(database, scratch)),
        ("minimal", lambda: measure_minimal(scratch)),
        ("app", lambda: measure_app(database, result.cases, scratch, quit_timeout)),
        ("check", lambda: measure_check(database, scratch)),
        ("open", lambda: measure_open(database, old, scratch)),
        ("exports", lambda: measure_exports(database, scratch)),
        ("figures", lambda: measure_figures(database, scratch)),
    ]
    for n in range(repeat):
        for name, step in steps:
            started = time.monotonic()
            figures = step()
            result.runs.setdefault(name, []).append(figures)
            print(f"  run {n + 1}/{repeat}, {name} ({time.monotonic() - started:.1f} s): "
                  + ", ".join(f"{k}={v:.1f}" for k, v in figures.items()), flush=True)
    return result


# -- command line ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, action="append", default=[],
                        help="a database to measure (only read: each step works on a copy); "
                             "repeatable; without it, --sizes are generated")
    parser.add_argument("--sizes", default="10000,50000",
                        help="case counts to generate when no --db (default 10000,50000)")
    parser.add_argument("--schema12", type=Path, default=None,
                        help="a ready schema-12 database for the migration row (default: "
                             "--db rewritten as schema 12)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; medians reported")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pulang-perf"),
                        help="where generated databases are kept between runs")
    parser.add_argument("--scratch", type=Path, default=None,
                        help="where the copies are made (default: a new folder in /tmp)")
    parser.add_argument("--quit-timeout", type=float, default=300,
                        help="seconds the app is given to exit after Ctrl+Q (then killed)")
    parser.add_argument("--out", type=Path, default=HERE / "results-fifty.md",
                        help="the Markdown report (default tests/perf/results-fifty.md)")
    args = parser.parse_args(argv)
    databases = [path.resolve() for path in args.db]
    if not databases:
        databases = [generated_database(args.cache, int(size), SEED)
                     for size in args.sizes.split(",") if size.strip()]
    if args.schema12 is not None and len(databases) > 1:
        parser.error("--schema12 goes with one --db")
    command = "python -m tests.perf.bench_fifty" + "".join(
        " " + shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="bench-fifty-"))
    started = time.monotonic()
    code = code_state()  # as it was when the run started (others may be editing meanwhile)
    load_before = os.getloadavg()[0]  # others' work on the machine, which the figures share
    results = []
    try:
        for database in databases:
            print(f"{database}:", flush=True)
            results.append(bench_database(database, args.repeat, scratch / "runs",
                                          args.schema12, args.quit_timeout))
    except BenchError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        if args.scratch is None:
            shutil.rmtree(scratch, ignore_errors=True)
    load = f"{load_before:.1f} when it began, {os.getloadavg()[0]:.1f} when it ended"
    text = report(results, command, time.monotonic() - started, code, code_state(), NOTES, load)
    args.out.write_text(text + "\n", encoding="utf-8")
    print()
    print(text)
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
