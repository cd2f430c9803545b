"""`pulang check`'s work shared with a second process (`store.exchange.check_records` calls
`run_chunks`): on a machine of two cores or more, and with enough records to be worth a
process, a child forked from this one validates chunks beside it.

Both take the next chunk from one shared counter, so neither waits for the other; the child
begins with `also` (the audit trail's chain) and sends back what it found of each chunk (the
facts of the valid records and the problems of the others: ids and messages, nothing
personal) through a pipe, in memory. The child reads the records the parent already holds
(forked: no second read of the file, no second copy until it touches them). Should the child
fail or die, the parent does what is left itself: the result is the same either way. A
process running other threads (the app's) is not forked: it checks alone.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable
from typing import Any

MIN_CHUNKS = 4  # fewer than this: not worth a process (forking costs some milliseconds)
_FAILED = "failed"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _may_fork() -> bool:
    """Only a process of one thread is forked: a lock another thread held at that moment (the
    database's, a backup's) would stay held in the child for ever (the app's threads, say)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def run_chunks(count: int, one: Callable[[int], Any], heard: Callable[[int], None],
               also: Callable[[], Any] | None = None) -> tuple[list[Any], Any]:
    """`one(n)` for every n below `count`, in a second process too when worth it; `heard(n)`
    as each one is done (in this process). Returns the results in order, and `also()`'s."""
    if count < MIN_CHUNKS or _cores() < 2 or not _may_fork():
        results = []
        for number in range(count):
            results.append(one(number))
            heard(number)
        return results, also() if also is not None else None
    context = multiprocessing.get_context("fork")
    counter = context.Value("q", 0)
    sent: multiprocessing.Queue[tuple[int, Any]] = context.Queue()
    child = context.Process(target=_child, args=(count, one, also, counter, sent),
                            name="pulang-check", daemon=True)
    child.start()
    results: dict[int, Any] = {}
    also_said: list[Any] = []

    def receive(block: bool) -> bool:
        try:
            number, result = sent.get(block, 0.5)
        except queue.Empty:
            return False
        if number < 0:
            if result != _FAILED:
                also_said.append(result)
        elif result != _FAILED:
            results[number] = result
            heard(number)
        return True

    try:
        while (number := _take(counter, count)) is not None:
            results[number] = one(number)
            heard(number)
            while receive(block=False):
                pass
        # The rest is the child's: wait for it, unless it stopped before sending everything.
        while len(results) < count or (also is not None and not also_said):
            if not receive(block=True) and not child.is_alive():
                while receive(block=False):
                    pass
                break
        child.join(5)
    finally:  # an error here (or Ctrl+C): the child's work is not wanted any more
        if child.is_alive():
            child.terminate()
            child.join()
    for number in range(count):  # what the child could not do (or send), done here
        if number not in results:
            results[number] = one(number)
            heard(number)
    if also is not None and not also_said:
        also_said.append(also())
    return [results[n] for n in range(count)], also_said[0] if also is not None else None


def _take(counter: Any, count: int) -> int | None:
    with counter.get_lock():
        number = counter.value
        if number >= count:
            return None
        counter.value = number + 1
    return number


def _child(count: int, one: Callable[[int], Any], also: Callable[[], Any] | None,
           counter: Any, sent: multiprocessing.Queue[tuple[int, Any]]) -> None:
    # Ctrl+C is the parent's to hear (it ends this process); whatever fails here, the parent
    # does again and says: nothing is printed from this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if also is not None:
        try:
            said = also()
        except Exception:  # noqa: BLE001
            said = _FAILED
        sent.put((-1, said))
    while (number := _take(counter, count)) is not None:
        try:
            result = one(number)
        except Exception:  # noqa: BLE001
            result = _FAILED
        sent.put((number, result))
    sent.close()
    sent.join_thread()
