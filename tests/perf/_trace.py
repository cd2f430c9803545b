"""The benchmark's own apps write trace lines exactly as `tui.perf` does (kept separate so the
minimal app imports nothing of Pulang): one JSON line per moment, with time.monotonic()."""

from __future__ import annotations

import json
import os
import time
from typing import Any

_path = os.environ.get("PULANG_PERF_TRACE") or None


def mark(event: str, **numbers: Any) -> None:
    if _path is None:
        return
    # cpu: the process's CPU time so far (every thread): on a busy machine it varies less than
    # the wall time between the spawn and `t` (tests/perf/first_frame.py reports both).
    line = json.dumps({"event": event, "t": time.monotonic(), "cpu": time.process_time(),
                       **numbers})
    with open(_path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
