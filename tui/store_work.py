"""The one way the interface runs store work off the event loop: `run_store(node, job, done,
failed)` runs `job()` in a thread worker of `node` (a screen, a dialog or the app), then, back on
the event loop, `done(result)`, or `failed(error)` when the store refused with a PulangError.

The saves go through the app's `run_store` (tui/app.py), which adds to this what a save has: the
group the quit waits for, the perf mark `save_done`, and the warnings after it. Reads (Today, the
dashboard, the search, the check for other officers' changes) call this directly, in a group of
their own, often exclusive: a newer one cancels the one before, whose result is then dropped.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from store import PulangError

T = TypeVar("T")


def run_store(
    node: DOMNode,
    job: Callable[[], T],
    done: Callable[[T], Any],
    failed: Callable[[PulangError], Any] | None = None,
    *,
    group: str,
    exclusive: bool = False,
) -> Worker[None]:
    """Run `job` in a thread worker of `node` (cancelled with it, and by a newer one of an
    exclusive group); then `done(result)` or `failed(error)` on the event loop, each awaited if
    it is a coroutine, unless the worker was cancelled meanwhile. The worker ends once they
    have run: waiting for it waits for them. An error other than a PulangError is the worker's
    (the app shows it and ends, as for any bug)."""
    app = node.app

    async def deliver(worker: Worker[None], callback: Callable[[Any], Any], value: Any) -> None:
        if worker.is_cancelled:
            return  # as `await asyncio.to_thread(...)` in a cancelled worker: nothing after it
        outcome = callback(value)
        if inspect.isawaitable(outcome):
            await outcome

    def work() -> None:
        worker = get_current_worker()
        try:
            result = job()
        except PulangError as error:
            if failed is not None and not worker.is_cancelled:
                app.call_from_thread(deliver, worker, failed, error)
            return
        if not worker.is_cancelled:
            app.call_from_thread(deliver, worker, done, result)

    return node.run_worker(work, group=group, exclusive=exclusive, thread=True)
