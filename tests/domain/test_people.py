"""Whether two people are likely the same (store/domain/matching/people.py): which evidence
makes a likely match, which takes one back, and the reasons said."""

from __future__ import annotations

import datetime as dt

from store.common.i18n import set_language
from store.domain import PersonToMatch, Worker, build, compare_people, person_of, reasons_said
from store.domain.matching import Person

BORN = dt.date(1998, 4, 3)


def test_store_domain_offers_the_person_to_match_under_another_name() -> None:
    assert PersonToMatch is Person


def test_a_close_name_and_the_same_birth_date_is_likely() -> None:
    likeness = compare_people(Person("Souksavan Phommachan", date_of_birth=BORN),
                              Person("Souksavanh Phommachanh", date_of_birth=BORN))
    assert likeness.likely and likeness.reasons == ("name", "birth_date")
    assert likeness.score >= 80


def test_the_same_name_born_on_another_date_is_not_likely() -> None:
    likeness = compare_people(Person("Rizky Pratama", date_of_birth=BORN),
                              Person("Rizky Pratama", date_of_birth=dt.date(1990, 1, 5)))
    assert not likeness.likely and "birth_date_differs" in likeness.reasons
    assert likeness.born == dt.date(1990, 1, 5)


def test_a_name_alone_is_likely_only_when_near_identical() -> None:
    assert compare_people(Person("Rizky Pratama"), Person("Rizky Pratama")).likely
    assert not compare_people(Person("Rizky Pratama"), Person("Riski Pratama")).likely


def test_the_same_passport_or_phone_is_strong() -> None:
    a = Person("Muhammad Rizky Pratama", passport="c 1234567")
    b = Person("M. Rizki", passport="C1234567")
    assert compare_people(a, b).likely and "passport" in compare_people(a, b).reasons
    c = Person("Siti Aminah", phone="0813-1111-2222")
    d = Person("Siti Aminah Lubis", phone="+62 813 1111 2222", date_of_birth=BORN)
    assert compare_people(c, d).likely and "phone" in compare_people(c, d).reasons
    assert not compare_people(Person("Dewi Lestari", phone="0813-1111-2222"),
                              Person("Agus Hidayat", phone="+62 813 1111 2222")).likely


def test_a_name_in_another_script_counts_as_the_name() -> None:
    likeness = compare_people(Person("ສຸກສະຫວັນ ພົມມະຈັນ", date_of_birth=BORN),
                              Person("Souksavanh Phommachanh", date_of_birth=BORN))
    assert likeness.likely and likeness.reasons[0] == "script"


def test_an_age_is_held_against_a_birth_date() -> None:
    on = dt.date(2026, 1, 10)
    agrees = compare_people(Person("Dara Sok", age=27), Person("Dara Sok", date_of_birth=BORN),
                            on=on)
    assert agrees.likely and "age" in agrees.reasons
    differs = compare_people(Person("Dara Sok", age=40),
                             Person("Dara Sok", date_of_birth=BORN), on=on)
    assert not differs.likely and "age_differs" in differs.reasons


def test_the_reasons_are_said_in_the_users_words() -> None:
    set_language("en")
    likeness = compare_people(Person("Sengdao Keomany", passport="P0012345"),
                              Person("Noy Vilaysack", ("Sengdao Keomany",),
                                     date_of_birth=BORN, passport="P0012345"))
    assert reasons_said(likeness) == ["name spelt 'Sengdao Keomany'", "same passport"]
    differs = compare_people(Person("Rizky Pratama", date_of_birth=dt.date(1990, 1, 5)),
                             Person("Rizky Pratama", date_of_birth=BORN))
    assert reasons_said(differs) == ["same name", "born on another date (3 Apr 1998)"]


def test_a_worker_as_a_person() -> None:
    worker = build(Worker, {"case_id": "c", "full_name": "Siti Aminah", "sex": "female",
                            "date_of_birth": "1998-04-03", "phone": "0813 1111 2222",
                            "nationality": "ID", "other_spellings": ["Siti Aminnah"]})
    person = person_of(worker)
    assert person.names == ("Siti Aminah", "Siti Aminnah")
    assert (person.date_of_birth, person.phone, person.nationality) == (
        BORN, "+6281311112222", "ID")
