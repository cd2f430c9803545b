"""The Markdown report of tests/perf/bench_fifty.py: issue 36's table, one per database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tests.perf.bench import COLUMNS, LINES, format_value, machine, plural

if TYPE_CHECKING:
    from tests.perf.bench_fifty import Result


@dataclass(frozen=True)
class Row:
    label: str
    key: str
    baseline: str
    baseline_name: str
    at_10k: float | None = None  # the limit on the ratio, at 10k and at 50k cases
    at_50k: float | None = None
    unit: str = "ms"
    extra: str = ""  # said after the target ("with progress")


JSON_LOAD = "one json.load, in-process"
JSON_PROCESS = "a process doing one json.load, wall"
LOAD_RSS = "a process doing one json.load (ru_maxrss)"
MINIMAL = "minimal.first_frame"
ROWS = [
    Row("First frame (app's `first_frame` mark)", "app.first_frame", MINIMAL,
        "minimal Textual app's mark", 1.3, 1.3),
    Row("First frame (first screen text read from the terminal)", "app.first_text",
        "minimal.first_text", "minimal Textual app's text", 1.3, 1.3),
    Row("Today usable (`today_shown`: its counts on screen)", "app.today", MINIMAL,
        "minimal Textual app's first frame", 2.5, 4),
    Row("`pulang check` (every record + the audit chain), wall", "check.check",
        "baseline.load_audit_wall",
        "a process doing one json.load + one read of the audit trail, wall", 2, 2),
    Row("Migration 12 → 13 (Database.open of a schema-12 copy), in-process", "open.migrate",
        "baseline.load_ms", JSON_LOAD, 3, 3, extra=", with progress"),
    Row("Database.open of the schema-13 copy (no migration), in-process", "open.open",
        "baseline.load_ms", JSON_LOAD),
    Row("`pulang export --format json`, wall", "exports.export_json", "baseline.load_wall",
        JSON_PROCESS, 1.5, 1.5),
    Row("`pulang export --format csv`, wall", "exports.export_csv", "baseline.load_wall",
        JSON_PROCESS, 2.5, 2.5),
    Row("`pulang export --format htcds`, wall", "exports.export_htcds", "baseline.load_wall",
        JSON_PROCESS, 1.5, 1.5),
    Row("Dashboard figures, first computation after open, in-process", "figures.figures",
        "baseline.load_ms", JSON_LOAD, 0.15, 0.15),
    Row("Dashboard figures, second computation, in-process", "figures.figures_again",
        "baseline.load_ms", JSON_LOAD),
    Row("Peak memory of the app (VmHWM over its whole run, to its exit)", "app.memory",
        "baseline.load_rss", LOAD_RSS, 0.6, 0.6, unit="MB"),
    Row("Peak memory of the app 1 s after Today was shown (VmHWM)", "app.memory_today",
        "baseline.load_rss", LOAD_RSS, unit="MB"),
    Row("Peak memory of `pulang check` (ru_maxrss)", "check.check_rss", "baseline.load_rss",
        LOAD_RSS, 0.6, 0.6, unit="MB"),
]
BASELINES = [  # (label, ((figure, unit), ...))
    ("Minimal Textual app: first frame (mark / screen text)",
     (("minimal.first_frame", "ms"), ("minimal.first_text", "ms"))),
    ("One json.load of the file, in-process", (("baseline.load_ms", "ms"),)),
    ("A process doing one json.load, wall / its peak RSS",
     (("baseline.load_wall", "ms"), ("baseline.load_rss", "MB"))),
    ("A process doing one json.load + one read of the audit trail, wall",
     (("baseline.load_audit_wall", "ms"),)),
    ("The audit trail's read alone, in-process", (("baseline.audit_ms", "ms"),)),
]
OTHERS = [
    ("App: `loaded` mark (every record read and indexed)", "app.loaded", "ms"),
    ("App: Today's own `today_shown` ms (from asking the store to the counts drawn)",
     "app.today_own", "ms"),
    ("App: Ctrl+Q → exit (after Today was shown)", "app.quit", "ms"),
    ("Migration: the process's wall time (spawn → exit)", "open.migrate_wall", "ms"),
]


def table(result: Result) -> list[str]:
    cases = result.cases
    lines = [
        f"### {cases:,} cases ({result.file_mb:,.0f} MB file `{result.database}`, "
        f"{plural(len(result.runs.get('app', [])), 'run')}, medians)",
        "",
        "| Measurement | Pulang | Baseline | Ratio | Target | Met |",
        "|---|---:|---|---:|---|---|",
    ]
    for row in ROWS:
        value, base = result.median(row.key), result.median(row.baseline)
        ratio = value / base if value is not None and base else None
        limit = row.at_10k if cases <= 10000 else row.at_50k
        target = met = "–"
        if limit is not None:
            target = f"≤ {limit:g} × baseline{row.extra}"
            if ratio is not None:
                met = "met" if ratio <= limit else "**missed**"
        lines.append(f"| {row.label} | {format_value(value, row.unit)} | "
                     f"{format_value(base, row.unit)} ({row.baseline_name}) | "
                     f"{format_value(ratio, '×')} | {target} | {met} |")
    lines += ["", "Baselines alone:", ""]
    for label, figures in BASELINES:
        lines.append(f"- {label}: " + " / ".join(
            format_value(result.median(key), unit) for key, unit in figures))
    lines += ["", "Beside them:", ""]
    for label, key, unit in OTHERS:
        lines.append(f"- {label}: {format_value(result.median(key), unit)}")
    calls, till = result.median("open.progress_calls"), result.median("open.progress_till")
    if calls is not None and till is not None:
        lines.append(f"- Migration's progress: heard {calls:.0f} times (median), the last "
                     f"{till:.0%} of the way into the opening (100%: till its end)")
    audit = result.median("baseline.audit_lines")
    lines.append(f"- Audit trail read by the baseline: {audit or 0:,.0f} lines")
    return lines


def report(results: list[Result], command: str, seconds: float, code: str, code_after: str,
           notes: list[str], load: str = "") -> str:
    lines = [
        "# Pulang benchmark results: issue 36, fast at fifty thousand",
        "",
        f"- Command: `{command}`",
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine()}",
        f"- Code: {code}" + ("" if code_after == code else f"; when it ended: {code_after}"),
        f"- Terminal: pseudo-terminal {COLUMNS}×{LINES}, TERM=xterm-256color; whole run took "
        f"{seconds / 60:.1f} min" + (f"; load average (1 min) {load}" if load else ""),
        "- What each row measures: the docstring of `tests/perf/bench_fifty.py`. Every step ran "
        "on a fresh copy of the database.",
        "",
        "Ratios are Pulang ÷ baseline, medians of each, baselines measured in the same run "
        "(below 1 is faster or smaller than the baseline). \"Wall\" is a fresh process from "
        "spawn to exit; \"in-process\" times the step alone inside a fresh process.",
        "",
    ]
    for result in results:
        lines += table(result) + [""]
    if notes:
        said = dict.fromkeys(notes)  # once each, though every run may see it
        lines += ["## Seen during the run", ""] + [f"- {note}" for note in said] + [""]
    return "\n".join(lines)
