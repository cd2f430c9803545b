"""The app's first frame against a minimal Textual app's, alternately, in one run (issue 36).

    .venv/bin/python -m tests.perf.first_frame --db /tmp/me/10k/pulang.json --runs 7
    .venv/bin/python -m tests.perf.first_frame --demo --runs 7

Each run starts a new process in its own pseudo-terminal of 80×24 (tests.perf.bench's
PtyProgram): the minimal app (tests/perf/minimal_app.py), then Pulang, then the minimal app
again... Two figures each, from the moment just before the process is spawned:
- screen: the first screen text read from the terminal ("Minimal Textual app"; Pulang's Today
  saying "Opening the database…", or with --demo its title), polled every millisecond;
- trace: the `first_frame` trace line (written after the first paint, as tests.perf.bench reads
  it);
- cpu: the process's CPU time at that line (all threads; the loading starts after it), which a
  busy machine (other processes on its two cores) disturbs less than the wall time.
With --before COMMIT the app as it was at that commit runs too, in turn with the others, from
its sources (git archive) under this worktree's venv: before and after in the same run.
Pulang runs on a fresh copy of --db (`pulang --db COPY`), or with --demo on a copy of a demo
database written once beforehand (`pulang demo --db COPY`: the demo reopened as it is). The
sources are compiled to bytecode first (compileall). The process is killed once both are seen
(the loading behind them is not measured here). Medians and the ratios of the medians are
printed, with every run's figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
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
KEYS = ("screen", "trace", "cpu")


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


def first_frame(argv: list[str], text: str, scratch: Path, name: str,
                tree: Path | None = None) -> dict[str, float]:
    env = {"PYTHONPATH": str(tree)} if tree is not None else None
    with run_in_pty(argv, scratch, name, env) as program:
        screen = wait_for_text(program, text, TIMEOUT)
        traced = program.wait("first_frame", timeout=TIMEOUT)
        return {"screen": screen, "trace": program.since_start_ms(traced),
                "cpu": traced["cpu"] * 1000}


def compile_sources() -> None:
    """Pulang's modules compiled to bytecode, as an installed app's are, and as Textual's are in
    the venv: with PYTHONDONTWRITEBYTECODE set (in some shells), every start compiled them anew."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", "store", "tui", "tests/perf"], cwd=ROOT,
                   check=True)


def measure_minimal(scratch: Path) -> dict[str, float]:
    return first_frame([PYTHON, "-m", "tests.perf.minimal_app"], MINIMAL_TEXT, scratch,
                       "minimal")


def measure_pulang(database: Path, demo: bool, scratch: Path,
                   tree: Path | None = None) -> dict[str, float]:
    """Pulang's first frame: this worktree's (the venv's `pulang`), or the sources in `tree`."""
    # -P: the sources of `tree` only (PYTHONPATH), not those of the current folder.
    command = [PULANG] if tree is None else [PYTHON, "-P", "-c", "from tui.cli import run; run()"]
    with fresh_copy(database, scratch) as copy:
        argv = [*command, *(["demo"] if demo else []), "--db", str(copy)]
        return first_frame(argv, DEMO_TEXT if demo else PULANG_TEXT, scratch,
                           "pulang" if tree is None else "before", tree)


def extract(commit: str, folder: Path) -> Path:
    """The sources of an earlier commit, to run beside this worktree's in the same run: its
    store and tui (git archive), the compiled catalogs of this worktree (the same strings but
    new ones) and this worktree's tui/perf.py (which adds the CPU time to the trace)."""
    tree = folder / "before"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", commit, "store", "tui"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    shutil.copytree(ROOT / "store" / "common" / "locale", tree / "store" / "common" / "locale")
    shutil.copyfile(ROOT / "tui" / "perf.py", tree / "tui" / "perf.py")
    subprocess.run([PYTHON, "-m", "compileall", "-q", "store", "tui"], cwd=tree, check=True)
    return tree


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
    parser.add_argument("--before", metavar="COMMIT",
                        help="also run the app as it was at COMMIT (git archive), in turn")
    args = parser.parse_args()
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="first-frame-") as folder:
        scratch = Path(folder)
        database = write_demo(scratch) if args.demo else args.db.resolve()
        tree = extract(args.before, scratch) if args.before else None
        what = "the demo" if args.demo else str(database)
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "store", "tui"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        print(f"first frame, Pulang ({what}) against the minimal app, {args.runs} runs each, "
              f"in turn; commit {commit}{' with changes' if dirty else ''}"
              + (f", and as at {args.before}" if tree else ""), flush=True)
        runs: dict[str, list[dict[str, float]]] = {"minimal": [], "pulang": []}
        if tree is not None:
            runs["before"] = []
        for n in range(args.runs):
            runs["minimal"].append(measure_minimal(scratch))
            runs["pulang"].append(measure_pulang(database, args.demo, scratch))
            if tree is not None:
                runs["before"].append(measure_pulang(database, args.demo, scratch, tree))
            print(f"  run {n + 1}: " + "; ".join(
                f"{name} " + ", ".join(f"{key} {figures[-1][key]:.0f}" for key in KEYS)
                for name, figures in runs.items()) + " (ms)", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    for key in KEYS:
        base = median(runs["minimal"], key)
        print(f"median {key}: minimal {base:.0f} ms, " + ", ".join(
            f"{name} {median(figures, key):.0f} ms ({median(figures, key) / base:.2f}x)"
            for name, figures in runs.items() if name != "minimal"))


if __name__ == "__main__":
    main()
