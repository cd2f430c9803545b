"""Worker lists as spreadsheets and chats really write them: read, mapped, checked row by row,
and only then written, all at once."""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import pytest

from store.common.errors import InputFileUnreadable, UsageError
from store.db.database import Database
from store.domain.records import Case, Worker, build
from store.domain.vocab import Sex
from store.exchange.worker_import import (
    FIELDS,
    MAX_ROWS,
    apply_choices,
    column_of,
    guess_mapping,
    left_out_columns,
    map_choice,
    pasted_path,
    preview,
    read_file,
    read_list,
    rows_left_out_csv,
)
from tests.bounded import within


@pytest.fixture
def case(empty_db: Database) -> Case:
    case = empty_db.save_case(build(Case, {"title": "Ten workers", "destination_country": "KH"}))
    empty_db.save_worker(build(Worker, {"case_id": case.id, "full_name": "Rizky Pratama",
                                        "other_spellings": ["Riski Pratama"]}))
    return case


def checked(db: Database, case: Case, data: bytes):  # type: ignore[no-untyped-def]
    listed = read_list(data)
    existing = [(w.id, w.all_names) for w in db.workers_of(case.id)]
    from store.domain.matching import NameIndex

    return listed, preview(listed, guess_mapping(listed), case.id, existing,
                           NameIndex(existing))


def test_excel_in_an_indonesian_locale_semicolons_bom_and_day_first_dates(
        empty_db: Database, case: Case) -> None:
    data = ("\ufeffNama;No. Paspor;Asal;No. HP;Tanggal Lahir;;\r\n"
            "Dewi Anggraini;C7312345;Sumatera Utara;0812-3456-7890;25/12/2000;;\r\n"
            "Agus Setiawan;c 731 9999;Kepulauan Riau;+62 813 1111 2222;1993-05-17;;\r\n"
            ";;;;;;\r\n").encode("utf-8")
    listed, rows = checked(empty_db, case, data)
    assert (listed.encoding, listed.delimiter) == ("utf-8-sig", ";")
    assert listed.encoding_label == "UTF-8 (with the byte-order mark Excel writes)"
    assert guess_mapping(listed) == ["full_name", "passport_number", "home_province", "phone",
                                     "date_of_birth"]
    assert [r.problems for r in rows] == [[], []]
    dewi, agus = (r.worker for r in rows)
    assert dewi is not None and agus is not None
    assert (dewi.date_of_birth, dewi.phone, dewi.passport_number) == (
        dt.date(2000, 12, 25), "+6281234567890", "C7312345")
    assert (agus.date_of_birth, agus.passport_number) == (dt.date(1993, 5, 17), "C7319999")


def test_cells_holding_semicolons_in_a_comma_list_keep_the_comma_as_separator() -> None:
    """Both separators split these rows evenly; only "," splits the header as it splits the
    rows (found by tests/exchange/test_list_properties.py: ";" was taken, one column read)."""
    listed = read_list(b"Nama,No. HP\r\n;,;\r\nDewi;Sari,0812;3456\r\n")
    assert listed.delimiter == ","
    assert listed.header == ["Nama", "No. HP"]
    assert listed.rows == [[";", ";"], ["Dewi;Sari", "0812;3456"]]
    # ... and where ";" splits the rows into more columns than "," does
    listed = read_list(b"Nama,No. HP,Asal\r\n,;;,;;\r\n,;;,;;\r\n")
    assert (listed.delimiter, listed.header) == (",", ["Nama", "No. HP", "Asal"])
    assert listed.rows == [["", ";;", ";;"], ["", ";;", ";;"]]


def test_latin_1_is_read_and_said(empty_db: Database, case: Case) -> None:
    data = "Name,Province\nJosé Ramos-Horta,Díli\nNguyễn Văn An,Hà Nội\n"
    listed = read_list(data.replace("Nguyễn Văn An,Hà Nội\n", "").encode("latin-1"))
    assert listed.encoding == "cp1252"  # Windows-1252 holds every Latin-1 letter used here
    assert listed.rows == [["José Ramos-Horta", "Díli"]]
    assert "not UTF-8" in listed.encoding_label
    # A byte Windows-1252 leaves undefined: Latin-1, and said so.
    assert read_list("Name\nAb\x81c\n".encode("latin-1")).encoding == "latin-1"


def test_a_quoted_field_holds_a_line_break_and_rows_are_numbered_as_the_spreadsheet_does(
        empty_db: Database, case: Case) -> None:
    data = ('Nama,Catatan,Tanggal Lahir\n'
            '"Sri Wahyuningsih","Found at the border,\nwith her sister",12-12-1998\n'
            'Bayu Saputra,,03/04/1996\n').encode()
    listed, rows = checked(empty_db, case, data)
    # Bayu is on line 4 of the file but on row 3 of the sheet: the officer looks for row 3.
    assert [r.row for r in rows] == [2, 3]
    assert [r.where for r in rows] == ["row 2", "row 3"]
    assert rows[0].worker is not None
    assert rows[0].worker.notes == "Found at the border,\nwith her sister"
    assert rows[0].worker.date_of_birth == dt.date(1998, 12, 12)
    # Day and month could be swapped: read day first, as the region writes, and flagged.
    assert rows[1].worker is not None and rows[1].worker.date_of_birth == dt.date(1996, 4, 3)
    assert rows[1].warnings == ["date of birth 03/04/1996 read as day 3, month 4: check it is "
                                "not the other way round"]


def test_a_line_break_in_a_name_cell_is_joined_and_said_and_a_bad_row_keeps_its_name(
        empty_db: Database, case: Case) -> None:
    data = ('Nama;Tanggal Lahir\r\n'
            '"Budi\r\nSantoso";1998-12-12\r\n'  # Alt+Enter in the spreadsheet's cell
            '"Agus Salim";31/02/2000\r\n').encode()
    _listed, rows = checked(empty_db, case, data)
    assert rows[0].ok and rows[0].worker is not None
    assert rows[0].worker.full_name == "Budi Santoso"
    assert rows[0].warnings == ["Full name: the line break in the cell was joined into one line"]
    assert not rows[1].ok and rows[1].name == "Agus Salim"  # not "31/02/2000" or a number


def test_every_problem_is_said_on_its_row_and_nothing_is_written(
        empty_db: Database, case: Case) -> None:
    data = ("Nama;Jenis Kelamin;No. HP;Tanggal Lahir\n"
            "Dewi Anggraini;P;0812-3456-7890;31/02/2000\n"  # no such date
            "Putu Eka;L;12;\n"  # not a phone
            "Riski Pratama;L;;\n"  # already in the case, another spelling
            "Dewi Anggraini;P;;\n"  # twice in the list
            ";X;;\n"  # no name, unknown sex
            "Nur Aisah;perempuan;;1 Des 2001\n").encode()
    before = empty_db.workers_of(case.id)
    _listed, rows = checked(empty_db, case, data)
    assert [(r.row, r.ok) for r in rows] == [(2, False), (3, False), (4, False), (5, False),
                                            (6, False), (7, True)]
    assert rows[0].problems == ["Date of birth: There is no such date: 31/02/2000"]
    assert rows[1].problems == ["Phone: This phone number is too short"]
    assert rows[2].problems == ["Riski Pratama is already a worker of this case"]
    assert rows[3].problems == ["the same name as row 2"]
    assert rows[4].problems == ["sex “X” is not one Pulang knows (L/P, male/female)",
                                "no name in this row"]
    assert rows[5].worker is not None and rows[5].worker.sex is Sex.FEMALE
    assert rows[5].worker.date_of_birth == dt.date(2001, 12, 1)
    assert empty_db.workers_of(case.id) == before  # checking wrote nothing
    left_out = rows_left_out_csv([r for r in rows if not r.ok], _listed.header)
    assert left_out.startswith(b"\xef\xbb\xbfNama;Jenis Kelamin;No. HP;Tanggal Lahir;Problem;"
                               b"Original row\r\n")
    assert b"Putu Eka;L;12;;Phone: This phone number is too short;3\r\n" in left_out


def test_a_close_spelling_of_a_worker_already_there_is_flagged(
        empty_db: Database, case: Case) -> None:
    _listed, rows = checked(empty_db, case, b"Nama\nRizki Pratama\n")
    assert rows[0].ok
    assert rows[0].warnings == ["close to Rizky Pratama, already in this case: the same "
                                "person?"]


def test_a_list_pasted_from_a_chat_one_worker_a_line(empty_db: Database, case: Case) -> None:
    data = "1. Dewi Anggraini\n2) Agus Setiawan\n\n- Sri Wahyuningsih\n• Bayu Saputra\n"
    listed, rows = checked(empty_db, case, data.encode())
    assert listed.delimiter == "" and listed.header is None
    assert [r.worker.full_name for r in rows if r.worker] == [
        "Dewi Anggraini", "Agus Setiawan", "Sri Wahyuningsih", "Bayu Saputra"]


def test_a_chat_message_gives_names_phones_and_the_rest_without_its_heading(
        empty_db: Database, case: Case) -> None:
    data = ("Daftar nama:\n"
            "1. Siti Aminah 0812-1111-2222\n"
            "2. Riski Pratama\n"  # already in the case
            "- Nur Hidayah, Jawa Barat\n"  # one comma: still a list, not a table
            "12. Dewi Lestari (0813 2222 3333)\n")
    listed, rows = checked(empty_db, case, data.encode())
    assert listed.delimiter == "" and listed.header is None
    assert guess_mapping(listed) == ["full_name", "phone", "notes"]
    assert [r.row for r in rows] == [2, 3, 4, 5]  # the pasted lines
    assert [r.name for r in rows] == ["Siti Aminah", "Riski Pratama", "Nur Hidayah",
                                      "Dewi Lestari"]
    assert rows[0].worker is not None and rows[0].worker.phone == "+6281211112222"
    assert rows[1].problems == ["Riski Pratama is already a worker of this case"]
    assert rows[2].worker is not None and rows[2].worker.notes == "Jawa Barat"
    assert rows[3].worker is not None and rows[3].worker.phone == "+6281322223333"


def test_a_confirmed_import_is_one_atomic_change(empty_db: Database, case: Case) -> None:
    _listed, rows = checked(empty_db, case, b"Nama\nDewi Anggraini\nAgus Setiawan\n")
    commits = empty_db._engine.commits  # noqa: SLF001 - counting journal entries written
    saved = empty_db.import_workers(case.id, [r.worker for r in rows if r.worker])
    assert empty_db._engine.commits == commits + 1  # noqa: SLF001
    assert sorted(w.full_name for w in empty_db.workers_of(case.id)) == [
        "Agus Setiawan", "Dewi Anggraini", "Rizky Pratama"]
    assert all(w.version == 1 for w in saved)


# -- lists that are not lists: nothing crashes, hangs or reads without end -----------------

MB = 1024 * 1024


def test_a_line_of_200_kb_is_said_on_its_row_with_the_limit_and_the_rest_goes_in(
        empty_db: Database, case: Case) -> None:
    # Python's csv stops at 128 KB a field ("field larger than field limit"): this crashed.
    long_name = "A" * 200_000
    for data in (f"Nama;No. HP\nDewi Anggraini;0812-3456-7890\n{long_name};0812\n",
                 f'Nama,Catatan\nDewi Anggraini,\n"Agus","{"x" * 199_000}\n{"y" * 1_000}"\n',
                 f"Dewi Anggraini\n{long_name}\n"):  # a table, a quoted cell, a chat list
        _listed, rows = checked(empty_db, case, data.encode())
        assert rows[0].ok, data[:40]
        assert len(rows) == 2 and not rows[1].ok
        assert any("at most" in p and ("200 characters" in p or "20000 characters" in p)
                   for p in rows[1].problems), rows[1].problems


def test_random_bytes_are_refused_as_binary_not_read_as_a_name() -> None:
    for seed in range(20):
        data = random.Random(seed).randbytes(random.Random(seed).randint(16, 5000))
        for sample in (data, data.replace(b"\x00", b"")):  # with its NULs and without
            with pytest.raises(InputFileUnreadable, match="binary data, not text"):
                read_list(sample)
    # One stray control character is not binary: it is said on its row.
    listed = read_list("Nama\nDewi\x1b Anggraini\nAgus Setiawan\n".encode())
    assert len(listed.rows) == 2


def test_a_list_over_the_size_or_row_limit_is_refused_saying_the_limit() -> None:
    with pytest.raises(InputFileUnreadable, match="larger than 5 MB"):
        read_list(b"Nama\n" + b"Dewi Anggraini\n" * (5 * MB // 15 + 1))  # 15 bytes over
    names = "".join(f"Worker {n}\n" for n in range(MAX_ROWS))
    assert len(read_list(f"Nama\n{names}".encode()).rows) == MAX_ROWS  # the limit is allowed
    with pytest.raises(InputFileUnreadable, match="more than 10000 rows"):
        read_list(f"Nama\n{names}Worker {MAX_ROWS}\n".encode())
    with pytest.raises(InputFileUnreadable, match="more than 10000 rows"):
        read_list(names.replace("\n", ";x\n").encode() + b"a;b\n")  # no header, a table


def test_a_file_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:
        file.truncate(4 * 1024 * MB)  # 4 GB, sparse: reading it whole would take minutes
    with pytest.raises(InputFileUnreadable, match="larger than 5 MB"):
        within(20, lambda: read_file(huge))
    exact = tmp_path / "exact.csv"
    exact.write_bytes(b"Nama\n" + b"x" * (5 * MB - 5))
    assert len(read_file(exact)) == 5 * MB


def test_a_device_a_pipe_or_a_folder_is_refused_before_a_byte_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # opening it to read would wait for a writer that never comes
    for path in (Path("/dev/zero"), Path("/dev/urandom"), pipe, tmp_path):
        with pytest.raises(InputFileUnreadable, match="not a file but a device"):
            within(20, lambda path=path: read_file(path))  # type: ignore[misc]
    with pytest.raises(InputFileUnreadable, match="Cannot read .*missing.csv"):
        read_file(tmp_path / "missing.csv")


def test_utf_16_is_read_and_a_broken_byte_order_mark_is_said() -> None:
    # Excel's "Unicode Text": UTF-16 with tabs, every other byte a NUL, which is not binary.
    listed = read_list("Nama\tNo. HP\nDewi Anggraini\t0812-3456-7890\n".encode("utf-16"))
    assert (listed.encoding, listed.delimiter) == ("utf-16", "\t")
    assert listed.rows == [["Dewi Anggraini", "0812-3456-7890"]]
    with pytest.raises(InputFileUnreadable, match="starts as Unicode text but is not"):
        read_list(b"\xef\xbb\xbfNama\n\xff\xfe\n")  # a UnicodeDecodeError before


def test_a_workbook_that_unpacks_to_too_much_is_refused_unopened(tmp_path: Path) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"<row/>" * (20 * MB))  # 120 MB of rows
    assert len(buffer.getvalue()) < MB
    with pytest.raises(InputFileUnreadable, match="unpacks to more than 100 MB"):
        within(20, lambda: read_list(buffer.getvalue()))


def test_any_text_gives_rows_or_a_message_never_an_error() -> None:
    rng = random.Random(7)
    alphabet = list("ab ;,\t\"'\n\r=+-@0123456789/.:LPé€") + ["\x1b", "\x00"]
    for _n in range(1500):
        text = "".join(rng.choice(alphabet) for _c in range(rng.randint(0, 60)))
        for encoding in ("utf-8", "cp1252", "utf-16"):
            try:
                listed = read_list(text.encode(encoding))
            except InputFileUnreadable:
                continue
            width = max((len(row) for row in listed.rows), default=0)
            mapping = [rng.choice((*FIELDS, None)) for _column in range(width)]
            rows = preview(listed, mapping, "case")
            rows_left_out_csv([r for r in rows if not r.ok], listed.header)


# -- headers as offices write them, columns no field takes, rows as the sheet numbers them -----

@pytest.mark.parametrize(("header", "field"), [
    ("Asal (Kab/Kota)", "home_district"), ("Kab./Kota", "home_district"),
    ("Kabupaten/Kota", "home_district"), ("District/City", "home_district"),
    ("Tgl. Lahir", "date_of_birth"), ("Tanggal Lahir (dd/mm/yyyy)", "date_of_birth"),
    ("Date of Birth (DD/MM/YYYY)", "date_of_birth"), ("No. Paspor/SPLP", "passport_number"),
    ("Passport No.", "passport_number"), ("L/P", "sex"), ("Jenis Kel.", "sex"),
    ("Gender (M/F)", "sex"), ("No HP/WA", "phone"), ("Phone/WhatsApp", "phone"),
    ("Nomor Telepon", "phone"), ("Nama Lengkap (sesuai paspor)", "full_name"),
    ("Full Name (as in passport)", "full_name"), ("Worker's name", "full_name"),
    ("Alamat", "notes"), ("Home address", "notes"), ("Tempat/Tgl. Lahir", "notes"),
    ("Provinsi", "home_province"), ("Prov.", "home_province"), ("Asal", "home_province"),
    ("Umur (tahun)", "age"), ("Kontak Keluarga", "family_contact"),
    ("No. HP Keluarga", "family_contact"), ("Lokasi sekarang", "current_location"),
    ("Kondisi kesehatan", "health"), ("Keterangan", "notes"),
])
def test_a_header_as_an_office_writes_it_names_its_field(header: str, field: str) -> None:
    listed = read_list(f"Nama;{header}\nDewi Anggraini;x\n".encode())
    assert listed.header == ["Nama", header]
    # A second name column is left out: "Nama" came first.
    assert guess_mapping(listed)[1] == (None if field == "full_name" else field)
    alone = read_list(f"{header}\nx\n".encode())
    assert alone.header == [header] and guess_mapping(alone) == [field]


def test_a_list_with_the_headers_offices_write_loses_no_column(
        empty_db: Database, case: Case) -> None:
    data = ("No.;Nama Lengkap (sesuai paspor);L/P;Tgl. Lahir;No. Paspor/SPLP;No HP/WA;"
            "Alamat;Asal (Kab/Kota);Provinsi;Keterangan\n"
            "1;Dewi Anggraini;P;25/12/2000;C 7312345;0812-3456-7890;Kp. Sukamaju RT 02;"
            "Cianjur;Jawa Barat;ditolong di Sihanoukville\n").encode()
    listed, rows = checked(empty_db, case, data)
    assert guess_mapping(listed) == [None, "full_name", "sex", "date_of_birth",
                                     "passport_number", "phone", "notes", "home_district",
                                     "home_province", "notes"]
    assert left_out_columns(listed, guess_mapping(listed)) == []  # "No." numbers the rows
    [dewi] = rows
    assert dewi.problems == [] and dewi.worker is not None
    worker = dewi.worker
    assert (worker.sex, worker.date_of_birth, worker.passport_number, worker.phone) == (
        Sex.FEMALE, dt.date(2000, 12, 25), "C7312345", "+6281234567890")
    assert (worker.home_district, worker.home_province) == ("Cianjur", "Jawa Barat")
    # Two columns in the notes, the one that is not a notes column with its header.
    assert worker.notes == "Alamat: Kp. Sukamaju RT 02\nditolong di Sihanoukville"


def test_a_column_that_holds_data_and_fills_no_field_is_named_with_how_many_values(
        empty_db: Database, case: Case) -> None:
    data = ("No;Nama;Nama Ibu;Agama;;Tanggal Lahir;Problem\n"
            "1;Dewi Anggraini;Siti;Islam;;;\n"
            "2;Agus Setiawan;;Islam;;;\n"
            "3;Bayu Saputra;Aminah;;;;\n").encode()
    listed, _rows = checked(empty_db, case, data)
    lost = left_out_columns(listed, guess_mapping(listed))
    assert [(c.column, c.header, c.values) for c in lost] == [(2, "Nama Ibu", 2),
                                                             (3, "Agama", 2)]
    assert [c.said for c in lost] == ["column 3 “Nama Ibu”, 2 values",
                                      "column 4 “Agama”, 2 values"]
    # A column the officer chose to leave out is not warned about; one given a field is not.
    assert left_out_columns(listed, guess_mapping(listed), chosen={2}) == lost[1:]
    mapping, skipped = apply_choices(listed, guess_mapping(listed),
                                     [("Nama Ibu", "family_contact"), ("d", "skip")])
    assert mapping[2] == "family_contact" and skipped == {3}
    assert left_out_columns(listed, mapping, skipped) == []


def test_choices_name_a_column_by_header_number_or_letter_and_refuse_what_is_not(
        empty_db: Database, case: Case) -> None:
    listed = read_list(b"Nama;Asal;Kota Lahir\nDewi Anggraini;Jawa Barat;Cianjur\n")
    assert [column_of(listed, text) for text in ("asal", "3", "C", "kota  lahir", "D", "4",
                                                 "Nope")] == [1, 2, 2, 2, None, None, None]
    # Choosing home_province for column 3 takes it from "Asal", which is then left out.
    mapping, _skipped = apply_choices(listed, guess_mapping(listed), [("3", "home_province")])
    assert mapping == ["full_name", None, "home_province"]
    assert [c.header for c in left_out_columns(listed, mapping)] == ["Asal"]
    assert map_choice("Asal (Kab/Kota)=home_district") == ("Asal (Kab/Kota)", "home_district")
    with pytest.raises(UsageError, match="FIELD one of full_name, .*, notes, or skip"):
        map_choice("Asal=district")
    with pytest.raises(UsageError, match="is not COLUMN=FIELD"):
        map_choice("home_district")
    with pytest.raises(UsageError, match="no column “Z”. Its columns: column 1 “Nama”; "
                                         "column 2 “Asal”; column 3 “Kota Lahir”"):
        apply_choices(listed, guess_mapping(listed), [("Z", "notes")])
    with pytest.raises(UsageError, match="home_province is given to two columns"):
        apply_choices(listed, guess_mapping(listed), [("2", "home_province"),
                                                      ("3", "home_province")])


def test_rows_keep_the_sheets_own_number_and_a_title_above_the_header_is_not_a_worker(
        empty_db: Database, case: Case) -> None:
    data = ("DAFTAR PMI TERKENDALA DI KAMBOJA;;\n"
            ";;\n"
            "No;Nama;No. HP\n"
            "1;Dewi Anggraini;0812-3456-7890\n"
            ";;\n"  # an empty row: the next is row 6, still No. 2
            "2.;Dewi Anggraini;\n").encode()
    listed, rows = checked(empty_db, case, data)
    assert listed.header == ["No", "Nama", "No. HP"] and listed.above_header == [1]
    assert [(r.row, r.number, r.where) for r in rows] == [
        (4, "1", "row 4 (No. 1)"), (6, "2", "row 6 (No. 2)")]
    assert rows[1].problems == ["the same name as row 4 (No. 1)"]
    assert all(r.name == "Dewi Anggraini" for r in rows)  # no worker called "Nama"


def test_a_left_out_file_read_again_warns_of_no_column_of_its_own(
        empty_db: Database, case: Case) -> None:
    _listed, rows = checked(empty_db, case, "Nama;No. HP\nPutu Eka;12\n".encode())
    again = read_list(rows_left_out_csv(rows, _listed.header))
    assert again.header == ["Nama", "No. HP", "Problem", "Original row"]
    assert left_out_columns(again, guess_mapping(again)) == []
    from store.common.i18n import catalog

    for msgid in ("Problem", "Original row"):  # written in Indonesian, read in English too
        assert catalog("id").gettext(msgid) != msgid
        indonesian = read_list(f"Nama;{catalog('id').gettext(msgid)}\nPutu Eka;x\n".encode())
        assert left_out_columns(indonesian, guess_mapping(indonesian)) == [], msgid


def test_a_path_pasted_instead_of_a_list_is_known_for_one(tmp_path: Path) -> None:
    listed = tmp_path / "daftar pekerja"
    listed.write_bytes(b"Nama\nDewi Anggraini\n")
    assert pasted_path(f"  {listed}\n") == listed  # an existing file, without an extension
    assert pasted_path(f"'{listed}'") == listed
    assert pasted_path("file://" + str(listed).replace(" ", "%20")) == listed
    assert pasted_path("~/Downloads/daftar.xlsx") == Path.home() / "Downloads/daftar.xlsx"
    assert pasted_path("daftar.CSV") == Path("daftar.CSV")  # not there: read, and said
    for text in ("Dewi Anggraini", "1. Dewi Anggraini", "Dr. Siti Aminah",
                 f"{listed}\nDewi Anggraini", "", "Siti/Aminah"):
        assert pasted_path(text) is None, text
