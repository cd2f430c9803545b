"""An anonymised case in the exports (issue 35): the json round trip keeps the day it was
anonymised; the HTCDS statistics keep its worker's row with no column read from a personal
field filled (the age band, the majority status: from a date of birth now gone)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.common import clock
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.domain.rules.keeping import add_months
from store.exchange.export import export_json, import_json
from store.exchange.htcds import export_htcds
from tests.exchange.test_htcds import _allow_statistics, _rows

MOMENT = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.timezone.utc)
PERSONAL_COLUMNS = ("ageBroad", "majorityStatus")  # computed from the date of birth or age


def anonymised_case(db: Database) -> tuple[Case, dict[str, str]]:
    """A case closed 25 months ago, its worker consenting to statistics; anonymised. The
    worker's HTCDS row as it was before."""
    today = clock.today()
    case = db.save_case(build(Case, {"title": "Fishing", "destination_country": "KH",
                                     "date_reported": add_months(today, -27)}))
    worker = db.save_worker(build(Worker, {
        "case_id": case.id, "full_name": "Ayu Lestari", "nationality": "ID", "sex": "female",
        "date_of_birth": "1999-04-02"}))
    _allow_statistics(db, [worker])
    db.close_case(case.id, "returned_home", on=add_months(today, -25))
    _columns, (before,) = _rows(export_htcds(db, k=1)[0])
    return db.anonymise_case(case.id, "Officer Dewi", today), before


def test_the_json_round_trip_keeps_the_day_it_was_anonymised(empty_db: Database,
                                                             tmp_path: Path) -> None:
    case, _before = anonymised_case(empty_db)
    data = export_json(empty_db, MOMENT)
    copy = Database.open(tmp_path / "copy.json", create=True)
    import_json(copy, data)
    assert copy.get(Case, case.id).anonymised_on == case.anonymised_on == clock.today()
    assert b"Ayu Lestari" not in data
    copy.close()


def test_the_htcds_row_of_an_anonymised_case_has_no_personal_column_filled(
        empty_db: Database) -> None:
    _case, before = anonymised_case(empty_db)
    assert all(before[column] for column in PERSONAL_COLUMNS)  # filled before
    _columns, (after,) = _rows(export_htcds(empty_db, k=1)[0])
    assert all(after[column] == "" for column in PERSONAL_COLUMNS)
    assert after["cas_Status"] == "Closed" and after["citizenship"] == before["citizenship"]
