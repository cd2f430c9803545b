"""What the sites of tests/sync/killing.py change between two syncs, and what the databases
must hold once every site synced again: the changes made, each once, merged field by field.

The expectation is worked out here from the records alone (before the round, and at each site
after its changes), by the merge's rule written again rather than by `store.sync.merging`:
a field changed at one site only takes that change; changed at both to different values, it
is a conflict, and either value may show until a person decides. Bookkeeping (who changed a
record and when) is not compared with the expectation, only between the sites.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from store.db.database import CASES, LOG, WORKERS, Database
from store.domain.records import Case, LogEntry, Worker, build

Records = dict[str, tuple[str, dict[str, Any]]]
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "changed_by"})


def word(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))


# -- changes made at a site -----------------------------------------------------------------


def _pick(rng: random.Random, records: Records, table: str, count: int,
          spare: set[str]) -> list[str]:
    ids = sorted(i for i, (t, _b) in records.items() if t == table and i not in spare)
    return rng.sample(ids, min(count, len(ids)))


def add_case(db: Database, rng: random.Random, workers: int = 2) -> None:
    """A new case, with its workers and a log entry naming them, in one transaction."""
    with db.transaction():
        case = db.save_case(build(Case, {"title": f"Soak {word(rng)}",
                                         "destination_country": "MY"}))
        made = [db.save_worker(build(Worker, {"case_id": case.id,
                                              "full_name": f"Worker {word(rng)}"}))
                for _ in range(workers)]
        db.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": word(rng),
                                           "worker_ids": [w.id for w in made]}))


def add_entries(db: Database, rng: random.Random, count: int, spare: set[str]) -> None:
    """Log entries in existing cases, each saved by itself."""
    for case_id in _pick(rng, db.replica_records(), CASES, count, spare):
        db.save_log_entry(build(LogEntry, {"case_id": case_id, "summary": word(rng)}))


def edit(db: Database, rng: random.Random, ids: list[str], which: int) -> None:
    """Each record of `ids` changed in one field: the first of its kind's pair (`which` 0)
    or the second (1), so that two sites can change one record apart or in the same field."""
    records = db.replica_records()
    for record_id in ids:
        table = records[record_id][0]
        if table == CASES:
            case = next(c for c in db.cases() if c.id == record_id)
            name = ("title", "destination_place")[which]
            db.save_case(case.model_copy(update={name: f"{name} {word(rng)}"}))
        elif table == WORKERS:
            case_id = records[record_id][1]["case_id"]
            worker = next(w for w in db.workers_of(case_id) if w.id == record_id)
            name = ("notes", "current_location")[which]
            db.save_worker(worker.model_copy(update={name: f"{name} {word(rng)}"}))
        elif table == LOG:
            case_id = records[record_id][1]["case_id"]
            entry = next(e for e in db.log_of(case_id) if e.id == record_id)
            if which == 0:
                db.mark_next_step(entry, not entry.next_step_done)
            else:
                db.save_log_entry(entry.model_copy(update={"next_step": word(rng)}))
        else:
            raise AssertionError(f"no edit for {table}")


def editable(db: Database, rng: random.Random, count: int, spare: set[str]) -> list[str]:
    """Records of the kinds `edit` changes, at random, none of `spare`."""
    records = db.replica_records()
    sent = {i for i, (t, b) in records.items() if t == LOG and b.get("kind") != "note"}
    ids = [*_pick(rng, records, CASES, max(1, count // 5), spare),
           *_pick(rng, records, WORKERS, count // 2, spare),
           *_pick(rng, records, LOG, count, spare | sent)]  # a note asks no consent
    return ids[:count]


def remove_workers(db: Database, rng: random.Random, count: int, spare: set[str]) -> None:
    """Workers removed (with their screening, consent and plan; the entries naming them
    lose the link)."""
    for worker_id in _pick(rng, db.replica_records(), WORKERS, count, spare):
        db.remove_worker(worker_id)


def erase_one(db: Database, rng: random.Random, spare: set[str]) -> None:
    """A worker's data erased (a request under the data protection law)."""
    for worker_id in _pick(rng, db.replica_records(), WORKERS, 1, spare):
        db.erase_worker(worker_id)


# -- what the sites must hold afterwards ----------------------------------------------------


@dataclass
class Expected:
    """Each record's body (None: removed), the fields in conflict with the values each may
    show, and how many revisions each record's winning leaf moved on."""

    records: dict[str, tuple[str, dict[str, Any] | None]] = field(default_factory=dict)
    conflicts: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    moved: dict[str, int] = field(default_factory=dict)


def expect(base: Records, sites: list[Records]) -> Expected:
    """What every site must hold once all synced: `base` what they agreed on before, `sites`
    what each held after its changes (two sites at most change one record in a round)."""
    out = Expected()
    for record_id in sorted(set(base).union(*sites)):
        before = base.get(record_id)
        changed = [s.get(record_id) for s in sites if s.get(record_id) != before]
        distinct = [c for n, c in enumerate(changed) if c not in changed[:n]]
        if not distinct:
            if before is not None:
                out.records[record_id] = before
            continue
        if len(distinct) == 1:
            now = distinct[0]
            if now is None:
                assert before is not None
                out.records[record_id] = before[0], None
            else:
                out.records[record_id] = now
            out.moved[record_id] = 1
            continue
        assert len(distinct) == 2 and before is not None and None not in distinct, (
            f"the round made a removal against an edit, or three versions, of {record_id}")
        table, body, conflicts = _merged(before, distinct[0], distinct[1])
        out.records[record_id] = table, body
        if conflicts:
            out.conflicts[record_id] = conflicts
            out.moved[record_id] = 1  # both leaves one on, the record held until decided
        else:
            out.moved[record_id] = 2  # both leaves, and the merge written on the winner
    return out


def _merged(before: tuple[str, dict[str, Any]], first: tuple[str, dict[str, Any]],
            second: tuple[str, dict[str, Any]]
            ) -> tuple[str, dict[str, Any], dict[str, list[Any]]]:
    merged: dict[str, Any] = {}
    conflicts: dict[str, list[Any]] = {}
    missing = object()
    for name in sorted((set(first[1]) | set(second[1])) - BOOKKEEPING):
        base = before[1].get(name, missing)
        a, b = first[1].get(name, missing), second[1].get(name, missing)
        if a == b or b == base:
            value = a
        elif a == base:
            value = b
        else:
            conflicts[name] = [v for v in (a, b) if v is not missing]
            value = a
        if value is not missing:
            merged[name] = value
    return before[0], merged, conflicts


def differences(expected: Expected, held: Records) -> list[str]:
    """How a site's records differ from the expectation (empty: they do not)."""
    problems = []
    live = {i: r for i, r in expected.records.items() if r[1] is not None}
    for record_id in sorted(set(live) - set(held)):
        problems.append(f"{record_id} ({live[record_id][0]}) lost")
    for record_id in sorted(set(held) - set(live)):
        gone = record_id in expected.records
        problems.append(f"{record_id} ({held[record_id][0]}) "
                        f"{'back after its removal' if gone else 'appeared from nowhere'}")
    for record_id in sorted(set(live) & set(held)):
        table, body = live[record_id]
        assert body is not None
        have = {k: v for k, v in held[record_id][1].items() if k not in BOOKKEEPING}
        want = {k: v for k, v in body.items() if k not in BOOKKEEPING}
        allowed = expected.conflicts.get(record_id, {})
        wrong = sorted(k for k in set(have) | set(want) if have.get(k) != want.get(k)
                       and not (k in allowed and have.get(k) in allowed[k]))
        if held[record_id][0] != table or wrong:
            problems.append(f"{record_id} ({table}) differs in {wrong}")
    return problems
