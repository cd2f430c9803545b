"""Names in Lao, Thai, Khmer and Burmese script, and their Latin spellings.

A worker's name may be typed in their own script (ສົມຊາຍ, សុខ ចាន់ដារ៉ា, အောင်ကျော်မိုး,
สมชาย) by one officer and in Latin letters by another, as a passport spells it (Somxay, Sok
Chandara, Aung Kyaw Moe, Somchai). Here:

- `script_of(text)`: which of these scripts a text is written in (None for Latin);
- `normalise(text)`: the text as matching compares it (Unicode NFC; Khmer's characters in the
  order the SIL Khmer character specification gives; Burmese typed in the Zawgyi encoding
  converted to Unicode). For matching only: what was typed is stored as typed;
- `latin_spellings(name)`: the likely Latin spellings of a name in one of these scripts, best
  first, from curated romanisation tables (store/common/scripts/*.toml, each citing the
  published system it follows);
- `matching_forms(spelling)`: a spelling and its Latin spellings, what search and likely
  matches compare (`store.domain.matching.cross_script_similarity` scores two names on them).

Each script's rules are in its own module (`lao`, `thai`, `khmer`, `burmese`), each offering
`normalise(word) -> str` and `romanise(word) -> list[str]` (a word's Latin spellings, best
first).
"""

from __future__ import annotations

import importlib
import unicodedata
from functools import lru_cache
from types import ModuleType

# Each script's blocks of code points.
_BLOCKS: dict[str, tuple[tuple[int, int], ...]] = {
    "thai": ((0x0E00, 0x0E7F),),
    "lao": ((0x0E80, 0x0EFF),),
    "khmer": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    "burmese": ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)),
}
SCRIPTS = tuple(_BLOCKS)
# Spellings offered for a whole name, at most, and compared by matching (`matching_forms`).
MOST = 5
FORMS = 10
# A spelling at least this alike (`store.domain.matching.similarity`) to one offered before it
# is not offered.
DISTINCT = 92.0
# No spelling is offered that costs more than the best by this (a reading or letters seldom
# chosen: more forms only add false matches between short names, สมชาย / สมหมาย).
MARGIN = 3.0
# What spelling a name's words in two styles costs more than in one.
MIXED = 0.25


def _script_of_char(char: str) -> str | None:
    code = ord(char)
    for script, blocks in _BLOCKS.items():
        if any(start <= code <= end for start, end in blocks):
            return script
    return None


def script_of(text: str) -> str | None:
    """The script most of `text`'s letters are written in, of Lao, Thai, Khmer and Burmese;
    None when most are Latin (or another script)."""
    counts: dict[str | None, int] = {}
    for char in text:
        if char.isalpha() or unicodedata.category(char)[0] == "M":
            script = _script_of_char(char)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda s: (counts[s], s is not None))


def _rules(script: str) -> ModuleType:
    return importlib.import_module(f"store.domain.scripts.{script}")


@lru_cache(maxsize=65_536)
def normalise(text: str) -> str:
    """`text` as matching compares it: NFC, then its script's own normalisation."""
    text = unicodedata.normalize("NFC", text)
    script = script_of(text)
    if script is None:
        return text
    return _rules(script).normalise(text)


Costed = list[tuple[float, str]]
# Spellings of a word, and of the words before it, kept while a name's are combined.
_KEPT = 12


def _styles(rules: ModuleType, word: str) -> list[tuple[float, Costed]]:
    """A word's spellings in each of its script's styles: the style's cost and the spellings,
    each (cost, spelling), cheapest first: the module's own `spellings_by_style(word)` if it
    has one, else its `romanise` ranks."""
    if hasattr(rules, "spellings_by_style"):
        return [(cost, spelt[:_KEPT] or [(0.0, word)])
                for cost, spelt in rules.spellings_by_style(word)]
    return [(0.0, [(float(rank), spelling) for rank, spelling
                   in enumerate(rules.romanise(word)[:_KEPT])] or [(0.0, word)])]


def _combined(words: list[list[tuple[float, Costed]]]) -> Costed:
    """The spellings of a name from its words' in each style, cheapest first: each word's
    cost in the style it is spelt in, the cost of each style used, and `MIXED` more for each
    style beyond the first."""
    names: list[tuple[float, str, frozenset[int]]] = [(0.0, "", frozenset())]
    for styles in words:
        grown = [(cost + more + (0.0 if style in used else style_cost + (MIXED if used else 0.0)),
                  f"{name} {spelling}".strip(), used | {style})
                 for cost, name, used in names
                 for style, (style_cost, options) in enumerate(styles)
                 for more, spelling in options]
        names = sorted(grown, key=lambda option: option[0])[:_KEPT * len(styles)]
    return [(cost, name) for cost, name, _used in names]


def latin_spellings(name: str, most: int = MOST) -> list[str]:
    """The likely Latin spellings of a name written in Lao, Thai, Khmer or Burmese script, best
    first, words capitalised; [] for a name in Latin letters.

    Each word is spelt in each of its script's styles (a published system, the passports'
    conventions...), each spelling with a cost (its reading's and its letters' choices, see
    tai.py, khmer.py). A name is mostly spelt in one style throughout: its words' spellings
    are combined cheapest first, a style's own cost counted once, and `MIXED` more for each
    style beyond the first; none dearer than the best by more than `MARGIN`. A spelling that
    matching cannot tell from one offered before it (Phaibun, Paibun: `DISTINCT`) is not
    offered again: it would take the place of a different one."""
    return list(_spellings(name)[:most])


@lru_cache(maxsize=65_536)
def _spellings(name: str) -> tuple[str, ...]:
    """`latin_spellings(name)`, up to `FORMS` of them."""
    from store.domain.matching.words import similarity  # here: matching imports this package

    script = script_of(name)
    if script is None:
        return ()
    rules = _rules(script)
    options = _combined([_styles(rules, w) for w in normalise(name).split() if w])
    spellings: list[str] = []
    for cost, spelling in options:
        if cost > options[0][0] + MARGIN:
            break
        spelling = " ".join(piece[:1].upper() + piece[1:] for piece in spelling.split(" "))
        if all(similarity(spelling, offered) < DISTINCT for offered in spellings):
            spellings.append(spelling)
        if len(spellings) == FORMS:
            break
    return tuple(spellings)


def matching_forms(spelling: str) -> list[str]:
    """A spelling as typed, then its Latin spellings if it is in one of these scripts (up to
    `FORMS`: more than are offered, since a name is found by any)."""
    return [spelling, *_spellings(spelling)]

