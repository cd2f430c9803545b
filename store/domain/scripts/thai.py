"""Thai names: their normal form and their Latin spellings.

The spellings follow the Royal Thai General System of Transcription (RTGS, Royal Institute
1999/2000), first in every list, then the spellings Thai passports and the press use
(store/common/scripts/thai.toml says which); the syllables are read by `tai.Rules`
(leading vowels, the inherent a and o, the silent ห, finals by class, the thanthakhat).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from store.common.scripts import romanisation_table
from store.domain.scripts.tai import Rules, Spelt, interleaved, styles

# Characters that are never seen: zero-width space, non-joiner, joiner, word joiner, soft
# hyphen, byte order mark.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad\ufeff]")
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
# Sara am typed as its two parts, nikhahit and sara aa (a tone mark may sit between them, or
# come after the whole: the tone mark is written before sara am).
_AM = re.compile(f"\u0e4d([{_TONES}]?)\u0e32")
_AM_TONE = re.compile(f"\u0e33([{_TONES}])")


@cache
def _rules() -> tuple[tuple[float, Rules], ...]:
    """The table's styles: the published system's spelling, the passports' style, the
    Sanskrit-style transliteration, each with its cost."""
    return styles(romanisation_table("thai"))


def normalise(word: str) -> str:
    """A Thai text as matching compares it: no invisible characters; sara am whole (ํา -> ำ);
    sara ae typed as two sara e (เเ -> แ)."""
    word = _INVISIBLE.sub("", word)
    word = _AM_TONE.sub("\\1\u0e33", _AM.sub("\\1\u0e33", word))
    return word.replace("\u0e40\u0e40", "\u0e41")


@lru_cache(maxsize=16_384)
def romanise(word: str) -> list[str]:
    """A Thai word's likely Latin spellings, lower case, best first (RTGS's first)."""
    word = normalise(word)
    return interleaved(*([s for _c, s in rules.spellings(word)] for _cost, rules in _rules()))


@lru_cache(maxsize=16_384)
def spellings_by_style(word: str) -> list[tuple[float, list[Spelt]]]:
    """A Thai word's spellings in each style: the style's cost, and the spellings each with
    its cost, cheapest first."""
    word = normalise(word)
    return [(cost, rules.spellings(word)) for cost, rules in _rules()]
