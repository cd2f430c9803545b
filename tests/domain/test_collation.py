"""Names and titles in the order the interface language's readers expect
(store/common/collation.py): Thai and Lao names by the consonant after a leading vowel sign,
Khmer and Burmese names in their dictionaries' order, Latin names without regard to case or
accent; in every interface language, and ICU loaded only on the first sort.

Each expected list is written out by hand; sorting by code point (`sorted()` or `fold`) gives
another order for each of them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from store.common import name_sort_key
from store.common.i18n import LANGUAGES, set_language

ROOT = Path(__file__).resolve().parents[2]


def in_order(names: list[str], lang: str | None = None) -> list[str]:
    return sorted(reversed(names), key=lambda name: name_sort_key(name, lang))


# A leading vowel sign (เ แ โ ใ ไ) is written before the consonant it follows in sound: the
# name sorts by that consonant, among the names that start with it.
THAI = ["กมล", "เกษม", "แก้วใจ", "ใจดี", "โชติ", "บุญมี", "ประเสริฐ", "ไพศาล", "สมชาย"]
# Lao in its alphabet's order (ກ ຂ ຄ ງ ຈ ສ ຊ ... ບ ປ ຜ ຝ ພ): ແສງເດືອນ among the ສ names, ໄຊ
# among the ຊ, ເພັດ and ໂພໄຊ among the ພ. Between two names of one consonant, CLDR (like
# Unicode's default) orders by the vowel, ົ before ແ: ສົມພອນ, then ແສງເດືອນ.
LAO = ["ກອງແກ້ວ", "ຈັນ", "ໃຈ", "ສົມພອນ", "ແສງເດືອນ", "ໄຊຍະສອນ", "ບຸນມີ", "ເພັດ", "ໂພໄຊ"]
# Khmer: the independent vowels ឫ ឬ after រ, ឭ ឮ after ល (CLDR's Khmer order), not after every
# consonant as their code points are.
KHMER = ["កញ្ញា", "ចាន់ដារ៉ា", "រតនា", "ឫទ្ធី", "លីនា", "ឮ", "វណ្ណា", "សុខា", "ឯម"]
# Burmese as the Myanmar dictionary orders a consonant's syllables: its vowels (မာ မူ မေ), then
# its final consonants (မင်း မောင်), then its medials (မြ); by code point the medials and finals
# come first (ကျော် before ကို, မင်း before မာ).
BURMESE = ["ကို", "ကျော်", "ခင်", "မာ", "မူ", "မေ", "မင်း", "မောင်", "မြင့်", "သန်း", "အောင်"]
# Latin (Indonesian, English): letters first, case then accents only to break a tie.
LATIN = ["adi", "Adi", "Ádi", "Ahmad", "Budi", "eka", "Éka", "Siti", "Śri", "Zainal"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("names", [THAI, LAO, KHMER, BURMESE, LATIN],
                         ids=["thai", "lao", "khmer", "burmese", "latin"])
def test_names_in_their_readers_order_in_every_interface_language(
        names: list[str], lang: str) -> None:
    assert in_order(names, lang) == names


def test_the_issue_s_examples() -> None:
    assert in_order(["สมชาย", "ไพศาล", "กมล"]) == ["กมล", "ไพศาล", "สมชาย"]
    set_language("lo")
    # ແສງ by its ສ: after ກອງ, and before ບຸນ, which by code point (ແ is U+0EC1) it follows.
    assert in_order(["ບຸນມີ", "ແສງ", "ກອງ"]) == ["ກອງ", "ແສງ", "ບຸນມີ"]


def test_ádi_sorts_with_adi() -> None:
    assert in_order(["Budi", "Zainal", "Adi Saputra", "Ádi Saputra", "Ahmad"]) == [
        "Adi Saputra", "Ádi Saputra", "Ahmad", "Budi", "Zainal"]


def test_the_interface_language_puts_its_own_script_first() -> None:
    names = ["Budi", "ກອງແກ້ວ", "กมล", "ကို", "កញ្ញា"]
    assert in_order(names) == ["Budi", "กมล", "ກອງແກ້ວ", "ကို", "កញ្ញា"]
    set_language("lo")
    assert in_order(names) == ["ກອງແກ້ວ", "Budi", "กมล", "ကို", "កញ្ញា"]
    set_language("km")
    assert in_order(names)[0] == "កញ្ញា"
    set_language("my")
    assert in_order(names)[0] == "ကို"


def test_a_name_sorts_as_its_normal_form() -> None:
    """Text is kept as typed: two marks typed in either order make one key."""
    assert name_sort_key("Ba\u0301\u0323di") == name_sort_key("Ba\u0323\u0301di")
    assert name_sort_key("A\u0301di") == name_sort_key("Ádi")


def test_the_first_frame_does_not_load_icu() -> None:
    """ICU loads on the first sort, after the first frame: importing the app does not load it,
    though the app's door (`store`) offers `name_sort_key`."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, tui.app, store; store.name_sort_key; "
         "print('icu' in sys.modules, 'store.common.collation' in sys.modules)"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout.split()
    assert loaded == ["False", "True"]
