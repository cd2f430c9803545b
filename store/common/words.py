"""The words Pulang reads in the officer's or a spreadsheet's language: months and days in a
date ("3 Mei 2024", "besok"), the headers and the sexes of a list of workers ("Tgl. Lahir",
"perempuan"), the yes at a "[y/N]" question ("ya").

They are data, not code: store/common/words/<language>.toml, one file a language, named by
the language's code as CLDR (Babel) knows it (en, id, lo, km, my), each saying at its top what
its tables hold and how to add a word. Every file's words are read whatever the interface's
language: an Indonesian list arrives while the interface speaks English. The months' names
CLDR gives (Babel's wide and abbreviated names, for each file's language) are read as well, so
a file holds only the other spellings ("agt", "pebruari").

Each word is folded as its reader folds what it is given (`fold`, `plain_key`, `lookup_key`,
`word_key`, `month_key`), so "Tgl. Lahir" finds "tanggal lahir". The files are read once, on
first use, never at import (nor is Babel): the app's first frame waits for neither.
`problems()` and `conflicts()` say what is wrong in a file (tests/domain/test_words.py fails
on either); a word given two meanings keeps the first, in the files' alphabetical order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterator
from functools import cache, partial
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# The tables a file may hold, each with the keys it may hold (None: any, checked by its
# reader: the header keys by store/exchange/worker_lists/headers.py).
DAY_OFFSETS = {"today": 0, "tomorrow": 1, "yesterday": -1, "day_after_tomorrow": 2,
               "day_before_yesterday": -2}
UNIT_DAYS = {"day": 1, "week": 7}
TABLES: dict[str, frozenset[str] | None] = {
    "months": frozenset(str(number) for number in range(1, 13)),
    "days": frozenset(DAY_OFFSETS),
    "units": frozenset(UNIT_DAYS),
    "sexes": frozenset({"male", "female"}),
    "headers": None,
    "abbreviations": None,
    "answers": frozenset({"yes"}),
    "countries": None,  # a country's ISO code (two capital letters): LA, KH, MM...
}

# -- folding: how each reader makes what it is given comparable ------------------------------


def fold(text: str) -> str:
    """Lower-case, strip accents, collapse white space: 'Phonésan  VILAYMEING' ->
    'phonesan vilaymeing'. (Search folds names so too: store.domain.text offers it.)"""
    if text.isascii():  # most names and places: nothing to strip, a hundred times faster
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


_NOT_WORD = re.compile(r"[^\w]+")


def plain_key(text: str) -> str:
    """A header or a cell folded, its punctuation made spaces: "Laki-laki" -> "laki laki".
    The vowel signs of Lao, Khmer or Burmese are part of their word, not punctuation."""
    folded = fold(text)
    if folded.isascii():
        return " ".join(_NOT_WORD.sub(" ", folded).split())
    return " ".join("".join(
        c if c.isalnum() or c == "_" or unicodedata.category(c).startswith("M") else " "
        for c in folded).split())


def lookup_key(text: str) -> str:
    """A header as looked up: `plain_key`, each word in its one form ([abbreviations]):
    "Tgl. Lahir" and "Tanggal lahir" are both "tgl lahir"."""
    return _lookup(text, abbreviations())


def _lookup(text: str, forms: dict[str, str]) -> str:
    return " ".join(forms.get(word, word) for word in plain_key(text).split())


def word_key(text: str) -> str:
    """A word typed (a day, a unit, an answer): lower-case, composed, single-spaced."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def month_key(text: str) -> str:
    """A month's name as `word_key`, without its dots: "Sept." and "ມ.ກ." are "sept", "ມກ"."""
    return word_key(text.replace(".", ""))


# -- the files ----------------------------------------------------------------------------------


Files = dict[str, dict[str, Any]]  # each file's tables by its name ("lo.toml")


@cache
def _files() -> tuple[Files, tuple[str, ...]]:
    """The words files in the package (read once)."""
    from importlib.resources import files

    return read_files(files("store.common") / "words")


def read_files(folder: Traversable) -> tuple[Files, tuple[str, ...]]:
    """The .toml files of `folder`, in alphabetical order; and what kept a file from being
    read at all (the others are read regardless)."""
    import tomllib

    read: Files = {}
    unread: list[str] = []
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.name.endswith(".toml"):
            try:
                read[entry.name] = tomllib.loads(entry.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                unread.append(f"{entry.name}: not read: {error}")
    return read, tuple(unread)


def languages() -> list[str]:
    """The languages whose words are read: the files' names without ".toml"."""
    return [name.removesuffix(".toml") for name in _files()[0]]


def _entries(read: Files, table: str) -> Iterator[tuple[str, str, str]]:
    """(file, key, word) for every well-formed word of `table` in every file."""
    known = TABLES[table]
    for name, tables in read.items():
        section = tables.get(table)
        if not isinstance(section, dict):
            continue
        for key, words in section.items():
            if (known is None or key in known) and isinstance(words, list):
                yield from ((name, key, word) for word in words if isinstance(word, str))


def _cldr_months(read: Files) -> Iterator[tuple[str, str, str]]:
    """(source, month number, name) for each file's language, as CLDR names its months."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_month_names

    for language in (name.removesuffix(".toml") for name in read):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                try:
                    names = get_month_names(width, context, language)
                except (UnknownLocaleError, ValueError):
                    continue
                yield from ((f"CLDR {language}", str(number), name)
                            for number, name in names.items())


def _merged(entries: Iterator[tuple[str, str, str]],
            key: Callable[[str], str]) -> tuple[dict[str, str], list[str]]:
    """word (folded by `key`) -> its meaning, the first given kept; and each word given two
    meanings, said with where."""
    meaning: dict[str, tuple[str, str]] = {}
    twice: list[str] = []
    for source, value, word in entries:
        folded = key(word)
        if not folded:
            continue
        first = meaning.setdefault(folded, (value, source))
        if first[0] != value:
            twice.append(f"“{word}” is {first[0]} in {first[1]} and {value} in {source}")
    return {word: value for word, (value, _source) in meaning.items()}, twice


def _merge(read: Files, table: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """A table merged over every file, folded as its reader folds; and its conflicts."""
    entries = _entries(read, table)
    key: Callable[[str], str] = word_key
    if table == "months":
        entries, key = chain(_cldr_months(read), entries), month_key
    elif table == "headers":
        forms = _merge(read, "abbreviations")[0]
        key = partial(_lookup, forms=forms)
    elif table == "abbreviations":  # [abbreviations] form = [words]: word -> form
        entries = ((name, plain_key(form), word) for name, form, word in entries)
        key = plain_key
    elif table in ("sexes", "countries"):
        key = plain_key if table == "sexes" else fold
    merged, twice = _merged(entries, key)
    return merged, tuple(f"[{table}] {said}" for said in twice)


@cache
def _table(table: str) -> tuple[dict[str, str], tuple[str, ...]]:
    return _merge(_files()[0], table)


# -- what the readers use -----------------------------------------------------------------------


@cache
def month_words() -> dict[str, int]:
    """month_key(name) -> the month's number (1-12): CLDR's names and the files' [months]."""
    return {word: int(number) for word, number in _table("months")[0].items()}


@cache
def relative_days() -> dict[str, int]:
    """word_key(word) -> days from today: "besok" 1, "ម្សិលមិញ" -1."""
    return {word: DAY_OFFSETS[day] for word, day in _table("days")[0].items()}


@cache
def unit_days() -> dict[str, int]:
    """word_key(unit) -> its days, after a count from today: "+2h" 2 days, "+1mg" 7."""
    return {word: UNIT_DAYS[unit] for word, unit in _table("units")[0].items()}


def sex_words() -> dict[str, str]:
    """plain_key(cell) -> "male" or "female": "L", "perempuan", "ស្រី"."""
    return _table("sexes")[0]


def header_words() -> dict[str, str]:
    """lookup_key(header) -> the key of [headers] it is listed under (a worker field,
    "kept_in_notes", "row_numbers", "left_out_columns")."""
    return _table("headers")[0]


def abbreviations() -> dict[str, str]:
    """plain_key(word) -> its one form in a header: "tanggal" -> "tgl"."""
    return _table("abbreviations")[0]


@cache
def yes_words() -> frozenset[str]:
    """word_key(answer) of every answer that says yes: "y", "ya", "បាទ"."""
    return frozenset(_table("answers")[0])


def is_yes(answer: str) -> bool:
    """Whether `answer` (typed at a "[y/N]" question) says yes, in any language."""
    return word_key(answer) in yes_words()


@cache
def country_words() -> dict[str, str]:
    """fold(name) -> the country's ISO code: the files' [countries], then each file's
    language's names of countries as CLDR gives them, also without what they add in brackets
    ("Myanmar (Burma)") and without zero-width spaces (Khmer's): a list's "ລາວ", "កម្ពុជា".
    Codes of regions that are no country ("ZZ", "EU") are for the reader to leave out."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    found = dict(_table("countries")[0])
    for language in languages():
        try:
            names = Locale.parse(language).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in names.items():
            if len(code) == 2 and code.isalpha():
                inside = _BRACKETS.findall(name)
                for spelling in (name, _BRACKETS.sub(" ", name), *inside):
                    found.setdefault(fold(spelling), code)
                    found.setdefault(fold(spelling.replace("\u200b", "")), code)
    found.pop("", None)
    return found


_BRACKETS = re.compile(r"\(([^)]*)\)")


# -- for the tests: what is wrong in a file -------------------------------------------------


def problems(header_keys: Collection[str], folder: Traversable | None = None) -> list[str]:
    """What a file holds that Pulang cannot read, each naming the file and the key: a file
    that is not TOML, an unknown table or key (`header_keys`: those [headers] may hold), a
    value that is not a list of words, a word that folds to nothing, an abbreviation of more
    than one word, a file whose name is no language CLDR knows. `folder`: other files than
    the package's."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    read, unread = _files() if folder is None else read_files(folder)
    found = list(unread)
    for name, tables in read.items():
        try:
            Locale.parse(name.removesuffix(".toml"))
        except (UnknownLocaleError, ValueError):
            found.append(f"{name}: its name is no language code CLDR knows (en, id, lo...)")
        for table, section in tables.items():
            if table not in TABLES:
                found.append(f"{name}: [{table}] is no table Pulang reads "
                             f"({', '.join(TABLES)})")
                continue
            if not isinstance(section, dict):
                found.append(f"{name}: {table} must be a table, [{table}]")
                continue
            known = header_keys if table == "headers" else TABLES[table]
            for key, words in section.items():
                where = f"{name}: [{table}] {key}"
                if known is not None and key not in known:
                    found.append(f"{where} is not one of {', '.join(sorted(known))}")
                elif table == "countries" and not (len(key) == 2 and key.isascii()
                                                   and key.isalpha() and key.isupper()):
                    found.append(f"{where} is not a country's code (two capitals: LA, KH)")
                elif not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    found.append(f"{where} must be a list of words in quotes: [\"...\"]")
                else:
                    found += [f"{where}: “{word}” has no letter" for word in words
                              if not plain_key(word) or not word_key(word)]
                    if table == "abbreviations":
                        found += [f"{where}: “{word}” is more than one word" for word in words
                                  if len(plain_key(word).split()) > 1]
    return found


def conflicts(folder: Traversable | None = None) -> list[str]:
    """Every word given two meanings (two months, a sex and the other, two fields...),
    within a file or across files, CLDR's month names included. `folder`: other files than
    the package's."""
    if folder is None:
        return [said for table in TABLES for said in _table(table)[1]]
    read = read_files(folder)[0]
    return [said for table in TABLES for said in _merge(read, table)[1]]
