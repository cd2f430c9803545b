"""The app's first frame against a minimal Textual app's, alternately, in one run (issue 36).

    .venv/bin/python -m tests.perf.first_frame --db /tmp/me/10k/pulang.json --runs 7
    .venv/bin/python -m tests.perf.first_frame --demo --runs 7

Each run starts a new process in its own pseudo-terminal of 80×24 (tests.perf.bench's
PtyProgram): the minimal app (tests/perf/minimal_app.py), then Pulang, then the minimal app
again... Two figures each, from the moment just before the process is spawned:
- screen: the first screen text read from the terminal ("Minimal Textual app"; Pulang's Today
  saying "Opening the database…", or with --demo its title), polled every millisecond;
- trace: the `first_frame` trace line (written after the first paint, as tests.perf.bench reads
  it).
Pulang runs on a fresh copy of --db (`pulang --db COPY`), or with --demo on a copy of a demo
database written once beforehand (`pulang demo --db COPY`: the demo reopened as it is). The
sources are compiled to bytecode first (compileall). The process is killed once both are seen
(the loading behind them is not measured here). Medians and the ratios of the medians are
printed, with every run's figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tests.perf.bench import PULANG, PYTHON, ROOT, BenchError, PtyProgram, fresh_copy, run_in_pty

MINIMAL_TEXT = "Minimal Textual app"
# Today's first frame (English: the pty's LC_ALL is C): on a database it opens after that frame;
# the demo is opened by the command line before the app starts, so Today has its lists at once.
PULANG_TEXT = "Opening the database"
DEMO_TEXT = "Today"
TIMEOUT = 60.0


def wait_for_text(program: PtyProgram, text: str, timeout: float) -> float:
    """ms from the spawn to the moment `text` was read from the program's terminal."""
    wanted = text.encode()
    deadline = time.monotonic() + timeout
    while wanted not in program._output_since(0):  # noqa: SLF001 - the bench's own helper
        if not program.alive():
            raise BenchError(f"the program exited before drawing {text!r}")
        if time.monotonic() > deadline:
            raise BenchError(f"{text!r} was not drawn within {timeout:.0f} s")
        time.sleep(0.001)
    return (time.monotonic() - program.started) * 1000


def first_frame(argv: list[str], text: str, scratch: Path, name: str) -> dict[str, float]:
    with run_in_pty(argv, scratch, name) as program:
        screen = wait_for_text(program, text, TIMEOUT)
        traced = program.wait("first_frame", timeout=TIMEOUT)
        return {"screen": screen, "trace": program.since_start_ms(traced)}


def compile_sources() -> None:
    """Pulang's modules compiled to bytecode, as an installed app's are, and as Textual's are in
    the venv: with PYTHONDONTWRITEBYTECODE set (in some shells), every start compiled them anew."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", "store", "tui", "tests/perf"], cwd=ROOT,
                   check=True)


def measure_minimal(scratch: Path) -> dict[str, float]:
    return first_frame([PYTHON, "-m", "tests.perf.minimal_app"], MINIMAL_TEXT, scratch,
                       "minimal")


def measure_pulang(database: Path, demo: bool, scratch: Path) -> dict[str, float]:
    with fresh_copy(database, scratch) as copy:
        argv = [PULANG, *(["demo"] if demo else []), "--db", str(copy)]
        return first_frame(argv, DEMO_TEXT if demo else PULANG_TEXT, scratch, "pulang")


def write_demo(folder: Path) -> Path:
    path = folder / "demo" / "pulang.json"
    path.parent.mkdir(mode=0o700)
    subprocess.run([PULANG, "demo", "--db", str(path), "--no-open"], cwd=ROOT, check=True,
                   capture_output=True, env={**os.environ, "PULANG_OFFICER": "Benchmark"})
    return path


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", type=Path, help="a database, copied afresh for each run")
    source.add_argument("--demo", action="store_true", help="the demo, reopened as it is")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="first-frame-") as folder:
        scratch = Path(folder)
        database = write_demo(scratch) if args.demo else args.db.resolve()
        what = "the demo" if args.demo else str(database)
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip()
        print(f"first frame, Pulang ({what}) against the minimal app, {args.runs} runs each, "
              f"alternately; commit {commit}", flush=True)
        minimal: list[dict[str, float]] = []
        pulang: list[dict[str, float]] = []
        for n in range(args.runs):
            minimal.append(measure_minimal(scratch))
            pulang.append(measure_pulang(database, args.demo, scratch))
            print(f"  run {n + 1}: minimal screen {minimal[-1]['screen']:.0f} ms, trace "
                  f"{minimal[-1]['trace']:.0f} ms; pulang screen {pulang[-1]['screen']:.0f} "
                  f"ms, trace {pulang[-1]['trace']:.0f} ms", flush=True)
    for key in ("screen", "trace"):
        base, app = median(minimal, key), median(pulang, key)
        print(f"median {key}: minimal {base:.0f} ms, pulang {app:.0f} ms, "
              f"ratio {app / base:.2f}x")


if __name__ == "__main__":
    main()
