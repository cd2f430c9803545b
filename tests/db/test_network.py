"""The union's network in the store: organisations, people, meetings, agreements and tasks.

Phones are parsed the ways people write them; names are matched across spellings; a merge
keeps every spelling, link and role; agreements move along their lifecycle; tasks feed Today;
a database from before the network opens with its log's free text offered for linking, never
changed.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import orjson
import pytest

from store.common.errors import (
    AgreementMoveRefused,
    LinkRefused,
    MergeRefused,
    RecordInvalid,
    StillLinked,
    VersionUnchanged,
)
from store.db.database import Database
from store.domain.records import (
    Agreement,
    Case,
    LogEntry,
    Meeting,
    Organisation,
    Person,
    Task,
    build,
)
from store.domain.vocab import AgreementArea, AgreementStatus, LogKind, MeetingKind, OrgKind
from store.engine.audit import MERGE
from store.engine.migrations import MIGRATIONS
from store.exchange.check import check

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = dt.date.today()


# -- phones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "country", "e164"), [
    ("0812-3456-7890", None, "+6281234567890"),  # Indonesian mobile, as written at home
    ("+62 812 3456 7890", None, "+6281234567890"),
    ("(+856) 20 5555 1234", None, "+8562055551234"),  # Lao mobile with the code in brackets
    ("020 5555 1234", "LA", "+8562055551234"),  # the same, written in Laos
    ("012 345 678", "KH", "+85512345678"),  # Cambodian mobile, written in Cambodia
    ("+855 97 123 4567", None, "+855971234567"),
    ("0062 812 3456 7890", None, "+6281234567890"),  # the international prefix from Indonesia
    ("001 855 12 345 678", None, "+85512345678"),  # a Cambodian number dialled from Indonesia
    ("007 856 20 5555 1234", None, "+8562055551234"),  # a Lao one, through another carrier
    ("021 555 1234", None, "+62215551234"),  # a Jakarta landline: a local 0 is not a prefix
])
def test_phones_are_stored_in_e164_as_people_write_them(written: str, country: str | None,
                                                        e164: str) -> None:
    person = build(Person, {"full_name": "A contact", "country": country, "phones": [written]})
    assert person.phones == [e164]


def test_several_phones_are_kept_each_once() -> None:
    person = build(Person, {"full_name": "A contact",
                            "phones": "0812-3456-7890; +62 812 3456 7890, +856 20 5555 1234"})
    assert person.phones == ["+6281234567890", "+8562055551234"]


@pytest.mark.parametrize(("written", "reason"), [
    ("0812", "0812: This phone number is too short"),
    ("+62 812 3456 7890 1234 5678", "This phone number is too long"),
    ("call the office", "call the office: Not a phone number"),
    ("+999 1234 5678", "Unknown country calling code"),
])
def test_a_phone_that_cannot_be_read_is_refused_with_the_reason(written: str,
                                                                reason: str) -> None:
    with pytest.raises(RecordInvalid) as refused:
        build(Person, {"full_name": "A contact", "phones": [written]})
    assert reason in refused.value.errors["phones"]
    assert str(refused.value).startswith("Phones: ")


def test_an_email_address_is_checked() -> None:
    with pytest.raises(RecordInvalid) as refused:
        build(Person, {"full_name": "A contact", "emails": "office at lftu.la"})
    assert refused.value.errors["emails"] == "office at lftu.la: not an e-mail address"


# -- the directory ----------------------------------------------------------------------------


def org(db: Database, name: str, acronym: str = "", **fields: object) -> Organisation:
    return db.save_organisation(build(Organisation, {"name": name, "acronym": acronym,
                                                     **fields}))


def person(db: Database, name: str, **fields: object) -> Person:
    return db.save_person(build(Person, {"full_name": name, **fields}))


@pytest.fixture
def network(empty_db: Database) -> Database:
    db = empty_db
    atuc = org(db, "ASEAN Trade Union Council", "ASEAN TUC",
               kind=OrgKind.REGIONAL_UNION_COUNCIL)
    lftu = org(db, "Lao Federation of Trade Unions", "LFTU", kind=OrgKind.UNION_FEDERATION,
               country="Laos", city="Vientiane", parent_id=atuc.id)
    org(db, "Konfederasi Serikat Pekerja Seluruh Indonesia", "KSPSI",
        kind=OrgKind.UNION_FEDERATION, country="ID", parent_id=atuc.id)
    person(db, "Phonensan Vilaymeing", org_id=lftu.id, title="Senior Vice President",
           phones=["(+856) 20 5555 1234"], languages=["Lao", "English"])
    person(db, "Phonesan Vilaymeing", title="Senior Vice President (LFTU)",
           phones=["+856 20 5555 9876"], emails=["svp@example.org"], notes="From the news item.")
    person(db, "Pathoumthong Louangvilay", org_id=lftu.id,
           title="Director of Organising Department")
    person(db, "Chanpen Manyseing", org_id=lftu.id, title="Director of Labor Department")
    return db


def by_name(db: Database, name: str) -> Person:
    return next(p for p in db.people() if p.full_name == name)


def org_named(db: Database, acronym: str) -> Organisation:
    return next(o for o in db.organisations() if o.acronym == acronym)


def test_the_two_spellings_in_the_news_item_are_offered_as_a_match(network: Database) -> None:
    svp = by_name(network, "Phonensan Vilaymeing")
    found = network.similar_people("Phonesan Vilaymeing")
    assert [m.id for m in found][:2] == [by_name(network, "Phonesan Vilaymeing").id, svp.id]
    # Creating the second spelling again, or without the space: the first is offered.
    assert svp.id in [m.id for m in network.similar_people("Phonesan Vilaymeing",
                                                            exclude=found[0].id)]
    assert svp.id in [m.id for m in network.similar_people("Phonensan Vilay-meing")]


@pytest.mark.parametrize("unrelated", [
    "Phonesack Inthavong",  # same length, same first syllable
    "Pathoumphone Sayavong",
    "Chanthavone Apaiyalath",
    "Alounsieng Vichitvongsa",
])
def test_unrelated_names_of_similar_length_are_not_matched(network: Database,
                                                           unrelated: str) -> None:
    found = network.similar_people(unrelated)
    assert by_name(network, "Phonensan Vilaymeing").id not in [m.id for m in found]
    assert by_name(network, "Phonesan Vilaymeing").id not in [m.id for m in found]


def test_an_organisation_typed_as_its_acronym_finds_the_one_spelled_out(network: Database) -> None:
    lftu = org_named(network, "LFTU")
    assert [m.id for m in network.similar_organisations("LFTU")][:1] == [lftu.id]
    assert network.similar_organisations("Lao Federation of Trade Union")[0].id == lftu.id
    assert not network.similar_organisations("Cambodian Labour Confederation")


def test_a_change_of_title_or_organisation_keeps_the_one_before(network: Database) -> None:
    chanpen = by_name(network, "Chanpen Manyseing")
    kspsi = org_named(network, "KSPSI")
    moved = network.save_person(chanpen.model_copy(update={
        "title": "Liaison officer", "org_id": kspsi.id,
        "title_since": dt.date(2026, 3, 1)}))
    assert (moved.org_id, moved.title, moved.title_since) == (
        kspsi.id, "Liaison officer", dt.date(2026, 3, 1))
    [before] = moved.history
    assert (before.org_id, before.title, before.until) == (
        org_named(network, "LFTU").id, "Director of Labor Department", dt.date(2026, 3, 1))
    # A change of phone number alone is no new role.
    again = network.save_person(moved.model_copy(update={"phones": ["+62 811 000 1234"]}))
    assert len(again.history) == 1
    assert [p.id for p in network.people_of(org_named(network, "LFTU").id, former=True)] \
        .count(chanpen.id) == 1
    assert chanpen.id not in [p.id for p in network.people_of(org_named(network, "LFTU").id)]


def test_a_link_to_a_record_that_is_not_there_is_refused(network: Database) -> None:
    with pytest.raises(LinkRefused):
        person(network, "Someone", org_id="0" * 32)
    lftu = org_named(network, "LFTU")
    atuc = org_named(network, "ASEAN TUC")
    with pytest.raises(LinkRefused, match="cannot be a member of an organisation that is "
                                          "itself a member"):
        network.save_organisation(atuc.model_copy(update={"parent_id": lftu.id}))


# -- meetings, tasks and Today ----------------------------------------------------------------


def vientiane(db: Database) -> Meeting:
    lftu, atuc = org_named(db, "LFTU"), org_named(db, "ASEAN TUC")
    return db.save_meeting(build(Meeting, {
        "at": "12/12/2025 10:00", "kind": MeetingKind.WORKING_VISIT,
        "title": "ASEAN TUC working visit to LFTU", "city": "Vientiane", "country": "LA",
        "org_ids": [atuc.id, lftu.id],
        "person_ids": [by_name(db, "Phonensan Vilaymeing").id,
                       by_name(db, "Phonesan Vilaymeing").id],
        "agenda": "Trafficking into online-scam networks", "decisions": "Draft a cooperation",
    }))


def test_a_meeting_task_due_this_week_is_in_today_until_done(network: Database) -> None:
    meeting = vientiane(network)
    owner = by_name(network, "Pathoumthong Louangvilay")
    task = network.save_task(build(Task, {
        "text": "Send the first draft to LFTU", "owner_id": owner.id,
        "due": TODAY + dt.timedelta(days=3), "meeting_id": meeting.id}))
    network.save_task(build(Task, {"text": "Later", "due": TODAY + dt.timedelta(days=30),
                                   "meeting_id": meeting.id}))
    [due] = network.today().tasks
    assert (due.task_id, due.owner, due.source, due.due) == (
        task.id, "Pathoumthong Louangvilay", "ASEAN TUC working visit to LFTU", task.due)
    network.complete_task(task)
    assert network.today().tasks == []
    assert network.tasks(meeting_id=meeting.id, open_only=True)[0].text == "Later"


def test_a_task_comes_from_a_meeting_or_an_agreement() -> None:
    with pytest.raises(RecordInvalid) as refused:
        build(Task, {"text": "Something"})
    assert "meeting_id" in refused.value.errors


def test_removing_a_meeting_removes_its_tasks(network: Database) -> None:
    meeting = vientiane(network)
    network.save_task(build(Task, {"text": "Follow up", "meeting_id": meeting.id}))
    network.remove_meeting(meeting.id)
    assert network.meetings() == [] and network.tasks() == []


# -- agreements -------------------------------------------------------------------------------


def draft(db: Database) -> Agreement:
    return db.save_agreement(build(Agreement, {
        "title": "KSPSI–LFTU cooperation",
        "party_ids": [org_named(db, "KSPSI").id, org_named(db, "LFTU").id],
        "areas": [AgreementArea.EDUCATION, AgreementArea.ADVOCACY],
    }))


def test_an_agreement_moves_along_its_lifecycle_each_move_dated(network: Database) -> None:
    agreement = draft(network)
    assert agreement.status is AgreementStatus.IDEA and agreement.since == TODAY
    agreement = network.move_agreement(agreement, AgreementStatus.DRAFTING, on=TODAY)
    agreement = network.move_agreement(agreement, AgreementStatus.NEGOTIATION, note="sent")
    assert [(c.status, c.on) for c in agreement.history] == [
        (AgreementStatus.IDEA, TODAY), (AgreementStatus.DRAFTING, TODAY),
        (AgreementStatus.NEGOTIATION, TODAY)]
    with pytest.raises(AgreementMoveRefused, match="From negotiation an agreement moves to "
                                                   "signed, drafting, terminated, not to in "
                                                   "force"):
        network.move_agreement(agreement, AgreementStatus.IN_FORCE)
    with pytest.raises(AgreementMoveRefused, match="its own action"):
        network.save_agreement(agreement.model_copy(update={"status": AgreementStatus.SIGNED}))
    ended = network.move_agreement(agreement, AgreementStatus.TERMINATED)
    with pytest.raises(AgreementMoveRefused, match="does not move any more"):
        network.move_agreement(ended, AgreementStatus.DRAFTING)


def test_an_agreement_needs_two_parties() -> None:
    with pytest.raises(RecordInvalid) as refused:
        build(Agreement, {"title": "One-sided", "party_ids": ["a" * 32]})
    assert refused.value.errors["party_ids"] == "an agreement has at least two parties"


def test_each_draft_version_is_kept_numbered(network: Database) -> None:
    agreement = network.add_draft_version(draft(network), "Article 1. Education.\r\n")
    agreement = network.add_draft_version(agreement, "Article 1. Education and training.\n",
                                          note="LFTU's changes")
    assert [(v.number, v.text, v.note) for v in network.agreement(agreement.id).versions] == [
        (1, "Article 1. Education.\n", ""),
        (2, "Article 1. Education and training.\n", "LFTU's changes")]
    # The latest text again (its line breaks written otherwise) is no new version.
    with pytest.raises(VersionUnchanged, match="same as version 2"):
        network.add_draft_version(agreement, "Article 1. Education and training.\r\n",
                                  note="again")
    assert len(network.agreement(agreement.id).versions) == 2
    # An earlier version's text is a new version: going back is a change.
    again = network.add_draft_version(agreement, "Article 1. Education.\n")
    assert [v.number for v in again.versions] == [1, 2, 3]


# -- merging ----------------------------------------------------------------------------------


def test_a_merge_keeps_every_spelling_link_and_role(network: Database) -> None:
    case = network.save_case(build(Case, {"title": "Ten workers", "destination_country": "KH"}))
    keep, drop = by_name(network, "Phonensan Vilaymeing"), by_name(network, "Phonesan Vilaymeing")
    entry = network.save_log_entry(build(LogEntry, {
        "case_id": case.id, "kind": LogKind.CALL, "summary": "Spoke with the SVP",
        "counterpart_org": "LFTU", "counterpart_person": "Phonesan",
        "counterpart_person_id": drop.id}))
    meeting = vientiane(network)
    agreement = network.save_agreement(draft(network).model_copy(
        update={"signatory_ids": [drop.id]}))
    task = network.save_task(build(Task, {"text": "Call back", "owner_id": drop.id,
                                          "agreement_id": agreement.id}))

    merged = network.merge_people(keep.id, drop.id)

    assert merged.full_name == "Phonensan Vilaymeing"
    assert merged.other_spellings == ["Phonesan Vilaymeing"]
    assert merged.phones == ["+8562055551234", "+8562055559876"]
    assert merged.emails == ["svp@example.org"] and merged.languages == ["Lao", "English"]
    assert merged.notes == "From the news item."
    assert (merged.org_id, merged.title) == (keep.org_id, "Senior Vice President")
    assert [(r.org_id, r.title) for r in merged.history] == [
        (None, "Senior Vice President (LFTU)")]
    assert merged.merged_ids == [drop.id]
    # Every link now leads to the one kept; the free text of the log is as it was.
    linked = network.get(LogEntry, entry.id)
    assert (linked.counterpart_person_id, linked.counterpart_person) == (keep.id, "Phonesan")
    assert network.meeting(meeting.id).person_ids == [keep.id]
    assert network.agreement(agreement.id).signatory_ids == [keep.id]
    assert network.tasks()[0].owner_id == keep.id == network.tasks()[0].owner_id
    assert task.id == network.tasks()[0].id
    # The other record is gone, but its id still leads to the person.
    assert [p.full_name for p in network.people()].count("Phonesan Vilaymeing") == 0
    assert network.person(drop.id).id == keep.id
    # One merge in the audit trail, naming ids, not names.
    merges = [e for e in network.audit_trail().entries if e.action == MERGE]
    assert {e.table for e in merges} >= {"people", "log", "meetings", "agreements", "tasks"}
    assert all(e.note == f"{drop.id} -> {keep.id}" for e in merges)
    assert "Phonesan" not in orjson.dumps([e.fields for e in merges]).decode()
    assert check(network) == []


def test_search_finds_both_spellings_until_they_are_merged(network: Database) -> None:
    hits = [(h.kind, h.title) for h in network.search("Vilaymeing")]
    assert hits == [("person", "Phonensan Vilaymeing"), ("person", "Phonesan Vilaymeing")]
    # Spelled the other way, a word at a time: found too.
    assert ("person", "Phonensan Vilaymeing") in [(h.kind, h.title)
                                                 for h in network.search("Phonesan")]
    network.merge_people(by_name(network, "Phonensan Vilaymeing").id,
                         by_name(network, "Phonesan Vilaymeing").id)
    assert [(h.kind, h.title) for h in network.search("Phonesan")] == [
        ("person", "Phonensan Vilaymeing")]
    assert [h.title for h in network.search("lftu") if h.kind == "organisation"] == [
        "Lao Federation of Trade Unions (LFTU)"]


def test_merging_organisations_moves_their_people_and_keeps_their_names(
        network: Database) -> None:
    lftu = org_named(network, "LFTU")
    dup = org(network, "Lao Federation of Trade Union", "FTU Lao", country="LA")
    moved = person(network, "Alounsieng Vichitvongsa", org_id=dup.id,
                   title="Director of Propaganda Department")
    merged = network.merge_organisations(lftu.id, dup.id)
    assert merged.other_names == ["Lao Federation of Trade Union", "FTU Lao"]
    assert merged.acronym == "LFTU"
    assert network.person(moved.id).org_id == lftu.id
    assert len(network.people_of(lftu.id)) == 4
    assert network.organisation(dup.id).id == lftu.id


def test_a_merge_that_would_leave_an_agreement_one_party_is_refused(network: Database) -> None:
    agreement = draft(network)
    kspsi, lftu = agreement.party_ids
    with pytest.raises(MergeRefused, match="two different parties"):
        network.merge_organisations(lftu, kspsi)
    assert len(network.organisations()) == 3
    with pytest.raises(MergeRefused):
        network.merge_people(lftu, lftu)


def test_a_linked_record_is_not_removed_but_merged(network: Database) -> None:
    lftu = org_named(network, "LFTU")
    with pytest.raises(StillLinked, match="3 people"):
        network.remove_organisation(lftu.id)
    alone = org(network, "Typo Union")
    network.remove_organisation(alone.id)
    assert "Typo Union" not in [o.name for o in network.organisations()]


def test_check_names_a_link_to_a_record_that_is_not_there(network: Database) -> None:
    lftu = org_named(network, "LFTU")
    network.save_organisation(org_named(network, "KSPSI").model_copy(update={"parent_id":
                                                                             lftu.id}))
    # Removed behind the store's back (another program, or a file edited by hand).
    with network.transaction():
        from store.db.database import _TABLE_OF
        from store.engine.tables import Change

        network._stage(Change(_TABLE_OF[Organisation], lftu.id, lftu.version, None, None))
    problems = [str(p) for p in check(network)]
    assert any("names a record that does not exist: Member of" in p for p in problems)
    assert any("names a record that does not exist: Organisation" in p for p in problems)


def test_check_names_a_case_shared_with_or_an_entry_from_an_organisation_not_there(
        network: Database) -> None:
    """Schema 6's links to the directory are checked like the others."""
    from store.domain.records import Case, LogEntry, build

    case = network.save(build(Case, {"title": "Held near the border",
                                     "destination_country": "KH"}))
    union = org(network, "Union of Phnom Penh")
    network.share_case(case.id, union.id)
    network.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": "Called back",
                                            "from_org_id": union.id}))
    assert check(network) == []
    with network.transaction():
        from store.db.database import _TABLE_OF
        from store.engine.tables import Change

        network._stage(Change(_TABLE_OF[Organisation], union.id, union.version, None, None))
    problems = [str(p) for p in check(network)]
    assert any("names a record that does not exist: Shared with" in p for p in problems)
    assert any("names a record that does not exist: From partner" in p for p in problems)


# -- a database from before the network -------------------------------------------------------


@pytest.mark.parametrize("fixture", ["schema_v1.json", "schema_v2.json", "schema_v3.json"])
def test_schema_4_keeps_every_value_and_links_nothing_by_itself(tmp_path: Path,
                                                                fixture: str) -> None:
    path = tmp_path / "pulang.json"
    shutil.copyfile(FIXTURES / fixture, path)
    path.chmod(0o600)
    before = orjson.loads(path.read_bytes())
    with Database.open(path, migrations=MIGRATIONS[:3]) as db:
        assert db.schema == MIGRATIONS[2].to_version == 4
        assert check(db) == []
        after = db.raw_tables()
        for table in ("cases", "workers", "log"):
            old = {doc["id"]: doc for doc in before[table].values()}
            new = {doc["id"]: doc for doc in after[table].values()}
            assert old.keys() == new.keys() and old
            for record_id, doc in old.items():
                assert {k: v for k, v in new[record_id].items() if k in doc} == doc
        for name in ("organisations", "people", "meetings", "agreements", "tasks"):
            assert after[name] == {}
        assert all(e.counterpart_org_id is None and e.counterpart_person_id is None
                   for c in db.cases() for e in db.log_of(c.id))
    lines = [line for line in path.read_bytes().splitlines() if b'"summary"' in line]
    assert lines and all(line.rstrip(b",").endswith((b'"next_step_done":false}',
                                                     b'"next_step_done":true}'))
                         for line in lines)


def test_free_text_counterparts_are_offered_for_linking_and_never_changed(
        tmp_path: Path) -> None:
    path = tmp_path / "pulang.json"
    shutil.copyfile(FIXTURES / "schema_v3.json", path)
    path.chmod(0o600)
    with Database.open(path) as db:
        assert db.counterpart_offers() == []  # nothing in the directory to offer yet
        police = org(db, "Desk Ketenagakerjaan Polri", "", kind=OrgKind.LAW_ENFORCEMENT,
                     other_names=["Police labour desk"])
        kbri = org(db, "Embassy of Indonesia in Phnom Penh", "KBRI Phnom Penh",
                   kind=OrgKind.EMBASSY)
        texts_before = {e.id: (e.counterpart_org, e.counterpart_person)
                        for c in db.cases() for e in db.log_of(c.id)}
        offers = {o.text: o for o in db.counterpart_offers() if o.field == "org"}
        assert offers["Desk Ketenagakerjaan Polri"].candidate_id == police.id
        assert len(offers["Desk Ketenagakerjaan Polri"].entry_ids) == 2
        assert offers["KBRI Phnom Penh"].candidate_id == kbri.id
        assert "Cambodian union confederation" not in offers
        # Offering changed nothing.
        assert {e.id: (e.counterpart_org, e.counterpart_person, e.counterpart_org_id)
                for c in db.cases() for e in db.log_of(c.id)} == {
            k: (*v, None) for k, v in texts_before.items()}
        # Linking on the officer's word sets the link and keeps the text as typed.
        db.link_counterparts(offers["Desk Ketenagakerjaan Polri"].entry_ids, org_id=police.id)
        for entry_id in offers["Desk Ketenagakerjaan Polri"].entry_ids:
            entry = db.get(LogEntry, entry_id)
            assert entry.counterpart_org_id == police.id
            assert (entry.counterpart_org, entry.counterpart_person) == texts_before[entry_id]
        assert "Desk Ketenagakerjaan Polri" not in {o.text for o in db.counterpart_offers()}
        assert [e.id for e in db.entries_naming(police.id)] != []
        case_ids = db.cases_of(police.id)
        assert len(case_ids) == 1
