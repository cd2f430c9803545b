"""Lao names: their normal form and their Latin spellings.

The spellings follow the BGN/PCGN 1966 romanisation of Lao (the values of the Lao government's
place names too), then the spellings Lao passports and the press use, French-influenced (ou,
x, -one, -ay: store/common/scripts/lao.toml says which); the syllables are read by
`tai.Rules` (leading vowels, an unwritten vowel, the silent ຫ, finals).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from store.common.scripts import romanisation_table
from store.domain.scripts.tai import Rules, Spelt, interleaved, styles

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad\ufeff]")
_TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
# Sala am typed as its two parts, niggahita and sala aa, a tone mark perhaps between them; a
# tone mark after the whole goes before it.
_AM = re.compile(f"\u0ecd([{_TONES}]?)\u0eb2")
_AM_TONE = re.compile(f"\u0eb3([{_TONES}])")
# One letter written two ways: ໜ ໝ are ຫນ ຫມ; the subscript lo ຼ is ລ (ຫຼ, ຫລ).
_LETTERS = str.maketrans({"\u0edc": "\u0eab\u0e99", "\u0edd": "\u0eab\u0ea1",
                          "\u0ebc": "\u0ea5"})
# A last -i spelt y, as Lao passports do (Pany, Bounmy), after a consonant.
_LAST_I = re.compile(r"(?<=[b-df-hj-np-tv-z])i$")


@cache
def _rules() -> tuple[tuple[float, Rules], ...]:
    """The table's styles: the published system's spelling, the passports' style, each with
    its cost."""
    return styles(romanisation_table("lao"))


def normalise(word: str) -> str:
    """A Lao text as matching compares it: no invisible characters; ໜ ໝ ຼ as ຫນ ຫມ ລ; sala
    am whole (ໍາ -> ຳ); sala ae typed as two sala e (ເເ -> ແ)."""
    word = _INVISIBLE.sub("", word).translate(_LETTERS)
    word = _AM_TONE.sub("\\1\u0eb3", _AM.sub("\\1\u0eb3", word))
    return word.replace("\u0ec0\u0ec0", "\u0ec1")


@lru_cache(maxsize=16_384)
def romanise(word: str) -> list[str]:
    """A Lao word's likely Latin spellings, lower case, best first."""
    word = normalise(word)
    spellings: list[str] = []
    for spelling in interleaved(*([s for _c, s in rules.spellings(word)]
                                  for _cost, rules in _rules())):
        spelling = _LAST_I.sub("y", spelling)
        if spelling not in spellings:
            spellings.append(spelling)
    return spellings


@lru_cache(maxsize=16_384)
def spellings_by_style(word: str) -> list[tuple[float, list[Spelt]]]:
    """A Lao word's spellings in each style: the style's cost, and the spellings each with
    its cost, cheapest first."""
    word = normalise(word)
    found: list[tuple[float, list[Spelt]]] = []
    for cost, rules in _rules():
        style: list[Spelt] = []
        for more, spelling in rules.spellings(word):
            spelling = _LAST_I.sub("y", spelling)
            if spelling not in (s for _c, s in style):
                style.append((more, spelling))
        found.append((cost, style))
    return found
