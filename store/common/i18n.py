"""The one translation function for every user-facing string, the gettext way.

Strings are written in English in the code (`_("Save")`, `ngettext(...)`, `pgettext(context,
...)`, and `N_()` to mark a string translated later) and translated from the gettext catalogs
in `po/<lang>/LC_MESSAGES/pulang.po`, compiled to `.mo` files when the package is built and
installed inside it (`store/common/locale/`), read with `importlib.resources`. A string a
catalog does not translate shows in English. Dates, times and numbers are written the way the
language writes them, from the CLDR data Babel carries (imported when first needed: it costs
about 20 ms, which the first frame does not pay unless it shows a date).
"""

from __future__ import annotations

import datetime as _dt
import gettext as _gettext
import os
from functools import cache
from importlib.resources import files
from typing import Any


def _installed() -> tuple[str, ...]:
    """English (the source), then every language whose catalog is installed with the package:
    adding a language is adding its catalog (README, "Translating Pulang"), no code."""
    try:
        found = [entry.name for entry in (files(__package__) / "locale").iterdir()
                 if (entry / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()]
    except (FileNotFoundError, NotADirectoryError):
        found = []
    return ("en", *sorted(found))


DOMAIN = "pulang"
# The languages Pulang speaks.
LANGUAGES = _installed()
# The CLDR locale of each language, where it is not the language's code: English as written
# outside the US (12 Dec 2025, 14:30).
_CLDR_LOCALE = {"en": "en_GB"}
# Languages that older systems name differently in LANG: Indonesian was "in".
_ALIASES = {"in": "id"}

_current = "en"


@cache
def catalog(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of `lang` (a NullTranslations, English, where none is installed)."""
    if lang == "en":
        return _gettext.NullTranslations()
    mo = files(__package__) / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        data = mo.read_bytes()
    except FileNotFoundError:
        return _gettext.NullTranslations()
    import io

    return _gettext.GNUTranslations(io.BytesIO(data))


def _(msgid: str) -> str:
    """Translate `msgid` (English source text) into the current language."""
    if _current == "en":
        return msgid
    return catalog(_current).gettext(msgid)


def pgettext(context: str, msgid: str) -> str:
    """`msgid` in `context`, for an English word that means two things ("home": the stage of
    a case whose workers are home, or a place)."""
    return catalog(_current).pgettext(context, msgid)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase for `count`, by the catalog's plural rule ("{count} task",
    "{count} tasks"), the text still to be formatted."""
    return catalog(_current).ngettext(singular, plural, count)


def N_(msgid: str) -> str:
    """Mark a string for translation without translating it yet."""
    return msgid


def NC_(context: str, msgid: str) -> tuple[str, str]:
    """Mark a string and its context for translation later: `pgettext(*NC_(...))`."""
    return (context, msgid)


def in_every_language(msgid: str) -> list[str]:
    """`msgid` as each language Pulang speaks says it: to read back text written in any."""
    return [catalog(lang).gettext(msgid) for lang in LANGUAGES]


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
            code = value.split(".")[0].split("_")[0].split("@")[0].lower()
            code = _ALIASES.get(code, code)
            return code if code in LANGUAGES else "en"
    return "en"


def translation_state(lang: str | None = None) -> tuple[str, bool, int]:
    """(who translated it, whether a native-speaking officer has reviewed it, the share of the
    interface it translates in percent) for a language's catalog: what F1 says of the
    translation in front of the officer. Read from the catalog's header: Last-Translator, and
    Language-Team, which ends "; review: reviewed by NAME, DATE" once reviewed ("; review:
    awaiting review ..." until then). The share is counted against the Indonesian catalog,
    which translates every string. English is the source: reviewed, whole."""
    lang = lang or _current
    if lang == "en":
        return ("", True, 100)
    found = catalog(lang)
    info = found.info() if isinstance(found, _gettext.GNUTranslations) else {}
    review = info.get("language-team", "").partition("review:")[2].strip()
    size = len(getattr(catalog("id"), "_catalog", {})) or 1
    share = min(100, round(100 * len(getattr(found, "_catalog", {})) / size))
    return (info.get("last-translator", ""), review.startswith("reviewed"), share)


def language_name(lang: str) -> str:
    """A language's name in that language, from CLDR: "ພາສາລາວ"... ("ລາວ", "ខ្មែរ")."""
    from babel import Locale

    return str(Locale.parse(_CLDR_LOCALE.get(lang, lang)).display_name)


# Dates, times and numbers, from Babel's CLDR data.


def _locale() -> str:
    return _CLDR_LOCALE.get(_current, _current)


def format_date(value: _dt.date | None) -> str:
    """A date as the current language writes it: 12 Dec 2025, 12 Des 2025, 12 ທ.ວ. 2025."""
    if value is None:
        return ""
    from babel.dates import format_date as cldr_date

    return cldr_date(value, "medium", locale=_locale())


def format_datetime(value: _dt.datetime | None) -> str:
    """A moment in local time, as the current language writes it."""
    if value is None:
        return ""
    from babel.dates import format_time

    local = value.astimezone() if value.tzinfo else value
    return f"{format_date(local.date())} {format_time(local.time(), 'short', locale=_locale())}"


def month_abbr(month: int) -> str:
    """A month's short name in the current language ("Des" for December in Indonesian)."""
    from babel.dates import get_month_names

    return str(get_month_names("abbreviated", locale=_locale())[month])


def day_and_date(value: _dt.date) -> str:
    """A date with its weekday, to show back a date typed as "+2" or "besok": Tue 8 Dec 2026
    (Sel 8 Des 2026 in Indonesian)."""
    from babel.dates import format_date as cldr_date

    return f"{cldr_date(value, 'EEE', locale=_locale())} {format_date(value)}"


def format_number(value: float, decimals: int | None = None) -> str:
    """A number as the current language writes it: 3.4 in English and Khmer, 3,4 in
    Indonesian and Lao; thousands grouped. `decimals` fixes how many; by default, one at most,
    none for a whole number (12.5, 12)."""
    from babel.numbers import format_decimal

    fraction = "#" if decimals is None else "0" * decimals
    pattern = "#,##0" + ("." + fraction if fraction else "")
    return format_decimal(value, pattern, locale=_locale())


def date_for_input(value: _dt.date | None) -> str:
    """A date written the way forms accept it back (DD/MM/YYYY in every language)."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def datetime_for_input(value: _dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo else value
    return local.strftime("%d/%m/%Y %H:%M")


def decimal_sign() -> str:
    """The sign the current language writes before a number's decimals: "." in English and
    Khmer, "," in Indonesian and Lao (what an amount typed in a form is read with)."""
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(locale=_locale()))


def format_money(amount: Any, currency: str) -> str:
    """A sum with its currency as the current language writes it ("Rp 1.500.000,00",
    "US$1,500.00"); `amount` a Decimal or its text, never a float. A currency babel does not
    know is written by its code after the number."""
    from decimal import Decimal

    from babel.numbers import UnknownCurrencyError, format_currency, get_currency_precision

    value = Decimal(str(amount))
    digits = get_currency_precision(currency)
    exact = value == value.quantize(Decimal(1).scaleb(-digits))  # else shown unrounded
    try:
        return str(format_currency(value, currency, locale=_locale(), currency_digits=exact,
                                   format=None if exact else "¤#,##0.##########"))
    except UnknownCurrencyError:
        return f"{format_number(float(value), 2)} {currency}"


def currency_name(code: str) -> str:
    """The currency's name in the current language (the code itself if unknown)."""
    from babel.numbers import get_currency_name

    try:
        return str(get_currency_name(code, locale=_locale()))
    except Exception:  # an unknown code in a record changed outside Pulang
        return code
