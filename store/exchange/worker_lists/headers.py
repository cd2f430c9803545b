"""Which worker field a column's header names, as offices write headers in English and
Indonesian ("Asal (Kab/Kota)", "No. Paspor/SPLP", "Tgl. Lahir", "L/P"); and the columns that
are no field: the sheet's own row numbers ("No", "#") and the columns Pulang adds to a file of
rows left out ("Problem", "Original row"). Text only: nothing here reads a file.
"""

from __future__ import annotations

import re

from store.domain.text import fold

# The worker fields a column can fill, in the order a mapping is shown: what a list of workers
# holds, from the Worker record (store/domain/records.py). A passport's status is a choice,
# not text: a column of it goes to the notes.
FIELDS: tuple[str, ...] = ("full_name", "other_spellings", "sex", "date_of_birth", "age",
                           "nationality", "home_province", "home_district", "phone",
                           "passport_number", "current_location", "family_contact", "health",
                           "notes")

# Words offices abbreviate or spell in several ways, each read as one form before a header is
# looked up ("Tgl. Lahir" is "tanggal lahir", "Kab./Kota" is "kabupaten kota").
_WORDS = {
    "nomor": "no", "nomer": "no", "nmr": "no", "number": "no", "num": "no", "nr": "no",
    "tanggal": "tgl", "tangal": "tgl", "lhr": "lahir",
    "telepon": "telp", "telpon": "telp", "tlp": "telp", "tel": "telp", "telephone": "telp",
    "handphone": "hp", "whatsapp": "wa", "kabupaten": "kab",
    "propinsi": "provinsi", "prov": "provinsi", "province": "provinsi",
    "passport": "paspor", "pasport": "paspor", "jns": "jenis", "kecamatan": "kec",
    "kelurahan": "kel",
}

# Header texts (read as above: folded, without punctuation) that name each field, in English
# and Indonesian as offices write them. A header is looked up whole ("Asal (Kab/Kota)"), then
# without what it has in brackets ("Nama Lengkap (sesuai paspor)"), then what is in brackets,
# then each part between slashes ("No. Paspor/SPLP").
_HEADERS: dict[str, tuple[str, ...]] = {
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
    # Kept in the notes, as "Alamat: ...": what a list holds and no field of its own does
    # (a column named as notes, NOTES_HEADERS, goes in without its header).
    "notes": ("notes", "note", "remarks", "catatan", "keterangan", "ket", "komentar",
              "alamat", "address", "home address", "alamat asal", "alamat rumah",
              "alamat lengkap", "tempat lahir", "place of birth", "ttl", "tempat tgl lahir",
              "kec", "desa", "kel", "kel desa", "desa kel", "dusun", "village",
              "sub district", "subdistrict", "rt rw", "status paspor", "paspor status",
              "agen", "agency", "sponsor", "perusahaan", "company", "employer", "majikan",
              "pekerjaan", "job", "occupation", "negara tujuan", "destination",
              "destination country", "email", "e mail"),
}
NOTES_HEADERS = ("notes", "note", "remarks", "catatan", "keterangan", "ket", "komentar")
# A column that numbers the rows ("No", "No.", "#"): each row's number in the sheet, said with
# the row's own number; and the columns of a left-out file Pulang wrote ("Problem", "Original
# row", in English or Indonesian): neither is a worker's field, neither is warned as lost.
_ROW_NUMBER_HEADERS = ("no", "no urut", "urut", "s no", "sl no", "serial no", "sn")
_OWN_HEADERS = ("problem", "masalah", "original row", "baris asli")
ROW_NUMBER = "#row"
OWN_COLUMN = "#own"


def header_key(text: str) -> str:
    """A header (or a cell, "Laki-laki") folded, its punctuation made spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def words_key(text: str) -> str:
    """A header as looked up: folded, without punctuation, each word in its one form."""
    return " ".join(_WORDS.get(word, word) for word in header_key(text).split())


_FIELD_OF_KEY = {key: name for name, keys in _HEADERS.items() for key in keys}
_FIELD_OF_KEY.update({key: ROW_NUMBER for key in _ROW_NUMBER_HEADERS})
_FIELD_OF_KEY.update({key: OWN_COLUMN for key in _OWN_HEADERS})
BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")


def field_of_header(text: str) -> str | None:
    """The worker field a header names, ROW_NUMBER, OWN_COLUMN, or None. Looked up whole
    ("Asal (Kab/Kota)"), then without what is in brackets ("Nama Lengkap (sesuai paspor)"),
    then what is in brackets, then each part between slashes ("No. Paspor/SPLP")."""
    if text.strip().casefold() in ("#", "№", "n°", "n.º", "nº"):
        return ROW_NUMBER
    outside = BRACKETS.sub(" ", text)
    for candidate in (text, outside, *BRACKETS.findall(text), *outside.split("/")):
        found = _FIELD_OF_KEY.get(words_key(candidate))
        if found is not None:
            return found
    return None


def is_field(found: str | None) -> bool:
    """Whether what `field_of_header` found is a worker field (not ROW_NUMBER, OWN_COLUMN)."""
    return found is not None and not found.startswith("#")
