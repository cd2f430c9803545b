"""`pulang import-workers`: the rows and their problems said first, nothing written without a
confirmation (or --yes), --dry-run never touching the database, the rows left out kept."""

from __future__ import annotations

import random
import stat
from pathlib import Path

import pytest

from store.common.errors import ExitCode
from store.db.database import Database
from store.exchange.demo import write_demo
from tests.bounded import within
from tests.conftest import Run, files_of
from tui.cli import main

LIST = ("\ufeffNama;No. HP;Tanggal Lahir;Asal\r\n"
        "Wulan Baru;0812-3456-7890;03/04/1999;Jawa Tengah\r\n"
        "Putu Kecil;12;;Bali\r\n").encode("utf-8")


def demo_with_list(tmp_path: Path) -> tuple[Path, Path]:
    db_path = tmp_path / "pulang.json"
    write_demo(db_path).close()
    listed = tmp_path / "list.csv"
    listed.write_bytes(LIST)
    return db_path, listed


def test_a_dry_run_lists_every_row_and_writes_nothing(cli: Run, tmp_path: Path) -> None:
    db_path, listed = demo_with_list(tmp_path)
    before = files_of(db_path)
    done = cli("import-workers", listed, "--case", "KH-2025-0001", "--db", db_path,
               "--dry-run")
    assert done.returncode == 1, done.stderr  # a row is left out
    out = done.stdout
    assert "read as UTF-8 (with the byte-order mark Excel writes), 2 rows." in out
    assert ("Columns: 1 “Nama”: Full name, 2 “No. HP”: Phone, 3 “Tanggal Lahir”: Date of "
            "birth, 4 “Asal”: Home province") in out
    assert "row 2: ok: Wulan Baru" in out
    assert "check: date of birth 03/04/1999 read as day 3, month 4" in out
    assert "row 3: left out: Putu Kecil\n    problem: Phone: This phone number is too short" \
        in out
    assert "Nothing was written (--dry-run)." in out
    assert files_of(db_path) == before  # not a byte changed, no backup taken


@pytest.mark.script
def test_without_a_terminal_it_asks_for_yes_and_writes_nothing(pulang: Run,
                                                              tmp_path: Path) -> None:
    db_path, listed = demo_with_list(tmp_path)
    with Database.open(db_path) as db:
        count = len(db.workers_of(db.case_by_ref("KH-2025-0001").id))  # type: ignore[union-attr]
    done = pulang("import-workers", listed, "--case", "KH-2025-0001", "--db", db_path,
                  "--left-out", tmp_path / "left-out.csv")
    assert done.returncode == 5
    assert "Run it again with --yes." in done.stderr
    left_out = tmp_path / "left-out.csv"
    assert stat.S_IMODE(left_out.stat().st_mode) == 0o600  # it holds names
    assert b"Putu Kecil;12;;Bali;Phone: This phone number is too short" in left_out.read_bytes()
    with Database.open(db_path) as db:
        assert len(db.workers_of(db.case_by_ref("KH-2025-0001").id)) == count  # type: ignore[union-attr]

    done = pulang("import-workers", listed, "--case", "KH-2025-0001", "--db", db_path, "--yes")
    assert done.returncode == 1  # one row was left out
    assert "1 worker added to KH-2025-0001." in done.stdout
    with Database.open(db_path) as db:
        workers = db.workers_of(db.case_by_ref("KH-2025-0001").id)  # type: ignore[union-attr]
        assert len(workers) == count + 1
        assert "Wulan Baru" in [w.full_name for w in workers]


def test_an_unreadable_file_or_an_unknown_case_is_said(cli: Run, tmp_path: Path) -> None:
    db_path, listed = demo_with_list(tmp_path)
    done = cli("import-workers", tmp_path / "missing.csv", "--case", "KH-2025-0001",
               "--db", db_path)
    assert done.returncode == 2 and "Cannot read" in done.stderr
    done = cli("import-workers", listed, "--case", "KH-2099-0001", "--db", db_path)
    assert done.returncode == 1 and "No case KH-2099-0001" in done.stderr


def test_an_excel_workbook_is_read_from_its_first_sheet_and_an_old_xls_is_refused(
        cli: Run, tmp_path: Path) -> None:
    import datetime as dt

    from openpyxl import Workbook

    db_path, _listed = demo_with_list(tmp_path)
    book = Workbook()
    sheet = book.active
    sheet.append(["Nama", "No. HP", "Tanggal Lahir", "No. Paspor"])
    sheet.append(["Wulan Baru", 81234567890, dt.datetime(1999, 4, 3), "C7312345"])  # a number
    sheet.append([None])  # an empty row: skipped, the next keeps its row number
    sheet.append(["Putu Kecil", "12", "31/02/2000", None])
    sheet.append(["Agus Formula", "=1+1", None, None])  # a formula: never its text
    book.create_sheet("Notes").append(["Not a worker"])
    workbook = tmp_path / "list.xlsx"
    book.save(workbook)
    before = files_of(db_path)
    done = cli("import-workers", workbook, "--case", "KH-2025-0001", "--db", db_path,
               "--dry-run")
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert "an Excel workbook (.xlsx), its first sheet" in out
    assert "row 2: ok: Wulan Baru" in out
    # A date cell is a date: no day-or-month question; the phone that was a number is read.
    assert "check: date of birth" not in out.split("row 4")[0]
    assert "row 4: left out: Putu Kecil" in out and "There is no such date: 31/02/2000" in out
    assert "=1+1" not in out and "Not a worker" not in out
    assert files_of(db_path) == before
    done = cli("import-workers", workbook, "--case", "KH-2025-0001", "--db", db_path, "--yes")
    db = Database.open(db_path)
    try:
        case = db.case_by_ref("KH-2025-0001")
        assert case is not None
        added = {w.full_name: w for w in db.workers_of(case.id)}
    finally:
        db.close()
    assert added["Wulan Baru"].phone == "+6281234567890"
    assert added["Wulan Baru"].date_of_birth == dt.date(1999, 4, 3)
    assert added["Wulan Baru"].passport_number == "C7312345"
    assert "Putu Kecil" not in added

    old = tmp_path / "list.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    done = cli("import-workers", old, "--case", "KH-2025-0001", "--db", db_path)
    assert done.returncode == 2
    assert "Excel 97-2003 workbook (.xls)" in done.stderr and "CSV UTF-8" in done.stderr


# -- lists that are not lists, in this process: a message and an exit code, never a crash ----

def in_process(*args: object) -> int:
    return main(["import-workers", *map(str, args)])


def test_a_line_of_200_kb_is_one_row_left_out_with_the_limit_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path, listed = demo_with_list(tmp_path)
    listed.write_bytes(LIST + b"A" * 200_000 + b";0812-3456-7891;;Bali\r\n")
    code = in_process(listed, "--case", "KH-2025-0001", "--db", db_path, "--dry-run")
    out = capsys.readouterr().out
    assert code == ExitCode.PROBLEMS  # before: _csv.Error "field larger than field limit"
    assert "row 4: left out: AAAA" in out and "row 2: ok: Wulan Baru" in out
    assert "problem: Full name: is too long: at most 200 characters, this has 200000" in out
    assert max(len(line) for line in out.splitlines()) < 200  # the name is not printed whole


def test_dev_zero_random_bytes_and_a_file_over_the_limit_exit_2_with_why(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path, _listed = demo_with_list(tmp_path)
    before = files_of(db_path)
    noise = tmp_path / "noise.csv"
    noise.write_bytes(random.Random(2026).randbytes(3000))
    large = tmp_path / "large.csv"
    large.write_bytes(b"Nama;Catatan\nDewi Anggraini;" + b"x" * (5 * 1024 * 1024))
    for given, why in (("/dev/zero", "/dev/zero is not a file but a device, a pipe or a folder"),
                       (noise, "it holds binary data, not text"),
                       (large, "larger than 5 MB, more than any list of workers")):
        code = within(30, lambda given=given: in_process(  # type: ignore[misc]
            given, "--case", "KH-2025-0001", "--db", db_path, "--yes"))
        said = capsys.readouterr()
        assert code == ExitCode.UNREADABLE, (given, said)
        assert why in said.err and said.out == ""
    assert files_of(db_path) == before


def test_a_dry_run_writes_no_left_out_file_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path, listed = demo_with_list(tmp_path)
    left_out = tmp_path / "left-out.csv"
    code = in_process(listed, "--case", "KH-2025-0001", "--db", db_path, "--dry-run",
                      "--left-out", left_out)
    said = capsys.readouterr()
    assert code == ExitCode.PROBLEMS  # a row would be left out
    assert not left_out.exists()
    assert "--left-out is ignored with --dry-run" in said.err
    assert "The rows left out are in" not in said.out
    assert "Nothing was written (--dry-run)." in said.out


# -- columns no field takes, --map, rows as the spreadsheet numbers them ---------------------

OFFICE_LIST = ("No.;Nama Lengkap (sesuai paspor);Agama;Asal (Kab/Kota);Nama Ibu;Kota Lahir\r\n"
               "1;Wulan Baru;Islam;Cianjur;Siti;Bandung\r\n"
               '2;"Putu\r\nKecil";Hindu;Tabanan;;\r\n'  # a line break in a cell
               "3;Sekar Baru;;Kupang;Maria;12\r\n").encode()


def test_a_column_with_data_and_no_field_is_warned_about_with_its_values_and_how_to_map_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path, listed = demo_with_list(tmp_path)
    listed.write_bytes(OFFICE_LIST)
    code = in_process(listed, "--case", "KH-2025-0001", "--db", db_path, "--dry-run")
    said = capsys.readouterr()
    assert code == ExitCode.OK, said
    assert "Not imported: column 3 “Agama”, 2 values.\n" in said.err
    assert "Not imported: column 5 “Nama Ibu”, 2 values.\n" in said.err
    assert "Not imported: column 6 “Kota Lahir”, 2 values.\n" in said.err
    assert "column 1" not in said.err and "column 4" not in said.err  # "No." and the district
    assert ("To keep a column, give it a field: --map 3=FIELD, FIELD one of full_name, "
            "other_spellings, sex,") in said.err
    assert "--map 3=skip leaves it out without this warning." in said.err
    assert ("Columns: 1 “No.”: (row numbers), 2 “Nama Lengkap (sesuai paspor)”: Full name, "
            "3 “Agama”: (left out), 4 “Asal (Kab/Kota)”: Home district") in said.out
    # Rows as the sheet numbers them (Putu's cell spans two lines of the file), with its No.
    assert "row 2 (No. 1): ok: Wulan Baru" in said.out
    assert "row 3 (No. 2): ok: Putu Kecil" in said.out
    assert "row 4 (No. 3): ok: Sekar Baru" in said.out


def test_map_gives_a_column_its_field_by_header_number_or_letter_and_skip_is_quiet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path, listed = demo_with_list(tmp_path)
    listed.write_bytes(OFFICE_LIST)
    code = in_process(listed, "--case", "KH-2025-0001", "--db", db_path, "--yes",
                      "--map", "agama=notes", "--map", "5=family_contact", "--map", "F=skip")
    said = capsys.readouterr()
    assert code == ExitCode.OK, said
    assert "Not imported" not in said.err and "--map" not in said.err
    assert "3 workers added to KH-2025-0001." in said.out
    with Database.open(db_path) as db:
        case = db.case_by_ref("KH-2025-0001")
        assert case is not None
        added = {w.full_name: w for w in db.workers_of(case.id)}
    assert added["Wulan Baru"].notes == "Agama: Islam"
    assert added["Wulan Baru"].family_contact == "Siti"
    assert added["Wulan Baru"].home_district == "Cianjur"
    assert added["Sekar Baru"].notes == ""  # no Agama; "Kota Lahir" skipped
    assert "Bandung" not in repr(added["Wulan Baru"])


@pytest.mark.parametrize(("given", "said"), [
    ("Agama=religion", "is not COLUMN=FIELD: COLUMN is a column's header, number or letter, "
                       "FIELD one of full_name, other_spellings"),
    ("home_district", "is not COLUMN=FIELD"),
    ("Z=notes", "This list has no column “Z”. Its columns: column 1 “No.”; column 2 “Nama "
                "Lengkap (sesuai paspor)”"),
    ("9=notes", "This list has no column “9”."),
])
def test_a_bad_map_is_a_usage_error_that_lists_the_fields_or_the_columns(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, said: str) -> None:
    db_path, listed = demo_with_list(tmp_path)
    listed.write_bytes(OFFICE_LIST)
    before = files_of(db_path)
    try:
        code = in_process(listed, "--case", "KH-2025-0001", "--db", db_path, "--yes",
                          "--map", given)
    except SystemExit as exit_:  # argparse's own refusal, with the usage
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE, err
    assert said in err
    assert files_of(db_path) == before


def test_the_left_out_file_says_each_rows_place_in_the_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path, listed = demo_with_list(tmp_path)
    listed.write_bytes(LIST.replace(b"Putu Kecil", b'"Putu\r\nKecil"'))
    left_out = tmp_path / "left-out.csv"
    code = in_process(listed, "--case", "KH-2025-0001", "--db", db_path, "--yes",
                      "--left-out", left_out)
    assert code == ExitCode.PROBLEMS
    assert "row 3: left out: Putu Kecil" in capsys.readouterr().out  # line 3 and 4 of the file
    data = left_out.read_bytes().decode("utf-8-sig")
    assert data.startswith("Nama;No. HP;Tanggal Lahir;Asal;Problem;Original row\r\n")
    assert data.endswith(";Phone: This phone number is too short;3\r\n")


# -- where the rows left out may go ----------------------------------------------------------


@pytest.mark.parametrize("target", ["the list itself", "the database", "its journal",
                                    "its audit trail", "a file already there"])
def test_the_left_out_file_never_replaces_the_list_the_database_or_a_file_without_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str) -> None:
    """Before: `--left-out list.csv` replaced the officer's list by its one bad row, and
    `--left-out pulang.json.audit` wrote over the audit trail."""
    db_path, listed = demo_with_list(tmp_path)
    other = tmp_path / "kept.csv"
    other.write_bytes(b"an earlier list")
    out = {"the list itself": listed, "the database": db_path,
           "its journal": Path(f"{db_path}.journal"), "its audit trail": Path(f"{db_path}.audit"),
           "a file already there": other}[target]
    before = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    code = in_process(listed, "--case", "KH-2025-0001", "--db", db_path, "--yes",
                      "--left-out", out)
    said = capsys.readouterr()
    expected = ExitCode.NEEDS_CONFIRMATION if target == "a file already there" else \
        ExitCode.USAGE
    assert code == expected, said
    assert {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert "nothing was written" in said.err.lower()


def test_the_left_out_file_replaces_a_file_with_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path, listed = demo_with_list(tmp_path)
    out = tmp_path / "kept.csv"
    out.write_bytes(b"an earlier list")
    code = in_process(listed, "--case", "KH-2025-0001", "--db", db_path, "--yes",
                      "--left-out", out, "--force")
    assert code == ExitCode.PROBLEMS  # one row left out, in the file
    assert b"Putu Kecil" in out.read_bytes()


def test_an_export_to_import_that_is_a_device_is_refused_not_read_for_ever(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "new.json"
    code = within(10, lambda: main(["import", "/dev/zero", "--db", str(db_path)]))
    assert code == ExitCode.UNREADABLE
    assert "not a file but a device" in capsys.readouterr().err
    assert not db_path.exists()
