"""Lao and Thai names: their normal form, their syllables and their Latin spellings
(store/domain/scripts/lao.py, thai.py, the engine tai.py, the tables
store/common/scripts/lao.toml, thai.toml)."""

from __future__ import annotations

import pytest

from store.common.scripts import romanisation_table
from store.domain.matching import MATCH_THRESHOLD, cross_script_similarity, similarity
from store.domain.scripts import lao, latin_spellings, normalise, thai


@pytest.mark.parametrize(("word", "first"), [
    # Leading vowels, written before the consonant they follow in sound.
    ("เปรม", "prem"),
    ("ไทย", "thai"),
    ("โอชา", "ocha"),
    ("แดง", "daeng"),
    ("เจริญ", "charoen"),  # the leading vowel over two consonants, the first read alone
    ("เนวิน", "newin"),  # ...but not over a sonorant: ne-win
    # The inherent vowels: o in a closed syllable, a before another syllable.
    ("สมชาย", "somchai"),
    ("ทวีสิน", "thawisin"),
    ("ชวลิต", "chawalit"),
    ("กมล", "kamon"),
    ("ธนาธร", "thanathon"),
    # The silent ห before a sonorant.
    ("หลีก", "lik"),
    ("สมหมาย", "sommai"),
    # Finals by class: ญ ณ น ร ล -> n, ภ บ -> p, ฆ ก -> k, ด ต ท ศ ษ ส จ ช -> t.
    ("บุญ", "bun"),
    ("ลาภ", "lap"),
    ("เมฆ", "mek"),
    ("วิษณุ", "witsanu"),  # ...and a final read again as an onset (Sanskrit)
    ("ชาติ", "chat"),  # a last vowel not spoken
    ("ชาติชาย", "chatichai"),  # ...but spoken inside a word
    ("ประวิตร", "prawit"),  # a last ร after a final not spoken
    # The thanthakhat cancels a letter (and the vowel it carries); a letter left before it
    # after a final is silent too.
    ("จันทร์", "chan"),
    ("สิทธิ์", "sit"),
    ("ลักษณ์", "lak"),
    ("วงศ์", "wong"),
    ("จุลานนท์", "chulanon"),
    ("จันทร์โอชา", "chanocha"),
])
def test_thai_syllables(word: str, first: str) -> None:
    assert thai.romanise(word)[0] == first


@pytest.mark.parametrize(("word", "first"), [
    ("ສົມຊາຍ", "somxay"),  # ຊ x, a final -ay
    ("ສອນໄຊ", "sonexay"),  # the long o before n: -one; ໄ: ay
    ("ສີພັນດອນ", "siphandone"),
    ("ວິພາວັນ", "viphavan"),  # ວ v
    ("ສະຫວັນນະເຂດ", "savannakhet"),  # the silent ຫ, a leading vowel
    ("ວຽງຈັນ", "viengchan"),  # -ຽ- ie
    ("ຫຼວງພະບາງ", "louangphabang"),  # ຸ ou, -ວ- oua
    ("ເມືອງ", "muang"),
    ("ຄຳໄຕ", "khamtay"),
    ("ປານີ", "pany"),  # a last -i: y
    ("ໄຊຍະສອນ", "xayasone"),  # ຍ after -ay: y
])
def test_lao_syllables(word: str, first: str) -> None:
    assert lao.romanise(word)[0] == first


def test_passport_spellings_are_offered_after_the_published_ones() -> None:
    assert "chinwatra" in thai.romanise("ชินวัตร")
    assert "charnwirakul" in thai.romanise("ชาญวีรกูล")[:4] or \
        "charnvirakul" in thai.romanise("ชาญวีรกูล")[:4]
    assert thai.romanise("ศรี")[0] == "sri"
    assert "vorachith" in lao.romanise("ວໍລະຈິດ")
    assert "jaroen" in thai.romanise("เจริญ")[:4]


def test_spellings_are_lower_case_distinct_and_a_handful() -> None:
    for word, rules in (("ประยุทธ์", thai), ("ชินวัตร", thai), ("ภูมิพลอดุลยเดช", thai),
                        ("ທອງລຸນ", lao), ("ສີສຸລິດ", lao)):
        spellings = rules.romanise(word)
        assert spellings == [s.lower() for s in spellings]
        assert len(spellings) == len(set(spellings)) >= 1
        assert all(s.isascii() and s.isalpha() for s in spellings)


@pytest.mark.parametrize(("one", "other"), [
    ("ໜູ", "ຫນູ"),
    ("ໝາກ", "ຫມາກ"),
    ("ຫຼວງ", "ຫລວງ"),
    ("ຄໍາ", "ຄຳ"),  # sala am whole or in two parts
    ("ຄ່ໍາ", "ຄ່ຳ"),
    ("ຄຳ່", "ຄ່ຳ"),
    ("ເເສງ", "ແສງ"),  # sala ae typed as two sala e
    ("ສົມ\u200bຊາຍ", "ສົມຊາຍ"),  # a zero-width space
])
def test_lao_written_two_ways_is_one_after_normalise(one: str, other: str) -> None:
    assert one != other
    assert normalise(one) == normalise(other)
    assert latin_spellings(one) == latin_spellings(other)


@pytest.mark.parametrize(("one", "other"), [
    ("คํา", "คำ"),
    ("น้ํา", "น้ำ"),
    ("เเดง", "แดง"),
    ("สม\u200bชาย", "สมชาย"),
])
def test_thai_written_two_ways_is_one_after_normalise(one: str, other: str) -> None:
    assert normalise(one) == normalise(other)


@pytest.mark.parametrize(("name", "passport"), [
    ("ທອງລຸນ ສີສຸລິດ", "Thongloun Sisoulith"),
    ("ສອນໄຊ ສີພັນດອນ", "Sonexay Siphandone"),
    ("ປານີ ຢາທໍ່ຕູ້", "Pany Yathotou"),
    ("ประยุทธ์ จันทร์โอชา", "Prayut Chan-o-cha"),
    ("เศรษฐา ทวีสิน", "Srettha Thavisin"),
    ("ชวน หลีกภัย", "Chuan Leekpai"),
])
def test_a_names_first_suggestion_is_its_passport_spelling_or_close(name: str,
                                                                     passport: str) -> None:
    first = latin_spellings(name)[0]
    assert first[0].isupper() and " " in first
    assert similarity(first, passport) >= 85
    assert cross_script_similarity(name, passport) >= MATCH_THRESHOLD
    assert cross_script_similarity(passport, name) >= MATCH_THRESHOLD


@pytest.mark.parametrize(("name", "other"), [
    ("ສອນໄຊ ສີພັນດອນ", "Khamtai Siphandone"),
    ("ทักษิณ ชินวัตร", "Yingluck Shinawatra"),
    ("สมชาย", "สมหมาย"),
])
def test_different_people_are_not_matched(name: str, other: str) -> None:
    assert cross_script_similarity(name, other) < MATCH_THRESHOLD


@pytest.mark.parametrize("script", ["lao", "thai"])
def test_the_tables_spell_every_letter(script: str) -> None:
    table = romanisation_table(script)
    consonants = table["letters"]["consonants"]
    assert set(table["initials"]) == set(consonants)
    assert set(table["finals"]) <= set(consonants)
    for part in ("initials", "clusters", "finals", "vowels", "rimes"):
        assert all(spellings and all(s.replace("{F}", "") == s.lower().replace("{f}", "")
                                     for s in spellings)
                   for spellings in table.get(part, {}).values()), part
    for part, chosen in table.get("passport", {}).items():
        assert all(spelling in table[part][key] for key, spelling in chosen.items()), part
    assert set(table["syllable"]["needs_final"]) <= set(table["vowels"])
    assert set(table["syllable"]["no_final"]) <= set(table["vowels"])
