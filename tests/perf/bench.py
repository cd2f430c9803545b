"""Pulang's benchmark: the real app in a real terminal, beside naive baselines, in one run.

    python -m tests.perf.bench                    # sizes 1000,10000,50000, 3 repeats (10-20 min)
    python -m tests.perf.bench --quick            # smoke run: 1000 cases, 1 repeat
    python -m tests.perf.bench --sizes 10000 --repeat 5 --out /tmp/results.md

Run it from the project root with the project's venv (`.venv/bin/python -m tests.perf.bench`);
pytest never collects it. For each size a synthetic database is generated once
(`tests.perf.generate`, cached under --cache, keyed by size, seed and a hash of the generator and
the store modules shaping its output) and every run works on a fresh copy of it (saves change
it). "Cold start" is a new process; the file is in the page cache (it was just copied). Each
program runs in its own pseudo-terminal of 80×24 (TERM=xterm-256color) with PULANG_PERF_TRACE
pointing at a fresh file; the trace lines carry time.monotonic(), which on Linux is system-wide,
so they compare with the moment just before the process was spawned or a key was written to the
terminal. Medians over --repeat runs are
reported, in a Markdown table per size written to --out (default tests/perf/results.md;
--quick writes tests/perf/results-quick.md unless --out is given).

What each figure means (Pulang is `.venv/bin/pulang --db COPY`):
- first painted frame: spawn → `first_frame` (the first paint, before any data: Today, saying
  the database is opening). Baseline: a Textual app with one Label (tests/perf/minimal_app.py).
  Target ≤ 1.3 × that.
- first screen usable: spawn → `usable` (the list with every case painted; the app may paint the
  list rows kept in the snapshot before the records behind them are loaded). Today opens over
  the list, so "2" (the key to the list) is written as soon as `first_frame` is seen, and
  `usable` is traced once the list is in front with its rows. Baseline: the naive app
  (tests/perf/naive_app.py: TinyDB default JSONStorage + Textual DataTable) → its `usable`.
- data loaded: spawn → `loaded` (every record read and indexed, in the worker thread: from then
  on a case opens and saves at once). The filter and everything after wait for it.
- filter keystroke → repainted list: "/" then the letters of a worker surname, one every
  ~300 ms; each is the time from writing the key to the terminal to the next `filter_painted`
  line (the next key waits for it). Median over the keys, and the slowest key. Baseline: the same
  keys in the naive app, which rebuilds its DataTable on every change.
- open the 20-worker case: Escape, "/", its reference, Enter. `case_opened` ms is the app's own
  figure (screen mounted and painted); "Enter → case painted" is key → that line.
- e / l → form painted: from the key to the moment the form's title ("Edit case …", "New log
  entry …") is read from the terminal (no trace line marks it; the title is drawn in one run).
- durable save: the `save_done` ms of the worker thread's store job (journal append, fsync), for
  an edited case ("e", a few letters, Ctrl+S) and a new log entry ("l", Tab to the summary, type
  it, Ctrl+S). "Ctrl+S → saved" is key → that line. Baseline: one insert into the `log` table
  with TinyDB's default JSONStorage (reads and rewrites the whole file;
  tests/perf/tinydb_baseline.py).
- 1 → Today painted: after the saves, "1" opens Today again; key → `today_shown` (its four
  lists worked out by `Database.today()` in a thread, then painted); `today_shown` ms is the
  app's own figure (from asking the store to the list being drawn).
- longest stall: the `stall` lines, the longest event-loop delay of a 10 ms timer. "loading" runs
  from the start to the repaint after `loaded`; a save's phase from the moment the save starts
  (Ctrl+S) to the repaint after it (the app restarts the watch when a store job starts).
- after Ctrl+Q the copy is opened through the store and looked in for the edited title and the
  new log entry; a save that was traced but is not there is listed under "Problems seen".
- peak memory: VmHWM of the app's process, read just before Ctrl+Q. Baseline: the naive app's.
- quit: Ctrl+Q → process exit (closing may fold the journal into the snapshot).
- pulang check: wall time of `pulang check --db COPY` (validates every record).
- TinyDB search (baseline only): one Query on workers by full_name with the default JSONStorage.

Targets are stated for 10k and 50k cases; sizes up to 10,000 are held to the 10k target, larger
ones to the 50k target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import hashlib
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
PULANG = (str(VENV_BIN / "pulang") if (VENV_BIN / "pulang").exists()
          else shutil.which("pulang") or "pulang")
SEED = 2025
COLUMNS, LINES = 80, 24
GENERATOR_SOURCES = [*sorted(HERE.glob("generate*.py")), HERE / "people_names.py",
                     ROOT / "store" / "engine" / "snapshot.py",
                     ROOT / "store" / "engine" / "migrations.py"]

FILTER_TERM = "siregar"  # an Indonesian surname: about one case in eight has a Siregar
KEY_GAP = 0.3  # seconds between filter keystrokes
EDIT_SUFFIX = " checked"
LOG_SUMMARY = "Called the embassy about the travel documents."

ESC, ENTER, TAB, CTRL_S, CTRL_Q = b"\x1b", b"\r", b"\t", b"\x13", b"\x11"


class BenchError(RuntimeError):
    """A step did not happen in time, or a program misbehaved: the message says which."""


PROBLEMS: list[str] = []  # wrong results seen on the way that do not stop the run


# -- the trace file -------------------------------------------------------------------------


class Trace:
    """The JSON lines a program appends to PULANG_PERF_TRACE, read as they arrive."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.events: list[dict[str, Any]] = []
        self._offset = 0
        self._partial = b""

    def poll(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self._offset)
                chunk = handle.read()
        except FileNotFoundError:
            return
        self._offset += len(chunk)
        data = self._partial + chunk
        *lines, self._partial = data.split(b"\n")
        self.events.extend(json.loads(line) for line in lines if line.strip())

    def position(self) -> int:
        """Where the events seen so far end: wait_for(after=position()) waits for a new one."""
        self.poll()
        return len(self.events)

    def wait_for(self, event: str, timeout: float, after: int = 0,
                 alive: Callable[[], bool] | None = None, **match: Any) -> dict[str, Any]:
        """The first `event` line at index >= `after` whose fields equal `match`."""
        deadline = time.monotonic() + timeout
        checked = after
        while True:
            self.poll()
            for index in range(checked, len(self.events)):
                found = self.events[index]
                if found["event"] == event and all(found.get(k) == v for k, v in match.items()):
                    return found
            checked = max(checked, len(self.events))
            if alive is not None and not alive():
                self.poll()
                raise BenchError(f"the program exited while waiting for {event} {match or ''}")
            if time.monotonic() > deadline:
                raise BenchError(
                    f"no {event} {match or ''} line within {timeout:.0f} s; trace so far: "
                    + "; ".join(json.dumps(e) for e in self.events[-12:])
                )
            time.sleep(0.005)


# -- a program in a pseudo-terminal ---------------------------------------------------------


class PtyProgram:
    """A program running in its own pseudo-terminal, with the terminal's output drained."""

    def __init__(self, argv: list[str], trace_path: Path, output_log: Path,
                 extra_env: dict[str, str | None] | None = None) -> None:
        self.argv = argv
        self.trace = Trace(trace_path)
        self.output_log = output_log
        self.output = bytearray()  # the last 0.5-1 MB the program wrote to its terminal
        self._trimmed = 0  # bytes dropped from the front of `output`
        self._output_lock = threading.Lock()
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PULANG_", "TEXTUAL")) and k not in ("NO_COLOR", "LANGUAGE")}
        # An officer named: on a shared account (root) the app would ask who is working first.
        env.update(TERM="xterm-256color", LC_ALL="C.UTF-8", LANG="C.UTF-8",
                   COLUMNS=str(COLUMNS), LINES=str(LINES), PULANG_PERF_TRACE=str(trace_path),
                   PULANG_OFFICER="Benchmark")
        for name, value in (extra_env or {}).items():  # a test's own: None takes one away
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        self.master = master
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env,
            start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self._drain = threading.Thread(target=self._drain_output, daemon=True)
        self._drain.start()

    def _drain_output(self) -> None:
        """Read whatever the program writes, so that it never blocks on a full terminal."""
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: every slave side is closed, the program is gone
                break
            if not chunk:
                break
            with self._output_lock:
                self.output += chunk
                if len(self.output) > 1 << 20:
                    drop = len(self.output) - (1 << 19)
                    del self.output[:drop]
                    self._trimmed += drop

    def _output_position(self) -> int:
        with self._output_lock:
            return self._trimmed + len(self.output)

    def _output_since(self, position: int) -> bytes:
        with self._output_lock:
            return bytes(self.output[max(0, position - self._trimmed):])

    def alive(self) -> bool:
        return self.process.poll() is None

    def since_start_ms(self, event: dict[str, Any]) -> float:
        return (event["t"] - self.started) * 1000

    def send(self, keys: bytes) -> float:
        """Write keys to the terminal; returns the moment just before writing."""
        moment = time.monotonic()
        os.write(self.master, keys)
        return moment

    def type_text(self, text: str, gap: float) -> None:
        for char in text:
            self.send(char.encode())
            time.sleep(gap)

    def wait(self, event: str, timeout: float, after: int = 0, **match: Any) -> dict[str, Any]:
        return self.trace.wait_for(event, timeout, after, self.alive, **match)

    def key_to_event(self, keys: bytes, event: str, timeout: float,
                     **match: Any) -> tuple[float, dict[str, Any]]:
        """Send keys and wait for the next `event`: (ms from the write to the line, the line)."""
        after = self.trace.position()
        sent = self.send(keys)
        found = self.wait(event, timeout, after, **match)
        return (found["t"] - sent) * 1000, found

    def key_to_output(self, keys: bytes, text: str, timeout: float) -> float:
        """Send keys and wait until `text` is drawn on the terminal: ms from the write to the
        moment it was read from the terminal (a screen's title is written as one run of text)."""
        position = self._output_position()
        sent = self.send(keys)
        wanted = text.encode()
        deadline = sent + timeout
        while wanted not in self._output_since(position):
            if not self.alive():
                raise BenchError(f"the program exited while waiting for {text!r} on screen")
            if time.monotonic() > deadline:
                raise BenchError(f"{text!r} was not drawn within {timeout:.0f} s of {keys!r}")
            time.sleep(0.002)
        return (time.monotonic() - sent) * 1000

    def peak_memory_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        raise BenchError("no VmHWM in /proc/PID/status")

    def quit(self, timeout: float) -> float:
        """Ctrl+Q and wait for the exit: ms from the key to the process's end."""
        sent = self.send(CTRL_Q)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise BenchError(
                f"{self.argv[0]} did not exit within {timeout:.0f} s of Ctrl+Q") from None
        exited = time.monotonic()
        if code != 0:
            raise BenchError(f"{' '.join(self.argv)} exited with {code}")
        return (exited - sent) * 1000

    def close(self, failed: bool) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGKILL)  # the session this benchmark started
            self.process.wait()
        self._drain.join(timeout=5)
        os.close(self.master)
        if failed:
            self.output_log.write_bytes(bytes(self.output))


@contextmanager
def run_in_pty(argv: list[str], workdir: Path, name: str,
               env: dict[str, str | None] | None = None) -> Iterator[PtyProgram]:
    trace_path = workdir / f"{name}.trace.jsonl"
    trace_path.unlink(missing_ok=True)
    program = PtyProgram(argv, trace_path, workdir.parent / f"last-failure-{name}.out", env)
    failed = True
    try:
        yield program
        failed = False
    except BenchError as error:
        raise BenchError(
            f"{name}: {error} (terminal output saved to {program.output_log})") from None
    finally:
        program.close(failed)


# -- databases ------------------------------------------------------------------------------


def generated_database(cache: Path, cases: int, seed: int) -> Path:
    """The generated database for this size and seed, made once and kept in `cache`.

    Each lives in its own folder (the store may keep a journal beside the snapshot). The name
    carries a hash of the generator and of the store modules that shape its output, so a change
    to either makes a new one (and the stale one for this size and seed is removed).
    """
    digest = hashlib.sha256()
    for source in GENERATOR_SOURCES:
        if source.exists():
            digest.update(source.read_bytes())
    stem = f"pulang-{cases}-seed{seed}"
    folder = cache / f"{stem}-gen{digest.hexdigest()[:8]}"
    path = folder / "pulang.json"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    for stale in cache.glob(f"{stem}-gen*"):
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    staging = Path(tempfile.mkdtemp(prefix=f"{stem}-", suffix=".partial", dir=cache))
    print(f"  generating {cases} cases into {folder} …", flush=True)
    try:
        subprocess.run([PYTHON, "-m", "tests.perf.generate", "--cases", str(cases), "--out",
                        str(staging / path.name), "--seed", str(seed)], cwd=ROOT, check=True)
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return path


@dataclass(frozen=True)
class GroupCase:
    ref: str
    first_worker: str


def group_case(seed: int) -> GroupCase:
    """Case number 1 (20 workers): its reference and one worker's name, without the file."""
    from tests.perf.generate import generate_tables

    tables = generate_tables(1, seed)
    case = tables["cases"]["1"]
    worker = next(w for w in tables["workers"].values() if w["case_id"] == case["id"])
    return GroupCase(case["ref"], worker["full_name"])


@contextmanager
def fresh_copy(database: Path, scratch: Path) -> Iterator[Path]:
    """A copy of the database (snapshot, and journal if any) in its own folder."""
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=scratch))
    copy = folder / database.name
    for file in database.parent.iterdir():
        if file.is_file() and not file.name.endswith(".lock"):
            shutil.copyfile(file, folder / file.name)
            (folder / file.name).chmod(0o600)  # a database others can read is refused
    try:
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- the measurements -----------------------------------------------------------------------


def usable_timeout(cases: int) -> float:
    return 60 + cases / 50000 * 120


def measure_filter(program: PtyProgram, term: str) -> list[float]:
    """ms from each key to its repainted list; "/" first, then one letter every KEY_GAP s."""
    program.send(b"/")
    time.sleep(KEY_GAP)
    latencies = []
    for char in term:
        sent = time.monotonic()
        ms, _line = program.key_to_event(char.encode(), "filter_painted", timeout=120)
        latencies.append(ms)
        time.sleep(max(0.0, KEY_GAP - (time.monotonic() - sent)))
    return latencies


def measure_pulang(database: Path, cases: int, scratch: Path, case: GroupCase) -> dict[str, float]:
    """One run of the real app through everything it is measured on."""
    figures: dict[str, float] = {}
    with fresh_copy(database, scratch) as copy:
        with run_in_pty([PULANG, "--db", str(copy)], scratch, "pulang") as app:
            drive_pulang(app, cases, case, figures)
        missing = unsaved_changes(copy, case.ref)
        if missing:
            kept = keep_for_inspection(copy.parent, app, scratch)
            PROBLEMS.append(
                f"{cases:,} cases: `save_done` was traced, yet after Ctrl+Q the "
                f"{' and the '.join(missing)} were not in the database files "
                f"(files, trace and terminal output kept in {kept})"
            )
    return figures


def drive_pulang(app: PtyProgram, cases: int, case: GroupCase, figures: dict[str, float]) -> None:
    """The keys of one run, and the figures they give, into `figures`."""
    figures.update(startup(app, cases))
    latencies = measure_filter(app, FILTER_TERM)
    figures["filter"] = statistics.median(latencies)
    figures["filter_worst"] = max(latencies)
    figures.update(open_group_case(app, case.ref))
    figures.update(save_edited_case(app))
    figures.update(save_new_log_entry(app))
    figures.update(open_today(app))
    figures["memory"] = app.peak_memory_mb()
    figures["exit"] = app.quit(timeout=180)


def startup(app: PtyProgram, cases: int) -> dict[str, float]:
    first = app.wait("first_frame", timeout=60)
    app.send(b"2")  # Today is in front: to the list, as an officer going to a case would
    usable = app.wait("usable", timeout=usable_timeout(cases))
    if usable.get("cases") != cases:
        raise BenchError(f"usable with {usable.get('cases')} cases, expected {cases}")
    # `usable` may come before `loaded`: the list can show the snapshot's rows before the rest.
    loaded = app.wait("loaded", timeout=usable_timeout(cases))
    stall = app.wait("stall", timeout=10, phase="loading")
    time.sleep(0.5)
    return {"first_frame": app.since_start_ms(first), "usable": app.since_start_ms(usable),
            "loaded": app.since_start_ms(loaded), "stall_loading": stall["ms"]}


def open_group_case(app: PtyProgram, ref: str) -> dict[str, float]:
    """Escape clears the filter, "/" and the reference narrow to one case, Enter opens it."""
    app.key_to_event(ESC, "filter_painted", timeout=30)
    time.sleep(KEY_GAP)
    app.send(b"/")
    time.sleep(KEY_GAP)
    for char in ref:
        _ms, shown = app.key_to_event(char.encode(), "filter_painted", timeout=30)
    if shown.get("rows") != 1:
        raise BenchError(f"filtering by {ref} left {shown.get('rows')} rows, not 1")
    time.sleep(KEY_GAP)
    ms, opened = app.key_to_event(ENTER, "case_opened", timeout=30)
    if opened.get("workers") != 20:
        raise BenchError(f"opened a case with {opened.get('workers')} workers, not 20")
    time.sleep(0.5)
    return {"case_opened": opened["ms"], "case_opened_key": ms}


def save_edited_case(app: PtyProgram) -> dict[str, float]:
    """"e" opens the case form on its title; End, a few letters, Ctrl+S."""
    form_ms = app.key_to_output(b"e", "Edit case", timeout=60)
    time.sleep(0.3)
    app.send(b"\x1b[F")  # End: the cursor to the end of the title
    time.sleep(0.1)
    app.type_text(EDIT_SUFFIX, gap=0.03)
    time.sleep(0.3)
    ms, saved = app.key_to_event(CTRL_S, "save_done", timeout=60, kind="case")
    stall = app.wait("stall", timeout=10, phase="case")
    time.sleep(0.5)
    return {"form_case": form_ms, "save_case": saved["ms"], "save_case_key": ms,
            "stall_case": stall["ms"]}


def tabs_to_summary() -> int:
    """How many Tabs lead from the log entry form's first field to its summary, read from the
    form itself: a field added before the summary must not send the typing elsewhere."""
    from tui.screens.case.log_form import LogEntryForm

    names = [spec.name for spec in LogEntryForm(None, "", "", []).fields()]
    return names.index("summary")


def save_new_log_entry(app: PtyProgram) -> dict[str, float]:
    """"l" opens a new log entry; Tab to the summary, type, Ctrl+S."""
    form_ms = app.key_to_output(b"l", "New log entry", timeout=60)
    time.sleep(0.3)
    for _ in range(tabs_to_summary()):
        app.send(TAB)
        time.sleep(0.1)
    app.type_text(LOG_SUMMARY, gap=0.02)
    time.sleep(0.3)
    ms, saved = app.key_to_event(CTRL_S, "save_done", timeout=60, kind="logentry")
    stall = app.wait("stall", timeout=10, phase="logentry")
    time.sleep(0.5)
    return {"form_log": form_ms, "save_log": saved["ms"], "save_log_key": ms,
            "stall_log": stall["ms"]}


def open_today(app: PtyProgram) -> dict[str, float]:
    """"1" from the case: Today again, its lists worked out afresh in a thread."""
    ms, shown = app.key_to_event(b"1", "today_shown", timeout=120)
    time.sleep(0.5)
    return {"today": shown["ms"], "today_key": ms}


def unsaved_changes(database: Path, ref: str) -> list[str]:
    """Which of the run's two saves the database does not hold after quitting, read through
    the store as the next opening reads it. A save that is there with other text than was
    typed is said apart: then keys were lost on the way to the field, not a saved record."""
    from store.db.database import Database

    with Database.open(database) as db:
        case = db.case_by_ref(ref)
        assert case is not None
        problems = []
        if not case.title.endswith(EDIT_SUFFIX):
            problems.append(f"edited case title (it reads {case.title!r})")
        summaries = [entry.summary for entry in db.log_of(case.id)]
        if LOG_SUMMARY not in summaries:
            near = [s for s in summaries if s and (s in LOG_SUMMARY or LOG_SUMMARY in s)]
            problems.append(f"new log entry (saved with the summary {near[0]!r}: typed keys "
                            "were lost)" if near else "new log entry")
    return problems


def keep_for_inspection(folder: Path, app: PtyProgram, scratch: Path) -> Path:
    kept = scratch.parent / f"failed-{dt.datetime.now():%Y%m%d-%H%M%S}"
    shutil.copytree(folder, kept)
    shutil.copyfile(app.trace.path, kept / "trace.jsonl")
    (kept / "terminal.out").write_bytes(bytes(app.output))
    return kept


def measure_naive(database: Path, cases: int, scratch: Path) -> dict[str, float]:
    """One run of the naive app: start, the same filter keys, memory, quit."""
    figures: dict[str, float] = {}
    with fresh_copy(database, scratch) as copy, \
            run_in_pty([PYTHON, "-m", "tests.perf.naive_app", str(copy)], scratch, "naive") as app:
        first = app.wait("first_frame", timeout=usable_timeout(cases) * 4)
        usable = app.wait("usable", timeout=usable_timeout(cases) * 4)
        if usable.get("cases") != cases:
            raise BenchError(f"naive: usable with {usable.get('cases')} cases, expected {cases}")
        figures["first_frame"] = app.since_start_ms(first)
        figures["usable"] = app.since_start_ms(usable)
        time.sleep(0.5)
        latencies = measure_filter(app, FILTER_TERM)
        figures["filter"] = statistics.median(latencies)
        figures["filter_worst"] = max(latencies)
        time.sleep(0.3)
        figures["memory"] = app.peak_memory_mb()
        figures["exit"] = app.quit(timeout=180)
    return figures


def measure_minimal(scratch: Path) -> dict[str, float]:
    with run_in_pty([PYTHON, "-m", "tests.perf.minimal_app"], scratch, "minimal") as app:
        first = app.wait("first_frame", timeout=60)
        figures = {"first_frame": app.since_start_ms(first)}
        time.sleep(0.2)
        app.quit(timeout=30)
    return figures


def measure_check(database: Path, scratch: Path) -> dict[str, float]:
    with fresh_copy(database, scratch) as copy:
        started = time.monotonic()
        done = subprocess.run([PULANG, "check", "--db", str(copy)], cwd=ROOT, capture_output=True,
                              text=True, timeout=1800)
        wall = (time.monotonic() - started) * 1000
    if done.returncode != 0:
        raise BenchError(f"pulang check exited with {done.returncode}: {done.stdout[-500:]}"
                         f"{done.stderr[-500:]}")
    return {"check": wall}


def measure_tinydb(database: Path, scratch: Path, case: GroupCase) -> dict[str, float]:
    with fresh_copy(database, scratch) as copy:
        done = subprocess.run(
            [PYTHON, "-m", "tests.perf.tinydb_baseline", str(copy), case.first_worker],
            cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise BenchError(f"tinydb baseline failed: {done.stderr[-1000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if not result["found"]:
        raise BenchError(f"tinydb baseline found no worker named {case.first_worker!r}")
    return {"insert": result["insert_ms"], "search": result["search_ms"]}


# -- one size, all repeats ------------------------------------------------------------------


@dataclass
class SizeResult:
    cases: int
    file_mb: float
    runs: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def median(self, program: str, key: str) -> float | None:
        values = [run[key] for run in self.runs.get(program, []) if key in run]
        return statistics.median(values) if values else None


def bench_size(cases: int, repeat: int, cache: Path, seed: int) -> SizeResult:
    database = generated_database(cache, cases, seed)
    case = group_case(seed)
    scratch = cache / "runs"
    scratch.mkdir(parents=True, exist_ok=True)
    result = SizeResult(cases, database.stat().st_size / 1e6)
    steps: list[tuple[str, Callable[[], dict[str, float]]]] = [
        ("minimal", lambda: measure_minimal(scratch)),
        ("pulang", lambda: measure_pulang(database, cases, scratch, case)),
        ("naive", lambda: measure_naive(database, cases, scratch)),
        ("check", lambda: measure_check(database, scratch)),
        ("tinydb", lambda: measure_tinydb(database, scratch, case)),
    ]
    for n in range(repeat):
        for name, step in steps:
            started = time.monotonic()
            figures = step()
            result.runs.setdefault(name, []).append(figures)
            took = time.monotonic() - started
            print(f"  {cases} cases, run {n + 1}/{repeat}, {name} ({took:.1f} s): "
                  + ", ".join(f"{k}={v:.1f}" for k, v in figures.items()), flush=True)
    return result


# -- the report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A limit at 10k and at 50k cases; `relative` limits are on the ratio to the baseline."""

    at_10k: float
    at_50k: float
    unit: str
    relative: bool = False

    def limit(self, cases: int) -> float:
        return self.at_10k if cases <= 10000 else self.at_50k

    def describe(self, cases: int) -> str:
        where = "10k" if cases <= 10000 else "50k"
        if self.relative:
            return f"≤ {self.limit(cases):g} × baseline"
        return f"≤ {format_value(self.limit(cases), self.unit)} ({where})"


@dataclass(frozen=True)
class Row:
    label: str
    key: tuple[str, str]  # (program, figure)
    unit: str = "ms"
    baseline: tuple[str, str] | None = None
    baseline_name: str = ""
    target: Target | None = None


STALL_TARGET = Target(50, 100, "ms")
SAVE_TARGET = Target(30, 30, "ms")
ROWS = [
    Row("Cold start → first painted frame", ("pulang", "first_frame"),
        baseline=("minimal", "first_frame"), baseline_name="minimal Textual app",
        target=Target(1.3, 1.3, "×", relative=True)),
    Row("Cold start → first screen usable (all cases listed)", ("pulang", "usable"),
        baseline=("naive", "usable"), baseline_name="naive TinyDB + DataTable app",
        target=Target(1500, 7000, "ms")),
    Row("Cold start → data loaded (worker thread)", ("pulang", "loaded")),
    Row("Filter keystroke → repainted list (median key)", ("pulang", "filter"),
        baseline=("naive", "filter"), baseline_name="naive app, DataTable rebuilt",
        target=Target(50, 100, "ms")),
    Row("Filter keystroke → repainted list (slowest key)", ("pulang", "filter_worst"),
        baseline=("naive", "filter_worst"), baseline_name="naive app, slowest key"),
    Row("Open the 20-worker case (app's case_opened)", ("pulang", "case_opened")),
    Row("Enter → 20-worker case painted", ("pulang", "case_opened_key")),
    Row("e → case form painted (its title read from the terminal)", ("pulang", "form_case")),
    Row("l → new log entry form painted (likewise)", ("pulang", "form_log")),
    Row("Durable save, edited case (save_done)", ("pulang", "save_case"),
        baseline=("tinydb", "insert"), baseline_name="TinyDB default JSONStorage insert",
        target=SAVE_TARGET),
    Row("Durable save, new log entry (save_done)", ("pulang", "save_log"),
        baseline=("tinydb", "insert"), baseline_name="TinyDB default JSONStorage insert",
        target=SAVE_TARGET),
    Row("Ctrl+S → case saved", ("pulang", "save_case_key")),
    Row("Ctrl+S → log entry saved", ("pulang", "save_log_key")),
    Row("1 → Today painted (from the case)", ("pulang", "today_key")),
    Row("Today's lists worked out and drawn (app's today_shown)", ("pulang", "today")),
    Row("Longest stall while loading", ("pulang", "stall_loading")),
    Row("Longest stall, case-save phase", ("pulang", "stall_case"), target=STALL_TARGET),
    Row("Longest stall, log-entry-save phase", ("pulang", "stall_log"), target=STALL_TARGET),
    Row("Peak memory (VmHWM)", ("pulang", "memory"), unit="MB",
        baseline=("naive", "memory"), baseline_name="naive app", target=Target(400, 2048, "MB")),
    Row("Ctrl+Q → exit", ("pulang", "exit"),
        baseline=("naive", "exit"), baseline_name="naive app"),
    Row("`pulang check` wall time", ("check", "check")),
]
BASELINE_ROWS = [
    ("Minimal Textual app: first frame", ("minimal", "first_frame"), "ms"),
    ("Naive app: first frame (it loads before painting)", ("naive", "first_frame"), "ms"),
    ("Naive app: usable", ("naive", "usable"), "ms"),
    ("Naive app: filter keystroke (median / slowest)", ("naive", "filter"), "ms"),
    ("Naive app: peak memory", ("naive", "memory"), "MB"),
    ("TinyDB default JSONStorage: insert one log entry", ("tinydb", "insert"), "ms"),
    ("TinyDB default JSONStorage: one search of workers by full_name", ("tinydb", "search"), "ms"),
]


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "×":
        return f"{value:.2f}×" if value >= 0.1 else f"{value:.2g}×"
    if value >= 1000:
        return f"{value / 1000:,.2f} s"
    if value >= 100:
        return f"{value:.0f} ms"
    return f"{value:.1f} ms"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def size_table(result: SizeResult) -> list[str]:
    lines = [
        f"### {result.cases:,} cases ({result.file_mb:,.0f} MB file, "
        f"{plural(len(result.runs.get('pulang', [])), 'run')}, medians)",
        "",
        "| Measurement | Pulang | Baseline | Ratio | Target | Met |",
        "|---|---:|---|---:|---|---|",
    ]
    for row in ROWS:
        value = result.median(*row.key)
        base = result.median(*row.baseline) if row.baseline else None
        ratio = value / base if value is not None and base else None
        baseline_text = "–"
        if base is not None:
            baseline_text = f"{format_value(base, row.unit)} ({row.baseline_name})"
        target_text = met = "–"
        if row.target is not None and value is not None:
            target_text = row.target.describe(result.cases)
            checked = ratio if row.target.relative else value
            if checked is not None:
                met = "met" if checked <= row.target.limit(result.cases) else "**missed**"
        lines.append(f"| {row.label} | {format_value(value, row.unit)} | {baseline_text} | "
                     f"{format_value(ratio, '×')} | {target_text} | {met} |")
    lines += ["", "Baselines alone:", ""]
    for label, key, unit in BASELINE_ROWS:
        value = format_value(result.median(*key), unit)
        if key == ("naive", "filter"):
            value += " / " + format_value(result.median("naive", "filter_worst"), unit)
        lines.append(f"- {label}: {value}")
    return lines


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, IndexError, ValueError):
        pass
    python = subprocess.run([PYTHON, "-c", "import sys, textual; print(sys.version.split()[0], "
                             "textual.__version__)"], capture_output=True, text=True).stdout.split()
    return (f"nproc {len(os.sched_getaffinity(0))} ({cpu}){memory}; Linux {platform.release()}; "
            f"Python {python[0] if python else '?'}, "
            f"Textual {python[1] if len(python) > 1 else '?'}")


def code_state() -> str:
    """The commit measured, and whether the working tree had changes on top of it."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.rstrip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = [line[3:] for line in git("status", "--porcelain", "--", "store", "tui").splitlines()]
    if not changed:
        return f"commit {commit}, store/ and tui/ unchanged"
    return f"commit {commit} plus uncommitted changes in {', '.join(sorted(changed))}"


def report(results: list[SizeResult], command: str, seconds: float, code: str,
           code_after: str) -> str:
    lines = [
        "# Pulang benchmark results",
        "",
        f"- Command: `{command}`",
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine()}",
        f"- Code: {code}" + ("" if code_after == code else f"; when it ended: {code_after}"),
        f"- Terminal: pseudo-terminal {COLUMNS}×{LINES}, TERM=xterm-256color; whole run took "
        f"{seconds / 60:.1f} min",
        f"- Data: `tests/perf/generate.py`, seed {SEED}; filter keys: \"{FILTER_TERM}\"; "
        "see the docstring of `tests/perf/bench.py` for what each figure means.",
        "",
        "Ratios are Pulang ÷ baseline (below 1 is faster or smaller than the baseline). A save's "
        "stall phase runs from the moment the save starts to the repaint after it.",
        "",
    ]
    for result in results:
        lines += size_table(result) + [""]
    if PROBLEMS:
        lines += ["## Problems seen during the run", ""] + [f"- {p}" for p in PROBLEMS] + [""]
    return "\n".join(lines)


# -- command line ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000",
                        help="case counts, comma-separated (default 1000,10000,50000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; medians reported")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pulang-perf"),
                        help="where generated databases are kept between runs")
    parser.add_argument("--out", type=Path, default=None,
                        help="the Markdown report (default tests/perf/results.md)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 1000 cases, 1 repeat (report to results-quick.md)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat = "1000", 1
    out = args.out or HERE / ("results-quick.md" if args.quick else "results.md")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    command = "python -m tests.perf.bench" + "".join(
        " " + shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))

    started = time.monotonic()
    code = code_state()  # as it was when the run started (others may be editing meanwhile)
    results = []
    try:
        for cases in sizes:
            print(f"{cases} cases:", flush=True)
            results.append(bench_size(cases, args.repeat, args.cache, SEED))
    except BenchError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    text = report(results, command, time.monotonic() - started, code, code_state())
    out.write_text(text + "\n", encoding="utf-8")
    print()
    print(text)
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
