"""What encryption and the audit trail cost the store, beside the plain store, in one run.

    python -m tests.perf.bench_store [--cases 10000] [--repeat 5] [--saves 40]

On one generated database (tests/perf/generate.py), copied twice, one copy plain and one
encrypted, it times, as medians over `--repeat` runs:

- deriving the key from the passphrase (Argon2id, once per session);
- opening the database (read, decrypt, index) once the key is there;
- a durable save of a new log entry (journal line sealed, audit entry sealed, two fsyncs);
- a durable save of an edited case;
- closing with a compaction (the whole snapshot rewritten, sealed).

The plain copy is the baseline; ratios are encrypted ÷ plain. Nothing here is a test: it prints
a Markdown table to paste into tests/perf/results.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from store.db.database import Database, unlock
from store.domain.records import Case, LogEntry, build
from store.engine.crypto import Sealer

PASSPHRASE = "benchmark passphrase, not a secret"


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(path: Path, passphrase: str | None, repeat: int, saves: int) -> dict[str, float]:
    results: dict[str, list[float]] = {"key": [], "open": [], "log": [], "case": [], "close": []}
    for _ in range(repeat):
        sealer: list[Sealer | None] = [None]
        if passphrase is not None:
            results["key"].append(timed(lambda: sealer.__setitem__(0, unlock(path, passphrase))))
        box: list[Database] = []
        results["open"].append(timed(lambda: box.append(Database.open(path, sealer=sealer[0]))))
        db = box[0]
        case = next(iter(db.cases()))
        for n in range(saves):
            entry = build(LogEntry, {"case_id": case.id, "summary": f"Benchmark call {n}"})
            results["log"].append(timed(lambda: db.save_log_entry(entry)))
            fresh = db.get(Case, case.id)
            edited = fresh.model_copy(update={"title": f"{fresh.title[:40]} {n}"})
            results["case"].append(timed(lambda: db.save_case(edited)))
        results["close"].append(timed(db.compact))
        db.close()
    return {name: median_ms(values) for name, values in results.items() if values}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--saves", type=int, default=40)
    args = parser.parse_args(argv)

    from tests.perf.generate import generate_tables, snapshot_bytes

    folder = Path(tempfile.mkdtemp(prefix="pulang-bench-store-"))
    try:
        source = folder / "generated.json"
        source.write_bytes(snapshot_bytes(generate_tables(args.cases)))
        source.chmod(0o600)
        plain, sealed = folder / "plain.json", folder / "sealed.json"
        for copy in (plain, sealed):
            shutil.copyfile(source, copy)
            copy.chmod(0o600)
            Database.open(copy).close()  # our own layout, as a real database would be
        with Database.open(sealed) as db:
            db.encrypt(PASSPHRASE)
        size = sealed.stat().st_size
        plain_figures = measure(plain, None, args.repeat, args.saves)
        sealed_figures = measure(sealed, PASSPHRASE, args.repeat, args.saves)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"### The store, plain and encrypted: {args.cases:,} cases "
          f"({size / 1e6:.0f} MB encrypted), {args.repeat} runs, medians\n")
    print("| Measurement | Plain (baseline) | Encrypted | Ratio |")
    print("|---|---:|---:|---:|")
    labels = {
        "key": "Key from the passphrase (Argon2id, once per session)",
        "open": "Open: read, decrypt, index",
        "log": f"Durable save, new log entry (median of {args.saves} × runs)",
        "case": f"Durable save, edited case (median of {args.saves} × runs)",
        "close": "Compaction (whole snapshot rewritten)",
    }
    for name, label in labels.items():
        base = plain_figures.get(name)
        value = sealed_figures.get(name)
        base_text = "–" if base is None else f"{base:.1f} ms"
        ratio = "–" if base is None or value is None else f"{value / base:.2f}×"
        print(f"| {label} | {base_text} | {value:.1f} ms | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
