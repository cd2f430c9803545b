"""Sync from the app and the app's frames: the same scripted session with and without a first
sync of 10,000 cases running, same run, against the test hub (pouchdb-server on loopback).

    python -m tests.perf.app_sync_bench                      # 10,000 cases, 3 repeats
    python -m tests.perf.app_sync_bench --modes process,thread --repeats 1 --seconds 20

From the project root, with the project's venv, after `npm ci --ignore-scripts --prefix
tests/hub`; pytest never collects it. The encrypted database of `tests.perf.sync_bench`
(cached under --cache) is copied fresh for every run; every run is a new process running the
real app (App.run_test, 80x24, headless) on it.

The scripted session, `--seconds` long, from the moment the app has loaded and counted what
waits to be sent: 2 (the cases list), Down ten times, Enter (a case opens), Escape, 1 (Today),
again and again, a key every 50 ms and 300 ms after a screen changes. In the runs with a sync,
Ctrl+Y is pressed as it starts (the hub and the sites' user given as the first-time dialog
would), and the sync is the app's own: a process of its own (`process`, the default) or a
thread of the app's (`thread`, PULANG_SYNC_IN=thread), for the comparison. The test hub runs
SCHED_IDLE (--hub-idle 1, the default): in use it is a machine elsewhere, and here it would
take the processor from the app as no remote hub does (--hub-idle 0: as the app's equal).

Frame gaps: a 10 ms timer of the app's event loop notes when it fires; a gap is the time
between two firings, the longest the app could not paint a frame or take a key (10 ms when
nothing holds the loop). Per run, the longest gap and the 99th percentile over the session;
medians over --repeats. Targets (the issue's): with a sync, the longest at most 1.5x and the
99th percentile at most 1.2x those without, same run. Whether the sync was still running at
the session's end is said: a sync that ended before measures less than its whole.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.perf.bench import PYTHON, ROOT, code_state, machine
from tests.perf.sync_bench import PASSPHRASE, SITE, encrypted_template, fresh_copy

MARK = "<!-- app_sync_bench -->"
TICK = 0.01


async def session(db_path: Path, mode: str, hub: str | None, seconds: float) -> dict[str, Any]:
    """One run, in this process: the figures of `mode` ("none", "process" or "thread")."""
    from store.db import unlock
    from tui.app import PulangApp

    app = PulangApp(db_path, sealer=unlock(db_path, PASSPHRASE))
    ticks: list[float] = []
    figures: dict[str, Any] = {"mode": mode}
    published: list[float] = []  # when the screens were told the data changed
    publish = app.data_changed.publish
    app.data_changed.publish = lambda data: (published.append(time.monotonic()),  # type: ignore[method-assign]
                                             publish(data))[1]
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + 300
        while app.db is None or app.sync_info is None:
            assert time.monotonic() < deadline, "the app did not load"
            await pilot.pause(0.1)
        await pilot.pause(1.0)
        ended: list[float] = []  # when the sync was first seen over

        def tick() -> None:
            ticks.append(time.monotonic())
            if mode != "none" and not ended and ticks[-1] - started > 1 and not app.sync_running:
                ended.append(ticks[-1])

        started = time.monotonic()
        timer = app.set_interval(TICK, tick)
        if mode != "none":
            app._sync_hub_asked, app._sync_login = hub or "", SITE  # noqa: SLF001
            await pilot.press("ctrl+y")
        rounds = 0
        while time.monotonic() - started < seconds:
            await pilot.press("2")
            await pilot.pause(0.3)
            for _ in range(10):
                await pilot.press("down")
                await pilot.pause(0.05)
            await pilot.press("enter")
            await pilot.pause(0.3)
            await pilot.press("escape")
            await pilot.pause(0.3)
            await pilot.press("1")
            await pilot.pause(0.3)
            rounds += 1
        timer.stop()
        figures.update(rounds=rounds, session_s=time.monotonic() - started,
                       sync_running_at_end=app.sync_running,
                       progress=list(app.sync_progress or ()))
        if mode != "none":
            while app.sync_running:
                await pilot.pause(0.2)
            figures.update(sync_s=(ended[0] if ended else time.monotonic()) - started,
                           failure=app.sync_failure)
    timed = sorted(((b - a) * 1000, a - started) for a, b in zip(ticks, ticks[1:], strict=False))
    gaps = [gap for gap, _at in timed]
    figures.update(longest=[(round(g), round(at, 1)) for g, at in timed[-8:]],
                   published=[round(t - started, 1) for t in published])
    figures.update(ticks=len(ticks), max_ms=gaps[-1],
                   p99_ms=gaps[min(len(gaps) - 1, int(0.99 * len(gaps)))],
                   median_ms=statistics.median(gaps))
    return figures


def run(mode: str, template: Path, work: Path, hub: Any, seconds: float) -> dict[str, Any]:
    copy = fresh_copy(template, work / f"{mode}-{time.monotonic_ns()}")
    url = hub.new_database() if mode != "none" else ""
    env = {**os.environ, "PULANG_SYNC_IN": "thread" if mode == "thread" else "process"}
    done = subprocess.run([PYTHON, "-m", "tests.perf.app_sync_bench", "--run", mode, "--db",
                           str(copy), "--hub", url, "--seconds", str(seconds)],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"the {mode} run failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {mode}: " + ", ".join(f"{k} {round(v, 1) if isinstance(v, float) else v}"
                                    for k, v in figures.items()), flush=True)
    return figures


def report(results: dict[str, list[dict[str, Any]]], args: argparse.Namespace, command: str,
           minutes: float, code: str, load: str) -> str:
    def med(mode: str, key: str) -> float:
        return statistics.median(r[key] for r in results[mode])

    lines = [
        MARK, "## Sync from the app: the app's frame gaps while it syncs",
        "",
        f"- Command: `{command}`",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}",
        f"- Code: {code}; the whole run took {minutes:.1f} min; load average (1, 5, 15 min) "
        f"at its start and end: {load}",
        f"- Data: `tests/perf/generate.py`, {args.cases:,} cases, encrypted; a first sync to an "
        "empty hub database (pouchdb-server on 127.0.0.1, the sites' user; "
        + ("SCHED_IDLE: in use the hub is another machine" if args.hub_idle
           else "as the app's equal") + "; the app's sync process runs SCHED_IDLE)",
        f"- Session: {args.seconds:.0f} s of 2, Down ×10, Enter, Escape, 1 ... (the docstring of "
        f"`tests/perf/app_sync_bench.py`); {args.repeats} repeats, medians",
        "",
        "| Sync | Longest gap | Ratio (≤ 1.5×) | 99th percentile | Ratio (≤ 1.2×) | Met |",
        "|---|---:|---:|---:|---:|---|",
        f"| none | {med('none', 'max_ms'):.1f} ms | – | {med('none', 'p99_ms'):.1f} ms | – | – |",
    ]
    for mode in [m for m in results if m != "none"]:
        longest = med(mode, "max_ms") / med("none", "max_ms")
        p99 = med(mode, "p99_ms") / med("none", "p99_ms")
        met = "met" if longest <= 1.5 and p99 <= 1.2 else "**missed**"
        where = "a process of its own" if mode == "process" else "a thread of the app's"
        lines.append(f"| in {where} | {med(mode, 'max_ms'):.1f} ms | {longest:.2f}× | "
                     f"{med(mode, 'p99_ms'):.1f} ms | {p99:.2f}× | {met} |")
    lines += ["", "Every run (ms; the sync's seconds from Ctrl+Y; whether it still ran when the "
              "session ended):", ""]
    for mode, runs in results.items():
        for r in runs:
            extra = "" if mode == "none" else (
                f", sync {r['sync_s']:.1f} s, running at the end: {r['sync_running_at_end']}"
                + (f", failed: {r['failure']}" if r.get("failure") else ""))
            lines.append(f"- {mode}: longest {r['max_ms']:.1f}, p99 {r['p99_ms']:.1f}, median "
                         f"{r['median_ms']:.1f}, {r['rounds']} rounds{extra}")
    return "\n".join(lines) + "\n"


def write_section(out: Path, section: str) -> None:
    """Into `out`, after what is there (the section of a run before replaced)."""
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    kept = text.split(MARK, 1)[0].rstrip("\n")
    out.write_text((kept + "\n\n" if kept else "") + section, encoding="utf-8")


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=25.0)
    parser.add_argument("--modes", default="process",
                        help="the syncs measured beside none: process, thread or both")
    parser.add_argument("--hub-idle", type=int, default=1,
                        help="1: the test hub runs SCHED_IDLE (stands for a machine "
                             "elsewhere); 0: as the app's equal")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pulang-sync-bench"))
    parser.add_argument("--out", type=Path, default=ROOT / "tests/perf/results-sync.md")
    parser.add_argument("--run", choices=["none", "process", "thread"], help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--hub", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        figures = asyncio.run(session(args.db, args.run, args.hub, args.seconds))
        print(json.dumps(figures))
        return 0
    from tests.sync.conftest import running_hub

    command = "python -m tests.perf.app_sync_bench" + "".join(
        " " + shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    started, load = time.monotonic(), load_average()
    code = code_state()
    template = encrypted_template(args.cache, args.cases)
    modes = ["none", *[m for m in args.modes.split(",") if m in ("process", "thread")]]
    results: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory(prefix="pulang-app-sync-bench-") as scratch:
        work = Path(scratch)
        (work / "hub").mkdir()
        with running_hub(work / "hub") as hub:
            if args.hub_idle:  # it stands for a machine elsewhere: behind the app here
                os.sched_setscheduler(hub.process.pid, os.SCHED_IDLE, os.sched_param(0))
            print(f"{args.cases} cases, {args.repeats} repeats, hub {hub.server}", flush=True)
            for n in range(args.repeats):
                print(f"repeat {n + 1}", flush=True)
                for mode in modes:
                    results[mode].append(run(mode, template, work, hub, args.seconds))
    section = report(results, args, command, (time.monotonic() - started) / 60, code,
                     f"{load}; {load_average()}")
    write_section(args.out, section)
    print(f"\n{section}\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
