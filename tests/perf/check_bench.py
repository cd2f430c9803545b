"""What `pulang check` costs, in time and memory, against its baselines in the same run.

    python -m tests.perf.check_bench DB [--repeat 3] [--before SRC]

`DB` is a database file (a copy: `check` only reads it, but use a copy anyway), with its
audit trail beside it (`DB.audit`). Each round runs, one after the other, each as its own
process under `/usr/bin/time -v`:

- `json.load`: `python -c "import json; json.load(open(DB))"`;
- the trail: every line of `DB.audit` read and parsed (`json.loads`), the least a check of it
  must do;
- `pulang --db DB check` (the command line, as a user runs it);
- with `--alone`, the same command with no child process (everything in one process);
- with `--before SRC`, the same command from another source tree (`SRC` first on the path:
  e.g. `git archive <commit> | tar -x -C SRC`), in the same venv.

Time is the wall clock (and the CPU, user plus system, of the process and its children); memory
is `time -v`'s "Maximum resident set size" (of the largest process: `check` may fork one
child) and, sampled every 20 ms from /proc, the peak of the sum over the process and its
children of their resident sets (RSS: a page shared by both after the fork counts twice) and
of their proportional sets (PSS: a shared page counts half in each). Medians over the rounds;
ratios against `json.load` (time: against `json.load` plus the trail's read).

Nothing here is a test: it prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

_TIME = re.compile(rb"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)")
_RSS = re.compile(rb"Maximum resident set size \(kbytes\): (\d+)")
_USER = re.compile(rb"User time \(seconds\): ([\d.]+)")
_SYS = re.compile(rb"System time \(seconds\): ([\d.]+)")


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        one = todo.pop()
        found.append(one)
        try:
            for task in os.listdir(f"/proc/{one}/task"):
                with open(f"/proc/{one}/task/{task}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            pass
    return found


def _rollup(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process, in kB; zeros once it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def run(command: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """One command under /usr/bin/time -v, its process tree sampled meanwhile; in the root
    folder, so that `python -c` finds no source tree in its current folder."""
    process = subprocess.Popen(["/usr/bin/time", "-v", *command], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=env, cwd="/")
    peaks = {"rss_sum": 0, "pss_sum": 0}

    def sample() -> None:
        while process.poll() is None:
            sizes = [_rollup(pid) for pid in _tree(process.pid)[1:]]  # not time itself
            peaks["rss_sum"] = max(peaks["rss_sum"], sum(s[0] for s in sizes))
            peaks["pss_sum"] = max(peaks["pss_sum"], sum(s[1] for s in sizes))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _out, err = process.communicate()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{command} failed: {err.decode(errors='replace')[-2000:]}")
    clock = _TIME.search(err)
    assert clock is not None, err
    hours, minutes, seconds = clock.groups()
    wall = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    return {"wall": wall,
            "cpu": float(_USER.search(err).group(1)) + float(_SYS.search(err).group(1)),
            "max_rss": int(_RSS.search(err).group(1)) / 1024,
            "rss_sum": peaks["rss_sum"] / 1024, "pss_sum": peaks["pss_sum"] / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another source tree, run the same way")
    parser.add_argument("--alone", action="store_true",
                        help="also `check` without its child process (the records and the "
                             "trail checked in one process)")
    args = parser.parse_args()
    python, pulang = sys.executable, str(Path(sys.executable).parent / "pulang")
    trail = Path(f"{args.db}.audit")
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
        "json.load": ([python, "-c", f"import json; json.load(open({str(args.db)!r}))"], None),
        "trail read": ([python, "-c", "import json\nfor line in open(" + repr(str(trail)) +
                        ", 'rb'): json.loads(line)"], None),
        "check": ([pulang, "--db", str(args.db), "check"], None),
    }
    if args.alone:
        commands["check alone"] = ([python, "-c", "import sys; from store.exchange import "
                                    "check_split; check_split.MIN_CHUNKS = sys.maxsize; from "
                                    "tui.cli.entry import main; sys.exit(main(sys.argv[1:]))",
                                    "--db", str(args.db), "check"], None)
    if args.before:
        env = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
        # As the console script runs it, from the other tree.
        commands["check before"] = ([python, "-c", "import sys; from tui.cli.entry import "
                                     "main; sys.exit(main())", "--db", str(args.db), "check"],
                                    env)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for round_ in range(args.repeat):
        for name, (command, env) in commands.items():
            runs[name].append(run(command, env))
            print(f"round {round_ + 1} {name}: {runs[name][-1]}", file=sys.stderr)
    med = {name: {key: statistics.median(r[key] for r in done) for key in done[0]}
           for name, done in runs.items()}
    base_time = med["json.load"]["wall"] + med["trail read"]["wall"]
    base_memory = med["json.load"]["max_rss"]
    print(f"| {args.db} ({args.db.stat().st_size / 1e6:.0f} MB, trail "
          f"{trail.stat().st_size / 1e6:.0f} MB) | wall s | CPU s | max RSS MB | "
          "peak RSS sum MB | peak PSS sum MB | time / (json.load + trail) | "
          "max RSS / json.load | PSS sum / json.load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, m in med.items():
        print(f"| {name} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['max_rss']:.0f} | "
              f"{m['rss_sum']:.0f} | {m['pss_sum']:.0f} | {m['wall'] / base_time:.2f} | "
              f"{m['max_rss'] / base_memory:.2f} | {m['pss_sum'] / base_memory:.2f} |")
    print(f"\nmedians of {args.repeat} rounds; every round: "
          + "; ".join(f"{name} {[round(r['wall'], 2) for r in done]} s"
                      for name, done in runs.items()))


if __name__ == "__main__":
    main()
