"""Two field laptops and a hub on one machine: each edits offline, they sync in every order.

The real store on temporary encrypted databases, the real hub (pouchdb-server on 127.0.0.1),
nothing mocked. What must hold: the same field edited at both sites is a conflict at both;
nothing else is; nothing is lost; the hub holds none of the demo's names, phones or places.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from store.db.database import Database
from store.domain.classification import is_private
from store.domain.records import Case, Task, Worker
from store.engine import audit
from store.sync import SyncRefused, export_key, import_key, status, sync
from tests.sync.conftest import ADMIN, SITE, HubUnderTest

KEY_PASSPHRASE = "carried by hand 1"


def _sync(db: Database, hub: str, site: str) -> Any:
    return sync(db, hub, user=SITE[0], password=SITE[1], site_name=site)


def _pair(make_site: Callable[..., Database], hub: str) -> tuple[Database, Database]:
    """Jakarta (the demo) and a field laptop that took its key and its records."""
    jakarta = make_site("jakarta", demo=True)
    field = make_site("field")
    _sync(jakarta, hub, "Jakarta")
    import_key(field, export_key(jakarta, KEY_PASSPHRASE), KEY_PASSPHRASE)
    _sync(field, hub, "Field")
    assert field.replica_records() == jakarta.replica_records()
    return jakarta, field


def _worker(db: Database, index: int = 0) -> Worker:
    workers = sorted((w for w in (db.get(Worker, i) for i, (t, _b) in
                                  db.replica_records().items() if t == "workers")
                      if w.erased_at is None), key=lambda w: w.id)
    return workers[index]


def _edit(db: Database, kind: type[Any], record_id: str, **fields: Any) -> None:
    record = db.get(kind, record_id)
    db.save(record.model_copy(update=fields))


def removed_and_edited(make_site: Callable[..., Database], hub: str
                       ) -> tuple[Database, Database, str]:
    """A task removed at Jakarta and edited at the field site, both synced: a conflict."""
    jakarta, field = _pair(make_site, hub)
    task_id = next(i for i, (t, _b) in jakarta.replica_records().items() if t == "tasks")
    jakarta.remove_task(task_id)
    _edit(field, Task, task_id, text="Call the embassy again")
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub, name)
    return jakarta, field, task_id


ORDERS = list(itertools.permutations(["jakarta", "field"]))


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o) for o in ORDERS])
def test_offline_edits_merge_and_only_the_same_field_conflicts(
        make_site: Callable[..., Database], hub_url: str, order: tuple[str, str]) -> None:
    jakarta, field = _pair(make_site, hub_url)
    sites = {"jakarta": jakarta, "field": field}
    both = _worker(jakarta, 0)  # the same field, different values: a conflict
    apart = _worker(jakarta, 1)  # different fields of one record: merged
    same = _worker(jakarta, 2)  # the same field, the same value: nothing to decide
    case_id = both.case_id
    _edit(jakarta, Worker, both.id, phone="+6281234500001")
    _edit(field, Worker, both.id, phone="+6281234500002")
    _edit(jakarta, Worker, apart.id, current_location="Jakarta shelter")
    _edit(field, Worker, apart.id, health="sprained ankle, treated")
    _edit(jakarta, Worker, same.id, current_location="Bangkok, the embassy shelter")
    _edit(field, Worker, same.id, current_location="Bangkok, the embassy shelter")
    _edit(field, Case, case_id, title="Rescued from the compound, now safe")
    first, second = order
    for name in (first, second, first, second):
        _sync(sites[name], hub_url, name)

    for db in (jakarta, field):
        conflicts = status(db).conflicts
        assert [(c["id"], c["fields"]) for c in conflicts] == [(both.id, ["phone"])]
        merged = db.get(Worker, apart.id)
        assert merged.current_location == "Jakarta shelter"
        assert merged.health == "sprained ankle, treated"
        assert db.get(Worker, same.id).current_location == "Bangkok, the embassy shelter"
        assert db.get(Case, case_id).title == "Rescued from the compound, now safe"
    # Both sites show the hub's winner until someone decides; nothing else differs.
    assert jakarta.replica_records() == field.replica_records()
    shown = jakarta.get(Worker, both.id).phone
    assert shown in ("+6281234500001", "+6281234500002")
    values = next(iter(status(field).conflicts))
    assert values["made"] and {m["site"] for m in values["made"].values()} == {
        "jakarta", "field"}
    # Syncing again changes nothing, and makes no new conflict.
    for db, name in ((jakarta, "jakarta"), (field, "field")):
        report = _sync(db, hub_url, name)
        assert (report.sent, report.received) == (0, 0)
        assert len(status(db).conflicts) == 1


def test_a_merge_made_at_two_sites_is_one_revision(make_site: Callable[..., Database],
                                                    hub_url: str,
                                                    hub_server: HubUnderTest) -> None:
    jakarta, field = _pair(make_site, hub_url)
    worker = _worker(jakarta, 1)
    _edit(jakarta, Worker, worker.id, current_location="Phnom Penh, the union's office")
    _edit(field, Worker, worker.id, health="resting")
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")  # merges, closes the other leaf
    _sync(jakarta, hub_url, "Jakarta")
    with hub_server.admin() as client:
        name = hub_url.rsplit("/", 1)[1]
        leaves = client.get(f"/{name}/{worker.id}", params={"open_revs": "all"}).json()
    live = [leaf["ok"] for leaf in leaves if not leaf["ok"].get("_deleted")]
    assert len(live) == 1
    assert jakarta.get(Worker, worker.id).health == "resting"
    assert field.get(Worker, worker.id).current_location == "Phnom Penh, the union's office"
    assert status(jakarta).conflicts == [] and status(field).conflicts == []


def test_a_removal_against_an_edit_keeps_the_edit_and_is_a_conflict(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field, task_id = removed_and_edited(make_site, hub_url)
    for db in (jakarta, field):
        assert db.get(Task, task_id).text == "Call the embassy again"
        [conflict] = status(db).conflicts
        assert conflict["id"] == task_id and conflict["removed"]


@pytest.mark.parametrize("first", ["eraser", "editor"])
def test_an_erasure_beats_an_offline_edit_in_either_order(
        make_site: Callable[..., Database], hub_url: str, hub_server: HubUnderTest,
        first: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    worker = _worker(jakarta, 0)
    names = [n for n in worker.all_names if len(n) >= 3]
    field_note = "Her sister in Medan can be reached on Sundays"
    jakarta.erase_worker(worker.id)
    _edit(field, Worker, worker.id, notes=field_note, phone="+6281299990000")
    order = [(jakarta, "Jakarta"), (field, "Field")]
    if first == "editor":
        order.reverse()
    for db, name in order + order:
        _sync(db, hub_url, name)
    for db in (jakarta, field):
        erased = db.get(Worker, worker.id)
        assert erased.erased_at is not None and erased.phone is None
        assert not erased.notes
        assert status(db).conflicts == []
    # No value of the worker is left readable at either site, nor on the hub.
    for db in (jakarta, field):
        text = str(db.replica_records())
        assert field_note not in text and "+6281299990000" not in text
        assert not any(n in text for n in names)
    applied = [e for db in (jakarta, field)
               for e in db.audit_trail().entries
               if e.action == audit.ERASURE_APPLIED]
    assert applied and all(field_note not in (e.note or "") for e in applied)


def _private_values(db: Database) -> set[str]:
    """Every personal or sensitive text of the demo (names, phones, places...), by the
    field classification; not a vocabulary's codes (a legal matter's stage "given" is a
    word the hub's own design documents hold), as the export's test leaves them out."""
    from store.db.base import KIND_OF
    from store.domain.vocab import VOCABULARIES

    codes = {member.value for vocabulary in VOCABULARIES for member in vocabulary}
    found: set[str] = set()
    for _id, (table, body) in db.replica_records().items():
        kind = KIND_OF[table]
        for name, value in body.items():
            values = value if isinstance(value, list) else [value]
            if name in kind.model_fields and is_private(kind, name):
                found |= {v for v in values
                          if isinstance(v, str) and len(v) >= 5 and v not in codes}
        if table == "cases":
            found |= {body[f] for f in ("destination_place", "title") if body.get(f)}
    return found


def _without_sealed(data: bytes) -> bytes:
    return re.sub(rb"[A-Za-z0-9+/=_-]{40,}", b"", data)


def test_the_hub_holds_no_name_phone_or_place(make_site: Callable[..., Database],
                                              hub_url: str, hub_server: HubUnderTest) -> None:
    jakarta, field = _pair(make_site, hub_url)
    _edit(field, Worker, _worker(field, 0).id, phone="+6281234500009")
    _sync(field, hub_url, "Field")
    secrets = _private_values(jakarta) | {"+6281234500009"}
    assert len(secrets) > 20
    name = hub_url.rsplit("/", 1)[1]
    with hub_server.admin() as client:
        raw = client.get(f"/{name}/_all_docs", params={"include_docs": "true",
                                                        "conflicts": "true"}).text
        changes = client.get(f"/{name}/_changes", params={"include_docs": "true",
                                                           "style": "all_docs"}).text
    assert '"s":"' in raw
    # Sealed bodies are base64, where any five letters turn up by chance (one in 64^5 per
    # place, over megabytes of them): long base64 runs are left out of the search. Text in
    # the clear sits between JSON's quotes and colons, never inside such a run.
    raw, changes = _without_sealed(raw.encode()), _without_sealed(changes.encode())
    for secret in secrets:
        assert secret.encode() not in raw and secret.encode() not in changes, secret
    # Nor the server's own files (its log, its databases; LevelDB may compress blocks, so the
    # documents fetched raw above are the stronger check).
    for path in Path(hub_server.folder).rglob("*"):
        if path.is_file():
            data = _without_sealed(path.read_bytes())
            for secret in secrets:
                assert secret.encode() not in data, (path.name, secret)
    # Only id, revision, ancestors and one sealed body: no kind, reference or date.
    with hub_server.admin() as client:
        docs = client.get(f"/{name}/_all_docs", params={"include_docs": "true"}).json()
    assert {key for row in docs["rows"] for key in row["doc"]} == {"_id", "_rev", "s"}


def test_sealed_bodies_are_padded_to_a_few_sizes(make_site: Callable[..., Database],
                                                 hub_url: str, hub_server: HubUnderTest) -> None:
    jakarta = make_site("jakarta", demo=True)
    _sync(jakarta, hub_url, "Jakarta")
    name = hub_url.rsplit("/", 1)[1]
    with hub_server.admin() as client:
        docs = client.get(f"/{name}/_all_docs", params={"include_docs": "true"}).json()
    sizes = {len(row["doc"]["s"]) for row in docs["rows"]}
    assert len(docs["rows"]) > 50
    assert len(sizes) <= 4


def test_sync_is_refused_on_a_database_that_is_not_encrypted(empty_db: Database,
                                                             hub_url: str) -> None:
    with pytest.raises(SyncRefused, match="pulang encrypt"):
        _sync(empty_db, hub_url, "Jakarta")
    assert not empty_db.path.with_name(empty_db.path.name + ".sync").exists()


def test_every_push_is_in_the_audit_trail_before_it_leaves(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    trail = jakarta.audit_trail().entries
    pushes = [e for e in trail if e.action == audit.PUSHED]
    assert pushes and all(hub_url in (e.note or "") and "sha256=" in (e.note or "")
                          for e in pushes)
    listed = " ".join(e.note or "" for e in pushes)
    assert all(i in listed for i in jakarta.replica_records())
    received = [e for e in field.audit_trail().entries
                if e.action == audit.PULLED]
    assert received and all("sites=Jakarta" in (e.note or "") for e in received)


def test_wrong_credentials_are_said_and_nothing_is_lost(make_site: Callable[..., Database],
                                                        hub_url: str) -> None:
    from store.sync import HubProblem

    jakarta = make_site("jakarta", demo=True)
    before = jakarta.replica_records()
    with pytest.raises(HubProblem) as refused:
        sync(jakarta, hub_url, user=SITE[0], password="not it", site_name="Jakarta")
    assert refused.value.kind == "credentials" and "password" in str(refused.value)
    assert jakarta.replica_records() == before
    report = _sync(jakarta, hub_url, "Jakarta")
    assert report.sent == len(before)


def test_a_site_without_the_key_reads_nothing(make_site: Callable[..., Database],
                                              hub_url: str) -> None:
    jakarta = make_site("jakarta", demo=True)
    stranger = make_site("stranger")
    _sync(jakarta, hub_url, "Jakarta")
    report = _sync(stranger, hub_url, "Stranger")  # a key of its own, not the union's
    assert report.received == 0 and report.problems
    assert stranger.replica_records() == {}


def test_admin_only_hub(hub_url: str) -> None:
    """The hub of the tests is never open: without credentials it answers 401."""
    assert httpx.get(hub_url, trust_env=False).status_code == 401
    assert ADMIN[0] != SITE[0]


def test_a_case_made_after_a_sync_takes_a_reference_no_other_site_has(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    template = next(field.get(Case, i) for i, (t, _b) in field.replica_records().items()
                    if t == "cases")

    def new_case(db: Database) -> Case:
        return db.save(Case(title="A new report from the border",
                            destination_country=template.destination_country,
                            date_reported=template.date_reported))

    from_the_field = new_case(field)
    _sync(field, hub_url, "Field")
    _sync(jakarta, hub_url, "Jakarta")
    # Jakarta counted its own references only; the field's case came by the sync.
    from_jakarta = new_case(jakarta)
    refs = [body["ref"] for _i, (t, body) in jakarta.replica_records().items() if t == "cases"]
    assert from_jakarta.ref != from_the_field.ref
    assert len(refs) == len(set(refs))


def test_two_cases_made_apart_with_one_reference_are_said(
        make_site: Callable[..., Database], hub_url: str) -> None:
    jakarta, field = _pair(make_site, hub_url)
    template = next(field.get(Case, i) for i, (t, _b) in field.replica_records().items()
                    if t == "cases")
    made = [db.save(Case(title="Reported at two offices", date_reported=template.date_reported,
                         destination_country=template.destination_country))
            for db in (jakarta, field)]
    assert made[0].ref == made[1].ref
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub_url, name)
    assert status(jakarta).same_refs == [made[0].ref] == status(field).same_refs


def test_a_site_that_synced_its_edit_first_sees_only_the_real_conflict(
        make_site: Callable[..., Database], hub_url: str) -> None:
    """Jakarta's own edit reached the hub (and became its common version) before the field's,
    made from the version before, arrived: the field's other change still merges by itself."""
    jakarta, field = _pair(make_site, hub_url)
    worker = _worker(jakarta, 3)
    _edit(jakarta, Worker, worker.id, phone="+6281234500001")
    _sync(jakarta, hub_url, "Jakarta")
    _sync(jakarta, hub_url, "Jakarta")
    _edit(field, Worker, worker.id, phone="+6281234500002", notes="Seen at the border post")
    for db, name in ((field, "Field"), (jakarta, "Jakarta"), (field, "Field")):
        _sync(db, hub_url, name)
    for db in (jakarta, field):
        assert [(c["id"], c["fields"]) for c in status(db).conflicts] == [(worker.id, ["phone"])]
        assert db.get(Worker, worker.id).notes == "Seen at the border post"


def test_a_new_passphrase_seals_the_sync_state_again(make_site: Callable[..., Database],
                                                     hub_url: str) -> None:
    from store.engine import replicas

    jakarta, field = _pair(make_site, hub_url)
    _edit(jakarta, Worker, _worker(jakarta, 0).id, phone="+6281234500001")
    _edit(field, Worker, _worker(jakarta, 0).id, phone="+6281234500002")
    for db, name in ((jakarta, "Jakarta"), (field, "Field"), (jakarta, "Jakarta")):
        _sync(db, hub_url, name)
    old = jakarta._engine.sealer
    jakarta.change_passphrase("a new passphrase for jakarta")
    assert old is not None
    with pytest.raises(Exception):
        replicas.load(jakarta.path, old)
    assert len(status(jakarta).conflicts) == 1
    report = _sync(jakarta, hub_url, "Jakarta")
    assert (report.sent, report.received, report.problems) == (0, 0, [])


def test_a_site_that_took_everything_from_the_hub_sees_the_same_today(
        make_site: Callable[..., Database], hub_url: str) -> None:
    """Found walking two laptops by hand: the field site's Today had no next step due, as a
    log entry taken from the hub was stored in another order than the index reads."""
    jakarta, field = _pair(make_site, hub_url)
    day = dt.date(2026, 12, 6)
    mine, theirs = jakarta.today(day), field.today(day)
    assert mine.follow_ups and [f.entry_id for f in theirs.follow_ups] == [
        f.entry_id for f in mine.follow_ups]
    assert (theirs.overdue, len(theirs.deadlines), len(theirs.awaiting)) == (
        mine.overdue, len(mine.deadlines), len(mine.awaiting))
    raw = next(iter(field._engine.raw["log"].values()))  # noqa: SLF001
    assert raw.endswith((b'"next_step_done":false}', b'"next_step_done":true}'))


def test_the_registry_travels_sealed_like_every_record(make_site: Callable[..., Database],
                                                        hub_url: str) -> None:
    from store.domain.records import Identifier, Place, RegistryLink, build

    jakarta, field = _pair(make_site, hub_url)
    case = next(c for c in jakarta.cases() if jakarta.workers_of(c.id))
    compound = jakarta.save(build(Place, {"name": "Golden Fortune compound", "country": "KH",
                                          "latitude": 11.5564, "longitude": 104.9282}))
    handle = jakarta.save(build(Identifier, {"kind": "telegram", "value": "@golden_hr_88",
                                             "place_id": compound.id}))
    jakarta.save(build(RegistryLink, {"case_id": case.id, "place_id": compound.id,
                                      "worker_id": jakarta.workers_of(case.id)[0].id,
                                      "held_from": "2025-09-01"}))
    _sync(jakarta, hub_url, "Jakarta")
    _sync(field, hub_url, "Field")
    assert field.get(Identifier, handle.id).value == "golden_hr_88"
    assert field.seen_in_cases(handle.id) == [case.id]
    raw = httpx.get(f"{hub_url}/_all_docs", params={"include_docs": "true"}, auth=ADMIN).text
    assert "Golden Fortune" not in raw and "golden_hr_88" not in raw and "104.9282" not in raw
