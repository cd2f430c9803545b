"""A worker list checked against every case (store/exchange/worker_import.py `check_rows`): a
row likely to be a worker of another case is flagged with that worker, their case and why;
a namesake born on another date is not; nothing is written."""

from __future__ import annotations

from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.exchange.worker_import import check_rows, guess_mapping, read_list


def test_a_row_likely_a_worker_of_another_case_says_who_and_why(empty_db: Database) -> None:
    other = empty_db.save_case(build(Case, {"title": "Bavet", "destination_country": "KH"}))
    empty_db.save_worker(build(Worker, {"case_id": other.id, "full_name": "Souksavanh "
                                        "Phommachanh", "date_of_birth": "1998-04-03"}))
    empty_db.save_worker(build(Worker, {"case_id": other.id, "full_name": "Dewi Lestari",
                                        "date_of_birth": "1990-01-01"}))
    case = empty_db.save_case(build(Case, {"title": "New list", "destination_country": "KH"}))
    listed = read_list("Nama;Tanggal lahir\nSouksavan Phommachan;03/04/1998\n"
                       "Dewi Lestari;05/06/2001\nWulan Tumbelaka;01/02/1999\n".encode())
    before = empty_db.path.read_bytes()
    rows = check_rows(empty_db, listed, guess_mapping(listed), case.id)
    assert rows[0].match is not None and rows[0].match.ref == other.ref
    assert any(w.startswith(f"likely Souksavanh Phommachanh, worker 2 of case {other.ref} "
                            "(same name, same date of birth)") for w in rows[0].warnings)
    assert rows[1].match is None and rows[2].match is None
    assert all(row.ok for row in rows)
    assert empty_db.path.read_bytes() == before
