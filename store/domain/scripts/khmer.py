"""Khmer names: their normal form for matching, and their Latin spellings.

`normalise(text)`: each syllable's characters in the order of the SIL Khmer character
specification (github.com/sillsdev/khmer-character-specification: base, robat, COENG with its
subscripts, register shifter, vowels, signs; coeng ro after the other subscripts, coeng da as
coeng ta; the vowels that have two typings, េ + ី for ើ and េ + ា for ោ, as one), so that two
typings that look the same on screen compare equal. Implemented here after the specification's
own script (khnormal, SIL, MIT licence) rather than through the `khmerspell` package, a
one-release copy of that script by another author, whose regular expressions behind the
shifter rules are passed flags in the place of the count: the parts names need are short. A
zero-width space (which Khmer typists put between words) is a space; zero-width joiners and
non-joiners are dropped. For matching only: what was typed is stored as typed.

`romanise(word)`: a word's likely Latin spellings, best first, lower case. The word is cut into
orthographic clusters (a base letter with its subscripts, shifter, vowels and signs), the
clusters read as syllables (onset, vowel, final: a bare consonant after a syllable without a
final is its final, a subscript's base closes the syllable before it), each syllable spelt by
the UNGEGN (BGN/PCGN 1972) romanisation of Khmer as the two series of consonants read their
vowels, with the passport conventions that store/common/scripts/khmer.toml lists. Where the
reading is ambiguous (ហ in សីហមុនី: Siha-, not Seih-) the other reading is offered too, after.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from store.common.scripts import romanisation_table

MOST = 6  # spellings offered for a word, at most
COENG, ROBAT, BANTOC, TOANDAKHIAT = "\u17d2", "\u17cc", "\u17cb", "\u17cd"
SHIFT_TO_A, SHIFT_TO_O = "\u17c9", "\u17ca"  # muusikatoan, triisap
# Signs read with the vowel: nikahit ំ, reahmuk ះ, yuukaleapintu ៈ, samyok sannya ័.
VOWEL_SIGNS = "\u17c6\u17c7\u17c8\u17d0"


def _category(char: str) -> int:
    """The SIL specification's category of a Khmer character, in the order a syllable keeps
    them: 1 base, 2 robat, 3 coeng (and its subscript), 4 shifter, 5 ZWNJ, 6 vowel written
    before, 7 below, 8 above, 9 after, 10 signs, 11 final signs; 0 anything else."""
    code = ord(char)
    if 0x1780 <= code <= 0x17A2 or 0x17A5 <= code <= 0x17B3:
        return 1
    if code == 0x17CC:
        return 2
    if code == 0x17D2:
        return 3
    if code in (0x17C9, 0x17CA):
        return 4
    if code == 0x200C:
        return 5
    for first, last, category in ((0x17BE, 0x17C5, 6), (0x17BB, 0x17BD, 7),
                                  (0x17B7, 0x17BA, 8), (0x17B6, 0x17B6, 9),
                                  (0x17C7, 0x17C8, 11)):
        if first <= code <= last:
            return category
    if code in (0x17C6, 0x17CB, 0x17CD, 0x17CE, 0x17CF, 0x17D0, 0x17D1, 0x17D3, 0x17DD):
        return 10
    return 0


_FIXES = tuple((re.compile(pattern), repl) for pattern, repl in (
    ("(\u17d2)[\u17d2\u200c\u200d]+", r"\1"),  # repeated invisible characters
    ("\u17be\u17b6", "\u17c4\u17b8"),  # confusable vowel sequences
    ("\u17c1([\u17bb-\u17bd]?)\u17b8", "\u17be\\1"),  # េ + ី: ើ
    ("\u17c1([\u17bb-\u17bd]?)\u17b6", "\u17c4\\1"),  # េ + ា: ោ
    ("(\u17be)(\u17bb)", r"\2\1"),
    ("(\u17d2\u179a)(\u17d2[\u1780-\u17b3])", r"\2\1"),  # coeng ro after other subscripts
    ("(\u17d2)\u178a", "\\1\u178f"),  # coeng da: coeng ta
))


def _reordered(text: str) -> str:
    categories = [_category(c) for c in text]
    for i in range(1, len(text)):  # a consonant after coeng is a subscript
        if text[i - 1] == COENG and categories[i] in (1, 3):
            categories[i] = 3
    out: list[str] = []
    i = 0
    while i < len(text):
        if categories[i] != 1:
            out.append(text[i])
            i += 1
            continue
        j = i + 1
        while j < len(text) and categories[j] > 1:
            j += 1
        syllable = "".join(text[k] for k in sorted(range(i, j), key=lambda k: (categories[k], k)))
        for pattern, repl in _FIXES:
            syllable = pattern.sub(repl, syllable)
        out.append(syllable)
        i = j
    return "".join(out)


@lru_cache(maxsize=16_384)
def normalise(text: str) -> str:
    """`text` as matching compares it (see the module's docstring)."""
    text = _reordered(unicodedata.normalize("NFC", text).replace("\u200b", " "))
    return text.replace("\u200c", "").replace("\u200d", "")


@dataclass
class _Cluster:
    base: str
    subs: str = ""  # subscript consonants
    shifter: str = ""
    vowel: str = ""  # vowel signs and the signs read with them
    signs: str = ""  # the other signs

    @property
    def voiced(self) -> bool:
        """Has a vowel of its own."""
        return bool(self.vowel)

    @property
    def independent(self) -> bool:
        return "\u17a3" <= self.base <= "\u17b3"


def clusters(word: str) -> list[_Cluster]:
    found: list[_Cluster] = []
    i = 0
    while i < len(word):
        char = word[i]
        if _category(char) != 1:
            if found and char == COENG and i + 1 < len(word):
                found[-1].subs += word[i + 1]
                i += 2
                continue
            if found and _category(char) == 4:
                found[-1].shifter = char
            elif found and ("\u17b6" <= char <= "\u17c5" or char in VOWEL_SIGNS):
                found[-1].vowel += char
            elif found and _category(char):
                found[-1].signs += char
            i += 1
            continue
        found.append(_Cluster(base=char))
        i += 1
    return [c for c in found if TOANDAKHIAT not in c.signs]  # a letter marked silent


@dataclass
class _Syllable:
    onset: str  # base and subscripts
    shifter: str = ""
    vowel: str = ""
    final: str = ""
    independent: bool = False
    subscript: bool = False  # its onset was written under the syllable before's final


def _parses(found: list[_Cluster], i: int = 0, current: _Syllable | None = None,
            penalty: int = 0) -> Iterator[tuple[int, list[_Syllable]]]:
    """Every reading of the clusters from `i` as syllables (the syllable being read,
    `current`, first), with a penalty for each choice that is not the likelier one."""
    before = [current] if current is not None else []
    if penalty > 2:
        return
    if i == len(found):
        yield penalty, before
        return
    c, after = found[i], found[i + 1] if i + 1 < len(found) else None

    def start(syllable: _Syllable, cost: int = 0) -> Iterator[tuple[int, list[_Syllable]]]:
        for total, rest in _parses(found, i + 1, syllable, penalty + cost):
            yield total, before + rest

    def close(final: str, then: _Syllable | None, cost: int = 0) -> Iterator[
            tuple[int, list[_Syllable]]]:
        assert current is not None
        closed = replace(current, final=final)
        if then is None:
            yield from _parses(found, i + 1, closed, penalty + cost)
            return
        for total, rest in _parses(found, i + 1, then, penalty + cost):
            yield total, [closed, *rest]

    if c.independent:
        yield from start(_Syllable(c.base, vowel=c.vowel, independent=True))
        return
    whole = _Syllable(c.base + c.subs, c.shifter, c.vowel)
    if current is None or current.final:
        yield from start(whole)
        return
    if c.subs:  # its base closes the syllable before
        rest = _Syllable(c.subs, c.shifter, c.vowel, subscript=True)
        silent = not c.voiced and after is None
        yield from close(c.base, None if silent else rest)
        yield from start(whole, 1)
        return
    if c.voiced:
        yield from start(whole)
        return
    if after is not None and after.subs and not after.independent:
        yield from start(whole)  # its syllable closed by the next cluster's base (សុវត្ថិ)
        yield from close(c.base, None, 1)
        return
    rare = c.base in _tables()["series"]["rare_finals"] and after is not None
    if BANTOC in c.signs or after is None or ((after.voiced or after.independent)
                                              and not rare):
        yield from close(c.base, None)
        if BANTOC not in c.signs:
            yield from start(whole, 1)
        return
    yield from start(whole)  # a bare consonant before another: onset, the next its final
    yield from close(c.base, None, 1)


@cache
def _tables(style: str = "") -> dict[str, Any]:
    """The romanisation table, its keys brought to the order `normalise` gives; in one of its
    styles (its part `[<style>]`: the spellings named there put first in their lists)."""
    def keyed(section: Any) -> Any:
        if not isinstance(section, dict):
            return section
        return {normalise(k) if k else k: keyed(v) for k, v in section.items()}

    def chosen(section: Any, choices: dict[str, Any]) -> Any:
        section = dict(section)
        for key, choice in choices.items():
            section[key] = chosen(section.get(key, {}), choice) if isinstance(
                choice, dict) else [choice, *(s for s in section.get(key, []) if s != choice)]
        return section
    table = {name: keyed(section) for name, section in romanisation_table("khmer").items()}
    return chosen(table, table.get(style, {})) if style else table


def _series(syllable: _Syllable) -> str:
    series = _tables()["series"]
    if syllable.shifter:
        return "a" if syllable.shifter == SHIFT_TO_A else "o"
    subs = [s for s in syllable.onset[1:] if s in series["subscript_o"]]
    if subs:
        return "o"
    return "a" if syllable.onset[:1] in series["a"] else "o"


def _onset(syllable: _Syllable, tables: dict[str, Any]) -> list[str]:
    initials = tables["initials"]
    letters = [initials.get(letter, [""]) for letter in syllable.onset]
    if syllable.onset[0] + syllable.shifter in initials:  # ប៉: pa
        letters[0] = initials[syllable.onset[0] + syllable.shifter]
    if syllable.subscript and COENG + syllable.onset[0] in initials:
        letters[0] = initials[COENG + syllable.onset[0]]
    if len(letters) > 1 and syllable.onset[0] == "\u1794":  # ប before a subscript: p
        letters[0] = ["p"]
    spellings = [""]
    for options in letters:
        spellings = [s + o for s in spellings for o in options[:2]]
    return spellings


def _rhyme(syllable: _Syllable, series: str, tables: dict[str, Any]) -> list[str]:
    vowel = syllable.vowel
    if syllable.independent:
        vowels = tables["independent"].get(syllable.onset, [""])
    elif syllable.final:
        rhyme = tables["rhymes"][series].get(vowel + syllable.final)
        if rhyme:
            return rhyme
        vowels = (tables["closed"][series].get(vowel) or tables["open"][series].get(vowel)
                  or ["".join(tables["open"][series].get(v, [""])[0] for v in vowel)])
    else:
        vowels = tables["open"][series].get(vowel) or [
            "".join(tables["open"][series].get(v, [""])[0] for v in vowel)]
    finals = tables["finals"].get(syllable.final, [""])[:2] if syllable.final else [""]
    return [v + f for v in vowels for f in finals]


def spell_syllable(syllable: _Syllable, learned: bool = False, style: str = "") -> list[str]:
    """A syllable's Latin spellings, best first. `learned`: as names of Pali and Sanskrit
    origin are spelt (Vathanaka, Sophara, Sovath), the inherent vowel and an open ា as a."""
    tables = _tables(style)
    if syllable.independent:
        return _rhyme(syllable, "a", tables)
    series = _series(syllable)
    onsets = _onset(syllable, tables)
    if learned and not syllable.final and syllable.vowel in ("", "\u17b6"):
        return [o + "a" for o in onsets]
    if learned and not syllable.vowel:
        finals = tables["finals"].get(syllable.final, [""])[:2]
        return [o + "a" + f for o in onsets for f in finals]
    spellings = [o + r for o in onsets for r in _rhyme(syllable, series, tables)]
    # the best onset with every rhyme first, then the other onsets
    spellings.sort(key=lambda s: not s.startswith(onsets[0]))
    return list(dict.fromkeys(spellings))


# A final stop before the same stop aspirated, or a consonant written twice, is written once,
# as passports do: Sothea (សុទ្ធា), Bopha (បុប្ផា), Vichea (វិជ្ជា), Norodom (នរោត្តម).
_GEMINATES = re.compile(r"th?(?=th|d)|k(?=kh)|p(?=ph)|ch(?=ch)")


def _combined(pieces: list[list[str]], most: int) -> list[tuple[int, str]]:
    beam: list[tuple[int, str]] = [(0, "")]
    for options in pieces:
        grown = sorted(((cost + rank, _GEMINATES.sub("", text + option)) for cost, text in beam
                        for rank, option in enumerate(options[:most])), key=lambda x: x[0])
        beam = list({text: (cost, text) for cost, text in reversed(grown)}.values())
        beam.sort(key=lambda item: item[0])
        beam = beam[:most * 4]
    return beam


@lru_cache(maxsize=16_384)
def _romanise(word: str, style: str = "") -> tuple[tuple[float, str], ...]:
    """A word's spellings in a style, each with its cost, cheapest first."""
    word = normalise(word)
    scored: list[tuple[float, str]] = []
    table = _tables(style)["words"].get(word, [])
    scored += [(rank, spelling) for rank, spelling in enumerate(table)]
    found = clusters(word)
    for penalty, syllables in sorted(_parses(found), key=lambda p: p[0]):
        pieces = [spell_syllable(s, style=style) for s in syllables]
        last = syllables[-1] if syllables else None
        if last and last.subscript and last.vowel == "\u17b7" and not last.final:
            # a last ិ after a subscript, in Pali words mostly not said: Sovath (សុវត្ថិ)
            pieces[-1] = pieces[-1][:1] + _onset(last, _tables(style))[:1] + pieces[-1][1:]
        scored += [(cost + 2 * penalty + len(table), text)
                   for cost, text in _combined(pieces, MOST) if text]
        learned = [spell_syllable(s, learned=True, style=style) for s in syllables]
        scored += [(cost + 2 * penalty + len(table) + 0.5, text)
                   for cost, text in _combined(learned, 1) if text]
    best: dict[str, float] = {}
    for cost, text in sorted(scored, key=lambda item: item[0]):
        best.setdefault(text, cost)
    return tuple((cost, text) for text, cost in best.items())[:MOST]


def romanise(word: str) -> list[str]:
    """A Khmer word's likely Latin spellings, best first, lower case:
    'សុខា' -> ['sokha', ...], 'ហ៊ុន' -> ['hun', ...]."""
    return [text for _cost, text in _romanise(word)]


def spellings_by_style(word: str) -> list[tuple[float, list[tuple[float, str]]]]:
    """A Khmer word's spellings in each style of the table's `[styles]` (UNGEGN's with the
    passports' conventions, the French-era spelling): the style's cost, and the spellings each
    with its cost, cheapest first."""
    return [(cost, list(_romanise(word, style))) for style, cost in _tables()["styles"].items()]
