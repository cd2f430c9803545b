"""The store's lists by name in the interface language's order (store/common/collation.py):
the directory's organisations and people, an organisation's people and members, agreements,
the search's organisations and people, and the countries a form offers. The real store on a
temporary file."""

from __future__ import annotations

from store.common.i18n import set_language
from store.db.database import Database
from store.domain.countries import all_countries
from store.domain.records import Agreement, Organisation, Person, build

# Each list in the expected order; by code point the names starting with a vowel sign written
# before their consonant (ไ แ เ, ແ ໄ) would come last.
THAI_PEOPLE = ["กมล ใจดี", "แก้วใจ ศรีสุข", "ไพศาล ทองคำ", "สมชาย ใจกล้า"]
LAO_PEOPLE = ["ກອງແກ້ວ ສີສຸວັນ", "ແສງເດືອນ ພົມມະຈັນ", "ໄຊຍະສອນ ແກ້ວມະນີ", "ບຸນມີ ສີຫາລາດ"]
ORGS = ["Serikat Buruh Migran Indonesia", "Śramik Sangh", "สหภาพแรงงานประมง",
        "ແຮງງານລາວ ສະຫະພັນ"]


def person(db: Database, name: str, **fields: object) -> Person:
    return db.save_person(build(Person, {"full_name": name, **fields}))


def org(db: Database, name: str, **fields: object) -> Organisation:
    return db.save_organisation(build(Organisation, {"name": name, **fields}))


def test_the_directory_s_lists_by_name(empty_db: Database) -> None:
    db = empty_db
    parent = org(db, "Union council")
    members = [org(db, name, parent_id=parent.id) for name in reversed(ORGS)]
    for name in reversed(THAI_PEOPLE + LAO_PEOPLE):
        person(db, name, org_id=members[0].id)
    for title in ("ໄຊ cooperation", "ກອງ cooperation", "ບຸນ cooperation"):
        db.save_agreement(build(Agreement, {"title": title,
                                            "party_ids": [members[0].id, members[1].id]}))
    # In English: Latin, then Thai, then Lao, each in its own order.
    assert [p.full_name for p in db.people()] == THAI_PEOPLE + LAO_PEOPLE
    assert [p.full_name for p in db.people_of(members[0].id)] == THAI_PEOPLE + LAO_PEOPLE
    assert [o.name for o in db.members_of(parent.id)] == ORGS
    assert [a.title for a in db.agreements()] == [
        "ກອງ cooperation", "ໄຊ cooperation", "ບຸນ cooperation"]
    # In Lao: Lao first.
    set_language("lo")
    assert [p.full_name for p in db.people()] == LAO_PEOPLE + THAI_PEOPLE
    assert [o.name for o in db.organisations()] == [
        "ແຮງງານລາວ ສະຫະພັນ", "Serikat Buruh Migran Indonesia", "Śramik Sangh", "Union council",
        "สหภาพแรงงานประมง"]


def test_the_search_lists_organisations_and_people_by_name(empty_db: Database) -> None:
    db = empty_db
    people = ["กมล ศรีสุข", "แก้วใจ ศรีสุข", "ไพศาล ศรีสุข", "สมชาย ศรีสุข"]
    for name in reversed(people):
        person(db, name)
    org(db, "สหภาพ ประมง")
    org(db, "สหภาพ ไทย")  # ไทย by its ท, before ป
    assert [h.title for h in db.search("ศรีสุข") if h.kind == "person"] == people
    assert [h.title for h in db.search("สหภาพ") if h.kind == "organisation"] == [
        "สหภาพ ไทย", "สหภาพ ประมง"]


def test_a_form_offers_the_countries_in_the_language_s_order() -> None:
    set_language("lo")
    names = [name for name, _code in all_countries()]
    # ປະເທດກຳປູເຈຍ, ປະເທດໄທ, ປະເທດມຽນມາ: ໄທ by its ທ, between ກ and ມ (by its ໄ, U+0EC4,
    # it would follow ມ, U+0EA1).
    cambodia, thailand, myanmar = (next(n for n, code in all_countries() if code == wanted)
                                   for wanted in ("KH", "TH", "MM"))
    assert names.index(cambodia) < names.index(thailand) < names.index(myanmar)
