"""Sync's three targets, measured in one run against the test hub (pouchdb-server on loopback).

    python -m tests.perf.sync_bench                 # 10,000 cases, 3 repeats (about 25 min)
    python -m tests.perf.sync_bench --cases 1000 --repeats 1 --profile /tmp/prof --out /tmp/s.md

From the project root, with the project's venv, after `npm ci --ignore-scripts --prefix
tests/hub`; pytest never collects it. The database of `tests.perf.generate` (cached under
--cache, as bench.py does) is encrypted once with cheap Argon2 parameters (opening is all they
make cheaper, in every process alike); each run works on a copy. Medians over --repeats.

1. First sync to an empty hub database: `sync()` of an opened copy, in a fresh process. Baseline:
   the same sealed documents (read back from the hub, with the `_revisions` the sync sent)
   POSTed to another empty database as plain `_bulk_docs` (`new_edits: false`), packets of 500,
   httpx, one connection, orjson inside the timed loop. Target: ≤ 2.5 ×.
2. One edited field (a case's title) from site A through the hub to site B: A's `sync()`, then
   B's; A and B hold the same cases under one domain key and synced once before. Requests of
   both (`Report.requests`): ≤ 8. Time: ≤ 5 × 8 `GET /<database>` (httpx, same credentials, a
   new client, as a sync makes one).
3. Peak memory (VmHWM) of the process of (1), against a fresh process opening the same
   database as the app's loading thread does (`Database.open`, `case_rows()`): ≤ 1.5 ×. Also
   shown: a process that goes on to what the app prepares next (search indexes, network, the
   sync's conflicts, from what the sync left), on the synced copy. Not ru_maxrss: Linux keeps in
   it the peak of the parent the child was forked from (which holds 120,000 sealed documents).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

from tests.perf.bench import PYTHON, ROOT, SEED, code_state, generated_database, machine

PASSPHRASE = "sync benchmark passphrase"
CHEAP_KDF = {"name": "argon2id", "memory_kib": 8, "iterations": 1, "lanes": 1}
BATCH = 500
PROFILE_LINES = 15
SITE = ("site", "site-passphrase-1")  # tests.sync.conftest.SITE (importing it imports pytest)


def cheap_keys() -> None:
    from store.engine import crypto

    crypto.DEFAULT_KDF.update(CHEAP_KDF)


def call(function: Any, *args: Any, **kwargs: Any) -> Any:
    return function(*args, **kwargs)


def encrypted_template(cache: Path, cases: int) -> Path:
    """The generated database for `cases`, encrypted, made once beside the plain one."""
    from store.db import Database

    plain = generated_database(cache, cases, SEED)
    folder = plain.parent.with_name(plain.parent.name + "-encrypted")
    if not (folder / plain.name).exists():
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        cheap_keys()
        with Database.open(fresh_copy(plain, partial)) as db:
            db.encrypt(PASSPHRASE)
        os.replace(partial, folder)
    return folder / plain.name


def fresh_copy(database: Path, folder: Path) -> Path:
    """The database's files (not its lock) copied into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in database.parent.iterdir():
        if source.name.startswith(database.name) and not source.name.endswith(".lock"):
            shutil.copy(source, folder / source.name)
    return folder / database.name


def child(kind: str, db_path: Path, hub_url: str | None, profile: Path | None) -> int:
    """One measured process, its figures printed as one JSON line: `sync` (the first sync of
    the database to `hub_url`), `open` (the app's loading thread: open, list the cases) or
    `app` (that, then what the app prepares after it: search indexes, network, conflicts)."""
    from store.db import Database

    started = time.monotonic()
    db = Database.open(db_path, passphrase=PASSPHRASE)
    figures: dict[str, Any] = {"open_ms": (time.monotonic() - started) * 1000}
    if kind in ("open", "app"):
        db.case_rows()
    if kind == "app":
        from store.domain import prepare_reading
        from store.sync import conflicts

        db.prepare_network()
        db.prepare_finding()
        prepare_reading()
        conflicts(db)
    if kind == "sync":
        from store.sync import sync

        profiler = cProfile.Profile()
        started = time.monotonic()
        report = (profiler.runcall if profile else call)(
            sync, db, hub_url, user=SITE[0], password=SITE[1], site_name="A")
        if profile:
            profiler.dump_stats(profile)
        figures.update(sync_ms=(time.monotonic() - started) * 1000, sent=report.sent,
                       requests=report.requests)
    db.close()
    status = Path("/proc/self/status").read_text()
    figures["peak_mb"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(json.dumps(figures), flush=True)
    return 0


def run_child(kind: str, db_path: Path, hub_url: str | None = None,
              profile: Path | None = None) -> dict[str, Any]:
    argv = [PYTHON, "-m", "tests.perf.sync_bench", "--child", kind, "--db", str(db_path),
            *(["--hub", hub_url] if hub_url else []),
            *(["--profile-file", str(profile)] if profile else [])]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} process failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def client(url: str) -> httpx.Client:
    return httpx.Client(base_url=url, auth=SITE, trust_env=False,
                        timeout=httpx.Timeout(120.0, connect=10.0))


def sealed_docs(url: str) -> list[dict[str, Any]]:
    """Every document of a hub database as the first sync sent it (first revisions: their
    `_revisions` name only themselves)."""
    docs: list[dict[str, Any]] = []
    params: dict[str, Any] = {"include_docs": "true", "limit": 5000}
    with client(url) as http:
        while True:
            rows = http.get("/_all_docs", params=params).raise_for_status().json()["rows"]
            if not rows:
                return docs
            for row in rows:
                doc = row["doc"]
                start, digest = doc["_rev"].split("-", 1)
                doc["_revisions"] = {"start": int(start), "ids": [digest]}
                docs.append(doc)
            params.update(startkey=json.dumps(rows[-1]["id"]), skip=1)


def post_all(url: str, docs: list[dict[str, Any]]) -> float:
    """The baseline of target 1: ms to POST `docs` as they are, in packets of 500."""
    with client(url) as http:
        started = time.monotonic()
        for start in range(0, len(docs), BATCH):
            body = orjson.dumps({"docs": docs[start:start + BATCH], "new_edits": False})
            http.post("/_bulk_docs", content=body,
                      headers={"Content-Type": "application/json"}).raise_for_status()
        return (time.monotonic() - started) * 1000


def empty_gets(url: str, count: int = 8) -> float:
    """The baseline of target 2: ms for `count` GETs of the database, on a new client."""
    started = time.monotonic()
    with client(url) as http:
        for _ in range(count):
            http.get("").raise_for_status()
    return (time.monotonic() - started) * 1000


def drop(hub: Any, url: str) -> None:
    with hub.admin() as admin:
        admin.delete("/" + url.rsplit("/", 1)[1]).raise_for_status()


def note(figures: dict[str, list[Any]], what: str, **values: Any) -> None:
    for key, value in values.items():
        figures.setdefault(key, []).append(value)
    print(f"  {what}:", {k: round(v, 1) for k, v in values.items()}, flush=True)


def first_sync(hub: Any, template: Path, work: Path, repeats: int,
               profile: Path | None) -> tuple[dict[str, list[Any]], Path, str]:
    """Targets 1 and 3; returns the figures and the last synced copy with its hub database."""
    figures: dict[str, list[Any]] = {}
    docs: list[dict[str, Any]] = []
    kept: tuple[Path, str] | None = None
    for n in range(repeats):
        if kept is not None:
            shutil.rmtree(kept[0].parent)
            drop(hub, kept[1])
        url = hub.new_database()
        copy = fresh_copy(template, work / f"first{n}")
        done = run_child("sync", copy, url)
        kept = (copy, url)
        if not docs:
            docs = sealed_docs(url)
            if len(docs) != done["sent"]:
                raise RuntimeError(f"the hub has {len(docs)} documents, {done['sent']} sent")
        plain = hub.new_database()
        post_ms = post_all(plain, docs)
        drop(hub, plain)
        opened = run_child("open", fresh_copy(template, work / f"open{n}"))
        shutil.rmtree(work / f"open{n}")
        app = run_child("app", copy)  # reads only: the copy stays as the sync left it
        note(figures, f"first sync {n + 1}/{repeats}", sync_ms=done["sync_ms"], post_ms=post_ms,
             sync_mb=done["peak_mb"], open_mb=opened["peak_mb"], app_mb=app["peak_mb"],
             requests=done["requests"], sent=done["sent"], open_ms=opened["open_ms"])
    if profile is not None:
        url = hub.new_database()
        run_child("sync", fresh_copy(template, work / "profiled"), url, profile / "first.prof")
        drop(hub, url)
    assert kept is not None
    return figures, kept[0], kept[1]


def edited_field(hub: Any, template: Path, a_path: Path, url: str, work: Path, repeats: int,
                 profile: Path | None) -> dict[str, list[Any]]:
    """Target 2: A (synced) edits one field, A syncs, B (synced once) syncs and has it."""
    from store.db import Database
    from store.sync import export_key, import_key, sync

    cheap_keys()  # for the key file
    user, password = SITE
    a = Database.open(a_path, passphrase=PASSPHRASE)
    b = Database.open(fresh_copy(template, work / "siteB"), passphrase=PASSPHRASE)
    import_key(b, export_key(a, "key file passphrase"), "key file passphrase")
    figures: dict[str, list[Any]] = {}
    started = time.monotonic()
    first_b = sync(b, url, user=user, password=password, site_name="B")
    note(figures, "B's first sync", b_first_ms=(time.monotonic() - started) * 1000,
         b_first_requests=first_b.requests, b_first_sent=first_b.sent)
    ref = a.cases()[0].ref
    for n in range(repeats + (profile is not None)):
        title = f"Edited for the sync benchmark, run {n + 1}"
        case = a.case_by_ref(ref)
        assert case is not None
        a.save_case(case.model_copy(update={"title": title}))
        profiler, run = cProfile.Profile(), call
        if n == repeats:  # the extra run, profiled
            run = profiler.runcall
        started = time.monotonic()
        ra = run(sync, a, user=user, password=password)
        middle = time.monotonic()
        rb = run(sync, b, user=user, password=password)
        ended = time.monotonic()
        if n == repeats:
            assert profile is not None
            profiler.dump_stats(profile / "edit.prof")
            break
        got = b.case_by_ref(ref)
        if got is None or got.title != title or ra.sent != 1 or rb.received != 1:
            raise RuntimeError(f"the edit did not arrive: A sent {ra.sent}, B received "
                               f"{rb.received}, B's title {got and got.title!r}")
        gets = empty_gets(url)
        note(figures, f"edit {n + 1}/{repeats}", total_ms=(ended - started) * 1000,
             a_ms=(middle - started) * 1000, b_ms=(ended - middle) * 1000,
             requests=ra.requests + rb.requests, a_requests=ra.requests,
             b_requests=rb.requests, gets_ms=gets, root_gets_ms=empty_gets(hub.server + "/"))
    a.close()
    b.close()
    return figures


def seconds(ms: float) -> str:
    return f"{ms / 1000:,.2f} s" if ms >= 1000 else f"{ms:.1f} ms"


def row(label: str, value: str, base: str, ratio: float | None, target: str, met: bool) -> str:
    shown = "–" if ratio is None else f"{ratio:.2f}×"
    return f"| {label} | {value} | {base} | {shown} | {target} | {'met' if met else '**missed**'} |"


def profile_lines(path: Path) -> list[str]:
    """Where a profile's time went: the functions with the most time of their own, then the
    store's functions with the most time including what they call."""
    stats = pstats.Stats(str(path), stream=io.StringIO())
    total = stats.total_tt  # type: ignore[attr-defined]
    items = stats.stats.items()  # type: ignore[attr-defined]
    lines = [f"{total:.1f} s in all (under cProfile, which slows Python code).", "",
             "| Function | Own time | Share | With what it calls | Share |",
             "|---|---:|---:|---:|---:|"]
    own = sorted(items, key=lambda kv: kv[1][2], reverse=True)[:PROFILE_LINES]
    ours = sorted(((k, v) for k, v in items if "/store/" in k[0]), key=lambda kv: kv[1][3],
                  reverse=True)[:PROFILE_LINES]
    for title, chosen in (("own time", own), ("the store's, with what they call", ours)):
        lines.append(f"| *by {title}* | | | | |")
        for (filename, line, name), (_cc, _nc, tt, ct, _callers) in chosen:
            where = filename.replace(str(ROOT) + "/", "").rsplit("site-packages/", 1)[-1]
            lines.append(f"| `{name}` ({where}:{line}) | {tt:.1f} s | {tt / total:.0%} | "
                         f"{ct:.1f} s | {ct / total:.0%} |")
    return lines


def report(cases: int, first: dict[str, list[Any]], edit: dict[str, list[Any]], command: str,
           minutes: float, code: str, profile: Path | None) -> str:
    m = {key: statistics.median(v) for key, v in first.items()} | {
        "e_" + key: statistics.median(v) for key, v in edit.items()}
    sync_ms, post_ms, total, gets = m["sync_ms"], m["post_ms"], m["e_total_ms"], m["e_gets_ms"]
    sync_mb, open_mb, app_mb = m["sync_mb"], m["open_mb"], m["app_mb"]
    lines = [
        "# Sync benchmark results", "",
        f"- Command: `{command}`",
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine()}",
        f"- Code: {code}; the whole run took {minutes:.1f} min; load average at its end (1, 5, "
        "15 min): " + ", ".join(f"{a:.2f}" for a in os.getloadavg()),
        "- Hub: pouchdb-server (tests/hub) on 127.0.0.1, started by "
        "`tests.sync.conftest.running_hub`, basic auth as the sites' user",
        f"- Data: `tests/perf/generate.py`, seed {SEED}, {cases:,} cases ({m['sent']:,.0f} "
        "records), encrypted (cheap Argon2 parameters: they only make opening cheaper)",
        f"- {len(first['sync_ms'])} repeats, medians; what each figure is: the docstring of "
        "`tests/perf/sync_bench.py`.", "",
        "| Measurement | Pulang | Baseline | Ratio | Target | Met |",
        "|---|---:|---|---:|---|---|",
        row(f"1. First sync of {cases:,} cases to an empty hub", seconds(sync_ms),
            f"{seconds(post_ms)} (plain `_bulk_docs`, packets of {BATCH})", sync_ms / post_ms,
            "≤ 2.5×", sync_ms / post_ms <= 2.5),
        row("2. One edited field A → hub → B: requests (A's + B's)",
            f"{m['e_requests']:.0f}", "–", None, "≤ 8", m["e_requests"] <= 8),
        row("2. One edited field A → hub → B: time (A's sync + B's)", seconds(total),
            f"{seconds(gets)} (8 × GET /<database>)", total / gets, "≤ 5×", total / gets <= 5),
        row("3. Peak memory (VmHWM) of the first sync", f"{sync_mb:,.0f} MB",
            f"{open_mb:,.0f} MB (open + case_rows, as the app's loading thread)",
            sync_mb / open_mb, "≤ 1.5×", sync_mb / open_mb <= 1.5),
        "", "Other figures (medians):", "",
        f"- First sync: {m['requests']:.0f} requests, {m['sent']:,.0f} documents sent; "
        f"opening the database {seconds(m['open_ms'])}",
        f"- Edited field: A's sync {seconds(m['e_a_ms'])} ({m['e_a_requests']:.0f} requests), "
        f"B's {seconds(m['e_b_ms'])} ({m['e_b_requests']:.0f} requests); 8 × GET / of the "
        f"server {seconds(m['e_root_gets_ms'])}",
        f"- B's first sync (the same {cases:,} cases, A's key, nothing to send): "
        f"{seconds(edit['b_first_ms'][0])}, {edit['b_first_requests'][0]} requests",
        f"- The app's whole loading of the synced copy, up to `store.sync.conflicts()`: peak "
        f"{app_mb:,.0f} MB, {app_mb / open_mb:.2f}× its loading thread's",
        "", "Every run (ms or MB): " + "; ".join(
            f"{key} {', '.join(f'{v:.0f}' for v in values)}" for key, values in [
                *first.items(), *edit.items()] if key.endswith(("_ms", "_mb")))]
    if profile is not None:
        for name, title in (("first.prof", "the first sync"),
                            ("edit.prof", "the edited field (A's sync + B's)")):
            lines += ["", f"## Where the time goes: {title}", "", *profile_lines(profile / name)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pulang-sync-bench"),
                        help="where generated databases are kept between runs")
    parser.add_argument("--out", type=Path, default=ROOT / "tests/perf/results-sync.md")
    parser.add_argument("--profile", type=Path, default=None,
                        help="also profile a first sync and an edit's sync (cProfile) here")
    parser.add_argument("--child", choices=["sync", "open", "app"], help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--hub", help=argparse.SUPPRESS)
    parser.add_argument("--profile-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.db, args.hub, args.profile_file)
    from tests.sync.conftest import SITE as HUB_SITE
    from tests.sync.conftest import running_hub

    assert HUB_SITE == SITE, "tests.sync.conftest.SITE changed: change SITE here too"
    command = "python -m tests.perf.sync_bench" + "".join(
        " " + shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    started = time.monotonic()
    code = code_state()
    template = encrypted_template(args.cache, args.cases)
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pulang-sync-bench-") as scratch:
        work = Path(scratch)
        (work / "hub").mkdir()
        with running_hub(work / "hub") as hub:
            print(f"{args.cases} cases, {args.repeats} repeats, hub {hub.server}", flush=True)
            first, a_path, url = first_sync(hub, template, work, args.repeats, args.profile)
            edit = edited_field(hub, template, a_path, url, work, args.repeats, args.profile)
    text = report(args.cases, first, edit, command, (time.monotonic() - started) / 60, code,
                  args.profile)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"\n{text}\n\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
