"""The one translation function for every user-facing string, in English and Bahasa Indonesia.

Strings are written in English in the code and looked up in a catalogue per language
(`store/common/locale_id.py`). `_()` translates now; `N_()` only marks a string so the catalogue
test finds it, for labels that must be translated later, when the language is known.
"""

from __future__ import annotations

import datetime as _dt
import os

LANGUAGES = ("en", "id")
_current = "en"


def _catalogue(lang: str) -> dict[str, str]:
    if lang == "id":
        from store.common.locale_id import CATALOGUE

        return CATALOGUE
    return {}


def _(msgid: str) -> str:
    """Translate `msgid` (English source text) into the current language."""
    if _current == "en":
        return msgid
    return _catalogue(_current).get(msgid, msgid)


def in_every_language(msgid: str) -> list[str]:
    """`msgid` as each language Pulang speaks says it: to read back text written in any."""
    return [_catalogue(lang).get(msgid, msgid) for lang in LANGUAGES]


def N_(msgid: str) -> str:  # noqa: N802 - the conventional gettext name
    """Mark a string for translation without translating it yet."""
    return msgid


def plural(count: int, one: str, many: str) -> str:
    """The translation of `one` when `count` is 1, else of `many`: two msgids marked with
    N_ ("{count} task", "{count} tasks"), the text still to be formatted."""
    return _(one if count == 1 else many)


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang


def current_language() -> str:
    return _current


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The language the environment asks for (LC_ALL, LC_MESSAGES, then LANG), else English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            # Older systems still call Indonesian "in".
            if code in ("id", "in"):
                return "id"
            return "en"
    return "en"


# English short month names (msgids: `month_abbr` translates them).
_MONTHS_EN = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
              N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))


def month_abbr(month: int) -> str:
    """A month's short name in the current language ("Des" for December in Indonesian)."""
    return _(_MONTHS_EN[month - 1])


# English short weekday names, Monday first (msgids: `day_and_date` translates them).
_WEEKDAYS_EN = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def day_and_date(value: _dt.date) -> str:
    """A date with its weekday, to show back a date typed as "+2" or "besok": Tue 8 Dec 2026
    (Sel 08/12/2026 in Indonesian)."""
    return f"{_(_WEEKDAYS_EN[value.weekday()])} {format_date(value)}"


def format_date(value: _dt.date | None) -> str:
    """A date as the current language writes it: id 12/12/2025, en 12 Dec 2025."""
    if value is None:
        return ""
    if _current == "id":
        return value.strftime("%d/%m/%Y")
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_datetime(value: _dt.datetime | None) -> str:
    """A moment in local time, as the current language writes it."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo else value
    return f"{format_date(local.date())} {local.strftime('%H:%M')}"


def date_for_input(value: _dt.date | None) -> str:
    """A date written the way forms accept it back (DD/MM/YYYY in both languages)."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def datetime_for_input(value: _dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo else value
    return local.strftime("%d/%m/%Y %H:%M")
