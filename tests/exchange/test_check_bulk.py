"""`pulang check` in bulk (issue 36): the records validated a chunk at a time, shared with a
child process, say exactly what one record at a time says, in the same order; a child that
dies leaves its work to the parent; progress is heard for every kind of record, on a terminal
only, never on stdout."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store.db import Database
from store.exchange import check_records, check_split
from store.exchange.check import check
from tests.conftest import Run
from tests.exchange.damaged import damage_demo


@pytest.fixture
def damaged(demo_file: Path) -> Iterator[tuple[Database, list[str]]]:
    said = damage_demo(demo_file)
    db = Database.open(demo_file)
    yield db, said
    db.close()


def _lines(db: Database) -> list[tuple[str, bool]]:
    return [(str(problem), problem.warning) for problem in check(db)]


def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """No child, and chunks so large that a table is one: the records as one pass sees them."""
    monkeypatch.setattr(check_split, "MIN_CHUNKS", sys.maxsize)
    monkeypatch.setattr(check_records, "CHUNK", sys.maxsize)


def _shared(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Chunks of three records, shared with a child even here; how many children ran."""
    ran = multiprocessing.get_context("fork").Value("i", 0)
    child = check_split._child

    def counted(*args: Any) -> None:
        with ran.get_lock():
            ran.value += 1
        child(*args)

    monkeypatch.setattr(check_records, "CHUNK", 3)
    monkeypatch.setattr(check_split, "MIN_CHUNKS", 1)
    monkeypatch.setattr(check_split, "_cores", lambda: 2)
    monkeypatch.setattr(check_split, "_may_fork", lambda: True)  # whatever pytest runs
    monkeypatch.setattr(check_split, "_child", counted)
    return ran


def test_chunks_and_a_child_say_what_one_pass_says(damaged: tuple[Database, list[str]],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db, said = damaged
    with monkeypatch.context() as patch:
        _alone(patch)
        alone = _lines(db)
    for part in said:
        assert any(part in line for line, _warning in alone), (part, alone)
    with monkeypatch.context() as patch:
        patch.setattr(check_records, "CHUNK", 1)  # every record its own chunk, no child
        patch.setattr(check_split, "MIN_CHUNKS", sys.maxsize)
        assert _lines(db) == alone
    with monkeypatch.context() as patch:
        ran = _shared(patch)
        assert _lines(db) == alone
        assert ran.value == 1


def test_a_child_that_dies_leaves_its_work_to_the_parent(
        damaged: tuple[Database, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    db, _said = damaged
    with monkeypatch.context() as patch:
        _alone(patch)
        alone = _lines(db)
    with monkeypatch.context() as patch:
        _shared(patch)

        def dies(count: int, one: Any, also: Any, counter: Any, sent: Any) -> None:
            check_split._take(counter, count)  # takes a chunk and sends nothing
            os._exit(3)

        patch.setattr(check_split, "_child", dies)
        assert _lines(db) == alone


def test_progress_is_heard_for_every_kind_up_to_its_total(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_records, "CHUNK", 4)
    heard: list[tuple[str, int, int]] = []
    assert check(demo_db, lambda kind, done, total: heard.append((kind, done, total))) == []
    totals = {kind: total for kind, _done, total in heard}
    raw = demo_db.raw_records()
    assert sum(totals.values()) == sum(len(table) for table in raw.values())
    assert totals["worker"] == len(raw["workers"]) > 4
    for kind, total in totals.items():
        dones = [done for k, done, _total in heard if k == kind]
        assert dones == sorted(dones) and dones[-1] == total


def test_check_shows_progress_on_a_terminal_only_and_never_on_stdout(
        cli: Run, demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.cli import files

    monkeypatch.setattr(files._Progress, "DELAY", 0.0)
    done = cli("check", "--db", demo_file)
    assert done.returncode == 0
    assert "Checking" not in done.stdout + done.stderr  # stderr is no terminal here

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    done = cli("check", "--db", demo_file)
    assert done.returncode == 0
    assert "Checking records: worker, 20 of 20" in done.stderr
    assert done.stderr.endswith("\r")  # the line is wiped before anything else is said
    assert "Checking" not in done.stdout
    assert done.stdout.strip().endswith("sound, no problems found.")


def test_a_process_running_other_threads_checks_alone(
        damaged: tuple[Database, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    db, _said = damaged
    may_fork = check_split._may_fork
    ran = _shared(monkeypatch)
    monkeypatch.setattr(check_split, "_may_fork", may_fork)  # the real one, this time
    waiting = threading.Event()
    other = threading.Thread(target=waiting.wait)
    other.start()
    try:
        assert check_split._may_fork() is False
        assert _lines(db)
    finally:
        waiting.set()
        other.join()
    assert ran.value == 0
