"""The walk measured: which of Pulang's modules a record goes through, from Enter on a case in
the cases list to the record's bytes, and from the app's start to the bytes on disk.

    python -m tests.perf.walk [--all]

It writes the demo database into a temporary folder (never a user's: home and data folders
point there too), opens the app on it at 80x24 (App.run_test), goes to the cases list and
presses Enter on the first case, watching every call of the interpreter with `sys.setprofile`
and `threading.setprofile` (the data loads in a worker thread).

A call stack ends where Textual's asynchronous hops begin (a message posted, a screen pushed,
a task or a worker thread started), so the walk is stitched across them: each message
remembers the project's stack that posted it, each task and worker thread the stack that
started it, and a stack seen later is the chain of those before its own frames. The walk of a
read is that chain cut to the project's modules (tui.* and store.*), in order, a module once
for frames in a row. Reading the record means parsing its bytes held in memory (orjson in
store.engine) or reading a file (a file object's read in store.*); the deepest walk of each
kind is printed, "N modules" not counting the translation module (store.common.i18n), the
record models (store.domain.records.*) and the widgets (tui.widgets.*), and any module met
twice on it is named. `--all` prints every distinct walk seen.

The data is loaded while Today paints, before the cases list is shown: by the time Enter is
pressed each record is in memory as its bytes. So two walks are measured: Enter -> the bytes
in memory, and the load: the app -> the bytes on disk. The issue's target is at most 6
modules, none twice. Nothing here is a test (tests/perf is left out of the run).
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import orjson

PROJECT = ("tui", "store")
NOT_COUNTED = ("store.common.i18n", "store.domain.records", "tui.widgets")
TARGET = 6
FILE_READS = frozenset({"read", "readinto", "readall", "read1", "readline", "readlines"})

# A step of a walk: a project module and the functions of it run there, in order.
Step = tuple[str, str]
# The chain of steps that led to what runs now: set for each message handled (from the stack
# that posted it), and for each task and worker thread (from the stack that made it).
CHAIN: contextvars.ContextVar[tuple[Step, ...]] = contextvars.ContextVar("walk_chain",
                                                                        default=())


def is_project(module: str) -> bool:
    return module.split(".", 1)[0] in PROJECT


def counted(module: str) -> bool:
    return not any(module == name or module.startswith(name + ".") for name in NOT_COUNTED)


def stack_steps(frame: FrameType | None) -> tuple[Step, ...]:
    """The project's frames on the stack ending at `frame`, outermost first."""
    found = []
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if is_project(module):
            found.append((module, frame.f_code.co_name))
        frame = frame.f_back
    return tuple(reversed(found))


def collapse(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """A step a module for frames of it in a row, naming each of their functions once."""
    merged: list[Step] = []
    for module, functions in steps:
        if merged and merged[-1][0] == module:
            known = merged[-1][1].split(", ")
            more = [f for f in functions.split(", ") if f not in known]
            merged[-1] = (module, ", ".join(known + more))
        else:
            merged.append((module, functions))
    return tuple(merged)


def walk_here(frame: FrameType | None) -> tuple[Step, ...]:
    return collapse(CHAIN.get() + stack_steps(frame))


def modules(walk: tuple[Step, ...]) -> tuple[str, ...]:
    return tuple(module for module, _functions in walk)


class Recorder:
    """The walks that reach a record's bytes, by kind ("memory" or "disk"), while `on`."""

    def __init__(self) -> None:
        self.on = False
        # by kind, the walks seen (a walk once, by its modules), each with what read there
        self.walks: dict[str, dict[tuple[str, ...], tuple[tuple[Step, ...], str]]] = {
            "memory": {}, "disk": {}}

    def profile(self, frame: FrameType, event: str, arg: Any) -> None:
        if not self.on or event != "c_call":
            return
        if arg is orjson.loads:
            kind, what = "memory", "orjson.loads"
        elif getattr(arg, "__name__", None) in FILE_READS and \
                isinstance(getattr(getattr(arg, "__self__", None), "name", None), str):
            name = Path(arg.__self__.name).name
            if name.endswith((".py", ".pyc")):
                return  # a module imported on first use, not the data
            kind, what = "disk", f"{arg.__name__} of {name}"
        else:
            return
        walk = walk_here(frame)
        innermost = walk[-1][0] if walk else ""
        if kind == "memory" and not innermost.startswith("store.engine"):
            return
        if kind == "disk" and not innermost.startswith("store."):
            return
        self.walks[kind].setdefault(modules(walk), (walk, what))

    def start(self) -> None:
        threading.setprofile(self.profile)
        sys.setprofile(self.profile)

    def stop(self) -> None:
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]


def stitch_textual(loop: asyncio.AbstractEventLoop) -> Callable[[], None]:
    """Carry CHAIN across Textual's hops: messages, tasks, worker threads. Returns the undo."""
    from textual.message_pump import MessagePump

    post, dispatch = MessagePump.post_message, MessagePump._dispatch_message

    def post_message(self: MessagePump, message: Any) -> bool:
        if not hasattr(message, "_walk_chain"):  # a message bubbling up keeps its first
            message._walk_chain = walk_here(sys._getframe(1))
        return post(self, message)

    async def dispatch_message(self: MessagePump, message: Any) -> None:
        token = CHAIN.set(getattr(message, "_walk_chain", CHAIN.get()))
        try:
            await dispatch(self, message)
        finally:
            CHAIN.reset(token)

    def task_factory(loop: asyncio.AbstractEventLoop, coro: Any,
                     context: contextvars.Context | None = None) -> asyncio.Task[Any]:
        context = context or contextvars.copy_context()
        context.run(CHAIN.set, walk_here(sys._getframe(1)))
        return asyncio.Task(coro, loop=loop, context=context)

    in_executor = loop.run_in_executor

    def run_in_executor(executor: Any, func: Callable[..., Any], *args: Any) -> Any:
        context = contextvars.copy_context()  # a worker thread starts from its task's chain
        return in_executor(executor, context.run, func, *args)

    MessagePump.post_message = post_message  # type: ignore[method-assign]
    MessagePump._dispatch_message = dispatch_message  # type: ignore[method-assign]
    loop.set_task_factory(task_factory)  # type: ignore[arg-type]
    loop.run_in_executor = run_in_executor  # type: ignore[method-assign]

    def undo() -> None:
        MessagePump.post_message = post  # type: ignore[method-assign]
        MessagePump._dispatch_message = dispatch  # type: ignore[method-assign]
        loop.set_task_factory(None)
        del loop.run_in_executor

    return undo


async def until(pilot: Any, condition: Callable[[], object], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("walk: the app did not get there")
        await pilot.pause(0.05)


async def measure(path: Path) -> tuple[Recorder, Recorder]:
    """(the load's recorder, Enter's recorder), on the database at `path`."""
    from tui.app import PulangApp
    from tui.screens.case import CaseScreen
    from tui.screens.cases import CasesScreen
    from tui.widgets.caselist import CaseList

    load, enter = Recorder(), Recorder()
    undo = stitch_textual(asyncio.get_running_loop())
    app = PulangApp(path)
    try:
        load.on = True
        load.start()
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: app.db is not None)
            load.on = False
            load.stop()
            await pilot.press("2")
            await until(pilot, lambda: isinstance(app.screen, CasesScreen)
                        and app.screen.query_one(CaseList).current is not None)
            screen = app.screen
            caselist = screen.query_one(CaseList)
            if screen.focused is not caselist:
                screen.set_focus(caselist)
            await pilot.press("g")  # the first case
            await pilot.pause()
            enter.on = True
            enter.start()
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, CaseScreen)
                        and app.screen.case is not None)
            enter.on = False
            enter.stop()
            await pilot.pause()
    finally:
        load.stop()
        undo()
    return load, enter


def describe(walk: tuple[Step, ...]) -> Iterator[str]:
    """The walk, a line a module with its functions; the modules not counted in parentheses;
    then the count and the verdict."""
    for n, (module, functions) in enumerate(walk):
        shown = module if counted(module) else f"({module})"
        yield f"    {'   ' if n == 0 else ' -> '}{shown}  [{functions}]"
    steps = [module for module in modules(walk) if counted(module)]
    twice = sorted({module for module in steps if steps.count(module) > 1})
    distinct = len(set(steps))
    met = distinct <= TARGET and not twice
    yield (f"    {distinct} modules ({len(steps)} steps), "
           f"{'on it twice: ' + ', '.join(twice) if twice else 'none twice'}: "
           f"{'meets' if met else 'misses'} the target (at most {TARGET}, none twice)")


def deepest(walks: dict[tuple[str, ...], tuple[tuple[Step, ...], str]]
            ) -> tuple[tuple[Step, ...], str] | None:
    """The walk with the most steps counted (the first seen of those as long)."""
    if not walks:
        return None
    longest = max(walks, key=lambda each: len([m for m in each if counted(m)]))
    return walks[longest]


def report(title: str, recorder: Recorder, kind: str, show_all: bool) -> None:
    print(f"\n{title}")
    found = deepest(recorder.walks[kind])
    if found is None:
        print("    none")
        return
    walk, what = found
    print(f"  the deepest ({what}):")
    for line in describe(walk):
        print(line)
    if show_all:
        print(f"  every walk of this kind ({len(recorder.walks[kind])}):")
        for each, (_walk, each_what) in recorder.walks[kind].items():
            print(f"    [{each_what}] " + " -> ".join(each))


def isolate(folder: Path) -> None:
    """Home and data folders in the temporary folder: nothing of the user's is read."""
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                 "XDG_STATE_HOME"):
        (folder / name.lower()).mkdir()
        os.environ[name] = str(folder / name.lower())
    for name in [each for each in os.environ if each.startswith("PULANG_")]:
        del os.environ[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.walk", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="print every distinct walk seen")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pulang-walk-") as folder:
        isolate(Path(folder))
        from store.exchange import write_demo

        path = Path(folder) / "demo.json"
        write_demo(path).close()
        load, enter = asyncio.run(measure(path))
    print("Enter on the first case in the cases list, until the record's bytes are read.")
    if not enter.walks["disk"]:
        print("The record is already in memory when Enter is pressed (the data loaded at\n"
              "start, each record kept as its bytes): no file is read.")
    report("Enter -> the record's bytes in memory:", enter, "memory", args.all)
    if enter.walks["disk"]:
        report("Enter -> a file read:", enter, "disk", args.all)
    report("The load: the app -> the bytes on disk:", load, "disk", args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
