"""Today drawn from the items the store keeps on each save and stores with the snapshot
(issue 36): the same Today as the records give, read before them, kept by every save, and
never trusted when the file cannot vouch for it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest

from store.common import clock
from store.common.errors import CorruptDatabase
from store.db import Database, early_view
from store.domain.records import Case, LogEntry, build
from store.engine import snapshot
from store.engine.tables import Change, Engine
from store.exchange.demo import write_demo

TODAY = clock.today()
DAYS = [TODAY + dt.timedelta(days=n) for n in (-40, 0, 3, 12, 45, 400)]
PARTS = ("follow_ups", "deadlines", "awaiting", "missing", "missing_count", "tasks",
         "hearings", "coming_up", "keeping", "signs", "checkins_due")


def same_today(one: object, other: object) -> list[str]:
    """The parts in which two views differ."""
    return [part for part in PARTS if getattr(one, part) != getattr(other, part)]


@pytest.fixture
def demo_path(db_path: Path) -> Path:
    write_demo(db_path).close()
    return db_path


def test_today_read_before_the_records_is_today_from_the_records(demo_path: Path) -> None:
    db = Database.open(demo_path)
    try:
        for day in DAYS:
            early = early_view(demo_path, day)
            assert early is not None
            full = db.today(day)
            assert same_today(early.today, full) == [], day
            assert early.cases == len(db.case_rows())
        # Something in every part on the demo's day: the comparison means something.
        view = db.today(TODAY)
        assert view.follow_ups and view.awaiting and view.missing and view.keeping
        assert view.signs and view.checkins_due and view.deadlines
    finally:
        db.close()


def test_each_save_keeps_the_items_and_the_journal_carries_them(demo_path: Path) -> None:
    db = Database.open(demo_path)
    try:
        case_id = db.case_rows()[0].id
        entry = db.save_log_entry(build(LogEntry, {
            "case_id": case_id, "summary": "Asked the embassy for the passport",
            "next_step": "Collect the passport at the embassy", "due_date": TODAY}))
        # Not folded into the snapshot yet: the journal says it.
        assert db._engine.journal_size() > 0
        early = early_view(demo_path)
        assert early is not None
        assert entry.id in {f.entry_id for f in early.today.follow_ups}
        assert same_today(early.today, db.today()) == []
        db.save_log_entry(entry.model_copy(update={"next_step_done": True}))
        early = early_view(demo_path)
        assert early is not None
        assert entry.id not in {f.entry_id for f in early.today.follow_ups}
        assert same_today(early.today, db.today()) == []
    finally:
        db.close()
    early = early_view(demo_path)  # folded in at close: the snapshot's own now
    assert early is not None and entry.id not in {f.entry_id for f in early.today.follow_ups}


def test_another_process_without_items_leaves_today_to_the_records(demo_path: Path) -> None:
    """A journal entry that does not carry its items (an engine alone, as an older program
    wrote them): Today is not drawn early, and the records still give it right."""
    engine = Engine.open(demo_path)
    case_id = next(iter(engine.raw["cases"]))
    doc = engine.get("cases", case_id)
    assert doc is not None
    entry = build(LogEntry, {"case_id": case_id, "summary": "Written elsewhere",
                             "next_step": "Ring the shelter", "due_date": TODAY})
    data = orjson.loads(orjson.dumps(entry.model_dump(mode="json")))
    with engine.transaction():
        engine.stage(Change("log", entry.id, None, data.get("version"), data))
    assert early_view(demo_path) is None
    db = Database.open(demo_path)
    try:
        assert entry.id in {f.entry_id for f in db.today().follow_ups}
        db.save_case(build(Case, {"title": "Fishing boat", "destination_country": "TH"}))
    finally:
        db.close()
    # Its items worked out here, and folded in with the snapshot at close: read early again.
    early = early_view(demo_path)
    assert early is not None and entry.id in {f.entry_id for f in early.today.follow_ups}


def test_a_file_without_items_has_them_worked_out_once_and_stored(db_path: Path) -> None:
    db = Database.open(db_path, create=True)
    case = db.save_case(build(Case, {"title": "Boat crew", "destination_country": "TH"}))
    db.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": "Called",
                                       "next_step": "Call back", "due_date": TODAY}))
    db.close()
    # As a program before issue 36 wrote it: the rows, no items.
    engine = Engine.open(db_path)
    tables = {t: [(str(n), raw) for n, raw in enumerate(engine.raw[t].values(), start=1)]
              for t in engine.raw}
    db_path.write_bytes(snapshot.render(engine.meta, tables, []))
    assert early_view(db_path) is None
    db = Database.open(db_path)
    assert [f.next_step for f in db.today().follow_ups] == ["Call back"]
    db.close()
    early = early_view(db_path)
    assert early is not None and [f.next_step for f in early.today.follow_ups] == ["Call back"]


def test_damaged_items_are_not_read_early_and_the_file_is_refused(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    at = data.index(b'"_today":{') + 20
    demo_path.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1:])
    assert early_view(demo_path) is None
    with pytest.raises(CorruptDatabase):
        Database.open(demo_path)


def test_an_encrypted_database_is_not_read_early(db_path: Path) -> None:
    db = Database.open(db_path, create=True, passphrase="correct horse battery")
    db.save_case(build(Case, {"title": "Sealed", "destination_country": "KH"}))
    db.close()
    assert early_view(db_path) is None
    assert b"Sealed" not in db_path.read_bytes()


def test_the_unions_months_changed_since_are_the_ones_today_uses(
        demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The items keep the days of the check-ins of the months when they were worked out; a
    union that changes its months sees its own at once, read early or from the records."""
    before = early_view(demo_path, TODAY + dt.timedelta(days=400))
    own = tmp_path / "checkins.toml"
    own.write_text("[checkins]\nmonths = [2, 24]\n", encoding="utf-8")
    monkeypatch.setenv("PULANG_CHECKINS", str(own))
    db = Database.open(demo_path)
    try:
        for day in DAYS:
            early = early_view(demo_path, day)
            assert early is not None
            assert same_today(early.today, db.today(day)) == [], day
        assert before is not None
        late = early_view(demo_path, TODAY + dt.timedelta(days=400))
        assert late is not None
        assert {d.due.month for d in late.today.checkins_due} <= {2, 24}
        assert {d.due.month for d in before.today.checkins_due} - {2, 24}
    finally:
        db.close()
