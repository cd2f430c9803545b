"""Running something that, broken, would never end (reading /dev/zero): in a thread given a
time limit, under a memory cap, so that a regression fails the test instead of hanging it or
filling the machine's memory."""

from __future__ import annotations

import resource
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
HEADROOM = 1 << 30  # 1 GiB more address space than the process holds when it starts


def within(seconds: float, work: Callable[[], T]) -> T:
    """`work()`'s result; the test fails if it runs longer than `seconds`. While it runs, the
    process may not grow by more than HEADROOM (a read that never ends gets MemoryError); if
    it is still running when the time is up, the cap is left in place so that it ends."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            outcome["error"] = error

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    pages = int(Path("/proc/self/statm").read_text().split()[0])
    cap = pages * resource.getpagesize() + HEADROOM
    for limit in (soft, hard):
        if limit != resource.RLIM_INFINITY:
            cap = min(cap, limit)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise AssertionError(f"still running after {seconds} s (the cap stays until it ends)")
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
