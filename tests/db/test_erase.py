"""Erasing a worker: none of their personal values stay in the database, its journal or its
audit trail; the record stays for the counts; the erasure's time is kept without values."""

from __future__ import annotations

from pathlib import Path

from store.db.database import ERASED_NAME, Database
from store.domain.classification import is_private
from store.domain.records import LogEntry, Record, Task, Worker, build


def private_values(worker: Worker) -> list[str]:
    """The worker's personal and sensitive values as they would appear in a file."""
    values: list[str] = []
    for name, value in worker.model_dump(mode="json").items():
        if is_private(Worker, name) and name not in Record.model_fields:  # not the officer's
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and len(item) >= 4 and item != "unknown":
                    values.append(item)
    return values


def database_files(path: Path) -> list[Path]:
    """The database, its journal and its audit trail (backups are tested apart: they expire)."""
    return [p for p in path.parent.iterdir()
            if p.is_file() and p.name.startswith(path.name) and not p.name.endswith(".lock")]


def test_erasing_leaves_no_personal_value_in_any_file(demo_db: Database, db_path: Path) -> None:
    case = demo_db.case_by_ref("KH-2025-0001")
    assert case is not None
    worker = demo_db.workers_of(case.id)[0]
    worker = demo_db.save_worker(worker.model_copy(update={
        "passport_number": "X9988776", "current_location": "Shelter Hope, Phnom Penh",
        "family_contact": "Ibu Sari, +62 812 0000 1111", "health": "malaria, recovering"}))
    demo_db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "worker_ids": [worker.id],
        "summary": f"Spoke with {worker.full_name} about the flight home"}))
    # The network may name the worker too: a meeting's decisions, a follow-up task.
    meeting = demo_db.meetings()[0]
    demo_db.save_meeting(meeting.model_copy(update={
        "decisions": f"{meeting.decisions}\nLFTU to ask about {worker.full_name}'s passport."}))
    demo_db.save_task(build(Task, {"text": f"Call {worker.other_spellings[0]}'s family",
                                   "meeting_id": meeting.id}))
    others = {v for w in demo_db.workers_of(case.id) if w.id != worker.id
              for v in private_values(w)}
    secrets = [v for v in private_values(worker) if v not in others]  # theirs alone
    assert len(secrets) >= 6
    count = len(demo_db.workers_of(case.id))

    erased = demo_db.erase_worker(worker.id)

    assert erased.full_name == ERASED_NAME and erased.erased_at is not None
    assert erased.passport_number == "" and erased.phone is None
    assert len(demo_db.workers_of(case.id)) == count  # the record stays for the counts
    assert all(worker.full_name not in e.summary for e in demo_db.log_of(case.id))
    assert f"about {ERASED_NAME}'s passport" in demo_db.meeting(meeting.id).decisions
    assert f"Call {ERASED_NAME}'s family" in [t.text for t in demo_db.tasks()]
    demo_db.close()
    files = database_files(db_path)
    assert any(f.name.endswith(".journal") for f in files)
    for file in files:
        data = file.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{secret!r} still in {file.name}"
    with Database.open(db_path) as db:
        assert db._engine.meta["erasures"]
        assert "erase" in [entry.action for entry in db.history(worker.id)]
        assert db.verify_audit().ok
        assert db.get(Worker, worker.id).erased_at is not None


def test_a_short_name_is_blanked_from_text_but_never_from_an_id() -> None:
    from store.db.database import _without_names

    entry = build(LogEntry, {"id": "ade" + "0" * 29, "case_id": "fade" + "1" * 28,
                             "summary": "Ade called from the shelter"})
    cleaned = _without_names(entry, ["Ade"])
    assert cleaned is not None
    assert (cleaned.id, cleaned.case_id) == (entry.id, entry.case_id)
    assert cleaned.summary == f"{ERASED_NAME} called from the shelter"


def test_a_record_already_blank_is_not_written_again_by_the_erasure(demo_db: Database) -> None:
    """A site that pulled the erasing site's blank plan before the worker's erasure erases the
    worker itself: the plan, already blank, keeps that site's version (written again, it would
    go out as this site's own, beside the erasing site's: found by the killed-sync test)."""
    from store.domain.records import Plan
    from store.domain.rules.erasure import blanked

    db = demo_db
    worker = next(w for case in db.cases() for w in db.workers_of(case.id)
                  if db.plan_of(w.id) is not None and db.plan_of(w.id).notes)
    plan = db.plan_of(worker.id)
    assert plan is not None
    blank = db.save_plan(plan.model_copy(update=blanked(Plan)))
    db.erase_worker(worker.id)
    after = db.plan_of(worker.id)
    assert after is not None and after.version == blank.version and after.notes == {}
