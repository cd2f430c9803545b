"""The words Pulang reads, as data (store/common/words/*.toml, read by store/common/words.py):
every file loads with only the tables and keys Pulang reads, a translator's mistake is named
with its file and key, no word means two things, every word read before the files were is
read the same, and Lao, Khmer and Burmese words are read in dates and answers. The headers
and the sexes of worker lists: tests/exchange/test_words_lists.py; a yes at the command line:
tests/cli/test_words_cli.py."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from store.common import words
from store.domain.countries import country_code
from store.domain.parse import InputProblem, is_relative, parse_date
from store.exchange.worker_lists.headers import HEADER_KEYS
from tests.conftest import TUESDAY

ROOT = Path(__file__).resolve().parent.parent.parent


def test_every_words_file_loads_with_only_the_tables_and_keys_pulang_reads() -> None:
    assert words.languages() == ["en", "id", "km", "lo", "my"]
    assert words.problems(HEADER_KEYS) == []
    for language in ("lo", "km"):  # each of the new languages holds a word of every kind
        tables = words.read_files(ROOT / "store" / "common" / "words")[0][f"{language}.toml"]
        assert {"days", "units", "sexes", "headers", "answers"} <= set(tables), language


def test_a_mistake_in_a_translators_file_is_named_with_its_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "lo.toml").write_text(
        '[sexes]\nmael = ["ຊາຍ"]\n'
        '[monhts]\n1 = ["ມັງກອນ"]\n'
        '[headers]\nful_name = ["ຊື່"]\nsex = ["ເພດ"]\n'
        '[days]\ntoday = "ມື້ນີ້"\n'
        '[abbreviations]\nno = ["ເລກ ທີ"]\n'
        '[countries]\nlao = ["ລາວ"]\n'
        '[answers]\nyes = ["..."]\n', encoding="utf-8")
    (tmp_path / "km.toml").write_text('[sexes\nmale = ["ប្រុស"]\n', encoding="utf-8")
    (tmp_path / "zz.toml").write_text('[answers]\nyes = ["ok"]\n', encoding="utf-8")
    found = words.problems(HEADER_KEYS, tmp_path)
    expected = [
        "km.toml: not read: ",
        "lo.toml: [sexes] mael is not one of female, male",
        "lo.toml: [monhts] is no table Pulang reads",
        "lo.toml: [headers] ful_name is not one of ",
        "lo.toml: [days] today must be a list of words in quotes",
        "lo.toml: [abbreviations] no: “ເລກ ທີ” is more than one word",
        "lo.toml: [countries] lao is not a country's code",
        "lo.toml: [answers] yes: “...” has no letter",
        "zz.toml: its name is no language code CLDR knows",
    ]
    for start in expected:
        assert [problem for problem in found if problem.startswith(start)], (start, found)
    assert len(found) == len(expected), found  # "sex" is a field: no problem
    assert words.problems(HEADER_KEYS) == []  # the package's own files are not those


def test_no_word_means_two_things_across_the_files() -> None:
    """A sex word male in one language and female in another, a header naming two fields, a
    month spelled as CLDR spells another, an abbreviation of two words: each would change
    what a list or a date is read as, depending on which file is read first."""
    assert words.conflicts() == []


def test_a_word_given_two_meanings_is_listed_with_both_files(tmp_path: Path) -> None:
    (tmp_path / "en.toml").write_text('[sexes]\nmale = ["ស្រី"]\n', encoding="utf-8")
    (tmp_path / "id.toml").write_text('[months]\n3 = ["Mei"]\n', encoding="utf-8")
    (tmp_path / "km.toml").write_text('[sexes]\nfemale = ["ស្រី"]\n[headers]\nsex = ["ភេទ"]\n'
                                      '[abbreviations]\nno = ["លេខ"]\n', encoding="utf-8")
    (tmp_path / "lo.toml").write_text('[headers]\nage = ["ភេទ"]\n[abbreviations]\n'
                                      'tel = ["លេខ"]\n', encoding="utf-8")
    assert words.conflicts(tmp_path) == [
        "[months] “Mei” is 5 in CLDR id and 3 in id.toml",
        "[sexes] “ស្រី” is male in en.toml and female in km.toml",
        "[headers] “ភេទ” is sex in km.toml and age in lo.toml",
        "[abbreviations] “លេខ” is no in km.toml and tel in lo.toml",
    ]


# What Python held before the files (store/domain/parse.py, store/exchange/worker_lists,
# tui/cli): every word is read as it was. The headers: tests/exchange/test_words_lists.py.
MONTHS_BEFORE = {
    1: ("jan", "januari", "january"), 2: ("feb", "februari", "february", "peb", "pebruari"),
    3: ("mar", "maret", "march"), 4: ("apr", "april"), 5: ("may", "mei"),
    6: ("jun", "juni", "june"), 7: ("jul", "juli", "july"),
    8: ("aug", "agu", "agt", "agustus", "august"), 9: ("sep", "sept", "september"),
    10: ("oct", "okt", "oktober", "october"), 11: ("nov", "nop", "november", "nopember"),
    12: ("dec", "des", "desember", "december"),
}
DAYS_BEFORE = {"today": 0, "hari ini": 0, "tomorrow": 1, "besok": 1, "yesterday": -1,
               "kemarin": -1, "lusa": 2}
UNITS_BEFORE = {"": 1, "d": 1, "h": 1, "w": 7, "mg": 7}
SEXES_BEFORE = {"l": "male", "lk": "male", "laki laki": "male", "laki": "male", "pria": "male",
                "m": "male", "male": "male", "man": "male", "p": "female", "pr": "female",
                "perempuan": "female", "wanita": "female", "f": "female", "female": "female",
                "woman": "female"}
COUNTRIES_BEFORE = {"laos": "LA", "burma": "MM", "vietnam": "VN", "south korea": "KR",
                    "korea selatan": "KR", "brunei": "BN", "timor leste": "TL"}


def test_every_word_read_before_the_files_is_read_the_same(tuesday: dt.date) -> None:
    for number, names in MONTHS_BEFORE.items():
        for name in names:
            for written in (name, name.title(), name.upper() + "."):
                assert parse_date(f"3 {written} 2024") == dt.date(2024, number, 3), written
    for word, offset in DAYS_BEFORE.items():
        assert parse_date(word.title()) == TUESDAY + dt.timedelta(days=offset), word
    for unit, days in UNITS_BEFORE.items():
        assert parse_date(f"-2{unit}") == TUESDAY - dt.timedelta(days=2 * days), unit
    assert {key: words.sex_words().get(key) for key in SEXES_BEFORE} == SEXES_BEFORE
    for answer in ("y", "yes", "ya", "Y", " YES ", "Ya"):
        assert words.is_yes(answer), answer
    for answer in ("", "n", "no", "tidak", "yess", "yes please"):
        assert not words.is_yes(answer), answer
    assert {alias: country_code(alias) for alias in COUNTRIES_BEFORE} == COUNTRIES_BEFORE


@pytest.mark.parametrize(("written", "meant"), [
    ("3 ມັງກອນ 2024", dt.date(2024, 1, 3)),  # Lao, CLDR's name
    ("3 ມ.ກ. 2024", dt.date(2024, 1, 3)),  # ... and its abbreviation
    ("15 ເດືອນສິງຫາ 2023", dt.date(2023, 8, 15)),  # with ເດືອນ (month), from lo.toml
    ("໓ ມັງກອນ ໒໐໒໔", dt.date(2024, 1, 3)),  # in Lao digits
    ("15 មេសា 2025", dt.date(2025, 4, 15)),  # Khmer
    ("15 ខែមេសា 2025", dt.date(2025, 4, 15)),  # with ខែ (month), from km.toml
    ("1 ធ្នូ 2024", dt.date(2024, 12, 1)),
    ("9 ဇန်နဝါရီ 2024", dt.date(2024, 1, 9)),  # Burmese
    ("9 Agt 2024", dt.date(2024, 8, 9)),
])
def test_a_date_with_its_month_named_in_lao_khmer_or_burmese(written: str,
                                                             meant: dt.date) -> None:
    assert parse_date(written) == meant
    assert not is_relative(written)


def test_a_month_not_known_or_a_day_it_does_not_have_is_refused() -> None:
    with pytest.raises(InputProblem, match="Not a date"):
        parse_date("3 ມັງ 2024")
    with pytest.raises(InputProblem, match="There is no such date"):
        parse_date("30 កុម្ភៈ 2024")


@pytest.mark.parametrize(("typed", "days"), [
    ("ມື້ນີ້", 0), ("ມື້ອື່ນ", 1), ("ມື້ວານ", -1), ("ມື້ວານນີ້", -1), ("ມື້ຮື", 2),
    ("ថ្ងៃនេះ", 0), ("ថ្ងៃស្អែក", 1), ("ស្អែក", 1), ("ម្សិលមិញ", -1), ("ខានស្អែក", 2),
    ("ယနေ့", 0), ("မနက်ဖြန်", 1), ("မနေ့က", -1),
    ("+2 ມື້", 2), ("+1 ອາທິດ", 7), ("-3ថ្ងៃ", -3), ("-1 សប្តាហ៍", -7), ("+2 ရက်", 2),
])
def test_a_day_in_lao_khmer_or_burmese_is_counted_from_today(tuesday: dt.date, typed: str,
                                                             days: int) -> None:
    assert parse_date(typed) == TUESDAY + dt.timedelta(days=days)
    assert is_relative(f"{typed} 14:30")


def test_a_lao_khmer_or_burmese_word_keeps_its_vowel_signs_as_a_header_is_read() -> None:
    """Their vowel signs are marks, not letters: read as punctuation, "ကျား" (male) was "က"
    and "ເພດຍິງ" two words."""
    assert words.plain_key("ကျား") == "ကျား" != words.plain_key("က")
    assert words.plain_key("ເພດຍິງ") == "ເພດຍິງ"
    assert words.plain_key("ကျား/မ") == "ကျား မ"
    assert words.plain_key("Laki-laki") == "laki laki"


def test_the_app_reads_no_words_file_and_loads_no_babel_before_its_first_frame() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", ("import sys, tui.app; from store.common import words; "
                                "print('babel' in sys.modules, "
                                "words._files.cache_info().currsize)")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout.split()
    assert loaded == ["False", "0"]
