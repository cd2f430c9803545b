"""Khmer and Burmese names: normalisation for matching (Khmer character order, Burmese typed in
Zawgyi) and their Latin spellings (store/domain/scripts/khmer.py and burmese.py, with the
tables store/common/scripts/khmer.toml and burmese.toml)."""

from __future__ import annotations

import pytest

from store.domain.matching import MATCH_THRESHOLD, cross_script_similarity, similarity
from store.domain.scripts import burmese, khmer, latin_spellings, normalise, script_of

# --- Khmer: the SIL character order -------------------------------------------------------

SREY = "\u179f\u17d2\u179a\u17b8"  # ស្រី: base, coeng ro, vowel ី
SIM = "\u179f\u17ca\u17b8\u1798"  # ស៊ីម: base, triisap, vowel ី, final


@pytest.mark.parametrize(("typed", "stored"), [
    ("\u179f\u17b8\u17d2\u179a", SREY),  # the vowel typed before the subscript
    ("\u179f\u17b8\u17ca\u1798", SIM),  # the shifter typed after the vowel
    ("\u179f\u17c1\u17b8", "\u179f\u17be"),  # េ + ី, which looks like ើ
    ("\u1780\u17d2\u179a\u17d2\u179f", "\u1780\u17d2\u179f\u17d2\u179a"),  # coeng ro last
    ("\u179f\u17d2\u178a\u17b6", "\u179f\u17d2\u178f\u17b6"),  # coeng da as coeng ta
])
def test_two_typings_of_a_khmer_word_are_equal_after_normalise(typed: str, stored: str) -> None:
    assert typed != stored
    assert khmer.normalise(typed) == khmer.normalise(stored) == stored
    assert normalise(typed) == normalise(stored)
    assert khmer.romanise(typed) == khmer.romanise(stored)


def test_a_name_typed_in_another_order_still_matches_its_passport_spelling() -> None:
    typed = "\u1787\u17b6 \u179f\u17b8\u17ca\u1798"  # ជា ស៊ីម, shifter after the vowel
    assert cross_script_similarity(typed, "Chea Sim") >= MATCH_THRESHOLD


def test_a_zero_width_space_between_khmer_words_is_a_space() -> None:
    assert khmer.normalise("ហ៊ុន\u200bសែន") == "ហ៊ុន សែន"
    assert latin_spellings("ហ៊ុន\u200bសែន")[0] == "Hun Sen"


# --- Khmer: spellings -------------------------------------------------------------------

@pytest.mark.parametrize(("word", "first"), [
    ("សុខា", "sokha"),  # a-series consonant: ុ is o
    ("ហ៊ុន", "hun"),  # triisap makes ហ o-series: ុ is u
    ("ជា", "chea"),  # o-series: ា is ea
    ("ចាន់ដារ៉ា", "chandara"),  # bantoc, muusikatoan
    ("ស្រី", "srey"),
    ("ប្រាក់", "prak"),  # a subscript ro: ប is p
    ("ប៉ុល", "pol"),  # ប៉ is pa
    ("កុសល", "kosal"),  # two bare consonants: onset and final
    ("សុផល", "sophal"),
    ("មាស", "meas"),
    ("ទូច", "touch"),
    ("ពៅ", "pov"),
])
def test_a_khmer_word_s_first_spelling_follows_ungegn_and_the_passports(
        word: str, first: str) -> None:
    assert khmer.romanise(word)[0] == first


@pytest.mark.parametrize(("word", "spelling"), [
    ("វណ្ណា", "vanna"),  # stacked ណ្ណ: the base closes វ, the subscript starts ណា
    ("សុភ័ក្រ", "sopheak"),  # stacked at the end: the subscript is silent
    ("ពិសិដ្ឋ", "piset"),
    ("បុប្ផា", "bopha"),  # p + ph written once
    ("សុទ្ធា", "sothea"),
    ("សីហមុនី", "seyhamoni"),  # ហ seldom a final: siha-, not seih-
])
def test_stacked_consonants_are_read_as_final_and_onset(word: str, spelling: str) -> None:
    assert spelling in khmer.romanise(word)[:3]


def test_a_khmer_name_s_first_suggestion_is_its_passport_spelling() -> None:
    assert latin_spellings("ហ៊ុន សែន")[0] == "Hun Sen"
    assert latin_spellings("កឹម សុខា")[0] == "Kem Sokha"
    assert latin_spellings("ហ៊ុន ម៉ាណែត")[0] == "Hun Manet"


def test_every_spelling_is_lower_case_latin_and_few() -> None:
    for word in ("សុខា", "នរោត្តម", "អៀង", "ឫទ្ធី", "ស"):
        spellings = khmer.romanise(word)
        assert 0 < len(spellings) <= khmer.MOST
        assert all(s.isascii() and s == s.lower() for s in spellings)


# --- Burmese: Zawgyi ----------------------------------------------------------------------

AUNG_KYAW_MOE = "အောင်ကျော်မိုး"
AUNG_KYAW_MOE_ZAWGYI = "ေအာင္ေက်ာ္မိုး"  # as a Zawgyi keyboard types it


def test_a_zawgyi_typed_name_is_detected_and_converted() -> None:
    assert burmese.zawgyi_probability(AUNG_KYAW_MOE_ZAWGYI) > burmese.ZAWGYI_LIKELY
    assert burmese.zawgyi_probability(AUNG_KYAW_MOE) < 0.05
    assert burmese.normalise(AUNG_KYAW_MOE_ZAWGYI) == AUNG_KYAW_MOE
    assert burmese.normalise(AUNG_KYAW_MOE) == AUNG_KYAW_MOE  # Unicode left alone


def test_a_zawgyi_typed_name_matches_its_unicode_form_and_its_latin_spelling() -> None:
    assert normalise(AUNG_KYAW_MOE_ZAWGYI) == normalise(AUNG_KYAW_MOE)
    assert cross_script_similarity(AUNG_KYAW_MOE_ZAWGYI, AUNG_KYAW_MOE) == 100
    assert cross_script_similarity(AUNG_KYAW_MOE_ZAWGYI, "Aung Kyaw Moe") == 100
    assert latin_spellings("မင္းေအာင္လႈိင္")[0] == "Min Aung Hlaing"  # Zawgyi


def test_burmese_marks_typed_in_another_order_are_put_in_unicode_s() -> None:
    typed = "လှုိင်"  # ု before ိ, as the Zawgyi converter and some keyboards leave it
    assert burmese.normalise(typed) == "လှိုင်"
    assert burmese.normalise("၀င်း") == "ဝင်း"  # the digit zero typed for wa


# --- Burmese: syllables and spellings ------------------------------------------------------

@pytest.mark.parametrize(("word", "first"), [
    ("ကျော်", "kyaw"),  # medial ya ျ
    ("မြင့်", "myint"),  # medial ra ြ, a creaky nasal: -nt
    ("ထွန်း", "htun"),  # medial wa ွ with the rhyme
    ("လှိုင်", "hlaing"),  # medial ha ှ
    ("ရွှေ", "shwe"),  # wa and ha together
    ("ညွန့်", "nyunt"),
    ("သန့်", "thant"),
    ("မိုး", "moe"),
])
def test_syllables_with_medials_are_spelt_as_names_are(word: str, first: str) -> None:
    assert burmese.romanise(word)[0] == first


@pytest.mark.parametrize(("word", "spelling"), [
    ("ကွန့်", "kunt"),  # not in the syllable table: onset and rhyme, creaky -nt
    ("ပြုံ", "pyone"),
    ("ချွတ်", "chut"),
    ("ဖြိုက်", "phyaik"),
])
def test_a_syllable_the_table_lacks_is_spelt_from_its_onset_and_rhyme(
        word: str, spelling: str) -> None:
    assert word not in burmese._tables()["syllables"]
    assert spelling in burmese.romanise(word)[:3]


def test_stacked_consonants_and_kinzi_close_the_syllable_before() -> None:
    assert [s.text for s in burmese.syllables("သန္တာ")] == ["သန္", "တာ"]
    assert burmese.romanise("သန္တာ")[0] == "thandar"  # a name of one Latin word
    kinzi = burmese.syllables("အင်္ဂလိပ်")
    assert kinzi[0].final == "င" and kinzi[1].head == "ဂ"
    buddha = burmese.syllables("ဗုဒ္ဓ")
    assert [(s.head, s.final) for s in buddha] == [("ဗ", "ဒ"), ("ဓ", "")]
    assert burmese.romanise("ဗုဒ္ဓ")[0] == "but da"


def test_a_burmese_name_is_one_word_in_script_and_several_in_latin() -> None:
    assert burmese.romanise(AUNG_KYAW_MOE)[0] == "aung kyaw moe"
    assert latin_spellings(AUNG_KYAW_MOE)[0] == "Aung Kyaw Moe"
    assert latin_spellings("အောင်ဆန်းစုကြည်")[0] == "Aung San Su Kyi"
    assert similarity(latin_spellings("အောင်ဆန်းစုကြည်")[0], "Aung San Suu Kyi") == 100
    assert similarity(latin_spellings(AUNG_KYAW_MOE)[0], "Aungkyawmoe") == 100


def test_one_syllable_apart_is_another_person() -> None:
    assert cross_script_similarity("ဝင်းမြင့်", "Win Htein") < MATCH_THRESHOLD
    assert cross_script_similarity("ဝင်းမြင့်", "ဝင်းထိန်") < MATCH_THRESHOLD
    assert cross_script_similarity("ហ៊ុន ម៉ាណែត", "Hun Manith") < MATCH_THRESHOLD


def test_the_scripts_are_told_apart() -> None:
    assert script_of("សុខ ចាន់ដារ៉ា") == "khmer"
    assert script_of(AUNG_KYAW_MOE_ZAWGYI) == "burmese"
