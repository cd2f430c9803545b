"""TinyDB with its default `JSONStorage`, used the plain way, on a copy of a Pulang database.

    python -m tests.perf.tinydb_baseline COPY.json "Full Name"

Prints one JSON line: {"search_ms": ..., "insert_ms": ..., "found": ...}
- search_ms: one `table("workers").search(Query().full_name == name)` on a freshly opened
  TinyDB (TinyDB re-reads and re-parses the whole file for it);
- insert_ms: one `table("log").insert(entry)` (TinyDB reads the whole file, then rewrites all of
  it with json.dumps, flushes and fsyncs the file). THE FILE IS CHANGED: pass a copy.
Runs in its own process, so parsing hundreds of MB does not weigh on the benchmark's process.
"""

from __future__ import annotations

import json
import sys
import time
import uuid

from tinydb import Query, TinyDB


def log_entry(case_id: str) -> dict[str, object]:
    """One new log entry, shaped like the ones Pulang writes."""
    now = "2026-11-01T09:30:00+00:00"
    return {
        "id": uuid.uuid4().hex, "created_at": now, "updated_at": now, "changed_by": "bench",
        "version": 1, "case_id": case_id, "worker_ids": [], "at": now, "recorded_by": "Rina",
        "kind": "call", "counterpart_org": "KBRI Phnom Penh", "counterpart_person": "Consul",
        "summary": "Called the embassy about the travel documents.", "next_step": "",
        "due_date": None, "next_step_done": False,
    }


def measure(path: str, full_name: str) -> dict[str, float | int]:
    with TinyDB(path, encoding="utf-8") as db:
        started = time.monotonic()
        found = db.table("workers").search(Query().full_name == full_name)
        search_ms = (time.monotonic() - started) * 1000
    case_id = found[0]["case_id"] if found else "0" * 32
    with TinyDB(path, encoding="utf-8") as db:
        started = time.monotonic()
        db.table("log").insert(log_entry(case_id))
        insert_ms = (time.monotonic() - started) * 1000
    return {"search_ms": round(search_ms, 2), "insert_ms": round(insert_ms, 2),
            "found": len(found)}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m tests.perf.tinydb_baseline COPY.json 'Full Name'")
    print(json.dumps(measure(sys.argv[1], sys.argv[2])))
