"""Worker lists headed in Lao, Khmer and Burmese: their columns mapped and their sexes and
nationalities understood, from the words files (store/common/words/*.toml); and every header
and abbreviation read before the files were, read the same."""

from __future__ import annotations

import datetime as dt

from store.db.database import Database
from store.domain.records import Case, build
from store.domain.vocab import Sex
from store.exchange.worker_import import guess_mapping, preview, read_list
from store.exchange.worker_lists.headers import (
    OWN_COLUMN,
    ROW_NUMBER,
    field_of_header,
    is_notes_header,
    words_key,
)

LAO = "".join(",".join(row) + "\n" for row in (
    ("ລ/ດ", "ຊື່ ແລະ ນາມສະກຸນ", "ເພດ", "ວັນເດືອນປີເກີດ", "ເລກໜັງສືຜ່ານແດນ", "ເບີໂທ", "ແຂວງ",
     "ເມືອງ", "ສັນຊາດ", "ບ້ານ", "ໝາຍເຫດ"),
    ("1", "ສົມພອນ ແກ້ວມະນີ", "ຍິງ", "03/04/1998", "P1234567", "+856 20 5512 3456", "ສະຫວັນນະເຂດ",
     "ໄກສອນ ພົມວິຫານ", "ລາວ", "ນາໂພ", "ເຈັບຂາ"),
    ("2", "ບຸນມີ ສີສຸວັນ", "ເພດຊາຍ", "1990-12-01", "P7654321", "+856 20 5598 7654", "ຈຳປາສັກ",
     "ປາກເຊ", "ລາວ", "", ""),
))

KHMER = """ល.រ;ឈ្មោះ;ភេទ;ថ្ងៃខែឆ្នាំកំណើត;លេខលិខិតឆ្លងដែន;លេខទូរស័ព្ទ;ខេត្ត;ស្រុក;សញ្ជាតិ;អាសយដ្ឋាន
1;សុខ ស្រីនាង;ស្រី;15/08/2001;N0123456;+855 12 345 678;កំពត;ទឹកឈូ;ខ្មែរ;ភូមិ ២
2;ចាន់ ដារ៉ា;ប្រុស;01/02/1995;N0654321;+855 12 876 543;តាកែវ;បាទី;កម្ពុជា;
3;កែវ សុផល;ភេទស្រី;;;;;;;
"""

BURMESE = """အမည်,ကျား/မ,အသက်,ဖုန်းနံပါတ်
အောင်ကျော်မိုး,ကျား,29,+95 9 250 123 456
ခင်မာလာ,မ,31,
"""


def checked(db: Database, text: str):  # type: ignore[no-untyped-def]
    case = db.save_case(build(Case, {"title": "Workers home", "destination_country": "TH"}))
    listed = read_list(text.encode("utf-8"))
    return guess_mapping(listed), preview(listed, guess_mapping(listed), case.id)


def test_a_lao_list_is_read_with_its_columns_mapped_and_its_sexes_understood(
        empty_db: Database) -> None:
    mapping, rows = checked(empty_db, LAO)
    assert field_of_header("ລ/ດ") == ROW_NUMBER  # the sheet's own numbers, no field
    assert mapping == [None, "full_name", "sex", "date_of_birth", "passport_number", "phone",
                       "home_province", "home_district", "nationality", "notes", "notes"]
    assert [r.problems for r in rows] == [[], []]
    somphone, bounmy = (r.worker for r in rows)
    assert somphone is not None and bounmy is not None
    assert (somphone.full_name, somphone.sex, bounmy.sex) == (
        "ສົມພອນ ແກ້ວມະນີ", Sex.FEMALE, Sex.MALE)
    assert (somphone.date_of_birth, somphone.passport_number, somphone.phone) == (
        dt.date(1998, 4, 3), "P1234567", "+8562055123456")
    assert (somphone.home_province, somphone.home_district, somphone.nationality) == (
        "ສະຫວັນນະເຂດ", "ໄກສອນ ພົມວິຫານ", "LA")
    # ບ້ານ (village) is kept under its header; ໝາຍເຫດ (notes) goes in as it is
    assert somphone.notes == "ບ້ານ: ນາໂພ\nເຈັບຂາ"
    assert [r.number for r in rows] == ["1", "2"]


def test_a_khmer_list_is_read_with_its_columns_mapped_and_its_sexes_understood(
        empty_db: Database) -> None:
    mapping, rows = checked(empty_db, KHMER)
    assert mapping == [None, "full_name", "sex", "date_of_birth", "passport_number", "phone",
                       "home_province", "home_district", "nationality", "notes"]
    assert [r.problems for r in rows] == [[], [], []]
    sreyneang, dara, sophal = (r.worker for r in rows)
    assert sreyneang is not None and dara is not None and sophal is not None
    assert [w.sex for w in (sreyneang, dara, sophal)] == [Sex.FEMALE, Sex.MALE, Sex.FEMALE]
    assert (sreyneang.date_of_birth, sreyneang.phone, sreyneang.nationality) == (
        dt.date(2001, 8, 15), "+85512345678", "KH")
    assert dara.nationality == "KH"  # ខ្មែរ (Khmer) and កម្ពុជា (Cambodia) alike
    assert sreyneang.notes == "អាសយដ្ឋាន: ភូមិ ២"


def test_a_burmese_list_is_read_with_its_columns_mapped_and_its_sexes_understood(
        empty_db: Database) -> None:
    mapping, rows = checked(empty_db, BURMESE)
    assert mapping == ["full_name", "sex", "age", "phone"]
    assert [r.problems for r in rows] == [[], []]
    assert [r.worker.sex for r in rows if r.worker] == [Sex.MALE, Sex.FEMALE]


def test_a_sex_no_file_knows_is_still_a_problem_of_its_row(empty_db: Database) -> None:
    _mapping, rows = checked(empty_db, "ຊື່,ເພດ\nສົມພອນ,ຊາ\n")
    assert rows[0].problems == ["sex “ຊາ” is not one Pulang knows (L/P, male/female)"]


# What store/exchange/worker_lists/headers.py held before the words files: every header is
# read as the same field, every abbreviation as the same form.
ABBREVIATIONS_BEFORE = {
    "nomor": "no", "nomer": "no", "nmr": "no", "number": "no", "num": "no", "nr": "no",
    "tanggal": "tgl", "tangal": "tgl", "lhr": "lahir",
    "telepon": "telp", "telpon": "telp", "tlp": "telp", "tel": "telp", "telephone": "telp",
    "handphone": "hp", "whatsapp": "wa", "kabupaten": "kab",
    "propinsi": "provinsi", "prov": "provinsi", "province": "provinsi",
    "passport": "paspor", "pasport": "paspor", "jns": "jenis", "kecamatan": "kec",
    "kelurahan": "kel",
}

HEADERS_BEFORE: dict[str, tuple[str, ...]] = {
    "full_name": ("name", "full name", "nama", "nama lengkap", "worker", "pekerja",
                  "nama pekerja", "names", "nama pmi", "nama tki", "nama cpmi", "nama korban",
                  "nama pekerja migran", "worker name", "worker s name", "workers name",
                  "name of worker", "victim name", "nama sesuai paspor", "full name as in paspor",
                  "name as in paspor", "name as per paspor"),
    "other_spellings": ("other spellings", "alias", "also known as", "aka", "ejaan lain",
                        "nama lain", "nama alias", "other names", "other name",
                        "nama panggilan", "panggilan", "nickname"),
    "sex": ("sex", "gender", "jenis kelamin", "jk", "l p", "kelamin", "jenis kel", "j k",
            "lk pr", "l pr", "m f", "sex m f", "gender m f", "jenis kelamin l p"),
    "date_of_birth": ("date of birth", "dob", "d o b", "birth date", "born", "tgl lahir",
                      "tgl lahir dd mm yyyy", "lahir", "birthday", "date of birth dd mm yyyy"),
    "age": ("age", "umur", "usia", "umur th", "umur thn", "umur tahun", "usia tahun",
            "age years"),
    "nationality": ("nationality", "citizenship", "kewarganegaraan", "warga negara",
                    "negara", "negara asal", "country of origin"),
    "home_province": ("provinsi", "home provinsi", "origin", "asal", "daerah asal",
                      "asal provinsi", "provinsi asal", "asal daerah", "region",
                      "home region", "region of origin", "place of origin"),
    "home_district": ("district", "home district", "kab", "kota", "kab kota", "kota kab",
                      "regency", "city", "regency city", "district city", "city regency",
                      "asal kab kota", "asal kota kab", "asal kab", "asal kota", "kab asal",
                      "kota asal", "kab kota asal", "daerah asal kab kota", "hometown",
                      "home town", "home city", "district of origin"),
    "phone": ("phone", "phone no", "mobile", "wa", "no hp", "hp", "no telp", "telp", "no wa",
              "no hp wa", "hp wa", "no wa hp", "no telp hp", "no hp telp", "mobile no",
              "mobile phone", "cell", "cellphone", "cell phone", "phone wa", "wa no",
              "contact no", "no kontak", "kontak", "no hp aktif"),
    "passport_number": ("paspor", "paspor no", "no paspor", "splp", "no splp",
                        "no paspor splp", "travel document", "travel document no",
                        "dokumen perjalanan", "no dokumen perjalanan"),
    "current_location": ("current location", "location", "lokasi", "lokasi sekarang",
                         "lokasi saat ini", "shelter", "penampungan", "tempat penampungan",
                         "alamat sekarang", "alamat saat ini", "current address",
                         "keberadaan", "posisi", "posisi sekarang", "where now"),
    "family_contact": ("family contact", "family", "family phone", "next of kin",
                       "kontak keluarga", "keluarga", "no hp keluarga", "hp keluarga",
                       "no telp keluarga", "ahli waris", "kontak darurat", "emergency contact"),
    "health": ("health", "kesehatan", "kondisi kesehatan", "health condition", "medical",
               "medical condition"),
    "notes": ("notes", "note", "remarks", "catatan", "keterangan", "ket", "komentar",
              "alamat", "address", "home address", "alamat asal", "alamat rumah",
              "alamat lengkap", "tempat lahir", "place of birth", "ttl", "tempat tgl lahir",
              "kec", "desa", "kel", "kel desa", "desa kel", "dusun", "village",
              "sub district", "subdistrict", "rt rw", "status paspor", "paspor status",
              "agen", "agency", "sponsor", "perusahaan", "company", "employer", "majikan",
              "pekerjaan", "job", "occupation", "negara tujuan", "destination",
              "destination country", "email", "e mail"),
}
NOTES_BEFORE = ("notes", "note", "remarks", "catatan", "keterangan", "ket", "komentar")
ROW_NUMBERS_BEFORE = ("no", "no urut", "urut", "s no", "sl no", "serial no", "sn")
OWN_BEFORE = ("problem", "masalah", "original row", "baris asli")


def test_every_header_read_before_the_files_is_read_as_the_same_field() -> None:
    for variant, form in ABBREVIATIONS_BEFORE.items():
        assert words_key(variant.title() + ".") == form, variant
    for field, headers in HEADERS_BEFORE.items():
        for header in headers:
            assert field_of_header(header.upper()) == field, header
            assert is_notes_header(header) == (header in NOTES_BEFORE), header
    for header in ROW_NUMBERS_BEFORE:
        assert field_of_header(header) == ROW_NUMBER, header
    for header in OWN_BEFORE:
        assert field_of_header(header) == OWN_COLUMN, header
    assert field_of_header("Tgl. Lahir") == field_of_header("Tanggal lahir") == "date_of_birth"
