"""The Database's workers' search (store/db/finding.py) on a real database file: which field
found a worker, phones and passports, the in-memory indexes kept up to date by saves, renames,
removals and other officers' changes, and nothing of it written to any file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.db import Database, rows_found
from store.domain import Case, Worker, build


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
            nationality="ID", phone="0812-3456-7890", passport_number="c 1234567")
    _worker(database, bavet, "Siti Aminah", nationality="ID", phone="+62 813 1111 2222")
    laos = _case(database, "Two workers from Savannakhet", origin_country="LA")
    _worker(database, laos, "Souksavanh Phommachanh", phone="020 5555 0101",
            nationality="LA", passport_number="P0012345")
    _worker(database, laos, "Khamphone Sengdara")
    yield database
    database.close()


def _names(found: list) -> list[str]:  # type: ignore[type-arg]
    return [f.name for f in found]


def test_a_worker_is_found_by_another_spelling_and_says_which(db: Database) -> None:
    (found,) = db.find("Riski Pratama")
    assert (found.name, found.field, found.matched, found.score) == (
        "Muhammad Rizky Pratama", "other_spelling", "Riski Pratama", 100.0)
    assert found.ref.startswith("KH-") and found.words == found.of == 2
    best = db.find("M. Rizki")[0]
    assert (best.name, best.field, best.matched) == (
        "Muhammad Rizky Pratama", "name", "Muhammad Rizky Pratama")
    assert _names(db.find("Rizky Muhammad")) == ["Muhammad Rizky Pratama"]


def test_a_part_of_a_name_as_typed_is_still_found(db: Database) -> None:
    (found,) = db.find("ammad riz")  # inside words: as the search found before
    assert found.name == "Muhammad Rizky Pratama" and found.score < 85


@pytest.mark.parametrize("query", ["3456 7890", "34567890", "0812 3456 7890", "+62812-3456-7890"])
def test_a_phone_is_found_by_its_last_digits_in_any_format(db: Database, query: str) -> None:
    (found,) = db.find(query)
    assert (found.name, found.field, found.matched) == (
        "Muhammad Rizky Pratama", "phone", "+6281234567890")


def test_a_local_number_is_read_in_the_worker_s_country(db: Database) -> None:
    (found,) = db.find("020-5555-0101")
    assert (found.name, found.field, found.score) == ("Souksavanh Phommachanh", "phone", 100.0)


def test_a_worker_without_nationality_is_read_in_the_case_s_country(db: Database) -> None:
    laos = db.case_by_ref(db.find("Khamphone")[0].ref)
    assert laos is not None
    worker = next(w for w in db.workers_of(laos.id) if w.full_name == "Khamphone Sengdara")
    # Typed in Laos, the worker form read it as the worker's nationality says (none: +62).
    db.save_worker(worker.model_copy(update={"phone": "+8562099998888"}))
    (found,) = db.find("020 9999 8888")
    assert (found.name, found.field, found.score) == ("Khamphone Sengdara", "phone", 100.0)


@pytest.mark.parametrize(("query", "score"), [("C1234567", 100.0), ("c123 4567", 100.0),
                                              ("C12345", 75.0)])
def test_a_passport_number_or_its_beginning_finds_its_worker(db: Database, query: str,
                                                            score: float) -> None:
    (found,) = db.find(query)
    assert (found.name, found.field, found.matched, found.score) == (
        "Muhammad Rizky Pratama", "passport", "C1234567", score)


def test_ctrl_f_s_hits_say_which_field_matched(db: Database) -> None:
    workers = [h for h in db.search("Riski Pratama") if h.kind == "worker"]
    assert [(h.title, h.field, h.matched) for h in workers] == [
        ("Muhammad Rizky Pratama", "other_spelling", "Riski Pratama")]
    workers = [h for h in db.search("P0012345") if h.kind == "worker"]
    assert [(h.title, h.field, h.matched) for h in workers] == [
        ("Souksavanh Phommachanh", "passport", "P0012345")]
    assert [h.field for h in db.search("5555 0101") if h.kind == "worker"] == ["phone"]


def test_the_find_numbers_each_worker_in_their_case(db: Database) -> None:
    found = db.find("Siti Aminah", numbered=True)[0]
    assert found.number == 2  # Muhammad..., then Siti, as the case page lists them


# -- kept up to date ----------------------------------------------------------------------------


def test_the_indexes_follow_a_save_a_rename_and_a_removal(db: Database) -> None:
    db.prepare_finding()  # built now: what follows must keep them up to date
    case = db.case_by_ref(db.find("Siti Aminah")[0].ref)
    assert case is not None
    added = _worker(db, case, "Nur Aisyah Ramadhani", phone="0812 7777 6666",
                    passport_number="B9876543")
    assert _names(db.find("Nur Aisah")) == ["Nur Aisyah Ramadhani"]
    assert _names(db.find("77776666")) == ["Nur Aisyah Ramadhani"]
    renamed = db.save_worker(added.model_copy(update={
        "full_name": "Dewi Anggraini", "other_spellings": ["Dewi Angraini"],
        "phone": "+6281255554444", "passport_number": "B1111111"}))
    assert db.find("Nur Aisah") == [] and db.find("77776666") == []
    assert db.find("B9876543") == []
    assert _names(db.find("Dewi Anggraeni")) == ["Dewi Anggraini"]
    assert _names(db.find("55554444")) == ["Dewi Anggraini"]
    assert _names(db.find("B1111111")) == ["Dewi Anggraini"]
    db.remove_worker(renamed.id)
    assert db.find("Dewi Anggraini") == [] and db.find("55554444") == []
    assert db.find("B1111111") == []
    assert db.worker_cases("Dewi Anggraini").get(case.id) is None


def test_the_indexes_follow_another_officer_s_changes(db: Database, db_path: Path) -> None:
    db.prepare_finding()
    case = db.case_by_ref(db.find("Siti Aminah")[0].ref)
    assert case is not None
    other = Database.open(db_path)
    _worker(other, case, "Yohanes Kristianto Manek", phone="0812 2222 3333")
    assert _names(db.find("Yohanis Manek")) == ["Yohanes Kristianto Manek"]  # their journal
    siti = next(w for w in other.workers_of(case.id) if w.full_name == "Siti Aminah")
    other.save_worker(siti.model_copy(update={"full_name": "Siti Aminah Lubis"}))
    other.compact()  # then a new snapshot: read again, the indexes kept and brought in line
    assert _names(db.find("Siti Aminah Lubis")) == ["Siti Aminah Lubis"]
    assert _names(db.find("22223333")) == ["Yohanes Kristianto Manek"]
    other.close()


# -- the cases filter and likely matches -------------------------------------------------------


def test_the_cases_filter_finds_cases_by_a_worker_s_name_best_first(db: Database) -> None:
    matches = db.worker_cases("Rizki Pratama")
    rows = db.case_rows()
    (row,) = rows_found(rows, matches)
    found = matches.get(row.id)
    assert found is not None
    assert (found.name, found.field, found.spelling, found.score) == (
        "Muhammad Rizky Pratama", "name", "Muhammad Rizky Pratama", 97.0)
    assert len(db.worker_cases("Sengdara")) == 1  # one case, though one word
    assert len(db.worker_cases("Riz")) == 0  # short: the filter matches it as typed


def test_a_worker_being_added_is_matched_against_every_case(db: Database) -> None:
    found = db.similar_workers("Mohammad Rizki Pratama")
    assert [(f.name, f.field, f.number) for f in found] == [
        ("Muhammad Rizky Pratama", "name", 1)]
    assert found[0].score >= 85
    # By another spelling of the new worker's, too; never the worker being edited.
    assert _names(db.similar_workers("Somebody Else", ["Souksavan Phommachan"])) == [
        "Souksavanh Phommachanh"]
    assert db.similar_workers("Souksavan Phommachan", exclude=db.find(
        "Souksavanh")[0].worker_id) == []


# -- nothing personal written ------------------------------------------------------------------


def _files(*folders: Path) -> dict[Path, str]:
    return {path: hashlib.sha256(path.read_bytes()).hexdigest()
            for folder in folders for path in folder.rglob("*") if path.is_file()}


def test_searching_writes_nothing_anywhere(db: Database, db_path: Path, tmp_path: Path,
                                          isolated_environment: Path) -> None:
    before = _files(tmp_path, isolated_environment)
    assert db_path in before
    db.prepare_finding()
    for query in ("Riski Pratama", "3456 7890", "C1234567", "Souksavan", "Siti"):
        assert db.find(query, numbered=True)
        db.search(query)
    db.worker_cases("Rizki")
    db.similar_workers("Mohammad Rizki")
    assert _files(tmp_path, isolated_environment) == before
