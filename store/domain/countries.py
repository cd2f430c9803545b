"""Countries as ISO 3166-1 alpha-2 codes, named in the user's language (pycountry's data)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from store.common.collation import name_sort_key
from store.common.i18n import LANGUAGES, current_language
from store.common.words import country_words
from store.domain.text import fold as _fold


@cache
def _translator(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
    )


def _english_name(country: object) -> str:
    return str(getattr(country, "common_name", None) or getattr(country, "name"))


def country_name(code: str | None, lang: str | None = None) -> str:
    """The country's name in the given (or current) language; the code itself if unknown."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    lang = lang or current_language()
    translated = _translator(lang).gettext(country.name)
    if lang == "en" or translated == country.name:
        return _english_name(country)
    return translated


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names = {country.name, _english_name(country), getattr(country, "official_name", "")}
        names.update(_translator(lang).gettext(country.name) for lang in LANGUAGES[1:])
        for name in names:
            if name:
                index.setdefault(_fold(name), code)
        index[_fold(country.alpha_3)] = code
    return index


@cache
def _other_names() -> dict[str, str]:
    """Names people actually type that pycountry spells otherwise ("laos", "korea selatan"),
    and the names of countries in each language Pulang reads ("ລາວ", "កម្ពុជា"): the words
    files' [countries] and CLDR's names (store/common/words). Built only for a name the
    index above does not know: reading CLDR's names for every language costs about 30 ms."""
    return {alias: code for alias, code in country_words().items()
            if pycountry.countries.get(alpha_2=code) is not None}


def country_code(text: str) -> str | None:
    """The alpha-2 code for a code (alpha-2 or alpha-3) or a name in any language Pulang
    speaks."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if len(cleaned) == 2 and cleaned.isalpha():
        country = pycountry.countries.get(alpha_2=cleaned.upper())
        return country.alpha_2 if country else None
    key = _fold(cleaned)
    return _index().get(key) or _other_names().get(key)


def all_countries() -> list[tuple[str, str]]:
    """(name in the current language, code), sorted by name."""
    return list(_all_countries(current_language()))


@cache
def _all_countries(lang: str) -> tuple[tuple[str, str], ...]:
    # Every form with a country field asks for this: build it once per language.
    return tuple(sorted(
        ((country_name(c.alpha_2, lang), c.alpha_2) for c in pycountry.countries),
        key=lambda pair: name_sort_key(pair[0], lang),  # ໄທ (Thailand) by ທ, in Lao
    ))
