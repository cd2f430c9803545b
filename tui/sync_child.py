"""The app's sync, run in a process of its own (tui/syncing.py starts it): `python -m
tui.sync_child`, the database's key and what to sync with given on standard input (one JSON
line: never in the arguments or the environment, which other users can list), progress and
the outcome written as JSON lines on standard output.

In a process of its own, the sync (sealing, orjson and zlib of 120,000 records) never holds
the app's interpreter: the app's frames come as often as without it (tests/perf/
app_sync_bench.py, tests/perf/results-sync.md). The app sees the database changed by another
process, as it does for other officers. The app quitting meanwhile does not stop it: it
finishes by itself, and nothing is lost.

    in:  {"db": path, "key": base64, "kdf": {...}, "hub": url | null, "user": ..,
          "password": .., "credentials": path | null}
         or, with a partner organisation (its own domain: store.sync.partnering), the same
         and {"partner": org id, "override": reason | null}
         or, with no link, {"db", "key", "kdf", "to_file": path, "all": bool} or
         {"db", "key", "kdf", "from_file": path}
    out: {"progress": ["sent" | "received", done, of]} ...
         then {"report": {...}} or {"error": {"kind": .., "message": ..}}
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from typing import Any

NICE = 19
EVERY = 0.5  # seconds between progress lines
# After each packet, a pause as long as PACE times the packet took: the sync takes the
# processor half the time at most (1.0), and the app's frames keep their pace on a laptop of two
# cores (measured: the 99th-percentile gap 1.40x that without a sync at 0, 1.26x at 0.5, 1.18x
# at 1.0; the first sync of 10,000 cases 40 s, 55 s, 75 s: tests/perf/results-sync.md). A sync
# of the day's few changes is a packet or two: a fraction of a second more. PULANG_SYNC_PACE=0
# syncs at full speed.
PACE = float(os.environ.get("PULANG_SYNC_PACE", "1.0"))


def behind_the_app() -> None:
    """Behind the app for the processor: on a laptop of two cores, the app's frames and the
    officer's keys come first, and the sync takes the processor when they leave it idle
    (SCHED_IDLE on Linux; elsewhere the lowest priority). Measured: at nice 10 the app's
    99th-percentile frame gap was still 1.5x that without a sync (tests/perf/results-sync.md);
    the sync waits on the hub most of the time anyway."""
    # PULANG_SYNC_IDLE=0: the lowest priority only, never idle-only (the tests, on a machine
    # whose cores their workers keep busy, where an idle-only process would wait for ever).
    if os.environ.get("PULANG_SYNC_IDLE", "1") != "0":
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            return
        except (AttributeError, OSError):
            pass
    os.nice(NICE)


def _say(line: dict[str, Any]) -> None:
    """A line to the app; nothing when it has gone (the sync goes on without it)."""
    try:
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


class Progress:
    """How far the sync has got, told twice a second at most: each line wakes a thread of the
    app, which then takes the interpreter from its frames for a moment (measured). Told after
    each packet, it paces the sync too (PACE)."""

    def __init__(self) -> None:
        self.told = 0.0
        self.last = time.monotonic()

    def __call__(self, what: str, done: int, of: int) -> None:
        now = time.monotonic()
        if now - self.told >= EVERY or done == of:
            self.told = now
            _say({"progress": [what, done, of]})
        if PACE:
            time.sleep((now - self.last) * PACE)
        self.last = time.monotonic()


def error_line(error: BaseException) -> dict[str, Any]:
    from store import PulangError

    if isinstance(error, PulangError):
        return {"error": {"kind": getattr(error, "kind", type(error).__name__),
                          "message": str(error)}}
    # A bug: its kind only (its message might quote a record).
    return {"error": {"kind": "crash", "message": type(error).__name__}}


def partner_report(done: Any) -> dict[str, Any]:
    """A PartnerReport as one JSON object: the sync's counts, and what the officer hears."""
    return {**done.report.__dict__, "org": done.org, "shared_cases": done.shared_cases,
            "agreement": done.agreement, "override": done.override, "notes": list(done.notes)}


def main() -> int:
    behind_the_app()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the app's terminal is the app's
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    from store.db import Database
    from store.sync import from_file, sync, sync_partner, taken, to_file

    sealer, asked = taken(sys.stdin.buffer.readline())
    sys.stdin.close()
    try:
        db = Database.open(asked["db"], sealer=sealer)
        try:
            db.backup()
            if asked.get("to_file"):  # no link: a file for another site (store.sync.carrying)
                made = to_file(db, asked["to_file"], everything=bool(asked.get("all")))
                report: Any = {**made.__dict__, "sent": made.revisions, "received": 0}
            elif asked.get("from_file"):
                report = from_file(db, asked["from_file"]).__dict__
            elif asked.get("partner"):
                report = partner_report(sync_partner(
                    db, asked["partner"], asked.get("hub"), user=asked.get("user"),
                    password=asked.get("password"), credentials=asked.get("credentials"),
                    override=asked.get("override"), progress=Progress()))
            else:
                report = sync(db, asked.get("hub"), user=asked.get("user"),
                              password=asked.get("password"),
                              credentials=asked.get("credentials"),
                              progress=Progress()).__dict__
        finally:
            db.close()
    except Exception as error:  # noqa: BLE001 - every failure is told to the app, in words
        _say(error_line(error))
        return 1
    finally:
        sealer.wipe()
    _say({"report": report})
    return 0


if __name__ == "__main__":
    sys.exit(main())
