"""Matching people across every case (store/db/people.py) on a real database file: a person
found in another case under another spelling, script or number, with the reasons; a common
name alone not proposed; the workers excluded; the indexes kept up to date by saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.db import Database, PersonMatch
from store.domain import Case, PersonToMatch, Worker, build

Person = PersonToMatch


def _case(db: Database, title: str, **fields: str) -> Case:
    return db.save_case(build(Case, {"title": title, "destination_country": "KH",
                                     "date_reported": "2026-01-10", **fields}))


def _worker(db: Database, case: Case, name: str, **fields: object) -> Worker:
    return db.save_worker(build(Worker, {"case_id": case.id, "full_name": name, **fields}))


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path, create=True)
    bavet = _case(database, "Workers out of a Bavet compound")
    _worker(database, bavet, "Muhammad Rizky Pratama", other_spellings=["Riski Pratama"],
            nationality="ID", phone="0812-3456-7890", passport_number="c 1234567",
            date_of_birth="1996-02-11")
    _worker(database, bavet, "Siti Aminah", nationality="ID", phone="+62 813 1111 2222")
    laos = _case(database, "Two workers from Savannakhet", origin_country="LA")
    _worker(database, laos, "Souksavanh Phommachanh", phone="020 5555 0101",
            nationality="LA", passport_number="P0012345", date_of_birth="1998-04-03")
    _worker(database, laos, "Khamphone Sengdara")
    many = _case(database, "Many of the same name")
    for n in range(4):
        _worker(database, many, "Agus Hidayat", date_of_birth=f"199{n}-05-0{n + 1}")
    yield database
    database.close()


def test_a_person_is_found_in_another_case_by_a_spelling_and_birth_date(db: Database) -> None:
    (best, *_rest) = db.match_person(Person("Souksavan Phommachan",
                                            date_of_birth=dt.date(1998, 4, 3)))
    assert isinstance(best, PersonMatch)
    assert (best.name, best.likely, best.number) == ("Souksavanh Phommachanh", True, 2)
    assert best.ref and best.case_id and best.why == ["same name", "same date of birth"]


def test_a_name_in_lao_script_finds_the_latin_spelling(db: Database) -> None:
    (best, *_rest) = db.match_person(Person("ສຸກສະຫວັນ ພົມມະຈັນ",
                                            date_of_birth=dt.date(1998, 4, 3)))
    assert best.name == "Souksavanh Phommachanh" and best.likely
    assert best.likeness.reasons[0] == "script"


def test_a_passport_or_phone_finds_a_person_whatever_the_name(db: Database) -> None:
    (by_passport, *_rest) = db.match_person(Person("M. Rizki", passport="C1234567"))
    assert by_passport.name == "Muhammad Rizky Pratama" and by_passport.likely
    (by_phone, *_rest) = db.match_person(Person("Siti Aminah Lubis", phone="081311112222"))
    assert by_phone.name == "Siti Aminah" and "phone" in by_phone.likeness.reasons


def test_a_common_name_alone_is_not_proposed_but_a_birth_date_picks_one(db: Database) -> None:
    alone = db.match_person(Person("Agus Hidayat"), limit=5)
    assert len(alone) == 4 and not any(match.likely for match in alone)
    (one, *others) = db.match_person(Person("Agus Hidajat", date_of_birth=dt.date(1992, 5, 3)))
    assert one.likely and not any(match.likely for match in others)


def test_a_new_person_gets_no_likely_match_and_exclude_is_kept(db: Database) -> None:
    assert not any(m.likely for m in db.match_person(Person("Wulan Tumbelaka")))
    (rizky,) = [m for m in db.match_person(Person("Riski Pratama")) if m.likely]
    assert not [m for m in db.match_person(Person("Riski Pratama"), exclude={rizky.worker_id})
                if m.worker_id == rizky.worker_id]


def test_many_people_at_once_each_with_their_own_list(db: Database) -> None:
    lists = db.match_people([Person("Khamphone Sengdara"), Person("Nobody Known"),
                             Person("Siti Aminah", phone="+62 813 1111 2222")])
    assert [[m.name for m in found if m.likely] for found in lists] == [
        ["Khamphone Sengdara"], [], ["Siti Aminah"]]


def test_a_worker_saved_is_found_by_their_birth_date_at_once(db: Database) -> None:
    case = _case(db, "Later")
    _worker(db, case, "Dara Sok", date_of_birth="2001-07-07")
    (best,) = db.match_person(Person("Dara Sokk", date_of_birth=dt.date(2001, 7, 7)))
    assert best.name == "Dara Sok" and best.likely
