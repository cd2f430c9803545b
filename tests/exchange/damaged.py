"""The demo's file damaged in many ways at once, as another tool (or a hand) could leave it:
for the tests of `pulang check` that compare what it finds, however it is run."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson


def _first(data: dict[str, Any], table: str, n: int = 0) -> dict[str, Any]:
    return sorted(data[table].values(), key=lambda d: d["id"])[n]


def damage_demo(path: Path) -> list[str]:
    """Damage the demo database at `path` in place; what `pulang check` must say of it
    (a part of each line)."""
    data: dict[str, Any] = orjson.loads(path.read_bytes())
    cases = sorted(data["cases"].values(), key=lambda d: d["id"])
    cases[0]["date_reported"] = "32/13/2025"  # no such date
    cases[1]["ref"] = cases[2]["ref"]  # one reference, two cases
    worker = _first(data, "workers")
    worker["full_name"] = "Sri\x1bSukarni"  # a control character, in a personal field
    _first(data, "workers", 1)["case_id"] = "0" * 32  # a case that does not exist
    _first(data, "workers", 2)["version"] = -1
    _first(data, "log")["colour"] = "red"  # not a field of a log entry
    entry = _first(data, "log", 1)
    entry["worker_ids"] = [*entry["worker_ids"], "1" * 32]  # a worker not of its case
    # Of a case left sound: a second road home for the same worker, and one of no template.
    plans = [p for p in sorted(data["plans"].values(), key=lambda d: d["id"])
             if p["case_id"] != cases[0]["id"]]
    twin = copy.deepcopy(plans[0])
    twin["id"] = "2" * 32
    data["plans"]["twin"] = twin
    plans[1]["template"] = "XX"
    _first(data, "organisations")["parent_id"] = "3" * 32
    _first(data, "meetings")["case_ids"] = ["4" * 32]
    _first(data, "tasks")["owner_id"] = "5" * 32
    _first(data, "registry_links")["place_id"] = "6" * 32
    _first(data, "identifiers")["actor_id"] = "7" * 32
    _first(data, "inquiries")["worker_id"] = "8" * 32
    _first(data, "money")["amount"] = 1500.5  # a float, as a script might write it
    _first(data, "legal")["org_id"] = "9" * 32
    checkin = _first(data, "checkins")
    asked = next(iter(checkin["answers"]))  # an answer the question does not offer, too
    checkin["answers"] = {**checkin["answers"], asked: "not_offered", "no_such_question": "yes"}
    _first(data, "checkins", 1)["worker_id"] = "a" * 32
    path.write_bytes(orjson.dumps(data))
    return ["Date reported: ", "the reference is used by 2 cases", "Full name: is not valid",
            "belongs to a case that does not exist", "Version: is too small",
            "colour: is not a field of this record", "names a worker who is not in its case",
            "the worker has 2 of these; one is kept per worker",
            "Template: no such template: XX", "names a record that does not exist",
            "Amount: is not an amount as Pulang keeps it", "warning: answers no_such_question",
            "is about a worker who is not in its case"]
