"""Families' inquiries in the store: matched on read against workers (one call for all),
open intakes' rows, the registry (the one asking may be the trafficker) and its places; a
match confirmed or rejected by an officer; the family told only with the found worker's consent
naming the family, and despite a registry hit only with a reason, in the audit trail;
classified, erased, checked, never sent to a partner. The real store, with the demo's data."""

from __future__ import annotations

import datetime as dt

import pytest

from store.common.errors import RuleRefused
from store.db.database import Database
from store.domain.classification import Classification, classification_of, consent_covers
from store.domain.records import (
    Actor,
    Consent,
    Handle,
    Identifier,
    Inquiry,
    Intake,
    IntakeRow,
    Worker,
    build,
)
from store.domain.rules.erasure import ERASED_NAME
from store.domain.vocab import ActorRole, IdentifierKind, InquiryStatus, RecipientKind
from store.exchange.check import check


def _sought(db: Database) -> Worker:
    return next(w for c in db.cases() for w in db.workers_of(c.id)
                if w.full_name == "Yohanes Kristianto Manek")


def test_the_demo_mother_is_told_of_a_match_on_today_and_nothing_else(demo_db: Database) -> None:
    [found] = demo_db.inquiry_matches()
    son = _sought(demo_db)
    assert [m.worker_id for m in found.workers] == [son.id]
    assert found.inquirer_hits == [] and [p.name for p in found.places] == ["Blue Lotus compound"]
    [line] = demo_db.inquiry_lines()
    assert line.startswith("inquiry Maria Goreti Bria Yohanis Kristianto Manek may be worker")
    assert line.endswith("of KH-2025-0001")
    assert found.inquiry.told_family_on is None and found.inquiry.status is InquiryStatus.OPEN


def test_every_field_that_names_or_reaches_someone_is_private_and_never_shared() -> None:
    for name in ("inquirer_name", "relation", "sought_name", "sought_other_names",
                 "sought_date_of_birth", "last_message_on", "received_by", "notes"):
        assert classification_of(Inquiry, name) is Classification.PERSONAL
        assert not consent_covers(Inquiry, name)
    for name in ("inquirer_phone", "handles", "reach_by", "last_message_from", "last_city",
                 "compound_name", "told_override"):
        assert classification_of(Inquiry, name) is Classification.SENSITIVE
    for name in ("status", "worker_id", "rejected_ids", "told_family_on", "place_id"):
        assert classification_of(Inquiry, name) is Classification.PUBLIC


def test_a_rejected_match_is_not_proposed_again(demo_db: Database) -> None:
    inquiry = demo_db.open_inquiries()[0]
    son = _sought(demo_db)
    demo_db.reject_inquiry_match(inquiry.id, son.id)
    assert demo_db.inquiry_matches()[0].workers == [] and demo_db.inquiry_lines() == []
    demo_db.confirm_inquiry_match(inquiry.id, son.id)
    found = demo_db.inquiry(inquiry.id)
    assert found.status is InquiryStatus.FOUND and found.worker_id == son.id
    assert demo_db.inquiry_matches() == [] and check(demo_db) == []


def test_an_open_intakes_row_is_proposed_for_the_inquiry(demo_db: Database) -> None:
    born = _sought(demo_db).date_of_birth
    demo_db.save_intake(build(Intake, {"title": "Shelter list", "rows": [
        IntakeRow(label="row 7", name="Yohanes Kristianto Manek", date_of_birth=born),
        IntakeRow(label="row 8", name="Somchai Phommavong")]}))
    [found] = demo_db.inquiry_matches()
    assert [(r.title, r.label) for r in found.rows] == [("Shelter list", "row 7")]


def _found_with_consent(db: Database, recipients: list[RecipientKind]) -> Inquiry:
    inquiry = db.inquiries()[0]
    son = _sought(db)
    db.confirm_inquiry_match(inquiry.id, son.id)
    consent = db._per_worker(Consent, son.id)  # noqa: SLF001 - the demo's own
    data = {"case_id": son.case_id, "worker_id": son.id, "taken_by": "officer Dewi",
            "recipients": recipients}
    if consent is not None:
        data = {**consent.model_dump(), "recipients": recipients, "withdrawn_on": None}
    db.save(build(Consent, data))
    return db.inquiry(inquiry.id)


def test_the_family_is_told_only_with_the_workers_consent(demo_db: Database) -> None:
    inquiry = demo_db.open_inquiries()[0]
    with pytest.raises(RuleRefused, match="no worker is confirmed"):
        demo_db.tell_family(inquiry.id)
    inquiry = _found_with_consent(demo_db, [RecipientKind.POLICE])
    with pytest.raises(RuleRefused, match="consent does not name their family"):
        demo_db.tell_family(inquiry.id)
    assert demo_db.inquiry(inquiry.id).told_family_on is None
    _found_with_consent(demo_db, [RecipientKind.FAMILY])
    told = demo_db.tell_family(inquiry.id)
    assert told.told_family_on is not None and told.told_override == ""
    assert any(e.action == "family-told" for e in demo_db.audit_trail().entries)
    # Saving the inquiry as typed never sets nor clears it.
    again = demo_db.save_inquiry(told.model_copy(update={"told_family_on": None}))
    assert again.told_family_on == told.told_family_on


def test_an_inquirer_in_the_registry_is_said_and_needs_a_reason(demo_db: Database) -> None:
    actor = demo_db.save(build(Actor, {"name": "Ken Susanto", "role": ActorRole.RECRUITER}))
    demo_db.save(build(Identifier, {"kind": IdentifierKind.WHATSAPP,
                                    "value": "+62 813 3900 4127", "actor_id": actor.id}))
    [found] = demo_db.inquiry_matches()
    assert [h.said for h in found.inquirer_hits] == [
        "this number is used by Ken Susanto, recruiter, alleged"]
    inquiry = _found_with_consent(demo_db, [RecipientKind.FAMILY])
    with pytest.raises(RuleRefused, match="Ken Susanto"):
        demo_db.tell_family(inquiry.id)
    told = demo_db.tell_family(inquiry.id, override="Mother seen in person with the village head")
    assert told.told_override.startswith("Mother seen")
    [entry] = [e for e in demo_db.audit_trail().entries if e.action == "family-told-override"]
    assert entry.note == "Mother seen in person with the village head"


def test_a_handle_is_checked_too(demo_db: Database) -> None:
    inquiry = demo_db.open_inquiries()[0]
    demo_db.save(build(Identifier, {"kind": IdentifierKind.TELEGRAM, "value": "@boss_tan"}))
    demo_db.save_inquiry(inquiry.model_copy(update={"handles": [
        *inquiry.handles, Handle(kind=IdentifierKind.TELEGRAM, value="https://t.me/Boss_Tan")]}))
    assert [h.said for h in demo_db.inquiry_matches()[0].inquirer_hits] == [
        "this handle is in the registry, alleged"]


def test_an_inquiry_is_erased_and_a_found_workers_erasure_reaches_it(demo_db: Database) -> None:
    inquiry = demo_db.open_inquiries()[0]
    son = _sought(demo_db)
    demo_db.save_inquiry(inquiry.model_copy(update={
        "notes": "Yohanes Kristianto Manek wrote from the compound"}))
    demo_db.confirm_inquiry_match(inquiry.id, son.id)
    demo_db.erase_worker(son.id)
    kept = demo_db.inquiry(inquiry.id)
    assert kept.worker_id == son.id and "Yohanes" not in kept.notes
    gone = demo_db.erase_inquiry(inquiry.id)
    assert gone.inquirer_name == ERASED_NAME and gone.inquirer_phone == "" and not gone.handles
    assert gone.status is InquiryStatus.CLOSED and check(demo_db) == []


def test_removing_the_found_worker_opens_the_inquiry_again(demo_db: Database) -> None:
    inquiry = demo_db.open_inquiries()[0]
    son = _sought(demo_db)
    demo_db.confirm_inquiry_match(inquiry.id, son.id)
    demo_db.remove_worker(son.id)
    again = demo_db.inquiry(inquiry.id)
    assert again.status is InquiryStatus.OPEN and again.worker_id is None
    assert check(demo_db) == []


def test_dates_in_the_future_are_refused() -> None:
    from store.common.errors import RecordInvalid
    with pytest.raises(RecordInvalid):
        build(Inquiry, {"inquirer_name": "A", "sought_name": "B",
                        "last_message_on": dt.date.today() + dt.timedelta(days=30)})


def test_inquiries_and_intakes_travel_between_the_unions_sites_never_to_a_partner() -> None:
    from store.engine.indexes import RECORD_TABLES
    from store.sync.partners import CASE_TABLES
    assert {"inquiries", "intakes"} <= set(RECORD_TABLES)  # every site of the union has them
    assert not {"inquiries", "intakes"} & set(CASE_TABLES)  # a partner's copy never does


def test_the_inquirers_phone_is_read_as_a_number_or_refused() -> None:
    """As the worker form reads one (Indonesia without a country code), kept in E.164, by
    which the registry is searched; what is not a number is said, field by field."""
    from store.common.errors import RecordInvalid
    from store.domain import Inquiry, build

    asked = {"inquirer_name": "Ibu Rina", "sought_name": "Andi Saputra"}
    assert build(Inquiry, {**asked, "inquirer_phone": "0812 3456 7890"}).inquirer_phone == \
        "+6281234567890"
    assert build(Inquiry, {**asked, "inquirer_phone": "+855 12 345 678"}).inquirer_phone == \
        "+85512345678"
    with pytest.raises(RecordInvalid) as refused:
        build(Inquiry, {**asked, "inquirer_phone": "through the village head"})
    assert list(refused.value.errors) == ["inquirer_phone"]
