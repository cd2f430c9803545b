"""The sync file's target (issue 30), measured in one run:

    python -m tests.perf.sync_file_bench                    # 10,000 cases, 3 repeats
    python -m tests.perf.sync_file_bench --cases 1000 --repeats 1 --out /tmp/f.md

From the project root, with the project's venv; pytest never collects it. The encrypted
database of `tests.perf.sync_bench` (cached under --cache) is copied for each repeat.

Target: a file of every record (`pulang sync --to-file FILE --all`) at most 1.2 × the size of
the gzip (Python's `gzip.compress`, level 9) of `pulang export --format json` of the same
database, plus 20 bytes for each revision id the file carries (each revision's own and its
ancestors': 128 random bits each, which no compression shortens). Also shown: the time to
write the file, and to take it at a new site that has the union's key and no records; the
results are appended to --out (default tests/perf/results-sync.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.perf.bench import PYTHON, ROOT, code_state, machine
from tests.perf.sync_bench import PASSPHRASE, cheap_keys, encrypted_template, fresh_copy

PER_REVISION_ID = 20  # bytes
RATIO = 1.2


def exported_json(db_path: Path, out: Path) -> int:
    """Bytes of `pulang export --format json` of the database, run as the command."""
    env = {**os.environ, "PULANG_PASSPHRASE": PASSPHRASE}
    done = subprocess.run([str(Path(PYTHON).parent / "pulang"), "export", "--db", str(db_path),
                           "--format", "json", "--out", str(out), "--plaintext", "--yes"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"pulang export failed: {done.stderr[-2000:]}")
    return out.stat().st_size


def one_run(template: Path, work: Path, n: int) -> dict[str, float]:
    from store.db import Database
    from store.sync import export_key, from_file, import_key, to_file

    folder = work / f"run{n}"
    copy = fresh_copy(template, folder / "a")
    exported = folder / "export.json"
    json_bytes = exported_json(copy, exported)
    gzip_bytes = len(gzip.compress(exported.read_bytes()))
    exported.unlink()
    cheap_keys()
    with Database.open(copy, passphrase=PASSPHRASE) as a:
        started = time.monotonic()
        written = to_file(a, folder / "all.pulang", everything=True, site_name="A")
        write_ms = (time.monotonic() - started) * 1000
        key = export_key(a, "key file passphrase")
    (folder / "b").mkdir()
    with Database.open(folder / "b" / "pulang.json", create=True, passphrase=PASSPHRASE) as b:
        import_key(b, key, "key file passphrase")
        started = time.monotonic()
        taken = from_file(b, folder / "all.pulang")
        take_ms = (time.monotonic() - started) * 1000
        if taken.received != written.records or taken.problems:
            raise RuntimeError(f"the file did not arrive whole: {taken}")
    shutil.rmtree(folder)
    figures = {"file_bytes": written.size, "json_bytes": json_bytes, "gzip_bytes": gzip_bytes,
               "records": written.records, "revisions": written.revisions,
               "revision_ids": written.revision_ids, "write_ms": write_ms, "take_ms": take_ms}
    print(f"  run {n + 1}:", figures, flush=True)
    return figures


def report(cases: int, runs: list[dict[str, float]], command: str, minutes: float,
           code: str) -> str:
    m = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    allowed = RATIO * m["gzip_bytes"] + PER_REVISION_ID * m["revision_ids"]
    met = m["file_bytes"] <= allowed
    mb = 1e6
    return "\n".join([
        "", "## The sync file (issue 30): a file of every record", "",
        f"- Command: `{command}`",
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine()}",
        f"- Code: {code}; the whole run took {minutes:.1f} min; load average at its end: "
        + ", ".join(f"{a:.2f}" for a in os.getloadavg()),
        f"- Data: `tests/perf/generate.py`, {cases:,} cases ({m['records']:,.0f} records), "
        f"encrypted; {len(runs)} repeats, medians; what each figure is: the docstring of "
        "`tests/perf/sync_file_bench.py`.", "",
        "| Measurement | Pulang | Baseline | Target | Met |",
        "|---|---:|---|---|---|",
        f"| `pulang sync --to-file --all`, bytes | {m['file_bytes'] / mb:,.2f} MB | gzip -9 of "
        f"`pulang export --format json`: {m['gzip_bytes'] / mb:,.2f} MB (the json "
        f"{m['json_bytes'] / mb:,.1f} MB); {m['revision_ids']:,.0f} revision ids × "
        f"{PER_REVISION_ID} B = {m['revision_ids'] * PER_REVISION_ID / mb:,.2f} MB | ≤ "
        f"{RATIO} × gzip + 20 B × revision ids = {allowed / mb:,.2f} MB "
        f"(the file is {m['file_bytes'] / m['gzip_bytes']:.2f} × the gzip) | "
        f"{'met' if met else '**missed**'} |",
        "", f"- {m['revisions']:,.0f} revisions carried, {m['revision_ids']:,.0f} revision ids "
        f"(with their ancestors); writing the file took {m['write_ms'] / 1000:,.1f} s, taking "
        f"it at a new site {m['take_ms'] / 1000:,.1f} s",
        "- Every run: " + "; ".join(f"{key} " + ", ".join(f"{r[key]:.0f}" for r in runs)
                                    for key in runs[0])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pulang-sync-bench"),
                        help="where generated databases are kept between runs")
    parser.add_argument("--out", type=Path, default=ROOT / "tests/perf/results-sync.md")
    args = parser.parse_args(argv)
    command = "python -m tests.perf.sync_file_bench" + "".join(
        " " + shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    started = time.monotonic()
    code = code_state()
    template = encrypted_template(args.cache, args.cases)
    with tempfile.TemporaryDirectory(prefix="pulang-sync-file-bench-") as scratch:
        runs = [one_run(template, Path(scratch), n) for n in range(args.repeats)]
    text = report(args.cases, runs, command, (time.monotonic() - started) / 60, code)
    with args.out.open("a", encoding="utf-8") as out:
        out.write(text + "\n")
    print(f"{text}\n\nappended to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
