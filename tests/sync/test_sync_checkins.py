"""Check-ins after return in the union's own sync (issue 35): two sites and the real hub, as
tests/sync/test_sync_legal.py. Saved at one site, taken at the other; the same field edited at
both, a conflict put to a person; removed at one, gone at the other. An erasure at one site
removes the worker's check-ins at both (they are about one worker:
store/sync/erased_with.py), over an edit made meanwhile, and no version of them stays
readable in either site's files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from store.db.database import Database
from store.domain.records import CheckIn, build
from store.sync import THEIRS, decide, marks, status, undecided
from tests.sync.test_sync import _pair, _sync
from tests.sync.test_sync_legal import _readable


def _teguh(db: Database) -> tuple[str, str]:
    """The demo's Sihanoukville returnees' case and Teguh, with two check-ins done."""
    case = next(c for c in db.cases() if c.title.startswith("Sihanoukville raid"))
    return case.id, db.workers_of(case.id)[0].id


def _checkin_bodies(db: Database, worker_id: str) -> list[dict[str, object]]:
    from store.engine import replicas
    from store.engine.journal import read_journal

    found = [b for _i, (t, b) in db.replica_records().items() if t == "checkins"]
    engine = db._engine  # noqa: SLF001 - the test reads what the key opens
    journal = read_journal(engine.journal, sealer=engine.sealer)
    for entry in journal.entries if journal else []:
        found += [c["data"] for c in entry["changes"] if c["table"] == "checkins" and c["data"]]
    for base in replicas.domains(db.path):
        state = replicas.load(base, engine.sealer)
        assert state is not None
        for doc in state.docs.values():
            if doc.table == "checkins":
                found += [b for _r, b in doc.common_versions()]
                found += [b for b in ((doc.conflict or {}).get("bodies") or {}).values() if b]
    return [b for b in found if b.get("worker_id") == worker_id]


def test_checkins_sync_as_any_record_of_a_case(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    case_id, worker_id = _teguh(jakarta)
    assert [c.month for c in field.checkins_of(case_id, worker_id)] == [1, 3]
    six = jakarta.save_checkin(build(CheckIn, {
        "case_id": case_id, "worker_id": worker_id, "month": 6, "on": dt.date.today(),
        "answers": {"income_source": "regular", "recruiter_contact": "no"},
        "notes": "Still at the furniture workshop"}))
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    there = field.get(CheckIn, six.id)
    assert there.answers == six.answers and there.notes == six.notes
    assert [d.month for d in field.checkin_schedule(worker_id) if d.done is None] == [12]
    # The same field at both sites: a conflict, put to a person at each; another field
    # changed at one site only merges.
    jakarta.save(jakarta.get(CheckIn, six.id).model_copy(update={
        "answers": {**six.answers, "debt": "none"}}))
    field.save(field.get(CheckIn, six.id).model_copy(update={
        "answers": {**six.answers, "debt": "smaller"}, "notes": "Promoted to foreman"}))
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub_url, name)
    for db in (jakarta, field):
        assert marks(db) == {six.id: ["answers"]}
        assert db.get(CheckIn, six.id).notes == "Promoted to foreman"
    found = undecided(field, six.id)
    assert [f.name for f in found.fields] == ["answers"]
    decide(field, six.id, {"answers": THEIRS})
    for db, name in ((field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub_url, name)
    assert status(jakarta).conflicts == [] and status(field).conflicts == []
    assert jakarta.get(CheckIn, six.id).answers == field.get(CheckIn, six.id).answers
    # Removed at one site: gone at the other.
    jakarta.remove_checkin(six.id)
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    assert six.id not in {c.id for c in field.checkins_of(case_id)}
    assert field.replica_records() == jakarta.replica_records()


def test_an_erasure_takes_the_workers_checkins_from_every_file_of_both_sites(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    case_id, worker_id = _teguh(jakarta)
    ids = {c.id for c in jakarta.checkins_of(case_id, worker_id)}
    secret = "furniture workshop"  # his 3-month check-in's notes
    assert len(ids) == 2
    for db in (jakarta, field):
        assert secret in _readable(db) and len(_checkin_bodies(db, worker_id)) >= 2
    # The field site edited one meanwhile: the erasure wins over it.
    third = next(c for c in field.checkins_of(case_id, worker_id) if c.month == 3)
    field.save(third.model_copy(update={"notes": "Moved to his uncle's in Surabaya"}))
    jakarta.erase_worker(worker_id)
    assert secret not in _readable(jakarta) and _checkin_bodies(jakarta, worker_id) == []
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta"),
                     (field, "Field")):
        _sync(db, hub_url, name)
    for db in (jakarta, field):
        assert db.checkins_of(case_id, worker_id) == []
        assert status(db).conflicts == []
        text = _readable(db)
        left = [s for s in (secret, "Surabaya", "Day work on building sites") if s in text]
        assert left == [], (db.path.parent.name, left)
        assert _checkin_bodies(db, worker_id) == []
    assert field.replica_records() == jakarta.replica_records()
    assert len(jakarta.checkins_of(case_id)) == 2  # Ratna's stay
