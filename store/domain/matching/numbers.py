"""Workers found by a phone or passport number: `NumberIndex`, in memory only.

- A phone is stored in E.164 (+6281234567890). A query of 6 digits or more, written any way
  ("0812-3456-7890", "+62 812 3456 7890", "(0812) 3456 7890", "34567890", in Latin, Lao, Thai,
  Khmer or Burmese digits), finds a number that ends with its digits (the last digits typed),
  or that it is once read as a phone number in the worker's region (`store.domain.parse.
  parse_phone`, as the worker form reads one: the worker's nationality, else the case's
  country), which takes a national number's trunk prefix off (0812... is +62812...). Numbers
  are looked up by their last six digits, so a query costs a dictionary look-up and a few
  comparisons, whatever the number of workers.
- A passport or travel-document number is stored in capitals without spaces; a query of 4
  characters or more with a digit among them, case and spaces aside, finds a number it is or
  begins. Numbers are looked up by their first four characters.

Scores: 100 for the whole number, else the share of it typed (the last 6 of 13 digits: 46).
Nothing here is written anywhere; the index goes with the records it was built from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from store.domain.parse import InputProblem, parse_phone

PHONE_DIGITS = 6  # the fewest digits that find a phone number
PASSPORT_CHARACTERS = 4  # the fewest characters that find a passport number
_PHONE_CHARACTERS = frozenset(" +-.()/")


@dataclass(frozen=True, slots=True)
class NumberHit:
    """A record found by a number: which ("phone" or "passport"), as stored, and the score."""

    id: str
    field: str
    number: str
    score: float


def _digit(char: str) -> str | None:
    """A decimal digit of any script as an ASCII digit ("໕", "៥" and "5" are 5); else None."""
    if "0" <= char <= "9":
        return char
    value = unicodedata.decimal(char, None)
    return None if value is None else str(value)


def phone_query(text: str) -> str | None:
    """The digits of a query written as a phone number (digits, spaces, + - . ( ) /), in
    ASCII; None when it is not one or has fewer than PHONE_DIGITS digits."""
    digits = []
    for char in text.strip():
        digit = _digit(char)
        if digit is not None:
            digits.append(digit)
        elif char not in _PHONE_CHARACTERS and not char.isspace():
            return None
    return "".join(digits) if len(digits) >= PHONE_DIGITS else None


def passport_query(text: str) -> str | None:
    """A query as a passport number is stored (capitals, no spaces); None when it has fewer
    than PASSPORT_CHARACTERS characters or no digit."""
    key = "".join(text.split()).upper()
    if len(key) < PASSPORT_CHARACTERS or not any("0" <= char <= "9" for char in key):
        return None
    return key


class NumberIndex:
    """Workers' phone and passport numbers, to be found by a query (`phones`, `passports`);
    `put` and `drop` keep it in step with the records."""

    def __init__(self) -> None:
        self._phones: dict[str, tuple[str, str | None]] = {}  # id -> (E.164, region)
        self._by_tail: dict[str, list[str]] = {}  # lists: most hold one id
        self._passports: dict[str, str] = {}
        self._by_head: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self._phones.keys() | self._passports.keys())

    def put(self, record_id: str, phone: str | None, passport: str | None,
            region: str | None) -> None:
        """Index a record's numbers (phone in E.164, passport as stored, the worker's own
        region if known), replacing what it had."""
        if record_id in self._phones or record_id in self._passports:
            self.drop(record_id)
        if phone and phone[0] == "+" and len(phone) > PHONE_DIGITS:
            self._phones[record_id] = (phone, region)
            self._by_tail.setdefault(phone[-PHONE_DIGITS:], []).append(record_id)
        if not passport:
            return
        key = passport if passport.isalnum() and passport.isupper() else "".join(
            passport.split()).upper()
        if len(key) >= PASSPORT_CHARACTERS:
            self._passports[record_id] = key
            self._by_head.setdefault(key[:PASSPORT_CHARACTERS], []).append(record_id)

    def drop(self, record_id: str) -> None:
        for table, index, cut in ((self._phones, self._by_tail, -PHONE_DIGITS),
                                  (self._passports, self._by_head, PASSPORT_CHARACTERS)):
            value = table.pop(record_id, None)
            if value is None:
                continue
            number = value[0] if isinstance(value, tuple) else value
            bucket = number[cut:] if cut < 0 else number[:cut]
            index[bucket].remove(record_id)
            if not index[bucket]:
                del index[bucket]

    def phones(self, query: str, region_of: Callable[[str, str | None], str]) -> list[NumberHit]:
        """The records whose phone the query finds (see the module's doc); `region_of(id, the
        region put with it)` says in which region to read the query for that record."""
        digits = phone_query(query)
        if digits is None:
            return []
        read: dict[str, str | None] = {}
        hits = []
        for record_id in sorted(self._by_tail.get(digits[-PHONE_DIGITS:], ())):
            phone, region = self._phones[record_id]
            region = region_of(record_id, region)
            if region not in read:
                try:
                    read[region] = parse_phone(query, region)
                except InputProblem:
                    read[region] = None
            if read[region] == phone or phone[1:] == digits:
                hits.append(NumberHit(record_id, "phone", phone, 100.0))
            elif phone.endswith(digits):
                hits.append(NumberHit(record_id, "phone", phone,
                                      round(100 * len(digits) / (len(phone) - 1), 1)))
        return hits

    def passports(self, query: str) -> list[NumberHit]:
        """The records whose passport number the query is, or begins."""
        key = passport_query(query)
        if key is None:
            return []
        hits = []
        for record_id in sorted(self._by_head.get(key[:PASSPORT_CHARACTERS], ())):
            number = self._passports[record_id]
            if number.startswith(key):
                hits.append(NumberHit(record_id, "passport", number,
                                      round(100 * len(key) / len(number), 1)))
        return hits
