"""The registry in the store: places, actors, identifiers and their links to cases, on the real
store (a temporary file), with the demo's cases to link them to."""

from __future__ import annotations

import datetime as dt

import pytest

from store.common.errors import RecordInvalid, RuleRefused, StillLinked
from store.db.database import Database
from store.domain.classification import Classification, classification_of
from store.domain.records import (
    Actor,
    Case,
    Identifier,
    LogEntry,
    Organisation,
    Place,
    RegistryLink,
    Worker,
    build,
)
from store.domain.rules.erasure import ERASED_NAME
from store.domain.vocab import (
    ActorRole,
    Certainty,
    IdentifierKind,
    OrgKind,
    PlaceStatus,
    SourceKind,
)
from store.exchange.check import check


def _two_cases(db: Database) -> tuple[Case, Case]:
    cases = sorted((c for c in db.cases() if db.workers_of(c.id)), key=lambda c: c.ref or "")
    return cases[0], cases[1]


def _recruiter(db: Database) -> tuple[Actor, Identifier]:
    actor = db.save(build(Actor, {"name": "Mr. Tan", "other_names": ["Boss Tan"],
                                  "role": ActorRole.RECRUITER, "source": SourceKind.WORKER,
                                  "reported_by": "officer Dewi"}))
    handle = db.save(build(Identifier, {"kind": IdentifierKind.TELEGRAM,
                                        "value": "https://t.me/Loker_Kamboja88",
                                        "actor_id": actor.id}))
    return actor, handle


def test_a_handle_is_kept_as_its_platform_writes_it_and_once(demo_db: Database) -> None:
    _actor, handle = _recruiter(demo_db)
    assert handle.value == "loker_kamboja88"
    assert demo_db.find_identifier(IdentifierKind.TELEGRAM, "loker_kamboja88") == handle
    with pytest.raises(RuleRefused, match="in the registry already"):
        demo_db.save(build(Identifier, {"kind": "telegram", "value": "@LOKER_KAMBOJA88"}))
    phone = demo_db.save(build(Identifier, {"kind": "whatsapp", "value": "0812 5550 9999"}))
    assert phone.value == "+6281255509999"
    with pytest.raises(RecordInvalid):
        build(Identifier, {"kind": "telegram", "value": "not a handle!"})


def test_seen_in_every_case_of_the_actor_who_uses_it(demo_db: Database) -> None:
    first, second = _two_cases(demo_db)
    actor, handle = _recruiter(demo_db)
    worker = demo_db.workers_of(first.id)[0]
    demo_db.save(build(RegistryLink, {"case_id": first.id, "worker_id": worker.id,
                                      "actor_id": actor.id, "role": ActorRole.RECRUITER}))
    demo_db.save(build(RegistryLink, {"case_id": second.id, "identifier_id": handle.id,
                                      "certainty": Certainty.CONFIRMED,
                                      "source": SourceKind.POLICE}))
    assert set(demo_db.seen_in_cases(handle.id)) == {first.id, second.id}
    assert set(demo_db.seen_in_cases(actor.id)) == {first.id, second.id}
    assert demo_db.seen_counts()[handle.id] == 2
    # (the demo's own registry links the same case too: only this test's link is counted)
    assert [link.case_id for link in demo_db.registry_of_case(second.id)
            if link.identifier_id == handle.id] == [second.id]
    assert {link.case_id for link in demo_db.registry_of_case(second.id)} == {second.id}
    assert check(demo_db) == []


def test_a_compound_keeps_who_was_held_there_and_its_raid_and_move(demo_db: Database) -> None:
    case, _other = _two_cases(demo_db)
    later = demo_db.save(build(Place, {"name": "Second compound", "country": "KH",
                                       "status": PlaceStatus.OPERATING}))
    compound = demo_db.save(build(Place, {"name": "Golden compound", "country": "Cambodia",
                                          "latitude": 11.55, "longitude": 104.92,
                                          "status": PlaceStatus.OPERATING}))
    assert [c.status for c in compound.history] == [PlaceStatus.OPERATING]
    moved = demo_db.save(compound.model_copy(update={"status": PlaceStatus.RELOCATED,
                                                     "moved_to_id": later.id}))
    assert [c.status for c in moved.history] == [PlaceStatus.OPERATING, PlaceStatus.RELOCATED]
    workers = demo_db.workers_of(case.id)
    for n, worker in enumerate(workers[:3]):
        demo_db.save(build(RegistryLink, {
            "case_id": case.id, "worker_id": worker.id, "place_id": compound.id,
            "held_from": dt.date(2025, 9, 1 + n), "held_to": dt.date(2025, 12, 10)}))
    held = demo_db.held_at(compound.id)
    assert [link.worker_id for link in held] == [w.id for w in workers[:3]]
    assert [link.held_from for link in held] == sorted(link.held_from for link in held)
    with pytest.raises(RecordInvalid):
        build(RegistryLink, {"case_id": case.id, "place_id": compound.id,
                             "held_from": "2025-12-10", "held_to": "2025-09-01"})
    with pytest.raises(StillLinked):
        demo_db.remove_registry_record(Place, compound.id)


def test_what_names_or_locates_is_sensitive_and_codes_public() -> None:
    for kind, name in ((Place, "name"), (Place, "latitude"), (Actor, "name"),
                       (Identifier, "value"), (Identifier, "bank"), (Place, "notes")):
        assert classification_of(kind, name) is Classification.SENSITIVE
    for kind, name in ((Place, "country"), (Place, "status"), (Actor, "role"),
                       (Identifier, "kind"), (RegistryLink, "certainty")):
        assert classification_of(kind, name) is Classification.PUBLIC


def test_an_erasure_takes_the_worker_out_of_the_registry(demo_db: Database) -> None:
    case, other = _two_cases(demo_db)
    worker, kept = demo_db.workers_of(case.id)[:2]
    alone = demo_db.save(build(Place, {"name": "Safe house of Tan", "country": "KH",
                                       "notes": f"where {worker.full_name} was kept"}))
    shared = demo_db.save(build(Place, {"name": "Golden compound", "country": "KH"}))
    for place in (alone, shared):
        demo_db.save(build(RegistryLink, {"case_id": case.id, "worker_id": worker.id,
                                          "place_id": place.id, "held_from": "2025-09-01"}))
    demo_db.save(build(RegistryLink, {"case_id": case.id, "worker_id": kept.id,
                                      "place_id": shared.id}))
    demo_db.erase_worker(worker.id)
    # (the demo's own registry holds other links: only this test's places are counted)
    assert [link.worker_id for link in demo_db.registry_links()
            if link.place_id in (alone.id, shared.id)] == [kept.id]
    assert worker.id not in {link.worker_id for link in demo_db.registry_links()}
    gone = demo_db.get(Place, alone.id)
    assert gone.name == ERASED_NAME and gone.notes == "" and gone.country == "KH"
    assert demo_db.get(Place, shared.id).name == "Golden compound"
    assert check(demo_db) == []
    assert other.id  # the other case untouched


def test_an_actor_is_never_an_organisation_the_union_works_with(demo_db: Database) -> None:
    demo_db.save(build(Actor, {"name": "PT Sukses Kerja Luar Negeri",
                               "other_names": ["PT SKLN"], "role": ActorRole.AGENCY}))
    with pytest.raises(RuleRefused, match="in the registry as agency"):
        demo_db.save_organisation(build(Organisation, {"name": "PT SKLN",
                                                       "kind": OrgKind.BUSINESS}))
    union = next(o for o in demo_db.organisations() if o.country == "KH"
                 and o.kind is OrgKind.TRADE_UNION)
    demo_db.save(build(Actor, {"name": union.name, "role": ActorRole.BROKER}))
    case, _other = _two_cases(demo_db)
    with pytest.raises(RuleRefused, match="cannot be an organisation the union works with"):
        demo_db.share_case(case.id, union.id)


def test_check_names_a_registry_link_to_nothing(demo_db: Database) -> None:
    case, _other = _two_cases(demo_db)
    actor, _handle = _recruiter(demo_db)
    entry = demo_db.log_of(case.id)[0]
    demo_db.save(build(RegistryLink, {"case_id": case.id, "actor_id": actor.id,
                                      "entry_id": entry.id}))
    with demo_db.transaction():
        from store.db.database import _TABLE_OF
        from store.engine.tables import Change

        demo_db._stage(Change(_TABLE_OF[Actor], actor.id, actor.version, None, None))
    problems = [str(p) for p in check(demo_db)]
    assert any("names a record that does not exist: Actor" in p for p in problems)
    assert any("names a record that does not exist: Used by" in p for p in problems)


def test_a_case_s_text_offers_the_handles_it_mentions(demo_db: Database) -> None:
    case, _other = _two_cases(demo_db)
    _actor, handle = _recruiter(demo_db)
    entry = demo_db.save_log_entry(build(LogEntry, {
        "case_id": case.id, "summary": "The recruiter wrote from t.me/Loker_Kamboja88 and "
        "called from +855 12 777 888.", "recorded_by": "Dewi"}))
    found = {(m.kind, m.value): m for m in demo_db.mentions(case.id)}
    assert found[IdentifierKind.TELEGRAM, "loker_kamboja88"].known == handle.id
    assert found[IdentifierKind.TELEGRAM, "loker_kamboja88"].entry_id == entry.id
    assert found[IdentifierKind.PHONE, "+85512777888"].known is None
    assert not found[IdentifierKind.TELEGRAM, "loker_kamboja88"].linked
    worker = demo_db.workers_of(case.id)[0]
    assert isinstance(worker, Worker)
