"""A conflict decided by a person: the decision is an ordinary edit here, goes out at the next
sync, and takes the conflict away at every site, with the decision in both histories.

Real encrypted databases, the real hub on 127.0.0.1; nothing mocked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from store.db.database import Database
from store.domain.records import Organisation, Task, Worker
from store.engine import audit
from store.sync import (
    BOTH,
    MINE,
    REMOVAL,
    THEIRS,
    AlreadyDecided,
    conflicts,
    decide,
    status,
    undecided,
)
from tests.sync.conftest import HubUnderTest
from tests.sync.test_sync import _edit, _pair, _sync, _worker, removed_and_edited


def _phones_apart(make_site: Callable[..., Database], hub: str
                  ) -> tuple[Database, Database, Worker]:
    jakarta, field = _pair(make_site, hub)
    worker = _worker(jakarta, 0)
    _edit(jakarta, Worker, worker.id, phone="+6281234500001", notes="seen at the airport")
    _edit(field, Worker, worker.id, phone="+6281234500002")
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub, name)
    return jakarta, field, worker


def _decided_entries(db: Database, record_id: str) -> list[audit.AuditEntry]:
    return [e for e in db.history(record_id) if e.action == audit.DECIDED]


@pytest.mark.parametrize("choice", [MINE, THEIRS])
def test_a_decision_reaches_the_other_site_and_the_conflict_is_gone_at_both(
        make_site: Callable[..., Database], hub_url: str, hub_server: HubUnderTest,
        choice: str) -> None:
    jakarta, field, worker = _phones_apart(make_site, hub_url)
    found = undecided(field, worker.id)
    assert [f.name for f in found.fields] == ["phone"]
    assert (found.mine.site, found.theirs.site) == ("Field", "Jakarta")
    assert found.fields[0].mine == "+6281234500002"
    assert found.fields[0].theirs == "+6281234500001"
    assert found.mine.officer and found.mine.at and not found.removal

    decide(field, worker.id, {"phone": choice})
    wanted = "+6281234500002" if choice == MINE else "+6281234500001"
    assert field.get(Worker, worker.id).phone == wanted
    assert field.get(Worker, worker.id).notes == "seen at the airport"  # merged, untouched
    assert conflicts(field) == {} and status(field).conflicts == []
    assert _decided_entries(field, worker.id)
    assert worker.id in conflicts(jakarta)  # not there yet: the other site has not synced

    _sync(field, hub_url, "Field")
    _sync(jakarta, hub_url, "Jakarta")
    for db in (jakarta, field):
        assert db.get(Worker, worker.id).phone == wanted
        assert status(db).conflicts == [] and conflicts(db) == {}
    assert _decided_entries(jakarta, worker.id)  # "decided" in the other site's history too
    assert jakarta.replica_records() == field.replica_records()
    # One live leaf on the hub, and syncing again sends and takes nothing.
    with hub_server.admin() as client:
        name = hub_url.rsplit("/", 1)[1]
        leaves = client.get(f"/{name}/{worker.id}", params={"open_revs": "all"}).json()
    assert len([lf for lf in leaves if not lf["ok"].get("_deleted")]) == 1
    for db, site in ((field, "Field"), (jakarta, "Jakarta")):
        report = _sync(db, hub_url, site)
        assert (report.sent, report.received) == (0, 0)


def test_both_keeps_every_value_of_a_list(make_site: Callable[..., Database],
                                          hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    org_id = next(i for i, (t, _b) in jakarta.replica_records().items()
                  if t == "organisations")
    before = jakarta.get(Organisation, org_id).other_names
    _edit(jakarta, Organisation, org_id, other_names=[*before, "SBMI Jakarta"])
    _edit(field, Organisation, org_id, other_names=[*before, "Serikat Buruh Migran"])
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub_url, name)
    [disputed] = undecided(jakarta, org_id).fields
    assert disputed.is_list
    decide(jakarta, org_id, {"other_names": BOTH})
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    for db in (jakarta, field):
        assert db.get(Organisation, org_id).other_names == [*before, "SBMI Jakarta",
                                                            "Serikat Buruh Migran"]
        assert conflicts(db) == {}


@pytest.mark.parametrize("keep", ["removal", "edit"])
def test_a_removal_against_an_edit_is_decided_either_way(
        make_site: Callable[..., Database], hub_url: str, keep: str) -> None:
    jakarta, field, task_id = removed_and_edited(make_site, hub_url)
    found = undecided(jakarta, task_id)
    assert found.removal and found.mine.removed and not found.theirs.removed
    assert found.mine.site == "Jakarta" and found.theirs.site == "Field"
    decide(jakarta, task_id, {REMOVAL: MINE if keep == "removal" else THEIRS})
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    _sync(jakarta, hub_url, "Jakarta")
    for db in (jakarta, field):
        assert conflicts(db) == {} and status(db).conflicts == []
        here = {i for i, (t, _b) in db.replica_records().items() if t == "tasks"}
        assert (task_id in here) == (keep == "edit")
    if keep == "edit":
        assert jakarta.get(Task, task_id).text == "Call the embassy again"


def test_a_decision_refused_when_undecided_or_changed_meanwhile(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field, worker = _phones_apart(make_site, hub_url)
    with pytest.raises(Exception, match="Decide every field"):
        decide(field, worker.id, {})
    _edit(field, Worker, worker.id, notes="typed while the screen was open")
    # What was shown is no longer what is stored: nothing is written.
    found = undecided(field, worker.id)
    assert found.body is not None and found.body["notes"] == "typed while the screen was open"
    decide(field, worker.id, {"phone": MINE})
    assert field.get(Worker, worker.id).notes == "typed while the screen was open"
    with pytest.raises(AlreadyDecided):
        decide(field, worker.id, {"phone": THEIRS})
    with pytest.raises(AlreadyDecided):
        undecided(field, worker.id)


def test_both_sites_deciding_alike_is_one_revision(make_site: Callable[..., Database],
                                                   hub_url: str) -> None:
    jakarta, field, worker = _phones_apart(make_site, hub_url)
    decide(jakarta, worker.id, {"phone": MINE})  # Jakarta's number
    decide(field, worker.id, {"phone": THEIRS})  # Jakarta's number too
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta"),
                     (field, "Field")):
        _sync(db, hub_url, name)
    for db in (jakarta, field):
        assert db.get(Worker, worker.id).phone == "+6281234500001"
        assert status(db).conflicts == []


def test_a_decision_written_to_a_file_first_still_reaches_the_hub(
        make_site: Callable[..., Database], hub_url: str, tmp_path: Path) -> None:
    from store.sync import to_file

    jakarta, field, worker = _phones_apart(make_site, hub_url)
    decide(field, worker.id, {"phone": MINE})
    to_file(field, tmp_path / "for-jakarta.pulang")  # never taken: the link came back first
    report = _sync(field, hub_url, "Field")
    assert report.sent == 2  # the closing of Jakarta's version, and the decision once
    _sync(jakarta, hub_url, "Jakarta")
    for db in (jakarta, field):
        assert conflicts(db) == {}
        assert db.get(Worker, worker.id).phone == "+6281234500002"
    assert _decided_entries(jakarta, worker.id)
