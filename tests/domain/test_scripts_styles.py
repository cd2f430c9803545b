"""A name's Latin spellings in its script's styles (store/domain/scripts/__init__.py combines
them; tai.py, khmer.py spell each word in each style of store/common/scripts/*.toml), and the
readings of Thai, Lao and Khmer words that passports' spellings need."""

from __future__ import annotations

import itertools

import pytest

from store.common.scripts import romanisation_table
from store.domain import scripts
from store.domain.matching import similarity
from store.domain.scripts import khmer, lao, latin_spellings, thai


def test_a_name_in_one_style_comes_before_a_name_in_two() -> None:
    one = [(0.0, [(0.0, "som")]), (0.0, [(0.0, "sawm")])]  # a word in two styles, as cheap
    other = [(0.0, [(0.0, "chai")]), (0.0, [(0.0, "chay")])]
    names = [name for _cost, name in scripts._combined([one, other])]
    assert set(names[:2]) == {"som chai", "sawm chay"}
    assert set(names[2:]) == {"som chay", "sawm chai"}


def test_a_styles_cost_is_counted_once_a_name() -> None:
    word = [(0.0, [(0.0, "a")]), (1.0, [(0.0, "b")])]
    costs = dict((name, cost) for cost, name in scripts._combined([word, word, word]))
    assert costs["a a a"] == 0.0
    assert costs["b b b"] == 1.0
    assert costs["a a b"] == 1.0 + scripts.MIXED


@pytest.mark.parametrize("name", ["ชวน หลีกภัย", "ประยุทธ์ จันทร์โอชา", "ບຸນຍັງ ວໍລະຈິດ",
                                  "នរោត្តម សីហមុនី", "ហ៊ុន សែន", "สมชาย", "อองซานซูจี"])
def test_no_spelling_offered_is_one_matching_cannot_tell_from_another(name: str) -> None:
    spellings = latin_spellings(name)
    assert spellings
    for one, other in itertools.combinations(spellings, 2):
        assert similarity(one, other) < scripts.DISTINCT, (one, other)


@pytest.mark.parametrize(("name", "passport"), [
    ("ชวน หลีกภัย", "Chuan Leekpai"),  # the long vowels ee, throughout
    ("ບຸນຍັງ ວໍລະຈິດ", "Bounnhang Vorachith"),  # ລ r, ດ th at the end
    ("នរោត្តម សីហមុនី", "Norodom Sihamoni"),  # the French-era spelling
])
def test_a_names_passport_style_is_among_the_first_three(name: str, passport: str) -> None:
    assert passport in latin_spellings(name)[:3]


@pytest.mark.parametrize(("word", "first"), [
    ("สมบัติเจริญ", "sombatcharoen"),  # a vowel not said inside a word
    ("เกียรติศักดิ์", "kiattisak"),  # ร not said after เ-ีย before a final
    ("กวิน", "kawin"),  # no cluster กว before ิ
    ("วรวุฒิ", "worawut"),  # o before ร read with a
    ("บริษัท", "borisat"),  # o after บ; บร not a cluster
    ("ปิยบุตร", "piyabut"),  # ย after ิ is the next syllable's
    ("เสนา", "sena"),  # เ-า seldom over two consonants
    ("ประเสริฐ", "prasoet"),  # สร under a leading vowel: s
    ("ศุภชัย", "supphachai"),  # a final read again
])
def test_thai_readings(word: str, first: str) -> None:
    assert thai.romanise(word)[0] == first


@pytest.mark.parametrize(("word", "spelling"), [
    ("จุลานนท์", "chulanont"),  # a cancelled letter after n, written by some
    ("ปานปรีย์", "parnpree"),  # the passports' arn and long ee
    ("คราประยูร", "kraprayoon"),  # k for ค, oon before ร
    ("ปราโมช", "pramoj"),  # a final as written, at a word's end
    ("ประภาส", "praphas"),
])
def test_thai_passport_spellings_are_offered(word: str, spelling: str) -> None:
    assert spelling in thai.romanise(word)


def test_a_lao_final_is_spelt_th_at_a_words_end_only() -> None:
    assert "vorachith" in lao.romanise("ວໍລະຈິດ")[:3]
    assert not any(s.startswith("pheth") for s in lao.romanise("ເພັດຊະລາດ"))


@pytest.mark.parametrize(("word", "spelling"), [
    ("នរោត្តម", "norodom"),  # the a-series' inherent vowel o (French-era)
    ("សុវត្ថិ", "sovoth"),  # a last ិ after a subscript not said
    ("នេត", "neth"),  # a final ត th
])
def test_khmer_spellings_are_offered(word: str, spelling: str) -> None:
    assert spelling in [s for _style, spelt in khmer.spellings_by_style(word)
                        for _cost, s in spelt]


@pytest.mark.parametrize("script", ["thai", "lao", "khmer"])
def test_every_style_of_passports_chooses_spellings_of_its_table(script: str) -> None:
    """The passports' styles reorder the published system's spellings (Thai's Sanskrit-style
    transliteration, a system of its own, has spellings the others never use)."""
    table = romanisation_table(script)
    assert list(table["styles"])[0] == "published"

    def chosen(section: dict, style: dict, path: str) -> None:
        for key, choice in style.items():
            if isinstance(choice, dict):
                chosen(section.get(key, {}), choice, f"{path}.{key}")
            elif key != "like" and not path.endswith(("parse", "joins")):
                assert choice in section.get(key, []), (path, key, choice)
    for style in set(table["styles"]) - {"transliteration"}:
        chosen(table, table.get(style, {}), style)
