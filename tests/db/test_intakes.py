"""Intakes in the store: saved open with their rows and proposals, reviewed row by row (saved
as the officer goes), confirmed in one audited change into group cases (new workers, linked
workers' log entries, the group case naming them by reference and number only, inquiries
marked), their rows then blanked; abandoned; erasure; check; the real store on a temporary
file, with the demo's cases."""

from __future__ import annotations

import orjson
import pytest

from store.common.errors import RuleRefused
from store.db.database import Database
from store.domain.classification import Classification, classification_of
from store.domain.records import Intake, IntakeRow, Worker, build, worker_numbers
from store.domain.vocab import CaseKind, IntakeStatus, RowDecision, Sex
from store.exchange.check import check


def _demo_worker(db: Database, name: str) -> Worker:
    return next(w for c in db.cases() for w in db.workers_of(c.id) if w.full_name == name)


def _intake(db: Database) -> Intake:
    known = _demo_worker(db, "Rizky Pratama Nugroho")
    inquiry = db.open_inquiries()[0]
    rows = [
        IntakeRow(label="row 2", name="Riski Pratama Nugroho", compound="Lotus Park",
                  proposed=RowDecision.MATCH, worker_id=known.id, sex=Sex.MALE),
        IntakeRow(label="row 3", name="Budi Santoso Wijaya", phone="0812 5550 7777",
                  compound="  lotus PARK ", proposed=RowDecision.NEW, nationality="ID"),
        IntakeRow(label="row 4", name="Yohanis Kristianto Manek", compound="Gedung Merah",
                  proposed=RowDecision.NEW, inquiry_id=inquiry.id),
        IntakeRow(label="row 5", name="Tidak Jelas", proposed=RowDecision.SKIP),
    ]
    return db.save_intake(build(Intake, {"title": "KBRI Phnom Penh list, 12 Jan 2026",
                                         "rows": rows, "destination_country": "KH"}))


def test_every_field_that_names_or_reaches_someone_is_private() -> None:
    for name in ("name", "other_names", "date_of_birth", "phone", "passport", "compound",
                 "notes", "home_province", "age"):
        assert classification_of(IntakeRow, name) is Classification.SENSITIVE
    for name in ("decision", "proposed", "worker_id", "inquiry_id", "case_id", "label"):
        assert classification_of(IntakeRow, name) is Classification.PUBLIC
    assert classification_of(Intake, "rows") is Classification.SENSITIVE


def test_a_triage_is_saved_as_it_goes_and_resumes(demo_db: Database) -> None:
    intake = _intake(demo_db)
    assert demo_db.open_intakes() == [intake] and intake.reviewed == 0
    demo_db.decide_row(intake.id, 1, RowDecision.NEW)
    demo_db.close()
    again = Database.open(demo_db.path)
    try:
        resumed = again.open_intakes()[0]
        assert [r.decision for r in resumed.rows] == [None, RowDecision.NEW, None, None]
        with pytest.raises(RuleRefused, match="3 rows are not reviewed yet"):
            again.confirm_intake(intake.id, "officer Dewi")
        assert again.open_intakes()[0].status is IntakeStatus.OPEN
    finally:
        again.close()


def test_confirming_makes_group_cases_workers_and_links_at_once(demo_db: Database) -> None:
    intake = _intake(demo_db)
    known = _demo_worker(demo_db, "Rizky Pratama Nugroho")
    cases_before = len(demo_db.cases())
    for index, row in enumerate(intake.rows):
        demo_db.decide_row(intake.id, index, row.proposed, row.worker_id)
    done = demo_db.confirm_intake(intake.id, "officer Dewi")
    assert done.status is IntakeStatus.CONFIRMED and done.confirmed_by == "officer Dewi"
    # Two groups: "Lotus Park" (a registry place's name, written two ways) and "Gedung Merah".
    assert len(done.case_ids) == 2 and len(demo_db.cases()) == cases_before + 2
    lotus, red = (next(c for c in demo_db.cases() if c.id == i) for i in done.case_ids)
    assert lotus.kind is CaseKind.GROUP and lotus.destination_country == "KH"
    # A case's title is public: the compounds (sensitive, as the registry's places) are
    # said in each group case's log instead, and the registry's place is linked.
    assert lotus.title == "KBRI Phnom Penh list, 12 Jan 2026, group 1 of 2"
    assert "Gedung Merah" not in red.title and "Lotus" not in lotus.title
    assert any("held at Gedung Merah" in e.summary for e in demo_db.log_of(red.id))
    place = next(p for p in demo_db.places() if p.name == "Blue Lotus compound")
    held = [link for link in demo_db.registry_links() if link.case_id == lotus.id]
    assert [(link.place_id, link.certainty.value) for link in held] == [(place.id, "alleged")]
    assert [w.full_name for w in demo_db.workers_of(lotus.id)] == ["Budi Santoso Wijaya"]
    assert [w.full_name for w in demo_db.workers_of(red.id)] == ["Yohanis Kristianto Manek"]
    number = worker_numbers(demo_db.workers_of(known.case_id))[known.id]
    own = [e for e in demo_db.log_of(known.case_id) if known.id in e.worker_ids
           and "Listed in KBRI Phnom Penh list" in e.summary]
    assert len(own) == 1 and lotus.ref in own[0].summary
    group_entry = [e.summary for e in demo_db.log_of(lotus.id)
                   if e.summary.startswith("Already in Pulang")]
    known_ref = next(c.ref for c in demo_db.cases() if c.id == known.case_id)
    assert group_entry == [f"Already in Pulang, linked: {known_ref} No. {number}"]
    assert "Rizky" not in group_entry[0]
    # The rows keep their decisions and ids only: nothing personal is kept twice.
    assert all(not r.name and not r.phone and not r.compound for r in done.rows)
    assert [r.decision for r in done.rows] == [r.proposed for r in intake.rows]
    assert done.rows[1].worker_id is not None and done.rows[1].case_id == lotus.id
    assert "Budi" not in orjson.dumps(demo_db.raw_tables()["intakes"]).decode()
    # The inquiry the third row may answer waits for an officer's confirmation.
    inquiry = demo_db.inquiry(intake.rows[2].inquiry_id or "")
    assert inquiry.pending_worker_id == done.rows[2].worker_id
    assert any(e.action == "intake-confirmed" and e.table == "intakes"
               for e in demo_db.audit_trail().entries)
    with pytest.raises(RuleRefused, match="not changed any more"):
        demo_db.decide_row(intake.id, 0, RowDecision.SKIP)
    assert check(demo_db) == []


def test_a_group_without_a_country_is_refused_whole(demo_db: Database) -> None:
    intake = demo_db.save_intake(build(Intake, {"title": "Shelter list", "rows": [
        IntakeRow(label="row 2", name="Budi Santoso", decision=RowDecision.NEW)]}))
    cases = len(demo_db.cases())
    with pytest.raises(RuleRefused, match="Say the country"):
        demo_db.confirm_intake(intake.id, "officer Dewi")
    assert len(demo_db.cases()) == cases and demo_db.open_intakes()[0].rows[0].name
    demo_db.confirm_intake(intake.id, "officer Dewi", destination_country="TH")
    assert len(demo_db.cases()) == cases + 1


def test_abandoning_blanks_the_rows_and_makes_nothing(demo_db: Database) -> None:
    intake = _intake(demo_db)
    gone = demo_db.abandon_intake(intake.id)
    assert gone.status is IntakeStatus.ABANDONED and all(not r.name for r in gone.rows)
    assert demo_db.open_intakes() == [] and check(demo_db) == []


def test_a_worker_removed_or_erased_leaves_no_row_naming_them(demo_db: Database) -> None:
    intake = _intake(demo_db)
    known = _demo_worker(demo_db, "Rizky Pratama Nugroho")
    demo_db.decide_row(intake.id, 0, RowDecision.MATCH, known.id)
    demo_db.erase_worker(known.id)
    row = demo_db.intake(intake.id).rows[0]
    assert not row.name and not row.compound and row.worker_id == known.id
    other = _demo_worker(demo_db, "Dewi Anggraini Siregar")
    demo_db.decide_row(intake.id, 1, RowDecision.MATCH, other.id)
    demo_db.remove_worker(other.id)
    row = demo_db.intake(intake.id).rows[1]
    assert row.worker_id is None and row.decision is None and row.name == "Budi Santoso Wijaya"
    assert check(demo_db) == []


def test_an_intake_is_exported_and_checked_like_any_record(demo_db: Database) -> None:
    from store.exchange.export import tables_of
    intake = _intake(demo_db)
    assert [d["id"] for d in tables_of(demo_db)["intakes"]] == [intake.id]
