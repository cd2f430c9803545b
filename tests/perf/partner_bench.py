"""A partner's sync in a large database: what sharing a few cases costs where there are many.

    python -m tests.perf.partner_bench                  # 10,000 cases, 20 shared, 3 repeats
    python -m tests.perf.partner_bench --cases 1000 --shared 5 --repeats 1 --out /tmp/p.md

From the project root, with the project's venv, after `npm ci --ignore-scripts --prefix
tests/hub`; pytest never collects it. The encrypted database of `tests.perf.sync_bench` (the
generated one of `tests.perf.generate`, cached under --cache); each repeat works on a copy,
with `--shared` cases shared with a new trade union (under an override: the generated data has
no agreement covering data sharing), synced to a new database on the test hub. Medians.

1. The first partner sync: every record of the shared cases sent.
2. A partner sync with nothing new: what every later sync costs when nothing changed.
3. Baseline, in the same run: opening the copy and listing its cases (`Database.open`,
   `case_rows()`), what the app's loading thread does. A partner's domain is read from the
   cases, so its cost grows with the database's size as opening does; the ratio says by how
   much more.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.perf.bench import ROOT, code_state, machine
from tests.perf.sync_bench import PASSPHRASE, SITE, cheap_keys, encrypted_template, fresh_copy


def one_repeat(template: Path, work: Path, hub: Any, shared: int) -> dict[str, float]:
    from store.db import Database
    from store.domain.records import Organisation, build
    from store.domain.vocab import OrgKind
    from store.sync import sync_partner

    path = fresh_copy(template, work)
    started = time.monotonic()
    db = Database.open(path, passphrase=PASSPHRASE)
    db.case_rows()
    opened = time.monotonic() - started
    partner = db.save_organisation(build(Organisation, {"name": "Partner union (bench)",
                                                        "kind": OrgKind.TRADE_UNION}))
    cases = sorted(db.cases(), key=lambda c: c.id)[:shared]
    for case in cases:
        db.share_case(case.id, partner.id)
    url = hub.new_database()
    started = time.monotonic()
    first = sync_partner(db, partner.id, url, user=SITE[0], password=SITE[1],
                         override="benchmark", site_name="A")
    first_s = time.monotonic() - started
    started = time.monotonic()
    again = sync_partner(db, partner.id, user=SITE[0], password=SITE[1])
    again_s = time.monotonic() - started
    db.close()
    assert again.report.sent == 0
    return {"open_s": opened, "first_s": first_s, "again_s": again_s,
            "sent": first.report.sent, "records": len(db.replica_tables())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--shared", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pulang-sync-bench"))
    parser.add_argument("--out", type=Path, default=ROOT / "tests/perf/results-partner.md")
    args = parser.parse_args(argv)
    from tests.sync.conftest import running_hub

    command = "python -m tests.perf.partner_bench" + "".join(
        " " + shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    code = code_state()
    cheap_keys()
    template = encrypted_template(args.cache, args.cases)
    runs = []
    with tempfile.TemporaryDirectory(prefix="pulang-partner-bench-") as scratch:
        work = Path(scratch)
        (work / "hub").mkdir()
        with running_hub(work / "hub") as hub:
            for n in range(args.repeats):
                runs.append(one_repeat(template, work / f"copy{n}", hub, args.shared))
                print(runs[-1], flush=True)

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    opened, first, again = median("open_s"), median("first_s"), median("again_s")
    text = "\n".join([
        "# A partner's sync in a large database",
        "",
        f"- Command: `{command}`",
        f"- Machine: {machine()}",
        f"- Code: {code}",
        f"- Data: `tests/perf/generate.py`, {args.cases:,} cases ({runs[0]['records']:,} "
        f"records), {args.shared} shared with one partner; {args.repeats} repeats, medians",
        "",
        "| Measurement | Time | Baseline: open + list the cases | Ratio |",
        "|---|---:|---:|---:|",
        f"| 1. First partner sync ({int(runs[0]['sent'])} documents sent) | {first:.2f} s | "
        f"{opened:.2f} s | {first / opened:.2f}× |",
        f"| 2. Partner sync, nothing new | {again:.2f} s | {opened:.2f} s | "
        f"{again / opened:.2f}× |",
        "",
        "Every run (s): " + "; ".join(
            f"open {r['open_s']:.2f}, first {r['first_s']:.2f}, again {r['again_s']:.2f}"
            for r in runs),
    ])
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"\n{text}\n\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
