"""Reading what people type: dates as the region writes them, phone numbers, countries, lists.

Each function returns the value or raises `InputProblem` with a message in the user's terms.
"""

from __future__ import annotations

import datetime as dt
import re

import phonenumbers

from store.common import clock
from store.common.i18n import _
from store.common.words import month_key, month_words, relative_days, unit_days, word_key
from store.domain.countries import all_countries, country_code
from store.domain.text import shorten


class InputProblem(ValueError):
    pass


_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The day, the month's name or abbreviation (in any script; its dots are left out) and the
# year: "3 Mei 2024", "12 Dec. 2025", "3 ມັງກອນ 2024".
_WORDS = re.compile(r"^(\d{1,2})\s+(\S+?)\.?\s+(\d{4})$")

# +2 / -3 days, then a unit of the files' [units]: +1w weeks (h hari, mg minggu). No months:
# "m" would be minggu to some.
_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})\s*(\D*)$")


def prepare_reading() -> None:
    """Build ahead of first use what reading typed dates and countries needs: the words files,
    CLDR's month names, the country names of every language, and the countries in the order of
    the interface language (ICU's collator, about 60 ms to build: every form with a country
    field lists them), on a background thread after opening rather than on the officer's first
    form or save."""
    month_words()
    relative_days()
    unit_days()
    country_code("Indonesia")  # a name, not a code: builds the index of names
    all_countries()


def relative_date(text: str) -> dt.date | None:
    """The day a relative date means, counted from `clock.today()`: a word of the files'
    [days] (today, besok, ມື້ອື່ນ, ម្សិលមិញ...: store/common/words), +2 or -3 days, +1w
    weeks; else None."""
    cleaned = word_key(text)
    offset = relative_days().get(cleaned)
    if offset is not None:
        return clock.today() + dt.timedelta(days=offset)
    if match := _RELATIVE.match(cleaned):
        sign, count, unit = match.groups()
        per = unit_days().get(unit) if unit else 1
        if per is None:
            return None
        return clock.today() + dt.timedelta(days=int(count) * per * (-1 if sign == "-" else 1))
    return None


def parse_date(text: str) -> dt.date | None:
    """DD/MM/YYYY (also with - or .), YYYY-MM-DD, "12 Dec 2025" / "12 Desember 2025" (a month
    named in any language Pulang reads: store/common/words), or a relative date
    (`relative_date`: +2, -1w, today, besok...)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if _ISO.fullmatch(cleaned):  # as a date is stored: read at once (no relative date is so)
        try:
            return dt.date(int(cleaned[:4]), int(cleaned[5:7]), int(cleaned[8:]))
        except ValueError:
            pass  # no such day: said below, as for any other way of writing it
    if (relative := relative_date(cleaned)) is not None:
        return relative
    try:
        if match := _NUMERIC.match(cleaned):
            a, b, c = match.groups()
            if len(a) == 4:
                return dt.date(int(a), int(b), int(c))
            if len(c) == 4:
                return dt.date(int(c), int(b), int(a))
        elif match := _WORDS.match(cleaned):
            day, month, year = match.groups()
            number = month_words().get(month_key(month))
            if number is not None:
                return dt.date(int(year), number, int(day))
    except ValueError:
        raise InputProblem(
            _("There is no such date: {text}").format(text=shorten(cleaned))) from None
    raise InputProblem(_("Not a date; write DD/MM/YYYY (12/12/2025), or +2, -1, +1w, today"))


def _date_and_time(text: str) -> tuple[str, tuple[int, int] | None]:
    """`text` split into its date and an HH:MM after it, if any (not checked yet)."""
    cleaned = text.strip()
    if match := re.match(r"^(.*\S)\s+(\d{1,2})[:.](\d{2})$", cleaned):
        return match.group(1), (int(match.group(2)), int(match.group(3)))
    return cleaned, None


def is_relative(text: str) -> bool:
    """Whether `text` (a date, or a date and a time) gives its date relative to today."""
    return relative_date(_date_and_time(text)[0]) is not None


def parse_datetime(text: str, default_time: dt.time = dt.time(0, 0)) -> dt.datetime | None:
    """A date as `parse_date` reads it, optionally followed by HH:MM; local time."""
    cleaned, hour_minute = _date_and_time(text)
    if not cleaned:
        return None
    time = default_time
    if hour_minute is not None:
        hour, minute = hour_minute
        if hour > 23 or minute > 59:
            raise InputProblem(_("Not a time of day; write it as HH:MM, e.g. 14:30"))
        time = dt.time(hour, minute)
    day = parse_date(cleaned)
    assert day is not None
    return dt.datetime.combine(day, time).astimezone()


_INDONESIAN_IDD = re.compile(r"^\(?0(?:0[1789]|101[67])\)?[\s.-]*")


def parse_phone(text: str, region: str | None = "ID") -> str | None:
    """A phone number in E.164 (+6281234567890); a local number is read in `region`."""
    cleaned = text.strip()
    if not cleaned:
        return None
    # "0062 812..." is how many write +62, wherever they are; the library reads a leading 00
    # as the international prefix only where the region's own prefix is 00.
    if re.match(r"^\(?00[1-9]", cleaned):
        as_given = _parsed(cleaned, region)
        with_plus = _parsed(re.sub(r"^(\(?)00", r"\1+", cleaned, count=1), region)
        if with_plus is not None and phonenumbers.is_valid_number(with_plus) and not (
                as_given is not None and phonenumbers.is_valid_number(as_given)):
            cleaned = re.sub(r"^(\(?)00", r"\1+", cleaned, count=1)
    # Indonesia's own international prefixes (001, 007, 008, 009, 01016, 01017) before a
    # foreign number: "001 855 12 345 678" is Cambodia, not an Indonesian number.
    idd = _INDONESIAN_IDD.match(cleaned)
    if idd and (region or "ID").upper() == "ID":
        as_given = _parsed(cleaned, region)
        with_plus = _parsed("+" + cleaned[idd.end():], region)
        if with_plus is not None and phonenumbers.is_valid_number(with_plus) and not (
                as_given is not None and phonenumbers.is_valid_number(as_given)):
            cleaned = "+" + cleaned[idd.end():]
    try:
        number = phonenumbers.parse(cleaned, (region or "ID").upper())
    except phonenumbers.NumberParseException as error:
        kinds = phonenumbers.NumberParseException
        if error.error_type == kinds.TOO_LONG:
            raise InputProblem(_("This phone number is too long")) from None
        if error.error_type in (kinds.TOO_SHORT_NSN, kinds.TOO_SHORT_AFTER_IDD):
            raise InputProblem(_("This phone number is too short")) from None
        if error.error_type == kinds.INVALID_COUNTRY_CODE:
            raise InputProblem(
                _("Unknown country calling code; start with + and the country code")) from None
        raise InputProblem(_("Not a phone number")) from None
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == phonenumbers.ValidationResult.TOO_SHORT:
        raise InputProblem(_("This phone number is too short"))
    if reason == phonenumbers.ValidationResult.TOO_LONG:
        raise InputProblem(_("This phone number is too long"))
    if reason == phonenumbers.ValidationResult.INVALID_COUNTRY_CODE:
        raise InputProblem(_("Unknown country calling code; start with + and the country code"))
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        raise InputProblem(_("Not a phone number"))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parsed(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, (region or "ID").upper())
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def format_phone(e164: str | None) -> str:
    """An E.164 number written for reading (+62 812-3456-7890)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def parse_country(text: str) -> str | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    code = country_code(cleaned)
    if code is None:
        raise InputProblem(_("Unknown country: {text}").format(text=shorten(cleaned)))
    return code


def parse_list(text: str) -> list[str]:
    """Items separated by commas or semicolons, trimmed, empty ones dropped, order kept."""
    seen: list[str] = []
    for item in re.split(r"[,;]", text):
        item = item.strip()
        if item and item not in seen:
            seen.append(item)
    return seen
