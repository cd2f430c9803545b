"""Which worker field a column's header names, as offices write headers in English,
Indonesian, Lao, Khmer... ("Asal (Kab/Kota)", "No. Paspor/SPLP", "Tgl. Lahir", "L/P",
"ວັນເດືອນປີເກີດ"); and the columns that are no field: the sheet's own row numbers ("No", "#")
and the columns Pulang adds to a file of rows left out ("Problem", "Original row"). The header
words are the words files' [headers] and [abbreviations] (store/common/words/*.toml, read by
store.common.words): nothing here reads a file.
"""

from __future__ import annotations

import re
from functools import cache

from store.common.i18n import N_, in_every_language
from store.common.words import header_words, lookup_key, plain_key

# The worker fields a column can fill, in the order a mapping is shown: what a list of workers
# holds, from the Worker record (store/domain/records.py). A passport's status is a choice,
# not text: a column of it goes to the notes.
FIELDS: tuple[str, ...] = ("full_name", "other_spellings", "sex", "date_of_birth", "age",
                           "nationality", "home_province", "home_district", "phone",
                           "passport_number", "current_location", "family_contact", "health",
                           "notes")

# What [headers] of the words files (store/common/words/*.toml) may list a header under besides
# a field: a column kept in the notes under its header, a column numbering the rows, a column
# Pulang adds to a file of rows left out.
KEPT_IN_NOTES, ROW_NUMBERS, LEFT_OUT_COLUMNS = "kept_in_notes", "row_numbers", "left_out_columns"
# Where the people of a list were held ("Compound", "Tempat"): an intake groups its rows by it
# (store.exchange.intake); a worker import keeps it in the notes under its header.
COMPOUND = "compound"
HEADER_KEYS = (*FIELDS, KEPT_IN_NOTES, ROW_NUMBERS, LEFT_OUT_COLUMNS, COMPOUND)
# The headers of the two columns Pulang adds to a file of rows left out (`rows_left_out_csv`),
# read back in every language Pulang speaks besides those the words files list.
LEFT_OUT_HEADERS = (N_("Problem"), N_("Original row"))
ROW_NUMBER = "#row"
OWN_COLUMN = "#own"


# A header (or a cell, "Laki-laki") folded, its punctuation made spaces ("laki laki"); and as
# it is looked up, each word in its one form ("Tgl. Lahir" is "tgl lahir").
header_key = plain_key
words_key = lookup_key
BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")


@cache
def _field_of_key() -> dict[str, str]:
    """words_key(header) -> the field it names, ROW_NUMBER or OWN_COLUMN: the words files'
    [headers] (a key there that is none of HEADER_KEYS is left out)."""
    found: dict[str, str] = {}
    for key, name in header_words().items():
        if name in FIELDS or name in (KEPT_IN_NOTES, COMPOUND):
            found[key] = "notes" if name in (KEPT_IN_NOTES, COMPOUND) else name
        elif name in (ROW_NUMBERS, LEFT_OUT_COLUMNS):
            found[key] = ROW_NUMBER if name == ROW_NUMBERS else OWN_COLUMN
    for msgid in LEFT_OUT_HEADERS:
        for said in in_every_language(msgid):
            found.setdefault(words_key(said), OWN_COLUMN)
    return found


def is_notes_header(text: str) -> bool:
    """Whether a header names notes as such ("Keterangan", "Remarks", "ໝາຍເຫດ"): its column
    goes in the notes without its header, where "Alamat" goes in as "Alamat: ..."."""
    return header_words().get(words_key(BRACKETS.sub(" ", text))) == "notes"


def field_of_header(text: str) -> str | None:
    """The worker field a header names, ROW_NUMBER, OWN_COLUMN, or None. Looked up whole
    ("Asal (Kab/Kota)"), then without what is in brackets ("Nama Lengkap (sesuai paspor)"),
    then what is in brackets, then each part between slashes ("No. Paspor/SPLP")."""
    if text.strip().casefold() in ("#", "№", "n°", "n.º", "nº"):
        return ROW_NUMBER
    outside = BRACKETS.sub(" ", text)
    for candidate in (text, outside, *BRACKETS.findall(text), *outside.split("/")):
        found = _field_of_key().get(words_key(candidate))
        if found is not None:
            return found
    return None


def is_compound_header(text: str) -> bool:
    """Whether a header names where the people were held ("Compound", "Tempat")."""
    return header_words().get(words_key(BRACKETS.sub(" ", text))) == COMPOUND


def is_field(found: str | None) -> bool:
    """Whether what `field_of_header` found is a worker field (not ROW_NUMBER, OWN_COLUMN)."""
    return found is not None and not found.startswith("#")
