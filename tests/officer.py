"""An officer in another process, for tests/ui/test_concurrency.py: run with sys.executable.

    python tests/officer.py DB BARRIER NAME COMMAND [ARGS...]

It opens the database, does what it must before the race (reads the record it will edit), then
creates BARRIER/ready-NAME and waits for BARRIER/go, so that every officer of a test writes at
the same moment. It prints one JSON line: what it saved, or the conflict it was shown.

Commands:
    edit-worker ID FIELD VALUE   read the worker, then save it with FIELD changed
    edit-case ID FIELD VALUE     read the case, then save it with FIELD changed
    remove-worker ID             read the worker, then remove it (the version it read)
    log CASE_ID N                add N log entries to the case, one save each
    cases N                      record N new cases in Cambodia, reported 12/12/2025
    keep-mine-worker ID FIELD VALUE
                                 like edit-worker; on a conflict, save over theirs
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import orjson

from store.common.errors import Conflict
from store.db.database import Database
from store.domain.records import Case, LogEntry, Worker, build, changed

BARRIER_TIMEOUT = 60.0


def wait_for_go(barrier: Path, name: str) -> None:
    (barrier / f"ready-{name}").touch()
    deadline = time.monotonic() + BARRIER_TIMEOUT
    while not (barrier / "go").exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{name}: no go within {BARRIER_TIMEOUT} s")
        time.sleep(0.002)


def conflict_json(conflict: Conflict) -> dict[str, Any]:
    return {
        "kind": conflict.kind,
        "record_id": conflict.record_id,
        "by": conflict.by,
        "at": conflict.at.isoformat() if conflict.at else None,
        "theirs": None if conflict.theirs is None else conflict.theirs.model_dump(mode="json"),
        "message": str(conflict),
    }


def main(argv: list[str]) -> dict[str, Any]:
    path, barrier, name, command, *args = argv
    barrier_path = Path(barrier)
    with Database.open(path) as db:
        if command in ("edit-worker", "edit-case", "keep-mine-worker"):
            record_id, field, value = args
            kind: type[Worker] | type[Case] = Case if command == "edit-case" else Worker
            record = db.get(kind, record_id)
            wait_for_go(barrier_path, name)
            try:
                saved = db.save(changed(record, **{field: value}))
            except Conflict as conflict:
                result = {"conflict": conflict_json(conflict)}
                if command == "keep-mine-worker":
                    result["kept"] = db.keep_mine(conflict).model_dump(mode="json")
                return result
            return {"saved": saved.model_dump(mode="json")}
        if command == "remove-worker":
            (worker_id,) = args
            worker = db.get(Worker, worker_id)
            wait_for_go(barrier_path, name)
            try:
                db.remove_worker(worker.id, worker.version)
            except Conflict as conflict:
                return {"conflict": conflict_json(conflict)}
            return {"removed": worker.id}
        if command == "log":
            case_id, count = args[0], int(args[1])
            wait_for_go(barrier_path, name)
            ids = [
                db.save_log_entry(build(LogEntry, {
                    "case_id": case_id, "summary": f"{name} call {n}", "recorded_by": name,
                })).id
                for n in range(count)
            ]
            return {"saved": ids}
        if command == "cases":
            count = int(args[0])
            wait_for_go(barrier_path, name)
            refs = [
                db.save_case(build(Case, {
                    "title": f"{name} case {n}", "destination_country": "KH",
                    "date_reported": "12/12/2025",
                })).ref
                for n in range(count)
            ]
            return {"saved": refs}
    raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    sys.stdout.buffer.write(orjson.dumps(main(sys.argv[1:])) + b"\n")
