"""Moments the benchmark reads: set PULANG_PERF_TRACE=FILE and the app appends one JSON line per
moment (event name, time.monotonic(), the process's CPU time, and a few numbers). Nothing
personal is ever written."""

from __future__ import annotations

import json
import os
import time
from typing import Any

_path = os.environ.get("PULANG_PERF_TRACE") or None


def enabled() -> bool:
    return _path is not None


def mark(event: str, **numbers: Any) -> None:
    if _path is None:
        return
    # cpu: the process's CPU time so far (every thread): on a busy machine it varies less than
    # the wall time between the spawn and `t` (tests/perf/first_frame.py reports both).
    line = json.dumps({"event": event, "t": time.monotonic(), "cpu": time.process_time(),
                       **numbers})
    with open(_path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")


class StallWatch:
    """How late a 10 ms timer fires: the longest delay is the event loop's longest stall."""

    INTERVAL = 0.01

    def __init__(self) -> None:
        self.longest = 0.0
        self._expected = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self._expected = time.monotonic() + self.INTERVAL

    def tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._expected)
        self._expected = now + self.INTERVAL

    def report(self, phase: str) -> None:
        mark("stall", phase=phase, ms=round(self.longest * 1000, 2))
        self.start()
